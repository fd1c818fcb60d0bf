import { checkEnv, defaultThreads, type Env } from './env.js';
import { evaluateMainNode, setOf, type MainContext } from './main-step.js';
import type { NodeId, Plan } from './plan.js';
import { newChunkBoard, runParallelStep, type NodeValues } from './parallel-step.js';
import { schedulePlan, type PlanStep } from './plan-schedule.js';
import { mergeSorted, sortInto } from './radix-sort.js';
import { CHUNK_SIZE, seedKey } from './random-stream.js';
import { checkFamilyArgs } from './sample-family.js';
import { SampleSet } from './sample-set.js';
import { WorkerPool, type WorkerReply } from './worker-pool.js';

/** One named output of a run. */
export interface PlanOutput {
  readonly name: string;
  readonly node: NodeId;
  readonly value: number | SampleSet;
}

/** What a run gives back: every node's value (a number or a SampleSet) and the outputs. */
export interface PlanResult {
  readonly sampleCount: number;
  readonly seed: string | number;
  /** Threads the run used (1 when no compiled worker was found). */
  readonly threads: number;
  /** values[k] is node k's value. */
  readonly values: readonly (number | SampleSet)[];
  readonly outputs: readonly PlanOutput[];
}

/**
 * Runs a plan on the main thread only. Best for small runs (below
 * PARALLEL_THRESHOLD samples, where a worker's messaging costs more than it
 * saves); gives bit for bit what {@link runPlan} gives.
 *
 * @example
 * const plan = { nodes: [{ kind: 'const', value: 11e6 }, { kind: 'const', value: 13e6 },
 *   { kind: 'sample', family: 'to', args: [0, 1] }], outputs: [{ name: 'ios', node: 2 }] };
 * runPlanSync(plan, { sampleCount: 10_000, seed: 'demo' }).outputs[0].value; // SampleSet
 */
export function runPlanSync(plan: Plan, env: Env): PlanResult {
  const run = new PlanRun(plan, env, false);
  for (const step of run.steps) {
    if (step.parallel) {
      run.allocate(step);
      runParallelStep(plan, step.nodes, run.values, run.ctx.key, run.n, null);
    } else {
      run.runMain(step);
    }
  }
  return run.result(1);
}

/**
 * Runs a plan, over `env.threads` threads (default: 2 from PARALLEL_THRESHOLD
 * samples on a machine with 2 or more cores, else 1). In elementwise steps
 * the main thread and threads - 1 workers claim chunks of indices from a
 * shared board and write into shared memory (SharedArrayBuffer), so a late or
 * slow thread does fewer chunks; whole-array nodes run on the main thread
 * between them; output sample sets are then sorted in parallel slices and
 * merged, so their summaries cost no further sort.
 *
 * Every chunk draws from its own stream, so the result is the same bit for bit
 * whatever the number of threads. Without the compiled worker
 * (dist/estimate/plan-worker.js; `npm run build`) it runs on one thread.
 */
export async function runPlan(plan: Plan, env: Env): Promise<PlanResult> {
  checkEnv(env);
  const chunks = Math.ceil(env.sampleCount / CHUNK_SIZE);
  const threads = Math.min(defaultThreads(env), chunks);
  const pool = threads > 1 ? WorkerPool.shared() : null;
  if (pool === null) return runPlanSync(plan, env);
  const run = new PlanRun(plan, env, true);
  for (const step of run.steps) {
    if (step.parallel) {
      run.allocate(step);
      await run.parallelStep(step, threads, pool);
    } else {
      run.runMain(step);
    }
  }
  await run.presortOutputs(threads, pool);
  return run.result(threads);
}

/**
 * Splits [0, count) into `threads` contiguous parts (the slices of the output
 * sorts); part 0 runs on the main thread, part k on worker k - 1. A part whose worker fails is redone on the
 * main thread (same code, same bits) and the pool is retired.
 */
async function parallel(threads: number, count: number, pool: WorkerPool,
  remote: (worker: number, from: number, to: number) => Promise<WorkerReply>,
  local: (from: number, to: number) => void): Promise<void> {
  const bound = (k: number): number => Math.floor((k * count) / threads);
  const pending: Promise<void>[] = [];
  for (let k = 1; k < threads; k++) {
    const from = bound(k), to = bound(k + 1);
    pending.push(remote(k - 1, from, to).then(
      (r) => { if (!r.ok) throw new Error(r.message); },
      () => { pool.markBroken(); local(from, to); },
    ));
  }
  local(0, bound(1));
  await Promise.all(pending);
}

/** The state of one run: values per node, the schedule, and the main-thread context. */
class PlanRun {
  readonly n: number;
  readonly chunks: number;
  readonly steps: readonly PlanStep[];
  readonly values: NodeValues;
  readonly ctx: MainContext;
  private readonly isArray: Uint8Array;

