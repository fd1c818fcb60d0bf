import { availableParallelism } from 'node:os';
import { EstimateError } from './estimate-error.js';

/**
 * The explicit environment of every Monte Carlo computation. Nothing in
 * `estimate` reads a global seed or a default sample count: pass an Env.
 *
 * - `sampleCount`: how many draws each sample set holds (an integer >= 1).
 * - `seed`: any string or number; numbers are read through `String(seed)`, so
 *   `42` and `"42"` are the same seed. Same seed and sample count give
 *   bit-identical results on the same machine, whatever `threads` is.
 * - `threads`: how many threads a large run may use (main thread included).
 *   Omitted: {@link defaultThreads}.
 */
export interface Env {
  readonly sampleCount: number;
  readonly seed: string | number;
  readonly threads?: number;
}

/** Largest sample count accepted (arrays of 8-byte doubles, one per node). */
export const MAX_SAMPLE_COUNT = 50_000_000;

/**
 * Sample count from which runs use more than one thread by default. Measured
 * on Models A and B of issue 3 (2 cores): below about 1e5 samples the cost of
 * messaging a worker eats the gain; at 2e5 two threads win clearly.
 */
export const PARALLEL_THRESHOLD = 200_000;

/**
 * Sample count from which runs use more than one thread when the worker
 * threads are already running (a server, a dashboard, a sweep of many runs):
 * then only messaging is paid, not start-up.
 */
export const WARM_PARALLEL_THRESHOLD = 50_000;

/** Throws an EstimateError unless env is usable; returns it for chaining. */
/**
 * The most sample values one run may keep, summed over the sample sets it
 * keeps (its outputs; every node when sensitivity needs them all): 2e8
 * values, 1.6 GB of Float64Array. Bounded per run, not per output, so that
 * forty outputs at 5e7 samples are refused before they start rather than
 * running out of memory part way. docs/limits.md.
 */
export const MAX_VALUES_PER_RUN = 200_000_000;

/**
 * Refuses a run that would keep more than `MAX_VALUES_PER_RUN` values:
 * `sampleCount` draws in each of `kept` sample sets. The message names the
 * limit and the sample count that would fit.
 */
export function checkRunSize(sampleCount: number, kept: number): void {
  if (sampleCount * kept <= MAX_VALUES_PER_RUN) return;
  const fits = Math.max(1, Math.floor(MAX_VALUES_PER_RUN / Math.max(1, kept)));
  throw new EstimateError(
    'run_too_large',
    `a run may keep at most ${MAX_VALUES_PER_RUN.toExponential(0).replace('e+', 'e')} sample values, got ${sampleCount.toLocaleString('en')} samples x ${kept} sample sets = ${(sampleCount * kept).toExponential(2).replace('e+', 'e')}: use at most ${fits.toLocaleString('en')} samples for this model, or fewer outputs`,
    ['env', 'sampleCount'],
  );
}

export function checkEnv(env: Env): Env {
  const n = env.sampleCount;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLE_COUNT) {
    throw new EstimateError('invalid_sample_count', `sample count must be an integer from 1 to ${MAX_SAMPLE_COUNT}, got ${String(n)}`, ['env', 'sampleCount']);
  }
  if (typeof env.seed !== 'string' && !(typeof env.seed === 'number' && Number.isFinite(env.seed))) {
    throw new EstimateError('invalid_seed', `seed must be a string or a finite number, got ${String(env.seed)}`, ['env', 'seed']);
  }
  if (env.threads !== undefined && (!Number.isInteger(env.threads) || env.threads < 1 || env.threads > 256)) {
    throw new EstimateError('invalid_threads', `threads must be an integer from 1 to 256, got ${String(env.threads)}`, ['env', 'threads']);
  }
  return env;
}

/**
 * Threads a run uses: `env.threads` when given, else
 * `min(2, os.availableParallelism())` from {@link PARALLEL_THRESHOLD} samples
 * (or {@link WARM_PARALLEL_THRESHOLD} when the workers are already running)
 * and 1 below. Results do not depend on the number of threads.
 */
export function defaultThreads(env: Env, workersWarm = false): number {
  if (env.threads !== undefined) return env.threads;
  if (env.sampleCount < (workersWarm ? WARM_PARALLEL_THRESHOLD : PARALLEL_THRESHOLD)) return 1;
  return Math.max(1, Math.min(2, availableParallelism()));
}
