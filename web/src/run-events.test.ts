import { describe, expect, it } from 'vitest';
import { ApiError } from './api.js';
import { followRun, LOST_MESSAGE, MAX_RECONNECTS, runResult, type EventStream, type RunEvent, type RunLinks, type RunTransport } from './run-events.js';

/** A server-sent event stream the test speaks for: named events with JSON data, or a dropped connection (an error with no data). */
class Stream implements EventStream {
  closed = false;
  private readonly listeners = new Map<string, ((e: Event) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  send(type: string, data: unknown): void {
    this.dispatch(new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }
  drop(): void {
    this.dispatch(new Event('error'));
  }
  private dispatch(e: Event): void {
    if (this.closed) return; // a closed EventSource dispatches nothing
    for (const l of this.listeners.get(e.type) ?? []) l(e);
  }
}

const LINKS: RunLinks = { events: '/api/runs/r1/events', samples: '/api/runs/r1/samples.csv', self: '/api/runs/r1' };

/** A server the test answers for: POST /api/runs answers when `created` is called; GET answers from `states`, in turn. */
function server(states: (() => Promise<unknown>)[] = []) {
  const calls: string[] = [];
  const streams: Stream[] = [];
  const posted: unknown[] = [];
  let answer: (v: unknown) => void = () => {};
  let refuse: (e: unknown) => void = () => {};
  const transport: RunTransport = {
    post: <T>(path: string, body: unknown) => {
      calls.push(`POST ${path}`);
      posted.push(body);
      return new Promise<T>((resolve, reject) => {
        answer = resolve as (v: unknown) => void;
        refuse = reject;
      });
    },
    get: <T>(path: string) => {
      calls.push(`GET ${path}`);
      const next = states.shift();
      return (next ? next() : Promise.reject(new Error('no state'))) as Promise<T>;
    },
    del: (path: string) => {
      calls.push(`DELETE ${path}`);
      return Promise.resolve({ status: 'cancelled' });
    },
    events: (url: string) => {
      calls.push(`EVENTS ${url}`);
      const s = new Stream(url);
      streams.push(s);
      return s;
    },
  };
  return {
    transport, calls, streams, posted,
    created: async () => {
      answer({ id: 'r1', status: 'running', links: LINKS });
      await settle();
    },
    refused: async (e: unknown) => {
      refuse(e);
      await settle();
    },
    get stream(): Stream {
      return streams[streams.length - 1]!;
    },
  };
}

/** Lets the promises of a step run out. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function follow(s: ReturnType<typeof server>) {
  const events: RunEvent<{ n: number }>[] = [];
  const cancel = followRun<{ n: number }>({ kind: 'analysis', name: 'survival', options: { samples: 20000 } }, (e) => events.push(e), s.transport);
  return { events, cancel, types: () => events.map((e) => e.type) };
}

describe('following a run', () => {
  it('starts it, says its progress, then its result with its links, and nothing after', async () => {
    const s = server();
    const f = follow(s);
    expect(s.posted).toEqual([{ kind: 'analysis', name: 'survival', options: { samples: 20000 } }]);
    expect(f.events).toEqual([]);
    await s.created();
    expect(s.calls).toEqual(['POST /api/runs', 'EVENTS /api/runs/r1/events']);
    s.stream.send('progress', { done: 10, total: 120 });
    s.stream.send('progress', { done: 60, total: 120 });
    s.stream.send('result', { n: 7 });
    expect(f.events).toEqual([
      { type: 'started', links: LINKS },
      { type: 'progress', done: 10, total: 120 },
      { type: 'progress', done: 60, total: 120 },
      { type: 'done', result: { n: 7 }, links: LINKS },
    ]);
    expect(s.stream.closed).toBe(true);
    f.cancel(); // finished: nothing to cancel
    expect(s.calls).not.toContain('DELETE /api/runs/r1');
    expect(f.types()).toEqual(['started', 'progress', 'progress', 'done']);
  });

  it('says the run\'s error with its issues, or one issue made of its code and message', async () => {
    const s = server();
    const f = follow(s);
    await s.created();
    const issue = { code: 'invalid_yaml', path: ['options.assumptionsText'], message: 'not valid YAML or JSON' };
    s.stream.send('error', { code: 'invalid_yaml', message: 'survival: not valid YAML', issues: [issue] });
    const failed = f.events.at(-1) as Extract<RunEvent<unknown>, { type: 'failed' }>;
    expect(failed.error).toBeInstanceOf(ApiError);
    expect(failed.error).toMatchObject({ status: 400, message: 'survival: not valid YAML', issues: [issue] });
    expect(s.stream.closed).toBe(true);

    const t = server();
    const g = follow(t);
    await t.created();
    t.stream.send('error', { code: 'time_limit', message: 'stopped after 120 s' });
    expect((g.events.at(-1) as { error: ApiError }).error.issues).toEqual([{ code: 'time_limit', path: [], message: 'stopped after 120 s' }]);
  });

  it('says a refused start as the server answered it, and opens no stream', async () => {
    const s = server();
    const f = follow(s);
    await s.refused(new ApiError(429, 'too many runs', [{ code: 'too_many_runs', path: [], message: 'at most 4 at once' }]));
    expect(f.events).toEqual([{ type: 'failed', error: expect.objectContaining({ status: 429, message: 'too many runs' }) }]);
    expect(s.streams).toEqual([]);
  });

  it('cancels a started run: the stream closed, DELETE sent once, cancelled said once and nothing after', async () => {
    const s = server();
    const f = follow(s);
    await s.created();
    s.stream.send('progress', { done: 5, total: 120 });
    f.cancel();
    f.cancel();
    await settle();
    expect(f.types()).toEqual(['started', 'progress', 'cancelled']);
    expect(s.stream.closed).toBe(true);
    expect(s.calls.filter((c) => c.startsWith('DELETE'))).toEqual(['DELETE /api/runs/r1']);
  });

  it('cancelled before the server answered: said at once, and the run deleted once it exists, never followed', async () => {
    const s = server();
    const f = follow(s);
    f.cancel();
    expect(f.types()).toEqual(['cancelled']);
    await s.created();
    expect(s.calls).toEqual(['POST /api/runs', 'DELETE /api/runs/r1']);
    expect(f.types()).toEqual(['cancelled']);
  });

  it('ends as cancelled when the server cancels it (another page\'s DELETE)', async () => {
    const s = server();
    const f = follow(s);
    await s.created();
    s.stream.send('cancelled', {});
    expect(f.types()).toEqual(['started', 'cancelled']);
    expect(s.calls).not.toContain('DELETE /api/runs/r1');
  });

  it('refuses an event it cannot read, naming it, rather than show part of it', async () => {
    const s = server();
    const f = follow(s);
    await s.created();
    s.stream.send('result', '{"n": 7');
    expect(f.events.at(-1)).toMatchObject({ type: 'failed', error: { status: 0, message: 'the run\'s result event could not be read: expected JSON, got "{\\"n\\": 7"' } });
  });
});

describe('a run whose connection drops', () => {
  it('asks how the run stands and follows it again while it runs; the server sends the current state at once', async () => {
    const s = server([async () => ({ status: 'running', progress: { done: 30, total: 120 } })]);
    const f = follow(s);
    await s.created();
    const first = s.stream;
    first.drop();
    await settle();
    expect(first.closed).toBe(true);
    expect(s.calls).toEqual(['POST /api/runs', 'EVENTS /api/runs/r1/events', 'GET /api/runs/r1', 'EVENTS /api/runs/r1/events']);
    s.stream.send('progress', { done: 30, total: 120 });
    s.stream.send('result', { n: 1 });
    expect(f.types()).toEqual(['started', 'progress', 'done']);
  });

  it('ends as the server says when the run finished meanwhile: its result, its error, or cancelled', async () => {
    const done = server([async () => ({ status: 'done', result: { n: 3 } })]);
    const a = follow(done);
    await done.created();
    done.stream.drop();
    await settle();
    expect(a.events.at(-1)).toEqual({ type: 'done', result: { n: 3 }, links: LINKS });
    expect(done.streams).toHaveLength(1);

    const failed = server([async () => ({ status: 'failed', error: { code: 'time_limit', message: 'stopped after 120 s' } })]);
    const b = follow(failed);
    await failed.created();
    failed.stream.drop();
    await settle();
    expect(b.events.at(-1)).toMatchObject({ type: 'failed', error: { status: 400, message: 'stopped after 120 s', issues: [{ code: 'time_limit' }] } });

    const cancelled = server([async () => ({ status: 'cancelled' })]);
    const c = follow(cancelled);
    await cancelled.created();
    cancelled.stream.drop();
    await settle();
    expect(c.types()).toEqual(['started', 'cancelled']);
  });

  it('fails as lost when the server cannot be reached, or with the server\'s answer (a run no longer kept)', async () => {
    const gone = server([() => Promise.reject(new TypeError('Failed to fetch'))]);
    const a = follow(gone);
    await gone.created();
    gone.stream.drop();
    await settle();
    expect(a.events.at(-1)).toMatchObject({ type: 'failed', error: { status: 0, message: LOST_MESSAGE, issues: [] } });

    const forgotten = server([() => Promise.reject(new ApiError(404, 'no run "r1"', [{ code: 'unknown_run', path: ['id'], message: 'no run "r1"' }]))]);
    const b = follow(forgotten);
    await forgotten.created();
    forgotten.stream.drop();
    await settle();
    expect(b.events.at(-1)).toMatchObject({ type: 'failed', error: { status: 404, message: 'no run "r1"' } });
  });

  it(`gives up as lost after ${MAX_RECONNECTS} drops in a row; an event between drops starts the count again`, async () => {
    const running = async () => ({ status: 'running' });
    const s = server(Array.from({ length: 2 * MAX_RECONNECTS + 2 }, () => running));
    const f = follow(s);
    await s.created();
    for (let i = 0; i < MAX_RECONNECTS; i++) {
      s.stream.drop();
      await settle();
    }
    expect(s.streams).toHaveLength(MAX_RECONNECTS + 1);
    s.stream.send('progress', { done: 1, total: 120 });
    for (let i = 0; i < MAX_RECONNECTS; i++) {
      s.stream.drop();
      await settle();
    }
    expect(s.streams).toHaveLength(2 * MAX_RECONNECTS + 1);
    expect(f.types()).toEqual(['started', 'progress']);
    s.stream.drop();
    await settle();
    expect(s.streams).toHaveLength(2 * MAX_RECONNECTS + 1);
    expect(f.events.at(-1)).toMatchObject({ type: 'failed', error: { status: 0, message: LOST_MESSAGE } });
  });

  it('cancelled while the state is asked for: stays cancelled whatever the server answers', async () => {
    let answer: (v: unknown) => void = () => {};
    const s = server([() => new Promise((r) => (answer = r))]);
    const f = follow(s);
    await s.created();
    s.stream.drop();
    f.cancel();
    answer({ status: 'done', result: { n: 1 } });
    await settle();
    expect(f.types()).toEqual(['started', 'cancelled']);
    expect(s.streams).toHaveLength(1);
  });
});

describe('a run as a promise', () => {
  it('resolves with the result, rejects with the run\'s error, and with "the run was cancelled" when the server cancels it', async () => {
    const ok = server();
    const p = runResult<{ n: number }>({ kind: 'model', source: 'x = 1' }, ok.transport);
    await ok.created();
    ok.stream.send('result', { n: 2 });
    await expect(p).resolves.toEqual({ n: 2 });

    const bad = server();
    const q = runResult({ kind: 'model', source: 'x = ' }, bad.transport);
    await bad.created();
    bad.stream.send('error', { code: 'parse_error', message: 'model.sq:1:5: expected an expression' });
    await expect(q).rejects.toMatchObject({ status: 400, message: 'model.sq:1:5: expected an expression' });

    const off = server();
    const r = runResult({ kind: 'model', source: 'x = 1' }, off.transport);
    await off.created();
    off.stream.send('cancelled', {});
    await expect(r).rejects.toMatchObject({ status: 0, message: 'the run was cancelled' });
  });
});
