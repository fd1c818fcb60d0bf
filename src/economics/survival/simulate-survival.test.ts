import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistSpec } from '../../core/index.js';
import { sampleSpec, streamOf } from '../../estimate/index.js';
import { shiftSpec, scaleSpec } from '../common/value-text.js';
import type { CompanyInputs } from './company-inputs.js';
import { CLIMATES, climateFromFunding, resolveClimate } from './funding-climate.js';
import { simulateSurvival, simulateSurvivalYielding, YIELD_PATH_MONTHS } from './simulate-survival.js';

const logn = (p5: number, p95: number): DistSpec => {
  const a = Math.log(p5), b = Math.log(p95), z = 1.6448536269514722;
  return { family: 'lognormal', mu: (a + b) / 2, sigma: (b - a) / (2 * z) };
};

const acme = (id = 'acme', over: Partial<CompanyInputs> = {}): CompanyInputs => ({
  id,
  name: id.toUpperCase(),
  cash: logn(300e6, 900e6),
  revenue: logn(2e6, 8e6),
  revenueGrowth: { family: 'normal', mean: 0.04, sd: 0.03 },
  costs: logn(30e6, 60e6),
  costGrowth: { family: 'normal', mean: 0.01, sd: 0.01 },
  ...over,
});

describe('simulateSurvival', () => {
  it('is deterministic under a seed and independent of the other companies simulated', () => {
    const opts = { companies: [acme('a'), acme('b')], horizonMonths: 48, paths: 3000, seed: 42, climate: 'neutral' as const };
    const x = simulateSurvival(opts);
    const y = simulateSurvival(opts);
    expect(Array.from(x.companies[0]!.survival)).toEqual(Array.from(y.companies[0]!.survival));
    expect(x.companies[1]!.drivers).toEqual(y.companies[1]!.drivers);
    const alone = simulateSurvival({ ...opts, companies: [acme('b')] });
    expect(Array.from(alone.companies[0]!.survival)).toEqual(Array.from(x.companies[1]!.survival));
    const other = simulateSurvival({ ...opts, seed: 43 });
    expect(Array.from(other.companies[0]!.survival)).not.toEqual(Array.from(x.companies[0]!.survival));
    // the same inputs under another id draw from other streams
    expect(Array.from(x.companies[1]!.survival)).not.toEqual(Array.from(x.companies[0]!.survival));
  });

  it('gives a survival curve that starts at 1 and never rises, with P(out) within 12/24/36 months', () => {
    const r = simulateSurvival({ companies: [acme()], horizonMonths: 60, paths: 5000, seed: 1, climate: 'cold' });
    const c = r.companies[0]!;
    expect(c.survival[0]).toBe(1);
    for (let m = 1; m <= 60; m++) expect(c.survival[m]!).toBeLessThanOrEqual(c.survival[m - 1]!);
    expect(c.pOutWithin[12]).toBeCloseTo(1 - c.survival[12]!, 12);
    expect(c.pOutWithin[36]).toBeCloseTo(1 - c.survival[36]!, 12);
    // 300M-900M of cash for 30M-60M a month of costs: most run out within three years in a cold market
    expect(c.pOutWithin[36]!).toBeGreaterThan(0.5);
    expect(c.medianMonthOut).not.toBeNull();
    expect(c.survival[c.medianMonthOut!]!).toBeLessThanOrEqual(0.5);
    expect(c.survival[c.medianMonthOut! - 1]!).toBeGreaterThan(0.5);
    // cash and costs drive it, in the expected directions
    const d = Object.fromEntries(c.drivers.map((x) => [x.input, x.spearman]));
    expect(d.cash!).toBeGreaterThan(0.2);
    expect(d.costs!).toBeLessThan(-0.2);
    expect(Math.abs(c.drivers[0]!.spearman)).toBeGreaterThanOrEqual(Math.abs(c.drivers[5]!.spearman));
    const short = simulateSurvival({ companies: [acme()], horizonMonths: 18, paths: 500, seed: 1, climate: 'cold' });
    expect(short.companies[0]!.pOutWithin[24]).toBeNull();
  });

  it('says beyond horizon (null) for a profitable company, and out at month 0 for negative cash', () => {
    // profitable on every path: revenue twice the costs, neither growing (with growth drawn at random,
    // a rare path where revenue shrinks fast can still run out, as it should)
    const flat: DistSpec = { family: 'pointMass', value: 0 };
    const rich = acme('rich', { revenue: { family: 'pointMass', value: 100e6 }, costs: { family: 'pointMass', value: 50e6 }, revenueGrowth: flat, costGrowth: flat });
    const broke = acme('broke', { cash: { family: 'pointMass', value: -1 } });
    const r = simulateSurvival({ companies: [broke, rich], horizonMonths: 36, paths: 1000, seed: 'x', climate: 'neutral' });
    expect(r.companies[1]!.medianMonthOut).toBeNull();
    expect(r.companies[1]!.survival[36]).toBe(1);
    expect(r.companies[0]!.survival[0]).toBe(0);
    expect(r.companies[0]!.medianMonthOut).toBe(0);
    expect(r.ranking).toEqual(['rich', 'broke']);
  });

  it('raises rounds more often in a hot climate', () => {
    const opts = { companies: [acme()], horizonMonths: 36, paths: 4000, seed: 5 };
    const hot = simulateSurvival({ ...opts, climate: 'hot' }).companies[0]!;
    const cold = simulateSurvival({ ...opts, climate: 'cold' }).companies[0]!;
    expect(hot.meanRounds).toBeGreaterThan(cold.meanRounds);
    expect(hot.meanRaised).toBeGreaterThan(cold.meanRaised);
    expect(hot.survival[36]!).toBeGreaterThan(cold.survival[36]!);
  });

  it('stops between months when its signal is aborted, with code aborted: no month after the abort is simulated', () => {
    const controller = new AbortController();
    let done = 0;
    let total = 0;
    const run = () => simulateSurvival({
      companies: [acme('a'), acme('b')], horizonMonths: 60, paths: 2000, seed: 1, climate: 'neutral', signal: controller.signal,
      onProgress: (d, t) => { done = d; total = t; if (d === 70) controller.abort(); },
    });
    expect(run).toThrow(expect.objectContaining({ status: 499, issues: [expect.objectContaining({ code: 'aborted' })] }));
    expect(total).toBe(120); // 2 companies x 60 months
    expect(done).toBe(70); // stopped in the second company's 10th month
  });

  it('with a signal, yields to the event loop as it goes: the same bits as without, and an abort from outside stops it early', async () => {
    const opts = { companies: [acme('a'), acme('b')], horizonMonths: 120, paths: 20_000, seed: 9, climate: 'neutral' as const };
    const plain = simulateSurvival(opts);
    const yielding = await simulateSurvivalYielding({ ...opts, signal: new AbortController().signal });
    expect(yielding.companies.map((c) => [Array.from(c.survival), c.meanRounds, c.meanRaised, c.drivers])).toEqual(plain.companies.map((c) => [Array.from(c.survival), c.meanRounds, c.meanRaised, c.drivers]));
    expect(yielding.ranking).toEqual(plain.ranking);
    // the abort comes from the event loop (as a DELETE does), not from inside the simulation: only a simulation that yields sees it before its end
    const controller = new AbortController();
    let done = 0;
    let total = 0;
    const run = simulateSurvivalYielding({
      ...opts, signal: controller.signal,
      onProgress: (d, t) => { if (d === 1) setImmediate(() => controller.abort()); done = d; total = t; },
    });
    await expect(run).rejects.toMatchObject({ status: 499, issues: [expect.objectContaining({ code: 'aborted' })] });
    expect(total).toBe(240);
    // it stops at the first yield after the abort: within YIELD_PATH_MONTHS / paths months (13 here) of the start
    expect(done).toBeLessThanOrEqual(Math.ceil(YIELD_PATH_MONTHS / opts.paths));
  });

  it('rejects bad options with a message', () => {
    expect(() => simulateSurvival({ companies: [acme()], horizonMonths: 0, paths: 10, seed: 1, climate: 'cold' })).toThrow(/horizon must be/);
    expect(() => simulateSurvival({ companies: [acme(), acme()], horizonMonths: 12, paths: 10, seed: 1, climate: 'cold' })).toThrow(/listed twice/);
    expect(() => simulateSurvival({ companies: [acme()], horizonMonths: 12, paths: 10, seed: 1, climate: 'warm' as 'cold' })).toThrow(/cold", "neutral" or "hot"/);
    expect(() => resolveClimate({ name: 'x', roundProbabilityPerMonth: 2, sizeMultiplier: 1 })).toThrow(/\[0, 1\]/);
  });
});

describe('climateFromFunding', () => {
  it('reads growth of funding year on year as a climate', () => {
    expect(climateFromFunding(5.67).climate).toBe(CLIMATES.hot);
    expect(climateFromFunding(1).climate).toBe(CLIMATES.neutral);
    expect(climateFromFunding(0.79).climate).toBe(CLIMATES.cold);
    expect(climateFromFunding(0.5, 'generative-AI funding').reason.en).toMatch(/generative-AI funding down 50% year on year .*cold/);
    expect(() => climateFromFunding(0)).toThrow(/positive ratio/);
  });
});

describe('simulateSurvival on given draws', () => {
  it('runs on the draws themselves (one per path), the same as on the distribution they came from, and refuses a wrong count', () => {
    const c = acme();
    const env = { sampleCount: 500, seed: 4, threads: 1 };
    const asDraws = { ...c, cash: sampleSpec(c.cash as DistSpec, env, streamOf(`survival/${c.id}/cash`)).samples };
    const a = simulateSurvival({ companies: [c], horizonMonths: 24, paths: 500, seed: 4, climate: 'neutral', drivers: false }).companies[0]!;
    const b = simulateSurvival({ companies: [asDraws], horizonMonths: 24, paths: 500, seed: 4, climate: 'neutral', drivers: false }).companies[0]!;
    expect(Array.from(b.survival)).toEqual(Array.from(a.survival));
    expect(() => simulateSurvival({ companies: [asDraws], horizonMonths: 24, paths: 400, seed: 4, climate: 'neutral' })).toThrow('acme: cash: expected one draw per path (400), got 500');
  });
});

// Property tests: common random numbers (same seed), so the comparison is path by path.
const companyArb = fc.record({
  cashMid: fc.double({ min: 1e7, max: 5e9, noNaN: true }),
  revMid: fc.double({ min: 1e4, max: 5e8, noNaN: true }),
  costMid: fc.double({ min: 1e6, max: 5e8, noNaN: true }),
  g: fc.double({ min: -0.05, max: 0.15, noNaN: true }),
  fundability: fc.double({ min: 0, max: 3, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});
type SpecInputs = CompanyInputs & Record<'cash' | 'revenue' | 'revenueGrowth' | 'costs' | 'costGrowth', DistSpec>;
const build = (x: { cashMid: number; revMid: number; costMid: number; g: number; fundability: number }): SpecInputs => ({
  id: 'prop',
  name: 'prop',
  cash: logn(x.cashMid / 2, x.cashMid * 2),
  revenue: logn(x.revMid / 3, x.revMid * 3),
  revenueGrowth: { family: 'normal', mean: x.g, sd: 0.03 },
  costs: logn(x.costMid / 2, x.costMid * 2),
  costGrowth: { family: 'normal', mean: 0.01, sd: 0.01 },
  fundability: x.fundability,
});
const climateArb = fc.record({ p: fc.double({ min: 0, max: 1, noNaN: true }), s: fc.double({ min: 0, max: 3, noNaN: true }) });
const run = (c: CompanyInputs, seed: number, climate: { p: number; s: number }) =>
  simulateSurvival({ companies: [c], horizonMonths: 36, paths: 400, seed, climate: { name: 'x', roundProbabilityPerMonth: climate.p, sizeMultiplier: climate.s }, drivers: false }).companies[0]!.survival;
const notBelow = (hi: Float64Array, lo: Float64Array) => hi.every((v, t) => v >= lo[t]!);

describe('survival properties (fast-check)', () => {
  it('more cash never lowers survival', () => {
    fc.assert(
      fc.property(companyArb, climateArb, fc.double({ min: 0, max: 5e9, noNaN: true }), (x, cl, extra) => {
        const c = build(x);
        const more = { ...c, cash: shiftSpec(c.cash, extra) };
        return notBelow(run(more, x.seed, cl), run(c, x.seed, cl));
      }),
      { numRuns: 60 },
    );
  });

  it('more revenue never lowers survival', () => {
    fc.assert(
      fc.property(companyArb, climateArb, fc.double({ min: 1, max: 20, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }), (x, cl, k, dg) => {
        const c = build(x);
        const more = { ...c, revenue: scaleSpec(c.revenue, k), revenueGrowth: shiftSpec(c.revenueGrowth, dg) };
        return notBelow(run(more, x.seed, cl), run(c, x.seed, cl));
      }),
      { numRuns: 60 },
    );
  });

  it('a colder climate never raises survival', () => {
    fc.assert(
      fc.property(companyArb, climateArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, warm, fp, fs) => {
        const cold = { p: warm.p * fp, s: warm.s * fs };
        return notBelow(run(build(x), x.seed, warm), run(build(x), x.seed, cold));
      }),
      { numRuns: 60 },
    );
    const c = build({ cashMid: 5e8, revMid: 1e6, costMid: 4e7, g: 0.03, fundability: 1 });
    const s = (name: 'cold' | 'neutral' | 'hot') => simulateSurvival({ companies: [c], horizonMonths: 48, paths: 2000, seed: 3, climate: name, drivers: false }).companies[0]!.survival;
    expect(notBelow(s('neutral'), s('cold'))).toBe(true);
    expect(notBelow(s('hot'), s('neutral'))).toBe(true);
  });
});
