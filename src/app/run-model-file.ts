import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ShakeoutError, convertCurrency, isCurrency, type DistSpec } from '../core/index.js';
import { chooseFact, factSpec, storeAsOf, type AnalysisAsOf, type LeftAside } from '../economics/index.js';
import { compileModel, runModel, ModelError, type ModelResult, type FactResolver } from '../lang/index.js';
import type { Fact, Store } from '../ledger/index.js';
import { formatValue } from '../core/index.js';

/** What `fact(entity, metric, period)` in a model resolved to. */
export interface ResolvedFact {
  readonly request: { entity: string; metric: string; period?: string };
  readonly fact: Fact;
  /** Other current facts that matched the request, not chosen (ids, in the rule's order). */
  readonly alternatives: readonly string[];
  /** The same facts with why each was left aside (the choose rule's reasons, in English and Chinese). */
  readonly leftAside: readonly LeftAside[];
  /**
   * Money in another currency is read in US dollars, so that sums of facts
   * from different sources are in one currency: the factor applied and the
   * rate it came from ('EUR->USD at ...'); null for US dollars and non-money.
   */
  readonly toUsd: { readonly factor: number; readonly note: string } | null;
}

export interface RunModelFileResult extends ModelResult {
  readonly file: string;
  readonly resolved: readonly ResolvedFact[];
  /** Set when fact() read the ledger as it stood on a day (`--as-of`): the day and the undated facts left out. */
  readonly asOf?: AnalysisAsOf;
}

const key = (e: string, m: string, p?: string) => JSON.stringify([e, m, p ?? null]);

/**
 * Picks the fact a model means by fact(entity, metric, period): among current
 * facts that match, the one the choose rule (`chooseFact`, docs/ledger.md)
 * prefers. The others are named as alternatives, each with its reason, so
 * the choice is never silent.
 */
export async function resolveModelFact(store: Store, entity: string, metric: string, period?: string): Promise<ResolvedFact> {
  const facts = await store.listFacts({ entity, metric, ...(period ? { period } : {}) });
  if (!facts.length) {
    const asOf = storeAsOf(store);
    const where = (period ? ` for ${period}` : '') + (asOf ? ` ${asOf.text.en}` : '');
    throw new ShakeoutError(`the ledger has no ${metric} fact for "${entity}"${where}; see \`shakeout facts list --entity "${entity}"\``, { status: 404 });
  }
  const choice = chooseFact(facts)!;
  const f = choice.chosen;
  let toUsd: ResolvedFact['toUsd'] = null;
  if (isCurrency(f.figure.unit) && f.figure.unit !== 'USD') {
    if (!f.period) throw new ShakeoutError(`fact ${f.id} ("${f.valueText}") is in ${f.figure.unit} with no period, so no exchange rate applies; models read money in US dollars`, { status: 400 });
    const { fx } = await store.tables();
    const c = convertCurrency({ value: 1, unit: f.figure.unit, per: null }, 'USD', f.period, fx);
    toUsd = { factor: c.quantity.value, note: c.note };
  }
  return { request: { entity, metric, ...(period ? { period } : {}) }, fact: f, alternatives: choice.others.map((o) => o.fact.id), leftAside: choice.others, toUsd };
}

function label(r: ResolvedFact): string {
  const f = r.fact;
  const v = formatValue(f.figure.value, f.figure.unit, 'en', f.figure.per);
  const usd = r.toUsd ? ` = ${formatValue(f.figure.value * r.toUsd.factor, 'USD', 'en', f.figure.per)} (${r.toUsd.note})` : '';
  return `${f.id}: ${f.entity} ${f.metric} ${f.period?.text ?? ''} "${f.valueText}" = ${v}${usd} (${f.figure.qualifier}; ${f.source.publisher})`.replace(/\s+/g, ' ');
}

/** How to run a model: the ledger for fact(), the sample count and seed, and an optional progress callback. */
export interface RunModelFileOptions {
  /**
   * The ledger that fact() reads: an open store, or a function that opens it,
   * called only when the model asks for a fact (a model without fact() then
   * never opens, creates or migrates a database).
   */
  readonly store?: Store | (() => Promise<Store>);
  readonly sampleCount: number;
  readonly seed: string | number;
  readonly threads?: number;
  readonly file?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Rank each output's uncertain inputs by how much they drive it. */
  readonly sensitivity?: boolean;
  /** Stops the run between chunks (it rejects with a ShakeoutError of code 'aborted'). */
  readonly signal?: AbortSignal;
}

