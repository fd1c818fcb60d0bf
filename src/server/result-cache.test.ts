import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../app/index.js';
import { createApp } from './app.js';
import { onEachBackend } from './on-each-backend.js';

const SURVIVAL = '/api/survival?companies=Anthropic&horizon=24&paths=300&seed=5';

onEachBackend('the ledger revision and the result cache', (backend) => {
  let store: Store;
  /** Calls of the store's methods other than revision(): what computing a result costs. */
  let calls = 0;
  let counted: Store;
  beforeAll(async () => {
    store = await backend.open();
    counted = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (prop !== 'revision') calls++;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  });
  afterAll(async () => store.close());

  it('serves the same URL the second time from the cache, and computes it again after a write', async () => {
    const app = createApp({ store: counted, token: 'secret' });
    const rev = ((await (await app.request('/api/revision')).json()) as { revision: number }).revision;
    expect(rev).toBe(await store.revision());

    calls = 0;
    const first = await app.request(SURVIVAL);
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Shakeout-Cache')).toBe('miss');
    expect(first.headers.get('X-Shakeout-Revision')).toBe(String(rev));
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(new RegExp(`^"${rev}-[0-9a-f]{20}"$`));
    const body = await first.text();
    expect(calls).toBeGreaterThan(0);

    calls = 0;
    // the same query in another order is the same result
    const second = await app.request('/api/survival?seed=5&paths=300&horizon=24&companies=Anthropic');
    expect(second.status).toBe(200);
    expect(second.headers.get('X-Shakeout-Cache')).toBe('hit');
    expect(second.headers.get('ETag')).toBe(etag);
    expect(second.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(second.headers.get('content-type')).toContain('application/json');
    expect(await second.text()).toBe(body);
    expect(calls).toBe(0);

    const notModified = await app.request(SURVIVAL, { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');

    // a write bumps the revision, which the write's response carries
    const write = await app.request('/api/entities', { method: 'POST', headers: { Authorization: 'Bearer secret', 'content-type': 'application/json' }, body: JSON.stringify({ id: 'cache-test-ai', nameEn: 'Cache Test AI', kind: 'company' }) });
    expect(write.status).toBe(201);
    expect(write.headers.get('X-Shakeout-Revision')).toBe(String(rev + 1));
    // a refused write changes nothing
    const refused = await app.request('/api/entities', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'other-ai', nameEn: 'Other AI', kind: 'company' }) });
    expect(refused.status).toBe(401);
    expect(await store.revision()).toBe(rev + 1);

    calls = 0;
    const third = await app.request(SURVIVAL);
    expect(third.headers.get('X-Shakeout-Cache')).toBe('miss');
    expect(third.headers.get('X-Shakeout-Revision')).toBe(String(rev + 1));
    expect(third.headers.get('ETag')).not.toBe(etag);
    expect(calls).toBeGreaterThan(0);
    // the second request and the 304 were hits
    expect(app.cacheStats()).toMatchObject({ hits: 2, misses: 2, entries: 2 });
  });

  it('refuses a link pinned to a revision the ledger has moved past with 409 naming both, and a revision that is not a number with 400', async () => {
    const app = createApp({ store });
    const now = await store.revision();
    const ok = await app.request(`${SURVIVAL}&revision=${now}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('X-Shakeout-Revision')).toBe(String(now));
    const old = await app.request(`${SURVIVAL}&revision=${now - 1}`);
    expect(old.status).toBe(409);
    const e = ((await old.json()) as { error: { message: string; issues: { code: string; path: string[]; message: string }[] } }).error;
    expect(e.message).toContain(`this link pins revision ${now - 1} of the ledger, which is now at revision ${now}`);
    expect(e.issues).toEqual([{ code: 'revision_moved', path: ['query', 'revision'], message: `expected ${now}, got ${now - 1}`, expected: String(now), got: String(now - 1) }]);
    expect(old.headers.get('X-Shakeout-Revision')).toBe(String(now));
    const bad = await app.request('/api/facts?revision=latest');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('query.revision: expected one whole number (the ledger\'s revision, see GET /api/revision), got "latest"');
    // every GET takes the pin, the fact listing too
    expect((await app.request(`/api/facts?limit=1&revision=${now}`)).status).toBe(200);
  });

  it('is bounded: the least recently used result goes first', async () => {
    const app = createApp({ store, cache: { maxEntries: 2 } });
    const urls = ['/api/facts?limit=1', '/api/facts?limit=2', '/api/facts?limit=3'];
    for (const u of urls) expect((await app.request(u)).headers.get('X-Shakeout-Cache')).toBe('miss');
    expect((await app.request(urls[2]!)).headers.get('X-Shakeout-Cache')).toBe('hit');
    expect((await app.request(urls[0]!)).headers.get('X-Shakeout-Cache')).toBe('miss');
    expect(app.cacheStats().entries).toBe(2);
  });

  it('keeps nothing when turned off, and still takes pins', async () => {
    const app = createApp({ store, cache: false });
    for (let i = 0; i < 2; i++) {
      const r = await app.request('/api/facts?limit=1');
      expect(r.headers.get('X-Shakeout-Cache')).toBeNull();
      expect(r.headers.get('X-Shakeout-Revision')).toBe(String(await store.revision()));
    }
    expect((await app.request(`/api/facts?limit=1&revision=${(await store.revision()) + 5}`)).status).toBe(409);
    expect(app.cacheStats()).toMatchObject({ hits: 0, misses: 0, entries: 0 });
  });

  it('keeps errors, the revision itself and the OpenAPI document out of the cache', async () => {
    const app = createApp({ store });
    for (let i = 0; i < 2; i++) {
      const r = await app.request('/api/survival?companies=Nonexistent');
      expect(r.status).toBe(400);
      expect(r.headers.get('X-Shakeout-Cache')).toBeNull();
      expect((await app.request('/api/revision')).headers.get('X-Shakeout-Cache')).toBeNull();
    }
    expect(app.cacheStats()).toMatchObject({ hits: 0, entries: 0 });
  });
});
