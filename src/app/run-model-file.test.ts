import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factDraws } from '../economics/index.js';
import { SampleSet } from '../estimate/index.js';
import { openStore, type Store } from '../ledger/index.js';
import type { DistOutput } from '../lang/index.js';
import { resolveModelFact, runModelSource } from './run-model-file.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: false });
  const round = { entity: 'Zhipu AI', metric: 'funding', scope: 'round', period: '2024-05' };
  await store.addFact({ ...round, id: 'z-mirror', value: '$400mn', source: { publisher: 'Bloomberg (via BNN Bloomberg)', published: '2024-06-01' } });
  await store.addFact({ ...round, id: 'z-primary', value: 'about $400 million', source: { publisher: 'Bloomberg', published: '2024-05-31' } });
  await store.addFact({ ...round, id: 'z-old', value: '$300 million', period: '2023-10', source: { publisher: 'Reuters', published: '2023-10-20' } });
});
afterAll(async () => {
  await store.close();
});

describe('fact() in a model', () => {
  it('is chosen by the choose rule, and names the facts left aside with the reason', async () => {
    const r = await resolveModelFact(store, 'Zhipu AI', 'funding');
    expect(r.fact.id).toBe('z-primary');
    expect(r.alternatives).toEqual(['z-mirror', 'z-old']);
    expect(r.leftAside.map((o) => o.criterion)).toEqual(['primary_source', 'period']);
    expect(r.leftAside[0]!.reason.en).toBe('the one used comes from a primary source (Bloomberg); this one at second hand (Bloomberg (via BNN Bloomberg))');
  });

  it('draws a fact as the analyses do (factDraws), within sampling error', async () => {
    const env = { sampleCount: 20_000, seed: 'same' };
    const run = await runModelSource('x = fact("Zhipu AI", "funding")\n{x}', { store, ...env });
    const x = run.outputs.find((o) => o.name === 'x') as DistOutput;
    const fact = await store.getFact('z-primary');
    const s = new SampleSet(factDraws(fact, env, 'test/z-primary')).summary();
    // the same distribution ("about": a lognormal around $400M); 20,000 draws put p5, p50 and p95 within 1%
    for (const q of ['p5', 'p50', 'p95'] as const) expect(Math.abs(x.summary[q] / s[q] - 1), q).toBeLessThan(0.01);
    expect(s.p5).toBeLessThan(400e6);
    expect(s.p95).toBeGreaterThan(400e6);
  });

  it('reads money in another currency in US dollars at the rate of its period, and says so', async () => {
    await store.addFact({ entity: 'Baichuan AI', metric: 'funding', scope: 'round', value: '50亿元', period: '2024-07', source: { publisher: 'Bloomberg' } });
    const r = await resolveModelFact(store, 'Baichuan AI', 'funding');
    expect(r.toUsd!.note).toMatch(/^CNY->USD at [\d.]+ CNY per USD/);
    const env = { sampleCount: 1000, seed: 1 };
    const run = await runModelSource('x = fact("Baichuan AI", "funding")\n{x}', { store, ...env });
    const x = run.outputs.find((o) => o.name === 'x') as DistOutput;
    expect(x.summary.p50).toBeCloseTo(5e9 * r.toUsd!.factor, 0);
    expect(x.summary.p50).toBeGreaterThan(6e8);
    expect(x.summary.p50).toBeLessThan(8e8);
    expect(run.resolved[0]!.toUsd).toEqual(r.toUsd);
  });
});
