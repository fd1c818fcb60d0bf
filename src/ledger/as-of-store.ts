import { ShakeoutError, parsePeriod, safeParsePeriod } from '../core/index.js';
import type { CpiTable, FxTable } from '../core/index.js';
import { findConflicts } from './conflict.js';
import type { Conflict } from './conflict.js';
import type { Fact } from './fact.js';
import type { Source } from './source.js';
import type { FactFilter, Store, Summary } from './store.js';
import { summarizeLedger } from './summarize.js';

/**
 * The most corrections an as-of view reads one by id when the facts it lists
 * are corrected by facts outside the list; past it, it reads the whole ledger
 * once. The same for every view.
 */
const MAX_CORRECTIONS_BY_ID = 50;

/** What an as-of view takes. */
export interface AsOfOptions {
  /** The day the view stands on, 'YYYY-MM-DD'. */
  readonly asOf: string;
  /** Take in facts whose source gives no publication date (default false: they are left out). */
  readonly includeUndated?: boolean;
  /**
   * How messages name the options as the caller's surface has them: the
   * command line's `--as-of` and `--include-undated`, the API's `asOf` and
   * `includeUndated=true`. Default: neither is named.
   */
  readonly optionNames?: { readonly asOf: string; readonly includeUndated: string };
}

/** What an as-of view left out or took in, for the header and footnotes of its output. */
export interface AsOfInfo {
  /** 'YYYY-MM-DD'. */
  readonly asOf: string;
  readonly includeUndated: boolean;
  /** Ids of the facts (current or superseded) whose source has no publication date: left out, or taken in with `includeUndated`. */
  readonly undated: readonly string[];
  /** Ids of the facts published after the date (including corrections, which do not exist yet at the date). */
  readonly later: readonly string[];
  /** How many of the facts seen rest on a publication date that was inferred (the page showed none). */
  readonly estimatedDates: number;
}

/** A Store as it stood on a date: read-only. */
export interface AsOfStore extends Store {
  readonly asOfInfo: AsOfInfo;
}

/** What an as-of view saw and left out, or null for a store that is not one (today's ledger). */
export function asOfInfoOf(store: Store): AsOfInfo | null {
  const info = (store as Partial<AsOfStore>).asOfInfo;
  return info ?? null;
}

import { readAsOfDate } from './as-of-date.js';
export { readAsOfDate };

/**
 * The last day a publication date as written can stand for: '2024-05-20'
 * itself, '2024-05' its last day, '2024' December 31. A source dated only by
 * its month counts as published at the month's end, so a view never sees
 * what might have come out after its date. Null when the date is missing or
 * unreadable.
 */
export function latestPublicationDay(published: string | null): string | null {
  if (!published) return null;
  const p = safeParsePeriod(published.trim());
  return p.ok ? p.period.end : null;
}

/**
 * The ledger as it stood on a day: only facts whose source was published on
 * or before it (a correction published later does not exist yet, so the fact
 * it corrects is current again), outcomes and events whose source was
 * published by then, exchange rates and CPI months that had ended by then.
 * Facts with no publication date are left out unless `includeUndated`;
 * `asOfInfo` names them. Writes are refused: the past is read-only.
 *
 * Every method reads through the underlying store, so a fact added to it
 * later is seen by the view only if it was published by the date;
 * `asOfInfo` is counted when the view is opened.
 */
