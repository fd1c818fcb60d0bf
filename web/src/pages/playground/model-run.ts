import { api, ApiError, offers } from '../../api.js';
import { followRun } from '../../run-events.js';

/** One output of a model run: its summary, histogram and drivers (the JSON of POST /api/models/run). */
export interface Output {
  mean: number | null; sd: number | null; p5: number | null; p25: number | null; p50: number | null; p75: number | null; p95: number | null;
  histogram?: { edges: number[]; counts: number[] };
  /** spearman is null when undefined: the input or the output is constant (an exact figure). */
  drivers?: { name: string; spearman: number | null; low?: number | null; high?: number | null; swing?: number }[];
}
/** What the API gives for an output: a summary, or for a constant (`b = 3`) its number (null when not a number). */
export type OutputValue = Output | number | null;
export interface RunResult { outputs: Record<string, OutputValue>; sampleCount: number; seed: string | number; facts: UsedFact[]; timingsMs?: Record<string, number> }
/** A fact a model read through fact(): what it asked for, the fact chosen and those left aside with the reason. */
export interface UsedFact {
  request: { entity: string; metric: string }; fact: string; valueText: string;
  source: { publisher: string; url: string | null; published: string | null };
  leftAside: { fact: string; reason: { en: string; zh: string } }[];
}
export interface RunRequest { source: string; samples: number; seed: string; asOf?: string }

/** Where a run stands, as the page shows it. */
export type RunState =
  | { status: 'running'; done: number; total: number; cancellable: boolean }
  | { status: 'done'; result: RunResult; samplesUrl: string | null }
  | { status: 'failed'; error: ApiError }
  | { status: 'cancelled' };

/**
 * Runs a model as a long run (POST /api/runs, followed by {@link followRun}:
 * progress, DELETE to cancel, samples as CSV), calling `update` as it goes.
 * A server without the runs API (its OpenAPI document has no POST /api/runs)
 * runs it in one request instead: no progress, and cancelling only stops
 * waiting. Returns the function that cancels.
 */
export function startRun(req: RunRequest, update: (s: RunState) => void): () => void {
  let cancel: () => void = () => {};
  let finished = false;
  const finish = (s: RunState) => {
    if (finished) return;
    finished = true;
    update(s);
  };
  update({ status: 'running', done: 0, total: req.samples, cancellable: false });
  const oneRequest = () => {
    const ac = new AbortController();
    cancel = () => {
      ac.abort();
      finish({ status: 'cancelled' });
    };
    update({ status: 'running', done: 0, total: req.samples, cancellable: true });
    api.post<RunResult>('/api/models/run', { source: req.source, samples: req.samples, seed: req.seed, sensitivity: true, ...(req.asOf ? { asOf: req.asOf } : {}) }, undefined, ac.signal)
      .then((result) => finish({ status: 'done', result, samplesUrl: null }), (err: unknown) => {
        if (!ac.signal.aborted) finish({ status: 'failed', error: err as ApiError });
      });
  };
  const asLongRun = () => {
    cancel = followRun<RunResult>({ kind: 'model', source: req.source, samples: req.samples, seed: req.seed, sensitivity: true, ...(req.asOf ? { asOf: req.asOf } : {}) }, (e) => {
      if (e.type === 'started') update({ status: 'running', done: 0, total: req.samples, cancellable: true });
      else if (e.type === 'progress') update({ status: 'running', done: e.done, total: e.total, cancellable: true });
      else if (e.type === 'done') finish({ status: 'done', result: e.result, samplesUrl: e.links.samples });
      else if (e.type === 'failed') finish({ status: 'failed', error: e.error });
      else finish({ status: 'cancelled' });
    });
  };
  void offers('post', '/api/runs').then((yes) => {
    if (!finished) (yes ? asLongRun : oneRequest)();
  });
  return () => {
    if (finished) return;
    cancel();
    finish({ status: 'cancelled' });
  };
}
