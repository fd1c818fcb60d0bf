import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Figure { text: string; entity: { id: string } | null; metric: string | null; period: string | null; sentence: string }

describe('POST /api/extract', () => {
  it('reads a short Chinese article into figures with entity and metric, and the review file the CLI writes', async () => {
    const app = createApp({ store });
    const before = (await store.listFacts()).length;
    const r = await post(app, '/api/extract', { text: '2024年2月，月之暗面完成超10亿美元融资，估值约25亿美元。', source: '36氪', url: 'https://example.com/a', published: '2024-02-20' });
    expect(r.status).toBe(200);
    const b = (await r.json()) as { extraction: { figures: Figure[]; source: { publisher: string } }; review: string };
    expect(b.extraction.figures.length).toBeGreaterThan(0);
    const found = b.extraction.figures.find((f) => f.metric !== null && f.entity !== null);
    expect(found).toBeDefined();
    expect(found!.entity!.id).toMatch(/moonshot/i);
    expect(b.extraction.source.publisher).toBe('36氪');
    expect(b.review).toContain('36氪');
    expect(b.review).toContain(found!.entity!.id);
    expect((await store.listFacts()).length).toBe(before);
  });

  it('refuses a bad published day and a missing text with a 400 naming the field', async () => {
    const app = createApp({ store });
    const bad = await post(app, '/api/extract', { text: '月之暗面融资10亿美元。', published: '2024-02-31' });
    expect(bad.status).toBe(400);
    const e = (await bad.json()) as { error: { message: string; issues: { path: string[] }[] } };
    expect(e.error.message).toMatch(/published/);
    expect(e.error.issues[0]!.path).toEqual(['json', 'published']);
    const none = await post(app, '/api/extract', { published: '2024-02-20' });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]!.path).toEqual(['json', 'text']);
  });
});
