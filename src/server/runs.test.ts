import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';
import type { RunLimits } from './run-board.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

interface Started { id: string; status: string; links: { events: string; samples: string; self: string } }
interface State { id: string; kind: string; status: string; progress: { done: number; total: number }; result?: Record<string, unknown>; error?: { code: string; message: string } }
interface Failed { error: { status: number; message: string; issues: { code: string; path: (string | number)[] }[] } }

const post = (app: ReturnType<typeof createApp>, body: unknown) => app.request('/api/runs', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const appWith = (runs: Partial<RunLimits> = {}) => createApp({ store, runs });

/** The events of a stream, read to its end: [event, data] pairs. */
async function events(app: ReturnType<typeof createApp>, url: string): Promise<[string, unknown][]> {
  const res = await app.request(url);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const text = await res.text();
  return text.split('\n\n').filter((b) => b.trim()).map((b) => {
    const event = /^event: (.*)$/m.exec(b)?.[1] ?? 'message';
    const data = /^data: (.*)$/m.exec(b)?.[1] ?? 'null';
    return [event, JSON.parse(data)];
  });
}

const MODEL = 'subs = 3M to 5M\nrevenue = subs * 20 * 12\n{subs, revenue}';
/** A model big enough to run over many chunks (the engine yields every 8). */
const BIG = { kind: 'model', source: 'a = 1 to 2\nb = normal(0, 1)\nc = a * b + a\nc', samples: 1_000_000, seed: 1 };

describe('runs for long work', () => {
  it('runs a model: 202 with its links, progress then exactly one result (the JSON of POST /api/models/run), its state, its samples as CSV', async () => {
    const app = appWith();
    const res = await post(app, { kind: 'model', source: MODEL, samples: 20_000, seed: 'x' });
    expect(res.status).toBe(202);
    const s = (await res.json()) as Started;
    expect(s).toEqual({ id: s.id, status: 'running', links: { events: `/api/runs/${s.id}/events`, samples: `/api/runs/${s.id}/samples.csv`, self: `/api/runs/${s.id}` } });
    const ev = await events(app, s.links.events);
    expect(ev[0]![0]).toBe('progress');
    expect(ev.filter(([e]) => e !== 'progress')).toHaveLength(1);
    const [last, data] = ev.at(-1)!;
    expect(last).toBe('result');
    const direct = await (await app.request('/api/models/run', { method: 'POST', body: JSON.stringify({ source: MODEL, samples: 20_000, seed: 'x' }), headers: { 'content-type': 'application/json' } })).json() as { outputs: unknown; timingsMs: unknown };
    expect((data as typeof direct).outputs).toEqual(direct.outputs);
    const state = (await (await app.request(s.links.self)).json()) as State;
    expect(state).toMatchObject({ id: s.id, kind: 'model', status: 'done' });
    expect(state.progress.done).toBe(state.progress.total);
    expect((state.result as typeof direct).outputs).toEqual(direct.outputs);
    const csv = await app.request(s.links.samples);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('subs,revenue');
    expect(lines).toHaveLength(20_001);
    const [subs, revenue] = lines[1]!.split(',').map(Number);
    expect(revenue).toBeCloseTo(subs! * 240, 3);
    // late: the stream gives the final event at once
    expect((await events(app, s.links.events)).map(([e]) => e)).toEqual(['result']);
  });

  it('runs an analysis of the registry, with its options as the GET query takes them', async () => {
    const app = appWith();
    const s = (await (await post(app, { kind: 'analysis', name: 'survival', options: { companies: 'OpenAI', samples: 500, seed: 4, horizon: 24 } })).json()) as Started;
    const ev = await events(app, s.links.events);
    const [last, data] = ev.at(-1)!;
    expect(last).toBe('result');
    const direct = (await (await app.request('/api/analyses/survival?companies=OpenAI&samples=500&seed=4&horizon=24')).json()) as { analysis: { details: unknown } };
    const { elapsedMs: _a, ...viaRun } = (data as typeof direct).analysis.details as Record<string, unknown>;
    const { elapsedMs: _b, ...viaGet } = direct.analysis.details as Record<string, unknown>;
    expect(viaRun).toEqual(viaGet);
    const h = (await (await post(app, { kind: 'analysis', name: 'health', options: { company: 'Zhipu AI', samples: 1000, assumptions: true } })).json()) as Started;
    await events(app, h.links.events);
    const csv = (await (await app.request(h.links.samples)).text()).split('\n');
    expect(csv[0]).toMatch(/^input\./);
    expect(csv.filter(Boolean)).toHaveLength(1001);
  });

  it('cancels a running run through its signal: 200, then the stream ends with cancelled; 409 once finished, 404 unknown', async () => {
    const app = appWith();
    const s = (await (await post(app, BIG)).json()) as Started;
    const del = await app.request(s.links.self, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ id: s.id, status: 'cancelled' });
    expect((await events(app, s.links.events)).map(([e]) => e)).toEqual(['cancelled']);
    const state = (await (await app.request(s.links.self)).json()) as State;
    expect(state.status).toBe('cancelled');
    expect(state.progress.done).toBeLessThan(state.progress.total);
    expect((await app.request(s.links.self, { method: 'DELETE' })).status).toBe(409);
    expect((await app.request(s.links.samples)).status).toBe(409);
    expect((await app.request('/api/runs/nope')).status).toBe(404);
    expect((await app.request('/api/runs/nope', { method: 'DELETE' })).status).toBe(404);
    expect((await app.request('/api/runs/nope/events')).status).toBe(404);
  });

  it('cancels a survival simulation while it runs: the DELETE arrives between its months, and it stops before the end', async () => {
    const app = appWith();
    const s = (await (await post(app, { kind: 'analysis', name: 'survival', options: { companies: 'OpenAI,Anthropic', samples: 100_000, seed: 2, horizon: 600 } })).json()) as Started;
    // read the events as they come; cancel on the first progress of the simulation
    const reader = (await app.request(s.links.events)).body!.getReader();
    const seen: [string, { done?: number; total?: number } | null][] = [];
    let buffer = '';
    let cancelledAt: { done: number; total: number } | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const b of blocks.filter((x) => x.trim())) {
        const event = /^event: (.*)$/m.exec(b)?.[1] ?? 'message';
        const data = JSON.parse(/^data: (.*)$/m.exec(b)?.[1] ?? 'null') as { done: number; total: number } | null;
        seen.push([event, data]);
        if (event === 'progress' && data!.done > 0 && !cancelledAt) {
          cancelledAt = data;
          const del = await app.request(s.links.self, { method: 'DELETE' });
          // a simulation that never yielded would have finished by now: 409
          expect(del.status).toBe(200);
        }
      }
    }
    expect(cancelledAt).not.toBeNull();
    expect(cancelledAt!.total).toBe(1200); // 2 companies x 600 months
    expect(seen.at(-1)![0]).toBe('cancelled');
    expect(seen.some(([e]) => e === 'result')).toBe(false);
    const state = (await (await app.request(s.links.self)).json()) as State;
    expect(state.status).toBe('cancelled');
    // the months simulated when the cancel came: a small part of them
    expect(state.progress.done).toBeLessThan(state.progress.total / 2);
  });

  it('a client following the stream sees the cancel as its one final event', async () => {
    const app = appWith();
    const s = (await (await post(app, BIG)).json()) as Started;
    const following = events(app, s.links.events);
    await app.request(s.links.self, { method: 'DELETE' });
    const ev = await following;
    // progress so far (none if the cancel came first), then the cancel
    expect(ev.slice(0, -1).every(([e]) => e === 'progress')).toBe(true);
    expect(ev.at(-1)![0]).toBe('cancelled');
    expect(ev.filter(([e]) => e !== 'progress')).toHaveLength(1);
  });

  it('refuses samples while running (409), past the concurrent limit (429), and bad input before starting (400)', async () => {
    const app = appWith({ maxRunning: 1 });
    const s = (await (await post(app, BIG)).json()) as Started;
    expect((await app.request(s.links.samples)).status).toBe(409);
    const second = await post(app, { kind: 'model', source: MODEL });
    expect(second.status).toBe(429);
    expect(((await second.json()) as Failed).error.issues[0]!.code).toBe('too_many_runs');
    await app.request(s.links.self, { method: 'DELETE' });
    const bad = await post(app, { kind: 'analysis', name: 'survival', options: { horizon: 'long' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Failed).error.issues[0]!.path).toEqual(['options', 'horizon']);
    const path = await post(app, { kind: 'analysis', name: 'survival', options: { assumptionsFile: '/etc/passwd' } });
    expect(((await path.json()) as Failed).error.issues[0]).toMatchObject({ code: 'path_refused', path: ['options', 'assumptionsFile'] });
    expect((await post(app, { kind: 'analysis', name: 'survivl' })).status).toBe(404);
    expect((await post(app, { kind: 'nothing' })).status).toBe(400);
  });

  it('a model that fails reports error {code, message, issues}, and its state says failed', async () => {
    const app = appWith();
    const s = (await (await post(app, { kind: 'model', source: 'x = normal(0, -1)\nx', samples: 100 })).json()) as Started;
    const ev = await events(app, s.links.events);
    const [last, data] = ev.at(-1)!;
    expect(last).toBe('error');
    expect(data).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/^model\.sq:1:15: normal: the standard deviation must be larger than 0/) });
    expect(((await (await app.request(s.links.self)).json()) as State).status).toBe('failed');
  });

  it('stops a run over the time limit with error time_limit', async () => {
    const app = appWith({ timeLimitMs: 0 });
    const s = (await (await post(app, BIG)).json()) as Started;
    const [last, data] = (await events(app, s.links.events)).at(-1)!;
    expect(last).toBe('error');
    expect(data).toMatchObject({ code: 'time_limit' });
  });

  it('keeps finished runs only up to the documented count', async () => {
    const app = appWith({ keepRuns: 1 });
    const a = (await (await post(app, { kind: 'model', source: MODEL, samples: 100 })).json()) as Started;
    await events(app, a.links.events);
    const b = (await (await post(app, { kind: 'model', source: MODEL, samples: 100 })).json()) as Started;
    await events(app, b.links.events);
    expect((await app.request(a.links.self)).status).toBe(404);
    expect((await app.request(b.links.self)).status).toBe(200);
  });
});
