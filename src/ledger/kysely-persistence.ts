import { sql, type Kysely, type Selectable } from 'kysely';
import type { Currency, FxRate, Per, Period, PeriodKind, Qualifier, Unit } from '../core/index.js';
import type { BackendName, LedgerDialect } from './backend.js';
import type { Entity } from './entity.js';
import type { Fact } from './fact.js';
import type { LedgerEvent } from './ledger-event.js';
import { REVISION_KEY } from './migrations/0006-revision.js';
import type { Outcome, OutcomeType } from './outcome.js';
import type { EntityName, FactQuery, Persistence, PersistenceReader, PersistenceWriter } from './persistence.js';
import type { FactTable, LedgerDatabase } from './schema.js';
import type { Source } from './source.js';
import type { Basis, EntityKind, FactKind, Metric } from './vocabulary.js';

type Db = Kysely<LedgerDatabase>;
type FactRow = Selectable<FactTable> & { s_publisher: string; s_title: string | null; s_url: string | null; s_published: string | null; s_published_estimated: number; superseded_by: string | null };

/**
 * Rows a statement when many are inserted or looked up at once: 500 facts of
 * 32 columns are 16,000 parameters, under SQLite's 32,766 and PostgreSQL's
 * 65,535.
 */
const INSERT_CHUNK = 500;

