import { EstimateError } from './estimate-error.js';
import { type7 } from './quantile-sorted.js';

/**
 * Type 7 quantiles (as {@link quantileSorted} gives them) without sorting:
 * the order statistics they need are found by multiple selection
 * (quickselect that recurses only into the parts holding a wanted rank), in
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
 * ks[kl..kr] (ascending ranks within [left, right]).
 */
function multiSelect(a: Float64Array, left: number, right: number, ks: readonly number[], kl: number, kr: number): void {
  while (kl <= kr && right - left > 16) {
    // Median of three as the pivot; Hoare partition.
    const mid = (left + right) >>> 1;
    let x = a[left], y = a[mid];
    const z = a[right];
    if (x > y) { const t = x; x = y; y = t; }
    if (y > z) { y = z; }
    if (x > y) { y = x; }
    const pivot = y;
    let i = left, j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t;
        i++; j--;
      }
    }
    // Now a[left..j] <= pivot <= a[i..right], and a[j+1..i-1] == pivot.
    let split = kl;
    while (split <= kr && ks[split]! <= j) split++;
    let mids = split;
    while (mids <= kr && ks[mids]! < i) mids++;
    // ranks in (j, i) are settled: those positions hold the pivot value.
    if (split - 1 >= kl) multiSelect(a, left, j, ks, kl, split - 1);
    left = i;
    kl = mids;
  }
  if (kl <= kr && right > left) insertionSort(a, left, right);
}

function insertionSort(a: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= left && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}
