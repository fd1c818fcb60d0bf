import type { OpenAPIHono } from '@hono/zod-openapi';
import { analysisContext, asOfStore, readAsOfDate, type AnalysisContext, type AnalysisEntry, type AsOfInfo, type Lang, type Store } from '../app/index.js';

/** What the routes share: the one store the server holds for its life. */
export interface ServerDeps {
  readonly store: Store;
}

export type Api = OpenAPIHono;

/**
 * The store a read uses: the server's, or a read-only view of it as of a day.
 * Never closed by a route (closing a view closes the store).
 */
export async function readStore(deps: ServerDeps, q: { asOf?: string | undefined; includeUndated?: boolean | undefined }): Promise<{ store: Store; asOf: AsOfInfo | null }> {
  if (q.asOf === undefined) return { store: deps.store, asOf: null };
  const view = await asOfStore(deps.store, { asOf: readAsOfDate(q.asOf, 'asOf'), includeUndated: q.includeUndated ?? false, optionNames: { asOf: 'asOf', includeUndated: 'includeUndated=true' } });
  return { store: view, asOf: view.asOfInfo };
}

/**
 * The context an analysis of the registry runs in over HTTP: the ledger as
 * of `asOf` (for the backtest, `asOf` is the day its forecasts are made and
 * the store stays whole), the samples and seed asked for, and a signal.
 */
export async function analysisContextFor(
  deps: ServerDeps,
  entry: AnalysisEntry,
  q: { asOf?: string | undefined; includeUndated?: boolean | undefined; samples?: number | undefined; seed?: string | number | undefined; lang?: Lang | undefined; signal: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<AnalysisContext> {
  // advice names the request's fields, never the command line's flags
  const base = { samples: q.samples, seed: q.seed, lang: q.lang, signal: q.signal, onProgress: q.onProgress, hint: 'api' as const };
  if (entry.asOf === 'forecast-day') return analysisContext(deps.store, { ...base, asOf: q.asOf === undefined ? null : readAsOfDate(q.asOf, 'asOf') });
  const { store } = await readStore(deps, q);
  return analysisContext(store, base);
}
