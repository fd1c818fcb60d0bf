import { EstimateError } from './estimate-error.js';
import { type7 } from './quantile-sorted.js';
import { wasmCountBuckets, wasmGatherBuckets } from './wasm-kernels.js';

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
  checkPs(ps);
  if (n === 0) return ps.map(() => NaN);
  const ks = neededRanks(n, ps);
  multiSelect(values, 0, n - 1, ks, 0, ks.length - 1);
  return ps.map((p) => type7(n, p, (k) => values[k]!));
}

/** The order statistics (0-based ranks, ascending, distinct) that the type 7 quantiles ps of n values read. */
function neededRanks(n: number, ps: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p);
    ranks.add(lo);
    if (lo + 1 < n) ranks.add(lo + 1);
  }
  return [...ranks].sort((a, b) => a - b);
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

/** Below this many values, {@link quantilesOf} copies and selects (bucketing does not pay). */
const BUCKET_MIN = 4096;
/** Bits of bucket index: at most 2^BUCKET_BITS buckets. */
const BUCKET_BITS = 12;
/** The high 32-bit word of x[i] is word 2i + 1 of a Uint32Array view on a little-endian machine. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Type 7 quantiles of the non-NaN values of `x`, equal (as numbers) to what
 * a sort would give (where -0 and +0 both occur, either may come out),
 * without sorting or reordering `x` (it is read only, so a worker can read a
 * shared array another thread also reads) and, from 4,096 values, without
 * copying it (below that, or when every value has the same high 32 bits, it
 * selects on a copy).
 *
 * Bucket selection: the high 32 bits of a double, with the sign bit flipped
 * for positives and all bits flipped for negatives, are an unsigned key that
 * never decreases as the value grows (the order radix-sort.ts sorts by). One
 * pass counts the values in at most 4,096 buckets of consecutive keys
 * (the bits above the common prefix of the smallest and largest key of an
 * evenly spaced sample of 2,048 values, so the buckets follow the data:
 * about log-spaced over a heavy tail, even over a narrow range; values
 * beyond the sample's range join the end buckets); the cumulative counts
 * say which bucket holds each needed
 * order statistic and its rank inside it; a second pass copies out only
 * those buckets, and selection ({@link selectQuantiles}' Floyd-Rivest) runs
 * within each. At 1e5 lognormal samples that is about 10x faster than
 * selecting on a copy. The passes over x are WebAssembly (wasm-kernels.ts).
 */
export function quantilesOf(x: Float64Array, ps: readonly number[]): number[] {
  checkPs(ps);
  const len = x.length;
  if (len < BUCKET_MIN || !LITTLE_ENDIAN) return selectQuantiles(withoutNaN(x), ps);
  // (Each pass is its own small function: V8 then optimises each loop with
  // full type feedback instead of deoptimising one large function.)
  const words = highWords(x);
  // The buckets span the keys of an evenly spaced sample of the values, not
  // the exact extremes, which would cost a pass: a value beyond the sample's
  // range joins the first or the last bucket, which keeps the buckets in
  // order, so the selection stays exact (a far outlier only makes its
  // bucket larger).
  const range = sampleKeyRange(x, words);
  const b = range === null ? null : bucketsFor(range[0], range[1]);
  if (b === null) return selectQuantiles(withoutNaN(x), ps); // every sampled value in one bucket, or all NaN
  const counts = wasmCountBuckets(x, b);
  let m = 0;
  for (let k = 0; k < b.count; k++) m += counts[k]!;
  if (m === 0) return ps.map(() => NaN);
  return quantilesFromCounts(x, ps, m, b, counts);
}

/** Values sampled to place the buckets of {@link quantilesOf}. */
const RANGE_SAMPLE = 2048;

/**
 * Buckets of consecutive sort keys from kmin to kmax (see {@link quantilesOf}):
 * key k goes to bucket (k - kmin) >>> shift; keys below kmin to the first
 * bucket and keys above kmax to the last.
 */
export interface KeyBuckets {
  readonly kmin: number;
  readonly kmax: number;
  readonly shift: number;
  readonly count: number;
}

