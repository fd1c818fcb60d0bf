import { api, ApiError, type Issue } from './api.js';

/** Where a started run is followed, cancelled and its samples fetched: the links of POST /api/runs. */
export interface RunLinks { events: string; samples: string; self: string }

/** What POST /api/runs takes: a model run or an analysis of the registry (the server's RunStart schema). */
export type RunStart =
  | { kind: 'model'; source: string; samples?: number; seed?: string; sensitivity?: boolean; asOf?: string }
  | { kind: 'analysis'; name: string; options?: Record<string, unknown> };

/**
 * What a followed run says, in order: `started` once the server has it
 * (from then on it can be cancelled on the server), `progress` any number of
 * times, then exactly one of `done`, `failed` or `cancelled`, and nothing after.
 */
export type RunEvent<T> =
  | { type: 'started'; links: RunLinks }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: T; links: RunLinks }
  | { type: 'failed'; error: ApiError }
  | { type: 'cancelled' };

/** The part of the browser's EventSource a run is followed with. */
export interface EventStream {
  addEventListener(type: string, listener: (e: Event) => void): void;
  close(): void;
}

/** What following a run needs: the API's calls and a server-sent event stream (the browser's, or a test's). */
export interface RunTransport {
  post<T>(path: string, body: unknown): Promise<T>;
  get<T>(path: string): Promise<T>;
  del(path: string): Promise<unknown>;
  events(url: string): EventStream;
}

/** The browser's: the API client of api.ts and EventSource. */
export const browserTransport: RunTransport = {
  post: (path, body) => api.post(path, body),
  get: (path) => api.get(path),
  del: (path) => api.del(path),
  events: (url) => new EventSource(url),
};

/**
 * How many times in a row a dropped stream of a run the server says is still
 * running is opened again, before the run is given up as lost. Any event
 * that arrives starts the count again.
 */
export const MAX_RECONNECTS = 3;

/** The message of a run whose connection was lost and whose state the server could not give. */
export const LOST_MESSAGE = 'the connection to the run was lost';

/** A run's error as its stream and GET /api/runs/{id} say it. */
interface RunError { code: string; message: string; issues?: Issue[] }
/** GET /api/runs/{id}, as far as a follower reads it. */
interface RunState { status: 'running' | 'done' | 'failed' | 'cancelled'; result?: unknown; error?: RunError }

/** A run's error as the page's ApiError: its issues, or one made of its code and message. */
function runFailure(err: RunError): ApiError {
  return new ApiError(400, err.message, err.issues?.length ? err.issues : [{ code: err.code, path: [], message: err.message }]);
}

/**
 * Starts long work (POST /api/runs) and follows it to its end over its
 * server-sent events, calling `on` with each {@link RunEvent}. Returns the
 * function that cancels: before the server has answered, the run is
 * cancelled at once and deleted as soon as it exists; after, the stream is
 * closed and the run deleted (DELETE links.self). Cancelling a finished run
 * does nothing.
 *
 * When the connection drops (the stream's error with no data), the run's
 * state is asked for (GET links.self): a finished run ends as the server
 * says (its result, its error, or cancelled); one still running is followed
 * again (the server sends a late follower the current state at once), at
 * most {@link MAX_RECONNECTS} times in a row; a server that cannot answer
 * ends it as failed, with its error or {@link LOST_MESSAGE}.
 *
 * @example
 * const cancel = followRun({ kind: 'analysis', name: 'survival', options: { samples: 20000 } }, (e) => console.log(e.type));
 */
export function followRun<T>(start: RunStart, on: (e: RunEvent<T>) => void, transport: RunTransport = browserTransport): () => void {
  let finished = false;
  let links: RunLinks | null = null;
  let stream: EventStream | null = null;
  let drops = 0;
  const finish = (e: RunEvent<T> & { type: 'done' | 'failed' | 'cancelled' }) => {
    if (finished) return;
    finished = true;
    stream?.close();
    on(e);
  };
  const lost = (e: unknown) => finish({ type: 'failed', error: e instanceof ApiError ? e : new ApiError(0, LOST_MESSAGE, []) });
  /** The data of a stream's event as JSON; a failure naming the event when it is not. */
  const read = (event: string, e: Event): { ok: true; data: unknown } | { ok: false } => {
    try {
      return { ok: true, data: JSON.parse((e as MessageEvent<string>).data) as unknown };
    } catch {
      finish({ type: 'failed', error: new ApiError(0, `the run's ${event} event could not be read: expected JSON, got ${JSON.stringify(String((e as MessageEvent<unknown>).data).slice(0, 80))}`, []) });
      return { ok: false };
    }
  };
  const endAs = (state: RunState, at: RunLinks) => {
    if (state.status === 'done') finish({ type: 'done', result: state.result as T, links: at });
    else if (state.status === 'failed') finish({ type: 'failed', error: runFailure(state.error ?? { code: 'error', message: 'the run failed and its error was not kept' }) });
    else if (state.status === 'cancelled') finish({ type: 'cancelled' });
    else if (drops <= MAX_RECONNECTS) follow(at);
    else lost(null);
  };
  const follow = (at: RunLinks) => {
    const s = transport.events(at.events);
    stream = s;
    s.addEventListener('progress', (e) => {
      drops = 0;
      const r = read('progress', e);
      if (r.ok && !finished) {
        const p = r.data as { done: number; total: number };
        on({ type: 'progress', done: p.done, total: p.total });
      }
    });
    s.addEventListener('result', (e) => {
      const r = read('result', e);
      if (r.ok) finish({ type: 'done', result: r.data as T, links: at });
    });
    s.addEventListener('error', (e) => {
      s.close();
      if (finished) return;
      const data = (e as Partial<MessageEvent<string>>).data;
      if (data) {
        const r = read('error', e);
        if (r.ok) finish({ type: 'failed', error: runFailure(r.data as RunError) });
        return;
      }
      // the connection dropped: the server says how the run stands
      drops += 1;
      transport.get<RunState>(at.self).then((state) => {
        if (!finished) endAs(state, at);
      }, lost);
    });
    s.addEventListener('cancelled', () => finish({ type: 'cancelled' }));
  };
  transport.post<{ id: string; links: RunLinks }>('/api/runs', start).then((run) => {
    links = run.links;
    if (finished) return void transport.del(run.links.self).catch(() => {});
    on({ type: 'started', links: run.links });
    follow(run.links);
  }, (e: unknown) => finish({ type: 'failed', error: e instanceof ApiError ? e : new ApiError(0, String(e), []) }));
  return () => {
    if (finished) return;
    finish({ type: 'cancelled' });
    if (links) transport.del(links.self).catch(() => {});
  };
}

/**
 * A run followed to its result, as a promise: rejects with the run's
 * ApiError when it fails, and with an ApiError 'the run was cancelled'
 * when the server cancels it.
 */
export function runResult<T>(start: RunStart, transport: RunTransport = browserTransport): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    followRun<T>(start, (e) => {
      if (e.type === 'done') resolve(e.result);
      else if (e.type === 'failed') reject(e.error);
      else if (e.type === 'cancelled') reject(new ApiError(0, 'the run was cancelled', []));
    }, transport);
  });
}
