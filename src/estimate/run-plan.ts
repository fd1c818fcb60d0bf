import { checkEnv, defaultThreads, WARM_PARALLEL_THRESHOLD, type Env } from './env.js';
import { evaluateMainNode, setOf, type MainContext } from './main-step.js';
import type { NodeId, Plan } from './plan.js';
import { newChunkBoard, runParallelStep, type NodeValues } from './parallel-step.js';
import { schedulePlan, type PlanStep } from './plan-schedule.js';
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
  readonly values: readonly (number | SampleSet | undefined)[];
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
export function runPlanSync(plan: Plan, env: Env, options: RunOptions = {}): PlanResult {
  const run = new PlanRun(plan, env, false, options.keep === 'outputs');
  const progress = run.progress(options.onProgress);
  for (const step of run.steps) {
    if (step.parallel) {
      run.allocate(step);
      runParallelStep(plan, step.nodes, run.values, run.ctx.key, run.n, null, 0, run.chunks, run.transientOf(step), progress.chunk);
      run.finishCounts(step);
    } else {
      run.runMain(step);
      progress.main();
    }
  }
  return run.result(1);
}

/** Options of a run that do not change its result. */
export interface RunOptions {
  /**
   * Called on the main thread as the run goes, with the work done and the
   * total, in units of one chunk of one parallel step or one main-thread step,
   * so a caller can draw a progress bar.
   */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * 'all' (default): every node's value is in the result. 'outputs': nodes
   * that only feed elementwise nodes of their own step (not outputs) are
   * computed chunk by chunk in scratch and not kept: less memory, faster;
   * their entries in `values` are undefined.
   */
  readonly keep?: 'all' | 'outputs';
  /**
   * With a number of bins, the run also counts each output's histogram of
   * that many bins from its p1 to its p99 (SampleSet.summaryHistogram), on
   * the threads that summarise it.
   */
  readonly histogramBins?: number;
}

/**
 * Runs a plan, over `env.threads` threads (default: 2 from PARALLEL_THRESHOLD
 * samples on a machine with 2 or more cores, else 1). In elementwise steps
 * the main thread and threads - 1 workers claim chunks of indices from a
 * shared board and write into shared memory (SharedArrayBuffer), so a late or
 * slow thread does fewer chunks; whole-array nodes run on the main thread
 * between them. Summaries need no sort: SampleSet finds quantiles by
 * selection, and sorts (once, lazily) only when asked for its sorted copy.
 *
 * Every chunk draws from its own stream, so the result is the same bit for bit
 * whatever the number of threads. Without the compiled worker
 * (dist/estimate/plan-worker.js; `npm run build`) it runs on one thread.
 */
export async function runPlan(plan: Plan, env: Env, options: RunOptions = {}): Promise<PlanResult> {
  checkEnv(env);
  const chunks = Math.ceil(env.sampleCount / CHUNK_SIZE);
  const threads = Math.min(defaultThreads(env, WorkerPool.isWarm(1)), chunks);
  const pool = threads > 1 ? WorkerPool.shared() : null;
  if (pool === null) {
    // A run big enough to gain from threads once they are up starts them in
    // the background for the runs that follow (a server, a sweep); this run
    // does not wait for them.
    if (env.threads === undefined && env.sampleCount >= WARM_PARALLEL_THRESHOLD) WorkerPool.shared()?.warm(1);
    return runPlanSync(plan, env, options);
  }
  const run = new PlanRun(plan, env, true, options.keep === 'outputs');
  const progress = run.progress(options.onProgress);
  for (const step of run.steps) {
    if (step.parallel) {
      run.allocate(step);
      await run.parallelStep(step, threads, pool, progress);
      run.finishCounts(step);
    } else {
      run.runMain(step);
      progress.main();
    }
  }
  await run.summariseOutputs(threads, pool, options.histogramBins);
  return run.result(threads);
}

/** Counts a run's work for RunOptions.onProgress. */
interface Progress {
  /** One chunk done on this thread (one-thread runs). */
  chunk(): void;
  /** One main-thread step done. */
  main(): void;
  /** `chunks` of the current parallel step claimed by all threads so far. */
  claimed(chunks: number): void;
}

/** The state of one run: values per node, the schedule, and the main-thread context. */
class PlanRun {
  readonly n: number;
  readonly chunks: number;
  readonly steps: readonly PlanStep[];
  readonly values: NodeValues;
  readonly ctx: MainContext;
  private readonly isArray: Uint8Array;
  private readonly transient: Uint8Array;
  private readonly counted: Uint8Array;

