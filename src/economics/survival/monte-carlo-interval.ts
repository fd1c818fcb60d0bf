import { Z95 } from '../../core/index.js';

/**
 * The 90% interval of a share `p` counted over `n` independent simulated
 * paths, for its Monte Carlo error: p ± 1.645 × sqrt(p(1 − p)/n), clipped to
 * [0, 1] (the normal approximation to the binomial; a bootstrap over the
 * paths estimates this same spread). Used for P(out within m months) and for
 * the band of each survival curve, so the two always agree:
 * 1 − the band at month 24 is the interval of P(out within 24 months).
 *
 * @example
 * monteCarloInterval(0.5, 10_000); // { se: 0.005, low: 0.49178..., high: 0.50822... }
 */
export function monteCarloInterval(p: number, n: number): { se: number; low: number; high: number } {
  if (!(p >= 0 && p <= 1) || !(Number.isInteger(n) && n >= 1)) throw new RangeError(`monteCarloInterval: expected a share in [0, 1] and a whole number of paths >= 1, got ${p} and ${n}`);
  const se = Math.sqrt((p * (1 - p)) / n);
  return { se, low: Math.max(0, p - Z95 * se), high: Math.min(1, p + Z95 * se) };
}
