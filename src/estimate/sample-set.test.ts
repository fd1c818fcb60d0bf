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
});
