import { describe, expect, it } from 'vitest';
import { EstimateError } from './estimate-error.js';
import { RandomStream, seedKey } from './random-stream.js';
import { SampleSet } from './sample-set.js';
import { sensitivity } from './sensitivity.js';

describe('sensitivity', () => {
  const n = 50_000;
  const draw = (node: number): Float64Array => {
    const x = new Float64Array(n);
    RandomStream.forChunk(seedKey('sens'), node, 0).fillNormal(x, 0, n);
    return x;
  };
  const big = draw(1), small = draw(2), none = draw(3);
  // y = 10 big - 2 small: big drives y up, small drives it down a little, none not at all
  const y = new SampleSet(big.map((b, i) => 10 * b - 2 * small[i]!));

  it('ranks inputs by |swing| with the sign of their effect', () => {
    const s = sensitivity(y, [{ name: 'none', samples: none }, { name: 'small', samples: small }, { name: 'big', samples: new SampleSet(big) }], { tail: 0.1 });
    expect(s.map((e) => e.name)).toEqual(['big', 'small', 'none']);
    expect(s[0]!.spearman).toBeGreaterThan(0.9);
    expect(s[1]!.spearman).toBeLessThan(0);
    expect(s[1]!.swing).toBeLessThan(0);
    // E[Z | Z in top 10%] = phi(z90) / 0.1 = 1.7549833193248685; the swing of y with big is 10 * 2 * that
    expect(Math.abs(s[0]!.swing - 20 * 1.7549833193248685)).toBeLessThan(0.5);
    expect(Math.abs(s[2]!.swing)).toBeLessThan(0.5);
    expect(s[0]!.high - s[0]!.low).toBe(s[0]!.swing);
  });

  it('medians instead of means, and a constant input has no swing', () => {
    const s = sensitivity(y, [{ name: 'big', samples: big }, { name: 'flat', samples: new Float64Array(n).fill(1) }], { statistic: 'median', tail: 0.05 });
    expect(s[0]!.name).toBe('big');
    expect(s[1]!.swing).toBe(0);
    expect(Number.isNaN(s[1]!.spearman)).toBe(true);
  });

  it('compares, by default, the output below the input\'s p5 with the output above its p95', () => {
    const s = sensitivity(y, [{ name: 'big', samples: new SampleSet(big) }]);
    // E[Z | Z in top 5%] = phi(z95) / 0.05 = 2.0627128075074257; the swing is 10 * 2 * that
    expect(Math.abs(s[0]!.swing - 20 * 2.0627128075074257)).toBeLessThan(0.6);
  });

  it('rejects inputs from another run and a bad tail', () => {
    expect(() => sensitivity(y, [{ name: 'x', samples: new Float64Array(10) }])).toThrow(EstimateError);
    expect(() => sensitivity(y, [], { tail: 0.6 })).toThrow(/tail share in \(0, 0.5\]/);
  });
});