export async function asOfStore(store: Store, options: AsOfOptions): Promise<AsOfStore> {
  const asOf = readAsOfDate(options.asOf);
  const includeUndated = options.includeUndated ?? false;
  const visibleSource = (s: Source): boolean => {
    const day = latestPublicationDay(s.published);
    return day === null ? includeUndated : day <= asOf;
  };

  // Facts as the view sees them: visible ones only, each superseded only by a
  // visible correction. `rows` are the facts asked about; the corrections of
  // theirs that are not among them are read by id (a few), or with the whole
  // ledger when many are, so a filtered list reads what it lists, not the ledger.
  const seenAs = async (rows: readonly Fact[]): Promise<Map<string, Fact>> => {
    const byId = new Map(rows.map((f) => [f.id, f]));
    const missing = new Set<string>();
    for (const f of rows) if (f.supersededBy !== null && !byId.has(f.supersededBy) && visibleSource(f.source)) missing.add(f.supersededBy);
    if (missing.size > MAX_CORRECTIONS_BY_ID) for (const f of await store.listFacts({ includeSuperseded: true })) byId.set(f.id, f);
    else for (const id of missing) byId.set(id, await store.getFact(id));
    const out = new Map<string, Fact>();
    for (const f of rows) {
      if (!visibleSource(f.source)) continue;
      const by = f.supersededBy !== null && visibleSource(byId.get(f.supersededBy)!.source) ? f.supersededBy : null;
      out.set(f.id, by === f.supersededBy ? f : { ...f, supersededBy: by });
    }
    return out;
  };
  // Every fact's as-of form, current and superseded.
  const view = async (): Promise<Map<string, Fact>> => seenAs(await store.listFacts({ includeSuperseded: true }));
  const readOnly = (what: string): never => {
    const message = `${what}: the ledger as of ${asOf} is read-only; ${options.optionNames ? `run the command without ${options.optionNames.asOf}` : 'read it without an as-of day'} to change the ledger`;
    throw new ShakeoutError(message, { issues: [{ code: 'read_only_as_of', path: ['as-of'], message }], status: 409 });
  };
  const notYet = async (id: string): Promise<ShakeoutError> => {
    const f = await store.getFact(id);
    const when = f.source.published ? `published ${f.source.published}, after ${asOf}` : `its source gives no publication date (${options.optionNames ? `${options.optionNames.includeUndated} takes such facts in` : 'such facts are left out unless taken in'})`;
    const message = `fact ${id} is not in the ledger as of ${asOf}: ${when}`;
    return new ShakeoutError(message, { issues: [{ code: 'not_yet_published', path: ['id'], message }], status: 404 });
  };
  const tables = async (): Promise<{ fx: FxTable; cpi: CpiTable }> => {
    const t = await store.tables();
    const ended = (month: string): boolean => parsePeriod(month).end <= asOf;
    return {
      fx: { name: `${t.fx.name} (months ended by ${asOf})`, rates: t.fx.rates.filter((r) => ended(r.month)), knownBy: asOf },
      cpi: { ...t.cpi, name: `${t.cpi.name} (months ended by ${asOf})`, months: t.cpi.months.filter((m) => ended(m.month)) },
    };
  };

  const info = async (): Promise<AsOfInfo> => {
    const all = await store.listFacts({ includeSuperseded: true });
    const undated: string[] = [];
    const later: string[] = [];
    let estimatedDates = 0;
    for (const f of all) {
      const day = latestPublicationDay(f.source.published);
      if (day === null) undated.push(f.id);
      else if (day > asOf) later.push(f.id);
      else if (f.source.publishedEstimated) estimatedDates++;
    }
    return { asOf, includeUndated, undated, later, estimatedDates };
  };

  const s: AsOfStore = {
    asOfInfo: await info(),
    async listFacts(filter: FactFilter = {}): Promise<Fact[]> {
      const rows = await store.listFacts({ ...filter, includeSuperseded: true });
      const v = await seenAs(rows);
      const out: Fact[] = [];
      for (const f of rows) {
        const g = v.get(f.id);
        if (!g) continue;
        if (!filter.includeSuperseded && g.supersededBy !== null) continue;
        out.push(g);
      }
      return out;
    },
    async getFact(id: string): Promise<Fact> {
      const g = (await seenAs([await store.getFact(id)])).get(id);
      if (!g) throw await notYet(id);
      return g;
    },
    async history(id: string): Promise<Fact[]> {
      // The chain holds every correction of its facts, so it is all the view needs.
      const chain = await store.history(id);
      const v = await seenAs(chain);
      if (!v.has(id)) throw await notYet(id);
      return chain.filter((f) => v.has(f.id)).map((f) => v.get(f.id)!);
    },
    addFact: async () => readOnly('facts add'),
    correctFact: async () => readOnly('facts correct'),
    importFacts: async () => readOnly('facts import'),
    async exportFacts(opts: { includeSuperseded?: boolean } = {}) {
      const v = await view();
      const current = new Set([...v.values()].filter((f) => f.supersededBy === null).map((f) => f.id));
      const keep = opts.includeSuperseded === false ? current : new Set(v.keys());
      return (await store.exportFacts({ includeSuperseded: true })).filter((r) => keep.has(String(r.id)));
    },
    listEntities: () => store.listEntities(),
    addEntity: async () => readOnly('entities add'),
    updateEntity: async () => readOnly('entities update'),
    resolveEntity: (name: string) => store.resolveEntity(name),
    async listSources(): Promise<Source[]> {
      return (await store.listSources()).filter(visibleSource);
    },
    async listEvents(filter?: { entity?: string; includeProducts?: boolean }) {
      return (await store.listEvents(filter)).filter((e) => visibleSource(e.source));
    },
    async conflicts(opts: { fx?: FxTable; cpi?: CpiTable } = {}): Promise<Conflict[]> {
      const t = opts.fx && opts.cpi ? { fx: opts.fx, cpi: opts.cpi } : await tables();
      return findConflicts(await s.listFacts(), opts.fx ?? t.fx, opts.cpi ?? t.cpi);
    },
    tables,
    async listFxRates(filter?: { currency?: string }) {
      return (await store.listFxRates(filter)).filter((r) => parsePeriod(r.month).end <= asOf);
    },
    addFxRates: async () => readOnly('fx add'),
    addOutcome: async () => readOnly('outcomes add'),
    importOutcomes: async () => readOnly('outcomes import'),
    async listOutcomes(filter?: { entity?: string }) {
      return (await store.listOutcomes(filter)).filter((o) => visibleSource(o.source));
    },
    async summary(): Promise<Summary> {
      const v = await view();
      const outcomes = await s.listOutcomes();
      return summarizeLedger({
        facts: [...v.values()],
        sources: await s.listSources(),
        entities: (await store.listEntities()).length,
        events: (await s.listEvents()).length,
        outcomeSourceIds: outcomes.map((o) => o.source.id),
      });
    },
    // the view reads the ledger as it stands: its revision is the ledger's
    revision: () => store.revision(),
    close: () => store.close(),
  };
  return s;
}
