import type { Kysely, Migration } from 'kysely';

/**
 * The first schema. Written with Kysely's schema builder and portable types
 * (text, integer, double precision) so the same migration runs on SQLite and
 * PostgreSQL.
 */
export const initial: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('entity')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text', (c) => c.references('entity.id'))
      .addColumn('notes', 'text')
      .execute();
    await db.schema
      .createTable('entity_name')
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entity.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull().unique())
      .addColumn('name_type', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('entity_name_entity').on('entity_name').column('entity_id').execute();
    await db.schema
      .createTable('source')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('publisher', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('url', 'text')
      .addColumn('published', 'text')
      .execute();
    await db.schema
      .createTable('fact')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull().unique())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entity.id'))
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('value_text', 'text', (c) => c.notNull())
      .addColumn('value_en', 'text')
      .addColumn('default_unit', 'text')
      .addColumn('per_given', 'text')
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('low', 'double precision')
      .addColumn('high', 'double precision')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('per', 'text')
      .addColumn('qualifier', 'text', (c) => c.notNull())
      .addColumn('p5', 'double precision', (c) => c.notNull())
      .addColumn('p50', 'double precision', (c) => c.notNull())
      .addColumn('p95', 'double precision', (c) => c.notNull())
      .addColumn('period_text', 'text')
      .addColumn('period_kind', 'text')
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('scope', 'text')
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('price_year', 'integer')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
      .addColumn('definition', 'text')
      .addColumn('notes', 'text')
      .addColumn('supersedes', 'text', (c) => c.unique().references('fact.id'))
      .addColumn('formula', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fact_entity_metric').on('fact').columns(['entity_id', 'metric']).execute();
    await db.schema
      .createTable('fact_input')
      .addColumn('fact_id', 'text', (c) => c.notNull().references('fact.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('input_id', 'text', (c) => c.notNull().references('fact.id'))
      .addPrimaryKeyConstraint('fact_input_pk', ['fact_id', 'position'])
      .execute();
    await db.schema
      .createTable('event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('period_text', 'text', (c) => c.notNull())
      .addColumn('period_kind', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('text_zh', 'text', (c) => c.notNull())
      .addColumn('text_en', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
      .addColumn('notes', 'text')
      .execute();
    await db.schema
      .createTable('event_entity')
      .addColumn('event_id', 'text', (c) => c.notNull().references('event.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entity.id'))
      .addPrimaryKeyConstraint('event_entity_pk', ['event_id', 'position'])
      .execute();
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>): Promise<void> {
    for (const t of ['meta', 'event_entity', 'event', 'fact_input', 'fact', 'source', 'entity_name', 'entity']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
