import { describe, expect, it } from 'vitest';
import { monteCarloInterval } from './monte-carlo-interval.js';

describe('monteCarloInterval', () => {
  it('is p ± 1.645 standard errors of a binomial share, clipped to [0, 1]', () => {
    const r = monteCarloInterval(0.5, 10_000);
    expect(r.se).toBeCloseTo(0.005, 12);
    expect(r.low).toBeCloseTo(0.5 - 1.6448536269514722 * 0.005, 12);
    expect(r.high).toBeCloseTo(0.5 + 1.6448536269514722 * 0.005, 12);
    expect(monteCarloInterval(0.01, 20)).toMatchObject({ low: 0 });
    expect(monteCarloInterval(1, 100)).toEqual({ se: 0, low: 1, high: 1 });
  });

  it('narrows as 1/sqrt(n)', () => {
    const w = (n: number) => { const r = monteCarloInterval(0.3, n); return r.high - r.low; };
    expect(w(400) / w(40_000)).toBeCloseTo(10, 9);
  });

  it('matches the spread of a bootstrap over the paths', () => {
    // 1,000 paths of which 300 are alive; resample them 4,000 times with a fixed LCG
    const n = 1000;
    let s = 12345;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    const shares: number[] = [];
    for (let b = 0; b < 4000; b++) {
      let alive = 0;
      for (let i = 0; i < n; i++) if (Math.floor(rand() * n) < 300) alive++;
      shares.push(alive / n);
    }
    shares.sort((a, b) => a - b);
    const r = monteCarloInterval(0.3, n);
    // the bootstrap's own 5th and 95th percentiles, within a tolerance of 0.004 (its resampling error)
    expect(Math.abs(shares[Math.floor(0.05 * 4000)]! - r.low)).toBeLessThan(0.004);
    expect(Math.abs(shares[Math.floor(0.95 * 4000)]! - r.high)).toBeLessThan(0.004);
  });

  it('refuses a share outside [0, 1] and a path count that is not a whole number', () => {
    expect(() => monteCarloInterval(1.2, 10)).toThrow('expected a share in [0, 1] and a whole number of paths >= 1, got 1.2 and 10');
    expect(() => monteCarloInterval(0.5, 0)).toThrow(RangeError);
  });
});
