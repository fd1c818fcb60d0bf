/**
 * Lets the event loop run (timers, requests, an abort) before the next batch
 * of long work: what a cancellable run awaits between batches, so that a
 * DELETE or a client's disconnect can reach its AbortSignal while it runs.
 * `setImmediate`, not a timer: it waits for no clock, only for what is queued.
 *
 * @example for (...) { work(batch); await yieldToEventLoop(); throwIfAborted(signal); }
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
