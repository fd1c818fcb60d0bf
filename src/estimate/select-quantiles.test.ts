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
          const want = ps.map((p) => quantileSorted(sorted, p));
          expect(selectQuantiles(Float64Array.from(xs), ps)).toEqual(want);
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
  it('rejects p outside [0, 1]', () => {
    expect(() => selectQuantiles(Float64Array.of(1, 2), [1.5])).toThrow('quantile needs p in [0, 1], got 1.5');
  });
});
