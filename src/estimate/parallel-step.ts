import { binaryRange, countRange, mixtureRange, unaryRange, type Operand } from './elementwise.js';
import type { CompareOp, NodeId, Plan } from './plan.js';
import { CHUNK_SIZE, RandomStream } from './random-stream.js';
import { fillFamily } from './sample-family.js';
import { fillSpec } from './sample-spec.js';
import { claimUnit } from './work-board.js';

/** The value of each node computed so far: a number, a sample array, or undefined. */
export type NodeValues = (number | Float64Array | undefined)[];

/** How {@link runParallelStep} shares and writes its chunks. */
export interface StepOptions {
  /**
   * Shares the work between threads (see work-board.ts): threads claim
   * chunks until none is left, so a thread that starts late (a worker still
   * loading) or runs slowly (a busy core) simply does fewer chunks; a done
   * chunk's flag is set to 1 and notified. Without a board, every chunk in
   * [from, to) runs here.
   */
  readonly board?: { readonly flags: Int32Array; readonly times: Float64Array };
  readonly from?: number;
  readonly to?: number;
  /** Nodes computed chunk by chunk in scratch and not kept (PlanSchedule.transient). */
  readonly transient?: readonly NodeId[];
  /**
   * Computes every node of a chunk in this thread's scratch and copies the
   * kept ones out only once the chunk is finished, so the shared arrays only
   * ever receive final values. Needed where another thread may compute the
   * same chunk at the same time (a straggler's chunk redone, see
   * run-plan.ts): a kernel that works in place (a normal draw, then its
   * exponential) would otherwise show the other thread half-done values.
   */
  readonly privateWrites?: boolean;
  readonly onChunk?: () => void;
  /**
   * With a board: claim at most this many chunks, then return (the others
   * stay on the board for the workers and for the next call), so that a run
   * that must stay cancellable can yield between calls.
   */
  readonly limit?: number;
  /**
   * A time (performance.now(), ms) after which no further chunk is started
   * here: the call returns after the chunk that passes it (the chunks left
   * stay for the next call, or on the board for the workers). A run that must
   * stay responsive (a server's) yields to the event loop between calls.
   */
  readonly deadline?: number;
}

/**
 * Runs the elementwise and counting nodes of one parallel step, writing into
 * the nodes' preallocated arrays in `values`. The same function runs on the
 * main thread and in workers: chunk c of node k always draws from the stream
 * (seed, k, c), so any split of the chunks over threads gives the same bits.
 * Returns how many chunks ran here.
 *
 * Chunk-major order (for each chunk, every node of the step) keeps a chunk of
 * each node (CHUNK_SIZE doubles, 64 KiB) in cache while the nodes that read it run.
 */
export function runParallelStep(plan: Plan, nodes: readonly NodeId[], values: NodeValues, key: bigint, sampleCount: number, options: StepOptions = {}): number {
  const chunks = Math.ceil(sampleCount / CHUNK_SIZE);
  const { board, from = 0, to = chunks, transient = [], privateWrites = false, onChunk, limit = Infinity, deadline } = options;
  // Transient nodes (see PlanSchedule.transient) get one chunk of scratch on
  // this thread; their values exist only while the chunk is computed. With
  // privateWrites every array node of the step does, and the kept ones are
  // copied out at the end of the chunk.
  const inScratch = privateWrites ? nodes.filter((id) => !isCounting(plan, id)) : transient;
  const copyOut = privateWrites ? inScratch.filter((id) => !transient.includes(id)) : [];
  const local: NodeValues = inScratch.length ? values.slice() : values;
  for (const id of inScratch) {
    const scratch = new Float64Array(CHUNK_SIZE);
    SCRATCH.add(scratch);
    local[id] = scratch;
  }
  const chunked = inScratch.length > 0;
  const prepared = nodes.map((id) => prepare(plan, id, local));
  let ran = 0;
  const past = deadline === undefined ? () => false : () => performance.now() >= deadline;
  const next = (c: number): number => (past() ? (board ? chunks : Math.max(c + 1, to)) : board ? (ran < limit ? claimUnit(board.flags, board.times) : chunks) : c + 1);
  for (let c = board ? (limit > 0 ? claimUnit(board.flags, board.times) : chunks) : from; c < (board ? chunks : to); c = next(c)) {
    const start = c * CHUNK_SIZE;
    const end = Math.min(sampleCount, start + CHUNK_SIZE);
    for (let k = 0; k < nodes.length; k++) {
      // With scratch in play every array is seen through this chunk's window
      // (index 0 = sample `start`); the kernels and the chunk's random stream
      // are the same, so the draws are the same bits.
      runChunk(chunked ? windowed(prepared[k]!, start, end) : prepared[k]!, key, c, chunked ? 0 : start, chunked ? end - start : end);
    }
    for (const id of copyOut) (values[id] as Float64Array).set((local[id] as Float64Array).subarray(0, end - start), start);
    if (board) {
      Atomics.store(board.flags, 1 + c, 1);
      Atomics.notify(board.flags, 1 + c); // a thread may wait for this chunk (see finishStragglers)
    }
    ran++;
    onChunk?.();
  }
  return ran;
}

