import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { LedgerDialect } from './backend.js';
import { REVISION_KEY } from './migrations/0006-revision.js';
import { ShakeoutError, formatIssues, isCurrency, parsePeriod, unknownCurrencyMessage, withUserRates } from '../core/index.js';
import type { CpiTable, Currency, FxRate, FxTable, Issue, Per, Period, PeriodKind, Qualifier, Unit } from '../core/index.js';
import { findConflicts } from './conflict.js';
import type { Conflict } from './conflict.js';
import { nameKey } from './entity.js';
import type { Entity } from './entity.js';
import { summarizeLedger } from './summarize.js';
import type { Fact, FactInput } from './fact.js';
import { closest, sourceId } from './ids.js';
import type { FactRecord } from './io/fact-record.js';
import { factToRecord } from './io/fact-to-record.js';
import type { LedgerEvent } from './ledger-event.js';
import { prepareFact } from './prepare-fact.js';
import type { Column, PrepareContext } from './prepare-fact.js';
import type { FactTable, LedgerDatabase } from './schema.js';
import type { EntitySeed, EventSeed } from './seed-types.js';
import type { Source } from './source.js';
import type { EntityChange, FactFilter, FxImportOptions, ImportOptions, ImportResult, OutcomeImportOptions, OutcomeImportResult, Store, Summary } from './store.js';
import { outcomeColumnKey, prepareOutcome } from './outcome.js';
import { planFactImport, sameAsMismatch } from './plan-fact-import.js';
import type { Outcome, OutcomeColumn, OutcomeType } from './outcome.js';
import { prepareFxRate } from './fx-rate.js';
import type { FxImportResult, FxRateColumn } from './fx-rate.js';
import { ENTITY_KINDS, METRICS, toMetric } from './vocabulary.js';
import type { Basis, EntityKind, FactKind, Metric } from './vocabulary.js';

type Db = Kysely<LedgerDatabase> | Transaction<LedgerDatabase>;
type FactRow = Selectable<FactTable> & { s_publisher: string; s_title: string | null; s_url: string | null; s_published: string | null; s_published_estimated: number; superseded_by: string | null };

const INPUT_LABEL: Partial<Record<Column, string>> = { value_as_written: 'value', note: 'notes', price_year: 'priceYear', derived_from: 'derivedFrom', created_at: 'createdAt', same_as: 'sameAs' };

function notFound(message: string, code = 'not_found'): ShakeoutError {
  return new ShakeoutError(message, { status: 404, issues: [{ code, path: [], message }] });
}
function conflict(message: string, code = 'conflict'): ShakeoutError {
  return new ShakeoutError(message, { status: 409, issues: [{ code, path: [], message }] });
}

function periodOf(text: string | null, kind: string | null, start: string | null, end: string | null): Period | null {
  return text === null ? null : { text, kind: kind as PeriodKind, start: start!, end: end! };
}

/** An in-memory view of the entities, for name lookups and product trees. */
class EntityIndex {
  readonly byId = new Map<string, Entity>();
  readonly byKey = new Map<string, Entity>();
  readonly names: string[] = [];
  constructor(entities: readonly Entity[], names: readonly { entity_id: string; name: string; name_key: string; name_type: string }[]) {
    for (const e of entities) this.byId.set(e.id, e);
    for (const n of names) {
      const e = this.byId.get(n.entity_id);
      if (e) this.byKey.set(n.name_key, e);
    }
    for (const e of entities) this.names.push(e.nameEn, ...(e.nameZh ? [e.nameZh] : []), ...e.aliases);
  }
  find(name: string): Entity | undefined {
    return this.byId.get(name) ?? this.byKey.get(nameKey(name));
  }
  suggest(name: string): string | undefined {
    return closest(name, this.names);
  }
  /** The entity and everything below it (products, their models). */
  descendants(id: string): string[] {
    const out = [id];
    for (let i = 0; i < out.length; i++) {
      for (const e of this.byId.values()) if (e.parent === out[i] && !out.includes(e.id)) out.push(e.id);
    }
    return out;
  }
}

/**
 * The Store over any Kysely database whose SQL is portable (SQLite and
 * PostgreSQL): plain selects, inserts in transactions, no upserts, no JSON
 * columns, counts read with Number() (PostgreSQL's bigint comes as a
 * string). What differs is the `LedgerDialect`: how a writing transaction
 * runs (BEGIN IMMEDIATE, or SERIALIZABLE with retries) and how text sorts.
 * Backends (`backends.ts`) open the connection and run the migrations.
 */
