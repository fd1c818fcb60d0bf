import { afterAll, describe, expect, it } from 'vitest';
import { runPlan } from './run-plan.js';
import type { Plan } from './plan.js';
import { closeWorkerPool, WorkerPool, workerScriptPath } from './worker-pool.js';

// A file of its own: it counts the runs this process has made.
const plan: Plan = {
  nodes: [{ kind: 'const', value: 1 }, { kind: 'const', value: 2 }, { kind: 'sample', family: 'uniform', args: [0, 1] }],
  outputs: [{ name: 'u', node: 2 }],
};

afterAll(async () => {
  await closeWorkerPool();
});

describe('starting workers in the background', () => {
  it.skipIf(workerScriptPath() === null)('a one-shot run does not start a worker; from the second run in a row, workers start for the next ones', async () => {
    const env = { sampleCount: 60_000, seed: 'warm' };
    const first = await runPlan(plan, env);
    expect(first.threads).toBe(1);
    expect(WorkerPool.isWarm(1)).toBe(false);
    const second = await runPlan(plan, env);
    expect(second.threads).toBe(1); // did not wait for the worker it started
    expect(WorkerPool.isWarm(1)).toBe(true);
    const third = await runPlan(plan, env);
    expect(third.threads).toBe(2);
    // a run with threads given is not counted and starts nothing
    await closeWorkerPool();
    await runPlan(plan, { ...env, threads: 1 });
    expect(WorkerPool.isWarm(1)).toBe(false);
  });
});
