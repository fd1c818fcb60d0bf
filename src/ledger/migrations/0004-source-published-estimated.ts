import type { Kysely, Migration } from 'kysely';

/**
 * A source's date can be inferred: the page showed none and the date was read
 * off the text or the event (`published_estimated`). 0 or 1, default 0, so
 * sources stored before keep their meaning (a date as the page gave it).
 */
export const sourcePublishedEstimated: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('source').addColumn('published_estimated', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('source').dropColumn('published_estimated').execute();
  },
};
