import { createRoute, z } from '@hono/zod-openapi';
import { BASES, ENTITY_KINDS, FACT_KINDS, listEntities, METRICS, OUTCOME_TYPES, readFigure, type Figure } from '../../app/index.js';
import { readStore, type Api, type ServerDeps } from '../deps.js';
import { displayInterval, displayValue } from '../fact-json.js';
import { AsOfQuery, OutcomeSchema, SourceSchema, errors, json, queryBool } from '../schemas.js';

const EntitySchema = z.object({
  id: z.string(), nameEn: z.string(), nameZh: z.string().nullable(), aliases: z.array(z.string()).readonly(),
  kind: z.string(), parent: z.string().nullable(), notes: z.string().nullable(),
}).openapi('Entity');

const entities = createRoute({
  method: 'get', path: '/api/entities', summary: 'Companies, products, models and aggregates the ledger knows', tags: ['ledger'],
  request: {
    query: z.object({
      kind: z.enum(ENTITY_KINDS).optional().openapi({ description: 'Only the entities of this kind.', example: 'company' }),
      withFacts: queryBool.optional().openapi({ description: 'true: only the entities at least one fact is about, directly or through one of their products or models (so not an investor or a publisher recorded only as a name).', type: 'string', enum: ['true', 'false'] }),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(EntitySchema).readonly() }), 'Entities') },
});
const entity = createRoute({
  method: 'get', path: '/api/entities/{name}', summary: 'An entity by any name or alias', tags: ['ledger'],
  request: { params: z.object({ name: z.string().min(1).max(200).openapi({ param: { name: 'name', in: 'path' }, example: '智谱' }) }) },
  responses: { 200: json(EntitySchema, 'The entity'), ...errors(404) },
});
const EntityBody = z.object({
  id: z.string().min(1).max(100).openapi({ example: 'mistral-ai' }),
  nameEn: z.string().min(1).max(200).openapi({ example: 'Mistral AI' }),
  nameZh: z.string().max(200).nullable().optional(),
  aliases: z.array(z.string().min(1).max(200)).max(50).optional(),
  kind: z.enum(['company', 'product', 'model', 'aggregate']),
  parent: z.string().max(200).nullable().optional(),
  notes: z.string().max(5000).nullable().optional(),
}).strict().openapi('EntityInput');
const addEntity = createRoute({
  method: 'post', path: '/api/entities', summary: 'Add a company, product, model or aggregate, so facts can be recorded about it', tags: ['ledger'], security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: EntityBody } }, required: true } },
  responses: { 201: json(EntitySchema, 'The entity as stored'), ...errors(400, 401, 404, 409, 413) },
});

const sources = createRoute({
  method: 'get', path: '/api/sources', summary: 'Sources the facts and outcomes cite', tags: ['ledger'],
  request: { query: AsOfQuery },
  responses: { 200: json(z.object({ items: z.array(SourceSchema).readonly() }), 'Sources'), ...errors(400) },
});
const EntityQuery = AsOfQuery.extend({ entity: z.string().max(200).optional().openapi({ example: 'Stability AI' }) });
const events = createRoute({
  method: 'get', path: '/api/events', summary: 'Events without a figure (layoffs, a chief executive leaving)', tags: ['ledger'],
  request: { query: EntityQuery.extend({ includeProducts: queryBool.optional().openapi({ type: 'string', enum: ['true', 'false'] }) }) },
  responses: {
    200: json(z.object({ items: z.array(z.object({
      id: z.string(), entities: z.array(z.string()).readonly(), period: z.object({ text: z.string(), kind: z.string(), start: z.string(), end: z.string() }),
      textZh: z.string(), textEn: z.string(), source: SourceSchema, notes: z.string().nullable(),
    })).readonly() }), 'Events'),
    ...errors(400, 404),
  },
});
const outcomes = createRoute({
  method: 'get', path: '/api/outcomes', summary: 'What happened to companies: rounds, listings, licensing deals, pivots', tags: ['ledger'],
  request: { query: EntityQuery },
  responses: {
    200: json(z.object({ items: z.array(OutcomeSchema).readonly() }), 'Outcomes'),
    ...errors(400, 404),
  },
});

