import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, RandomStream, seedKey } from './random-stream.js';

describe('RandomStream', () => {
  it('gives the same sequence for the same (seed, node, chunk) and different ones otherwise', () => {
    const draw = (seed: string | number, node: number, chunk: number): number[] => {
      const s = RandomStream.forChunk(seedKey(seed), node, chunk);
      return Array.from({ length: 8 }, () => s.nextDouble());
    };
    expect(draw('a', 1, 2)).toEqual(draw('a', 1, 2));
    expect(draw('a', 1, 2)).not.toEqual(draw('b', 1, 2));
    expect(draw('a', 1, 2)).not.toEqual(draw('a', 2, 2));
    expect(draw('a', 1, 2)).not.toEqual(draw('a', 1, 3));
    expect(draw(42, 0, 0)).toEqual(draw('42', 0, 0));
  });

  it('fillUniform draws exactly what nextDouble draws, strictly inside (0, 1)', () => {
    const a = RandomStream.forChunk(seedKey(7), 3, 0);
    const b = RandomStream.forChunk(seedKey(7), 3, 0);
    const out = new Float64Array(1000);
    a.fillUniform(out, 0, 1000);
    for (let i = 0; i < 1000; i++) expect(out[i]).toBe(b.nextDouble());
    expect(a.nextUint32()).toBe(b.nextUint32());
    expect(Math.min(...out)).toBeGreaterThan(0);
    expect(Math.max(...out)).toBeLessThan(1);
  });

  it('matches the xoshiro128** reference output for state (1, 2, 3, 4)', () => {
    // First outputs of the reference C code (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4}.
    const s = new RandomStream(1, 2, 3, 4);
    expect([s.nextUint32(), s.nextUint32(), s.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('uniforms have mean 1/2 and variance 1/12 (within 4 standard errors, n = 1e6)', () => {
    const n = 1_000_000;
    const out = new Float64Array(n);
    RandomStream.forChunk(seedKey('u'), 0, 0).fillUniform(out, 0, n);
    let m = 0, v = 0;
    for (const x of out) m += x;
    m /= n;
    for (const x of out) v += (x - m) ** 2;
    v /= n - 1;
    expect(Math.abs(m - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // variance of (U - 1/2)^2 is 1/80 - 1/144
    expect(Math.abs(v - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('ziggurat normals have the moments and tails of N(0, 1) (n = 2e6, 4 standard errors)', () => {
    const n = 2_000_000;
    const z = new Float64Array(n);
    const rng = RandomStream.forChunk(seedKey('z'), 0, 0);
    for (let s = 0; s < n; s += CHUNK_SIZE) rng.fillNormal(z, s, Math.min(n, s + CHUNK_SIZE));
    let m = 0, m2 = 0, m4 = 0, beyond3 = 0, beyond37 = 0, below0 = 0;
    for (const x of z) {
      m += x; m2 += x * x; m4 += x ** 4;
      if (Math.abs(x) > 3) beyond3++;
      if (x > 3.7) beyond37++;
      if (x < 0) below0++;
    }
    const se = (p: number): number => 4 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(m / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    expect(Math.abs(beyond3 / n - 0.0026997960632601866)).toBeLessThan(se(0.0027));
    expect(Math.abs(beyond37 / n - 1.0779973347738824e-4)).toBeLessThan(se(1.08e-4));
    expect(Math.abs(below0 / n - 0.5)).toBeLessThan(se(0.5));
  });

  it('polar normals (nextNormal) have mean 0 and variance 1', () => {
    const n = 200_000;
    const rng = RandomStream.forChunk(seedKey('p'), 0, 0);
    let m = 0, m2 = 0;
    for (let i = 0; i < n; i++) { const x = rng.nextNormal(); m += x; m2 += x * x; }
    expect(Math.abs(m / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});
