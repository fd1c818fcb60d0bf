/**
 * Comparing two Monte Carlo runs of one model (Shakeout and Squiggle) within
 * their sampling error. Both runs draw n1 and n2 independent samples, so a
 * statistic of each is off from the truth by its standard error; the two may
 * differ by the combined standard error, and we allow Z = 5 of them (a false
 * alarm about once in 1.7 million comparisons per statistic).
 *
 * - Mean: |m1 - m2| <= Z * sqrt(s1^2 / n1 + s2^2 / n2), with s the sample
 *   standard deviations (the standard error of a mean is s / sqrt(n)).
 * - Quantile p (p5, p50, p95): compared in probability space, which needs no
 *   density estimate and copes with atoms (a clip such as max(x, 1M), a
 *   pointMass in a mixture). Take q2, run 2's type 7 quantile; under the null
 *   F1(q2) - p has standard deviation sqrt(p(1 - p) / n1) from run 1's
 *   empirical CDF plus sqrt(p(1 - p) / n2) from q2's own error mapped through
 *   the CDF, so we require
 *     F1(q2-) - tol <= p <= F1(q2) + tol,  tol = Z * sqrt(p(1 - p) (1/n1 + 1/n2)) + 2 / n1
 *   where F1(q-) is the share < q and F1(q) the share <= q (they differ only
 *   at an atom), and 2 / n1 covers interpolation between order statistics.
 *   The same is checked the other way round (F2 at q1).
 * - A probability (cdf(x, c), 1 - cdf(...)): |p1 - p2| <= Z * sqrt(p(1 - p)
 *   (1/n1 + 1/n2)) + 1e-12, with p the pooled estimate.
 * - A constant: equal within 1e-9 relative.
 */
export const Z = 5;

export interface Check {
  readonly stat: string;
  readonly ok: boolean;
  readonly a: number;
  readonly b: number;
  readonly tol: number;
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

function sd(x: Float64Array, m: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - m) ** 2;
  return Math.sqrt(s / (x.length - 1));
}

/** Type 7 quantile of ascending values. */
export function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  if (lo + 1 >= sorted.length) return x;
  return x + (h - lo) * (sorted[lo + 1]! - x);
}

/** Share of ascending values < q (strict) and <= q. */
function cdfPair(sorted: Float64Array, q: number): [number, number] {
  const n = sorted.length;
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= q) lo = mid + 1;
    else hi = mid;
  }
  return [below / n, lo / n];
}

export function sortedCopy(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x).sort();
}

/** Mean, p5, p50 and p95 of two sample sets, each within the tolerance above. */
export function compareSamples(x1: Float64Array, x2: Float64Array): Check[] {
  const n1 = x1.length, n2 = x2.length;
  const m1 = mean(x1), m2 = mean(x2);
  const s1 = sd(x1, m1), s2 = sd(x2, m2);
  const checks: Check[] = [];
  const meanTol = Z * Math.sqrt((s1 * s1) / n1 + (s2 * s2) / n2) + 1e-9 * Math.max(1, Math.abs(m1), Math.abs(m2));
  checks.push({ stat: 'mean', ok: Math.abs(m1 - m2) <= meanTol, a: m1, b: m2, tol: meanTol });
  const o1 = sortedCopy(x1), o2 = sortedCopy(x2);
  for (const p of [0.05, 0.5, 0.95]) {
    const tol = Z * Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)) + 2 / Math.min(n1, n2);
    const q1 = quantile7(o1, p), q2 = quantile7(o2, p);
    const [lo1, hi1] = cdfPair(o1, q2);
    const [lo2, hi2] = cdfPair(o2, q1);
    const ok = lo1 - tol <= p && p <= hi1 + tol && lo2 - tol <= p && p <= hi2 + tol;
    checks.push({ stat: `p${Math.round(p * 100)}`, ok, a: q1, b: q2, tol });
  }
  return checks;
}

/** Two estimates of one probability from n1 and n2 samples. */
export function compareProbability(p1: number, p2: number, n1: number, n2: number): Check {
  const p = (p1 * n1 + p2 * n2) / (n1 + n2);
  const tol = Z * Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)) + 1e-12;
  return { stat: 'probability', ok: Math.abs(p1 - p2) <= tol, a: p1, b: p2, tol };
}

export function compareConstant(a: number, b: number): Check {
  const tol = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return { stat: 'constant', ok: Math.abs(a - b) <= tol, a, b, tol };
}
