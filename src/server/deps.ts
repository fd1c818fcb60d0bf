import type { OpenAPIHono } from '@hono/zod-openapi';
import { asOfStore, readAsOfDate, type AsOfInfo, type Store } from '../app/index.js';

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
  const view = await asOfStore(deps.store, { asOf: readAsOfDate(q.asOf, 'asOf'), includeUndated: q.includeUndated ?? false });
  return { store: view, asOf: view.asOfInfo };
}
