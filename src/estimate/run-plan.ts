import { throwIfAborted } from '../core/index.js';
import { checkEnv, checkRunSize, defaultThreads, WARM_PARALLEL_THRESHOLD, type Env } from './env.js';
import { EstimateError } from './estimate-error.js';
import { evaluateMainNode, setOf, type MainContext } from './main-step.js';
import type { NodeId, Plan } from './plan.js';
import { runParallelStep, type NodeValues } from './parallel-step.js';
import { boardClaimTimes, boardFlags, claimUnit, closeBoard, finishStragglers, newWorkBoard } from './work-board.js';
import { schedulePlan, type PlanStep } from './plan-schedule.js';
import { CHUNK_SIZE, seedKey } from './random-stream.js';
import { checkFamilyArgs } from './sample-family.js';
import { SampleSet, summarySlotWidth } from './sample-set.js';
import { WorkerPool, type WorkerReply, type WorkerTask } from './worker-pool.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

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
  const progress = run.progress(options.onProgress, options.signal);
  for (const step of run.steps) {
    throwIfAborted(options.signal);
    if (step.parallel) {
      run.allocate(step);
      runParallelStep(plan, step.nodes, run.values, run.ctx.key, run.n, { transient: run.transientOf(step), onChunk: progress.chunk });
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
  /**
   * Stops the run: checked between chunks and steps, and the run rejects
   * with a ShakeoutError of code 'aborted' (or the signal's reason when that
   * is a ShakeoutError, such as a time limit); workers stop claiming its
   * chunks. Given to {@link runPlan}, the run also yields to the event loop
   * every {@link YIELD_MS} ms of work, so that an abort (a request, a timer)
   * can arrive while it runs; the result is the same bits either way.
   */
  readonly signal?: AbortSignal;
}

/**
 * Milliseconds of work a cancellable run does on the main thread between two
 * yields to the event loop (checked after each chunk, so a chunk that takes
 * longer is one slice). A count of chunks was the rule before: eight chunks of
 * a model of 60 chained beta draws at a million samples held a server's event
 * loop for 0.5 s on a quiet machine and 16-24 s on a loaded one, long enough
 * for its keep-alive sockets to time out under the next request (ECONNRESET)
 * and for a cancel to wait that long. Time, not work, is what a server's
 * other requests feel.
 */
export const YIELD_MS = 25;

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
  checkRunSize(env.sampleCount, options.keep === 'outputs' ? new Set(plan.outputs.map((o) => o.node)).size : plan.nodes.length);
  const chunks = Math.ceil(env.sampleCount / CHUNK_SIZE);
  const threads = Math.min(defaultThreads(env, WorkerPool.isWarm(1)), chunks);
  const pool = threads > 1 ? WorkerPool.shared() : null;
  if (pool === null) {
    // From the second run big enough to gain from threads once they are up,
    // the process is one that makes runs in a row (a server, a sweep): the
    // workers start in the background for the runs that follow; this run does
    // not wait for them. A one-shot command (the CLI) makes one such run and
    // does not pay for a worker starting beside it.
    if (env.threads === undefined && env.sampleCount >= WARM_PARALLEL_THRESHOLD && ++warmEligibleRuns >= 2) WorkerPool.shared()?.warm(1);
    return options.signal ? runPlanYielding(null, 1, plan, env, options, options.signal) : runPlanSync(plan, env, options);
  }
  return options.signal ? runPlanYielding(pool, threads, plan, env, options, options.signal) : runPlanOn(pool, threads, plan, env, options);
}

/**
 * {@link runPlanOn} (or, without a pool, {@link runPlanSync}) that yields to
 * the event loop every {@link YIELD_MS} ms of work on the main thread and
 * between steps, and stops when `signal` is aborted. Workers go on claiming
 * chunks while the main thread yields.
 */
async function runPlanYielding(pool: TaskRunner | null, threads: number, plan: Plan, env: Env, options: RunOptions, signal: AbortSignal): Promise<PlanResult> {
  checkHistogramBins(options.histogramBins);
  const run = new PlanRun(plan, env, pool !== null, options.keep === 'outputs');
  const progress = run.progress(options.onProgress, signal);
  for (const step of run.steps) {
    await yieldToEventLoop();
    throwIfAborted(signal);
    if (step.parallel) {
      run.allocate(step);
      if (pool) await run.parallelStep(step, threads, pool, progress, signal);
      else {
        for (let from = 0; from < run.chunks; ) {
          if (from > 0) {
            await yieldToEventLoop();
            throwIfAborted(signal);
          }
          from += runParallelStep(plan, step.nodes, run.values, run.ctx.key, run.n, { from, to: run.chunks, transient: run.transientOf(step), onChunk: progress.chunk, deadline: performance.now() + YIELD_MS });
        }
      }
      run.finishCounts(step);
    } else {
      run.runMain(step);
      progress.main();
    }
  }
  if (pool) run.summariseOutputs(threads, pool, options.histogramBins);
  return run.result(threads);
}

