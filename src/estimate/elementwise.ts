import type { BinaryOp, CompareOp, UnaryOp } from './plan.js';
import type { RandomStream } from './random-stream.js';
import { wasmBinary, wasmUnary } from './wasm-kernels.js';

/**
 * Index-by-index kernels over out[start..end). An operand is a number (the
 * same at every index) or a Float64Array read at the output's index, so a
 * node used twice is the same draw (`a - a` is exactly 0).
 *
 * Unary and binary ops over arrays run as WebAssembly (wasm-kernels.ts:
 * compiled before the first sample, where JavaScript loops ran interpreted
 * until V8 had optimised them). Semantics are JavaScript's: x / 0 is +-Infinity, 0 / 0 and
 * log of a negative are NaN (as in Squiggle); summaries count NaNs.
 */
export type Operand = number | Float64Array;

/** A unary op on a number. */
export function applyUnary(op: UnaryOp, x: number): number {
  switch (op) {
    case 'neg': return -x;
    case 'exp': return Math.exp(x);
    case 'log': return Math.log(x);
    case 'log10': return Math.log10(x);
    case 'sqrt': return Math.sqrt(x);
    case 'abs': return Math.abs(x);
  }
}

/** A binary op on numbers. */
export function applyBinary(op: BinaryOp, x: number, y: number): number {
  switch (op) {
    case 'add': return x + y;
    case 'sub': return x - y;
    case 'mul': return x * y;
    case 'div': return x / y;
    case 'pow': return power(x, y);
    case 'min': return Math.min(x, y);
    case 'max': return Math.max(x, y);
  }
}

/**
 * x^y. For an integer exponent with |y| <= 64 (growth ^ 12, x ^ 2) by
 * repeated squaring, about ten times faster than Math.pow and within a few
 * ulps of it; otherwise Math.pow. Sample-set exponents always use Math.pow.
 */
export function power(x: number, y: number): number {
  if (Number.isInteger(y) && y >= -64 && y <= 64) return powInt(x, y);
  return Math.pow(x, y);
}

function powInt(x: number, y: number): number {
  let e = y < 0 ? -y : y;
  let r = 1;
  while (e > 0) {
    if (e & 1) r *= x;
    x *= x;
    e >>= 1;
  }
  return y < 0 ? 1 / r : r;
}

/** out[i] = op(a[i]) for i in [start, end): WebAssembly (wasm-kernels.ts), exp within 3 ulp of Math.exp. */
export function unaryRange(op: UnaryOp, out: Float64Array, a: Float64Array, start: number, end: number): void {
  wasmUnary(op, out, a, start, end);
}

/**
 * out[i] = op(a[i], b[i]) for i in [start, end), either operand possibly a
 * number: WebAssembly (wasm-kernels.ts), with the semantics of
 * {@link applyBinary} (a number ^ an integer |y| <= 64 by powInt's repeated
 * squaring, assembly/engine.ts having the same loop).
 */
export function binaryRange(op: BinaryOp, out: Float64Array, a: Operand, b: Operand, start: number, end: number): void {
  if (typeof a === 'number' && typeof b === 'number') out.fill(applyBinary(op, a, b), start, end);
  else wasmBinary(op, out, a, b, start, end);
}

/**
 * What a counting node counts over [start, end): `op` of a comparison (the
 * indices where left op right holds; NaN never holds), or 'cdf' (the indices
 * where left <= right, and the non-NaN values of left). Writes the two
 * counts to counts[at] and counts[at + 1] (0 for the second of a comparison).
 * Branch-free: `+(a < b)` adds 0 or 1, so a predicate that holds at random
 * costs no mispredicted branches.
 */
export function countRange(op: CompareOp | 'cdf', left: Operand, right: Operand, start: number, end: number, counts: Float64Array, at: number): void {
  if (typeof left === 'number') {
    if (typeof right === 'number') throw new Error('internal: a counting node needs a sample-set operand');
    // a op b <=> b flip(op) a: keep the array on the left
    const flip = op === 'lt' ? 'gt' : op === 'le' ? 'ge' : op === 'gt' ? 'lt' : op === 'ge' ? 'le' : null;
    if (flip === null) throw new Error('internal: cdf of a number is not counted');
    countRange(flip, right, left, start, end, counts, at);
    return;
  }
  let k = 0, m = 0;
  if (typeof right === 'number') {
    const b = right;
    switch (op) {
      case 'lt': for (let i = start; i < end; i++) k += +(left[i]! < b); break;
      case 'le': for (let i = start; i < end; i++) k += +(left[i]! <= b); break;
      case 'gt': for (let i = start; i < end; i++) k += +(left[i]! > b); break;
      case 'ge': for (let i = start; i < end; i++) k += +(left[i]! >= b); break;
      case 'cdf':
        for (let i = start; i < end; i++) {
          const v = left[i]!;
          k += +(v <= b);
          m += +(v === v);
        }
        break;
    }
  } else {
    switch (op) {
      case 'lt': for (let i = start; i < end; i++) k += +(left[i]! < right[i]!); break;
      case 'le': for (let i = start; i < end; i++) k += +(left[i]! <= right[i]!); break;
      case 'gt': for (let i = start; i < end; i++) k += +(left[i]! > right[i]!); break;
      case 'ge': for (let i = start; i < end; i++) k += +(left[i]! >= right[i]!); break;
      case 'cdf': throw new Error('internal: cdf at a sample set is not counted');
    }
  }
  counts[at] = k;
  counts[at + 1] = m;
}

/**
 * Mixture: at each index pick component k with probability cumulative[k] -
 * cumulative[k - 1] (cumulative ends at 1) and copy that component's value at
 * the index. One uniform per index from rng.
 */
export function mixtureRange(out: Float64Array, components: readonly Operand[], cumulative: Float64Array, start: number, end: number, rng: RandomStream): void {
  rng.fillUniform(out, start, end);
  const k = components.length;
  const arrays: (Float64Array | null)[] = components.map((c) => (typeof c === 'number' ? null : c));
  const scalars: number[] = components.map((c) => (typeof c === 'number' ? c : 0));
  for (let i = start; i < end; i++) {
    const u = out[i];
    let j = 0;
    while (j < k - 1 && u >= cumulative[j]) j++;
    const arr = arrays[j];
    out[i] = arr === null ? scalars[j] : arr[i];
  }
}
