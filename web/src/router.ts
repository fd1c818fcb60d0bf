import { signal } from '@preact/signals';

/**
 * The page and its parameters, from the URL hash: '#/ledger?q=zhipu' -> { page: 'ledger', path: [], params };
 * '#/company/Zhipu%20AI' -> { page: 'company', path: ['Zhipu AI'], params }.
 */
export interface Route { page: string; path: string[]; params: URLSearchParams }

function read(): Route {
  const h = globalThis.location?.hash.replace(/^#\/?/, '') ?? '';
  const [where, qs] = h.split('?', 2) as [string, string | undefined];
  const [page, ...path] = where.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  return { page: page || 'board', path, params: new URLSearchParams(qs ?? '') };
}

export const route = signal<Route>(read());
globalThis.addEventListener?.('hashchange', () => (route.value = read()));

/** The hash of a page, its path and its parameters (those set): a link that reproduces the view. */
export function href(page: string, params: Record<string, string | undefined> = {}, path: string[] = []): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return `#/${[page, ...path.map(encodeURIComponent)].join('/')}${q.toString() ? `?${q}` : ''}`;
}

/** Goes to a page, keeping its parameters in the URL so a link reproduces the view. */
export function go(page: string, params: Record<string, string | undefined> = {}, replace = false, path: string[] = []): void {
  const hash = href(page, params, path);
  if (replace) history.replaceState(null, '', hash);
  else location.hash = hash;
  route.value = read();
}
