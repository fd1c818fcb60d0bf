import { ShakeoutError, formatIssues, isCurrency, parsePeriod, unknownCurrencyMessage, withUserRates } from '../core/index.js';
import type { CpiTable, FxRate, FxTable, Issue } from '../core/index.js';
import type { BackendName } from './backend.js';
import { findConflicts } from './conflict.js';
import type { Conflict } from './conflict.js';
import { howToAddEntity, nameKey } from './entity.js';
import { atHeader } from './io/header-issues.js';
import type { Entity } from './entity.js';
import type { Fact, FactInput } from './fact.js';
import { prepareFxRate } from './fx-rate.js';
import type { FxImportResult, FxRateColumn } from './fx-rate.js';
import { closest, sourceId } from './ids.js';
import type { FactRecord } from './io/fact-record.js';
import { factToRecord } from './io/fact-to-record.js';
import type { LedgerEvent } from './ledger-event.js';
import { REVISION_KEY } from './migrations/0006-revision.js';
import { outcomeColumnKey, prepareOutcome } from './outcome.js';
import type { Outcome, OutcomeColumn } from './outcome.js';
import type { EntityName, FactQuery, Persistence, PersistenceReader, PersistenceWriter } from './persistence.js';
import { planFactImport, sameAsMismatch } from './plan-fact-import.js';
import { prepareFact } from './prepare-fact.js';
import { dayOf } from './publication-date.js';
import type { Column, PrepareContext } from './prepare-fact.js';
import type { EntitySeed, EventSeed } from './seed-types.js';
import type { Source } from './source.js';
import type { EntityChange, FactFilter, FxImportOptions, ImportOptions, ImportResult, OutcomeImportOptions, OutcomeImportResult, Store, Summary } from './store.js';
import { summarizeLedger } from './summarize.js';
import { ENTITY_KINDS, isEntityKind, readMetric, toMetric } from './vocabulary.js';
import type { EntityKind } from './vocabulary.js';

const INPUT_LABEL: Partial<Record<Column, string>> = { value_as_written: 'value', note: 'notes', price_year: 'priceYear', derived_from: 'derivedFrom', created_at: 'createdAt', same_as: 'sameAs' };

function notFound(message: string, code = 'not_found', said: { got?: string; suggestion?: string | undefined } = {}): ShakeoutError {
  const extra = { ...(said.got === undefined ? {} : { got: said.got }), ...(said.suggestion ? { suggestion: said.suggestion } : {}) };
  return new ShakeoutError(message, { status: 404, issues: [{ code, path: [], message, ...extra }] });
}
function conflict(message: string, code = 'conflict'): ShakeoutError {
  return new ShakeoutError(message, { status: 409, issues: [{ code, path: [], message }] });
}

