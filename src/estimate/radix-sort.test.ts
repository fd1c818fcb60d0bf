import { describe, expect, it } from 'vitest';
import { argsortFloat64, mergeSorted, sortFloat64 } from './radix-sort.js';

function messy(n: number): Float64Array {
  const x = new Float64Array(n);
  let s = 12345;
  const r = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let i = 0; i < n; i++) {
    const u = r();
    x[i] = u < 0.01 ? NaN : u < 0.02 ? -0 : u < 0.03 ? 0 : u < 0.035 ? Infinity : u < 0.04 ? -Infinity : u < 0.1 ? Math.floor(r() * 5) : (r() - 0.4) * Math.exp(r() * 60 - 30);
  }
  return x;
}

describe('radix sort', () => {
  for (const n of [0, 1, 10, 5000, 100_000]) {
    it(`sorts like Float64Array.prototype.sort without the NaNs (n = ${n})`, () => {
      const x = messy(n);
      const expected = x.slice().sort().filter((v) => !Number.isNaN(v));
      const got = sortFloat64(x);
      expect(got.length).toBe(expected.length);
      for (let i = 0; i < got.length; i++) if (!Object.is(got[i], expected[i])) expect([i, got[i]]).toEqual([i, expected[i]]);
    });
  }

  it('sorts a negative NaN bit pattern out too', () => {
    const x = new Float64Array(5000).map((_, i) => i - 2500);
    new Uint32Array(x.buffer)[1] = 0xfff80000; // -NaN at index 0
    const s = sortFloat64(x);
    expect(s.length).toBe(4999);
    expect(s[0]).toBe(-2499);
  });

  for (const n of [10, 100_000]) {
    it(`argsort is a stable sorting permutation with NaNs last (n = ${n})`, () => {
      const x = messy(n);
      const order = argsortFloat64(x);
      const seen = new Uint8Array(n);
      for (let k = 0; k < n; k++) seen[order[k]!] = 1;
      expect(seen.every((v) => v === 1)).toBe(true);
      for (let k = 1; k < n; k++) {
        const a = x[order[k - 1]!]!, b = x[order[k]!]!;
        if (Number.isNaN(b)) { if (Number.isNaN(a)) expect(order[k - 1]!).toBeLessThan(order[k]!); continue; }
        expect(Number.isNaN(a)).toBe(false);
        expect(a <= b).toBe(true);
        if (a === b && Object.is(a, b)) expect(order[k - 1]!).toBeLessThan(order[k]!);
      }
    });
  }

  it('merges two sorted runs', () => {
    expect(Array.from(mergeSorted(Float64Array.of(1, 3, 5), Float64Array.of(2, 3, 6, 7)))).toEqual([1, 2, 3, 3, 5, 6, 7]);
  });
});
