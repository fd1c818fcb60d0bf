/**
 * Entry point of the estimate worker threads (compiled to
 * dist/estimate/plan-worker.js). It runs the chunks of a parallel step, or
 * sorts a slice of a sample set, in shared memory, with the same code as the
 * main thread, and replies { ok, count } or { ok: false, message }.
 */
import { parentPort } from 'node:worker_threads';
import { runParallelStep, type NodeValues } from './parallel-step.js';
import { sortInto } from './radix-sort.js';
import type { WorkerReply, WorkerTask } from './worker-pool.js';

const port = parentPort;
if (port !== null) {
  port.on('message', (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply = { ok: true, count: handle(task) };
    } catch (err) {
      reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}

function handle(task: WorkerTask): number {
  if (task.type === 'sort') {
    return sortInto(new Float64Array(task.src), task.start, task.end, new Float64Array(task.out), task.start);
  }
  const values: NodeValues = task.buffers.map((b, i) => (b !== null ? new Float64Array(b) : task.scalars[i] ?? undefined));
  runParallelStep(task.plan, task.nodes, values, task.key, task.sampleCount, new Int32Array(task.board));
  return 0;
}
