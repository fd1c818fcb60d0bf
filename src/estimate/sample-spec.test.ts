import { describe, expect, it } from 'vitest';
import { EstimateError } from './estimate-error.js';
import { runPlanSync } from './run-plan.js';
import { SampleSet } from './sample-set.js';
import { sampleSpec } from './sample-spec.js';

const N = 200_000;
const env = { sampleCount: N, seed: 'spec' };

describe('sampleSpec', () => {
  it('draws a shifted lognormal: offset + scale * base', () => {
    const s = sampleSpec({ family: 'shifted', offset: 2.3e9, scale: 1e8, base: { family: 'lognormal', mu: 0, sigma: 0.5 } }, env);
    expect(s.min()).toBeGreaterThan(2.3e9);
    const m = 2.3e9 + 1e8 * Math.exp(0.125);
    const sd = 1e8 * Math.sqrt((Math.exp(0.25) - 1) * Math.exp(0.25));
    expect(Math.abs(s.mean() - m)).toBeLessThan((4 * sd) / Math.sqrt(N));
  });

  it('draws pert with a custom lambda, and each family of DistSpec', () => {
    const p = sampleSpec({ family: 'pert', low: 0, mode: 2, high: 10, lambda: 2 }, env);
    // mean of PERT with weight lambda: (low + lambda mode + high) / (lambda + 2)
    expect(Math.abs(p.mean() - 14 / 4)).toBeLessThan((4 * p.sd()) / Math.sqrt(N));
    expect(sampleSpec({ family: 'pointMass', value: 7 }, { sampleCount: 5, seed: 1 }).samples.every((v) => v === 7)).toBe(true);
    for (const spec of [
      { family: 'uniform', low: 1, high: 2 }, { family: 'normal', mean: 0, sd: 1 }, { family: 'beta', alpha: 2, beta: 2 },
      { family: 'triangular', low: 0, mode: 1, high: 2 },
    ] as const) {
      expect(sampleSpec(spec, { sampleCount: 100, seed: 1 })).toBeInstanceOf(SampleSet);
    }
  });

  it('equals a spec node of a plan with the same id', () => {
    const spec = { family: 'normal', mean: 5, sd: 2 } as const;
    const r = runPlanSync({ nodes: [{ kind: 'const', value: 0 }, { kind: 'spec', spec }], outputs: [{ name: 'x', node: 1 }] }, { sampleCount: 1000, seed: 'same' });
    expect((r.values[1] as SampleSet).samples).toEqual(sampleSpec(spec, { sampleCount: 1000, seed: 'same' }, 1).samples);
  });

  it('rejects parameters out of the domain', () => {
    expect(() => sampleSpec({ family: 'normal', mean: 0, sd: -1 }, env)).toThrow(EstimateError);
    expect(() => sampleSpec({ family: 'shifted', offset: 0, scale: 1, base: { family: 'beta', alpha: 0, beta: 1 } }, env)).toThrow(/alpha > 0/);
    expect(() => sampleSpec({ family: 'pert', low: 0, mode: 1, high: 2, lambda: 0 }, env)).toThrow(/lambda > 0/);
  });
});