function checkPs(ps: readonly number[]): void {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new EstimateError('quantile_p', `quantile needs p in [0, 1], got ${p}`);
}

/**
 * The buckets for keys from kmin to kmax, or null when bucketing cannot help
 * (every key the same, a short array, a big-endian machine): then select on a copy.
 */
export function bucketsFor(kmin: number, kmax: number, length = BUCKET_MIN): KeyBuckets | null {
  const span = (kmax - kmin) >>> 0;
  if (span === 0 || length < BUCKET_MIN || !LITTLE_ENDIAN) return null;
  const shift = Math.max(0, 32 - Math.clz32(span) - BUCKET_BITS);
  return { kmin, kmax, shift, count: (span >>> shift) + 1 };
}

/** The high 32-bit words of x's doubles, at the odd indices of the result. */
export function highWords(x: Float64Array): Int32Array {
  return new Int32Array(x.buffer, x.byteOffset, 2 * x.length);
}

const KEY_F64 = new Float64Array(1);
const KEY_I32 = new Int32Array(KEY_F64.buffer);

/**
 * The sort key of a value (see {@link quantilesOf}). For the smallest value
 * pass `lowest` true: +0 then gives the key of -0 (the smaller key of the
 * two zeros, which compare equal as values).
 */
export function sortKey(v: number, lowest = false): number {
  KEY_F64[0] = lowest && v === 0 ? -0 : v === 0 ? 0 : v;
  const h = KEY_I32[LITTLE_ENDIAN ? 1 : 0]!;
  return h ^ ((h >> 31) & 0x7fffffff);
}

/**
 * Quantiles from the bucket counts of x's m non-NaN values: finds the bucket
 * of each needed order statistic, copies out those buckets (one pass), and
 * selects within each.
 */
export function quantilesFromCounts(x: Float64Array, ps: readonly number[], m: number, b: KeyBuckets, counts: Int32Array): number[] {
  checkPs(ps);
  const ranks = neededRanks(m, ps);
  // the buckets that hold them, with their offsets in one gather array
  const slot = new Int32Array(b.count).fill(-1);
  const parts: { from: number; count: number; firstRank: number; local: number[] }[] = [];
  let r = 0, below = 0, gathered = 0;
  for (let k = 0; k < b.count && r < ranks.length; k++) {
    const c = counts[k]!;
    if (ranks[r]! < below + c) {
      slot[k] = gathered;
      const local: number[] = [];
      while (r < ranks.length && ranks[r]! < below + c) local.push(ranks[r++]! - below);
      parts.push({ from: gathered, count: c, firstRank: below, local });
      gathered += c;
    }
    below += c;
  }
  const gather = wasmGatherBuckets(x, b, slot, gathered);
  // the k-th smallest of all is the (k - firstRank)-th smallest of its bucket
  const value = new Map<number, number>();
  for (const { from, count, firstRank, local } of parts) {
    const part = gather.subarray(from, from + count);
    multiSelect(part, 0, count - 1, local, 0, local.length - 1);
    for (const k of local) value.set(k + firstRank, part[k]!);
  }
  return ps.map((p) => type7(m, p, (k) => value.get(k)!));
}

/** The smallest and largest sort key among about RANGE_SAMPLE evenly spaced non-NaN values, or null when they are all NaN. */
function sampleKeyRange(x: Float64Array, words: Int32Array): [number, number] | null {
  let kmin = 0x7fffffff, kmax = -0x80000000, seen = 0;
  const len = x.length;
  const step = Math.max(1, Math.floor(len / RANGE_SAMPLE));
  for (let i = 0; i < len; i += step) {
    if (x[i] !== x[i]) continue;
    const h = words[2 * i + 1]!;
    const k = h ^ ((h >> 31) & 0x7fffffff);
    if (k < kmin) kmin = k;
    if (k > kmax) kmax = k;
    seen++;
  }
  return seen === 0 ? null : [kmin, kmax];
}

/** The non-NaN values of x, in a fresh array. */
function withoutNaN(x: Float64Array): Float64Array {
  let k = 0;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) out[k++] = x[i]!;
  return k === x.length ? out : out.slice(0, k);
}
