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

describe('models over HTTP', () => {
  it('checks a model and places its problem at line and column with the closest name', async () => {
    const app = createApp({ store });
    const ok = (await (await post(app, '/api/models/check', { source: 'revenue = 1M to 2M\nrevenue * 12' })).json()) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const bad = (await (await post(app, '/api/models/check', { source: 'revenue = 1M to 2M\nrevenu * 12' })).json()) as { ok: boolean; issues: { line: number; column: number; message: string; suggestion: string | null }[] };
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]).toMatchObject({ line: 2, column: 1, suggestion: 'revenue', reason: { code: 'unknown_name', params: { name: 'revenu' } } });
    expect(bad.issues[0]!.message).toMatch(/revenu/);
  });

  it('checks fact()\'s entity and metric against the ledger, as a run would, at the call\'s line and column with the closest name, and writes nothing (T29)', async () => {
    const app = createApp({ store });
    type Check = { ok: boolean; issues: { code: string; line: number; column: number; message: string; suggestion: string | null; reason: { code: string; params: Record<string, string> } }[] };
    const check = async (source: string) => (await (await post(app, '/api/models/check', { source })).json()) as Check;
    const revision = (await app.request('/api/revision')).headers.get('x-shakeout-revision');
    const entity = await check('a = 1 to 2\nx = fact("OpenAl", "revenue")\n{x: x, a: a}');
    expect(entity.ok).toBe(false);
    expect(entity.issues[0]).toMatchObject({ code: 'fact', line: 2, column: 5, suggestion: 'OpenAI', reason: { code: 'fact_unresolved', params: { entity: 'OpenAl', metric: 'revenue' } } });
    expect(entity.issues[0]!.message).toBe('unknown entity "OpenAl"; did you mean "OpenAI"?');
    const metric = await check('x = fact("OpenAI", "revnue")\nx');
    expect(metric.issues[0]).toMatchObject({ code: 'fact', line: 1, column: 5, suggestion: 'revenue' });
    expect(metric.issues[0]!.message).toMatch(/^unknown metric "revnue": expected one of funding, valuation, revenue, .*; did you mean "revenue"\?$/);
    // the same words as the run's error, at the same place
    const run = (await (await post(app, '/api/models/run', { source: 'x = fact("OpenAI", "revnue")\nx', samples: 100 })).json()) as { error: { issues: { message: string; path: string[] }[] } };
    expect(run.error.issues[0]).toMatchObject({ message: metric.issues[0]!.message, path: ['line 1', 'column 5'] });
    // names and aliases the ledger knows pass, in either language; the first unknown call is the one reported
    expect((await check('x = fact("月之暗面", "valuation")\ny = fact("kimi", "revenue")\n{x: x, y: y}')).ok).toBe(true);
    expect((await check('x = fact("OpenAI", "revenue")\ny = fact("Antropic", "revenue")\nz = fact("Nobody Inc", "revenue")\n{x: x, y: y, z: z}')).issues[0]).toMatchObject({ line: 2, suggestion: 'Anthropic' });
    expect((await app.request('/api/revision')).headers.get('x-shakeout-revision')).toBe(revision);
  });

  it('runs a model that reads the ledger, with histograms, the facts read, and the same numbers for the same seed', async () => {
    const app = createApp({ store });
    const body = { source: 'v = fact("Moonshot AI", "valuation")\nv / 1B', samples: 5000, seed: 3 };
    const r = (await (await post(app, '/api/models/run', body)).json()) as { outputs: Record<string, { p50: number; histogram: { counts: number[] } }>; facts: { fact: string }[]; sampleCount: number };
    expect(r.sampleCount).toBe(5000);
    const out = Object.values(r.outputs)[0]!;
    expect(out.histogram.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(4000);
    expect(r.facts.length).toBe(1);
    const again = (await (await post(app, '/api/models/run', body)).json()) as typeof r;
    expect(Object.values(again.outputs)[0]!.p50).toBe(out.p50);
  });

  it('refuses a run over the documented sample limit, and a model error, with a 400', async () => {
    const app = createApp({ store });
    const big = await post(app, '/api/models/run', { source: '1 to 2', samples: 50_000_000 });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]!.path).toEqual(['json', 'samples']);
    const wrong = await post(app, '/api/models/run', { source: 'x = 1 +' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]!.path[0]).toMatch(/^line 1/);
  });

  it('gives names for completion and the example models', async () => {
    const app = createApp({ store });
    const n = (await (await app.request('/api/models/names')).json()) as { functions: string[]; metrics: string[]; entities: string[] };
    expect(n.functions).toEqual(expect.arrayContaining(['normal', 'fact']));
    expect(n.metrics).toContain('valuation');
    expect(n.entities).toContain('月之暗面');
    const ex = (await (await app.request('/api/models/examples')).json()) as { items: { name: string; source: string }[] };
    expect(ex.items.map((x) => x.name)).toEqual(expect.arrayContaining(['runway.sq', 'moonshot-valuation.sq']));
  });
});
