import { createRoute, z } from '@hono/zod-openapi';
import { exportFactsText, importFactsText, type FactInput } from '../../app/index.js';
import type { Api, ServerDeps } from '../deps.js';
import { factJson } from '../fact-json.js';
import { FactSchema, errors, importTextBody, json, text } from '../schemas.js';

const SourceBody = z.object({
  publisher: text(300).min(1).openapi({ example: 'Reuters' }),
  title: text(500).nullable().optional(),
  url: text(2000).nullable().optional(),
  published: text(40).nullable().optional().openapi({ example: '2024-06-11' }),
  publishedEstimated: z.boolean().nullable().optional(),
}).strict();

/** The fields of a fact as a person writes it; the ledger reads and checks them (400 with every issue). */
const FactBody = z.object({
  id: text(200).optional(),
  entity: text(200).min(1).openapi({ example: 'Mistral AI' }),
  metric: text(60).min(1).openapi({ example: 'funding' }),
  value: text(300).min(1).openapi({ example: '600 million euros ($645 million)', description: 'The value exactly as the source wrote it.' }),
  valueEn: text(300).nullable().optional(),
  period: text(60).nullable().openapi({ example: '2024-06' }),
  scope: text(200).nullable().optional(),
  basis: z.enum(['gross', 'net', 'unknown']).optional(),
  kind: z.enum(['reported', 'derived', 'assumption']).optional(),
  per: z.enum(['day', 'week', 'month', 'quarter', 'year']).nullable().optional(),
  priceYear: z.number().int().nullable().optional(),
  source: SourceBody,
  definition: text(2000).nullable().optional(),
  notes: text(5000).nullable().optional(),
  sameAs: text(200).nullable().optional(),
}).strict().openapi('FactInput');

const add = createRoute({
  method: 'post', path: '/api/facts', summary: 'Add a fact', tags: ['facts'], security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: FactBody } }, required: true } },
  responses: { 201: json(FactSchema, 'The fact as stored'), ...errors(400, 401, 404, 409, 413) },
});

const CorrectionBody = FactBody.partial().strict().openapi('FactCorrection');
const correct = createRoute({
  method: 'post', path: '/api/facts/{id}/corrections', summary: 'Correct a fact: a new fact that supersedes it (fields not given are copied)', tags: ['facts'], security: [{ bearer: [] }],
  request: {
    params: z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'F11' }) }),
    body: { content: { 'application/json': { schema: CorrectionBody } }, required: true },
  },
  responses: { 201: json(FactSchema, 'The correction as stored'), ...errors(400, 401, 404, 409, 413) },
});

const importRoute = createRoute({
  method: 'post', path: '/api/facts/import', summary: 'Import facts from CSV, JSON or YAML text, all or nothing; dryRun checks without writing', tags: ['facts'], security: [{ bearer: [] }],
  request: {
    body: {
      content: {
        'application/json': {
          schema: importTextBody('facts', 'mistral.csv'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ added: z.array(z.string()).readonly(), unchanged: z.array(z.string()).readonly(), dryRun: z.boolean() }), 'What was (or, with dryRun, would be) added'),
    ...errors(400, 401, 404, 409, 413),
  },
});

const exportRoute = createRoute({
  method: 'get', path: '/api/facts/export', summary: 'Every fact as CSV, JSON or YAML (corrections included unless includeSuperseded=false)', tags: ['facts'],
  request: { query: z.object({ format: z.enum(['csv', 'json', 'yaml']).default('csv'), includeSuperseded: z.enum(['true', 'false']).optional() }) },
  responses: { 200: { description: 'The facts file', content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.string() }, 'application/yaml': { schema: z.string() } } }, ...errors(400) },
});

const MEDIA = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', yaml: 'application/yaml; charset=utf-8' } as const;

/** The body as the ledger takes it: absent fields left out (a correction copies them). */
function input<T extends object>(b: T): T {
  return Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as T;
}

export function registerFactWriteRoutes(app: Api, deps: ServerDeps): void {
  // the export's path must win over /api/facts/{id}
  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const body = await exportFactsText(deps.store, q.format, { includeSuperseded: q.includeSuperseded !== 'false' });
    return c.body(body, 200, { 'content-type': MEDIA[q.format], 'content-disposition': `attachment; filename="shakeout-facts.${q.format}"` }) as never;
  });
  app.openapi(add, async (c) => c.json(factJson(await deps.store.addFact(input(c.req.valid('json')) as FactInput)), 201));
  app.openapi(correct, async (c) => c.json(factJson(await deps.store.correctFact(c.req.valid('param').id, input(c.req.valid('json')) as Partial<FactInput>)), 201));
  app.openapi(importRoute, async (c) => {
    const b = c.req.valid('json');
    const r = await importFactsText(deps.store, b.text, b.format, { ...(b.file ? { file: b.file } : {}), dryRun: b.dryRun ?? false });
    return c.json({ added: r.added, unchanged: r.unchanged, dryRun: r.dryRun ?? false }, 200);
  });
}
