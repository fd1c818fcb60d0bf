import { describe, it, expect } from 'vitest';
import { fastExp } from './fast-exp.js';

describe('fastExp', () => {
  it('is within 3 ulp of Math.exp over the whole finite range', () => {
    let worst = 0;
    let s = 12345;
    for (let i = 0; i < 200_000; i++) {
      s = (s * 48271) % 2147483647;
      const x = -708 + (1417 * s) / 2147483647;
      const want = Math.exp(x);
      const rel = Math.abs(fastExp(x) - want) / want;
      if (rel > worst) worst = rel;
    }
    expect(worst).toBeLessThan(7e-16);
  });
  it('is exact where it matters and defers to Math.exp at the edges', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(1)).toBeCloseTo(Math.E, 15);
    expect(fastExp(-1e-300)).toBe(1);
    expect(fastExp(710)).toBe(Infinity);
    expect(fastExp(-800)).toBe(0);
    expect(fastExp(-745)).toBe(Math.exp(-745));
    expect(Number.isNaN(fastExp(NaN))).toBe(true);
    expect(fastExp(-Infinity)).toBe(0);
  });
  it('matches Math.exp on small arguments, where lognormal draws live', () => {
    for (const x of [1e-10, -1e-10, 0.5, -0.5, 2.302585092994046, 16.296932873094228, 21.7, -3.3]) {
      expect(Math.abs(fastExp(x) / Math.exp(x) - 1)).toBeLessThan(7e-16);
    }
  });
});
