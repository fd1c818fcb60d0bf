// GET /api/facts/{id}/distribution: the distribution the engine samples for a
// fact (factSpec drawn by factDraws), as a point or a histogram with p5, p50, p95.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

interface Dist {
  fact: string; family: string; unit: string; per: string | null; sampleCount: number; seed: string | number;
  point: number | null; p5: number; p50: number; p95: number;
  histogram: { edges: number[]; counts: number[]; below: number; above: number } | null;
}

const get = async (path: string) => {
  const res = await createApp({ store }).request(path);
  return { status: res.status, body: (await res.json()) as Dist & { error: { status: number; message: string; issues: { code: string; path: string[] }[] } } };
};

const RANGE = 'co-anthropic-valuation-as-of-2024-01'; // "between $15 billion and $20 billion"
const EXACT = 'co-anthropic-funding-2023-02-2024-02'; // "$7.3 billion"

describe('a fact\'s distribution', () => {
  it('a range is a lognormal whose p5 and p95 are its ends, within Monte Carlo error; the histogram holds every draw', async () => {
    const fact = await store.getFact(RANGE);
    expect([fact.figure.low, fact.figure.high]).toEqual([15e9, 20e9]);
    const { status, body } = await get(`/api/facts/${RANGE}/distribution?samples=20000&seed=7`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ fact: RANGE, family: 'lognormal', unit: 'USD', per: null, sampleCount: 20000, seed: '7', point: null });
    // at 20,000 draws the p5 and p95 of this lognormal (sigma 0.087) are off by about 0.15% (one standard error); 1% is over six
    expect(Math.abs(body.p5 / 15e9 - 1)).toBeLessThan(0.01);
    expect(Math.abs(body.p95 / 20e9 - 1)).toBeLessThan(0.01);
    expect(body.p50).toBeGreaterThan(body.p5);
    expect(body.p50).toBeLessThan(body.p95);
    const h = body.histogram!;
    expect(h.edges).toHaveLength(41);
    expect(h.counts).toHaveLength(40);
    for (let i = 1; i < h.edges.length; i++) expect(h.edges[i]!).toBeGreaterThan(h.edges[i - 1]!);
    expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(20000);
    // p1 to p99: about 1% of the draws on each side
    expect(h.below / 20000).toBeCloseTo(0.01, 2);
    expect(h.above / 20000).toBeCloseTo(0.01, 2);
  });

  it('an exact figure is a point with no histogram, not a spread', async () => {
    const { status, body } = await get(`/api/facts/${EXACT}/distribution`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ family: 'pointMass', point: 7.3e9, p5: 7.3e9, p50: 7.3e9, p95: 7.3e9, histogram: null, sampleCount: 10000, seed: 'shakeout' });
  });

  it('"超23亿美元" never goes below 2.3 billion; the same URL gives the same numbers, another seed others', async () => {
    const a = await get('/api/facts/F11/distribution?samples=5000');
    const b = await get('/api/facts/F11/distribution?samples=5000');
    const c = await get('/api/facts/F11/distribution?samples=5000&seed=other');
    expect(a.body.histogram!.edges[0]!).toBeGreaterThanOrEqual(2.3e9);
    expect(a.body.p5).toBeGreaterThanOrEqual(2.3e9);
    expect(b.body).toEqual(a.body);
    expect(c.body.p50).not.toBe(a.body.p50);
  });

  it('an unknown fact is a 404; too many draws a 400 naming the field', async () => {
    const miss = await get('/api/facts/F111/distribution');
    expect(miss.status).toBe(404);
    expect(miss.body.error.issues[0]!.code).toBe('unknown_fact');
    const big = await get(`/api/facts/${RANGE}/distribution?samples=1000000`);
    expect(big.status).toBe(400);
    expect(big.body.error.issues[0]!.path).toEqual(['query', 'samples']);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await createApp({ store }).request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { parameters: { name: string }[] } }> };
    expect(doc.paths['/api/facts/{id}/distribution']?.get?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'samples', 'seed', 'asOf']));
  });
});
