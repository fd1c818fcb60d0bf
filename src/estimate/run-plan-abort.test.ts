import { describe, expect, it } from 'vitest';
import { ShakeoutError } from '../core/index.js';
import type { Plan } from './plan.js';
import { CHUNK_SIZE } from './random-stream.js';
import { runParallelStep } from './parallel-step.js';
import { runPlan, runPlanSync } from './run-plan.js';
import { SampleSet } from './sample-set.js';

/** a = 1 to 2; b = a * a: one parallel step of 2 nodes. */
const plan: Plan = {
  nodes: [
    { kind: 'const', value: 1 }, { kind: 'const', value: 2 },
    { kind: 'sample', family: 'to', args: [0, 1] },
    { kind: 'binary', op: 'mul', left: 2, right: 2 },
  ],
  outputs: [{ name: 'b', node: 3 }],
};
const SAMPLES = 40 * CHUNK_SIZE;

/** Runs `run` with a signal aborted once `after` chunks are reported; the largest `done` reported, and the error. */
async function abortAfter(after: number, run: (signal: AbortSignal, onProgress: (done: number) => void) => Promise<unknown>): Promise<{ seen: number; error: unknown }> {
  const controller = new AbortController();
  let seen = 0;
  let error: unknown = null;
  try {
    await run(controller.signal, (done) => {
      seen = Math.max(seen, done);
      if (done >= after) controller.abort();
    });
  } catch (e) {
    error = e;
  }
  return { seen, error };
}

const isAborted = (e: unknown) => e instanceof ShakeoutError && e.status === 499 && e.issues[0]?.code === 'aborted';

describe('aborting a run through its signal', () => {
  it('stops the one-thread run at the next chunk and rejects with code aborted', async () => {
    const { seen, error } = await abortAfter(3, (signal, onProgress) => runPlan(plan, { sampleCount: SAMPLES, seed: 1, threads: 1 }, { signal, onProgress }));
    expect(isAborted(error)).toBe(true);
    expect(seen).toBe(3); // of 40 chunks
  });

  it('stops the synchronous run too', async () => {
    const { seen, error } = await abortAfter(5, async (signal, onProgress) => runPlanSync(plan, { sampleCount: SAMPLES, seed: 1 }, { signal, onProgress }));
    expect(isAborted(error)).toBe(true);
    expect(seen).toBe(5);
  });

  it('stops a two-thread run well before its 40 chunks', async () => {
    const { seen, error } = await abortAfter(2, (signal, onProgress) => runPlan(plan, { sampleCount: SAMPLES, seed: 1, threads: 2 }, { signal, onProgress }));
    expect(isAborted(error)).toBe(true);
    expect(seen).toBeLessThan(20);
  });

  it('an abort that arrives from the event loop (a timer, a request) stops a run that yields', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const done = runPlan(plan, { sampleCount: SAMPLES, seed: 1, threads: 1 }, { signal: controller.signal, onProgress: () => { chunks++; } });
    setImmediate(() => controller.abort());
    await expect(done).rejects.toSatisfy(isAborted);
    expect(chunks).toBeLessThan(40);
  });

  it('a signal aborted with a ShakeoutError (a time limit) rejects with that error', async () => {
    const limit = new ShakeoutError('over the limit', { issues: [{ code: 'time_limit', path: [], message: 'over the limit' }], status: 503 });
    await expect(runPlan(plan, { sampleCount: SAMPLES, seed: 1, threads: 1 }, { signal: AbortSignal.abort(limit) })).rejects.toBe(limit);
  });

  it('a cancellable run that is not aborted gives the same bits as one that is not cancellable', async () => {
    for (const threads of [1, 2]) {
      const env = { sampleCount: SAMPLES + 17, seed: 'same', threads };
      const a = (await runPlan(plan, env, { signal: new AbortController().signal })).outputs[0]!.value as SampleSet;
      const b = (await runPlan(plan, env)).outputs[0]!.value as SampleSet;
      expect(Buffer.from(a.samples.buffer, a.samples.byteOffset, a.samples.byteLength).equals(Buffer.from(b.samples.buffer, b.samples.byteOffset, b.samples.byteLength))).toBe(true);
    }
  });
  it('a slice of a cancellable run ends at its deadline, after the chunk that passes it, and the slices add up to the same bits', () => {
    // What keeps a server answering during a long run: the run hands the event
    // loop back by time (YIELD_MS), not after a count of chunks that may take seconds.
    const values = () => [1, 2, new Float64Array(SAMPLES), new Float64Array(SAMPLES)];
    const sliced = values();
    expect(runParallelStep(plan, [2, 3], sliced, 7n, SAMPLES, { from: 0, to: 40, deadline: -Infinity })).toBe(1);
    let from = 1;
    while (from < 40) from += runParallelStep(plan, [2, 3], sliced, 7n, SAMPLES, { from, to: 40, deadline: -Infinity });
    const whole = values();
    expect(runParallelStep(plan, [2, 3], whole, 7n, SAMPLES, { from: 0, to: 40, deadline: Infinity })).toBe(40);
    expect(sliced[3]).toEqual(whole[3]);
  });
});
