/**
 * A work board: units of work (chunks of a parallel step, outputs to
 * summarise) that threads claim one at a time, in one SharedArrayBuffer:
 *
 *   Int32 [0]          the next unit to claim (Atomics.add)
 *   Int32 [1 + u]      0 while unit u is not done; 1 once done by a worker
 *                      (notified); 2 once done by the main thread itself
 *   Float64 (after)    when unit u was claimed (ms, performance.timeOrigin +
 *                      performance.now(), comparable across threads)
 *
 * The claim times let the main thread judge a unit a worker still holds:
 * see {@link finishStragglers}.
 */

/** A board for `units` units: flags first, then claim times (8-byte aligned). */
export function newWorkBoard(units: number): SharedArrayBuffer {
  return new SharedArrayBuffer(timesOffset(units) + 8 * units);
}

function timesOffset(units: number): number {
  return 8 * Math.ceil((4 * (1 + units)) / 8);
}

/** The flags of a board (the next unit, then the done flags). */
export function boardFlags(buffer: SharedArrayBuffer, units: number): Int32Array {
  return new Int32Array(buffer, 0, 1 + units);
}

/** The claim times of a board. */
export function boardClaimTimes(buffer: SharedArrayBuffer, units: number): Float64Array {
  return new Float64Array(buffer, timesOffset(units), units);
}

/** Now, in ms, on a clock every thread shares. */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Claims the next unit (>= units when none is left) and notes when. */
export function claimUnit(flags: Int32Array, times: Float64Array): number {
  const u = Atomics.add(flags, 0, 1);
  if (u < times.length) times[u] = sharedNow();
  return u;
}

/** Ends a board's claims (no thread starts another unit), as when a run stops on an error. */
export function closeBoard(flags: Int32Array, units: number): void {
  Atomics.store(flags, 0, units);
}

/**
 * Once this thread has claimed the last unit: for each unit another thread
 * still holds, waits as long as that thread should still need if it runs
 * at this thread's pace (`unitMs` a unit, from its claim time, with a
 * quarter more for slack), then runs the unit here if it is still not done:
 * waiting longer than doing it would be a loss. A worker still compiling
 * its code, or whose core is busy, so costs at most about one unit. Returns
 * how many units ran here.
 */
export function finishStragglers(flags: Int32Array, times: Float64Array, unitMs: number, runHere: (u: number) => void): number {
  let redone = 0;
  const units = flags.length - 1;
  for (let u = 0; u < units; u++) {
    if (Atomics.load(flags, 1 + u) !== 0) continue;
    const at = times[u]!; // 0: claimed a moment ago, its time not written yet
    const wait = Math.max(0, 1.25 * unitMs - (at > 0 ? sharedNow() - at : 0));
    if (wait > 0) Atomics.wait(flags, 1 + u, 0, wait);
    if (Atomics.load(flags, 1 + u) !== 0) continue;
    runHere(u);
    redone++;
    if (Atomics.load(flags, 1 + u) === 0) Atomics.store(flags, 1 + u, 1);
  }
  return redone;
}
