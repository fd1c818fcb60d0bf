import type { Kysely, Migration } from 'kysely';

/** The meta key of the ledger's revision: a counter every write that changes the ledger bumps. */
export const REVISION_KEY = 'revision';

/**
 * The ledger's revision (`Store.revision()`): a whole number in the meta
 * table, 0 on a database that had none, bumped by one in the transaction of
 * every write that changes something (a fact, entity, event, exchange rate or
 * outcome added or corrected). A link that pins a revision can then tell
 * whether the ledger it was made on is still the one it reads.
 */
export const revision: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.insertInto('meta').values({ key: REVISION_KEY, value: '0' }).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>): Promise<void> {
    await db.deleteFrom('meta').where('key', '=', REVISION_KEY).execute();
  },
};
