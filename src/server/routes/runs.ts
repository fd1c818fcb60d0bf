import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { analysisEntry, modelRunJson, parseWithSchema, runModelSource, type AnalysisEntry, type Analysis } from '../../app/index.js';
import { analysisContextFor, readStore, type Api, type ServerDeps } from '../deps.js';
import type { RunBoard, RunOutcome } from '../run-board.js';
import { errors, json } from '../schemas.js';
import { analysisQuery, refusePaths } from './analyses.js';
import { ModelRunBody } from './models.js';

const Id = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: '6f1c7a52-...' }) });

const StartBody = z.discriminatedUnion('kind', [
  ModelRunBody.extend({ kind: z.literal('model') }).strict(),
  z.object({
    kind: z.literal('analysis'),
    name: z.string().min(1).max(100).openapi({ example: 'survival' }),
    options: z.record(z.string(), z.unknown()).optional().openapi({
      description: 'The analysis\'s options as GET /api/analyses/{name} takes them in its query (numbers and yes/no as JSON or as text), with samples, seed, asOf and lang.',
      example: { companies: 'OpenAI,Anthropic', samples: 20000, seed: 'shakeout' },
    }),
  }).strict(),
]).openapi('RunStart');

const Links = z.object({ events: z.string(), samples: z.string(), self: z.string() });
const Progress = z.object({ done: z.number(), total: z.number() });
const RunErrorSchema = z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({}).passthrough()).optional() }).openapi('RunError');
const RunStateSchema = z.object({
  id: z.string(), kind: z.enum(['model', 'analysis']), status: z.enum(['running', 'done', 'failed', 'cancelled']), progress: Progress,
  result: z.object({}).passthrough().optional().openapi({ description: 'Once done: the same JSON as POST /api/models/run, or as GET /api/analyses/{name}.' }),
  error: RunErrorSchema.optional(),
}).openapi('Run');

function limitsText(board: RunBoard): string {
  const l = board.limits;
  return `At most ${l.maxRunning} runs at once (429 past it); a run still going after ${l.timeLimitMs / 1000} s is stopped with error time_limit; finished runs are kept ${l.keepMs / 60_000} minutes, the last ${l.keepRuns} at most.`;
}

/**
 * Long work over HTTP: POST /api/runs starts a model run or an analysis and
 * answers 202 at once; GET /api/runs/{id} is its state; /events streams its
 * progress and then exactly one of result, error or cancelled (a client that
 * connects late gets the current state at once); DELETE cancels it through
 * its AbortSignal; /samples.csv gives its samples once done.
 */
