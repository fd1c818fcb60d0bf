import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import type { Store } from '../app/index.js';
import { body } from './errors.js';

/** Header that carries the ledger's revision on every API response. */
export const REVISION_HEADER = 'X-Shakeout-Revision';
/** Header that says whether a GET was served from the result cache ('hit') or computed ('miss'). */
export const CACHE_HEADER = 'X-Shakeout-Cache';

/**
 * Bounds of the result cache: at most 500 responses and 64 MB of bodies; the
 * least recently used go first. A body over 8 MB (a very long report) is
 * served but not kept.
 */
export const RESULT_CACHE_LIMITS = { maxEntries: 500, maxBytes: 64 * 1024 * 1024, maxEntryBytes: 8 * 1024 * 1024 } as const;

/**
 * GET routes never cached: the revision itself, the OpenAPI document, and
 * long runs (their state changes while the ledger does not). A route can
 * also keep its response out of the cache with `Cache-Control: no-store`.
 */
const NEVER_CACHED = [/^\/api\/revision$/, /^\/api\/openapi\.json$/, /^\/api\/runs(\/|$)/];

interface Entry {
  readonly status: number;
  readonly headers: readonly [string, string][];
  readonly body: Uint8Array;
  readonly etag: string;
}

export interface ResultCacheOptions {
  readonly maxEntries?: number;
  readonly maxBytes?: number;
}

/** The middleware's options: its bounds, or false to keep nothing (revision header and pins still apply). */
type CacheSetting = ResultCacheOptions | false;

/** What the cache did so far (for tests and the load bench). */
export interface ResultCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly entries: number;
  readonly bytes: number;
}

/**
 * The revision and the result cache of the API, as one middleware on
 * `/api/*`:
 *
 * - every response carries the ledger's revision (`X-Shakeout-Revision`), a
 *   write's the revision after it;
 * - a GET with `?revision=N` is refused with 409 when the ledger is no
 *   longer at revision N (a pinned link that would not reproduce says so,
 *   naming both revisions), and with 400 when N is not a whole number;
 * - a successful GET is kept in a bounded LRU cache ({@link RESULT_CACHE_LIMITS})
 *   under its path, its query (keys sorted, `revision` left out) and the
 *   revision it was computed at, and served from there the next time, with
 *   an ETag (`"<revision>-<hash of the body>"`; `If-None-Match` gives 304).
 *   A write bumps the revision, so the entries of the old one are never
 *   read again (they age out of the LRU). A result is kept only when the
 *   revision did not move while it was computed.
 */
export function resultCache(store: Store, setting: CacheSetting = {}): { middleware: MiddlewareHandler; stats: () => ResultCacheStats; clear: () => void } {
  const enabled = setting !== false;
  const options = setting === false ? {} : setting;
  const maxBytes = options.maxBytes ?? RESULT_CACHE_LIMITS.maxBytes;
  const cache = new LRUCache<string, Entry>({
    max: options.maxEntries ?? RESULT_CACHE_LIMITS.maxEntries,
    maxSize: maxBytes,
    maxEntrySize: Math.min(maxBytes, RESULT_CACHE_LIMITS.maxEntryBytes),
    sizeCalculation: (e) => Math.max(1, e.body.byteLength),
  });
  let hits = 0;
  let misses = 0;

  const middleware: MiddlewareHandler = async (c, next) => {
    const isRead = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!isRead) {
      await next();
      c.header(REVISION_HEADER, String(await store.revision()));
      return;
    }
    const url = new URL(c.req.url);
    const pinned = url.searchParams.getAll('revision');
    const before = await store.revision();
    if (pinned.length) {
      const text = pinned[pinned.length - 1]!;
      if (pinned.length > 1 || !/^\d{1,15}$/.test(text)) {
        const message = `query.revision: expected one whole number (the ledger's revision, see GET /api/revision), got ${JSON.stringify(pinned.length > 1 ? pinned : text)}`;
        return c.json(body(400, message, [{ code: 'invalid_revision', path: ['query', 'revision'], message }]), 400, { [REVISION_HEADER]: String(before) });
      }
      const asked = Number(text);
      if (asked !== before) {
        const message = `this link pins revision ${asked} of the ledger, which is now at revision ${before}: the ledger has changed${asked > before ? ' (or was never at that revision)' : ' since'}, so the result would not reproduce; drop ?revision= (or set it to ${before}) for the current result`;
        return c.json(body(409, message, [{ code: 'revision_moved', path: ['query', 'revision'], message: `expected ${before}, got ${asked}`, expected: String(before), got: String(asked) }]), 409, { [REVISION_HEADER]: String(before) });
      }
    }
    if (!enabled || NEVER_CACHED.some((r) => r.test(url.pathname))) {
      await next();
      c.header(REVISION_HEADER, String(before));
      return;
    }
    const key = `${c.req.method} ${url.pathname}?${normalisedQuery(url.searchParams)} @${before}`;
    const found = cache.get(key);
    if (found) {
      hits++;
      return respond(found, c.req.header('If-None-Match'), 'hit');
    }
    misses++;
    await next();
    const res = c.res;
    const cacheControl = res.headers.get('cache-control') ?? '';
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || /no-store/i.test(cacheControl) || type.startsWith('text/event-stream') || !res.body) {
      c.header(REVISION_HEADER, String(before));
      return;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const entry: Entry = {
      status: res.status,
      headers: [...res.headers.entries()].filter(([k]) => k !== 'content-length' && k !== 'etag'),
      body: bytes,
      etag: `"${before}-${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}"`,
    };
    // kept only when no write landed while it was computed: otherwise it may mix two revisions
    if ((await store.revision()) === before) cache.set(key, entry);
    c.res = undefined as never;
    c.res = respond(entry, c.req.header('If-None-Match'), 'miss');
  };

  function respond(e: Entry, ifNoneMatch: string | undefined, how: 'hit' | 'miss'): Response {
    const headers = new Headers(e.headers as [string, string][]);
    headers.set('ETag', e.etag);
    headers.set(REVISION_HEADER, e.etag.slice(1, e.etag.indexOf('-')));
    headers.set(CACHE_HEADER, how);
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === e.etag)) return new Response(null, { status: 304, headers });
    return new Response(e.body, { status: e.status, headers });
  }

  return {
    middleware,
    stats: () => ({ hits, misses, entries: cache.size, bytes: cache.calculatedSize }),
    clear: () => cache.clear(),
  };
}

/** The query as a cache key: pairs sorted by name then value, `revision` left out (the key holds the revision itself). */
function normalisedQuery(q: URLSearchParams): string {
  const pairs = [...q.entries()].filter(([k]) => k !== 'revision').sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}
