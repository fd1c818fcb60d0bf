import { describe, expect, it } from 'vitest';
import { spearman } from './correlation.js';
import { EstimateError } from './estimate-error.js';
import { imanConover } from './iman-conover.js';
import { RandomStream, seedKey } from './random-stream.js';
import { fillFamily } from './sample-family.js';

const N = 100_000;

function draws(node: number, fill: (out: Float64Array, rng: RandomStream) => void): Float64Array {
  const out = new Float64Array(N);
  fill(out, RandomStream.forChunk(seedKey('ic'), node, 0));
  return out;
}

describe('imanConover', () => {
  const x = draws(1, (o, r) => fillFamily('to', [1e6, 5e6], o, 0, N, r));
  const y = draws(2, (o, r) => fillFamily('beta', [2, 3], o, 0, N, r));
  const noise = draws(3, (o, r) => r.fillNormal(o, 0, N));
  const sortedX = x.slice().sort();

  for (const rho of [-0.8, -0.5, -0.2, 0, 0.3, 0.6, 0.8]) {
    it(`induces Spearman ${rho} within 0.02 at 1e5 samples and keeps the marginal`, () => {
      const out = imanConover(x, y, rho, noise);
      expect(Math.abs(spearman(out, y) - rho)).toBeLessThan(0.02);
      const s = out.slice().sort();
      expect(Buffer.from(s.buffer).equals(Buffer.from(sortedX.buffer))).toBe(true);
    });
  }

  it('rho = 1 gives the comonotone arrangement', () => {
    expect(spearman(imanConover(x, y, 1, noise), y)).toBeCloseTo(1, 10);
  });

  it('returns x unchanged when y is constant, and rejects |rho| > 1', () => {
    expect(imanConover(x, new Float64Array(N).fill(3), 0.5, noise)).toEqual(x);
    expect(() => imanConover(x, y, 1.5, noise)).toThrow(EstimateError);
  });
});
