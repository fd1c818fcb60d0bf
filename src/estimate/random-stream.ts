/**
 * The seeded pseudo-random number generator of the engine.
 *
 * Generator: xoshiro128** 1.1 (Blackman and Vigna, "Scrambled linear
 * pseudorandom number generators", 2018; https://prng.di.unimi.it/), four
 * 32-bit words of state, period 2^128 - 1, 32-bit outputs. It is the 32-bit
 * sibling of xoshiro256**: JavaScript does 32-bit integer arithmetic natively
 * (`Math.imul`, `>>>`), 64-bit only through slow BigInts.
 *
 * Doubles: two outputs a, b give `((a >>> 5) * 2^26 + (b >>> 6) + 0.5) / 2^53`,
 * 53 random bits strictly inside (0, 1), so `Math.log(u)` is always finite.
 *
 * Streams: results must not depend on how work is split over threads, so
 * every (node, chunk) pair has its own stream, where a chunk is a fixed block
 * of CHUNK_SIZE sample indices. The stream's state is seeded by splitmix64
 * (Steele, Lea and Flood 2014), as Vigna recommends:
 *
 *   key   = splitmix64-mix(FNV-1a-64(UTF-8 bytes of String(seed)))
 *   z     = key XOR mix(((node + 1) << 32) | chunk)
 *   state = four 32-bit halves of the next two outputs of splitmix64 from z
 *
 * Different seeds, nodes or chunks give unrelated streams; the same triple
 * always gives the same stream. A model's nodes are numbered by the compiler; an
 * analysis's estimates take the node number from a stable id of what they
 * estimate, `streamOf('health/openai/cash/F12')` (docs/random-streams.md). BigInts are used for seeding only (a few
 * microseconds per stream), never per sample.
 */

import { wasmFillNormal } from './wasm-kernels.js';

/**
 * Sample indices per chunk; each (node, chunk) draws from its own stream.
 * Small enough that two threads share a 1e5-sample run evenly (13 chunks),
 * large enough that starting a stream per chunk costs little.
 */
export const CHUNK_SIZE = 8192;

const MASK64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** The splitmix64 finaliser: a bijective 64-bit mix. */
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** A 64-bit key from a seed: FNV-1a 64 over the UTF-8 bytes of String(seed), then mixed. */
export function seedKey(seed: string | number): bigint {
  const bytes = new TextEncoder().encode(String(seed));
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & MASK64;
  return mix64(h);
}

/**
 * A xoshiro128** stream. Not shared between nodes or chunks: create one with
 * {@link RandomStream.forChunk}.
 */
export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Second normal of the last polar pair, or NaN when none is waiting. */
  private spare = NaN;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** The stream of (node, chunk) under a seed key from {@link seedKey}. */
  static forChunk(key: bigint, node: number, chunk: number): RandomStream {
    const id = ((BigInt(node + 1) << 32n) | BigInt(chunk >>> 0)) & MASK64;
    let z = key ^ mix64(id);
    z = (z + GOLDEN) & MASK64;
    const a = mix64(z);
    z = (z + GOLDEN) & MASK64;
    const b = mix64(z);
    return new RandomStream(Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n));
  }

  /** Next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0, s1 = this.s1;
    let s2 = this.s2, s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = rotl(s3, 11);
    return r >>> 0;
  }

  /** A double strictly inside (0, 1) with 53 random bits. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b + 0.5) * 1.1102230246251565e-16;
  }

  /** A standard normal (Marsaglia's polar method; the pair's second value is kept for the next call). */
  nextNormal(): number {
    const spare = this.spare;
    if (spare === spare) {
      this.spare = NaN;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.nextDouble() - 1;
      v = 2 * this.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /**
   * Fills out[start..end) with doubles in (0, 1): the same values as calling
   * {@link nextDouble} end - start times, in a tight loop with the state in locals.
   */
  fillUniform(out: Float64Array, start: number, end: number): void {
    let s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    for (let i = start; i < end; i++) {
      let r = Math.imul(s1, 5);
      r = Math.imul((r << 7) | (r >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      const a = r >>> 5;
      r = Math.imul(s1, 5);
      r = Math.imul((r << 7) | (r >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = (a * 67108864 + (r >>> 6) + 0.5) * 1.1102230246251565e-16;
    }
    this.s0 = s0; this.s1 = s1; this.s2 = s2; this.s3 = s3;
  }

  /**
   * Fills out[start..end) with standard normals by the ziggurat method
   * (Marsaglia and Tsang 2000, in Doornik's 2005 form: 256 layers, the layer
   * index and sign from one 32-bit output, the abscissa from 52 further bits,
   * so layer and value do not share bits). About 99% of draws take the fast
   * path: two outputs, one multiply, one comparison, no branch on the sign.
   * The rest (the wedges and the tail) are finished after the fast loop, in
   * index order, from the outputs that follow: the loop then calls nothing
   * and keeps the state in registers. Every index still costs exactly two
   * outputs in the fast loop, so the result does not depend on how many
   * indices took the slow path before it. The loops are WebAssembly
   * (assembly/engine.ts fillNormal, see wasm-kernels.ts), in blocks of 4,096
   * indices from `start`.
   */
  fillNormal(out: Float64Array, start: number, end: number): void {
    const s = STATE;
    s[0] = this.s0; s[1] = this.s1; s[2] = this.s2; s[3] = this.s3;
    wasmFillNormal(s, out, start, end);
    this.s0 = s[0]!; this.s1 = s[1]!; this.s2 = s[2]!; this.s3 = s[3]!;
  }
}

/** The state handed to the WebAssembly ziggurat and back. */
const STATE = new Int32Array(4);

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
