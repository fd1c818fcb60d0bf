import type { Kysely, Migration } from 'kysely';

/**
 * What happened to a company (`shakeout outcomes add`, `outcomes import`, the
 * bundled company-outcomes.csv): a type, a date, a detail and the source that
 * reported it. `out` is 1 or 0 when the record states whether the event put
 * the company out of the race, null when it does not (docs/outcomes.md).
 */
export const outcome: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('outcome')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entity.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('out', 'integer')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outcome_entity').on('outcome').columns(['entity_id', 'date']).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('outcome').execute();
  },
};