  constructor(readonly plan: Plan, readonly env: Env, shared: boolean, onlyOutputs = false) {
    checkEnv(env);
    const schedule = schedulePlan(plan, !onlyOutputs);
    this.steps = schedule.steps;
    this.isArray = schedule.isArray;
    this.transient = schedule.transient;
    this.counted = schedule.counted;
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
      // a counting node gets two counts per chunk, summed by finishCounts
      if (this.counted[id] === 1) this.values[id] = this.ctx.alloc(2 * this.chunks);
      else if (this.transient[id] !== 1) this.values[id] = this.ctx.alloc(this.n);
    }
  }

  /**
   * Sums the per-chunk counts of the step's counting nodes into their values:
   * a comparison is the share of all indices where it holds, a cdf the share
   * of the non-NaN samples (NaN when every sample is NaN).
   */
  finishCounts(step: PlanStep): void {
    for (const id of step.nodes) {
      if (this.counted[id] !== 1) continue;
      const counts = this.values[id] as Float64Array;
      let k = 0, m = 0;
      for (let c = 0; c < this.chunks; c++) {
        k += counts[2 * c]!;
        m += counts[2 * c + 1]!;
      }
      this.values[id] = this.plan.nodes[id]!.kind === 'compare' ? k / this.n : m === 0 ? NaN : k / m;
    }
  }

  /** A progress counter over this run's work (see RunOptions.onProgress). */
  progress(report: RunOptions['onProgress']): Progress {
    const total = this.steps.reduce((t, s) => t + (s.parallel ? this.chunks : 1), 0);
    let done = 0, stepBase = 0;
    const tell = () => report?.(Math.min(done, total), total);
    return {
      chunk: () => { done++; tell(); },
      main: () => { done++; stepBase = done; tell(); },
      claimed: (chunks: number) => { done = Math.max(done, stepBase + chunks); if (chunks >= this.chunks) stepBase = done; tell(); },
    };
  }

  /** The nodes of a parallel step computed chunk by chunk in scratch. */
  transientOf(step: PlanStep): NodeId[] {
    return step.nodes.filter((id) => this.transient[id] === 1);
  }

  runMain(step: PlanStep): void {
    for (const id of step.nodes) evaluateMainNode(this.plan, id, this.values, this.ctx);
  }

  /**
   * Runs a parallel step on the main thread and threads - 1 workers sharing a
   * chunk board. If a worker fails, the chunks it left undone are run here
   * once the others have finished (same code, same bits) and the pool retires.
   */
  async parallelStep(step: PlanStep, threads: number, pool: WorkerPool, progress?: Progress): Promise<void> {
    const board = newChunkBoard(this.n);
    const transient = this.transientOf(step);
    const task = {
      type: 'step' as const, plan: this.plan, nodes: step.nodes, transient, sampleCount: this.n, key: this.ctx.key, board: board.buffer as SharedArrayBuffer,
      buffers: this.values.map((v) => (v instanceof Float64Array ? (v.buffer as SharedArrayBuffer) : null)),
      scalars: this.values.map((v) => (typeof v === 'number' ? v : null)),
    };
    const pending: Promise<WorkerReply>[] = [];
    for (let w = 0; w < threads - 1; w++) pending.push(pool.run(w, task));
    // The main thread's chunks report progress for all threads: the board's
    // claim counter says how many chunks have been taken so far.
    runParallelStep(this.plan, step.nodes, this.values, this.ctx.key, this.n, board, 0, this.chunks, transient,
      progress ? () => progress.claimed(Math.min(this.chunks, Atomics.load(board, 0))) : undefined);
    progress?.claimed(this.chunks);
    const settled = await Promise.allSettled(pending);
    for (const s of settled) if (s.status === 'fulfilled' && !s.value.ok) throw new Error(s.value.message);
    if (settled.some((s) => s.status === 'rejected')) {
      pool.markBroken();
      for (let c = 0; c < this.chunks; c++) {
        if (board[1 + c] === 0) runParallelStep(this.plan, step.nodes, this.values, this.ctx.key, this.n, null, c, c + 1, transient);
      }
    }
  }

  /**
   * Summarises the array outputs on all threads at once (quantiles, mean,
   * sd, extremes and, with `bins`, the histogram from p1 to p99): output k
   * goes to thread k mod threads (the main thread takes its share); a single
   * output's quantiles and histogram go to a worker while this thread
   * computes its mean, sd and extremes. Same code everywhere, so the same
   * numbers.
   */
  async summariseOutputs(threads: number, pool: WorkerPool, bins?: number): Promise<void> {
    const sets = [...new Set(this.plan.outputs.map((o) => o.node))]
      .filter((id) => this.isArray[id] === 1)
      .map((id) => setOf(this.ctx, this.values, id));
    const shared = (set: SampleSet) => set.samples.buffer instanceof SharedArrayBuffer;
    const task = (set: SampleSet, parts: boolean) => ({ type: 'summary' as const, src: set.samples.buffer as SharedArrayBuffer, parts, ...(bins === undefined ? {} : { bins }) });
    if (sets.length === 1) {
      const set = sets[0]!;
      if (!shared(set)) return;
      const pending = pool.run(0, task(set, false)).then(
        (r) => { if (r.ok && r.values) set.primeSummaryQuantiles(r.values, bins); },
        () => { pool.markBroken(); },
      );
      set.min(); set.sd(); // extremes and mean (one pass), then sd
      await pending;
      return;
    }
    const pending: Promise<void>[] = [];
    sets.forEach((set, k) => {
      const w = k % threads;
      if (w === 0 || !shared(set)) return;
      pending.push(pool.run(w - 1, task(set, true)).then(
        (r) => { if (r.ok && r.values) set.primeSummaryParts(r.values, bins); },
        () => { pool.markBroken(); },
      ));
    });
    sets.forEach((set, k) => { if (k % threads === 0 || !shared(set)) set.summaryParts(bins); });
    await Promise.all(pending);
  }

  result(threads: number): PlanResult {
    const values = this.values.map((v, id) => {
      if (v === undefined) {
        if (this.transient[id] === 1) return undefined;
        throw new Error(`internal: node ${id} was never computed`);
      }
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
