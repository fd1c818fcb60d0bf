import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quantilesOf, selectQuantiles } from './select-quantiles.js';
import { quantileSorted } from './quantile-sorted.js';

describe('selectQuantiles', () => {
  it('gives type 7 quantiles: on 1..10, p5 = 1.45 and p50 = 5.5', () => {
    expect(selectQuantiles(Float64Array.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), [0.05, 0.5, 0, 1])).toEqual([1.45, 5.5, 1, 10]);
  });
  it('agrees exactly with sorting on random arrays, ties and infinities included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 400 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 7 }),
        (xs, ps) => {
          const sorted = Float64Array.from(xs).sort();
          // -0 and +0 are equal values; which of them a selection returns may differ from a sort
          const want = ps.map((p) => quantileSorted(sorted, p) + 0);
          expect(selectQuantiles(Float64Array.from(xs), ps).map((v) => v + 0)).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('handles large arrays with many equal values', () => {
    const x = new Float64Array(100_000).map((_, i) => (i * 7919) % 13);
    const sorted = x.slice().sort();
    const ps = [0.05, 0.25, 0.5, 0.75, 0.95];
    expect(selectQuantiles(x, ps)).toEqual(ps.map((p) => quantileSorted(sorted, p)));
  });
  it('gives the same exact quantiles on large arrays, by brackets or by selection', () => {
    const ps = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0, 1, 0.123456];
    let seed = 99;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const shapes: Record<string, Float64Array> = {
      lognormal: Float64Array.from({ length: 200_001 }, () => Math.exp(6 * (rand() - 0.5)) * 1e6),
      ties: Float64Array.from({ length: 100_000 }, () => Math.floor(rand() * 5)),
      ascending: Float64Array.from({ length: 50_000 }, (_, i) => i * 0.5),
      descending: Float64Array.from({ length: 50_000 }, (_, i) => -i),
      heavyTail: Float64Array.from({ length: 120_000 }, () => 1 / (rand() + 1e-12)),
    };
    for (const [name, x] of Object.entries(shapes)) {
      const sorted = x.slice().sort();
      expect(selectQuantiles(x.slice(), ps), name).toEqual(ps.map((p) => quantileSorted(sorted, p)));
    }
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => selectQuantiles(Float64Array.of(1, 2), [1.5])).toThrow('quantile needs p in [0, 1], got 1.5');
  });
});

describe('quantilesOf (bucket selection, input untouched)', () => {
  const ps = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0, 1, 0.123456];
  let seed = 7;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const sortedQuantiles = (x: Float64Array, qs: readonly number[]) => {
    const s = x.filter((v) => v === v).sort();
    return qs.map((p) => quantileSorted(s, p) + 0);
  };
  const shapes: Record<string, () => Float64Array> = {
    'narrow lognormal (one binary exponent)': () => Float64Array.from({ length: 100_000 }, () => 1.2e7 * Math.exp(0.05 * (rand() - 0.5))),
    'wide lognormal': () => Float64Array.from({ length: 100_000 }, () => Math.exp(30 * (rand() - 0.5))),
    'both signs': () => Float64Array.from({ length: 50_000 }, () => (rand() - 0.3) * 1e6),
    'negative only': () => Float64Array.from({ length: 50_000 }, () => -Math.exp(10 * rand())),
    'clipped (a tenth equal)': () => Float64Array.from({ length: 60_000 }, () => Math.max(1e6, rand() * 1e7)),
    'few values': () => Float64Array.from({ length: 40_000 }, () => Math.floor(rand() * 4)),
    'constant': () => new Float64Array(20_000).fill(3.5),
    'infinities and NaN': () => Float64Array.from({ length: 30_000 }, (_, i) => (i % 97 === 0 ? NaN : i % 89 === 0 ? Infinity : i % 83 === 0 ? -Infinity : rand() * 10)),
    'signed zeros': () => Float64Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : rand() - 0.5)),
    'zeros and positives, min +0 first': () => Float64Array.from({ length: 10_000 }, (_, i) => (i === 0 ? 0 : i % 2 ? -0 : rand())),
    'heavy tail': () => Float64Array.from({ length: 80_000 }, () => 1 / (rand() + 1e-12)),
    'small (copy and select)': () => Float64Array.from({ length: 1000 }, () => rand()),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`equals the quantiles of a sort: ${name}`, () => {
      const x = make();
      const before = x.slice();
      expect(quantilesOf(x, ps).map((v) => v + 0)).toEqual(sortedQuantiles(x, ps));
      expect(x).toEqual(before);
    });
  }
  it('stays exact when the extremes and many values lie outside the sampled range (they join the end buckets)', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    // the range is placed from every 48th value: put far outliers, and a tenth of the values, between those
    const x = Float64Array.from({ length: 100_000 }, (_, i) => (i % 48 === 0 ? 1 + rand() : i % 97 === 1 ? 1e300 * rand() : i % 89 === 3 ? -1e300 * rand() : i % 10 === 5 ? 2 + rand() : 1 + rand()));
    const qs = [0, 0.001, 0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999, 1];
    expect(quantilesOf(x, qs)).toEqual(sortedQuantiles(x, qs));
    expect(quantilesOf(x, qs)).toEqual(sortedQuantiles(x, qs));
  });
  it('takes the NaN count when known, and gives NaN for all-NaN input', () => {
    const x = Float64Array.from({ length: 10_000 }, (_, i) => i);
    expect(quantilesOf(x, [0.5])).toEqual([4999.5]);
    expect(quantilesOf(new Float64Array(5000).fill(NaN), [0.5])).toEqual([NaN]);
  });
  it('reads a view into a larger buffer (byteOffset) without looking outside it', () => {
    const whole = Float64Array.from({ length: 30_000 }, (_, i) => (i < 10_000 || i >= 20_000 ? 1e300 : i));
    const view = whole.subarray(10_000, 20_000);
    expect(quantilesOf(view, [0, 0.5, 1])).toEqual([10_000, 14_999.5, 19_999]);
  });
  it('rejects p outside [0, 1]', () => {
    expect(() => quantilesOf(new Float64Array(10), [-0.1])).toThrow('quantile needs p in [0, 1], got -0.1');
  });
});