function checkHistogramBins(bins: number | undefined): void {
  if (bins !== undefined && !(Number.isInteger(bins) && bins >= 1)) {
    throw new EstimateError('histogram_bins', `histogram needs an integer number of bins >= 1, got ${bins}`, ['options', 'histogramBins']);
  }
}

/** Runs in this process that could have used warm workers (see runPlan). */
let warmEligibleRuns = 0;

/** What a run needs of a worker pool (a seam for tests: a worker that stalls). */
export interface TaskRunner {
  /** Starts a task on worker `index`; the promise settles when it is done. */
  run(index: number, task: WorkerTask): Promise<WorkerReply>;
  /** Retires the pool after a failure. */
  markBroken(): void;
}

/**
 * {@link runPlan} on `threads` threads: this one and threads - 1 workers of
 * `pool`. The run never waits long for a worker (see finishStragglers), so
 * it does not even wait for their replies: a slow worker may still write a
 * chunk it held, with the very bits already there, shortly after the run
 * returns. Treat the result's arrays as read-only (as SampleSet asks anyway).
 */
export function runPlanOn(pool: TaskRunner, threads: number, plan: Plan, env: Env, options: RunOptions = {}): PlanResult {
  checkHistogramBins(options.histogramBins);
  const run = new PlanRun(plan, env, true, options.keep === 'outputs');
  const progress = run.progress(options.onProgress, options.signal);
  for (const step of run.steps) {
    throwIfAborted(options.signal);
    if (step.parallel) {
      run.allocate(step);
      run.parallelStep(step, threads, pool, progress);
      run.finishCounts(step);
    } else {
      run.runMain(step);
      progress.main();
    }
  }
  run.summariseOutputs(threads, pool, options.histogramBins);
  return run.result(threads);
}

/**
 * A worker task the run does not wait for. A worker that crashes or exits
 * retires the pool (later runs use one thread); an error the task itself
 * raised (a reply { ok: false }) does not: the main thread, which does every
 * unit a worker leaves undone, meets the same error and reports it.
 */
