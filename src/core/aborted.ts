import { ShakeoutError } from './errors.js';

/**
 * HTTP status of a run stopped at the caller's request: 499, "client closed
 * request" (nginx's convention; no standard status says "the caller
 * cancelled"). A run stopped by the server's own time limit is not this: it
 * carries code 'time_limit' and status 503 (see {@link timeLimitError}).
 */
export const ABORTED_STATUS = 499;

/**
 * The error of long work stopped through its AbortSignal: code 'aborted'.
 * The CLI maps Ctrl-C to it (exit code 130); the server's runs report it
 * as `cancelled`.
 *
 * @example
 * throw abortedError('the survival simulation'); // "the survival simulation was cancelled"
 */
export function abortedError(what = 'the run'): ShakeoutError {
  const message = `${what} was cancelled`;
  return new ShakeoutError(message, { issues: [{ code: 'aborted', path: [], message }], status: ABORTED_STATUS });
}

/** The error of a run stopped by a time limit: code 'time_limit', status 503. */
export function timeLimitError(seconds: number): ShakeoutError {
  const message = `the run took longer than the limit of ${seconds} s and was stopped; ask for fewer samples or paths`;
  return new ShakeoutError(message, { issues: [{ code: 'time_limit', path: [], message, expected: String(seconds) }], status: 503 });
}

/**
 * Throws when `signal` has been aborted: its reason when that is a
 * ShakeoutError (a time limit), else {@link abortedError}. Long loops call it
 * between units of work (the engine between chunks, the survival simulation
 * between months).
 */
export function throwIfAborted(signal: AbortSignal | undefined, what?: string): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof ShakeoutError ? signal.reason : abortedError(what);
}

/** Whether an error is a run stopped through its signal (cancelled or over its time limit). */
export function isAbortError(e: unknown): e is ShakeoutError {
  return e instanceof ShakeoutError && e.issues.some((i) => i.code === 'aborted' || i.code === 'time_limit');
}
