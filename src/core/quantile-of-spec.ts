import type { DistSpec } from './distribution-spec.js';
import { normalQuantile } from './normal-quantile.js';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/**
 * The p-th quantile of a distribution described as data: the x with
 * P(X <= x) = p. Exact, with no sampling.
 *
 * Closed forms for `pointMass`, `uniform`, `normal` (via {@link normalQuantile}),
 * `lognormal`, `triangular` and `shifted` (offset + scale · base; a negative
 * scale mirrors the base, so its p-th quantile uses the base's (1 - p)-th).
 * `beta` and `pert` invert the regularized incomplete beta function by
 * bisection to about 1e-15.
 *
 * @param spec the distribution
 * @param p a probability in [0, 1]; p = 0 and p = 1 give the support's ends (maybe ±Infinity)
 * @returns the quantile
 * @throws {RangeError} "quantileOfSpec: p must be a number in [0, 1], got -0.1", or when
 *   the parameters are not a distribution ("quantileOfSpec: normal needs sd >= 0, got -1")
 * @example
 * quantileOfSpec({ family: 'uniform', low: 0, high: 10 }, 0.25); // => 2.5
 * quantileOfSpec({ family: 'normal', mean: 0, sd: 1 }, 0.95); // => 1.6448536269514715
 * // "over 100": 100 + 100 · (a lognormal excess with p5 0.02 and p95 0.5)
 * quantileOfSpec({ family: 'shifted', offset: 100, scale: 100, base: lognormalFromCi(0.02, 0.5) }, 0.95); // => 150
 */
export function quantileOfSpec(spec: DistSpec, p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`quantileOfSpec: p must be a number in [0, 1], got ${p}`);
  }
  switch (spec.family) {
    case 'pointMass':
      return spec.value;
    case 'uniform':
      check(spec.low <= spec.high, `uniform needs low <= high, got low = ${spec.low} and high = ${spec.high}`);
      return spec.low + p * (spec.high - spec.low);
    case 'normal':
      check(spec.sd >= 0, `normal needs sd >= 0, got ${spec.sd}`);
      return spec.sd === 0 ? spec.mean : spec.mean + spec.sd * normalQuantile(p);
    case 'lognormal':
      check(spec.sigma >= 0, `lognormal needs sigma >= 0, got ${spec.sigma}`);
      return spec.sigma === 0 ? Math.exp(spec.mu) : Math.exp(spec.mu + spec.sigma * normalQuantile(p));
    case 'triangular': {
      const { low, mode, high } = spec;
      check(low <= mode && mode <= high, `triangular needs low <= mode <= high, got ${low}, ${mode}, ${high}`);
      const width = high - low;
      if (width === 0) return low;
      if (p <= (mode - low) / width) return low + Math.sqrt(p * width * (mode - low));
      return high - Math.sqrt((1 - p) * width * (high - mode));
    }
    case 'beta':
      check(spec.alpha > 0 && spec.beta > 0, `beta needs alpha, beta > 0, got ${spec.alpha} and ${spec.beta}`);
      return betaQuantile(p, spec.alpha, spec.beta);
    case 'pert': {
      const { low, mode, high } = spec;
      const lambda = spec.lambda ?? 4;
      check(low <= mode && mode <= high, `pert needs low <= mode <= high, got ${low}, ${mode}, ${high}`);
      check(lambda >= 0, `pert needs lambda >= 0, got ${lambda}`);
      const width = high - low;
      if (width === 0) return low;
      const alpha = 1 + (lambda * (mode - low)) / width;
      const beta = 1 + (lambda * (high - mode)) / width;
      return low + width * betaQuantile(p, alpha, beta);
    }
    case 'shifted': {
      if (spec.scale === 0) return Math.max(spec.offset, spec.floor ?? -Infinity);
      const q = quantileOfSpec(spec.base, spec.scale > 0 ? p : 1 - p);
      return Math.max(spec.offset + spec.scale * q, spec.floor ?? -Infinity);
    }
  }
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`quantileOfSpec: ${message}`);
}

/** Inverts I_x(alpha, beta) = p by bisection on [0, 1]. */
function betaQuantile(p: number, alpha: number, beta: number): number {
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedIncompleteBeta(mid, alpha, beta) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
