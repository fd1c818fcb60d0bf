/**
 * Closed-form checks of models run end to end (runModel), and the Squiggle
 * semantics of REFERENCES.md ("The model language"). Sampling tolerances are
 * Z = 5 standard errors: for a mean, 5 * sd / sqrt(n) with the exact sd; for
 * a quantile p, 5 * sqrt(p(1 - p) / n) in probability space (the exact CDF at
 * the sample quantile must be within that of p).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeWorkerPool, SampleSet, toLognormal } from '../../src/estimate/index.js';
import { ModelError, runModel, type DistOutput, type ModelResult } from '../../src/lang/index.js';
import { quantile7 } from './compare-samples.js';

const N = 200_000;
const Z = 5;
const env = { sampleCount: N, seed: 'reference' };

afterAll(async () => {
  await closeWorkerPool();
});

const dist = (r: ModelResult, name: string): DistOutput => {
  const o = r.outputs.find((x) => x.name === name);
  if (o?.type !== 'dist') throw new Error(`${name} is not a distribution`);
  return o;
};
const scalar = (r: ModelResult, name: string): number => {
  const o = r.outputs.find((x) => x.name === name);
  if (o?.type !== 'scalar') throw new Error(`${name} is not a number`);
  return o.value;
};

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 is too coarse; use erf by series/continued fraction via Math). */
function phi(z: number): number {
  // W. J. Cody's rational approximation via erfc would be overkill here: integrate with Simpson on [-8, z].
  if (z < -8) return 0;
  const steps = 4000;
  const h = (z + 8) / steps;
  let s = 0;
  for (let i = 0; i <= steps; i++) {
    const x = -8 + i * h;
    const w = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    s += w * Math.exp(-0.5 * x * x);
  }
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

const Z95 = 1.6448536269514722;

describe('reference values of REFERENCES.md', () => {
  it('11M to 13M is Lognormal(mu 16.296932873094228, sigma 0.05078083603486877)', async () => {
    const { mu, sigma } = toLognormal(11e6, 13e6);
    expect(mu).toBeCloseTo(16.296932873094228, 12);
    expect(sigma).toBeCloseTo(0.05078083603486877, 14);
    const r = await runModel('x = 11M to 13M\n{x}', { env });
    const x = dist(r, 'x');
    const logs = Float64Array.from(x.samples, Math.log);
    const l = SampleSet.from(logs);
    expect(Math.abs(l.mean() - 16.296932873094228)).toBeLessThan((Z * sigma) / Math.sqrt(N));
    expect(Math.abs(l.sd() / sigma - 1)).toBeLessThan(Z / Math.sqrt(2 * N));
    // p5 and p95 are 11M and 13M: the exact CDF at the sample quantiles is within 5 SE of 0.05 and 0.95.
    const tol = Z * Math.sqrt((0.05 * 0.95) / N);
    expect(Math.abs(phi((Math.log(x.summary.p5) - mu) / sigma) - 0.05)).toBeLessThan(tol);
    expect(Math.abs(phi((Math.log(x.summary.p95) - mu) / sigma) - 0.95)).toBeLessThan(tol);
  });

  it('the exact mean of (11M to 13M + 2.5M to 3.5M) / 19.99 is 747,736', async () => {
    const moments = (a: number, b: number): { mean: number; variance: number } => {
      const { mu, sigma } = toLognormal(a, b);
      const mean = Math.exp(mu + (sigma * sigma) / 2);
      return { mean, variance: (Math.exp(sigma * sigma) - 1) * mean * mean };
    };
    const ios = moments(11e6, 13e6);
    const android = moments(2.5e6, 3.5e6);
    const exact = (ios.mean + android.mean) / 19.99;
    expect(Math.round(exact)).toBe(747_736);
    const sd = Math.sqrt(ios.variance + android.variance) / 19.99;
    // As written in REFERENCES.md the expression chains `to` (13M + 2.5M is read first, since `to` binds
    // looser than +): Squiggle 0.10 rejects it, and so do we. Model A's variables are what is meant.
    await expect(runModel('x = (11M to 13M + 2.5M to 3.5M) / 19.99', { env })).rejects.toThrow(/'to' does not chain/);
    const r = await runModel('ios = 11M to 13M\nandroid = 2.5M to 3.5M\nx = (ios + android) / 19.99\nx', { env });
    expect(Math.abs(dist(r, 'x').summary.mean - exact)).toBeLessThan((Z * sd) / Math.sqrt(N));
  });

  it('a - a is exactly 0: a variable used twice is the same draw', async () => {
    const r = await runModel('a = 1 to 3\nb = a - a\nc = a / a\n{b, c}', { env });
    expect(dist(r, 'b').samples.every((v) => v === 0)).toBe(true);
    expect(dist(r, 'c').samples.every((v) => v === 1)).toBe(true);
  });

  it('quantiles are type 7: on the samples 1..10, p5 = 1.45 and p50 = 5.5; summaries agree with the samples', async () => {
    const s = SampleSet.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.quantile(0.05)).toBeCloseTo(1.45, 12);
    expect(s.quantile(0.5)).toBe(5.5);
    const r = await runModel('x = normal(0, 1)\ny = quantile(x, 0.05)\n{x, y}', { env: { sampleCount: 1001, seed: 3 } });
    const x = dist(r, 'x');
    const sorted = Float64Array.from(x.samples).sort();
    expect(x.summary.p5).toBe(quantile7(sorted, 0.05));
    expect(x.summary.p50).toBe(sorted[500]);
    expect(scalar(r, 'y')).toBe(quantile7(sorted, 0.05));
  });

  it('cdf(d, x) is the share of samples <= x, and a comparison the share where it holds', async () => {
    const r = await runModel('x = mixture(normal(0, 1), 0.3, [0.5, 0.5])\nc = cdf(x, 0.3)\np = x > 0.3\nq = x >= 0.3\n{x, c, p, q}', { env });
    const xs = dist(r, 'x').samples;
    const le = xs.filter((v) => v <= 0.3).length / N;
    expect(scalar(r, 'c')).toBe(le);
    expect(scalar(r, 'p')).toBeCloseTo(1 - le, 12);
    expect(scalar(r, 'q')).toBeCloseTo(xs.filter((v) => v >= 0.3).length / N, 12);
  });

  it('rejects 0 to 10 and 4 to -2, as Squiggle 0.10 does', async () => {
    for (const [code, msg] of [
      ['x = 0 to 10', "'0 to 10': 'a to b' only accepts values above 0"],
      ['x = 4 to -2', "'4 to -2': the low value must be less than the high value"],
    ] as const) {
      const err = await runModel(code, { env }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ModelError);
      expect((err as ModelError).detail).toContain(msg);
      expect([(err as ModelError).line, (err as ModelError).column]).toEqual([1, 5]);
    }
  });
});

