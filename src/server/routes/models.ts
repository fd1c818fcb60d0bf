import { createRoute, z } from '@hono/zod-openapi';
import { checkModelSource, METRICS, modelBuiltinNames, modelExamples, modelRunJson, runModelSource } from '../../app/index.js';
import { readStore, type Api, type ServerDeps } from '../deps.js';
import { errors, json, ReasonSchema } from '../schemas.js';

/** Most samples a model run over HTTP may ask for (the engine's own limit on a run's values applies too). */
export const MAX_HTTP_MODEL_SAMPLES = 1_000_000;
/** Longest model source over HTTP, in characters. */
export const MAX_MODEL_SOURCE = 100_000;

const Source = z.string().min(1).max(MAX_MODEL_SOURCE).openapi({ example: 'subs = 3M to 5M\nrevenue = subs * 20 * 12\nrevenue' });

/** What a model run takes: POST /api/models/run's body, and a model run of POST /api/runs. */
export const ModelRunBody = z.object({
  source: Source,
  samples: z.number().int().min(1).max(MAX_HTTP_MODEL_SAMPLES).optional().openapi({ example: 10000 }),
  seed: z.union([z.string().max(100), z.number()]).optional().openapi({ example: 'shakeout' }),
  sensitivity: z.boolean().optional(),
  asOf: z.string().optional().openapi({ example: '2024-05-20' }),
  includeUndated: z.boolean().optional(),
});

const check = createRoute({
  method: 'post', path: '/api/models/check', summary: 'Check a model without running it: its first problem at line and column (a syntax or type error, an unknown name, a fact() whose entity or metric the ledger does not know), with the closest known name; reads no fact, changes nothing', tags: ['models'],
  request: { body: { content: { 'application/json': { schema: z.object({ source: Source }).strict() } }, required: true } },
  responses: {
    200: json(z.object({ ok: z.boolean(), issues: z.array(z.object({ code: z.string(), line: z.number(), column: z.number(), from: z.number(), to: z.number(), message: z.string(), suggestion: z.string().nullable(), reason: ReasonSchema })).readonly() }), 'The check'),
    ...errors(400, 413),
  },
});

const run = createRoute({
  method: 'post', path: '/api/models/run', summary: 'Run a model (fact() reads the ledger, as of a day if asked): each output\'s summary, histogram and drivers, the facts read', tags: ['models'],
  request: {
    body: {
      content: {
        'application/json': {
          schema: ModelRunBody.strict(),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(z.object({}).passthrough(), 'The run: outputs (summary, histogram, drivers), sampleCount, seed, facts, timingsMs'), ...errors(400, 404, 413) },
});

const names = createRoute({
  method: 'get', path: '/api/models/names', summary: 'Names for completion: the language\'s functions, and the entities and metrics fact() takes', tags: ['models'],
  responses: { 200: json(z.object({ functions: z.array(z.string()).readonly(), metrics: z.array(z.string()).readonly(), entities: z.array(z.string()).readonly() }), 'Names') },
});

const examples = createRoute({
  method: 'get', path: '/api/models/examples', summary: 'The example models shipped with Shakeout', tags: ['models'],
  responses: { 200: json(z.object({ items: z.array(z.object({ name: z.string(), source: z.string() })).readonly() }), 'Examples') },
});

export function registerModelRoutes(app: Api, deps: ServerDeps): void {
  // fact()'s entities and metrics are checked against the whole ledger's names (read-only; no fact is read)
  app.openapi(check, async (c) => c.json(await checkModelSource(c.req.valid('json').source, deps.store), 200));
  app.openapi(run, async (c) => {
    const b = c.req.valid('json');
    const { store } = await readStore(deps, { asOf: b.asOf, includeUndated: b.includeUndated });
    const r = await runModelSource(b.source, { store, sampleCount: b.samples ?? 10_000, seed: b.seed ?? 'shakeout', ...(b.sensitivity ? { sensitivity: true } : {}), file: 'model.sq' });
    return c.json(JSON.parse(JSON.stringify(modelRunJson(r, { histograms: true }))) as Record<string, never>, 200);
  });
  app.openapi(names, async (c) => {
    const entities = (await deps.store.listEntities()).flatMap((e) => [e.nameEn, ...(e.nameZh ? [e.nameZh] : [])]);
    return c.json({ functions: modelBuiltinNames(), metrics: METRICS, entities }, 200);
  });
  app.openapi(examples, async (c) => c.json({ items: await modelExamples() }, 200));
}
