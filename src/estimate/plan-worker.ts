/**
 * Entry point of the estimate worker threads (compiled to
 * dist/estimate/plan-worker.js). It runs the chunks of a parallel step in
 * shared memory, or summarises an output, with the same code as
 * the main thread (results in shared memory), and replies { ok: true } or
 * { ok: false, message }.
 */
import { parentPort } from 'node:worker_threads';
import { runParallelStep, type NodeValues } from './parallel-step.js';
import type { WorkerReply, WorkerTask } from './worker-pool.js';
import { CHUNK_SIZE } from './random-stream.js';
import { SampleSet, summarySlotWidth } from './sample-set.js';
import { boardClaimTimes, boardFlags, claimUnit } from './work-board.js';

const port = parentPort;
if (port !== null) {
  port.on('message', (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      if (task.type === 'summary') summarise(task);
      else handle(task);
      reply = { ok: true };
    } catch (err) {
      reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}

function summarise(task: Extract<WorkerTask, { type: 'summary' }>): void {
  const units = task.srcs.length;
  const board = boardFlags(task.board, units);
  const times = boardClaimTimes(task.board, units);
  const results = new Float64Array(task.results);
  const width = summarySlotWidth(task.whole, task.bins);
  for (let u = claimUnit(board, times); u < units; u = claimUnit(board, times)) {
    const set = new SampleSet(new Float64Array(task.srcs[u]!));
    const values = task.whole ? set.summaryParts(task.bins) : set.summaryQuantileParts(task.bins);
    results[u * width] = values.length;
    results.set(values, u * width + 1);
    // 1: read the results back, unless the main thread did the unit meanwhile (2)
    if (Atomics.compareExchange(board, 1 + u, 0, 1) === 0) Atomics.notify(board, 1 + u);
  }
}

function handle(task: Extract<WorkerTask, { type: 'step' }>): void {
  const values: NodeValues = task.buffers.map((b, i) => (b !== null ? new Float64Array(b) : task.scalars[i] ?? undefined));
  // privateWrites: the main thread may redo a chunk this worker is slow to finish
  const chunks = Math.ceil(task.sampleCount / CHUNK_SIZE);
  const board = { flags: boardFlags(task.board, chunks), times: boardClaimTimes(task.board, chunks) };
  runParallelStep(task.plan, task.nodes, values, task.key, task.sampleCount, { board, transient: task.transient, privateWrites: true });
}