function watch(pool: TaskRunner, pending: Promise<WorkerReply>): void {
  pending.then(() => undefined, () => { pool.markBroken(); });
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
  /** Set when workers fell far behind in a parallel step (see parallelStep). */
  private workersLag = false;

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

  /**
   * A progress counter over this run's work (see RunOptions.onProgress);
   * with a signal, each count first checks it, so an abort stops the run at
   * the next chunk (a throw inside a parallel step closes its board).
   */
  progress(report: RunOptions['onProgress'], signal?: AbortSignal): Progress {
    const total = this.steps.reduce((t, s) => t + (s.parallel ? this.chunks : 1), 0);
    let done = 0, stepBase = 0;
    const tell = () => {
      throwIfAborted(signal);
      report?.(Math.min(done, total), total);
    };
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
   * chunk board, and never waits long for a worker: once no chunk is left to
   * claim, a chunk a worker has claimed but not finished gets as long as
   * this thread takes for a chunk, and is then computed here too (the same
   * code on the same stream gives the same bits, so both writes agree). A
   * worker that is slow (still compiling, or its core busy) or failed
   * (the pool then retires) costs at most about one chunk.
   */
  parallelStep(step: PlanStep, threads: number, pool: TaskRunner, progress?: Progress): void;
  /** The same, yielding to the event loop every YIELD_MS ms of work on this thread and stopping on `signal`. */
  parallelStep(step: PlanStep, threads: number, pool: TaskRunner, progress: Progress, signal: AbortSignal): Promise<void>;
  parallelStep(step: PlanStep, threads: number, pool: TaskRunner, progress?: Progress, signal?: AbortSignal): void | Promise<void> {
    const buffer = newWorkBoard(this.chunks);
    const board = { flags: boardFlags(buffer, this.chunks), times: boardClaimTimes(buffer, this.chunks) };
    const transient = this.transientOf(step);
    const task = {
      type: 'step' as const, plan: this.plan, nodes: step.nodes, transient, sampleCount: this.n, key: this.ctx.key, board: buffer,
      buffers: this.values.map((v) => (v instanceof Float64Array ? (v.buffer as SharedArrayBuffer) : null)),
      scalars: this.values.map((v) => (typeof v === 'number' ? v : null)),
    };
    for (let w = 0; w < threads - 1; w++) watch(pool, pool.run(w, task));
    // The main thread's chunks report progress for all threads: the board's
    // claim counter says how many chunks have been taken so far.
    const options = { board, transient, ...(progress ? { onChunk: () => progress.claimed(Math.min(this.chunks, Atomics.load(board.flags, 0))) } : {}) };
    const finish = (ran: number, ms: number) => {
      const perChunk = ran > 0 ? ms / ran : 1;
      const redone = finishStragglers(board.flags, board.times, perChunk, (c) => {
        // the worker may still be writing this chunk: compute it privately, write only final values
        runParallelStep(this.plan, step.nodes, this.values, this.ctx.key, this.n, { from: c, to: c + 1, transient, privateWrites: true });
      });
      // Workers that did far fewer chunks than this thread are slow (still
      // compiling, or their core busy) and may still be busy with a chunk
      // done here too: the rest of this run does without them. (Falling one
      // chunk behind at the end is normal and costs them at most a chunk.)
      const workersDid = this.chunks - ran - redone;
      if (redone > 0 && (workersDid < ran / 3 || workersDid < redone)) this.workersLag = true;
      progress?.claimed(this.chunks);
    };
    // on an error or an abort, workers stop claiming this run's chunks
    const close = () => closeBoard(board.flags, this.chunks);
    if (signal) {
      return (async () => {
        try {
          let ran = 0, ms = 0;
          while (Atomics.load(board.flags, 0) < this.chunks) {
            const t0 = performance.now();
            ran += runParallelStep(this.plan, step.nodes, this.values, this.ctx.key, this.n, { ...options, deadline: t0 + YIELD_MS });
            ms += performance.now() - t0;
            await yieldToEventLoop();
            throwIfAborted(signal);
          }
          finish(ran, ms);
        } finally {
          close();
        }
      })();
    }
    try {
      const t0 = performance.now();
      const ran = runParallelStep(this.plan, step.nodes, this.values, this.ctx.key, this.n, options);
      finish(ran, performance.now() - t0);
    } finally {
      close();
    }
  }

  /**
   * Summarises the array outputs on all threads at once (quantiles, mean,
   * sd, extremes and, with `bins`, the histogram from p1 to p99). The units
   * of work are claimed from a board like chunks: with several outputs, one
   * output's whole summary per unit; with one, its quantiles and histogram
   * are the unit a worker takes while this thread does its mean, sd and
   * extremes. Workers write their numbers to shared memory; a unit a worker
   * is slow to finish is done here too (finishStragglers), and workers that
   * fell far behind in a parallel step get no summaries: they are still busy. Same
   * code everywhere, so the same numbers.
   */
  summariseOutputs(allThreads: number, pool: TaskRunner, bins?: number): void {
    const threads = this.workersLag ? 1 : allThreads;
    const sets = [...new Set(this.plan.outputs.map((o) => o.node))]
      .filter((id) => this.isArray[id] === 1)
      .map((id) => setOf(this.ctx, this.values, id));
    if (sets.length === 0 || !sets.every((set) => set.samples.buffer instanceof SharedArrayBuffer)) return;
    const whole = sets.length > 1;
    const width = summarySlotWidth(whole, bins);
    const buffer = newWorkBoard(sets.length);
    const board = boardFlags(buffer, sets.length);
    const times = boardClaimTimes(buffer, sets.length);
    const results = new Float64Array(new SharedArrayBuffer(8 * width * sets.length));
    const task = {
      type: 'summary' as const, board: buffer, results: results.buffer as SharedArrayBuffer,
      srcs: sets.map((set) => set.samples.buffer as SharedArrayBuffer), whole, ...(bins === undefined ? {} : { bins }),
    };
    for (let w = 0; w < threads - 1; w++) watch(pool, pool.run(w, task));
    const own = (u: number) => {
      const set = sets[u]!;
      if (whole) set.summaryParts(bins);
      else set.summaryQuantileParts(bins);
    };
    try {
      let t0 = performance.now();
      if (!whole) { sets[0]!.min(); sets[0]!.sd(); } // extremes and mean (one pass), then sd
      // One output: its quantiles and histogram take about twice its mean, sd
      // and extremes (four passes against two); the floor, about 5 ns a sample
      // for them, is for a set whose mean and sd were known already.
      let perUnit = whole ? 0 : Math.max(2 * (performance.now() - t0), 5e-6 * this.n);
      t0 = performance.now();
      let ran = 0;
      for (let u = claimUnit(board, times); u < sets.length; u = claimUnit(board, times)) {
        own(u);
        Atomics.store(board, 1 + u, 2); // 2: done here, nothing to read back
        ran++;
      }
      if (whole) perUnit = ran > 0 ? (performance.now() - t0) / ran : 1;
      finishStragglers(board, times, perUnit, (u) => { own(u); Atomics.store(board, 1 + u, 2); });
    } finally {
      closeBoard(board, sets.length);
    }
    sets.forEach((set, u) => {
      if (board[1 + u] !== 1) return; // done here
      const at = u * width;
      const values = Array.from(results.subarray(at + 1, at + 1 + results[at]!));
      if (whole) set.primeSummaryParts(values, bins);
      else set.primeSummaryQuantiles(values, bins);
    });
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
