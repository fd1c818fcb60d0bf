import { signal } from '@preact/signals';

/** The page and its parameters, from the URL hash: '#/ledger?q=zhipu' -> { page: 'ledger', params }. */
export interface Route { page: string; params: URLSearchParams }

function read(): Route {
  const h = globalThis.location?.hash.replace(/^#\/?/, '') ?? '';
  const [page, qs] = h.split('?', 2) as [string, string | undefined];
  return { page: page || 'board', params: new URLSearchParams(qs ?? '') };
}

export const route = signal<Route>(read());
globalThis.addEventListener?.('hashchange', () => (route.value = read()));

/** Goes to a page, keeping its parameters in the URL so a link reproduces the view. */
export function go(page: string, params: Record<string, string | undefined> = {}, replace = false): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const hash = `#/${page}${q.toString() ? `?${q}` : ''}`;
  if (replace) history.replaceState(null, '', hash);
  else location.hash = hash;
  route.value = read();
}
