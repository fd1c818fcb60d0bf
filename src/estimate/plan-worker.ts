/**
 * Entry point of the estimate worker threads (compiled to
 * dist/estimate/plan-worker.js). It runs the chunks of a parallel step in
 * shared memory, or summarises an output, with the same code as
 * the main thread, and replies { ok, count, values? } or { ok: false, message }.
 */
import { parentPort } from 'node:worker_threads';
import { runParallelStep, type NodeValues } from './parallel-step.js';
import type { WorkerReply, WorkerTask } from './worker-pool.js';
import { SampleSet } from './sample-set.js';

const port = parentPort;
if (port !== null) {
  port.on('message', (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply = task.type === 'summary' ? { ok: true, count: 0, values: summarise(task) } : { ok: true, count: handle(task) };
    } catch (err) {
      reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}

function summarise(task: Extract<WorkerTask, { type: 'summary' }>): number[] {
  const set = new SampleSet(new Float64Array(task.src));
  return task.parts ? set.summaryParts(task.bins) : set.summaryQuantileParts(task.bins);
}

function handle(task: Extract<WorkerTask, { type: 'step' }>): number {
  const values: NodeValues = task.buffers.map((b, i) => (b !== null ? new Float64Array(b) : task.scalars[i] ?? undefined));
  runParallelStep(task.plan, task.nodes, values, task.key, task.sampleCount, new Int32Array(task.board), 0, 0, task.transient);
  return 0;
}
