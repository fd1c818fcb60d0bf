import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { fillFamily } from './sample-family.js';
import { RandomStream, seedKey } from './random-stream.js';
import { SampleSet } from './sample-set.js';
import { wasmExp } from './wasm-kernels.js';

const fastExp = (x: number): number => {
  const a = Float64Array.of(x);
  wasmExp(a, a, 0, 1);
  return a[0]!;
};

describe('e^x of the WebAssembly kernels (Tang\'s table method)', () => {
  it('is within 3 ulp of Math.exp over the whole finite range', () => {
    let worst = 0;
    let s = 12345;
    const xs = new Float64Array(200_000);
    for (let i = 0; i < xs.length; i++) {
      s = (s * 48271) % 2147483647;
      xs[i] = -708 + (1417 * s) / 2147483647;
    }
    const got = new Float64Array(xs.length);
    wasmExp(got, xs, 0, xs.length);
    for (let i = 0; i < xs.length; i++) {
      const want = Math.exp(xs[i]!);
      const rel = Math.abs(got[i]! - want) / want;
      if (rel > worst) worst = rel;
    }
    expect(worst).toBeLessThan(7e-16);
  });
  it('is exact where it matters and defers to Math.exp at the edges', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(1)).toBeCloseTo(Math.E, 15);
    expect(fastExp(-1e-300)).toBe(1);
    expect(fastExp(710)).toBe(Infinity);
    expect(fastExp(-800)).toBe(0);
    expect(fastExp(-745)).toBe(Math.exp(-745));
    expect(Number.isNaN(fastExp(NaN))).toBe(true);
    expect(fastExp(-Infinity)).toBe(0);
  });
  it('matches Math.exp on small arguments, where lognormal draws live', () => {
    for (const x of [1e-10, -1e-10, 0.5, -0.5, 2.302585092994046, 16.296932873094228, 21.7, -3.3]) {
      expect(Math.abs(fastExp(x) / Math.exp(x) - 1)).toBeLessThan(7e-16);
    }
  });
  it('writes only [start, end) and reads the operand at the same index', () => {
    const a = Float64Array.of(0, 1, 2, 3);
    const out = new Float64Array(4).fill(-1);
    wasmExp(out, a, 1, 3);
    expect([...out]).toEqual([-1, fastExp(1), fastExp(2), -1]);
  });
});

/**
 * Digests and summaries of the JavaScript engine before its loops moved to
 * WebAssembly (computed with it at commit ccc2728): the same seed must give
 * the same bits, or every saved result and golden would change.
 */
describe('the same bits as the JavaScript kernels they replaced', () => {
  const key = seedKey('golden');
  it('normal draws: 13 chunks, one of them short, starting off a block boundary', () => {
    const h = createHash('sha256');
    for (let c = 0; c < 13; c++) {
      const out = new Float64Array(9000);
      RandomStream.forChunk(key, 3, c).fillNormal(out, 100, 100 + 8192 - (c === 12 ? 3000 : 0));
      h.update(new Uint8Array(out.buffer));
    }
    expect(h.digest('hex')).toBe('8b0da137a0133a676429ed56dfa97fb545a2b30bb18a1e0dc2380bf9efc2302a');
  });
  it('`a to b` and lognormal draws, a range wide enough to reach the tails', () => {
    const h = createHash('sha256');
    for (const [family, args] of [['to', [11e6, 13e6]], ['lognormal', [2, 0.5]], ['to', [0.001, 1e9]]] as const) {
      const out = new Float64Array(8192);
      fillFamily(family, args, out, 0, 8192, RandomStream.forChunk(key, 5, 1));
      h.update(new Uint8Array(out.buffer));
    }
    expect(h.digest('hex')).toBe('2523e930d756bb0cccdb8497bc89f47acc1aa8e5f3f7a8871339668ce71ca80a');
  });
  const draws = (node: number): Float64Array => {
    const x = new Float64Array(100_000);
    for (let c = 0; c * 8192 < x.length; c++) fillFamily('to', [1, 1000], x, c * 8192, Math.min(x.length, (c + 1) * 8192), RandomStream.forChunk(key, node, c));
    return x;
  };
  it('a summary: mean, sd, quantiles by bucket selection, extremes and the histogram', () => {
    const s = new SampleSet(draws(8));
    expect(s.summary()).toEqual({
      mean: 295.9796789519952, sd: 2737.7536705577345, p1: 0.24615038097372782, p5: 1.005383296415147,
      p25: 7.681763204982897, p50: 31.773929639910094, p75: 130.9844136572362, p95: 1010.0154623140373,
      p99: 4259.055398841268, min: 0.001789173723322004, max: 426892.6895677389, nanCount: 0,
    });
    const h = s.summaryHistogram(20);
    expect(h.counts).toEqual([80826, 7352, 3205, 1748, 1101, 815, 565, 451, 381, 277, 222, 189, 151, 146, 110, 118, 108, 85, 87, 63]);
    expect([h.below, h.above]).toEqual([1000, 1000]);
    expect(s.quantilesBySelection([0.001, 0.3, 0.999])).toEqual([0.050960351748850975, 10.57266258191793, 22523.174380718403]);
  });
  it('a summary with a NaN and an infinity among the samples', () => {
    const x = draws(7);
    x[17] = NaN;
    x[99] = Infinity;
    const s = new SampleSet(x);
    const { mean, sd, max, ...rest } = s.summary();
    expect([mean, sd, max]).toEqual([NaN, NaN, Infinity]);
    expect(rest).toEqual({
      p1: 0.24499946711288548, p5: 1.024358481429215, p25: 7.769396824196486, p50: 31.776043346449413,
      p75: 130.50569908210417, p95: 988.9641158636624, p99: 4339.773197964593, min: 0.0016175146551740622, nanCount: 1,
    });
    const h = s.summaryHistogram(20);
    expect(h.counts).toEqual([80923, 7445, 3188, 1794, 1084, 764, 558, 447, 321, 265, 237, 172, 134, 126, 117, 100, 90, 86, 70, 78]);
    expect([h.below, h.above]).toEqual([1000, 1000]);
  });
});
