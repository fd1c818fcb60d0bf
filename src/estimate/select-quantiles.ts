import { EstimateError } from './estimate-error.js';
import { type7 } from './quantile-sorted.js';

/**
 * Type 7 quantiles (as {@link quantileSorted} gives them) without sorting:
 * the order statistics they need are found by multiple selection (Floyd-
 * Rivest for the middle rank, then each side for its own ranks), in
 * O(n log m) for m quantiles instead of a full sort. `values` must hold no
 * NaN; it is reordered in place (pass a scratch copy).
 *
 * @example
 * selectQuantiles(Float64Array.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), [0.05, 0.5]); // [1.45, 5.5]
 */
export function selectQuantiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new EstimateError('quantile_p', `quantile needs p in [0, 1], got ${p}`);
  if (n === 0) return ps.map(() => NaN);
  const ranks = new Set<number>();
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p);
    ranks.add(lo);
    if (lo + 1 < n) ranks.add(lo + 1);
  }
  const ks = [...ranks].sort((a, b) => a - b);
  multiSelect(values, 0, n - 1, ks, 0, ks.length - 1);
  return ps.map((p) => type7(n, p, (k) => values[k]!));
}

/**
 * Reorders a[left..right] so that a[k] is the k-th smallest for every k in
 * ks[kl..kr] (ascending ranks within [left, right]): the middle rank is
 * selected first (Floyd-Rivest), which splits the array, then the ranks on
 * each side are selected within their side only.
 */
function multiSelect(a: Float64Array, left: number, right: number, ks: readonly number[], kl: number, kr: number): void {
  if (kl > kr || right <= left) return;
  const mid = (kl + kr) >>> 1;
  const k = ks[mid]!;
  floydRivest(a, k, left, right);
  multiSelect(a, left, k - 1, ks, kl, mid - 1);
  multiSelect(a, k + 1, right, ks, mid + 1, kr);
}

/**
 * Floyd and Rivest's SELECT (CACM 18(3), 1975; the form of mourner's
 * quickselect): puts the k-th smallest of a[left..right] at k, smaller values
 * before it and larger after, in about n + min(k, n - k) comparisons: on a
 * large range the pivot comes from a recursive selection in a small sample
 * around the expected place of k.
 */
function floydRivest(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      floydRivest(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
