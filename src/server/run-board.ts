import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { abortedError, isAbortError, ShakeoutError, timeLimitError, type Issue } from '../app/index.js';

/**
 * The documented limits of long work over HTTP (docs: README, "Runs"):
 * - `maxRunning`: runs at once; one more is a 429 (default 4: the machine's
 *   2 cores are shared, and each run may use both).
 * - `timeLimitMs`: a run still going after this long is stopped through its
 *   signal and fails with error code 'time_limit' (default 120 s).
 * - `keepMs` and `keepRuns`: a finished run (its result and samples) is kept
 *   this long, and at most this many finished runs are kept, the oldest
 *   dropped first (default 10 minutes, 20 runs); then its id is a 404.
 */
export interface RunLimits {
  readonly maxRunning: number;
  readonly timeLimitMs: number;
  readonly keepMs: number;
  readonly keepRuns: number;
}

export const DEFAULT_RUN_LIMITS: RunLimits = { maxRunning: 4, timeLimitMs: 120_000, keepMs: 10 * 60_000, keepRuns: 20 };

export type RunStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** What a run's error says: the issue code ('time_limit', 'invalid_argument', ...), the message and the issues. */
export interface RunError {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly Issue[];
}

/** A run's state as GET /api/runs/{id} gives it. */
export interface RunState {
  readonly id: string;
  readonly kind: 'model' | 'analysis';
  readonly status: RunStatus;
  readonly progress: { readonly done: number; readonly total: number };
  readonly result?: unknown;
  readonly error?: RunError;
}

/** An event of a run's stream: progress as it goes, then exactly one of result, error or cancelled. */
export type RunEvent =
  | { readonly event: 'progress'; readonly data: { readonly done: number; readonly total: number } }
  | { readonly event: 'result'; readonly data: unknown }
  | { readonly event: 'error'; readonly data: RunError }
  | { readonly event: 'cancelled'; readonly data: { readonly id: string; readonly status: 'cancelled' } };

/** What a run computes: its JSON, and its samples as named columns (none kept: empty). */
export interface RunOutcome {
  readonly json: unknown;
  readonly columns: readonly { readonly name: string; readonly values: Float64Array | number }[];
}

