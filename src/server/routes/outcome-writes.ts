import { createRoute, z } from '@hono/zod-openapi';
import { importOutcomesText, OUTCOME_TYPES, type OutcomeImportResult } from '../../app/index.js';
import type { Api, ServerDeps } from '../deps.js';
import { OutcomeSchema, errors, importTextBody, json, text } from '../schemas.js';

const yesNo = z.union([z.boolean(), z.enum(['yes', 'no'])]);

/** One outcome, with the columns of company-outcomes.csv (so a row and a body read alike). */
const OutcomeBody = z.object({
  entity: text(200).min(1).openapi({ example: 'Stability AI' }),
  date: text(10).min(1).openapi({ example: '2024-06-25', description: 'When it happened: YYYY-MM-DD or YYYY-MM.' }),
  type: z.enum(OUTCOME_TYPES),
  detail: text(2000).min(1).openapi({ example: 'about $80 million from a new investor group' }),
  publisher: text(300).min(1).openapi({ example: 'Financial Times' }),
  title: text(500).optional(),
  url: text(2000).min(1).openapi({ example: 'https://www.ft.com/content/...' }),
  published: text(10).min(1).openapi({ example: '2024-06-25' }),
  published_estimated: yesNo.optional().openapi({ description: 'yes when the date published was inferred (the page showed none).' }),
  out: yesNo.optional().openapi({ description: 'Whether the event put the company out of the race (docs/outcomes.md); left out: not stated.' }),
}).strict().openapi('OutcomeInput');

const Result = z.object({ added: z.array(OutcomeSchema).readonly(), unchanged: z.array(OutcomeSchema).readonly(), dryRun: z.boolean() });

const add = createRoute({
  method: 'post', path: '/api/outcomes', summary: 'Record what happened to a company (a round, a listing, a licensing deal, a shutdown), with its source', tags: ['ledger'], security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: OutcomeBody } }, required: true } },
  responses: {
    201: json(Result, 'The outcome as stored'),
    200: json(Result, 'The ledger held it already: nothing changed'),
    ...errors(400, 401, 404, 409, 413),
  },
});

const importRoute = createRoute({
  method: 'post', path: '/api/outcomes/import', summary: 'Import outcomes from CSV, JSON or YAML text (the columns of company-outcomes.csv), all or nothing; dryRun checks without writing', tags: ['ledger'], security: [{ bearer: [] }],
  request: {
    body: {
      content: {
        'application/json': {
          schema: importTextBody('outcomes', 'outcomes.csv'),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(Result, 'What was (or, with dryRun, would be) added'), ...errors(400, 401, 404, 409, 413) },
});

const yes = (v: boolean | 'yes' | 'no' | undefined): string | undefined => (v === undefined ? undefined : v === true || v === 'yes' ? 'yes' : 'no');

function result(r: OutcomeImportResult): z.infer<typeof Result> {
  return { added: [...r.added], unchanged: [...r.unchanged], dryRun: r.dryRun ?? false };
}

export function registerOutcomeWriteRoutes(app: Api, deps: ServerDeps): void {
  app.openapi(add, async (c) => {
    const b = c.req.valid('json');
    const record = { ...b, published_estimated: yes(b.published_estimated), out: yes(b.out) };
    const fields = Object.fromEntries(Object.keys(OutcomeBody.shape).map((k) => [k, `field ${k}`]));
    const r = await deps.store.addOutcome(Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)), { file: 'request body', fieldNames: fields });
    return c.json(result(r), r.added.length ? 201 : 200);
  });
  app.openapi(importRoute, async (c) => {
    const b = c.req.valid('json');
    const r = await importOutcomesText(deps.store, b.text, b.format, { ...(b.file ? { file: b.file } : {}), dryRun: b.dryRun ?? false });
    return c.json(result(r), 200);
  });
}