  constructor(readonly plan: Plan, readonly env: Env, shared: boolean) {
    checkEnv(env);
    const schedule = schedulePlan(plan);
    this.steps = schedule.steps;
    this.isArray = schedule.isArray;
    this.n = env.sampleCount;
    this.chunks = Math.ceil(this.n / CHUNK_SIZE);
    this.values = new Array(plan.nodes.length).fill(undefined);
    const alloc = shared ? (n: number) => new Float64Array(new SharedArrayBuffer(8 * n)) : (n: number) => new Float64Array(n);
    this.ctx = { sampleCount: this.n, key: seedKey(env.seed), alloc, sets: [] };
  }

  /** Allocates the arrays of a parallel step and checks the scalar parameters of its sampling nodes. */
  allocate(step: PlanStep): void {
    for (const id of step.nodes) {
      const node = this.plan.nodes[id]!;
      if (node.kind === 'sample') {
        const args = node.args.map((a) => this.values[a]!);
        checkFamilyArgs(node.family, args, ['plan', `node ${id}`]);
      }
      this.values[id] = this.ctx.alloc(this.n);
    }
  }

  runMain(step: PlanStep): void {
    for (const id of step.nodes) evaluateMainNode(this.plan, id, this.values, this.ctx);
  }

  /**
   * Runs a parallel step on the main thread and threads - 1 workers sharing a
   * chunk board. If a worker fails, the chunks it left undone are run here
   * once the others have finished (same code, same bits) and the pool retires.
   */
  async parallelStep(step: PlanStep, threads: number, pool: WorkerPool): Promise<void> {
    const board = newChunkBoard(this.n);
    const task = {
      type: 'step' as const, plan: this.plan, nodes: step.nodes, sampleCount: this.n, key: this.ctx.key, board: board.buffer as SharedArrayBuffer,
      buffers: this.values.map((v) => (v instanceof Float64Array ? (v.buffer as SharedArrayBuffer) : null)),
      scalars: this.values.map((v) => (typeof v === 'number' ? v : null)),
    };
    const pending: Promise<WorkerReply>[] = [];
    for (let w = 0; w < threads - 1; w++) pending.push(pool.run(w, task));
    runParallelStep(this.plan, step.nodes, this.values, this.ctx.key, this.n, board);
    const settled = await Promise.allSettled(pending);
    for (const s of settled) if (s.status === 'fulfilled' && !s.value.ok) throw new Error(s.value.message);
    if (settled.some((s) => s.status === 'rejected')) {
      pool.markBroken();
      for (let c = 0; c < this.chunks; c++) {
        if (board[1 + c] === 0) runParallelStep(this.plan, step.nodes, this.values, this.ctx.key, this.n, null, c, c + 1);
      }
    }
  }

  /** Sorts each output sample set in `threads` slices at once and merges them. */
  async presortOutputs(threads: number, pool: WorkerPool): Promise<void> {
    const seen = new Set<NodeId>();
    for (const o of this.plan.outputs) {
      if (seen.has(o.node) || this.isArray[o.node] !== 1) continue;
      seen.add(o.node);
      const set = setOf(this.ctx, this.values, o.node);
      if (set.isSorted) continue;
      const src = set.samples;
      const out = new Float64Array(new SharedArrayBuffer(8 * this.n));
      const counts = new Array<number>(threads).fill(0);
      const bound = (k: number): number => Math.floor((k * this.n) / threads);
      await parallel(threads, threads, pool,
        (w, k) => pool.run(w, { type: 'sort', src: src.buffer as SharedArrayBuffer, out: out.buffer as SharedArrayBuffer, start: bound(k), end: bound(k + 1) })
          .then((r) => { if (r.ok) counts[k] = r.count; return r; }),
        (from, to) => { for (let k = from; k < to; k++) counts[k] = sortInto(src, bound(k), bound(k + 1), out, bound(k)); });
      let sorted: Float64Array = out.subarray(0, counts[0]);
      for (let k = 1; k < threads; k++) sorted = mergeSorted(sorted, out.subarray(bound(k), bound(k) + counts[k]!));
      this.ctx.sets[o.node] = new SampleSet(src, threads === 1 ? sorted.slice() : sorted);
    }
  }

  result(threads: number): PlanResult {
    const values = this.values.map((v, id) => {
      if (v === undefined) throw new Error(`internal: node ${id} was never computed`);
      return typeof v === 'number' ? v : setOf(this.ctx, this.values, id);
    });
    return {
      sampleCount: this.n,
      seed: this.env.seed,
      threads,
      values,
      outputs: this.plan.outputs.map((o) => ({ name: o.name, node: o.node, value: values[o.node]! })),
    };
  }
}