/** The work of a run, handed its signal and a progress callback. */
export type RunWork = (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<RunOutcome>;

interface Run {
  readonly id: string;
  readonly kind: 'model' | 'analysis';
  status: RunStatus;
  progress: { done: number; total: number };
  result?: unknown;
  error?: RunError;
  columns?: RunOutcome['columns'];
  readonly controller: AbortController;
  readonly listeners: Set<(e: RunEvent) => void>;
  finishedAt: number | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The runs of long work one server holds: each started with its own
 * AbortController (cancelled by DELETE or by the time limit), its progress
 * sent to whoever listens, its result and samples kept a while once done.
 * The clock is injected for tests.
 */
export class RunBoard {
  readonly limits: RunLimits;
  private readonly runs = new Map<string, Run>();
  private readonly now: () => number;

  constructor(limits: Partial<RunLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...DEFAULT_RUN_LIMITS, ...limits };
    this.now = now;
  }

  /** Starts a run; a 429 when {@link RunLimits.maxRunning} are running. */
  start(kind: Run['kind'], work: RunWork): string {
    this.prune();
    const running = [...this.runs.values()].filter((r) => r.status === 'running').length;
    if (running >= this.limits.maxRunning) {
      const message = `${running} runs are going, the most this server takes at once (${this.limits.maxRunning}); wait for one to finish or cancel one (DELETE /api/runs/{id})`;
      throw new ShakeoutError(message, { issues: [{ code: 'too_many_runs', path: [], message, expected: String(this.limits.maxRunning) }], status: 429 });
    }
    const run: Run = { id: randomUUID(), kind, status: 'running', progress: { done: 0, total: 1 }, controller: new AbortController(), listeners: new Set(), finishedAt: null, timer: null };
    this.runs.set(run.id, run);
    run.timer = setTimeout(() => run.controller.abort(timeLimitError(this.limits.timeLimitMs / 1000)), this.limits.timeLimitMs);
    run.timer.unref();
    let last = -1;
    const progress = (done: number, total: number) => {
      if (run.status !== 'running') return;
      run.progress = { done, total };
      // at most one event per percent of the work
      const step = Math.floor((100 * done) / Math.max(1, total));
      if (step === last && done !== total) return;
      last = step;
      this.emit(run, { event: 'progress', data: run.progress });
    };
    // the work starts once the caller has the id (the response goes out first)
    setImmediate(() => {
      work(run.controller.signal, progress).then(
        (outcome) => this.finish(run, { status: 'done', result: outcome.json, columns: outcome.columns }),
        (e: unknown) => this.finish(run, run.controller.signal.aborted && isAbortError(e) && e.issues[0]?.code === 'aborted' ? { status: 'cancelled' } : { status: 'failed', error: runError(e) }),
      );
    });
    return run.id;
  }

  /** A run's state; 404 when unknown (or dropped, see RunLimits). */
  state(id: string): RunState {
    const r = this.get(id);
    return {
      id: r.id, kind: r.kind, status: r.status, progress: r.progress,
      ...(r.result !== undefined ? { result: r.result } : {}),
      ...(r.error ? { error: r.error } : {}),
    };
  }

  /** Cancels a running run through its signal; 404 unknown, 409 once it has finished. */
  cancel(id: string): { id: string; status: 'cancelled' } {
    const r = this.get(id);
    if (r.status !== 'running') {
      const message = `run ${id} has already finished (${r.status}): there is nothing to cancel`;
      throw new ShakeoutError(message, { issues: [{ code: 'run_finished', path: ['id'], message }], status: 409 });
    }
    r.controller.abort(abortedError(`run ${id}`));
    this.finish(r, { status: 'cancelled' });
    return { id, status: 'cancelled' };
  }

  /**
   * Follows a run: the current state at once (its progress, or its final
   * event when it has finished), then every event until the final one.
   * Returns the function that stops following.
   */
  follow(id: string, listener: (e: RunEvent) => void): () => void {
    const r = this.get(id);
    if (r.status !== 'running') {
      listener(finalEvent(r));
      return () => undefined;
    }
    listener({ event: 'progress', data: r.progress });
    r.listeners.add(listener);
    return () => r.listeners.delete(listener);
  }

  /** The run's samples as CSV, one column per output (or estimate) and one row per draw; 409 while running or when it has none. */
  samplesCsv(id: string): string {
    const r = this.get(id);
    if (r.status !== 'done' || !r.columns) {
      const message = r.status === 'running' ? `run ${id} is still running: its samples come once it is done` : `run ${id} ${r.status === 'failed' ? 'failed' : 'was cancelled'}: it has no samples`;
      throw new ShakeoutError(message, { issues: [{ code: 'run_not_done', path: ['id'], message }], status: 409 });
    }
    if (!r.columns.length) {
      const message = `run ${id} kept no samples (its result has no distributions)`;
      throw new ShakeoutError(message, { issues: [{ code: 'no_samples', path: ['id'], message }], status: 409 });
    }
    const cols = r.columns;
    const n = Math.max(1, ...cols.map((c) => (typeof c.values === 'number' ? 1 : c.values.length)));
    const rows: (number | string)[][] = [];
    for (let i = 0; i < n; i++) rows.push(cols.map((c) => cell(typeof c.values === 'number' ? c.values : c.values[i])));
    return stringify([cols.map((c) => c.name), ...rows]);
  }

  /** Runs going now. */
  get running(): number {
    return [...this.runs.values()].filter((r) => r.status === 'running').length;
  }

  private get(id: string): Run {
    this.prune();
    const r = this.runs.get(id);
    if (r) return r;
    const message = `no run ${id}: runs are kept ${Math.round(this.limits.keepMs / 60_000)} minutes after they finish, the last ${this.limits.keepRuns} at most`;
    throw new ShakeoutError(message, { issues: [{ code: 'unknown_run', path: ['id'], message }], status: 404 });
  }

  private finish(run: Run, end: { status: Exclude<RunStatus, 'running'>; result?: unknown; columns?: RunOutcome['columns']; error?: RunError }): void {
    if (run.status !== 'running') return; // cancelled already: a late result is dropped
    run.status = end.status;
    if (end.result !== undefined) run.result = end.result;
    if (end.columns) run.columns = end.columns;
    if (end.error) run.error = end.error;
    if (end.status === 'done') run.progress = { done: run.progress.total, total: run.progress.total };
    run.finishedAt = this.now();
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
    this.emit(run, finalEvent(run));
    run.listeners.clear();
    this.prune();
  }

  private emit(run: Run, e: RunEvent): void {
    for (const l of run.listeners) l(e);
  }

  /** Drops finished runs older than keepMs, and the oldest beyond keepRuns. */
  private prune(): void {
    const now = this.now();
    const finished = [...this.runs.values()].filter((r) => r.finishedAt !== null).sort((a, b) => a.finishedAt! - b.finishedAt!);
    finished.forEach((r, i) => {
      if (now - r.finishedAt! > this.limits.keepMs || finished.length - i > this.limits.keepRuns) this.runs.delete(r.id);
    });
  }
}

function finalEvent(r: Run): RunEvent {
  if (r.status === 'done') return { event: 'result', data: r.result };
  if (r.status === 'failed') return { event: 'error', data: r.error! };
  return { event: 'cancelled', data: { id: r.id, status: 'cancelled' } };
}

function runError(e: unknown): RunError {
  if (e instanceof ShakeoutError) return { code: e.issues[0]?.code ?? 'error', message: e.message, ...(e.issues.length ? { issues: e.issues } : {}) };
  console.error(e);
  return { code: 'internal', message: 'internal error: the run could not complete; it has been logged' };
}

/** A sample in CSV: the number as JavaScript writes it (shortest round-trip), NaN and infinities by name. */
function cell(x: number | undefined): number | string {
  return x === undefined ? '' : Number.isFinite(x) ? x : String(x);
}
