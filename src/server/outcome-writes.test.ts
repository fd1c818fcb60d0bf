import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

const TOKEN = 'outcome-token';
const post = (app: ReturnType<typeof createApp>, path: string, body: unknown, token: string | null = TOKEN) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

interface Result { added: { id: string; entity: string; type: string; out: boolean | null; source: { publisher: string } }[]; unchanged: { id: string }[]; dryRun: boolean }
interface Err { error: { status: number; message: string; issues: { path: string[]; message: string }[] } }

const pivot = { entity: 'Baichuan', date: '2025-03-01', type: 'pivot', detail: 'to medical models', publisher: 'Test Wire', url: 'https://example.org/baichuan', published: '2025-03-02', out: false };

describe('outcome writes', () => {
  it('adds an outcome with its source (201), takes it again as unchanged (200), and needs the token', async () => {
    const app = createApp({ store, token: TOKEN });
    expect((await post(app, '/api/outcomes', pivot, null)).status).toBe(401);
    const before = await store.revision();
    const r = await post(app, '/api/outcomes', pivot);
    expect(r.status).toBe(201);
    const body = (await r.json()) as Result;
    expect(body.added).toHaveLength(1);
    expect(body.added[0]).toMatchObject({ entity: 'baichuan-ai', type: 'pivot', out: false, source: { publisher: 'Test Wire' } });
    expect(r.headers.get('X-Shakeout-Revision')).toBe(String(before + 1));
    const listed = (await (await app.request('/api/outcomes?entity=baichuan')).json()) as { items: { id: string }[] };
    expect(listed.items.map((o) => o.id)).toContain(body.added[0]!.id);
    const again = await post(app, '/api/outcomes', pivot);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Result).unchanged.map((o) => o.id)).toEqual([body.added[0]!.id]);
    expect(await store.revision()).toBe(before + 1);
  });

  it('refuses a bad outcome naming the field, what was expected and what came, and stores nothing', async () => {
    const app = createApp({ store, token: TOKEN });
    const before = (await store.listOutcomes()).length;
    const r = await post(app, '/api/outcomes', { ...pivot, date: '2025-02-30', entity: 'Baichuan AIX' });
    expect(r.status).toBe(400);
    const e = ((await r.json()) as Err).error;
    expect(e.message).toContain('request body, field date: expected a real date written YYYY-MM-DD (or YYYY-MM) such as 2024-03-19, got "2025-02-30"');
    expect(e.message).toMatch(/request body, field entity: expected an entity the ledger knows, got "Baichuan AIX"; did you mean "Baichuan AI"\? If not, add it first: .*POST \/api\/entities \{"id":"baichuan-aix"/);
    const schema = await post(app, '/api/outcomes', { ...pivot, type: 'bankrupt' });
    expect(schema.status).toBe(400);
    expect(((await schema.json()) as Err).error.issues[0]!.path).toEqual(['json', 'type']);
    expect((await store.listOutcomes()).length).toBe(before);
  });

  it('imports CSV text all or nothing: a dry run says what it would add and changes nothing, errors name line and column', async () => {
    const app = createApp({ store, token: TOKEN });
    const csv = [
      'entity,date,type,detail,publisher,url,published,out',
      'MiniMax,2025-01-15,raised,a round led by a test fund,Test Wire,https://example.org/minimax,2025-01-16,no',
      'Zhipu AI,2025-02-01,layoffs,a tenth of its staff,Test Wire,https://example.org/zhipu,2025-02-02,',
    ].join('\n');
    const before = await store.revision();
    const dry = await post(app, '/api/outcomes/import', { format: 'csv', text: csv, dryRun: true });
    expect(dry.status).toBe(200);
    const d = (await dry.json()) as Result;
    expect(d.dryRun).toBe(true);
    expect(d.added.map((o) => `${o.entity} ${o.type}`)).toEqual(['minimax raised', 'zhipu-ai layoffs']);
    expect(await store.revision()).toBe(before);
    expect((await store.listOutcomes({ entity: 'MiniMax' })).some((o) => o.detail === 'a round led by a test fund')).toBe(false);

    const bad = await post(app, '/api/outcomes/import', { format: 'csv', text: csv.replace('layoffs', 'bankrupt'), file: 'mine.csv' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Err).error.message).toContain('mine.csv line 3, column type: expected one of raised, ipo');
    expect(await store.revision()).toBe(before);

    const real = await post(app, '/api/outcomes/import', { format: 'csv', text: csv });
    const r = (await real.json()) as Result;
    expect(r).toMatchObject({ dryRun: false });
    expect(r.added.map((o) => o.id)).toEqual(d.added.map((o) => o.id));
    expect(await store.revision()).toBe(before + 1);
    expect((await post(app, '/api/outcomes/import', { format: 'csv', text: csv }, null)).status).toBe(401);
  });

  it('refuses an outcome whose source was published before it happened (400 at published), and stores nothing (trial T28)', async () => {
    const app = createApp({ store, token: TOKEN });
    const before = (await store.listOutcomes()).length;
    const res = await post(app, '/api/outcomes', { ...pivot, detail: 'announced early', published: '2023-01-05' });
    expect(res.status).toBe(400);
    const e = ((await res.json()) as Err).error;
    expect(e.issues).toEqual([expect.objectContaining({ code: 'published_before_outcome', path: ['request body', 'field published'], expected: '2025-03-01', got: '2023-01-05' })]);
    expect(e.issues[0]!.message).toContain('an outcome is recorded once it has happened; an announcement of one to come is not one yet');
    expect((await store.listOutcomes()).length).toBe(before);
  });
});

