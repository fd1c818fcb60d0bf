import { EstimateError } from './estimate-error.js';
import { cdfSorted, quantileSorted } from './quantile-sorted.js';
import { sortFloat64 } from './radix-sort.js';
import { wasmCountBetween, wasmCountBucketsAndSquares, wasmSumAndExtremes } from './wasm-kernels.js';
import { bucketsFor, quantilesFromCounts, quantilesOf, sortKey } from './select-quantiles.js';

/** The summary of a sample set that reports and the CLI show. */
export interface SampleSummary {
  readonly mean: number;
  readonly sd: number;
  /** 1st percentile: with p99, the range a readable histogram of a heavy tail spans. */
  readonly p1: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
  /** Samples that are NaN (log of a negative, 0 / 0, ...): worth a warning when > 0. */
  readonly nanCount: number;
}

/** Equal-width bins: edges.length === counts.length + 1. */
export interface Histogram {
  readonly edges: number[];
  readonly counts: number[];
}

/** The probabilities of the quantiles in a summary. */
export const SUMMARY_PS: readonly number[] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

interface Scan {
  readonly nan: number;
  readonly min: number;
  readonly max: number;
  readonly fmin: number;
  readonly fmax: number;
  readonly negInf: number;
  readonly posInf: number;
}

/**
 * A distribution as its samples: a Float64Array of draws, index i of every
 * sample set of one run belonging to the same draw of the whole model.
 *
 * The samples are not copied: do not change the array after wrapping it.
 * The sorted copy is made once, on first need (radix sort, see radix-sort.ts),
 * and reused by every quantile, cdf, min, max and summary.
 *
 * NaN, as in Squiggle, is a possible sample (log of a negative). `mean` and
 * `sd` propagate it (they are NaN when any sample is); the order statistics
 * (quantile, cdf, min, max, histogram) are taken over the non-NaN samples;
 * `nanCount` says how many there are so a summary can warn.
 *
 * @example
 * const s = SampleSet.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * s.quantile(0.05); // 1.45
 * s.quantile(0.5);  // 5.5
 * s.cdf(3);         // 0.3
 */
export class SampleSet {
  readonly samples: Float64Array;
  private sortedCache: Float64Array | undefined;
  private meanCache: number | undefined;
  private sdCache: number | undefined;

  /**
   * Wraps samples (not copied). `sorted`, when given, must be the ascending
   * copy of the non-NaN samples (as computed in parallel by runPlan).
   */
  constructor(samples: Float64Array, sorted?: Float64Array) {
    if (samples.length === 0) throw new EstimateError('empty_sample_set', 'a sample set needs at least one sample, got 0');
    this.samples = samples;
    this.sortedCache = sorted;
  }

  /** A sample set from plain numbers (copied). */
  static from(values: ArrayLike<number>): SampleSet {
    return new SampleSet(Float64Array.from(values));
  }

  get length(): number {
    return this.samples.length;
  }

  /** True once the sorted copy exists. */
  get isSorted(): boolean {
    return this.sortedCache !== undefined;
  }

  /** The non-NaN samples in ascending order (computed once, then cached; do not modify). */
  sorted(): Float64Array {
    if (this.sortedCache === undefined) this.sortedCache = sortFloat64(this.samples);
    return this.sortedCache;
  }

  /** How many samples are NaN. */
  get nanCount(): number {
    if (this.sortedCache !== undefined) return this.samples.length - this.sortedCache.length;
    return this.scan().nan;
  }

  private scanCache: Scan | undefined;

