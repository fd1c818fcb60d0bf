import type { Kysely, Migration } from 'kysely';

/**
 * `fact.same_as`: the id of a fact that reports the same thing (one round
 * written by several outlets). Nullable, so existing facts keep no link.
 */
export const factSameAs: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('fact').addColumn('same_as', 'text', (c) => c.references('fact.id')).execute();
    await db.schema.createIndex('fact_same_as').on('fact').column('same_as').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('fact_same_as').execute();
    await db.schema.alterTable('fact').dropColumn('same_as').execute();
  },
};
