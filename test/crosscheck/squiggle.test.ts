/**
 * The cross-check suite: each model runs in Shakeout (runModel) and in
 * @quri/squiggle-lang 0.10.0 with N samples each, and every output is
 * compared: distributions by mean, p5, p50 and p95, probabilities and
 * constants as such. The tolerances come from the sampling error of both
 * runs (Z = 5 combined standard errors); compare-samples.ts states them:
 *
 * - mean: |m1 - m2| <= 5 * sqrt(s1^2/n1 + s2^2/n2);
 * - quantile p: in probability space, F_shakeout(q_squiggle) within
 *   5 * sqrt(p(1-p)(1/n1 + 1/n2)) + 2/n of p (and the other way round),
 *   with F(q-) and F(q) both considered so that atoms are handled;
 * - probability: |p1 - p2| <= 5 * sqrt(p(1-p)(1/n1 + 1/n2));
 * - mean(x) or quantile(x, p) as a scalar: as the mean or quantile of x;
 *   stdev(x): |s1 - s2| <= 5 * s * sqrt(1/(2 n1) + 1/(2 n2)) (the standard
 *   error of a normal sample's sd is s / sqrt(2n));
 * - constants: equal within 1e-9 relative.
 *
 * With about 400 comparisons, a false alarm at 5 standard errors is a
 * 1-in-4,000 event for the whole suite; the seeds are fixed, so a run that
 * passes passes again. At N = 50,000 the mean tolerance is 0.032 sd and the
 * p50 tolerance 1.6 points of probability; negative controls at the end show
 * that a shift of 0.1 sd, or a probability 2 points off, fails.
 */
import { run, type SqValue } from '@quri/squiggle-lang';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeWorkerPool } from '../../src/estimate/index.js';
import { runModel, type ModelOutput } from '../../src/lang/index.js';
import { compareConstant, compareProbability, compareSamples, quantile7, sortedCopy, Z, type Check } from './compare-samples.js';

const N = 50_000;
const SEED = 'crosscheck';

type ScalarKind = 'exact' | 'prob' | { meanOf: string } | { sdOf: string; scale: number } | { quantileOf: string; p: number };

interface Case {
  readonly name: string;
  /** The model, read by both unless `shakeout` gives Shakeout's spelling. */
  readonly code: string;
  readonly shakeout?: string;
  /** How to compare scalar outputs (default exact). */
  readonly scalars?: Readonly<Record<string, ScalarKind>>;
}

const file = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const MODEL_A = `ios = 11M to 13M; android = 2.5M to 3.5M; price = 19.99
subs = (ios + android) / price; annual = subs * price * 12
{subs, annual}`;

