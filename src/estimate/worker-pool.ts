import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { NodeId, Plan } from './plan.js';

/** A parallel step, chunks claimed from a shared board, arrays in shared memory. */
export interface StepTask {
  readonly type: 'step';
  readonly plan: Plan;
  readonly nodes: readonly NodeId[];
  /** Nodes of the step computed chunk by chunk in per-thread scratch. */
  readonly transient: readonly NodeId[];
  readonly sampleCount: number;
  readonly key: bigint;
  /** The board of runParallelStep: next chunk, then done flags. */
  readonly board: SharedArrayBuffer;
  /** Shared buffer of each array node computed or being computed, else null. */
  readonly buffers: readonly (SharedArrayBuffer | null)[];
  /** Value of each scalar node computed so far, else null. */
  readonly scalars: readonly (number | null)[];
}

/**
 * The summaries of shared sample arrays (a run's outputs): unit u is
 * srcs[u], claimed from `board` (board[0] the next unit, board[1 + u] set to
 * 1 once done, and notified); its numbers go to `results` from
 * u * summarySlotWidth(whole, bins): their count, then with `whole`
 * SampleSet.summaryParts(bins), else SampleSet.summaryQuantileParts(bins).
 */
export interface SummaryTask {
  readonly type: 'summary';
  readonly board: SharedArrayBuffer;
  readonly results: SharedArrayBuffer;
  readonly srcs: readonly SharedArrayBuffer[];
  readonly whole: boolean;
  readonly bins?: number;
}

export type WorkerTask = StepTask | SummaryTask;
/** A worker's reply once a task is done: results travel through shared memory, not in the reply. */
export type WorkerReply = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Where the compiled worker lives: beside this module when it runs from
 * dist/, or <package root>/dist/estimate/plan-worker.js when it runs from
 * source (vitest imports src/*.ts); null when that file does not exist
 * (run `npm run build`), and runs then use one thread.
 */
export function workerScriptPath(): string | null {
  const here = import.meta.url;
  const url = /\.ts$/.test(here) ? new URL('../../dist/estimate/plan-worker.js', here) : new URL('./plan-worker.js', here);
  try {
    const path = fileURLToPath(url);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

interface Slot {
  worker: Worker;
  waiting: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }[];
}

/**
 * A small pool of worker threads running plan-worker.js, created on first use
 * and kept for later runs (starting a worker costs tens of milliseconds).
 * Idle workers are unref'd, so they never keep the process alive;
 * {@link closeWorkerPool} ends them.
 */
export class WorkerPool {
  private static instance: WorkerPool | null | undefined;
  private readonly slots: (Slot | undefined)[] = [];
  private broken = false;

  private constructor(private readonly script: string) {}

  /** The process's pool, or null when the compiled worker is missing or failed. */
  static shared(): WorkerPool | null {
    if (WorkerPool.instance === undefined) {
      const script = workerScriptPath();
      WorkerPool.instance = script === null ? null : new WorkerPool(script);
    }
    const p = WorkerPool.instance;
    return p !== null && !p.broken ? p : null;
  }

  /** True when the process's pool has `count` workers started already (and is not broken). */
  static isWarm(count: number): boolean {
    const p = WorkerPool.instance;
    if (!p || p.broken) return false;
    for (let i = 0; i < count; i++) if (p.slots[i] === undefined) return false;
    return true;
  }

  /** Runs a task on worker `index` (created if needed); rejects if the worker fails. */
  run(index: number, task: WorkerTask): Promise<WorkerReply> {
    const slot = this.slot(index);
    return new Promise<WorkerReply>((resolve, reject) => {
      slot.waiting.push({ resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage(task);
    });
  }

  /** Starts workers 0..count-1 now, so that their start-up overlaps other work. */
  warm(count: number): void {
    for (let i = 0; i < count; i++) this.slot(i);
  }

  /** Marks the pool unusable (a worker failed): later runs use one thread. */
  markBroken(): void {
    this.broken = true;
  }

  /**
   * Terminates every worker. A worker may still be busy with tasks no run
   * waits for (see runPlanOn), or have replies not yet read: those are
   * dropped, and the worker stays ref'd so that the process stays up until
   * it has exited and the promise settles.
   */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => {
      if (s === undefined) return undefined;
      s.worker.removeAllListeners('message');
      s.waiting.length = 0;
      s.worker.ref();
      return s.worker.terminate();
    }));
  }

  private slot(index: number): Slot {
    let slot = this.slots[index];
    if (slot !== undefined) return slot;
    // node:worker_threads is loaded by the first worker, not on import: a
    // one-shot run on one thread (shakeout run at 1e5 samples) does not pay for it.
    const worker = new (process.getBuiltinModule('node:worker_threads').Worker)(this.script);
    const created: Slot = { worker, waiting: [] };
    worker.on('message', (reply: WorkerReply) => {
      const w = created.waiting.shift();
      if (created.waiting.length === 0) worker.unref();
      w?.resolve(reply);
    });
    const fail = (err: Error): void => {
      this.slots[index] = undefined;
      this.broken = true;
      for (const w of created.waiting.splice(0)) w.reject(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (created.waiting.length) fail(new Error(`estimate worker exited with code ${code}`));
      if (this.slots[index] === created) this.slots[index] = undefined;
    });
    worker.unref();
    slot = created;
    this.slots[index] = slot;
    return slot;
  }

  /** @internal for closeWorkerPool */
  static reset(): WorkerPool | null | undefined {
    const p = WorkerPool.instance;
    WorkerPool.instance = undefined;
    return p;
  }
}

/**
 * Starts the workers a run with this env will use (none below the parallel
 * threshold), so that a CLI can overlap their start-up (tens of ms) with
 * parsing and reading facts. Optional: runPlan starts them when needed.
 */
export function prepareWorkers(threads: number): void {
  if (threads > 1) WorkerPool.shared()?.warm(threads - 1);
}

/** Ends the pool's workers (a later parallel run starts new ones). */
export async function closeWorkerPool(): Promise<void> {
  const p = WorkerPool.reset();
  if (p) await p.close();
}
