import { EstimateError } from './estimate-error.js';
import { argsortFloat64 } from './radix-sort.js';

/**
 * Pearson's correlation of two equally long arrays (two passes: means, then
 * co-moments). NaN when either is constant or holds a NaN.
 *
 * @example
 * pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)); // 0.9934
 */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = sameLength(a, b);
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] - ma, y = b[i] - mb;
    sab += x * y; saa += x * x; sbb += y * y;
  }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Ranks from 1 to n, ties sharing their average rank (so that Spearman's
 * coefficient is Pearson's on ranks). NaNs rank last, among themselves by index.
 *
 * @example
 * ranks(Float64Array.of(10, 30, 20, 20)); // [1, 4, 2.5, 2.5]
 */
export function ranks(values: Float64Array): Float64Array {
  return ranksFromOrder(values, argsortFloat64(values));
}

/** ranks() when the sorting permutation is already known. */
export function ranksFromOrder(values: Float64Array, order: Uint32Array): Float64Array {
  const n = values.length;
  const r = new Float64Array(n);
  let k = 0;
  while (k < n) {
    const v = values[order[k]];
    let e = k + 1;
    if (v === v) while (e < n && values[order[e]] === v) e++;
    const avg = (k + 1 + e) / 2;
    for (let j = k; j < e; j++) r[order[j]] = avg;
    k = e;
  }
  return r;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks (ties
 * averaged). NaN when either array holds a NaN or is constant.
 *
 * @example
 * spearman(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 8, 27, 64)); // 1
 */
export function spearman(a: Float64Array, b: Float64Array): number {
  sameLength(a, b);
  if (hasNaN(a) || hasNaN(b)) return NaN;
  return pearson(ranks(a), ranks(b));
}

function hasNaN(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

function sameLength(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) throw new EstimateError('length_mismatch', `correlation needs two arrays of the same length, got ${a.length} and ${b.length}`);
  if (a.length < 2) throw new EstimateError('too_few_samples', `correlation needs at least 2 samples, got ${a.length}`);
  return a.length;
}