export class KyselyStore implements Store {
  constructor(
    readonly db: Kysely<LedgerDatabase>,
    private readonly fxcpi: () => { fx: FxTable; cpi: CpiTable },
    /** What differs between SQL dialects: writing transactions, text order. */
    readonly dialect: LedgerDialect,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  // ---- entities ----

  private async entityIndex(db: Db = this.db): Promise<EntityIndex> {
    const rows = await db.selectFrom('entity').selectAll().orderBy(this.dialect.sortKey('id')).execute();
    const names = await db.selectFrom('entity_name').select(['entity_id', 'name', 'name_key', 'name_type']).execute();
    const aliases = new Map<string, string[]>();
    for (const n of names) if (n.name_type === 'alias') (aliases.get(n.entity_id) ?? aliases.set(n.entity_id, []).get(n.entity_id)!).push(n.name);
    const entities: Entity[] = rows.map((r) => ({
      id: r.id,
      nameEn: r.name_en,
      nameZh: r.name_zh,
      aliases: aliases.get(r.id) ?? [],
      kind: r.kind as EntityKind,
      parent: r.parent_id,
      notes: r.notes,
    }));
    return new EntityIndex(entities, names);
  }

  async listEntities(): Promise<Entity[]> {
    return [...(await this.entityIndex()).byId.values()];
  }

  async resolveEntity(name: string): Promise<Entity> {
    const idx = await this.entityIndex();
    const e = idx.find(name);
    if (e) return e;
    const hint = idx.suggest(name);
    throw notFound(`unknown entity "${name}"${hint ? `; did you mean "${hint}"?` : ''}`, 'unknown_entity');
  }

  async addEntity(seed: EntitySeed): Promise<Entity> {
    const issues: Issue[] = [];
    const id = typeof seed.id === 'string' ? seed.id.trim() : '';
    if (!/^[a-z0-9][a-z0-9:._-]*$/.test(id)) issues.push({ code: 'invalid_id', path: ['id'], message: `expected a lower-case id such as "mistral-ai", got "${seed.id ?? ''}"` });
    if (typeof seed.nameEn !== 'string' || !seed.nameEn.trim()) issues.push({ code: 'missing_name', path: ['nameEn'], message: 'expected an English name' });
    if (!(ENTITY_KINDS as readonly string[]).includes(seed.kind)) issues.push({ code: 'invalid_kind', path: ['kind'], message: `expected one of ${ENTITY_KINDS.join(', ')}, got "${seed.kind}"` });
    if (issues.length) throw new ShakeoutError(`invalid entity: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues, status: 400 });
    const idx = await this.entityIndex();
    const names: [string, string][] = [['id', id], ['name', seed.nameEn], ['nameZh', seed.nameZh ?? ''], ...(seed.aliases ?? []).map((a): [string, string] => ['alias', a])];
    for (const [field, name] of names.filter(([, n]) => n)) {
      const owner = idx.find(name);
      if (owner) {
        const message = `the ${field === 'nameZh' ? 'Chinese name' : field} "${name}" already names entity ${owner.id}`;
        throw new ShakeoutError(message, { status: 409, issues: [{ code: 'name_taken', path: [field], message }] });
      }
    }
    if (seed.parent && !idx.find(seed.parent)) throw notFound(`unknown parent entity "${seed.parent}"`, 'unknown_entity');
    const parent = seed.parent ? idx.find(seed.parent)!.id : null;
    await this.seedEntities([{ ...seed, id, parent }]);
    return this.resolveEntity(id);
  }

  async updateEntity(name: string, change: EntityChange): Promise<Entity> {
    const idx = await this.entityIndex();
    const e = idx.find(name);
    if (!e) {
      const hint = idx.suggest(name);
      throw notFound(`unknown entity "${name}"${hint ? `; did you mean "${hint}"?` : ''}`, 'unknown_entity');
    }
    if (change.kind !== undefined && !(ENTITY_KINDS as readonly string[]).includes(change.kind)) {
      const message = `expected a kind (${ENTITY_KINDS.join(', ')}), got "${change.kind}"`;
      throw new ShakeoutError(message, { status: 400, issues: [{ code: 'invalid_kind', path: ['kind'], message }] });
    }
    let parent: string | null | undefined;
    if (change.parent === null) parent = null;
    else if (change.parent !== undefined) {
      const p = idx.find(change.parent);
      if (!p) throw notFound(`unknown parent entity "${change.parent}"`, 'unknown_entity');
      // no cycles: the parent may not be the entity itself or one of its descendants
      if (idx.descendants(e.id).includes(p.id)) {
        const message = `${p.id} cannot be the parent of ${e.id}: ${p.id === e.id ? 'an entity is not its own parent' : `${p.id} already belongs to ${e.id}`}`;
        throw new ShakeoutError(message, { status: 400, issues: [{ code: 'parent_cycle', path: ['parent'], message }] });
      }
      parent = p.id;
    }
    const aliases: string[] = [];
    for (const a of change.aliases ?? []) {
      const alias = a.trim();
      if (!alias) continue;
      const owner = idx.find(alias);
      if (owner && owner.id !== e.id) {
        const message = `the alias "${alias}" already names entity ${owner.id}`;
        throw new ShakeoutError(message, { status: 409, issues: [{ code: 'name_taken', path: ['aliases'], message }] });
      }
      if (!owner && !aliases.some((x) => nameKey(x) === nameKey(alias))) aliases.push(alias);
    }
    await this.dialect.write(this.db, async (trx) => {
      if (parent !== undefined || change.kind !== undefined) {
        await trx.updateTable('entity').set({ ...(parent !== undefined ? { parent_id: parent } : {}), ...(change.kind !== undefined ? { kind: change.kind } : {}) }).where('id', '=', e.id).execute();
      }
      for (const alias of aliases) await trx.insertInto('entity_name').values({ entity_id: e.id, name: alias, name_key: nameKey(alias), name_type: 'alias' }).execute();
      if (parent !== undefined || change.kind !== undefined || aliases.length) await bumpRevision(trx);
    });
    return this.resolveEntity(e.id);
  }

  /** Adds the entities that are missing (by id) with their names; existing ones are left as they are. Idempotent. */
  async seedEntities(seeds: readonly EntitySeed[]): Promise<number> {
    // Every command opens the ledger: when nothing is missing, read only, so that reading needs no write lock (nor write access).
    const stored = new Set((await this.db.selectFrom('entity').select('id').execute()).map((r) => r.id));
    if (seeds.every((s) => stored.has(s.id))) return 0;
    return this.dialect.write(this.db, async (trx) => {
      const have = new Set((await trx.selectFrom('entity').select('id').execute()).map((r) => r.id));
      const keys = new Map((await trx.selectFrom('entity_name').select(['name_key', 'entity_id']).execute()).map((r) => [r.name_key, r.entity_id]));
      const ids = new Set([...have, ...seeds.map((s) => s.id)]);
      let added = 0;
      // parents first
      const pending = seeds.filter((s) => !have.has(s.id));
      const ordered: EntitySeed[] = [];
      const placed = new Set(have);
      while (pending.length) {
        const i = pending.findIndex((s) => !s.parent || placed.has(s.parent) || !ids.has(s.parent));
        const s = pending.splice(i === -1 ? 0 : i, 1)[0]!;
        if (s.parent && !ids.has(s.parent)) throw new ShakeoutError(`entity ${s.id}: parent "${s.parent}" is not a known entity id`);
        ordered.push(s);
        placed.add(s.id);
      }
      for (const s of ordered) {
        await trx
          .insertInto('entity')
          .values({ id: s.id, name_en: s.nameEn, name_zh: s.nameZh ?? null, kind: s.kind, parent_id: s.parent ?? null, notes: s.notes ?? null })
          .execute();
        const names: [string, string][] = [[s.id, 'id'], [s.nameEn, 'en']];
        if (s.nameZh) names.push([s.nameZh, 'zh']);
        for (const a of s.aliases ?? []) names.push([a, 'alias']);
        for (const [name, type] of names) {
          const key = nameKey(name);
          const owner = keys.get(key);
          if (owner === s.id) continue;
          if (owner !== undefined) throw new ShakeoutError(`entity ${s.id}: the name "${name}" already names entity ${owner}`);
          keys.set(key, s.id);
          await trx.insertInto('entity_name').values({ entity_id: s.id, name, name_key: key, name_type: type }).execute();
        }
        added++;
      }
      if (added) await bumpRevision(trx);
      return added;
    });
  }

  // ---- sources ----

  private async ensureSource(trx: Db, s: Source): Promise<void> {
    const found = await trx.selectFrom('source').select('id').where('id', '=', s.id).executeTakeFirst();
    if (!found) await trx.insertInto('source').values({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, published: s.published, published_estimated: s.publishedEstimated ? 1 : 0 }).execute();
  }

  async listSources(): Promise<Source[]> {
    const rows = await this.db.selectFrom('source').selectAll().orderBy(this.dialect.sortKey('publisher')).orderBy(this.dialect.sortKey('id')).execute();
    return rows.map((r) => ({ id: r.id, publisher: r.publisher, title: r.title, url: r.url, published: r.published, publishedEstimated: Number(r.published_estimated) === 1 }));
  }

  // ---- facts: reading ----

  private factQuery(db: Db = this.db) {
    return db
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

  private async toFacts(rows: readonly FactRow[], db: Db = this.db): Promise<Fact[]> {
    if (!rows.length) return [];
    const derived = rows.filter((r) => r.formula !== null).map((r) => r.id);
    const inputs = new Map<string, string[]>();
    for (const chunk of chunks(derived)) {
      const ins = await db.selectFrom('fact_input').selectAll().where('fact_id', 'in', chunk).orderBy(this.dialect.sortKey('fact_id')).orderBy('position').execute();
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

  async listFacts(filter: FactFilter = {}): Promise<Fact[]> {
    let q = this.factQuery();
    if (filter.entity !== undefined) {
      const idx = await this.entityIndex();
      const e = idx.find(filter.entity);
      if (!e) {
        const hint = idx.suggest(filter.entity);
        throw notFound(`unknown entity "${filter.entity}"${hint ? `; did you mean "${hint}"?` : ''}`, 'unknown_entity');
      }
      const ids = filter.includeProducts ? idx.descendants(e.id) : [e.id];
      q = q.where('fact.entity_id', 'in', ids);
    }
    if (filter.metric !== undefined) {
      const m = toMetric(filter.metric);
      if (!m) {
        const hint = closest(filter.metric, METRICS);
        const message = `unknown metric "${filter.metric}": expected one of ${METRICS.join(', ')}${hint ? `; did you mean "${hint}"?` : ''}`;
        throw new ShakeoutError(message, { issues: [{ code: 'unknown_metric', path: ['metric'], message }] });
      }
      q = q.where('fact.metric', '=', m);
    }
    if (filter.period !== undefined) {
      const p = parsePeriod(filter.period);
      q = q.where('fact.period_start', '<=', p.end).where('fact.period_end', '>=', p.start);
    }
    if (filter.kind !== undefined) q = q.where('fact.kind', '=', filter.kind);
    if (!filter.includeSuperseded) q = q.where('next.id', 'is', null);
    const rows = await q.orderBy(this.dialect.sortKey('fact.entity_id')).orderBy(this.dialect.sortKey('fact.metric')).orderBy(this.dialect.sortKey('fact.period_start')).orderBy('fact.seq').execute();
    return this.toFacts(rows as FactRow[]);
  }

  private async findFact(id: string, db: Db = this.db): Promise<Fact | undefined> {
    const row = await this.factQuery(db).where('fact.id', '=', id).executeTakeFirst();
    return row ? (await this.toFacts([row as FactRow], db))[0] : undefined;
  }

  private async factNotFound(id: string): Promise<ShakeoutError> {
    const ids = (await this.db.selectFrom('fact').select('id').execute()).map((r) => r.id);
    const hint = closest(id, ids);
    return notFound(`no fact with id "${id}"${hint ? `; did you mean "${hint}"?` : ''}`, 'unknown_fact');
  }

  async getFact(id: string): Promise<Fact> {
    const f = await this.findFact(id);
    if (!f) throw await this.factNotFound(id);
    return f;
  }

  async history(id: string): Promise<Fact[]> {
    let f = await this.getFact(id);
    const seen = new Set([f.id]);
    while (f.supersedes && !seen.has(f.supersedes)) {
      const prev = await this.findFact(f.supersedes);
      if (!prev) break;
      f = prev;
      seen.add(f.id);
    }
    const chain = [f];
    while (f.supersededBy) {
      const next = await this.findFact(f.supersededBy);
      if (!next || chain.some((c) => c.id === next.id)) break;
      chain.push(next);
      f = next;
    }
    return chain;
  }

  // ---- facts: writing ----

  private context(idx: EntityIndex): PrepareContext {
    return { findEntity: (n) => idx.find(n), suggestEntity: (n) => idx.suggest(n), now: this.now };
  }

  /**
   * Inserts facts in the order given (what a fact refers to comes before it),
   * with their sources and derivation inputs: many rows a statement
   * (`INSERT_CHUNK`), not a statement a row, so a large import costs a few
   * hundred statements, not tens of thousands.
   */
  private async insertFacts(trx: Db, facts: readonly { fact: Fact; perGiven: string | null }[]): Promise<void> {
    if (facts.length) await bumpRevision(trx);
    const max = await trx.selectFrom('fact').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    let seq = Number(max?.m ?? 0);
    const sources = new Map<string, Source>();
    for (const { fact: f } of facts) sources.set(f.source.id, f.source);
    const have = new Set<string>();
    for (const ids of chunks([...sources.keys()])) {
      for (const r of await trx.selectFrom('source').select('id').where('id', 'in', ids).execute()) have.add(r.id);
    }
    const newSources = [...sources.values()].filter((x) => !have.has(x.id));
    for (const chunk of chunks(newSources)) {
      await trx.insertInto('source').values(chunk.map((x) => ({ id: x.id, publisher: x.publisher, title: x.title, url: x.url, published: x.published, published_estimated: x.publishedEstimated ? 1 : 0 }))).execute();
    }
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
    for (const chunk of chunks(rows)) await trx.insertInto('fact').values(chunk).execute();
    const inputs = facts.flatMap(({ fact: f }) => (f.derivedFrom?.inputs ?? []).map((input, i) => ({ fact_id: f.id, position: i, input_id: input })));
    for (const chunk of chunks(inputs)) await trx.insertInto('fact_input').values(chunk).execute();
  }

  async addFact(input: FactInput): Promise<Fact> {
    const id = await this.dialect.write(this.db, async (trx) => {
      const idx = await this.entityIndex(trx);
      const r = prepareFact(input, this.context(idx), (c) => [INPUT_LABEL[c] ?? c]);
      if (!r.ok) throw new ShakeoutError(`invalid fact:\n${formatIssues(r.issues)}`, { issues: r.issues, status: 400 });
      const f = r.fact;
      const existing = await this.findFact(f.id, trx);
      if (existing) throw conflict(`a fact with id "${f.id}" already exists${input.id ? '' : ' with the same content'}; to change it, correct it (correctFact / a record with supersedes: ${f.id})`, 'id_exists');
      await this.checkLinks(trx, f);
      await this.insertFacts(trx, [{ fact: f, perGiven: input.per ?? null }]);
      return f.id;
    });
    return this.getFact(id);
  }

  private async checkLinks(trx: Db, f: Fact): Promise<void> {
    if (f.supersedes) {
      const old = await this.findFact(f.supersedes, trx);
      if (!old) throw notFound(`fact ${f.id} supersedes "${f.supersedes}", which is not a known fact`, 'unknown_fact');
      if (old.supersededBy) throw conflict(`fact ${f.supersedes} was already corrected by ${old.supersededBy}; correct ${old.supersededBy} instead`, 'already_superseded');
    }
    for (const i of f.derivedFrom?.inputs ?? []) {
      if (!(await this.findFact(i, trx))) throw notFound(`fact ${f.id} is derived from "${i}", which is not a known fact`, 'unknown_fact');
    }
    if (f.sameAs) {
      const other = await this.findFact(f.sameAs, trx);
      const why = sameAsMismatch(f, other);
      if (why) throw (other ? conflict : notFound)(`fact ${f.id}: same_as ${why}`, other ? 'same_as_mismatch' : 'unknown_fact');
    }
  }

  async correctFact(id: string, input: Partial<FactInput>): Promise<Fact> {
    const old = await this.getFact(id);
    if (old.supersededBy) throw conflict(`fact ${id} was already corrected by ${old.supersededBy}; correct ${old.supersededBy} instead`, 'already_superseded');
    const base: FactInput = {
      entity: old.entity,
      metric: old.metric,
      value: old.valueText,
      valueEn: old.valueTextEn,
      defaultUnit: old.defaultUnit,
      per: old.figure.per,
      period: old.period?.text ?? null,
      scope: old.scope,
      basis: old.basis,
      kind: old.kind,
      priceYear: old.priceYear,
      source: old.source,
      definition: old.definition,
      notes: old.notes,
      derivedFrom: old.derivedFrom,
      sameAs: old.sameAs,
    };
    // A correction that changes nothing would use up the fact's one correction for nothing: refuse it.
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    const entityId = input.entity === undefined ? old.entity : (await this.resolveEntity(input.entity)).id;
    const changed = Object.entries(input).filter(([k, v]) => {
      if (v === undefined || k === 'createdAt' || k === 'id' || k === 'supersedes') return false;
      if (k === 'source') return Object.entries(v as unknown as Record<string, unknown>).some(([sk, sv]) => sv !== undefined && !same(sv, (old.source as unknown as Record<string, unknown>)[sk]));
      if (k === 'entity') return entityId !== old.entity;
      if (k === 'metric') return (toMetric(String(v)) ?? v) !== old.metric;
      return !same(v, (base as unknown as Record<string, unknown>)[k]);
    });
    if (!changed.length) {
      const message = `fact ${id}: the correction changes nothing (every field given is as the fact has it); a fact is corrected once, so give the field that is wrong`;
      throw new ShakeoutError(message, { status: 400, issues: [{ code: 'no_change', path: [id], message }] });
    }
    const changedValue = input.value !== undefined && input.value !== old.valueText;
    return this.addFact({
      ...base,
      // a new value text with no new English rendering drops the old one
      ...(changedValue && input.valueEn === undefined ? { valueEn: null, per: null } : {}),
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      supersedes: id,
      createdAt: input.createdAt,
    } as FactInput);
  }

  async importFacts(records: readonly unknown[], options: ImportOptions = {}): Promise<ImportResult> {
    if (!options.dryRun) return this.runImport(records, options, false);
    // The whole import, checks and inserts, in a transaction rolled back at the end: what it would do, exactly.
    try {
      await this.runImport(records, options, true);
    } catch (e) {
      if (e instanceof DryRunDone) return { ...e.result, dryRun: true };
      throw e;
    }
    throw new Error('a dry run must end in its rollback');
  }

  private async runImport(records: readonly unknown[], options: ImportOptions, dryRun: boolean): Promise<ImportResult> {
    return this.dialect.write(this.db, async (trx) => {
      const idx = await this.entityIndex(trx);
      // the facts of one import are recorded at one time: which row came first decides nothing
      const at = this.now();
      const ctx: PrepareContext = { ...this.context(idx), now: () => at };
      const existingRows = await this.factQuery(trx).execute();
      const existing = new Map((await this.toFacts(existingRows as FactRow[], trx)).map((f) => [f.id, f]));
      const { ordered, unchanged } = planFactImport(records, options, ctx, existing);
      await this.insertFacts(trx, ordered);
      const result = { added: ordered.map((b) => b.fact.id), unchanged };
      if (dryRun) throw new DryRunDone(result);
      return result;
    });
  }

  async exportFacts(options: { includeSuperseded?: boolean } = {}): Promise<FactRecord[]> {
    let q = this.factQuery();
    if (options.includeSuperseded === false) q = q.where('next.id', 'is', null);
    const rows = await q.orderBy('fact.seq').execute();
    return (await this.toFacts(rows as FactRow[])).map(factToRecord);
  }

  // ---- events ----

  /** Adds the events that are missing (by id). Idempotent. */
  async seedEvents(seeds: readonly EventSeed[]): Promise<number> {
    return this.dialect.write(this.db, async (trx) => {
      const idx = await this.entityIndex(trx);
      const have = new Set((await trx.selectFrom('event').select('id').execute()).map((r) => r.id));
      let added = 0;
      for (const e of seeds) {
        if (have.has(e.id)) continue;
        const period = parsePeriod(e.period);
        const entities = e.entities.map((n) => {
          const found = idx.find(n);
          if (!found) throw notFound(`event ${e.id}: unknown entity "${n}"${idx.suggest(n) ? `; did you mean "${idx.suggest(n)}"?` : ''}`, 'unknown_entity');
          return found.id;
        });
        const source: Source = {
          id: sourceId(e.source),
          publisher: e.source.publisher,
          title: e.source.title ?? null,
          url: e.source.url ?? null,
          published: e.source.published ?? null,
          publishedEstimated: e.source.publishedEstimated ?? false,
        };
        await this.ensureSource(trx, source);
        await trx
          .insertInto('event')
          .values({ id: e.id, period_text: period.text, period_kind: period.kind, period_start: period.start, period_end: period.end, text_zh: e.textZh, text_en: e.textEn, source_id: source.id, notes: e.notes ?? null })
          .execute();
        for (const [i, id] of entities.entries()) await trx.insertInto('event_entity').values({ event_id: e.id, position: i, entity_id: id }).execute();
        have.add(e.id);
        added++;
      }
      if (added) await bumpRevision(trx);
      return added;
    });
  }

  async listEvents(filter: { entity?: string; includeProducts?: boolean } = {}): Promise<LedgerEvent[]> {
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
    let wanted: Set<string> | undefined;
    if (filter.entity !== undefined) {
      const e = await this.resolveEntity(filter.entity);
      wanted = new Set(filter.includeProducts ? (await this.entityIndex()).descendants(e.id) : [e.id]);
    }
    return rows
      .map((r) => ({
        id: r.id,
        entities: byEvent.get(r.id) ?? [],
        period: { text: r.period_text, kind: r.period_kind as PeriodKind, start: r.period_start, end: r.period_end },
        textZh: r.text_zh,
        textEn: r.text_en,
        source: { id: r.source_id, publisher: r.publisher, title: r.title, url: r.url, published: r.published, publishedEstimated: Number(r.published_estimated) === 1 },
        notes: r.notes,
      }))
      .filter((e) => !wanted || e.entities.some((x) => wanted!.has(x)));
  }

  // ---- analysis ----

  async tables(): Promise<{ fx: FxTable; cpi: CpiTable }> {
    const { fx, cpi } = this.fxcpi();
    return { fx: withUserRates(fx, await this.listFxRates()), cpi };
  }

  async conflicts(options: { fx?: FxTable; cpi?: CpiTable } = {}): Promise<Conflict[]> {
    const t = options.fx && options.cpi ? { fx: options.fx, cpi: options.cpi } : await this.tables();
    return findConflicts(await this.listFacts(), options.fx ?? t.fx, options.cpi ?? t.cpi);
  }

  // ---- exchange rates ----

  async listFxRates(filter: { currency?: string } = {}): Promise<FxRate[]> {
    let q = this.db.selectFrom('fx_rate').selectAll();
    if (filter.currency !== undefined) {
      const c = filter.currency.trim().toUpperCase();
      if (!isCurrency(c)) {
        const message = unknownCurrencyMessage(filter.currency);
        throw new ShakeoutError(`currency: ${message}`, { issues: [{ code: 'invalid_currency', path: ['currency'], message }] });
      }
      q = q.where('currency', '=', c);
    }
    const rows = await q.orderBy(this.dialect.sortKey('currency')).orderBy(this.dialect.sortKey('month')).execute();
    return rows.map((r) => ({ month: r.month, currency: r.currency as Currency, perUsd: Number(r.per_usd), source: r.source, origin: 'user' as const }));
  }

  async addFxRates(records: readonly unknown[], options: FxImportOptions = {}): Promise<FxImportResult> {
    const file = options.file ?? 'input';
    const bundled = this.fxcpi().fx;
    return this.dialect.write(this.db, async (trx) => {
      const stored = new Map((await trx.selectFrom('fx_rate').selectAll().execute()).map((r) => [`${r.currency} ${r.month}`, r]));
      const issues: Issue[] = [];
      const seen = new Map<string, number>();
      const added: FxRate[] = [];
      const replaced: { rate: FxRate; was: number }[] = [];
      const unchanged: FxRate[] = [];
      records.forEach((raw, i) => {
        const line = options.lines?.[i];
        const rec = line !== undefined ? `${file} line ${line}` : records.length === 1 ? file : `${file} record ${i + 1}`;
        const names = new Map<string, string>();
        if (raw && typeof raw === 'object') for (const k of Object.keys(raw)) names.set(k.trim().toLowerCase().replace(/[\s-]+/g, '_'), k.trim());
        const where = (c: FxRateColumn): (string | number)[] => {
          const fl = options.fieldLines?.[i]?.[names.get(c) ?? c];
          return [fl !== undefined ? `${file} line ${fl}` : rec, options.fieldNames?.[c] ?? `column ${names.get(c) ?? c}`];
        };
        const r = prepareFxRate(raw, where, bundled);
        if (!r.ok) {
          issues.push(...r.issues);
          return;
        }
        const k = `${r.rate.currency} ${r.rate.month}`;
        if (seen.has(k)) {
          issues.push({ code: 'duplicate_rate', path: where('month'), message: `expected each currency and month once, got ${k} again (first at ${seen.get(k)})` });
          return;
        }
        seen.set(k, line ?? i + 1);
        const old = stored.get(k);
        if (!old) added.push(r.rate);
        else if (Number(old.per_usd) === r.rate.perUsd && old.source === r.rate.source) unchanged.push(r.rate);
        else if (options.replace) replaced.push({ rate: r.rate, was: Number(old.per_usd) });
        else {
          issues.push({ code: 'rate_exists', path: where('per_usd'), message: `expected a currency and month with no rate of yours, got ${k}, which already has your rate ${Number(old.per_usd)} (${old.source}); to change it, add it again with --replace` });
        }
      });
      if (issues.length) {
        const status = issues.every((x) => x.code === 'rate_exists') ? 409 : 400;
        throw new ShakeoutError(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}, no rate stored\n${formatIssues(issues)}`, { issues, status });
      }
      const now = this.now();
      for (const { rate } of replaced) await trx.deleteFrom('fx_rate').where('currency', '=', rate.currency).where('month', '=', rate.month).execute();
      for (const rate of [...added, ...replaced.map((x) => x.rate)]) {
        await trx.insertInto('fx_rate').values({ currency: rate.currency, month: rate.month, per_usd: rate.perUsd, source: rate.source, created_at: now }).execute();
      }
      if (added.length || replaced.length) await bumpRevision(trx);
      return { added, replaced, unchanged };
    });
  }

  // ---- outcomes ----

  async listOutcomes(filter: { entity?: string } = {}): Promise<Outcome[]> {
    let q = this.db
      .selectFrom('outcome as o')
      .innerJoin('source as s', 's.id', 'o.source_id')
      .select(['o.id', 'o.entity_id', 'o.type', 'o.date', 'o.detail', 'o.out', 's.id as s_id', 's.publisher', 's.title', 's.url', 's.published', 's.published_estimated']);
    if (filter.entity !== undefined) q = q.where('o.entity_id', '=', (await this.resolveEntity(filter.entity)).id);
    const rows = await q.orderBy(this.dialect.sortKey('o.entity_id')).orderBy(this.dialect.sortKey('o.date')).orderBy(this.dialect.sortKey('o.id')).execute();
    return rows.map((r) => ({
      id: r.id,
      entity: r.entity_id,
      type: r.type as OutcomeType,
      date: r.date,
      detail: r.detail,
      out: r.out === null ? null : Number(r.out) === 1,
      source: { id: r.s_id, publisher: r.publisher, title: r.title, url: r.url, published: r.published, publishedEstimated: Number(r.published_estimated) === 1 },
    }));
  }

  async addOutcome(record: unknown, options: OutcomeImportOptions = {}): Promise<OutcomeImportResult> {
    return this.importOutcomes([record], options);
  }

  async importOutcomes(records: readonly unknown[], options: OutcomeImportOptions = {}): Promise<OutcomeImportResult> {
    if (!options.dryRun) return this.runOutcomeImport(records, options, false);
    // checks and inserts in a transaction rolled back at the end, as for facts
    try {
      await this.runOutcomeImport(records, options, true);
    } catch (e) {
      if (e instanceof DryRunDone) return { ...(e.result as OutcomeImportResult), dryRun: true };
      throw e;
    }
    throw new Error('a dry run must end in its rollback');
  }

  private async runOutcomeImport(records: readonly unknown[], options: OutcomeImportOptions, dryRun: boolean): Promise<OutcomeImportResult> {
    const file = options.file ?? 'input';
    return this.dialect.write(this.db, async (trx) => {
      const idx = await this.entityIndex(trx);
      const findEntity = (name: string): { id: string } | { error: string } => {
        const e = idx.find(name);
        if (e) return { id: e.id };
        const hint = idx.suggest(name);
        return { error: `expected an entity the ledger knows (add it with shakeout entities add), got "${name}"${hint ? `; did you mean "${hint}"?` : ''}` };
      };
      const stored = new Map((await trx.selectFrom('outcome').select(['id', 'out']).execute()).map((r) => [r.id, r.out === null ? null : Number(r.out) === 1]));
      const issues: Issue[] = [];
      const seen = new Map<string, string>();
      const added: Outcome[] = [];
      const unchanged: Outcome[] = [];
      records.forEach((raw, i) => {
        const line = options.lines?.[i];
        const rec = line !== undefined ? `${file} line ${line}` : records.length === 1 ? file : `${file} record ${i + 1}`;
        const names = new Map<string, string>();
        if (raw && typeof raw === 'object') for (const k of Object.keys(raw)) names.set(outcomeColumnKey(k), k.trim());
        const where = (c: string): (string | number)[] => {
          const fl = options.fieldLines?.[i]?.[names.get(c) ?? c];
          return [fl !== undefined ? `${file} line ${fl}` : rec, options.fieldNames?.[c as OutcomeColumn] ?? `column ${names.get(c) ?? c}`];
        };
        const r = prepareOutcome(raw, where, findEntity);
        if (!r.ok) {
          issues.push(...r.issues);
          return;
        }
        const o = r.outcome;
        const first = seen.get(o.id);
        if (first !== undefined) {
          issues.push({ code: 'duplicate_outcome', path: where('entity'), message: `expected each outcome once, got ${o.entity} ${o.type} ${o.date} again (first at ${first})` });
          return;
        }
        seen.set(o.id, rec);
        if (!stored.has(o.id)) added.push(o);
        else if (stored.get(o.id) === o.out) unchanged.push(o);
        else {
          const was = stored.get(o.id);
          issues.push({ code: 'outcome_exists', path: where('out'), message: `expected the outcome as stored (${o.entity} ${o.type} ${o.date}, out: ${was === null ? 'not stated' : was ? 'yes' : 'no'}), got out: ${o.out === null ? 'not stated' : o.out ? 'yes' : 'no'}` });
        }
      });
      if (issues.length) {
        const status = issues.every((x) => x.code === 'outcome_exists') ? 409 : 400;
        throw new ShakeoutError(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}, no outcome stored\n${formatIssues(issues)}`, { issues, status });
      }
      const now = this.now();
      for (const o of added) {
        await this.ensureSource(trx, o.source);
        await trx.insertInto('outcome').values({ id: o.id, entity_id: o.entity, type: o.type, date: o.date, detail: o.detail, out: o.out === null ? null : o.out ? 1 : 0, source_id: o.source.id, created_at: now }).execute();
      }
      if (added.length) await bumpRevision(trx);
      if (dryRun) throw new DryRunDone<OutcomeImportResult>({ added, unchanged });
      return { added, unchanged };
    });
  }

  async summary(): Promise<Summary> {
    const entities = await this.db.selectFrom('entity').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const events = await this.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return summarizeLedger({
      facts: await this.listFacts({ includeSuperseded: true }),
      sources: await this.listSources(),
      entities: Number(entities?.n ?? 0),
      events: Number(events?.n ?? 0),
      outcomeSourceIds: (await this.db.selectFrom('outcome').select('source_id').execute()).map((r) => r.source_id),
    });
  }

  // ---- meta ----

  async revision(): Promise<number> {
    const v = await this.getMeta(REVISION_KEY);
    const n = Number(v);
    if (v === undefined || !Number.isSafeInteger(n) || n < 0) throw new ShakeoutError(`the ledger's revision in its meta table is ${v === undefined ? 'missing' : `"${v}"`}: expected a whole number >= 0 (the migration 0006-revision sets it)`, { status: 500 });
    return n;
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.dialect.write(this.db, async (trx) => {
      await trx.deleteFrom('meta').where('key', '=', key).execute();
      await trx.insertInto('meta').values({ key, value }).execute();
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Thrown inside a dry run's transaction to roll it back once the result is known. */
class DryRunDone<T = ImportResult> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/** Raises the ledger's revision by one, inside the write's own transaction (portable SQL: SQLite and PostgreSQL). */
async function bumpRevision(trx: Db): Promise<void> {
  await trx.updateTable('meta').set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` }).where('key', '=', REVISION_KEY).execute();
}

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