describe('closed forms', () => {
  it('lognormal moments: mean exp(mu + s^2/2), variance (exp(s^2) - 1) exp(2 mu + s^2)', async () => {
    const mu = 1, s = 0.5;
    const mean = Math.exp(mu + (s * s) / 2);
    const sd = Math.sqrt((Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s));
    const r = await runModel(`x = lognormal(${mu}, ${s})\n{x}`, { env });
    const x = dist(r, 'x');
    expect(Math.abs(x.summary.mean - mean)).toBeLessThan((Z * sd) / Math.sqrt(N));
    // The sd of a sample sd is about sd * sqrt((kurtosis - 1) / 4n); the lognormal's kurtosis at s = 0.5 is about 8.9.
    expect(Math.abs(x.summary.sd - sd)).toBeLessThan(Z * sd * Math.sqrt((8.9 - 1) / (4 * N)));
    expect(Math.abs(phi((Math.log(x.summary.p50) - mu) / s) - 0.5)).toBeLessThan(Z * Math.sqrt(0.25 / N));
  });

  it('a sum of independent normals is normal(m1 + m2, sqrt(s1^2 + s2^2))', async () => {
    const r = await runModel('x = normal(5, 1) + normal(3, 2) - normal(1, 2)\n{x}', { env });
    const x = dist(r, 'x');
    const m = 7, sd = 3;
    expect(Math.abs(x.summary.mean - m)).toBeLessThan((Z * sd) / Math.sqrt(N));
    expect(Math.abs(x.summary.sd - sd)).toBeLessThan(Z * sd / Math.sqrt(2 * N));
    for (const [p, q] of [[0.05, x.summary.p5], [0.5, x.summary.p50], [0.95, x.summary.p95]] as const) {
      expect(Math.abs(phi((q - m) / sd) - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / N));
    }
    expect(x.summary.p95 - x.summary.p5).toBeCloseTo(2 * Z95 * sd, 1);
  });

  it('uniform, beta and triangular means', async () => {
    const r = await runModel('u = uniform(2, 8)\nb = beta(2, 3)\nt = triangular(1, 2, 6)\n{u, b, t}', { env });
    const cases: [string, number, number][] = [
      ['u', 5, 6 / Math.sqrt(12)],
      ['b', 0.4, Math.sqrt((2 * 3) / (25 * 6))],
      ['t', 3, Math.sqrt((1 + 4 + 36 - 2 - 6 - 12) / 18)],
    ];
    for (const [name, mean, sd] of cases) {
      const o = dist(r, name);
      expect(Math.abs(o.summary.mean - mean)).toBeLessThan((Z * sd) / Math.sqrt(N));
      expect(Math.abs(o.summary.sd - sd)).toBeLessThan(Z * sd * Math.sqrt(2 / N));
    }
  });

  it('correlate(x, y, rho) keeps x and gives the rank correlation asked', async () => {
    const r = await runModel('y = 1 to 10\nx = normal(0, 1)\nxc = correlate(x, y, 0.7)\n{x, y, xc}', { env: { sampleCount: 50_000, seed: 9 } });
    const x = dist(r, 'x'), y = dist(r, 'y'), xc = dist(r, 'xc');
    expect(Float64Array.from(xc.samples).sort()).toEqual(Float64Array.from(x.samples).sort());
    const rank = (a: Float64Array): Float64Array => {
      const idx = Array.from(a.keys()).sort((i, j) => a[i]! - a[j]!);
      const out = new Float64Array(a.length);
      idx.forEach((i, k) => (out[i] = k));
      return out;
    };
    const rx = rank(xc.samples), ry = rank(y.samples);
    const n = rx.length, m = (n - 1) / 2;
    let sxy = 0, sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (rx[i]! - m) * (ry[i]! - m);
      sxx += (rx[i]! - m) ** 2;
    }
    expect(sxy / sxx).toBeGreaterThan(0.67);
    expect(sxy / sxx).toBeLessThan(0.73);
  });

  it('the same seed gives the same samples, bit for bit', async () => {
    const code = 'a = 1 to 3\nb = a * normal(1, 0.1)\n{b}';
    const r1 = await runModel(code, { env: { sampleCount: 300_000, seed: 42 } });
    const r2 = await runModel(code, { env: { sampleCount: 300_000, seed: 42 } });
    expect(dist(r1, 'b').samples).toEqual(dist(r2, 'b').samples);
  });
});