/** An in-memory view of the entities, for name lookups and product trees. */
class EntityIndex {
  readonly byId = new Map<string, Entity>();
  readonly byKey = new Map<string, Entity>();
  /** Every name (English, Chinese, aliases) of the entities of each kind. */
  readonly namesByKind = new Map<EntityKind, string[]>();
  constructor(entities: readonly Entity[], names: readonly EntityName[]) {
    for (const e of entities) this.byId.set(e.id, e);
    for (const n of names) {
      const e = this.byId.get(n.entityId);
      if (e) this.byKey.set(n.key, e);
    }
    for (const e of entities) {
      const list = this.namesByKind.get(e.kind) ?? [];
      list.push(e.nameEn, ...(e.nameZh ? [e.nameZh] : []), ...e.aliases);
      this.namesByKind.set(e.kind, list);
    }
  }
  find(name: string): Entity | undefined {
    return this.byId.get(name) ?? this.byKey.get(nameKey(name));
  }
  /**
   * The known name `name` is most likely a misspelling of, for "did you mean":
   * only a close one (a quarter of its letters wrong, at least one: "Antropic"
   * is Anthropic, "Aleph Alpha" is not "all apps"), and a name of the kind
   * expected (a company unless said) before one of another kind, so a company
   * is not offered a model ("Mistral Large") or an app. Failing that, a name
   * that begins with it or holds it, or that it holds ("Sakana" is Sakana AI,
   * "OpenAI Inc" is OpenAI): see `containing`.
   */
  suggest(name: string, prefer: EntityKind = 'company'): string | undefined {
    const within = Math.max(1, Math.floor(name.trim().length / 4));
    const kinds = [prefer, ...ENTITY_KINDS.filter((k) => k !== prefer)];
    for (const k of kinds) {
      const hit = closest(name.trim(), this.namesByKind.get(k) ?? [], within);
      if (hit !== undefined) return hit;
    }
    for (const k of kinds) {
      const hit = containing(name, this.namesByKind.get(k) ?? []);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  /**
   * The end of an "unknown entity" message: the close name it may be a
   * misspelling of, and how to add it (`howToAddEntity`).
   */
  unknownHint(name: string, kind: EntityKind = 'company'): string {
    const hint = this.suggest(name, kind);
    return hint ? `; did you mean "${hint}"? If not, ${howToAddEntity(name, kind)}` : `; ${howToAddEntity(name, kind)}`;
  }
  /** The entity, or a 404 that suggests the closest name. */
  resolve(name: string): Entity {
    const e = this.find(name);
    if (e) return e;
    const hint = this.suggest(name);
    throw notFound(`unknown entity "${name}"${hint ? `; did you mean "${hint}"?` : ''}`, 'unknown_entity', { got: name, suggestion: hint });
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
 * The known name that begins with `name`, holds it, or is held in it, compared
 * by `nameKey` (case, spaces and hyphens aside), for a name shortened or
 * lengthened rather than misspelt: "Sakana" -> "Sakana AI". Both keys must be
 * at least three characters, so "AI" suggests nothing. A name that begins with
 * it comes before one that only holds it; among those, the fewest letters
 * added or dropped, then the order given.
 *
 * @example containing('Sakana', ['Sakana AI', 'OpenAI']) // => 'Sakana AI'
 */
function containing(name: string, candidates: readonly string[]): string | undefined {
  const key = nameKey(name);
  if (key.length < 3) return undefined;
  let best: { name: string; rank: number; gap: number } | undefined;
  for (const c of candidates) {
    const k = nameKey(c);
    if (k.length < 3 || k === key) continue;
    const rank = k.startsWith(key) || key.startsWith(k) ? 0 : k.includes(key) || key.includes(k) ? 1 : -1;
    if (rank < 0) continue;
    const gap = Math.abs(k.length - key.length);
    if (!best || rank < best.rank || (rank === best.rank && gap < best.gap)) best = { name: c, rank, gap };
  }
  return best?.name;
}

async function entityIndex(db: PersistenceReader): Promise<EntityIndex> {
  const { entities, names } = await db.entities();
  return new EntityIndex(entities, names);
}

async function findFact(db: PersistenceReader, id: string): Promise<Fact | undefined> {
  return (await db.facts({ id }))[0];
}

/** Thrown inside a dry run's transaction to roll it back once the result is known. */
class DryRunDone<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/**
 * The Store, written once above the persistence seam (`Persistence`, one
 * implementation over Kysely's dialects): what users write resolved and
 * checked (names, metrics, periods, figures), imports planned and their
 * issues located in their files, dry runs, conflicts, the summary, the
 * tables with the user's rates, and the seeding of bundled entities and
 * events. Nothing here knows which database is underneath.
 */
export class LedgerStore<P extends Persistence = Persistence> implements Store {
  constructor(
    /** The database behind the seam. */
    readonly persistence: P,
    private readonly fxcpi: () => { fx: FxTable; cpi: CpiTable },
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Which backend holds the ledger. */
  get backend(): BackendName {
    return this.persistence.backend;
  }

  /**
   * Runs `fn` in a writing transaction, or, for a dry run, runs it and rolls
   * everything back: the result says what the write would do, exactly.
   */
  private async writeOrDryRun<T>(dryRun: boolean | undefined, fn: (tx: PersistenceWriter) => Promise<T>): Promise<T> {
    if (!dryRun) return this.persistence.write(fn);
    try {
      await this.persistence.write(async (tx) => {
        throw new DryRunDone(await fn(tx));
      });
    } catch (e) {
      if (e instanceof DryRunDone) return { ...(e.result as T), dryRun: true } as T;
      throw e;
    }
    throw new Error('a dry run must end in its rollback');
  }

  // ---- entities ----

  async listEntities(): Promise<Entity[]> {
    return [...(await entityIndex(this.persistence)).byId.values()];
  }

  async resolveEntity(name: string): Promise<Entity> {
    return (await entityIndex(this.persistence)).resolve(name);
  }

  async addEntity(seed: EntitySeed): Promise<Entity> {
    const issues: Issue[] = [];
    const id = typeof seed.id === 'string' ? seed.id.trim() : '';
    if (!/^[a-z0-9][a-z0-9:._-]*$/.test(id)) issues.push({ code: 'invalid_id', path: ['id'], message: `expected a lower-case id such as "mistral-ai", got "${seed.id ?? ''}"` });
    if (typeof seed.nameEn !== 'string' || !seed.nameEn.trim()) issues.push({ code: 'missing_name', path: ['nameEn'], message: 'expected an English name' });
    if (!isEntityKind(seed.kind)) issues.push({ code: 'invalid_kind', path: ['kind'], message: `expected one of ${ENTITY_KINDS.join(', ')}, got "${seed.kind}"` });
    if (issues.length) throw new ShakeoutError(`invalid entity: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues, status: 400 });
    const idx = await entityIndex(this.persistence);
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
    const idx = await entityIndex(this.persistence);
    const e = idx.resolve(name);
    if (change.kind !== undefined && !isEntityKind(change.kind)) {
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
    await this.persistence.write(async (tx) => {
      await tx.updateEntity(e.id, { ...(parent !== undefined ? { parent } : {}), ...(change.kind !== undefined ? { kind: change.kind } : {}) });
      await tx.insertNames(e.id, aliases.map((alias) => ({ name: alias, key: nameKey(alias), type: 'alias' as const })));
      if (parent !== undefined || change.kind !== undefined || aliases.length) await tx.bumpRevision();
    });
    return this.resolveEntity(e.id);
  }

  /** Adds the entities that are missing (by id) with their names; existing ones are left as they are. Idempotent. */
  async seedEntities(seeds: readonly EntitySeed[]): Promise<number> {
    // Every command opens the ledger: when nothing is missing, read only, so that reading needs no write lock (nor write access).
    const stored = new Set((await this.persistence.entities()).entities.map((e) => e.id));
    if (seeds.every((s) => stored.has(s.id))) return 0;
    return this.persistence.write(async (tx) => {
      const current = await tx.entities();
      const have = new Set(current.entities.map((e) => e.id));
      const keys = new Map(current.names.map((n) => [n.key, n.entityId]));
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
        const names: Omit<EntityName, 'entityId'>[] = [];
        const given: [string, EntityName['type']][] = [[s.id, 'id'], [s.nameEn, 'en']];
        if (s.nameZh) given.push([s.nameZh, 'zh']);
        for (const a of s.aliases ?? []) given.push([a, 'alias']);
        for (const [name, type] of given) {
          const key = nameKey(name);
          const owner = keys.get(key);
          if (owner === s.id) continue;
          if (owner !== undefined) throw new ShakeoutError(`entity ${s.id}: the name "${name}" already names entity ${owner}`);
          keys.set(key, s.id);
          names.push({ name, key, type });
        }
        await tx.insertEntity({ id: s.id, nameEn: s.nameEn, nameZh: s.nameZh ?? null, kind: s.kind, parent: s.parent ?? null, notes: s.notes ?? null }, names);
        added++;
      }
      if (added) await tx.bumpRevision();
      return added;
    });
  }

  async listSources(): Promise<Source[]> {
    return this.persistence.sources();
  }

  // ---- facts: reading ----

  async listFacts(filter: FactFilter = {}): Promise<Fact[]> {
    const query: { -readonly [K in keyof FactQuery]: FactQuery[K] } = { currentOnly: !filter.includeSuperseded };
    if (filter.entity !== undefined) {
      const idx = await entityIndex(this.persistence);
      const e = idx.resolve(filter.entity);
      query.entityIds = filter.includeProducts ? idx.descendants(e.id) : [e.id];
    }
    if (filter.metric !== undefined) {
      query.metric = readMetric(filter.metric);
    }
    if (filter.period !== undefined) {
      const p = parsePeriod(filter.period);
      query.overlaps = { start: p.start, end: p.end };
    }
    if (filter.kind !== undefined) query.kind = filter.kind;
    return this.persistence.facts(query);
  }

  private async factNotFound(id: string): Promise<ShakeoutError> {
    const hint = closest(id, await this.persistence.factIds());
    return notFound(`no fact with id "${id}"${hint ? `; did you mean "${hint}"?` : ''}`, 'unknown_fact', { got: id, suggestion: hint });
  }

  async getFact(id: string): Promise<Fact> {
    const f = await findFact(this.persistence, id);
    if (!f) throw await this.factNotFound(id);
    return f;
  }

  async history(id: string): Promise<Fact[]> {
    let f = await this.getFact(id);
    const seen = new Set([f.id]);
    while (f.supersedes && !seen.has(f.supersedes)) {
      const prev = await findFact(this.persistence, f.supersedes);
      if (!prev) break;
      f = prev;
      seen.add(f.id);
    }
    const chain = [f];
    while (f.supersededBy) {
      const next = await findFact(this.persistence, f.supersededBy);
      if (!next || chain.some((c) => c.id === next.id)) break;
      chain.push(next);
      f = next;
    }
    return chain;
  }

  async exportFacts(options: { includeSuperseded?: boolean } = {}): Promise<FactRecord[]> {
    return (await this.persistence.facts({ currentOnly: options.includeSuperseded === false, order: 'creation' })).map(factToRecord);
  }

  // ---- facts: writing ----

  private context(idx: EntityIndex): PrepareContext {
    return { findEntity: (n) => idx.find(n), unknownEntityHint: (n, kind) => idx.unknownHint(n, kind), now: this.now };
  }

  async addFact(input: FactInput): Promise<Fact> {
    const id = await this.persistence.write(async (tx) => {
      const idx = await entityIndex(tx);
      const r = prepareFact(input, this.context(idx), (c) => [INPUT_LABEL[c] ?? c]);
      if (!r.ok) throw new ShakeoutError(`invalid fact:\n${formatIssues(r.issues)}`, { issues: r.issues, status: 400 });
      const f = r.fact;
      const existing = await findFact(tx, f.id);
      if (existing) throw conflict(`a fact with id "${f.id}" already exists${input.id ? '' : ' with the same content'}; to change it, correct it (correctFact / a record with supersedes: ${f.id})`, 'id_exists');
      await checkLinks(tx, f);
      await tx.bumpRevision();
      await tx.insertFacts([{ fact: f, perGiven: input.per ?? null }]);
      return f.id;
    });
    return this.getFact(id);
  }

  async correctFact(id: string, input: Partial<FactInput>): Promise<Fact> {
    const old = await this.getFact(id);
    if (old.supersededBy) throw conflict(`fact ${id} was already corrected by ${old.supersededBy}; correct ${old.supersededBy} instead`, 'already_superseded');
    // The correction's source: the same publisher keeps what the fact's source said and was not given anew (its
    // address, title and date: a slip in the figure as that source wrote it, or its own correction); another
    // publisher is another source, which must say when it published the correction (an as-of view shows a
    // correction only from that date, and leaves an undated one out of every dated view).
    if (input.source !== undefined) {
      const given = input.source;
      if (given.publisher === undefined || given.publisher === old.source.publisher) {
        // (a field left empty, null from a form or a command line that did not give it, keeps the fact's own)
        input = { ...input, source: { ...old.source, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== null && v !== '')) } as FactInput['source'] };
      } else if (!given.published) {
        const message = `fact ${id}: the correction names another source (${given.publisher}; the fact's is ${old.source.publisher}) but not the date it was published (published): an as-of view shows a correction only from its source's date, and one with no date is left out of every dated view, so the old figure would stay in them; give the date the correction was published`;
        throw new ShakeoutError(message, { status: 400, issues: [{ code: 'published_required', path: ['source', 'published'], message }] });
      }
    }
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
    // The whole import, checks and inserts, in one transaction (rolled back at the end for a dry run).
    return this.writeOrDryRun(options.dryRun, async (tx): Promise<ImportResult> => {
      const idx = await entityIndex(tx);
      // the facts of one import are recorded at one time: which row came first decides nothing
      const at = this.now();
      const ctx: PrepareContext = { ...this.context(idx), now: () => at };
      const existing = new Map((await tx.facts()).map((f) => [f.id, f]));
      const { ordered, unchanged } = planFactImport(records, options, ctx, existing);
      if (ordered.length) await tx.bumpRevision();
      await tx.insertFacts(ordered);
      return { added: ordered.map((b) => b.fact.id), unchanged };
    });
  }

  // ---- events ----

  /** Adds the events that are missing (by id). Idempotent. */
  async seedEvents(seeds: readonly EventSeed[]): Promise<number> {
    return this.persistence.write(async (tx) => {
      const idx = await entityIndex(tx);
      const have = new Set((await tx.events()).map((e) => e.id));
      let added = 0;
      for (const e of seeds) {
        if (have.has(e.id)) continue;
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
        await tx.insertEvent({ id: e.id, entities, period: parsePeriod(e.period), textZh: e.textZh, textEn: e.textEn, source, notes: e.notes ?? null });
        have.add(e.id);
        added++;
      }
      if (added) await tx.bumpRevision();
      return added;
    });
  }

  async listEvents(filter: { entity?: string; includeProducts?: boolean } = {}): Promise<LedgerEvent[]> {
    const events = await this.persistence.events();
    if (filter.entity === undefined) return events;
    const idx = await entityIndex(this.persistence);
    const e = idx.resolve(filter.entity);
    const wanted = new Set(filter.includeProducts ? idx.descendants(e.id) : [e.id]);
    return events.filter((x) => x.entities.some((id) => wanted.has(id)));
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

  async summary(): Promise<Summary> {
    const counts = await this.persistence.counts();
    return summarizeLedger({
      facts: await this.persistence.facts(),
      sources: await this.persistence.sources(),
      entities: counts.entities,
      events: counts.events,
      outcomeSourceIds: (await this.persistence.outcomes()).map((o) => o.source.id),
    });
  }

  // ---- exchange rates ----

  async listFxRates(filter: { currency?: string } = {}): Promise<FxRate[]> {
    if (filter.currency === undefined) return this.persistence.fxRates();
    const c = filter.currency.trim().toUpperCase();
    if (!isCurrency(c)) {
      const message = unknownCurrencyMessage(filter.currency);
      throw new ShakeoutError(`currency: ${message}`, { issues: [{ code: 'invalid_currency', path: ['currency'], message }] });
    }
    return this.persistence.fxRates({ currency: c });
  }

  async addFxRates(records: readonly unknown[], options: FxImportOptions = {}): Promise<FxImportResult> {
    const file = options.file ?? 'input';
    const bundled = this.fxcpi().fx;
    return this.persistence.write(async (tx) => {
      const stored = new Map((await tx.fxRates()).map((r) => [`${r.currency} ${r.month}`, r]));
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
        else if (old.perUsd === r.rate.perUsd && old.source === r.rate.source) unchanged.push(r.rate);
        else if (options.replace) replaced.push({ rate: r.rate, was: old.perUsd });
        else {
          issues.push({ code: 'rate_exists', path: where('per_usd'), message: `expected a currency and month with no rate of yours, got ${k}, which already has your rate ${old.perUsd} (${old.source}); to change it, add it again with --replace` });
        }
      });
      if (issues.length) {
        const status = issues.every((x) => x.code === 'rate_exists') ? 409 : 400;
        throw new ShakeoutError(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}, no rate stored\n${formatIssues(issues)}`, { issues, status });
      }
      const now = this.now();
      for (const { rate } of replaced) await tx.deleteFxRate(rate.currency, rate.month);
      for (const rate of [...added, ...replaced.map((x) => x.rate)]) await tx.insertFxRate(rate, now);
      if (added.length || replaced.length) await tx.bumpRevision();
      return { added, replaced, unchanged };
    });
  }

  // ---- outcomes ----

  async listOutcomes(filter: { entity?: string } = {}): Promise<Outcome[]> {
    if (filter.entity === undefined) return this.persistence.outcomes();
    return this.persistence.outcomes({ entityId: (await this.resolveEntity(filter.entity)).id });
  }

  async addOutcome(record: unknown, options: OutcomeImportOptions = {}): Promise<OutcomeImportResult> {
    return this.importOutcomes([record], options);
  }

  async importOutcomes(records: readonly unknown[], options: OutcomeImportOptions = {}): Promise<OutcomeImportResult> {
    const file = options.file ?? 'input';
    // checks and inserts in one transaction, rolled back at the end for a dry run, as for facts
    return this.writeOrDryRun(options.dryRun, async (tx): Promise<OutcomeImportResult> => {
      const idx = await entityIndex(tx);
      const findEntity = (name: string): { id: string } | { error: string } => {
        const e = idx.find(name);
        if (e) return { id: e.id };
        return { error: `expected an entity the ledger knows, got "${name}"${idx.unknownHint(name)}` };
      };
      const stored = new Map((await tx.outcomes()).map((o) => [o.id, o.out]));
      const today = dayOf(this.now());
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
        const r = prepareOutcome(raw, where, findEntity, today);
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
        const found = atHeader(issues, file, options.headerLine);
        const status = found.every((x) => x.code === 'outcome_exists') ? 409 : 400;
        throw new ShakeoutError(`${file}: ${found.length} problem${found.length === 1 ? '' : 's'}, no outcome stored\n${formatIssues(found)}`, { issues: found, status });
      }
      const now = this.now();
      for (const o of added) await tx.insertOutcome(o, now);
      if (added.length) await tx.bumpRevision();
      return { added, unchanged };
    });
  }

  // ---- meta ----

  async revision(): Promise<number> {
    const v = await this.persistence.getMeta(REVISION_KEY);
    const n = Number(v);
    if (v === undefined || !Number.isSafeInteger(n) || n < 0) throw new ShakeoutError(`the ledger's revision in its meta table is ${v === undefined ? 'missing' : `"${v}"`}: expected a whole number >= 0 (the migration 0006-revision sets it)`, { status: 500 });
    return n;
  }

  async getMeta(key: string): Promise<string | undefined> {
    return this.persistence.getMeta(key);
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.persistence.write((tx) => tx.setMeta(key, value));
  }

  async close(): Promise<void> {
    await this.persistence.close();
  }
}

/** Checks what a new fact refers to (the fact it corrects, its inputs, its same_as) against the ledger. */
async function checkLinks(tx: PersistenceReader, f: Fact): Promise<void> {
  if (f.supersedes) {
    const old = await findFact(tx, f.supersedes);
    if (!old) throw notFound(`fact ${f.id} supersedes "${f.supersedes}", which is not a known fact`, 'unknown_fact');
    if (old.supersededBy) throw conflict(`fact ${f.supersedes} was already corrected by ${old.supersededBy}; correct ${old.supersededBy} instead`, 'already_superseded');
  }
  for (const i of f.derivedFrom?.inputs ?? []) {
    if (!(await findFact(tx, i))) throw notFound(`fact ${f.id} is derived from "${i}", which is not a known fact`, 'unknown_fact');
  }
  if (f.sameAs) {
    const other = await findFact(tx, f.sameAs);
    const why = sameAsMismatch(f, other);
    if (why) throw (other ? conflict : notFound)(`fact ${f.id}: same_as ${why}`, other ? 'same_as_mismatch' : 'unknown_fact');
  }
}
