import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { selectQuantiles } from './select-quantiles.js';
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
