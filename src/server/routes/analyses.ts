import { createRoute, z } from '@hono/zod-openapi';
import { analysisJson, runHealthAnalysis, runSurvivalSimulation, survivalChartOption } from '../../app/index.js';
import { readStore, type Api, type ServerDeps } from '../deps.js';
import { AsOfQuery, errors, json } from '../schemas.js';

/** Most paths a survival run over HTTP may ask for, and most samples an analysis may: beyond, use the CLI. */
export const MAX_HTTP_PATHS = 100_000;
export const MAX_HTTP_SAMPLES = 200_000;

const AnalysisSchema = z.object({
  kind: z.string(), title: z.object({ en: z.string(), zh: z.string() }), subject: z.string().nullable(),
  estimates: z.array(z.object({}).passthrough()).readonly(), facts: z.array(z.object({}).passthrough()).readonly(),
  assumptions: z.array(z.object({}).passthrough()).readonly(), notes: z.array(z.object({ en: z.string(), zh: z.string() })).readonly(),
  env: z.object({ sampleCount: z.number(), seed: z.union([z.string(), z.number()]) }).nullable(),
  details: z.object({}).passthrough(),
  asOf: z.object({}).passthrough().optional(),
  currency: z.object({}).passthrough().optional(),
}).openapi('Analysis', { description: 'An analysis: its estimates (mean, p5, p50, p95, formula, inputs), the facts and assumptions it rests on, notes in en and zh, and its details.' });

const seed = z.string().max(100).optional().openapi({ description: 'The seed: the same URL gives the same numbers.', example: 'shakeout' });
const currency = z.string().max(3).optional().openapi({ example: 'EUR' });

const SurvivalQuery = AsOfQuery.extend({
  companies: z.string().max(2000).optional().openapi({ description: 'Companies by any name, comma-separated; default those of the bundled assumptions.', example: 'OpenAI,Anthropic' }),
  horizon: z.coerce.number().int().min(1).max(600).optional().openapi({ type: 'integer', example: 60 }),
  paths: z.coerce.number().int().min(1).max(MAX_HTTP_PATHS).optional().openapi({ type: 'integer', example: 10000 }),
  seed,
  climate: z.enum(['cold', 'neutral', 'hot', 'auto']).optional(),
  currency,
  lang: z.enum(['en', 'zh']).optional().openapi({ description: 'The language of the chart option.' }),
});

const survival = createRoute({
  method: 'get', path: '/api/survival', summary: 'The shakeout: each company\'s chance of running out of cash within 12, 24 and 36 months, survival curves, drivers', tags: ['analyses'],
  request: { query: SurvivalQuery },
  responses: { 200: json(z.object({ analysis: AnalysisSchema, chart: z.object({}).passthrough() }), 'The simulation and its chart (ECharts option)'), ...errors(400, 404) },
});

const health = createRoute({
  method: 'get', path: '/api/companies/{company}/health', summary: 'A company\'s health: burn, runway, multiples, default alive, with every input\'s facts or assumption', tags: ['analyses'],
  request: {
    params: z.object({ company: z.string().min(1).max(200).openapi({ param: { name: 'company', in: 'path' }, example: 'Zhipu AI' }) }),
    query: AsOfQuery.extend({
      samples: z.coerce.number().int().min(100).max(MAX_HTTP_SAMPLES).optional().openapi({ type: 'integer', example: 10000 }),
      seed,
      currency,
      assumptions: z.enum(['true', 'false']).optional().openapi({ description: 'Fill inputs the ledger lacks from the bundled survival assumptions.' }),
    }),
  },
  responses: { 200: json(z.object({ analysis: AnalysisSchema }), 'The health analysis'), ...errors(400, 404) },
});

type AnalysisJson = z.infer<typeof AnalysisSchema>;

/** An analysis as plain JSON: estimates without draws, typed arrays as arrays, non-finite numbers as null. */
function plain(a: Parameters<typeof analysisJson>[0]): AnalysisJson {
  return JSON.parse(JSON.stringify(analysisJson(a), (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v))) as AnalysisJson;
}

export function registerAnalysisRoutes(app: Api, deps: ServerDeps): void {
  app.openapi(survival, async (c) => {
    const q = c.req.valid('query');
    const { store } = await readStore(deps, q);
    const companies = q.companies?.split(',').map((s) => s.trim()).filter(Boolean);
    const a = await runSurvivalSimulation(store, {
      ...(companies && companies.length ? { companies } : {}),
      ...(q.horizon !== undefined ? { horizonMonths: q.horizon } : {}),
      paths: q.paths ?? 10_000,
      seed: q.seed ?? 'shakeout',
      ...(q.climate ? { climate: q.climate } : {}),
      ...(q.currency ? { currency: q.currency } : {}),
    });
    return c.json({ analysis: plain(a), chart: JSON.parse(JSON.stringify(survivalChartOption(a.details, q.lang ?? 'en'))) as Record<string, never> }, 200);
  });
  app.openapi(health, async (c) => {
    const q = c.req.valid('query');
    const { store } = await readStore(deps, q);
    const r = await runHealthAnalysis(store, {
      company: c.req.valid('param').company,
      samples: q.samples ?? 10_000,
      seed: q.seed ?? 'shakeout',
      ...(q.currency ? { currency: q.currency } : {}),
      ...(q.assumptions === 'true' ? { assumptions: true } : {}),
    });
    return c.json({ analysis: plain(r.analysis) }, 200);
  });
}
