import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSES, analysisCatalogue, analysisEntry, ShakeoutError, shapeOf, type AnalysisEntry } from '../../app/index.js';
import { analysisContextFor, type Api, type ServerDeps } from '../deps.js';
import { AsOfQuery, errors, json, queryBool } from '../schemas.js';

/** Most paths a simulation over HTTP may ask for, and most draws an analysis may: beyond, use the CLI. */
export const MAX_HTTP_PATHS = 100_000;
export const MAX_HTTP_SAMPLES = 200_000;

/** The most an analysis over HTTP may sample: paths for a simulation, draws for the others. */
export function maxHttpSamples(entry: AnalysisEntry): number {
  return entry.samples === 'paths' ? MAX_HTTP_PATHS : MAX_HTTP_SAMPLES;
}

/**
 * Fields that would name a file or folder on the server (the CLI's
 * --assumptions FILE, --out, a model file, --db): the server reads and
 * writes no paths a request names. Send a file's text instead
 * (`assumptionsText`, a model's `source`).
 */
export const PATH_FIELDS = ['assumptionsFile', 'out', 'output', 'outDir', 'file', 'modelFile', 'path', 'db', 'chartDir'] as const;

/** Refuses a request that names a path (see {@link PATH_FIELDS}): a 400 naming the field. */
export function refusePaths(fields: object, where: string): void {
  const named = PATH_FIELDS.filter((f) => Object.hasOwn(fields, f));
  if (!named.length) return;
  const issues = named.map((f) => ({
    code: 'path_refused',
    path: [where, f],
    message: `expected no file path (the server reads and writes no file a request names: send the text, such as assumptionsText for an assumptions file, or read the result from the response), got ${JSON.stringify((fields as Record<string, unknown>)[f])}`,
  }));
  throw new ShakeoutError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { issues, status: 400 });
}

const seed = z.string().min(1).max(100).optional().openapi({ description: 'The seed: the same URL gives the same numbers (default "shakeout").', example: 'shakeout' });
const lang = z.enum(['en', 'zh']).optional().openapi({ description: 'The language of a chart option.' });

/**
 * The query of an analysis's URL: the context (seed, samples, the as-of day,
 * the language) and the analysis's own options, all of it, so a URL
 * reproduces a result.
 */
export function analysisQuery(entry: AnalysisEntry, options: Record<string, z.ZodType> = shapeOf(entry)) {
  const max = maxHttpSamples(entry);
  const context = {
    asOf: z.string().optional().openapi({
      description: entry.asOf === 'forecast-day'
        ? 'The day the forecasts are made (YYYY-MM-DD), required: the forecasts read the ledger as it stood then; what happened later scores them.'
        : 'Read the ledger as it stood on this day (YYYY-MM-DD): only facts published by then.',
      example: '2024-05-20',
    }),
    ...(entry.asOf === 'view' ? { includeUndated: queryBool.optional().openapi({ description: 'With asOf: also facts whose source gives no publication date.', type: 'string', enum: ['true', 'false'] }) } : {}),
    ...(entry.samples === 'none' ? {} : {
      samples: z.coerce.number().int().min(entry.samples === 'paths' ? 1 : 100).max(max).optional()
        .openapi({ type: 'integer', example: 10000, description: `${entry.samples === 'paths' ? 'Paths per company' : 'Draws per estimate'} (default 10,000, at most ${max.toLocaleString('en')}).` }),
      seed,
    }),
    lang,
    revision: AsOfQuery.shape.revision,
  };
  return z.object({ ...context, ...options }).strict();
}

const list = createRoute({
  method: 'get', path: '/api/analyses', summary: 'The analyses: each one\'s name, summary, what its samples count and the JSON Schema of its options', tags: ['analyses'],
  responses: {
    200: json(z.object({ items: z.array(z.object({ name: z.string(), summary: z.string(), samples: z.enum(['draws', 'paths', 'none']), asOf: z.enum(['view', 'forecast-day']), url: z.string(), options: z.object({}).passthrough() })).readonly() }), 'The analyses'),
  },
});

const AnalysisSchema = z.object({
  kind: z.string(), title: z.object({ en: z.string(), zh: z.string() }), subject: z.string().nullable(),
  estimates: z.array(z.object({}).passthrough()).readonly(), facts: z.array(z.object({}).passthrough()).readonly(),
  assumptions: z.array(z.object({}).passthrough()).readonly(), notes: z.array(z.object({ en: z.string(), zh: z.string() })).readonly(),
  env: z.object({ sampleCount: z.number(), seed: z.union([z.string(), z.number()]) }).nullable(),
  details: z.object({}).passthrough(),
  asOf: z.object({}).passthrough().optional(),
  currency: z.object({}).passthrough().optional(),
}).openapi('Analysis', { description: 'An analysis: its estimates (mean, p5, p50, p95, formula, inputs), the facts and assumptions it rests on, notes in en and zh, and its details.' });

