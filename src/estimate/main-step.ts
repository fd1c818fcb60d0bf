import { applyBinary, applyUnary } from './elementwise.js';
import { EstimateError } from './estimate-error.js';
import { imanConover } from './iman-conover.js';
import type { NodeId, Plan } from './plan.js';
import type { NodeValues } from './parallel-step.js';
import { CHUNK_SIZE, RandomStream } from './random-stream.js';
import { SampleSet } from './sample-set.js';

/** What main-thread nodes need besides the plan and the values. */
export interface MainContext {
  readonly sampleCount: number;
  readonly key: bigint;
  /** Allocates a node's array (shared memory when workers will read it). */
  readonly alloc: (n: number) => Float64Array;
  /** SampleSet wrappers of arrays, made on demand so a sort is done once per node. */
  readonly sets: (SampleSet | undefined)[];
}

/** The SampleSet of an array node, created once. */
export function setOf(ctx: MainContext, values: NodeValues, id: NodeId): SampleSet {
  let s = ctx.sets[id];
  if (s === undefined) {
    const v = values[id];
    if (!(v instanceof Float64Array)) throw new Error(`internal: node ${id} is not a sample set`);
    s = new SampleSet(v);
    ctx.sets[id] = s;
  }
  return s;
}

/**
 * Evaluates a node on the main thread: scalars, and the whole-array nodes
 * (compare, reduce, truncate, correlate) that need every index of their
 * inputs. Truncate and correlate draw from the streams (seed, node, chunk)
 * like every other random node, so they too are independent of threads.
 */
export function evaluateMainNode(plan: Plan, id: NodeId, values: NodeValues, ctx: MainContext): void {
  const node = plan.nodes[id]!;
  const path = ['plan', `node ${id}`];
  const get = (j: NodeId): number | Float64Array => {
    const v = values[j];
    if (v === undefined) throw new Error(`internal: node ${j} read before it was computed`);
    return v;
  };
  const scalar = (j: NodeId, what: string): number => {
    const v = get(j);
    if (typeof v !== 'number') throw new EstimateError('expected_scalar', `node ${id} (${node.kind}): ${what} must be a number, got a sample set (node ${j})`, path);
    return v;
  };
  switch (node.kind) {
    case 'const':
      values[id] = node.value;
      return;
    case 'unary':
      values[id] = applyUnary(node.op, scalar(node.arg, 'the argument'));
      return;
    case 'binary':
      values[id] = applyBinary(node.op, scalar(node.left, 'the left operand'), scalar(node.right, 'the right operand'));
      return;
    case 'compare': {
      // a comparison with a sample set is counted in its parallel step (see plan-schedule.ts)
      const left = get(node.left), right = get(node.right);
      if (typeof left !== 'number' || typeof right !== 'number') throw new Error(`internal: node ${id} compares a sample set on the main thread`);
      values[id] = holds(node.op, left, right) ? 1 : 0;
      return;
    }
    case 'reduce': {
      const a = get(node.arg);
      const p = node.param === undefined ? NaN : scalar(node.param, node.op === 'quantile' ? 'the probability' : 'the point');
      if (node.op === 'quantile' && !(p >= 0 && p <= 1)) throw new EstimateError('quantile_p', `node ${id}: quantile needs p in [0, 1], got ${p}`, path);
      if (typeof a === 'number') {
        values[id] = node.op === 'sd' ? 0 : node.op === 'cdf' ? (a <= p ? 1 : 0) : a;
        return;
      }
      const s = setOf(ctx, values, node.arg);
      values[id] = node.op === 'mean' ? s.mean() : node.op === 'sd' ? s.sd() : node.op === 'quantile' ? s.quantile(p) : s.cdf(p);
      return;
    }
    case 'truncate': {
      const a = get(node.arg);
      const { low, high } = node;
      if (typeof a === 'number') {
        if (!(a >= low && a <= high)) throw new EstimateError('truncate_empty', `node ${id}: truncate to [${low}, ${high}] of the number ${a} leaves nothing`, path);
        values[id] = a;
        return;
      }
      values[id] = truncateArray(a, low, high, id, ctx, path);
      return;
    }
    case 'correlate': {
      const a = get(node.arg);
      const w = get(node.with);
      if (typeof a === 'number' || typeof w === 'number') {
        values[id] = a; // nothing to reorder (a number), or nothing to follow
        return;
      }
      const n = ctx.sampleCount;
      const noise = new Float64Array(n);
      for (let c = 0, s = 0; s < n; c++, s += CHUNK_SIZE) {
        RandomStream.forChunk(ctx.key, id, c).fillNormal(noise, s, Math.min(n, s + CHUNK_SIZE));
      }
      const out = ctx.alloc(n);
      out.set(imanConover(a, w, node.rho, noise));
      values[id] = out;
      return;
    }
    default:
      throw new Error(`internal: node ${id} (${node.kind}) is not a main-thread node`);
  }
}

function holds(op: 'lt' | 'le' | 'gt' | 'ge', a: number, b: number): boolean {
  return op === 'lt' ? a < b : op === 'le' ? a <= b : op === 'gt' ? a > b : a >= b;
}

/**
 * Keeps samples in [low, high]; each out-of-range index (NaN included) gets a
 * uniformly drawn in-range sample, so the result is the input conditioned on
 * the range, without re-running the model.
 */
function truncateArray(a: Float64Array, low: number, high: number, id: NodeId, ctx: MainContext, path: string[]): Float64Array {
  const n = a.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (a[i] >= low && a[i] <= high) m++;
  if (m === 0) {
    throw new EstimateError('truncate_empty', `node ${id}: truncate to [${low}, ${high}] keeps no sample (none of the ${n} samples lies in the range)`, path);
  }
  const pool = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) if (a[i] >= low && a[i] <= high) pool[j++] = a[i];
  const out = ctx.alloc(n);
  for (let c = 0, s = 0; s < n; c++, s += CHUNK_SIZE) {
    const e = Math.min(n, s + CHUNK_SIZE);
    let rng: RandomStream | undefined;
    for (let i = s; i < e; i++) {
      const x = a[i];
      if (x >= low && x <= high) out[i] = x;
      else {
        rng ??= RandomStream.forChunk(ctx.key, id, c);
        out[i] = pool[Math.floor(rng.nextDouble() * m)];
      }
    }
  }
  return out;
}