/**
 * Runs a model's source with `fact(...)` read from the ledger. The ledger is
 * asynchronous and the compiler is not, so this compiles twice: once to learn
 * which facts the model asks for, then with their distributions.
 */
export async function runModelSource(source: string, options: RunModelFileOptions): Promise<RunModelFileResult> {
  const file = options.file ?? 'model.sq';
  const resolved = new Map<string, ResolvedFact>();
  try {
    // Pass 1: compile with a probe to collect the fact() calls (also reports syntax errors early).
    const requests = modelFactRequests(source);
    // Failures are kept and thrown from the second compile, which puts them at
    // the fact(...) call with line, column and caret.
    const failed = new Map<string, unknown>();
    let store: Store | undefined;
    for (const [k, r] of requests) {
      if (!options.store) throw new ShakeoutError('this model reads facts from the ledger, but no ledger is open', { status: 400 });
      store ??= typeof options.store === 'function' ? await options.store() : options.store;
      try {
        resolved.set(k, await resolveModelFact(store, r.entity, r.metric, r.period));
      } catch (e) {
        if (!(e instanceof ShakeoutError)) throw e;
        failed.set(k, e);
      }
    }
    const resolveFact: FactResolver = (entity, metric, period) => {
      const k = key(entity, metric, period);
      if (failed.has(k)) throw failed.get(k);
      const r = resolved.get(k);
      if (!r) throw new ShakeoutError(`fact("${entity}", "${metric}") was not resolved`, { status: 500 });
      return { spec: factSpec(r.fact, r.toUsd?.factor ?? 1), label: label(r) };
    };
    const result = await runModel(source, {
      env: { sampleCount: options.sampleCount, seed: options.seed, ...(options.threads ? { threads: options.threads } : {}) },
      resolveFact,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.sensitivity ? { sensitivity: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // The ledger the facts were read from (none opened: the model read none).
    const read = store ?? (typeof options.store === 'function' ? undefined : options.store);
    const asOf = read ? storeAsOf(read) : null;
    return { ...result, file, resolved: [...resolved.values()], ...(asOf ? { asOf } : {}) };
  } catch (e) {
    if (e instanceof ModelError) throw new ShakeoutError(e.format(source, file), { issues: e.issues, status: 400, cause: e });
    throw e;
  }
}

/** What a model's fact() calls ask for, by entity, metric and period. */
export type FactRequest = { readonly entity: string; readonly metric: string; readonly period?: string };

/** A stand-in for every fact: a point mass at 1, for a compile that only looks at the calls. */
const PROBE = { spec: { family: 'pointMass', value: 1 } as DistSpec, label: 'probe' };

/**
 * The fact() calls of a model, each request once (keyed by entity, metric
 * and period): a compile with a probe for every fact, no ledger read.
 * Throws the model's first syntax or type error as a ModelError.
 */
export function modelFactRequests(source: string): Map<string, FactRequest> {
  const requests = new Map<string, FactRequest>();
  compileModel(source, {
    resolveFact: (entity, metric, period) => {
      requests.set(key(entity, metric, period), { entity, metric, ...(period ? { period } : {}) });
      return PROBE;
    },
  });
  return requests;
}

/**
 * Compiles a model again with the failures of its fact() requests (by
 * `modelFactRequests`' key): the first one in the source becomes a
 * ModelError at its call, with line, column and the closest name, as a run
 * says it; null when none fails.
 */
export function firstFactFailure(source: string, failed: ReadonlyMap<string, unknown>): ModelError | null {
  if (!failed.size) return null;
  try {
    compileModel(source, {
      resolveFact: (entity, metric, period) => {
        const k = key(entity, metric, period);
        if (failed.has(k)) throw failed.get(k);
        return PROBE;
      },
    });
    return null;
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
}

/** Reads a model file and runs it (see {@link runModelSource}). */
export async function runModelFile(path: string, options: Omit<RunModelFileOptions, 'file'>): Promise<RunModelFileResult> {
  let source: string;
  try {
    // Sync: one small file, and node:fs/promises (with the modules it loads)
    // is not worth loading for it in a one-shot `shakeout run`.
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ShakeoutError(`cannot read model ${path}: ${(e as Error).message}`, { status: 400 });
  }
  return runModelSource(source, { ...options, file: basename(path) });
}