/** What an analysis URL answers: the analysis (a simulation adds its chart), or the backtest. */
export const ResultSchema = z.object({
  analysis: AnalysisSchema.optional(),
  chart: z.object({}).passthrough().optional().openapi({ description: 'The survival curves as an ECharts option (the report\'s chart).' }),
  backtest: z.object({}).passthrough().optional().openapi({ description: 'The backtest: forecasts beside what happened, scores, calibration.' }),
}).openapi('AnalysisResult');

function routeOf(entry: AnalysisEntry) {
  return createRoute({
    method: 'get', path: `/api/analyses/${entry.name}`, summary: entry.summary, tags: ['analyses'],
    request: { query: analysisQuery(entry) },
    responses: { 200: json(ResultSchema, `The ${entry.name} analysis`), ...errors(400, 404) },
  });
}

type Query = Record<string, unknown> & { asOf?: string; includeUndated?: boolean; samples?: number; seed?: string; lang?: 'en' | 'zh' };

/** Runs an analysis of the registry on a parsed query: the context's fields, then the options. */
async function answer(deps: ServerDeps, entry: AnalysisEntry, q: Query, signal: AbortSignal): Promise<Record<string, unknown>> {
  // the revision pin is the result cache's (see result-cache.ts), not the analysis's
  const { asOf, includeUndated, samples, seed: s, lang: l, revision: _pinned, ...options } = q;
  const ctx = await analysisContextFor(deps, entry, { asOf, includeUndated, samples, seed: s, lang: l, signal });
  return entry.json(await entry.run(ctx, options), ctx);
}

const SurvivalQuery = z.object({
  asOf: z.string().optional(), includeUndated: queryBool.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
  paths: z.coerce.number().int().min(1).max(MAX_HTTP_PATHS).optional().openapi({ type: 'integer', example: 10000 }),
  seed, lang, revision: AsOfQuery.shape.revision,
  ...shapeOf(analysisEntry('survival')),
}).strict();

const survival = createRoute({
  method: 'get', path: '/api/survival', summary: 'The shakeout (the same as /api/analyses/survival, with paths for samples)', tags: ['analyses'],
  request: { query: SurvivalQuery },
  responses: { 200: json(ResultSchema, 'The simulation and its chart (ECharts option)'), ...errors(400, 404) },
});

const { company: _company, ...healthOptions } = shapeOf(analysisEntry('health'));
const health = createRoute({
  method: 'get', path: '/api/companies/{company}/health', summary: 'A company\'s health (the same as /api/analyses/health?company=...)', tags: ['analyses'],
  request: {
    params: z.object({ company: z.string().min(1).max(200).openapi({ param: { name: 'company', in: 'path' }, example: 'Zhipu AI' }) }),
    query: analysisQuery(analysisEntry('health'), healthOptions),
  },
  responses: { 200: json(ResultSchema, 'The health analysis'), ...errors(400, 404) },
});

/**
 * GET /api/analyses (the registry's catalogue) and GET
 * /api/analyses/{name} for every analysis of the registry, with its options
 * in the query; /api/survival and /api/companies/{company}/health are the
 * same analyses under their first URLs.
 */
export function registerAnalysisRoutes(app: Api, deps: ServerDeps): void {
  app.use('/api/analyses/*', async (c, next) => {
    refusePaths(c.req.query(), 'query');
    await next();
  });
  for (const path of ['/api/survival', '/api/companies/:company/health']) {
    app.use(path, async (c, next) => {
      refusePaths(c.req.query(), 'query');
      await next();
    });
  }
  app.openapi(list, (c) => c.json({ items: analysisCatalogue().map((a) => ({ ...a, url: `/api/analyses/${a.name}` })) }, 200));
  for (const entry of ANALYSES as readonly AnalysisEntry[]) {
    app.openapi(routeOf(entry), async (c) => c.json(await answer(deps, entry, c.req.valid('query') as Query, c.req.raw.signal), 200));
  }
  app.openapi(survival, async (c) => {
    const { paths, ...q } = c.req.valid('query');
    return c.json(await answer(deps, analysisEntry('survival'), { ...q, ...(paths !== undefined ? { samples: paths } : {}) }, c.req.raw.signal), 200);
  });
  app.openapi(health, async (c) => {
    const q = c.req.valid('query') as Query;
    return c.json(await answer(deps, analysisEntry('health'), { ...q, company: c.req.valid('param').company }, c.req.raw.signal), 200);
  });
}
