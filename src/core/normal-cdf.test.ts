import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal-cdf.js';
import { normalQuantile } from './normal-quantile.js';

describe('normalCdf', () => {
  it('gives the standard normal probabilities known to many digits', () => {
    // reference values: Φ computed by erfc in R (pnorm) / Abramowitz and Stegun table 26.1
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1.6448536269514722)).toBeCloseTo(0.05, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(-3) / 0.0013498980316300946).toBeCloseTo(1, 12);
    // beyond 7.07 standard deviations the continued fraction: relative error about 1e-8
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 7);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 7);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is the inverse of normalQuantile across both tails', () => {
    for (const p of [1e-10, 1e-6, 0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 8);
    }
    expect(normalCdf(normalQuantile(1e-15)) / 1e-15).toBeCloseTo(1, 7);
    for (const z of [-9, -5, -2.5, -0.1, 0.1, 2.5]) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 8);
  });
});
