import { api, ApiError, offers, type Issue } from '../../api.js';

/** One output of a model run: its summary, histogram and drivers (the JSON of POST /api/models/run). */
export interface Output {
  mean: number | null; sd: number | null; p5: number | null; p25: number | null; p50: number | null; p75: number | null; p95: number | null;
  histogram?: { edges: number[]; counts: number[] };
  drivers?: { name: string; spearman: number; low?: number; high?: number; swing?: number }[];
}
export interface RunResult { outputs: Record<string, Output>; sampleCount: number; seed: string | number; facts: UsedFact[]; timingsMs?: Record<string, number> }
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

interface RunCreated { id: string; status: string; links: { events: string; samples: string; self: string } }

/**
 * Runs a model as a long run (POST /api/runs, progress over server-sent
 * events, DELETE to cancel, samples as CSV), calling `update` as it goes.
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
  const asLongRun = () => api.post<RunCreated>('/api/runs', { kind: 'model', source: req.source, samples: req.samples, seed: req.seed, sensitivity: true, ...(req.asOf ? { asOf: req.asOf } : {}) })
    .then((run) => {
      if (finished) return void api.del(run.links.self).catch(() => {});
      const events = new EventSource(run.links.events);
      cancel = () => {
        events.close();
        finish({ status: 'cancelled' });
        api.del(run.links.self).catch(() => {});
      };
      update({ status: 'running', done: 0, total: req.samples, cancellable: true });
      events.addEventListener('progress', (e) => {
        const p = JSON.parse((e as MessageEvent<string>).data) as { done: number; total: number };
        if (!finished) update({ status: 'running', done: p.done, total: p.total, cancellable: true });
      });
      events.addEventListener('result', (e) => {
        events.close();
        finish({ status: 'done', result: JSON.parse((e as MessageEvent<string>).data) as RunResult, samplesUrl: run.links.samples });
      });
      events.addEventListener('error', (e) => {
        const data = (e as MessageEvent<string>).data;
        events.close();
        if (data) {
          const err = JSON.parse(data) as { code: string; message: string; issues?: Issue[] };
          finish({ status: 'failed', error: new ApiError(400, err.message, err.issues?.length ? err.issues : [{ code: err.code, path: [], message: err.message }]) });
        } else {
          finish({ status: 'failed', error: new ApiError(0, 'the connection to the run was lost', []) });
        }
      });
      events.addEventListener('cancelled', () => {
        events.close();
        finish({ status: 'cancelled' });
      });
    }, (e: unknown) => finish({ status: 'failed', error: e as ApiError }));
  void offers('post', '/api/runs').then((yes) => {
    if (!finished) void (yes ? asLongRun() : oneRequest());
  });
  return () => {
    if (finished) return;
    cancel();
    finish({ status: 'cancelled' });
  };
}
