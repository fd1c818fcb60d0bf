import { describe, expect, it } from 'vitest';
import { EstimateError } from './estimate-error.js';
import { cdfSorted, quantileSorted } from './quantile-sorted.js';
import { SampleSet } from './sample-set.js';

const oneToTen = (): SampleSet => SampleSet.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

describe('SampleSet', () => {
  it('type 7 quantiles: on 1..10, p5 = 1.45 and p50 = 5.5', () => {
    const s = oneToTen();
    expect(s.quantile(0.05)).toBeCloseTo(1.45, 12);
    expect(s.quantile(0.5)).toBe(5.5);
    expect(s.quantile(0)).toBe(1);
    expect(s.quantile(1)).toBe(10);
    expect(s.quantiles([0.25, 0.75])).toEqual([3.25, 7.75]);
    expect(() => s.quantile(1.5)).toThrow(EstimateError);
    expect(() => s.quantile(1.5)).toThrow('quantile needs p in [0, 1], got 1.5');
  });

  it('cdf is the share <= x, with or without the sorted copy', () => {
    const s = oneToTen();
    expect(s.cdf(3)).toBe(0.3);
    expect(s.cdf(0)).toBe(0);
    expect(s.cdf(10)).toBe(1);
    expect(s.isSorted).toBe(false);
    s.sorted();
    expect(s.cdf(3)).toBe(0.3);
    expect(s.cdf(3.5)).toBe(0.3);
    expect(cdfSorted(Float64Array.of(1, 2, 2, 3), 2)).toBe(0.75);
  });

  it('sorts once and reuses the sorted copy', () => {
    const s = oneToTen();
    const a = s.sorted();
    expect(Array.from(a)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.sorted()).toBe(a);
    expect(Array.from(s.samples)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('mean and sample sd (n - 1)', () => {
    const s = SampleSet.from([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean()).toBe(5);
    expect(s.sd()).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(Number.isNaN(SampleSet.from([1]).sd())).toBe(true);
  });

  it('summary of 1..10', () => {
    const s = oneToTen().summary();
    expect(s).toMatchObject({ mean: 5.5, sd: Math.sqrt(55 / 6), p25: 3.25, p50: 5.5, p75: 7.75, min: 1, max: 10, nanCount: 0 });
    expect(s.p5).toBe(quantileSorted(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.05));
    expect(s.p95).toBeCloseTo(9.55, 12);
  });

  it('counts NaNs: mean propagates them, order statistics skip them', () => {
    const s = SampleSet.from([1, NaN, 3, NaN, 2]);
    expect(s.nanCount).toBe(2);
    expect(Number.isNaN(s.mean())).toBe(true);
    expect(s.quantile(0.5)).toBe(2);
    expect(s.cdf(2)).toBeCloseTo(2 / 3, 15);
    expect(s.summary().nanCount).toBe(2);
    expect(s.min()).toBe(1);
    expect(s.max()).toBe(3);
  });

  it('histogram: equal-width bins between min and max', () => {
    const h = oneToTen().histogram(3);
    expect(h.edges).toEqual([1, 4, 7, 10]);
    expect(h.counts).toEqual([3, 3, 4]);
    expect(h.counts.reduce((a, b) => a + b)).toBe(10);
    const flat = SampleSet.from([2, 2, 2]).histogram(2);
    expect(flat.counts).toEqual([0, 3]);
    expect(flat.edges).toEqual([1.5, 2, 2.5]);
    const inf = SampleSet.from([-Infinity, 0, 1, Infinity]).histogram(2);
    expect(inf.counts).toEqual([2, 2]);
    expect(() => oneToTen().histogram(0)).toThrow(EstimateError);
  });

  it('rejects an empty array', () => {
    expect(() => new SampleSet(new Float64Array(0))).toThrow(EstimateError);
  });
});

describe('SampleSet summaries without sorting', () => {
  it('match the summaries computed from the sorted copy, NaN and infinities included', () => {
    const x = new Float64Array(50_001);
    let s = 7;
    for (let i = 0; i < x.length; i++) {
      s = (s * 48271) % 2147483647;
      x[i] = Math.log(s / 2147483647) * 3;
    }
    x[5] = NaN; x[17] = Infinity; x[99] = -Infinity; x[123] = NaN;
    const lazy = new SampleSet(x);
    const a = lazy.summary();
    const h = lazy.histogram(20);
    expect(lazy.isSorted).toBe(false);
    const eager = new SampleSet(x);
    eager.sorted();
    expect(a).toEqual(eager.summary());
    expect(h).toEqual(eager.histogram(20));
    expect(a.nanCount).toBe(2);
  });

  const shapes: Record<string, () => Float64Array> = {
    'lognormal': () => { let s = 11; return Float64Array.from({ length: 60_000 }, () => { s = (s * 48271) % 2147483647; return 1.2e7 * Math.exp(0.1 * Math.log(s / 2147483647)); }); },
    'NaN and infinities': () => { let s = 5; return Float64Array.from({ length: 40_000 }, (_, i) => { s = (s * 48271) % 2147483647; return i % 101 === 0 ? NaN : i % 211 === 0 ? Infinity : i % 307 === 0 ? -Infinity : s / 2147483647 - 0.5; }); },
    'zeros of both signs, +0 first': () => Float64Array.from({ length: 10_000 }, (_, i) => (i === 0 ? 0 : i % 2 ? -0 : i / 7)),
    'all NaN': () => new Float64Array(8192).fill(NaN),
    'constant': () => new Float64Array(9000).fill(2.5),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`summaryParts (four passes) gives the sorted copy's summary, the same mean and sd bits, and the p1-p99 histogram: ${name}`, () => {
      const x = make();
      const fused = new SampleSet(x);
      const parts = fused.summaryParts(20);
      const sorted = new SampleSet(x);
      sorted.sorted();
      const want = sorted.summary();
      const got = fused.summary();
      expect({ ...got, p1: got.p1 + 0, p50: got.p50 + 0, p99: got.p99 + 0, min: got.min + 0, max: got.max + 0 })
        .toEqual({ ...want, p1: want.p1 + 0, p50: want.p50 + 0, p99: want.p99 + 0, min: want.min + 0, max: want.max + 0 });
      // mean and sd: the same arithmetic as the plain two passes, bit for bit
      const plain = new SampleSet(x);
      expect(Object.is(fused.mean(), plain.mean())).toBe(true);
      expect(Object.is(fused.sd(), Math.sqrt(plain.variance()))).toBe(true);
      // a second thread primed with these parts shows the same summary and histogram
      const primed = new SampleSet(x);
      primed.primeSummaryParts(parts, 20);
      expect(primed.summary()).toEqual(got);
      const h = fused.summaryHistogram(20);
      expect(primed.summaryHistogram(20)).toEqual(h);
      if (Number.isFinite(want.p1) && Number.isFinite(want.p99)) {
        expect(h).toEqual(sorted.histogramBetween(20, want.p1, want.p99));
        expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(x.length - want.nanCount);
      } else {
        expect(h).toEqual({ ...sorted.histogram(20), below: 0, above: 0 });
      }
    });
  }
  it('summaryQuantileParts and primeSummaryQuantiles hand over the quantiles and histogram; wrong lengths are refused', () => {
    const x = Float64Array.from({ length: 20_000 }, (_, i) => Math.sqrt(i));
    const worker = new SampleSet(x);
    const values = worker.summaryQuantileParts(10);
    const main = new SampleSet(x);
    main.primeSummaryQuantiles(values, 10);
    expect(main.summary()).toEqual(new SampleSet(x).summary());
    expect(main.summaryHistogram(10)).toEqual(new SampleSet(x).summaryHistogram(10));
    expect(() => main.primeSummaryQuantiles(values.slice(1), 10)).toThrow(/expected 7 summary quantiles/);
    expect(() => main.primeSummaryParts([1, 2, 3])).toThrow(/expected 16 summary parts/);
  });
  it('histogramBetween puts an overflowing span and a zero width in the last bin, never loses a sample', () => {
    const huge = SampleSet.from([-1e308, 0, 1e308]);
    const h = huge.histogramBetween(4, -1e308, 1e308); // hi - lo overflows to Infinity
    expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(3);
    expect(h.counts[3]).toBeGreaterThanOrEqual(1);
    const flat = SampleSet.from([1e20, 1e20, 1e20]); // 1e20 - 0.5 === 1e20: zero width
    const f = flat.histogramBetween(5, 1e20, 1e20);
    expect(f.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
