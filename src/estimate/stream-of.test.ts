import { describe, expect, it } from 'vitest';
import { pearson } from './correlation.js';
import { sampleSpec } from './sample-spec.js';
import { streamOf } from './stream-of.js';

const uniform = { family: 'uniform', low: 0, high: 1 } as const;
const env = { sampleCount: 100_000, seed: 'shakeout' };

describe('streamOf', () => {
  it('gives the same draws for the same id and seed, on any call', () => {
    const a = sampleSpec(uniform, env, streamOf('health/openai/cash/F12')).samples;
    const b = sampleSpec(uniform, { ...env }, streamOf('health/openai/cash/F12')).samples;
    expect(Array.from(b)).toEqual(Array.from(a));
    // a fixed number: the id, not the order of calls, names the stream
    expect(streamOf('health/openai/cash/F12')).toBe(streamOf('health/openai/cash/F12'));
    expect(Number.isInteger(streamOf('x')) && streamOf('x') >= 0 && streamOf('x') < 2 ** 32 - 1).toBe(true);
  });

  it('gives independent draws for different ids: correlation within 5 standard errors of 0 over 1e5 draws', () => {
    // the standard error of a correlation of independent draws is 1 / sqrt(n) ≈ 0.0032
    const ids = ['health/openai/cash/F12', 'health/anthropic/cash/F12', 'health/openai/cash/F13', 'funding/F1', 'funding/F2', 'unit-economics/price'];
    const draws = ids.map((id) => sampleSpec(uniform, env, streamOf(id)).samples);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) expect(Math.abs(pearson(draws[i]!, draws[j]!)), `${ids[i]} ~ ${ids[j]}`).toBeLessThan(5 / Math.sqrt(env.sampleCount));
    }
    expect(new Set(ids.map(streamOf)).size).toBe(ids.length);
  });

  it('draws differently under another seed', () => {
    const a = sampleSpec(uniform, { sampleCount: 100, seed: 1 }, streamOf('funding/F1')).samples;
    const b = sampleSpec(uniform, { sampleCount: 100, seed: 2 }, streamOf('funding/F1')).samples;
    expect(Array.from(b)).not.toEqual(Array.from(a));
  });

  it('refuses an empty id', () => {
    expect(() => streamOf('')).toThrow('a random stream needs a non-empty id such as "health/openai/cash", got ""');
  });
});
