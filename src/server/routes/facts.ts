import { createRoute, z } from '@hono/zod-openapi';
import { FACT_HISTOGRAM_BINS, FACT_SORTS, MAX_FACT_PAGE, factDistribution, listConflicts, listFactPage } from '../../app/index.js';
import { readStore, type Api, type ServerDeps } from '../deps.js';
import { factJson } from '../fact-json.js';
import { AsOfQuery, FactSchema, errors, json, queryBool } from '../schemas.js';

const AsOfJson = z.object({ asOf: z.string(), includeUndated: z.boolean(), undated: z.array(z.string()).readonly(), later: z.array(z.string()).readonly(), estimatedDates: z.number() }).nullable()
  .openapi({ description: 'Set when the request gave asOf: what the view left out.' });

const ListQuery = AsOfQuery.extend({
  entity: z.string().optional().openapi({ description: 'Any name or alias of an entity.', example: 'Zhipu' }),
  includeProducts: queryBool.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
  metric: z.string().optional().openapi({ example: 'funding' }),
  period: z.string().optional().openapi({ description: 'Facts whose period overlaps this one.', example: '2024' }),
  kind: z.enum(['reported', 'derived', 'assumption']).optional(),
  includeSuperseded: queryBool.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
  q: z.string().max(200).optional().openapi({ description: 'Words that must all appear in the fact (id, entity, text as written, source, notes).', example: 'Sensor Tower' }),
  sort: z.enum(FACT_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_FACT_PAGE).optional().openapi({ type: 'integer', example: 50 }),
  cursor: z.string().max(2000).optional(),
});

const list = createRoute({
  method: 'get',
  path: '/api/facts',
  summary: 'List facts: filters, text search, sort, a page and a cursor',
  tags: ['facts'],
  request: { query: ListQuery },
  responses: {
    200: json(z.object({ total: z.number(), items: z.array(FactSchema).readonly(), nextCursor: z.string().nullable(), asOf: AsOfJson }).openapi('FactPage'), 'A page of facts'),
    ...errors(400, 404),
  },
});

const IdParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'F11' }) });

const show = createRoute({
  method: 'get', path: '/api/facts/{id}', summary: 'One fact, current or superseded', tags: ['facts'],
  request: { params: IdParam, query: AsOfQuery },
  responses: { 200: json(FactSchema, 'The fact'), ...errors(400, 404) },
});

const history = createRoute({
  method: 'get', path: '/api/facts/{id}/history', summary: 'The correction chain that holds a fact, oldest first', tags: ['facts'],
  request: { params: IdParam, query: AsOfQuery },
  responses: { 200: json(z.object({ items: z.array(FactSchema).readonly() }), 'The chain'), ...errors(400, 404) },
});

/** Draws for a fact's picture: enough for its p5 and p95 within a few percent, few enough to answer at once. */
export const MAX_FACT_DISTRIBUTION_SAMPLES = 100_000;

const DistributionQuery = AsOfQuery.extend({
  samples: z.coerce.number().int().min(100).max(MAX_FACT_DISTRIBUTION_SAMPLES).optional()
    .openapi({ type: 'integer', example: 10000, description: `Draws (default 10,000, at most ${MAX_FACT_DISTRIBUTION_SAMPLES.toLocaleString('en')}).` }),
  seed: z.string().min(1).max(100).optional().openapi({ description: 'The seed: the same URL gives the same numbers (default "shakeout").', example: 'shakeout' }),
});

