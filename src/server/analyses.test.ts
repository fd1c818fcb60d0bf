import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

interface SurvivalBody {
  analysis: { kind: string; env: { seed: string }; details: { companies: { id: string; pOutWithin: Record<string, number>; survival: number[]; band90: { lower: number[]; upper: number[] } }[]; ranking: { id: string }[] }; asOf?: { date: string } };
  chart: { series: { name: string; data: unknown[] }[] };
}

describe('analyses over HTTP', () => {
  it('runs the survival simulation from a URL that reproduces it, with the report\'s chart', async () => {
    const app = createApp({ store });
    const url = '/api/survival?companies=OpenAI,Anthropic&horizon=36&paths=2000&seed=7&climate=cold&lang=zh';
    const a = (await (await app.request(url)).json()) as SurvivalBody;
    expect(a.analysis.kind).toBe('survival');
    expect(a.analysis.details.companies.map((c) => c.id)).toEqual(['openai', 'anthropic']);
    expect(a.analysis.details.companies[0]!.survival).toHaveLength(37);
    expect(a.chart.series.map((s) => s.name)).toEqual(['OpenAI：90%区间', 'OpenAI：90%区间', 'Anthropic：90%区间', 'Anthropic：90%区间', 'OpenAI', 'Anthropic']);
    expect(a.analysis.details.companies[0]!.band90.upper).toHaveLength(37);
    const again = (await (await app.request(url)).json()) as SurvivalBody;
    expect(again.analysis.details.companies[0]!.pOutWithin).toEqual(a.analysis.details.companies[0]!.pOutWithin);
    const asOf = (await (await app.request('/api/survival?companies=OpenAI&paths=500&asOf=2024-05-20')).json()) as SurvivalBody;
    expect(asOf.analysis.asOf?.date).toBe('2024-05-20');
  });

  it('refuses a run over the documented limit, and an unknown company, with the field', async () => {
    const app = createApp({ store });
    const big = await app.request('/api/survival?paths=5000000');
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: { issues: { path: string[]; message: string }[] } }).error.issues[0]).toMatchObject({ path: ['query', 'paths'], message: 'expected a value of at most 100000, got "5000000"' });
    const who = await app.request('/api/survival?companies=OpenAl&paths=100');
    expect(who.status).toBe(404);
    expect(((await who.json()) as { error: { message: string } }).error.message).toMatch(/did you mean "OpenAI"/);
  });

  it('gives a company\'s health with its inputs and their facts', async () => {
    const app = createApp({ store });
    const res = await app.request('/api/companies/Zhipu%20AI/health?samples=1000&seed=1');
    expect(res.status).toBe(200);
    const h = (await res.json()) as { analysis: { kind: string; subject: string; facts: { id: string }[]; estimates: { id: string; p50: number }[] } };
    expect(h.analysis.kind).toBe('health');
    expect(h.analysis.subject).toBe('zhipu-ai');
    expect(h.analysis.facts.length).toBeGreaterThan(0);
    expect(h.analysis.estimates.length).toBeGreaterThan(0);
  });
});
