import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ShakeoutError } from '../core/index.js';
import { closeWorkerPool, MAX_VALUES_PER_RUN } from '../estimate/index.js';
import { ModelError } from './model-error.js';
import { runModel } from './run-model.js';

afterAll(async () => {
  await closeWorkerPool();
});

const env = { sampleCount: 20_000, seed: 'run-model' };
const model = (name: string): string => readFileSync(new URL(`../../models/${name}`, import.meta.url), 'utf8');

describe('runModel', () => {
  it('gives scalars as numbers and distributions as summary, histogram and samples, with timings', async () => {
    const r = await runModel('x = 11M to 13M\np = x > 12M\nk = 3 * 4\n{x, p, k}', { env, bins: 10 });
    expect(r.outputs.map((o) => [o.name, o.type])).toEqual([['x', 'dist'], ['p', 'scalar'], ['k', 'scalar']]);
    const x = r.outputs[0]!;
    if (x.type !== 'dist') throw new Error('x');
    expect(x.samples).toHaveLength(20_000);
    expect(x.summary.p5).toBeGreaterThan(10.8e6);
    expect(x.summary.p95).toBeLessThan(13.2e6);
    expect(x.summary.p25).toBeLessThan(x.summary.p50);
    expect(x.histogram.counts).toHaveLength(10);
    // p1 to p99: 98% of the draws in the bins, 1% counted below and 1% above
    const inBins = x.histogram.counts.reduce((a, b) => a + b, 0);
    expect(inBins + x.histogram.below + x.histogram.above).toBe(20_000);
    expect(x.histogram.below).toBe(200);
    expect(x.histogram.above).toBe(200);
    expect(x.histogram.edges[0]).toBe(x.summary.p1);
    expect(x.histogram.edges[10]).toBe(x.summary.p99);
    expect(r.outputs[2]).toEqual({ name: 'k', type: 'scalar', value: 12 });
    expect(r.sampleCount).toBe(20_000);
    for (const t of ['parse', 'compile', 'sample', 'summarise', 'total'] as const) expect(r.timings[t]).toBeGreaterThanOrEqual(0);
  });

  it('runs the example models', async () => {
    const chatgpt = await runModel(model('chatgpt-subscribers.sq'), { env });
    expect(chatgpt.outputs.map((o) => o.name)).toEqual(['subs_exact', 'annual_exact', 'subs', 'annual']);
    expect(chatgpt.outputs[0]).toEqual({ name: 'subs_exact', type: 'scalar', value: 15e6 / 19.99 });
    const runway = await runModel(model('runway.sq'), { env });
    expect(runway.outputs.map((o) => [o.name, o.type])).toEqual([['runway_months', 'dist'], ['survival_24m', 'scalar'], ['default_alive', 'scalar']]);
  });

  it('reads facts through the resolver and reports them', async () => {
    const resolveFact = (entity: string, metric: string): { spec: { family: 'shifted'; offset: number; scale: number; base: { family: 'lognormal'; mu: number; sigma: number } }; label: string } => {
      if (entity !== '月之暗面' || metric !== 'valuation') throw new ShakeoutError(`no fact ${metric} of ${entity}`, { status: 404 });
      return { spec: { family: 'shifted', offset: 2.3e9, scale: 1, base: { family: 'lognormal', mu: Math.log(2e8), sigma: 0.8 } }, label: 'F11: 超23亿美元 (over $2.3B)' };
    };
    const r = await runModel(model('moonshot-valuation.sq'), { env, resolveFact });
    expect(r.outputs.map((o) => o.name)).toEqual(['valuation', 'implied_arr', 'round_size', 'over_3B']);
    const v = r.outputs[0]!;
    expect(v.type === 'dist' && v.summary.p5 > 2.3e9).toBe(true);
    expect(r.facts).toMatchObject([{ entity: '月之暗面', metric: 'valuation', label: 'F11: 超23亿美元 (over $2.3B)', line: 12, column: 13 }]);
    await expect(runModel('v = fact("月之暗面", "revenue")', { env, resolveFact })).rejects.toMatchObject({ code: 'fact', line: 1, column: 5 });
  });

  it('locates errors the engine finds while sampling', async () => {
    const src = 'x = normal(0, 1)\ny = truncate(x, 50, 60)\n{y}';
    const err = await runModel(src, { env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).line).toBe(2);
    expect((err as ModelError).column).toBe(5);
    expect((err as ModelError).detail).toMatch(/keeps no sample/);
  });

  it('passes bad environments through as the engine reports them', async () => {
    await expect(runModel('x = 1 to 2', { env: { sampleCount: 0, seed: 1 } })).rejects.toThrow(/sample count/);
  });
});

describe('a run bounded as a whole', () => {
  it(`refuses 40 outputs at 5e7 samples before it starts, naming the limit (MAX_VALUES_PER_RUN) and what fits`, async () => {
    const model = Array.from({ length: 40 }, (_, i) => `o${i} = normal(${i}, 1)`).join('\n') + `\n{${Array.from({ length: 40 }, (_, i) => `o${i}: o${i}`).join(', ')}}`;
    const run = runModel(model, { env: { sampleCount: 50_000_000, seed: 1 } });
    await expect(run).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/a run may keep at most 2e8 sample values, got 50,000,000 samples x 40 sample sets.*use at most 5,000,000 samples/) });
    expect(MAX_VALUES_PER_RUN).toBe(2e8);
    const small = await runModel(model, { env: { sampleCount: 1000, seed: 1 } });
    expect(small.outputs).toHaveLength(40);
  });
});
