import { describe, expect, it } from 'vitest';
import { EstimateError } from './estimate-error.js';
import { CHUNK_SIZE, RandomStream, seedKey } from './random-stream.js';
import { checkFamilyArgs, fillFamily, toLognormal, type FamilyArg } from './sample-family.js';
import type { SampleFamily } from './plan.js';

const N = 200_000;

function draw(family: SampleFamily, args: FamilyArg[], n = N, seed = 'family'): Float64Array {
  const out = new Float64Array(n);
  const key = seedKey(seed);
  for (let c = 0, s = 0; s < n; c++, s += CHUNK_SIZE) fillFamily(family, args, out, s, Math.min(n, s + CHUNK_SIZE), RandomStream.forChunk(key, 0, c));
  return out;
}

/**
 * Sample mean within 4 standard errors of the true mean (sd / sqrt n), and
 * sample variance within 4 standard errors of the true variance, the standard
 * error of a variance estimated as sqrt((m4 - s^4) / n) from the samples.
 */
function expectMoments(x: Float64Array, mean: number, variance: number): void {
  const n = x.length;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  let m2 = 0, m4 = 0;
  for (const v of x) { const d = v - m; m2 += d * d; m4 += d ** 4; }
  const s2 = m2 / (n - 1);
  m4 /= n;
  expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
  expect(Math.abs(s2 - variance)).toBeLessThan(4 * Math.sqrt((m4 - s2 * s2) / n));
}

describe('families: moments against closed forms (n = 2e5, 4 standard errors)', () => {
  it('pointMass', () => {
    expect(draw('pointMass', [3.5], 100).every((v) => v === 3.5)).toBe(true);
  });
  it('uniform(2, 5)', () => expectMoments(draw('uniform', [2, 5]), 3.5, 9 / 12));
  it('normal(10, 3)', () => expectMoments(draw('normal', [10, 3]), 10, 9));
  it('lognormal(1, 0.5)', () => {
    const s2 = 0.25;
    expectMoments(draw('lognormal', [1, 0.5]), Math.exp(1 + s2 / 2), (Math.exp(s2) - 1) * Math.exp(2 + s2));
  });
  it('11M to 13M', () => {
    const { mu, sigma } = toLognormal(11e6, 13e6);
    expect(mu).toBeCloseTo(16.296932873094228, 14);
    expect(sigma).toBeCloseTo(0.05078083603486877, 15);
    const x = draw('to', [11e6, 13e6]);
    expectMoments(x, Math.exp(mu + sigma ** 2 / 2), (Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2));
    const sorted = x.slice().sort();
    // the 5th and 95th percentiles within 4 standard errors of a quantile: sqrt(p(1-p)/n) / density
    const dens = (q: number): number => Math.exp(-((Math.log(q) - mu) ** 2) / (2 * sigma ** 2)) / (q * sigma * Math.sqrt(2 * Math.PI));
    const tol = (q: number): number => (4 * Math.sqrt(0.05 * 0.95 / N)) / dens(q);
    expect(Math.abs(sorted[Math.round(0.05 * (N - 1))]! - 11e6)).toBeLessThan(tol(11e6));
    expect(Math.abs(sorted[Math.round(0.95 * (N - 1))]! - 13e6)).toBeLessThan(tol(13e6));
  });
  for (const [a, b] of [[2, 5], [0.5, 0.5], [0.3, 4]] as const) {
    it(`beta(${a}, ${b})`, () => expectMoments(draw('beta', [a, b]), a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1))));
  }
  it('triangular(1, 2, 6)', () => {
    const [a, c, b] = [1, 2, 6];
    expectMoments(draw('triangular', [a, c, b]), (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
  });
  it('pert(0, 3, 10)', () => {
    const [lo, mode, hi] = [0, 3, 10];
    const al = 1 + (4 * (mode - lo)) / (hi - lo), be = 1 + (4 * (hi - mode)) / (hi - lo);
    expectMoments(draw('pert', [lo, mode, hi]), (lo + 4 * mode + hi) / 6, ((hi - lo) ** 2 * al * be) / ((al + be) ** 2 * (al + be + 1)));
  });
});

describe('per-index parameters', () => {
  it('normal(mean_i, sd) uses the mean at each index', () => {
    const means = new Float64Array(N);
    for (let i = 0; i < N; i++) means[i] = i % 2 === 0 ? 0 : 100;
    const x = draw('normal', [means, 1]);
    let even = 0, odd = 0;
    for (let i = 0; i < N; i += 2) { even += x[i]!; odd += x[i + 1]!; }
    expect(Math.abs(even / (N / 2))).toBeLessThan(4 / Math.sqrt(N / 2));
    expect(Math.abs(odd / (N / 2) - 100)).toBeLessThan(4 / Math.sqrt(N / 2));
  });
  it('gives NaN where a per-index parameter is out of the domain', () => {
    const a = Float64Array.of(1, -1, 1, 5);
    const x = draw('to', [a, 2], 4);
    expect(Number.isNaN(x[1])).toBe(true);
    expect(Number.isNaN(x[3])).toBe(true);
    expect(x[0]).toBeGreaterThan(0);
  });
});

describe('domain errors', () => {
  it('rejects `0 to 10` and `4 to -2` with a message that says why', () => {
    expect(() => checkFamilyArgs('to', [0, 10])).toThrow(EstimateError);
    expect(() => checkFamilyArgs('to', [0, 10])).toThrow(/both bounds > 0.*got 0 to 10/);
    expect(() => checkFamilyArgs('to', [4, -2])).toThrow(/got 4 to -2/);
    expect(() => checkFamilyArgs('to', [5, 3])).toThrow(/needs a < b, got 5 to 3/);
  });
  it('rejects bad parameters of other families', () => {
    expect(() => checkFamilyArgs('normal', [0, -1])).toThrow(/spread >= 0, got -1/);
    expect(() => checkFamilyArgs('uniform', [3, 1])).toThrow(/low <= high/);
    expect(() => checkFamilyArgs('beta', [0, 1])).toThrow(/alpha > 0/);
    expect(() => checkFamilyArgs('triangular', [0, 5, 3])).toThrow(/low <= mode <= high/);
    expect(() => checkFamilyArgs('pert', [1, 1, 1])).toThrow(/low < high/);
    expect(() => checkFamilyArgs('normal', [0])).toThrow(/takes 2 arguments, got 1/);
  });
  it('skips per-index parameters', () => {
    expect(() => checkFamilyArgs('to', [new Float64Array(2), 3])).not.toThrow();
  });
});