const CASES: readonly Case[] = [
  { name: '11M to 13M', code: 'x = 11M to 13M\nx' },
  { name: 'Model A (issue 3)', code: MODEL_A },
  { name: 'Model B, runway (models/runway.sq)', code: file('models/runway.sq'), scalars: { survival_24m: 'prob', default_alive: 'prob' } },
  {
    name: 'Model B with SampleSet.max',
    code: file('models/runway.sq').replace(/max\(/g, 'SampleSet.max('),
    scalars: { survival_24m: 'prob', default_alive: 'prob' },
  },
  { name: 'ChatGPT subscribers (models/chatgpt-subscribers.sq)', code: file('models/chatgpt-subscribers.sq') },
  { name: 'normal', code: 'normal(10, 2)' },
  { name: 'lognormal', code: 'lognormal(2, 0.5)' },
  { name: 'uniform', code: 'uniform(3, 7)' },
  { name: 'beta', code: 'beta(2, 5)' },
  { name: 'beta with shapes below 1', code: 'beta(0.5, 0.8)' },
  { name: 'triangular', code: 'triangular(1, 3, 10)' },
  { name: 'sum of normals', code: 'normal(5, 1) + normal(3, 2)' },
  { name: 'product of ranges', code: '(1 to 10) * (2 to 5)' },
  { name: 'quotient by a range', code: '100 / (1 to 10)' },
  { name: 'a - a is 0', code: 'a = 1 to 3\na - a' },
  { name: 'a * a is a chi-square', code: 'a = normal(0, 1)\na * a' },
  { name: 'weighted mixture', code: 'mixture(normal(0, 1), normal(5, 1), [0.3, 0.7])' },
  { name: 'equal-weight mixture', code: 'mixture(1 to 2, 5 to 8)' },
  { name: 'mixture with a number (an atom)', code: 'mixture(normal(0, 1), 3, [0.6, 0.4])' },
  { name: 'truncate', code: 'truncate(normal(0, 1), -1, 2)' },
  { name: 'truncateLeft', code: 'truncateLeft(lognormal(0, 1), 1)' },
  { name: 'truncateRight', code: 'truncateRight(normal(10, 3), 8)' },
  { name: 'exp', code: 'exp(normal(0, 0.5))' },
  { name: 'log and log10', code: 'x = log(2 to 20)\ny = log10(10 to 1000)\n{x, y}' },
  { name: 'powers', code: 'x = (1 to 5) ^ 2\ny = 2 ^ normal(1, 0.5)\nz = (1 to 4) ^ 0.5\n{x, y, z}', shakeout: 'x = (1 to 5) ^ 2\ny = 2 ^ normal(1, 0.5)\nz = sqrt(1 to 4)\n{x, y, z}' },
  { name: 'max and min with a number', code: 'relu = max(normal(0, 1), 0)\nfloor = SampleSet.min(normal(5, 3), 4)\n{relu, floor}' },
  { name: 'max and min of two distributions', code: 'x = normal(0, 1)\ny = uniform(-1, 1)\nhi = max(x, y)\nlo = min(x, y)\n{hi, lo}' },
  { name: 'unary minus and ^ (-x^2 is (-x)^2 in Squiggle)', code: 'x = 1 to 2\nneg = -x * 2 + 10\nsq = -x^2\n{neg, sq}' },
  { name: 'to below + and *', code: '1 + 2 to 3 * 2' },
  { name: 'parameters that vary by index', code: 'm = uniform(0, 10)\nnormal(m, 1)' },
  { name: 'suffixes, percent and comments', code: '/* block\n comment */ x = 15% * (2.5M to 3.5M) // a line comment\ny = 1.2B / 3k\n{x, y}' },
  { name: 'cdf as a probability', code: 'x = normal(0, 1)\np = cdf(x, 1)\nq = 1 - cdf(2 to 8, 4)\n{x, p, q}', scalars: { p: 'prob', q: 'prob' } },
  { name: 'mean, stdev and quantile as numbers', code: 'x = lognormal(0, 1)\nm = mean(x)\nq = quantile(x, 0.9)\ni = inv(x, 0.25)\n{x, m, q, i}', scalars: { m: { meanOf: 'x' }, q: { quantileOf: 'x', p: 0.9 }, i: { quantileOf: 'x', p: 0.25 } } },
  { name: 'stdev of a constant-free model', code: 'x = normal(10, 2) * 3\ns = stdev(x) / 6\n{x, s}', scalars: { s: { sdOf: 'x', scale: 1 / 6 } } },
  { name: 'revenue growth', code: 'r0 = 5M to 15M\ng = normal(0.08, 0.03)\nr12 = r0 * (1 + g) ^ 12\narr = r12 * 12\n{r12, arr}' },
  { name: 'constants only', code: 'subs = (12M + 3M) / 19.99\nannual = (12M + 3M) * 12\n{subs, annual}' },
];

function squiggleOutputs(value: SqValue, env: { sampleCount: number; xyPointLength: number; seed: string }, single: string): Map<string, number | Float64Array> {
  const out = new Map<string, number | Float64Array>();
  const one = (v: SqValue): number | Float64Array => {
    if (v.tag === 'Number') return v.value;
    if (v.tag === 'Dist') {
      const d = v.value;
      if (d.tag === 'SampleSet') return Float64Array.from(d.getSamples());
      throw new Error(`Squiggle gave a ${d.tag} distribution; the suite compares sample sets (mean ${d.mean(env)})`);
    }
    throw new Error(`Squiggle gave a ${v.tag}`);
  };
  if (value.tag === 'Dict') for (const [k, v] of value.value.entries()) out.set(k, one(v));
  else out.set(single, one(value));
  return out;
}

const rows: string[] = [];

afterAll(async () => {
  await closeWorkerPool();
  if (process.env.CROSSCHECK_REPORT) console.log(rows.join('\n'));
});

describe(`cross-check against Squiggle 0.10.0 (${N} samples each)`, () => {
  it('has at least 25 models', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const env = { sampleCount: N, xyPointLength: 1000, seed: SEED };
      const sq = await run(c.code, { environment: env });
      if (!sq.result.ok) throw new Error(`Squiggle failed: ${sq.result.value.toString()}`);
      const ours = await runModel(c.shakeout ?? c.code, { env: { sampleCount: N, seed: SEED } });
      const single = ours.outputs.length === 1 ? ours.outputs[0]!.name : 'result';
      const theirs = squiggleOutputs(sq.result.value.result, env, single);
      expect([...theirs.keys()].sort()).toEqual(ours.outputs.map((o) => o.name).sort());
      const byName = new Map<string, ModelOutput>(ours.outputs.map((o) => [o.name, o]));
      const failures: string[] = [];
      for (const o of ours.outputs) {
        const t = theirs.get(o.name)!;
        const checks: Check[] = [];
        if (o.type === 'dist') {
          expect(t).toBeInstanceOf(Float64Array);
          checks.push(...compareSamples(o.samples, t as Float64Array));
        } else {
          expect(typeof t).toBe('number');
          const kind = c.scalars?.[o.name] ?? 'exact';
          checks.push(compareScalar(kind, o.value, t as number, byName, theirs));
        }
        for (const k of checks) {
          rows.push(`${c.name} | ${o.name} | ${k.stat} | ${k.a} | ${k.b} | ${k.tol} | ${k.ok ? 'ok' : 'FAIL'}`);
          if (!k.ok) failures.push(`${o.name} ${k.stat}: Shakeout ${k.a}, Squiggle ${k.b}, tolerance ${k.tol}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

function compareScalar(kind: ScalarKind, a: number, b: number, ours: Map<string, ModelOutput>, theirs: Map<string, number | Float64Array>): Check {
  if (kind === 'exact') return compareConstant(a, b);
  if (kind === 'prob') return compareProbability(a, b, N, N);
  if ('meanOf' in kind) {
    const x = ours.get(kind.meanOf);
    if (x?.type !== 'dist') throw new Error(`no distribution ${kind.meanOf}`);
    const tol = Z * x.summary.sd * Math.sqrt(2 / N);
    return { stat: `mean of ${kind.meanOf}`, ok: Math.abs(a - b) <= tol, a, b, tol };
  }
  if ('sdOf' in kind) {
    const x = ours.get(kind.sdOf);
    if (x?.type !== 'dist') throw new Error(`no distribution ${kind.sdOf}`);
    const tol = Z * x.summary.sd * kind.scale * Math.sqrt(1 / N);
    return { stat: `sd of ${kind.sdOf}`, ok: Math.abs(a - b) <= tol, a, b, tol };
  }
  const x = ours.get(kind.quantileOf);
  const y = theirs.get(kind.quantileOf);
  if (x?.type !== 'dist' || !(y instanceof Float64Array)) throw new Error(`no distribution ${kind.quantileOf} to compare a quantile of`);
  const p = kind.p;
  const tol = Z * Math.sqrt(p * (1 - p) * (2 / N)) + 2 / N;
  // Each run's scalar against the other run's distribution, in probability space.
  const f1 = x.set.cdf(b);
  const f2 = sortedShare(sortedCopy(y), a);
  const ok = Math.abs(f1 - p) <= tol && Math.abs(f2 - p) <= tol && Math.abs(quantile7(x.set.sorted(), p) - a) <= 1e-9 * Math.abs(a);
  return { stat: `quantile ${p} of ${kind.quantileOf}`, ok, a, b, tol };
}

function sortedShare(sorted: Float64Array, q: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= q) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

describe('the same errors as Squiggle', () => {
  for (const code of ['0 to 10', '4 to -2', '1 + 2 to 3', '-1 to 3', 'normal(0, -1)', 'uniform(3, 1)', 'beta(0, 1)', 'lognormal(0, -1)']) {
    it(`rejects ${code}`, async () => {
      const sq = await run(code, { environment: { sampleCount: 100, xyPointLength: 100, seed: SEED } });
      expect(sq.result.ok).toBe(false);
      await expect(runModel(code, { env: { sampleCount: 100, seed: SEED } })).rejects.toMatchObject({ name: 'ModelError', code: 'invalid_argument' });
    });
  }
});

describe('the comparison has teeth (negative controls)', () => {
  /** Normal draws from a seeded mulberry32 and Box-Muller: deterministic controls. */
  const normal = (mu: number, seed: number): Float64Array => {
    let a = seed >>> 0;
    const u = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const x = new Float64Array(N);
    for (let i = 0; i < N; i++) x[i] = mu + Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    return x;
  };

  it('passes two draws of one distribution', () => {
    expect(compareSamples(normal(0, 1), normal(0, 2)).every((c) => c.ok)).toBe(true);
  });

  it('fails a shift of a tenth of an sd', () => {
    const checks = compareSamples(normal(0, 1), normal(0.1, 2));
    expect(checks.find((c) => c.stat === 'mean')!.ok).toBe(false);
    expect(checks.find((c) => c.stat === 'p50')!.ok).toBe(false);
  });

  it('fails a probability off by 2 points', () => {
    expect(compareProbability(0.15, 0.17, N, N).ok).toBe(false);
    expect(compareProbability(0.15, 0.152, N, N).ok).toBe(true);
  });
});