export function registerRunRoutes(app: Api, deps: ServerDeps, board: RunBoard): void {
  const start = createRoute({
    method: 'post', path: '/api/runs', summary: 'Start long work: a model run or an analysis; follow it at links.events', tags: ['runs'], description: limitsText(board),
    request: { body: { content: { 'application/json': { schema: StartBody } }, required: true } },
    responses: {
      202: json(z.object({ id: z.string(), status: z.literal('running'), links: Links }), 'Started'),
      ...errors(400, 404, 413),
      429: { description: 'As many runs are going as the server takes at once.', content: { 'application/json': { schema: z.object({ error: z.object({}).passthrough() }) } } },
    },
  });
  const show = createRoute({
    method: 'get', path: '/api/runs/{id}', summary: 'A run\'s state: status, progress, and its result or error once finished', tags: ['runs'],
    request: { params: Id },
    responses: { 200: json(RunStateSchema, 'The run'), ...errors(404) },
  });
  const events = createRoute({
    method: 'get', path: '/api/runs/{id}/events', summary: 'A run\'s events (server-sent): progress {done,total}, then exactly one of result, error {code,message,issues?} or cancelled', tags: ['runs'],
    request: { params: Id },
    responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } }, ...errors(404) },
  });
  const cancel = createRoute({
    method: 'delete', path: '/api/runs/{id}', summary: 'Cancel a running run (through its AbortSignal)', tags: ['runs'],
    request: { params: Id },
    responses: { 200: json(z.object({ id: z.string(), status: z.literal('cancelled') }), 'Cancelled'), ...errors(404, 409) },
  });
  const samples = createRoute({
    method: 'get', path: '/api/runs/{id}/samples.csv', summary: 'A finished run\'s samples as CSV: one column per output (for an analysis, per estimate with draws), one row per draw', tags: ['runs'],
    request: { params: Id },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errors(404, 409) },
  });

  app.openapi(start, async (c) => {
    const body = c.req.valid('json');
    const work = body.kind === 'model' ? modelWork(deps, body) : analysisWork(deps, body.name, body.options ?? {});
    const id = board.start(body.kind, work);
    const base = `/api/runs/${id}`;
    return c.json({ id, status: 'running' as const, links: { events: `${base}/events`, samples: `${base}/samples.csv`, self: base } }, 202);
  });
  app.openapi(show, (c) => c.json(board.state(c.req.valid('param').id) as z.infer<typeof RunStateSchema>, 200));
  app.openapi(cancel, (c) => c.json(board.cancel(c.req.valid('param').id), 200));
  app.openapi(samples, (c) => {
    const { id } = c.req.valid('param');
    return c.body(board.samplesCsv(id), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="run-${id}.csv"` });
  });
  app.openapi(events, (c) => {
    const { id } = c.req.valid('param');
    board.state(id); // 404 before the stream opens
    return streamSSE(c, async (stream) => {
      await new Promise<void>((resolve) => {
        let stop: () => void = () => undefined;
        let chain = Promise.resolve();
        const stopped = () => { stop(); resolve(); };
        stream.onAbort(stopped);
        stop = board.follow(id, (e) => {
          chain = chain.then(() => stream.writeSSE({ event: e.event, data: JSON.stringify(e.data) }));
          if (e.event !== 'progress') void chain.then(stopped, stopped);
        });
      });
    }) as never;
  });
}

type ModelBody = z.infer<typeof ModelRunBody>;

/** A model run: the same as POST /api/models/run, its outputs' samples kept for the CSV. */
function modelWork(deps: ServerDeps, b: ModelBody) {
  return async (signal: AbortSignal, progress: (done: number, total: number) => void): Promise<RunOutcome> => {
    const { store } = await readStore(deps, { asOf: b.asOf, includeUndated: b.includeUndated });
    const r = await runModelSource(b.source, { store, sampleCount: b.samples ?? 10_000, seed: b.seed ?? 'shakeout', ...(b.sensitivity ? { sensitivity: true } : {}), file: 'model.sq', signal, onProgress: progress });
    const columns = r.outputs.map((o) => ({ name: o.name, values: o.type === 'scalar' ? o.value : o.samples }));
    return { json: JSON.parse(JSON.stringify(modelRunJson(r, { histograms: true }))) as unknown, columns };
  };
}

/**
 * An analysis of the registry: its options read as GET /api/analyses/{name}
 * reads its query (checked now, so a bad option is a 400 before any run
 * starts), run with the run's signal and progress.
 */
function analysisWork(deps: ServerDeps, name: string, raw: Record<string, unknown>) {
  const entry: AnalysisEntry = analysisEntry(name);
  refusePaths(raw, 'options');
  const asText = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'boolean' || typeof v === 'number' ? String(v) : v]));
  const parsed = parseWithSchema(analysisQuery(entry), asText, 'options', name);
  const { asOf, includeUndated, samples, seed, lang, revision: _pinned, ...options } = parsed as Record<string, unknown> & { asOf?: string; includeUndated?: boolean; samples?: number; seed?: string; lang?: 'en' | 'zh' };
  return async (signal: AbortSignal, progress: (done: number, total: number) => void): Promise<RunOutcome> => {
    const ctx = await analysisContextFor(deps, entry, { asOf, includeUndated, samples, seed, lang, signal, onProgress: progress });
    const result = await entry.run(ctx, options);
    const estimates = (result as Partial<Analysis>).estimates ?? [];
    const columns = estimates.flatMap((e) => (e.samples ? [{ name: e.id, values: e.samples }] : []));
    return { json: entry.json(result, ctx), columns };
  };
}
