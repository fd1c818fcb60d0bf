import type { Kysely, Migration } from 'kysely';

/**
 * Exchange rates a user adds to the ledger (`shakeout fx add`, `fx import`):
 * one average rate per currency and month, in units of the currency per US
 * dollar, with its source. They override the bundled table's month.
 */
export const fxRate: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('fx_rate')
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('per_usd', 'double precision', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('fx_rate_pk', ['currency', 'month'])
      .execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('fx_rate').execute();
  },
};
