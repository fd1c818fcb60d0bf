import { Z95 } from './constants.js';
import type { DistSpec } from './distribution-spec.js';

/**
 * The lognormal whose 5th percentile is `p5` and 95th percentile is `p95`:
 * Squiggle's `p5 to p95`. Its median is the geometric mean √(p5 · p95).
 *
 * mu = (ln p5 + ln p95) / 2, sigma = (ln p95 - ln p5) / (2 · 1.6448536269514722).
 *
 * @param p5 the 5th percentile, > 0
 * @param p95 the 95th percentile, >= p5
 * @returns a `lognormal` DistSpec
 * @throws {RangeError} "lognormalFromCi: expected 0 < p5 <= p95, got p5 = 0 and p95 = 10"
 * @example
 * lognormalFromCi(11e6, 13e6);
 * // => { family: 'lognormal', mu: 16.296932873094228, sigma: 0.05078083603486878 }
 */
export function lognormalFromCi(p5: number, p95: number): Extract<DistSpec, { family: 'lognormal' }> {
  if (!(p5 > 0 && p95 >= p5 && Number.isFinite(p95))) {
    throw new RangeError(`lognormalFromCi: expected 0 < p5 <= p95, got p5 = ${p5} and p95 = ${p95}`);
  }
  const logLow = Math.log(p5);
  const logHigh = Math.log(p95);
  return { family: 'lognormal', mu: (logLow + logHigh) / 2, sigma: (logHigh - logLow) / (2 * Z95) };
}