function chunks<T>(items: readonly T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function periodOf(text: string | null, kind: string | null, start: string | null, end: string | null): Period | null {
  return text === null ? null : { text, kind: kind as PeriodKind, start: start!, end: end! };
}

function sourceOf(r: { id: string; publisher: string; title: string | null; url: string | null; published: string | null; published_estimated: number }): Source {
  return { id: r.id, publisher: r.publisher, title: r.title, url: r.url, published: r.published, publishedEstimated: Number(r.published_estimated) === 1 };
}

/** The reads, over the database or a transaction. */
class KyselyReader implements PersistenceReader {
  constructor(
    protected readonly db: Db,
    /** What differs between SQL dialects: writing transactions, text order. */
    protected readonly dialect: LedgerDialect,
  ) {}

  async entities(): Promise<{ entities: Entity[]; names: EntityName[] }> {
    const rows = await this.db.selectFrom('entity').selectAll().orderBy(this.dialect.sortKey('id')).execute();
    const nameRows = await this.db.selectFrom('entity_name').select(['entity_id', 'name', 'name_key', 'name_type']).execute();
    const names: EntityName[] = nameRows.map((n) => ({ entityId: n.entity_id, name: n.name, key: n.name_key, type: n.name_type as EntityName['type'] }));
    const aliases = new Map<string, string[]>();
    for (const n of names) if (n.type === 'alias') (aliases.get(n.entityId) ?? aliases.set(n.entityId, []).get(n.entityId)!).push(n.name);
    const entities: Entity[] = rows.map((r) => ({
      id: r.id,
      nameEn: r.name_en,
      nameZh: r.name_zh,
      aliases: aliases.get(r.id) ?? [],
      kind: r.kind as EntityKind,
      parent: r.parent_id,
      notes: r.notes,
    }));
    return { entities, names };
  }

  async sources(): Promise<Source[]> {
    const rows = await this.db.selectFrom('source').selectAll().orderBy(this.dialect.sortKey('publisher')).orderBy(this.dialect.sortKey('id')).execute();
    return rows.map(sourceOf);
  }

  private factQuery() {
    return this.db
      .selectFrom('fact')
      .innerJoin('source', 'source.id', 'fact.source_id')
      .leftJoin('fact as next', 'next.supersedes', 'fact.id')
      .selectAll('fact')
      .select([
        'source.publisher as s_publisher',
        'source.title as s_title',
        'source.url as s_url',
        'source.published as s_published',
        'source.published_estimated as s_published_estimated',
        'next.id as superseded_by',
      ]);
  }

  async facts(query: FactQuery = {}): Promise<Fact[]> {
    let q = this.factQuery();
    if (query.id !== undefined) q = q.where('fact.id', '=', query.id);
    if (query.entityIds !== undefined) q = q.where('fact.entity_id', 'in', query.entityIds.length ? [...query.entityIds] : ['']);
    if (query.metric !== undefined) q = q.where('fact.metric', '=', query.metric);
    if (query.overlaps !== undefined) q = q.where('fact.period_start', '<=', query.overlaps.end).where('fact.period_end', '>=', query.overlaps.start);
    if (query.kind !== undefined) q = q.where('fact.kind', '=', query.kind);
    if (query.currentOnly) q = q.where('next.id', 'is', null);
    q = query.order === 'creation'
      ? q.orderBy('fact.seq')
      : q.orderBy(this.dialect.sortKey('fact.entity_id')).orderBy(this.dialect.sortKey('fact.metric')).orderBy(this.dialect.sortKey('fact.period_start')).orderBy('fact.seq');
    return this.toFacts((await q.execute()) as FactRow[]);
  }

  private async toFacts(rows: readonly FactRow[]): Promise<Fact[]> {
    if (!rows.length) return [];
    const derived = rows.filter((r) => r.formula !== null).map((r) => r.id);
    const inputs = new Map<string, string[]>();
    for (const chunk of chunks(derived)) {
      const ins = await this.db.selectFrom('fact_input').selectAll().where('fact_id', 'in', chunk).orderBy(this.dialect.sortKey('fact_id')).orderBy('position').execute();
      for (const r of ins) (inputs.get(r.fact_id) ?? inputs.set(r.fact_id, []).get(r.fact_id)!).push(r.input_id);
    }
    return rows.map((r) => ({
      id: r.id,
      entity: r.entity_id,
      metric: r.metric as Metric,
      valueText: r.value_text,
      valueTextEn: r.value_en,
      defaultUnit: r.default_unit as Unit | null,
      figure: {
        value: Number(r.value),
        low: r.low === null ? null : Number(r.low),
        high: r.high === null ? null : Number(r.high),
        unit: r.unit as Unit,
        per: r.per as Per | null,
        qualifier: r.qualifier as Qualifier,
        p5: Number(r.p5),
        p50: Number(r.p50),
        p95: Number(r.p95),
      },
      period: periodOf(r.period_text, r.period_kind, r.period_start, r.period_end),
      scope: r.scope,
      basis: r.basis as Basis,
      kind: r.kind as FactKind,
      priceYear: r.price_year === null ? null : Number(r.price_year),
      source: { id: r.source_id, publisher: r.s_publisher, title: r.s_title, url: r.s_url, published: r.s_published, publishedEstimated: Number(r.s_published_estimated) === 1 },
      definition: r.definition,
      notes: r.notes,
      supersedes: r.supersedes,
      sameAs: r.same_as,
      supersededBy: r.superseded_by,
      derivedFrom: r.formula === null ? null : { inputs: inputs.get(r.id) ?? [], formula: r.formula },
      createdAt: r.created_at,
    }));
  }

  async factIds(): Promise<string[]> {
    return (await this.db.selectFrom('fact').select('id').execute()).map((r) => r.id);
  }

  async events(): Promise<LedgerEvent[]> {
    const rows = await this.db
      .selectFrom('event')
      .innerJoin('source', 'source.id', 'event.source_id')
      .selectAll('event')
      .select(['source.publisher', 'source.title', 'source.url', 'source.published', 'source.published_estimated'])
      .orderBy(this.dialect.sortKey('event.period_start'))
      .orderBy(this.dialect.sortKey('event.id'))
      .execute();
    const links = await this.db.selectFrom('event_entity').selectAll().orderBy(this.dialect.sortKey('event_id')).orderBy('position').execute();
    const byEvent = new Map<string, string[]>();
    for (const l of links) (byEvent.get(l.event_id) ?? byEvent.set(l.event_id, []).get(l.event_id)!).push(l.entity_id);
    return rows.map((r) => ({
      id: r.id,
      entities: byEvent.get(r.id) ?? [],
      period: { text: r.period_text, kind: r.period_kind as PeriodKind, start: r.period_start, end: r.period_end },
      textZh: r.text_zh,
      textEn: r.text_en,
      source: sourceOf({ ...r, id: r.source_id }),
      notes: r.notes,
    }));
  }

  async outcomes(filter: { entityId?: string } = {}): Promise<Outcome[]> {
    let q = this.db
      .selectFrom('outcome as o')
      .innerJoin('source as s', 's.id', 'o.source_id')
      .select(['o.id', 'o.entity_id', 'o.type', 'o.date', 'o.detail', 'o.out', 's.id as s_id', 's.publisher', 's.title', 's.url', 's.published', 's.published_estimated']);
    if (filter.entityId !== undefined) q = q.where('o.entity_id', '=', filter.entityId);
    const rows = await q.orderBy(this.dialect.sortKey('o.entity_id')).orderBy(this.dialect.sortKey('o.date')).orderBy(this.dialect.sortKey('o.id')).execute();
    return rows.map((r) => ({
      id: r.id,
      entity: r.entity_id,
      type: r.type as OutcomeType,
      date: r.date,
      detail: r.detail,
      out: r.out === null ? null : Number(r.out) === 1,
      source: sourceOf({ ...r, id: r.s_id }),
    }));
  }

  async fxRates(filter: { currency?: Currency } = {}): Promise<FxRate[]> {
    let q = this.db.selectFrom('fx_rate').selectAll();
    if (filter.currency !== undefined) q = q.where('currency', '=', filter.currency);
    const rows = await q.orderBy(this.dialect.sortKey('currency')).orderBy(this.dialect.sortKey('month')).execute();
    return rows.map((r) => ({ month: r.month, currency: r.currency as Currency, perUsd: Number(r.per_usd), source: r.source, origin: 'user' as const }));
  }

  async counts(): Promise<{ entities: number; events: number }> {
    // counts read with Number(): PostgreSQL's bigint comes as a string
    const entities = await this.db.selectFrom('entity').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const events = await this.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return { entities: Number(entities?.n ?? 0), events: Number(events?.n ?? 0) };
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }
}

/** The writes, inside one transaction. */
class KyselyWriter extends KyselyReader implements PersistenceWriter {
  async insertEntity(e: Omit<Entity, 'aliases'>, names: readonly Omit<EntityName, 'entityId'>[]): Promise<void> {
    await this.db.insertInto('entity').values({ id: e.id, name_en: e.nameEn, name_zh: e.nameZh, kind: e.kind, parent_id: e.parent, notes: e.notes }).execute();
    await this.insertNames(e.id, names);
  }

  async insertNames(entityId: string, names: readonly Omit<EntityName, 'entityId'>[]): Promise<void> {
    for (const n of names) await this.db.insertInto('entity_name').values({ entity_id: entityId, name: n.name, name_key: n.key, name_type: n.type }).execute();
  }

  async updateEntity(id: string, change: { parent?: string | null; kind?: EntityKind }): Promise<void> {
    if (change.parent === undefined && change.kind === undefined) return;
    await this.db.updateTable('entity').set({ ...(change.parent !== undefined ? { parent_id: change.parent } : {}), ...(change.kind !== undefined ? { kind: change.kind } : {}) }).where('id', '=', id).execute();
  }

  private async ensureSources(sources: readonly Source[]): Promise<void> {
    const byId = new Map(sources.map((s) => [s.id, s]));
    const have = new Set<string>();
    for (const ids of chunks([...byId.keys()])) {
      for (const r of await this.db.selectFrom('source').select('id').where('id', 'in', ids).execute()) have.add(r.id);
    }
    const fresh = [...byId.values()].filter((x) => !have.has(x.id));
    for (const chunk of chunks(fresh)) {
      await this.db.insertInto('source').values(chunk.map((x) => ({ id: x.id, publisher: x.publisher, title: x.title, url: x.url, published: x.published, published_estimated: x.publishedEstimated ? 1 : 0 }))).execute();
    }
  }

  async insertFacts(facts: readonly { fact: Fact; perGiven: string | null }[]): Promise<void> {
    if (!facts.length) return;
    const max = await this.db.selectFrom('fact').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    let seq = Number(max?.m ?? 0);
    await this.ensureSources(facts.map(({ fact }) => fact.source));
    const rows = facts.map(({ fact: f, perGiven }) => ({
      id: f.id,
      seq: ++seq,
      entity_id: f.entity,
      metric: f.metric,
      value_text: f.valueText,
      value_en: f.valueTextEn,
      default_unit: f.defaultUnit,
      per_given: perGiven,
      value: f.figure.value,
      low: f.figure.low,
      high: f.figure.high,
      unit: f.figure.unit,
      per: f.figure.per,
      qualifier: f.figure.qualifier,
      p5: f.figure.p5,
      p50: f.figure.p50,
      p95: f.figure.p95,
      period_text: f.period?.text ?? null,
      period_kind: f.period?.kind ?? null,
      period_start: f.period?.start ?? null,
      period_end: f.period?.end ?? null,
      scope: f.scope,
      basis: f.basis,
      kind: f.kind,
      price_year: f.priceYear,
      source_id: f.source.id,
      definition: f.definition,
      notes: f.notes,
      supersedes: f.supersedes,
      same_as: f.sameAs,
      formula: f.derivedFrom?.formula ?? null,
      created_at: f.createdAt,
    }));
    for (const chunk of chunks(rows)) await this.db.insertInto('fact').values(chunk).execute();
    const inputs = facts.flatMap(({ fact: f }) => (f.derivedFrom?.inputs ?? []).map((input, i) => ({ fact_id: f.id, position: i, input_id: input })));
    for (const chunk of chunks(inputs)) await this.db.insertInto('fact_input').values(chunk).execute();
  }

  async insertEvent(e: LedgerEvent): Promise<void> {
    await this.ensureSources([e.source]);
    await this.db
      .insertInto('event')
      .values({ id: e.id, period_text: e.period.text, period_kind: e.period.kind, period_start: e.period.start, period_end: e.period.end, text_zh: e.textZh, text_en: e.textEn, source_id: e.source.id, notes: e.notes })
      .execute();
    for (const [i, id] of e.entities.entries()) await this.db.insertInto('event_entity').values({ event_id: e.id, position: i, entity_id: id }).execute();
  }

  async insertOutcome(o: Outcome, createdAt: string): Promise<void> {
    await this.ensureSources([o.source]);
    await this.db.insertInto('outcome').values({ id: o.id, entity_id: o.entity, type: o.type, date: o.date, detail: o.detail, out: o.out === null ? null : o.out ? 1 : 0, source_id: o.source.id, created_at: createdAt }).execute();
  }

  async insertFxRate(rate: FxRate, createdAt: string): Promise<void> {
    await this.db.insertInto('fx_rate').values({ currency: rate.currency, month: rate.month, per_usd: rate.perUsd, source: rate.source, created_at: createdAt }).execute();
  }

  async deleteFxRate(currency: Currency, month: string): Promise<void> {
    await this.db.deleteFrom('fx_rate').where('currency', '=', currency).where('month', '=', month).execute();
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.deleteFrom('meta').where('key', '=', key).execute();
    await this.db.insertInto('meta').values({ key, value }).execute();
  }

  async bumpRevision(): Promise<void> {
    // portable SQL: SQLite and PostgreSQL
    await this.db.updateTable('meta').set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` }).where('key', '=', REVISION_KEY).execute();
  }
}

/**
 * The persistence seam over any Kysely database whose SQL is portable
 * (SQLite and PostgreSQL): plain selects, inserts in transactions, no
 * upserts, no JSON columns, counts read with Number(). What differs is the
 * `LedgerDialect`: how a writing transaction runs (BEGIN IMMEDIATE, or
 * SERIALIZABLE with retries) and how text sorts. Backends (`backends.ts`)
 * open the connection and run the migrations.
 */
export class KyselyPersistence extends KyselyReader implements Persistence {
  constructor(db: Db, dialect: LedgerDialect) {
    super(db, dialect);
  }

  get backend(): BackendName {
    return this.dialect.name;
  }

  /** The database, for what moves whole tables (`copyLedger`) and for tests. */
  get kysely(): Db {
    return this.db;
  }

  /** The dialect, for what moves whole tables (`copyLedger`). */
  get ledgerDialect(): LedgerDialect {
    return this.dialect;
  }

  write<T>(fn: (tx: PersistenceWriter) => Promise<T>): Promise<T> {
    return this.dialect.write(this.db, (trx) => fn(new KyselyWriter(trx, this.dialect)));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