  /**
   * One pass over the samples: NaN count, extremes and the sum (so the mean
   * comes free); a second pass for the finite extremes and the infinities
   * only when an extreme is infinite.
   */
  private scan(): Scan {
    if (this.scanCache) return this.scanCache;
    const x = this.samples;
    const [sum, min, max, nonNaN] = wasmSumAndExtremes(x);
    this.meanCache ??= sum / x.length;
    const nan = x.length - nonNaN;
    let fmin = min, fmax = max, negInf = 0, posInf = 0;
    if (min === -Infinity || max === Infinity) {
      fmin = Infinity; fmax = -Infinity;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (v === Infinity) posInf++;
        else if (v === -Infinity) negInf++;
        else {
          if (v < fmin) fmin = v;
          if (v > fmax) fmax = v;
        }
      }
    }
    this.scanCache = { nan, min: nonNaN ? min : NaN, max: nonNaN ? max : NaN, fmin, fmax, negInf, posInf };
    return this.scanCache;
  }

  /** Arithmetic mean, summed in index order (NaN if any sample is). */
  mean(): number {
    if (this.meanCache === undefined) this.meanCache = meanOf(this.samples);
    return this.meanCache;
  }

  /** Sample standard deviation (n - 1 in the denominator; two passes). NaN for one sample. */
  sd(): number {
    if (this.sdCache === undefined) this.sdCache = Math.sqrt(this.variance());
    return this.sdCache;
  }

  /** Sample variance, sum of (x - mean)^2 / (n - 1). NaN for one sample. */
  variance(): number {
    const x = this.samples;
    const n = x.length;
    if (n < 2) return NaN;
    const m = this.mean();
    let s = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i] - m;
      s += d * d;
    }
    return s / (n - 1);
  }

  /** Type 7 quantile (see quantileSorted); p in [0, 1] or an EstimateError. */
  quantile(p: number): number {
    return quantileSorted(this.sorted(), p);
  }

  /** Several type 7 quantiles at once. */
  quantiles(ps: readonly number[]): number[] {
    const s = this.sorted();
    return ps.map((p) => quantileSorted(s, p));
  }

  /**
   * The share of (non-NaN) samples <= x. Uses the sorted copy when it exists,
   * else counts in one pass without sorting.
   */
  cdf(x: number): number {
    if (this.sortedCache !== undefined) return cdfSorted(this.sortedCache, x);
    const v = this.samples;
    let k = 0, m = 0;
    for (let i = 0; i < v.length; i++) {
      const y = v[i]!;
      k += +(y <= x); // no branch: y <= x holds at random
      m += +(y === y);
    }
    return m === 0 ? NaN : k / m;
  }

  /** Smallest non-NaN sample (NaN when all are NaN). */
  min(): number {
    const s = this.sortedCache;
    if (s === undefined) return this.scan().min;
    return s.length ? s[0] : NaN;
  }

  /** Largest non-NaN sample (NaN when all are NaN). */
  max(): number {
    const s = this.sortedCache;
    if (s === undefined) return this.scan().max;
    return s.length ? s[s.length - 1] : NaN;
  }

  /**
   * Equal-width histogram of the finite samples between min and max; bin k
   * holds edges[k] <= x < edges[k + 1], the last bin also x = max;
   * -Infinity and +Infinity fall into the first and last bins.
   */
  histogram(bins: number): Histogram {
    if (!Number.isInteger(bins) || bins < 1) throw new EstimateError('histogram_bins', `histogram needs an integer number of bins >= 1, got ${bins}`);
    if (this.sortedCache === undefined) return this.histogramUnsorted(bins);
    const s = this.sorted();
    let i0 = 0, i1 = s.length - 1;
    while (i0 <= i1 && s[i0] === -Infinity) i0++;
    while (i1 >= i0 && s[i1] === Infinity) i1--;
    const counts = new Array<number>(bins).fill(0);
    if (s.length === 0) return { edges: new Array<number>(bins + 1).fill(NaN), counts };
    let lo = i0 <= i1 ? s[i0] : 0, hi = i0 <= i1 ? s[i1] : 0;
    if (lo === hi) { lo -= 0.5; hi += 0.5; }
    const w = (hi - lo) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + k * w));
    counts[0] += i0;
    counts[bins - 1] += s.length - 1 - i1;
    for (let i = i0; i <= i1; i++) {
      let k = Math.floor((s[i] - lo) / w);
      if (k >= bins) k = bins - 1;
      else if (k < 0) k = 0;
      counts[k]++;
    }
    return { edges, counts };
  }

  /**
   * An equal-width histogram over [low, high] only (for a heavy-tailed output,
   * say its p1 to p99), with the samples left out on each side counted apart.
   *
   * @example
   * s.histogramBetween(20, s.quantile(0.01), s.quantile(0.99)); // { edges, counts, below, above }
   */
  histogramBetween(bins: number, low: number, high: number): Histogram & { readonly below: number; readonly above: number } {
    if (!Number.isInteger(bins) || bins < 1) throw new EstimateError('histogram_bins', `histogram needs an integer number of bins >= 1, got ${bins}`);
    if (!(low <= high)) throw new EstimateError('histogram_range', `histogram needs low <= high, got ${low} and ${high}`);
    const c = this.histogramCache;
    if (c !== undefined && c.bins === bins && Object.is(c.low, low) && Object.is(c.high, high)) return { ...c.value, edges: [...c.value.edges], counts: [...c.value.counts] };
    const { lo, hi, w } = binRange(bins, low, high);
    const { counts, below, above } = wasmCountBetween(this.samples, bins, lo, hi, w);
    return { edges: binEdges(bins, lo, hi, w), counts, below, above };
  }

  /** The histogram of {@link histogram} in one pass over the unsorted samples (same bins, same counts). */
  private histogramUnsorted(bins: number): Histogram {
    const sc = this.scan();
    const counts = new Array<number>(bins).fill(0);
    const m = this.samples.length - sc.nan;
    if (m === 0) return { edges: new Array<number>(bins + 1).fill(NaN), counts };
    const finite = m - sc.negInf - sc.posInf;
    let lo = finite ? sc.fmin : 0, hi = finite ? sc.fmax : 0;
    if (lo === hi) { lo -= 0.5; hi += 0.5; }
    const w = (hi - lo) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + k * w));
    const c = new Float64Array(bins);
    const x = this.samples;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (v !== v) continue;
      let k = Math.floor((v - lo) / w);
      if (k >= bins) k = bins - 1;
      else if (k < 0) k = 0;
      c[k]++;
    }
    for (let k = 0; k < bins; k++) counts[k] = c[k];
    return { edges, counts };
  }

  private summaryQuantiles: readonly number[] | undefined;

  /** Type 7 quantiles of the non-NaN samples by bucket selection (see quantilesOf: no sort, nothing cached). */
  quantilesBySelection(ps: readonly number[]): number[] {
    return quantilesOf(this.samples, ps);
  }

  /**
   * Everything summary() computes, as numbers to send from a worker thread:
   * the SUMMARY_PS quantiles, then mean, sd and the scan (NaN count, extremes,
   * finite extremes, infinities); with `bins`, then the histogram from p1 to
   * p99 (as histogramBetween counts it: below, above, then the bins). See
   * {@link primeSummaryParts}.
   *
   * Four passes over the samples: extremes, NaNs and sum; squared deviations
   * with the bucket counts of the quantiles (see quantilesOf); the values of
   * the buckets the quantiles fall in; the histogram.
   */
  summaryParts(bins?: number): number[] {
    const sc = this.scan();
    const x = this.samples;
    if (this.summaryQuantiles === undefined) {
      const m = x.length - sc.nan;
      const b = m === 0 ? null : bucketsFor(sortKey(sc.min, true), sortKey(sc.max), x.length);
      if (b === null || this.sdCache !== undefined) {
        this.summaryQuantiles = this.quantilesBySelection(SUMMARY_PS);
      } else {
        const counts = new Int32Array(b.count);
        const ss = wasmCountBucketsAndSquares(x, b, this.mean(), counts);
        this.sdCache = x.length < 2 ? NaN : Math.sqrt(ss / (x.length - 1));
        this.summaryQuantiles = quantilesFromCounts(x, SUMMARY_PS, m, b, counts);
      }
    }
    const parts = [...this.summaryQuantiles, this.mean(), this.sd(), sc.nan, sc.min, sc.max, sc.fmin, sc.fmax, sc.negInf, sc.posInf];
    return [...parts, ...this.histogramParts(bins)];
  }

  /** below, above and the counts of summaryHistogram(bins), when it spans p1 to p99; else nothing. */
  private histogramParts(bins: number | undefined): number[] {
    if (bins === undefined || !this.histogramSpansPercentiles()) return [];
    const h = this.summaryHistogram(bins);
    return [h.below, h.above, ...h.counts];
  }

  private histogramSpansPercentiles(): boolean {
    const q = this.summaryQuantiles;
    return q !== undefined && Number.isFinite(q[0]) && Number.isFinite(q[q.length - 1]);
  }

  /** Takes what {@link summaryParts} computed elsewhere from these same samples (with the same `bins`). */
  primeSummaryParts(parts: readonly number[], bins?: number): void {
    const q = SUMMARY_PS.length;
    const want = q + 9;
    if (parts.length !== want && parts.length !== want + (bins ?? NaN) + 2) throw new EstimateError('internal', `expected ${want} summary parts and a histogram's, got ${parts.length}`);
    this.summaryQuantiles = parts.slice(0, q);
    this.meanCache = parts[q]!;
    this.sdCache = parts[q + 1]!;
    const [nan, min, max, fmin, fmax, negInf, posInf] = parts.slice(q + 2, q + 9) as [number, number, number, number, number, number, number];
    this.scanCache = { nan, min, max, fmin, fmax, negInf, posInf };
    if (bins !== undefined && parts.length > want) this.primeHistogram(bins, parts.slice(want));
  }

  /**
   * The histogram of the summary: `bins` equal bins from p1 to p99 (readable
   * even for a heavy tail; see histogramBetween), with the samples left out
   * on each side in `below` and `above`; when p1 or p99 is not finite, the
   * histogram of all samples ({@link histogram}, nothing left out).
   */
  summaryHistogram(bins: number): Histogram & { readonly below: number; readonly above: number } {
    if (this.summaryQuantiles === undefined && this.sortedCache === undefined) this.summaryParts();
    const [p1, p99] = this.summaryQuantiles ? [this.summaryQuantiles[0]!, this.summaryQuantiles[SUMMARY_PS.length - 1]!] : [this.quantile(0.01), this.quantile(0.99)];
    if (!Number.isFinite(p1) || !Number.isFinite(p99)) return { ...this.histogram(bins), below: 0, above: 0 };
    const h = this.histogramBetween(bins, p1, p99);
    this.histogramCache ??= { bins, low: p1, high: p99, value: h };
    return { ...h, edges: [...h.edges], counts: [...h.counts] };
  }

  /** Takes below, above and the counts of summaryHistogram(bins) computed elsewhere. */
  primeHistogram(bins: number, parts: readonly number[]): void {
    const [p1, , , , , , p99] = this.summaryQuantiles!;
    const { lo, hi, w } = binRange(bins, p1!, p99!);
    this.histogramCache = { bins, low: p1!, high: p99!, value: { edges: binEdges(bins, lo, hi, w), counts: parts.slice(2), below: parts[0]!, above: parts[1]! } };
  }

  private histogramCache: { bins: number; low: number; high: number; value: Histogram & { readonly below: number; readonly above: number } } | undefined;

  /**
   * The summary's quantiles, and with `bins` its histogram (below, above,
   * then the bins), without the mean, sd or extremes: what a worker computes
   * for one output while another thread does the rest. See
   * {@link primeSummaryQuantiles}.
   */
  summaryQuantileParts(bins?: number): number[] {
    this.summaryQuantiles ??= this.quantilesBySelection(SUMMARY_PS);
    return [...this.summaryQuantiles, ...this.histogramParts(bins)];
  }

  /** Takes what {@link summaryQuantileParts} computed elsewhere from these same samples (with the same `bins`). */
  primeSummaryQuantiles(values: readonly number[], bins?: number): void {
    const q = SUMMARY_PS.length;
    if (values.length !== q && values.length !== q + (bins ?? NaN) + 2) throw new EstimateError('internal', `expected ${q} summary quantiles and a histogram's parts, got ${values.length}`);
    this.summaryQuantiles = values.slice(0, q);
    if (bins !== undefined && values.length > q) this.primeHistogram(bins, values.slice(q));
  }

  /**
   * mean, sd, p1, p5, p25, p50, p75, p95, p99, min, max and nanCount.
   * Without a sorted copy they come from {@link summaryParts} (four passes,
   * quantiles by bucket selection, no sort).
   */
  summary(): SampleSummary {
    if (this.sortedCache === undefined) {
      if (this.summaryQuantiles === undefined) this.summaryParts();
      const [p1, p5, p25, p50, p75, p95, p99] = this.summaryQuantiles as [number, number, number, number, number, number, number];
      return { mean: this.mean(), sd: this.sd(), p1, p5, p25, p50, p75, p95, p99, min: this.min(), max: this.max(), nanCount: this.nanCount };
    }
    const s = this.sorted();
    return {
      mean: this.mean(),
      sd: this.sd(),
      p1: quantileSorted(s, 0.01),
      p5: quantileSorted(s, 0.05),
      p25: quantileSorted(s, 0.25),
      p50: quantileSorted(s, 0.5),
      p75: quantileSorted(s, 0.75),
      p95: quantileSorted(s, 0.95),
      p99: quantileSorted(s, 0.99),
      min: this.min(),
      max: this.max(),
      nanCount: this.samples.length - s.length,
    };
  }
}

/**
 * Room for one output in a summary task's shared results: a count, then at
 * most that many numbers of SampleSet.summaryParts (`whole`) or
 * summaryQuantileParts, with a histogram of `bins` bins.
 */
export function summarySlotWidth(whole: boolean, bins: number | undefined): number {
  return 1 + SUMMARY_PS.length + (whole ? 9 : 0) + (bins === undefined ? 0 : bins + 2);
}

/** The range a histogram between low and high spans (widened by 1 when low = high), and its bin width. */
function binRange(bins: number, low: number, high: number): { lo: number; hi: number; w: number } {
  const lo = low === high ? low - 0.5 : low, hi = low === high ? high + 0.5 : high;
  return { lo, hi, w: (hi - lo) / bins };
}

function binEdges(bins: number, lo: number, hi: number, w: number): number[] {
  return Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + k * w));
}

/** Sum of x (in index order), smallest and largest non-NaN value, and how many values are not NaN: one pass. */


/** Mean of an array, summed in index order. */
export function meanOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}
