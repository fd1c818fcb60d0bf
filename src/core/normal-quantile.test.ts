import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';

// Reference values: R's qnorm / mpmath, to 16 digits.
const REFERENCE: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0],
  [0.95, 1.6448536269514722],
  [0.05, -1.6448536269514722],
  [0.975, 1.959963984540054],
  [0.841344746068543, 1.0000000000000002],
  [0.3, -0.5244005127080407],
  [0.001, -3.090232306167813],
  [0.999, 3.090232306167813],
  [1e-10, -6.361340902404056],
  [0.9999999, 5.199337582290662],
  [1e-300, -37.0470962993612],
];

describe('normalQuantile', () => {
  it.each(REFERENCE)('Φ⁻¹(%d) = %d', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(z)) * 2);
  });

  it('is odd around 0.5 and increasing', () => {
    let previous = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      const z = normalQuantile(p);
      expect(z).toBeGreaterThan(previous);
      expect(z + normalQuantile(1 - p)).toBeCloseTo(0, 12);
      previous = z;
    }
  });

  it('gives ±Infinity at 0 and 1, and refuses anything outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow('normalQuantile: p must be a number in [0, 1], got 1.5');
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
