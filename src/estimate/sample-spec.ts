import type { DistSpec } from '../core/index.js';
import type { Env } from './env.js';
import { checkEnv } from './env.js';
import { EstimateError } from './estimate-error.js';
import { CHUNK_SIZE, RandomStream, seedKey } from './random-stream.js';
import { checkFamilyArgs, fillFamily, fillPert } from './sample-family.js';
import { SampleSet } from './sample-set.js';

/**
 * Throws an EstimateError unless every parameter of the spec (and of a
 * shifted spec's base) is in its family's domain.
 */
export function checkSpec(spec: DistSpec, path: readonly (string | number)[] = []): void {
  switch (spec.family) {
    case 'pointMass':
      return checkFamilyArgs('pointMass', [spec.value], path);
    case 'uniform':
      return checkFamilyArgs('uniform', [spec.low, spec.high], path);
    case 'normal':
      return checkFamilyArgs('normal', [spec.mean, spec.sd], path);
    case 'lognormal':
      return checkFamilyArgs('lognormal', [spec.mu, spec.sigma], path);
    case 'beta':
      return checkFamilyArgs('beta', [spec.alpha, spec.beta], path);
    case 'triangular':
      return checkFamilyArgs('triangular', [spec.low, spec.mode, spec.high], path);
    case 'pert': {
      checkFamilyArgs('pert', [spec.low, spec.mode, spec.high], path);
      const lambda = spec.lambda ?? 4;
      if (!(lambda > 0 && lambda < Infinity)) throw new EstimateError('family_domain', `pert: needs lambda > 0, got ${lambda}`, path);
      return;
    }
    case 'shifted':
      if (!Number.isFinite(spec.offset) || !Number.isFinite(spec.scale)) {
        throw new EstimateError('family_domain', `shifted: needs a finite offset and scale, got ${spec.offset}, ${spec.scale}`, path);
      }
      return checkSpec(spec.base, path);
  }
}

/** Fills out[start..end) with draws from a (checked) spec. */
export function fillSpec(spec: DistSpec, out: Float64Array, start: number, end: number, rng: RandomStream): void {
  switch (spec.family) {
    case 'pointMass':
      return fillFamily('pointMass', [spec.value], out, start, end, rng);
    case 'uniform':
      return fillFamily('uniform', [spec.low, spec.high], out, start, end, rng);
    case 'normal':
      return fillFamily('normal', [spec.mean, spec.sd], out, start, end, rng);
    case 'lognormal':
      return fillFamily('lognormal', [spec.mu, spec.sigma], out, start, end, rng);
    case 'beta':
      return fillFamily('beta', [spec.alpha, spec.beta], out, start, end, rng);
    case 'triangular':
      return fillFamily('triangular', [spec.low, spec.mode, spec.high], out, start, end, rng);
    case 'pert':
      return fillPert(out, start, end, spec.low, spec.mode, spec.high, spec.lambda ?? 4, rng);
    case 'shifted': {
      fillSpec(spec.base, out, start, end, rng);
      const { offset, scale } = spec;
      const floor = spec.floor ?? -Infinity;
      for (let i = start; i < end; i++) {
        const v = offset + scale * out[i];
        out[i] = v < floor ? floor : v;
      }
      return;
    }
  }
}

/**
 * A figure's distribution in one call: draws `env.sampleCount` samples from
 * core's DistSpec (including `shifted`, offset + scale * base).
 *
 * `stream` tells apart several specs drawn under one seed (default 0): the
 * same (seed, stream, sampleCount) always gives the same samples, and a spec
 * node of a Plan with id k draws exactly what `sampleSpec(spec, env, k)` does.
 *
 * @example
 * sampleSpec({ family: 'shifted', offset: 2.3e9, scale: 1, base: { family: 'lognormal', mu: 18, sigma: 1 } }, { sampleCount: 10_000, seed: 1 });
 */
export function sampleSpec(spec: DistSpec, env: Env, stream = 0): SampleSet {
  checkEnv(env);
  checkSpec(spec, ['spec']);
  const n = env.sampleCount;
  const out = new Float64Array(n);
  const key = seedKey(env.seed);
  for (let c = 0, start = 0; start < n; c++, start += CHUNK_SIZE) {
    fillSpec(spec, out, start, Math.min(n, start + CHUNK_SIZE), RandomStream.forChunk(key, stream, c));
  }
  return new SampleSet(out);
}
