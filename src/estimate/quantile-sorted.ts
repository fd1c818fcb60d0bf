import { EstimateError } from './estimate-error.js';

/**
 * The p-quantile of ascending values by linear interpolation between order
 * statistics (Hyndman and Fan type 7, the default of R and NumPy): with n
 * values, h = (n - 1) p and the result is x[floor h] + (h - floor h)
 * (x[floor h + 1] - x[floor h]). NaN for an empty array.
 *
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.05); // 1.45
 * // throws EstimateError "quantile needs p in [0, 1], got 1.5"
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new EstimateError('quantile_p', `quantile needs p in [0, 1], got ${p}`);
  return type7(sorted.length, p, (k) => sorted[k]!);
}

/**
 * The type 7 quantile of n ordered values given the k-th smallest by `at`:
 * the one formula behind {@link quantileSorted} and selectQuantiles. NaN when n = 0.
 */
export function type7(n: number, p: number, at: (k: number) => number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = at(lo);
  if (lo + 1 >= n) return x;
  const y = at(lo + 1);
  const f = h - lo;
  return f === 0 || x === y ? x : x + f * (y - x);
}

/**
 * The share of ascending values <= x (the empirical CDF), by binary search.
 * NaN for an empty array.
 *
 * @example
 * cdfSorted(Float64Array.of(1, 2, 2, 3), 2); // 0.75
 */
export function cdfSorted(sorted: Float64Array, x: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (x !== x) return 0;
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / n;
}
