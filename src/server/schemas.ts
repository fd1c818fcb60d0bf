import { z } from '@hono/zod-openapi';
import { OUTCOME_TYPES } from '../app/index.js';

/** `true`/`false` in a query string (a bare `?x` or `1`/`0` are not guessed at). */
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The as-of day and whether undated facts count: on every read of the ledger. */
export const AsOfQuery = z.object({
  asOf: z.string().optional().openapi({ description: 'Read the ledger as it stood on this day (YYYY-MM-DD): only facts published by then.', example: '2024-05-20' }),
  includeUndated: queryBool.optional().openapi({ description: 'With asOf: also facts whose source gives no publication date.', type: 'string', enum: ['true', 'false'] }),
  revision: z.string().regex(/^\d+$/).optional().openapi({ description: 'Pin the ledger\'s revision (GET /api/revision): a 409 when the ledger has moved past it, so a shared link reproduces or says why not.', example: '42' }),
});

const Period = z.object({ text: z.string(), kind: z.string(), start: z.string(), end: z.string() }).openapi('Period');

export const SourceSchema = z.object({
  id: z.string(),
  publisher: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  publishedEstimated: z.boolean(),
}).openapi('Source');

export const OutcomeSchema = z.object({
  id: z.string(), entity: z.string(), type: z.enum(OUTCOME_TYPES), date: z.string(), detail: z.string(), out: z.boolean().nullable(), source: SourceSchema,
}).openapi('Outcome', { description: 'What happened to a company, with the source that reported it; out: whether it put the company out of the race (null: not stated).' });

export const FactSchema = z.object({
  id: z.string().openapi({ example: 'F11' }),
  entity: z.string().openapi({ example: 'zhipu-ai' }),
  metric: z.string().openapi({ example: 'funding' }),
  valueText: z.string().openapi({ example: '超23亿美元', description: 'The value exactly as the source wrote it.' }),
  valueTextEn: z.string().nullable(),
  defaultUnit: z.string().nullable(),
  figure: z.object({
    value: z.number(), low: z.number().nullable(), high: z.number().nullable(), unit: z.string(), per: z.string().nullable(),
    qualifier: z.string(), p5: z.number(), p50: z.number(), p95: z.number(),
  }).openapi({ description: 'The figure as read: base units (2.3e9), its qualifier and its 90% interval.' }),
  period: Period.nullable(),
  scope: z.string().nullable(),
  basis: z.string(),
  kind: z.string().openapi({ example: 'reported' }),
  priceYear: z.number().nullable(),
  source: SourceSchema,
  definition: z.string().nullable(),
  notes: z.string().nullable(),
  supersedes: z.string().nullable(),
  sameAs: z.string().nullable(),
  supersededBy: z.string().nullable(),
  derivedFrom: z.object({ inputs: z.array(z.string()).readonly(), formula: z.string() }).nullable(),
  createdAt: z.string(),
  display: z.object({
    en: z.string(), zh: z.string(), intervalEn: z.string(), intervalZh: z.string(),
    alsoWrittenAs: z.array(z.string()).openapi({ description: 'Other renderings of the figure in the same text, as the source wrote them (a bracketed conversion: "$2.635 billion" in "400 billion Yen ($2.635 billion)"); shown, not used: the value is the first figure.' }),
  })
    .openapi({ description: 'The value and its 90% interval written for a reader in each language, and the source\'s other renderings.', example: { en: '$2.3B', zh: '23亿美元', intervalEn: '$2.32B – $2.76B', intervalZh: '23.2亿美元 – 27.6亿美元', alsoWrittenAs: [] } }),
}).openapi('Fact');

const ReasonFields = {
  code: z.string().openapi({ description: 'The rule broken: a figure reader\'s refusal (docs/figures.md) or a model\'s error (MODEL_REASONS in src/lang/model-error.ts).', example: 'ambiguous_yen_sign' }),
  params: z.record(z.string(), z.string()).openapi({ description: 'The values the rule\'s sentence says, as text.', example: { symbol: '¥' } }),
};

/** Why an input was refused, as data: a stable code and its values, for a reader in another language. */
export const ReasonSchema = z.object({
  ...ReasonFields,
  cause: z.object(ReasonFields).optional().openapi({ description: 'A reason inside this one (the text in brackets that could not be read, and why).' }),
}).openapi('Reason');

export const IssueSchema = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])).openapi({ example: ['query', 'limit'] }),
  message: z.string().openapi({ example: 'expected a value of at most 500, got "9000"' }),
  expected: z.string().optional().openapi({ description: 'What was expected, as data (a type, a bound, the values allowed joined by ", "), when the issue can say it: for a reader in another language.', example: '500' }),
  got: z.string().optional().openapi({ description: 'What came, as it came.', example: '9000' }),
  suggestion: z.string().optional().openapi({ description: 'The closest known name, when the message suggests one.', example: 'funding' }),
  reason: ReasonSchema.optional().openapi({ description: 'The rule the input broke, with its values: a refused figure\'s reason, a model error\'s rule.' }),
}).openapi('Issue');

export const ErrorSchema = z.object({
  error: z.object({ status: z.number(), message: z.string(), issues: z.array(IssueSchema) }),
}).openapi('Error');

/** The error responses every route documents. */
export function errors(...statuses: (400 | 401 | 404 | 409 | 413)[]) {
  const text: Record<number, string> = {
    400: 'Bad input: the issues name each field, what was expected and what came.',
    401: 'A write without the bearer token the server was started with (SHAKEOUT_TOKEN).',
    404: 'Unknown id or name; the message suggests the closest known one.',
    409: 'Conflict with the ledger as it stands.',
    413: 'Request body over the limit.',
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: text[s]!, content: { 'application/json': { schema: ErrorSchema } } }]));
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** Bounded text of a request field. */
export const text = (max: number) => z.string().max(max);

/** The body of an import route: a file's text, its format, a name for errors, and a dry run. */
export function importTextBody(what: string, example: string) {
  return z.object({
    format: z.enum(['csv', 'json', 'yaml']),
    text: z.string().min(1).openapi({ description: 'The file as text; errors name its lines and columns.' }),
    file: text(200).optional().openapi({ description: `A name for the ${what} text in errors (default "the pasted CSV", JSON or YAML).`, example }),
    dryRun: z.boolean().optional(),
  }).strict();
}
