import { describe, expect, it } from 'vitest';
import type { DistSpec } from './distribution-spec.js';
import { Z95 } from './constants.js';
import { lognormalFromCi } from './lognormal-from-ci.js';
import { quantileOfSpec } from './quantile-of-spec.js';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

const close = (a: number, b: number, rel = 1e-12): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * rel + 1e-14);
};

describe('lognormalFromCi', () => {
  it("is Squiggle's `11M to 13M`", () => {
    const d = lognormalFromCi(11e6, 13e6);
    close(d.mu, 16.296932873094228);
    close(d.sigma, 0.05078083603486877);
  });

  it('has p5 and p95 at the ends', () => {
    const d = lognormalFromCi(3, 50);
    close(quantileOfSpec(d, 0.05), 3, 1e-14);
    close(quantileOfSpec(d, 0.95), 50, 1e-14);
    close(quantileOfSpec(d, 0.5), Math.sqrt(150), 1e-14);
  });

  it('refuses non-positive or reversed ends', () => {
    expect(() => lognormalFromCi(0, 10)).toThrow('lognormalFromCi: expected 0 < p5 <= p95, got p5 = 0 and p95 = 10');
    expect(() => lognormalFromCi(4, 2)).toThrow(RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  it.each([
    [0.5, 2, 2, 0.5],
    [0.25, 1, 1, 0.25],
    [0.3, 2, 5, 0.579825],
    [0.5, 0.5, 0.5, 0.5],
    [0.1, 3, 7, 0.05297214],
    [0.9, 10, 2, 0.6973568802],
  ])('I_%d(%d, %d) = %d', (x, a, b, expected) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 6);
  });

  it('is exact for Beta(a, 1): x^a', () => {
    for (const x of [0.1, 0.37, 0.8]) close(regularizedIncompleteBeta(x, 3.5, 1), x ** 3.5, 1e-12);
  });
});

describe('quantileOfSpec', () => {
  it('pointMass', () => {
    expect(quantileOfSpec({ family: 'pointMass', value: 7 }, 0.05)).toBe(7);
  });

  it('uniform', () => {
    expect(quantileOfSpec({ family: 'uniform', low: 0, high: 10 }, 0.25)).toBe(2.5);
  });

  it('normal', () => {
    close(quantileOfSpec({ family: 'normal', mean: 10, sd: 2 }, 0.95), 10 + 2 * Z95, 1e-15);
    expect(quantileOfSpec({ family: 'normal', mean: 10, sd: 0 }, 1)).toBe(10);
  });

  it('lognormal', () => {
    close(quantileOfSpec({ family: 'lognormal', mu: 0, sigma: 1 }, 0.95), Math.exp(Z95), 1e-15);
  });

  it('triangular', () => {
    const t: DistSpec = { family: 'triangular', low: 0, mode: 5, high: 10 };
    expect(quantileOfSpec(t, 0.5)).toBe(5);
    close(quantileOfSpec(t, 0.125), Math.sqrt(0.125 * 50));
    close(quantileOfSpec(t, 0.875), 10 - Math.sqrt(0.125 * 50));
    expect(quantileOfSpec({ family: 'triangular', low: 0, mode: 0, high: 1 }, 0.75)).toBeCloseTo(0.5, 12);
  });

  it('beta, by inverting the incomplete beta', () => {
    expect(quantileOfSpec({ family: 'beta', alpha: 2, beta: 2 }, 0.5)).toBeCloseTo(0.5, 12);
    expect(quantileOfSpec({ family: 'beta', alpha: 1, beta: 1 }, 0.3)).toBeCloseTo(0.3, 12);
    // Beta(a, 1) has quantile p^(1/a).
    expect(quantileOfSpec({ family: 'beta', alpha: 3, beta: 1 }, 0.2)).toBeCloseTo(0.2 ** (1 / 3), 12);
    const x = quantileOfSpec({ family: 'beta', alpha: 2, beta: 5 }, 0.95);
    expect(regularizedIncompleteBeta(x, 2, 5)).toBeCloseTo(0.95, 12);
  });

  it('pert is a scaled beta with alpha = 1 + 4(mode-low)/(high-low)', () => {
    const p: DistSpec = { family: 'pert', low: 0, mode: 50, high: 100 };
    expect(quantileOfSpec(p, 0.5)).toBeCloseTo(50, 9);
    const q = quantileOfSpec({ family: 'pert', low: 10, mode: 20, high: 60 }, 0.9);
    expect(q).toBeCloseTo(10 + 50 * quantileOfSpec({ family: 'beta', alpha: 1.8, beta: 4.2 }, 0.9), 9);
  });

  it('shifted: offset + scale · base, mirrored when the scale is negative', () => {
    const base = lognormalFromCi(0.02, 0.5);
    close(quantileOfSpec({ family: 'shifted', offset: 100, scale: 100, base }, 0.05), 102);
    close(quantileOfSpec({ family: 'shifted', offset: 100, scale: 100, base }, 0.95), 150);
    close(quantileOfSpec({ family: 'shifted', offset: 100, scale: -100, base }, 0.05), 50);
    close(quantileOfSpec({ family: 'shifted', offset: 100, scale: -100, base }, 0.95), 98);
    expect(quantileOfSpec({ family: 'shifted', offset: 3, scale: 0, base }, 0.5)).toBe(3);
  });

  it('refuses p outside [0, 1] and parameters that are not a distribution', () => {
    expect(() => quantileOfSpec({ family: 'pointMass', value: 1 }, -0.1)).toThrow('quantileOfSpec: p must be a number in [0, 1], got -0.1');
    expect(() => quantileOfSpec({ family: 'normal', mean: 0, sd: -1 }, 0.5)).toThrow('quantileOfSpec: normal needs sd >= 0, got -1');
    expect(() => quantileOfSpec({ family: 'uniform', low: 2, high: 1 }, 0.5)).toThrow(RangeError);
    expect(() => quantileOfSpec({ family: 'beta', alpha: 0, beta: 1 }, 0.5)).toThrow(RangeError);
    expect(() => quantileOfSpec({ family: 'triangular', low: 0, mode: 5, high: 1 }, 0.5)).toThrow(RangeError);
  });
});