const distribution = createRoute({
  method: 'get', path: '/api/facts/{id}/distribution',
  summary: 'The distribution the engine samples for a fact: a point, or a histogram of its draws with p5, p50 and p95', tags: ['facts'],
  description: 'The fact\'s figure as the analyses read it (a range "3 to 5 billion" is a lognormal with that 90% interval, "over X" is X plus a positive excess, an exact figure a point), '
    + `drawn with the given seed and sample count from the stream "fact/<id>". The histogram has ${FACT_HISTOGRAM_BINS} equal bins from the 1st to the 99th percentile; draws outside are counted in below and above. A point figure has no histogram.`,
  request: { params: IdParam, query: DistributionQuery },
  responses: {
    200: json(z.object({
      fact: z.string(), family: z.string().openapi({ example: 'lognormal' }), unit: z.string(), per: z.string().nullable(),
      sampleCount: z.number(), seed: z.union([z.string(), z.number()]),
      point: z.number().nullable().openapi({ description: 'The one value of a point figure; null when the figure has a spread.' }),
      p5: z.number(), p50: z.number(), p95: z.number(),
      histogram: z.object({ edges: z.array(z.number()).readonly(), counts: z.array(z.number()).readonly(), below: z.number(), above: z.number() }).nullable(),
    }).openapi('FactDistribution'), 'The distribution'),
    ...errors(400, 404),
  },
});

const Side = z.object({ p5: z.number(), p50: z.number(), p95: z.number(), notes: z.array(z.string()).readonly(), notesZh: z.array(z.string()).readonly() })
  .openapi({ description: '90% interval in nominal US dollars, and how the fact was converted.' });
const Bilingual = z.object({ kind: z.string(), en: z.string(), zh: z.string() });
const ConflictsQuery = AsOfQuery.extend({
  entity: z.string().max(200).optional().openapi({ description: 'Any name or alias of an entity: only the conflicts of its own facts, and its facts that could not be compared (an unknown name is a 400 naming the closest).', example: 'China AI' }),
});
const conflicts = createRoute({
  method: 'get', path: '/api/conflicts', summary: 'Facts that disagree beyond their stated uncertainty, and those that could not be compared', tags: ['facts'],
  request: { query: ConflictsQuery },
  responses: {
    200: json(z.object({
      conflicts: z.array(z.object({
        entity: z.string(), metric: z.string(), period: z.string(), ratio: z.number(), a: FactSchema, b: FactSchema, aInterval: Side, bInterval: Side,
        differences: z.array(z.string()).readonly(), differencesText: z.array(Bilingual).readonly(),
        sameAs: z.array(z.string()).readonly().optional().openapi({ description: 'When a and b are in one group of reports of one figure (same_as links, or figures that overlap another member\'s, as the checks and the analyses group them): every member; the group is listed once, by its two furthest-apart members.' }),
        overlapOnly: z.array(z.tuple([z.string(), z.string()]).readonly()).readonly().optional().openapi({ description: 'With sameAs: the members not linked, each with the member whose figure it overlaps.' }),
      })).readonly(),
      uncompared: z.array(z.object({ fact: FactSchema, reason: z.string(), reasonZh: z.string() })).readonly(),
      asOf: AsOfJson,
    }), 'Conflicts'),
    ...errors(400),
  },
});

export function registerFactRoutes(app: Api, deps: ServerDeps): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const { store, asOf } = await readStore(deps, q);
    const page = await listFactPage(store, q);
    return c.json({ ...page, items: page.items.map(factJson), asOf }, 200);
  });
  app.openapi(show, async (c) => {
    const { store } = await readStore(deps, c.req.valid('query'));
    return c.json(factJson(await store.getFact(c.req.valid('param').id)), 200);
  });
  app.openapi(history, async (c) => {
    const { store } = await readStore(deps, c.req.valid('query'));
    return c.json({ items: (await store.history(c.req.valid('param').id)).map(factJson) }, 200);
  });
  app.openapi(distribution, async (c) => {
    const { samples, seed, ...q } = c.req.valid('query');
    const { store } = await readStore(deps, q);
    return c.json(factDistribution(await store.getFact(c.req.valid('param').id), { samples, seed }), 200);
  });
  app.openapi(conflicts, async (c) => {
    const q = c.req.valid('query');
    const { store, asOf } = await readStore(deps, q);
    const r = await listConflicts(store, { ...(q.entity !== undefined ? { entity: q.entity } : {}) });
    return c.json({
      conflicts: r.conflicts.map((x) => ({ ...x, a: factJson(x.a), b: factJson(x.b) })),
      uncompared: r.uncompared.map((x) => ({ ...x, fact: factJson(x.fact) })),
      asOf,
    }, 200);
  });
}