/** A comparison or cdf counted chunk by chunk: its value during the step is a board of counts, not a sample array. */
function isCounting(plan: Plan, id: NodeId): boolean {
  const kind = plan.nodes[id]!.kind;
  return kind === 'compare' || kind === 'reduce';
}

/** The chunk-sized scratch arrays of transient nodes. */
const SCRATCH = new WeakSet<Float64Array>();

/** The chunk [start, end) of every array a prepared node reads or writes, as views indexed from 0. */
function windowed(p: Prepared, start: number, end: number): Prepared {
  const len = end - start;
  // scratch is used from 0; whole arrays from `start`
  const w = (a: Float64Array): Float64Array => (SCRATCH.has(a) ? a.subarray(0, len) : a.subarray(start, end));
  const o = (x: Operand): Operand => (typeof x === 'number' ? x : w(x));
  switch (p.kind) {
    case 'sample': return { ...p, out: w(p.out), args: p.args.map(o) };
    case 'spec': return { ...p, out: w(p.out) };
    case 'unary': return { ...p, out: w(p.out), arg: w(p.arg) };
    case 'binary': return { ...p, out: w(p.out), left: o(p.left), right: o(p.right) };
    case 'mixture': return { ...p, out: w(p.out), components: p.components.map(o) };
    case 'count': return { ...p, left: o(p.left), right: o(p.right) }; // counts are kept per chunk, not per index
  }
}

type Prepared =
  | { kind: 'sample'; id: NodeId; out: Float64Array; family: Parameters<typeof fillFamily>[0]; args: Operand[] }
  | { kind: 'spec'; id: NodeId; out: Float64Array; spec: Parameters<typeof fillSpec>[0] }
  | { kind: 'unary'; id: NodeId; out: Float64Array; op: Parameters<typeof unaryRange>[0]; arg: Float64Array }
  | { kind: 'binary'; id: NodeId; out: Float64Array; op: Parameters<typeof binaryRange>[0]; left: Operand; right: Operand }
  | { kind: 'mixture'; id: NodeId; out: Float64Array; components: Operand[]; cumulative: Float64Array }
  /** A counting node: `out` holds two counts per chunk (see countRange). */
  | { kind: 'count'; id: NodeId; out: Float64Array; op: CompareOp | 'cdf'; left: Operand; right: Operand };

function operand(values: NodeValues, id: NodeId): Operand {
  const v = values[id];
  if (v === undefined) throw new Error(`internal: node ${id} read before it was computed`);
  return v;
}

function prepare(plan: Plan, id: NodeId, values: NodeValues): Prepared {
  const node = plan.nodes[id]!;
  const out = values[id];
  if (!(out instanceof Float64Array)) throw new Error(`internal: node ${id} has no output array`);
  switch (node.kind) {
    case 'sample':
      return { kind: 'sample', id, out, family: node.family, args: node.args.map((a) => operand(values, a)) };
    case 'spec':
      return { kind: 'spec', id, out, spec: node.spec };
    case 'unary': {
      const arg = operand(values, node.arg);
      if (typeof arg === 'number') throw new Error(`internal: unary node ${id} on a scalar in a parallel step`);
      return { kind: 'unary', id, out, op: node.op, arg };
    }
    case 'binary':
      return { kind: 'binary', id, out, op: node.op, left: operand(values, node.left), right: operand(values, node.right) };
    case 'mixture': {
      let total = 0;
      for (const w of node.weights) total += w;
      const cumulative = new Float64Array(node.weights.length);
      let acc = 0;
      node.weights.forEach((w, k) => { acc += w; cumulative[k] = acc / total; });
      cumulative[cumulative.length - 1] = 1;
      return { kind: 'mixture', id, out, components: node.components.map((a) => operand(values, a)), cumulative };
    }
    case 'compare':
      return { kind: 'count', id, out, op: node.op, left: operand(values, node.left), right: operand(values, node.right) };
    case 'reduce':
      if (node.op !== 'cdf' || node.param === undefined) break;
      return { kind: 'count', id, out, op: 'cdf', left: operand(values, node.arg), right: operand(values, node.param) };
  }
  throw new Error(`internal: node ${id} (${node.kind}) is not elementwise`);
}

function runChunk(p: Prepared, key: bigint, c: number, start: number, end: number): void {
  switch (p.kind) {
    case 'sample':
      fillFamily(p.family, p.args, p.out, start, end, RandomStream.forChunk(key, p.id, c));
      return;
    case 'spec':
      fillSpec(p.spec, p.out, start, end, RandomStream.forChunk(key, p.id, c));
      return;
    case 'unary':
      unaryRange(p.op, p.out, p.arg, start, end);
      return;
    case 'binary':
      binaryRange(p.op, p.out, p.left, p.right, start, end);
      return;
    case 'mixture':
      mixtureRange(p.out, p.components, p.cumulative, start, end, RandomStream.forChunk(key, p.id, c));
      return;
    case 'count':
      countRange(p.op, p.left, p.right, start, end, p.out, 2 * c);
      return;
  }
}
