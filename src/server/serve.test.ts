import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { isLoopback, startServer } from './serve.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

describe('startServer', () => {
  it('serves the API on loopback and closes', async () => {
    const s = await startServer({ store, port: 0 });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${s.url}api/facts?limit=2`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(2);
    await s.close();
    await expect(fetch(`${s.url}api/facts`)).rejects.toThrow();
  });

  it('refuses a non-loopback address without a token, and a port that is taken when one was asked for', async () => {
    await expect(startServer({ store, host: '0.0.0.0' })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without a token/);
    const a = await startServer({ store, port: 0 });
    await expect(startServer({ store, port: a.port })).rejects.toThrow(new RegExp(`port ${a.port} on 127.0.0.1 is taken`));
    await a.close();
  });

  it('knows the loopback addresses', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '192.168.1.2', '::', 'example.com']) expect(isLoopback(h)).toBe(false);
  });
});