const vocabulary = createRoute({
  method: 'get', path: '/api/vocabulary', summary: 'The words the ledger knows: metrics, kinds of fact and entity, bases, outcome types', tags: ['ledger'],
  responses: {
    200: json(z.object({ metrics: z.array(z.string()).readonly(), factKinds: z.array(z.string()).readonly(), entityKinds: z.array(z.string()).readonly(), bases: z.array(z.string()).readonly(), outcomeTypes: z.array(z.string()).readonly() }), 'The vocabulary'),
  },
});

const ParseBody = z.object({
  text: z.string().min(1).max(500).openapi({ example: '超23亿美元' }),
  lang: z.enum(['zh', 'en']).optional().openapi({ description: 'The language of the text around the figure: zh reads a lone ¥ as yuan.' }),
  defaultUnit: z.enum(['USD', 'count', 'percent', 'multiple']).optional(),
}).strict();
const FigureSchema: z.ZodType = z.lazy(() => z.object({
  text: z.string(), value: z.number(), low: z.number().nullable(), high: z.number().nullable(), unit: z.string(), per: z.string().nullable(),
  perItem: z.string().nullable(), qualifier: z.string(), measureWord: z.string().nullable(), p5: z.number(), p50: z.number(), p95: z.number(),
  display: z.object({ en: z.string(), zh: z.string(), intervalEn: z.string(), intervalZh: z.string() }), alternatives: z.array(FigureSchema),
})).openapi('Figure');
const parse = createRoute({
  method: 'post', path: '/api/figures/parse', summary: 'Read a figure as written ("超23亿美元" is over $2.3B), or say why not', tags: ['ledger'],
  request: { body: { content: { 'application/json': { schema: ParseBody } }, required: true } },
  responses: { 200: json(FigureSchema, 'The figure as read'), ...errors(400, 413) },
});

/** A figure as the API returns it: the reading, its interval, and how it displays in both languages. */
function figureJson(f: Figure): unknown {
  return {
    text: f.text, value: f.value, low: f.low, high: f.high, unit: f.unit, per: f.per, perItem: f.perItem,
    qualifier: f.qualifier, measureWord: f.measureWord, p5: f.p5, p50: f.p50, p95: f.p95,
    display: { en: displayValue(f, 'en'), zh: displayValue(f, 'zh'), intervalEn: displayInterval(f, 'en'), intervalZh: displayInterval(f, 'zh') },
    alternatives: f.alternatives.map(figureJson),
  };
}

export function registerLedgerRoutes(app: Api, deps: ServerDeps): void {
  app.openapi(vocabulary, (c) => c.json({ metrics: METRICS, factKinds: FACT_KINDS, entityKinds: ENTITY_KINDS, bases: BASES, outcomeTypes: OUTCOME_TYPES }, 200));
  app.openapi(entities, async (c) => {
    const { kind, withFacts } = c.req.valid('query');
    return c.json({ items: await listEntities(deps.store, { ...(kind ? { kind } : {}), ...(withFacts ? { withFacts } : {}) }, ['query', 'kind']) }, 200);
  });
  app.openapi(addEntity, async (c) => c.json(await deps.store.addEntity(c.req.valid('json')), 201));
  app.openapi(entity, async (c) => c.json(await deps.store.resolveEntity(c.req.valid('param').name), 200));
  app.openapi(sources, async (c) => {
    const { store } = await readStore(deps, c.req.valid('query'));
    return c.json({ items: await store.listSources() }, 200);
  });
  app.openapi(events, async (c) => {
    const q = c.req.valid('query');
    const { store } = await readStore(deps, q);
    const filter = { ...(q.entity !== undefined ? { entity: q.entity } : {}), ...(q.includeProducts !== undefined ? { includeProducts: q.includeProducts } : {}) };
    return c.json({ items: await store.listEvents(filter) }, 200);
  });
  app.openapi(outcomes, async (c) => {
    const q = c.req.valid('query');
    const { store } = await readStore(deps, q);
    return c.json({ items: await store.listOutcomes(q.entity !== undefined ? { entity: q.entity } : {}) }, 200);
  });
  app.openapi(parse, async (c) => {
    const b = c.req.valid('json');
    const f = readFigure(b.text, { ...(b.lang ? { lang: b.lang } : {}), ...(b.defaultUnit ? { defaultUnit: b.defaultUnit } : {}) });
    return c.json(figureJson(f), 200);
  });
}

