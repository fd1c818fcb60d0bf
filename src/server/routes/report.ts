import { createRoute, z } from '@hono/zod-openapi';
import { LRUCache } from 'lru-cache';
import { renderReport, reportChartOption, reportCharts, reportModel, type Report, type ReportRequest } from '../../app/index.js';
import { contentSecurityPolicy, styleHashes } from '../content-security-policy.js';
import { readStore, type Api, type ServerDeps } from '../deps.js';
import { AsOfQuery, errors, json } from '../schemas.js';

/** Most draws per estimate (and paths per company) a report over HTTP may ask for: beyond, use the CLI. */
export const MAX_HTTP_REPORT_SAMPLES = 100_000;

/** Every option of `shakeout report` that is not a path (the assumptions file and the output path are the CLI's). */
const ReportOptions = AsOfQuery.extend({
  lang: z.enum(['en', 'zh']).optional().openapi({ description: 'The report\'s language; default en.' }),
  companies: z.string().max(2000).optional().openapi({ description: 'Companies by any name, comma-separated; default the article\'s (a report about other companies takes its title and summary from their figures).', example: 'Zhipu AI,MiniMax' }),
  seed: z.string().max(100).optional().openapi({ description: 'The seed: the same URL gives the same report.', example: 'shakeout' }),
  samples: z.coerce.number().int().min(100).max(MAX_HTTP_REPORT_SAMPLES).optional().openapi({ type: 'integer', description: 'Draws per estimate and paths per company; default 10,000.', example: 10000 }),
  currency: z.string().max(3).optional().openapi({ description: 'Show money in this currency (funding stays in US dollars); default USD.', example: 'EUR' }),
  fxMonth: z.string().max(7).optional().openapi({ description: 'The month whose average rate converts; default the latest the FX table has.', example: '2024-05' }),
});

const ReportQuery = ReportOptions.extend({
  format: z.enum(['html', 'md', 'json']).optional().openapi({ description: 'html (a page with its charts inline), md (Markdown with its charts as data: URIs, one file) or json (the report as data); default md, as the CLI.' }),
  download: z.enum(['1', 'true', '0', 'false']).optional().openapi({ description: 'Send as a file to save (Content-Disposition: attachment).' }),
});

const report = createRoute({
  method: 'get', path: '/api/report', summary: 'The report (html, md or json, en or zh): every number with its footnote, the charts', tags: ['report'],
  request: { query: ReportQuery },
  responses: {
    200: {
      description: 'The report in the format asked',
      content: {
        'text/html': { schema: z.string() },
        'text/markdown': { schema: z.string() },
        'application/json': { schema: z.object({}).passthrough().openapi({ description: 'The report as data: sections, footnotes, chart specs, sources.' }) },
      },
    },
    ...errors(400, 404, 409),
  },
});

const charts = createRoute({
  method: 'get', path: '/api/charts', summary: 'The charts of the report with these options: each one\'s name and title', tags: ['report'],
  request: { query: ReportOptions },
  responses: { 200: json(z.object({ items: z.array(z.object({ name: z.string().openapi({ example: 'survival-curves' }), title: z.string() })).readonly() }), 'The report\'s charts'), ...errors(400, 404, 409) },
});

const chart = createRoute({
  method: 'get', path: '/api/charts/{name}', summary: 'One chart of the report as an ECharts option: the same spec the report draws as SVG', tags: ['report'],
  description: 'Axis label formatters are functions and do not survive JSON: set your own for the axis unit.',
  request: {
    params: z.object({ name: z.string().min(1).max(100).openapi({ param: { name: 'name', in: 'path' }, example: 'survival-curves' }) }),
    query: ReportOptions,
  },
  responses: { 200: json(z.object({}).passthrough().openapi({ description: 'An ECharts option.' }), 'The chart\'s ECharts option'), ...errors(400, 404, 409) },
});

type Options = z.infer<typeof ReportOptions>;

function request(q: Options): ReportRequest {
  const companies = q.companies?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    ...(q.lang ? { lang: q.lang } : {}),
    ...(companies && companies.length ? { companies } : {}),
    ...(q.seed !== undefined ? { seed: q.seed } : {}),
    ...(q.samples !== undefined ? { samples: q.samples } : {}),
    ...(q.currency ? { currency: q.currency } : {}),
    ...(q.fxMonth ? { fxMonth: q.fxMonth } : {}),
  };
}

const TYPES = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/**
 * Reports built lately, shared by the report and chart routes: a dashboard
 * that shows the report's six charts, or a report in three formats, builds it
 * once (the result cache keys each URL apart). At most 4, by options, as-of
 * day and the ledger's revision, so a write is never served a stale report.
 */
const MAX_REPORTS_KEPT = 4;

export function registerReportRoutes(app: Api, deps: ServerDeps): void {
  const built = new LRUCache<string, Promise<Report>>({ max: MAX_REPORTS_KEPT });
  const model = async (q: Options): Promise<Report> => {
    const key = JSON.stringify([request(q), q.asOf ?? null, q.includeUndated ?? null, await deps.store.revision()]);
    let p = built.get(key);
    if (!p) {
      p = readStore(deps, q).then(({ store }) => reportModel(store, request(q)));
      built.set(key, p);
      // a refusal is not kept: the next request says it again from the ledger as it is then
      p.catch(() => built.delete(key));
    }
    return p;
  };
  app.openapi(report, async (c) => {
    const q = c.req.valid('query');
    const format = q.format ?? 'md';
    const r = await model(q);
    const { text } = await renderReport(r, format, { inlineCharts: true });
    const headers: Record<string, string> = { 'content-type': TYPES[format] };
    // the page's own stylesheet and the charts' style attributes, allowed by hash; no script runs
    if (format === 'html') headers['content-security-policy'] = contentSecurityPolicy({ styleSrc: styleHashes(text) });
    if (q.download === '1' || q.download === 'true') {
      const name = `shakeout-report-${r.lang}${r.asOf ? `-${r.asOf.date}` : ''}.${format}`;
      headers['content-disposition'] = `attachment; filename="${name}"`;
    }
    return c.body(text, 200, headers) as never;
  });
  app.openapi(charts, async (c) => c.json({ items: reportCharts(await model(c.req.valid('query'))) }, 200));
  app.openapi(chart, async (c) => {
    const option = reportChartOption(await model(c.req.valid('query')), c.req.valid('param').name);
    return c.json(JSON.parse(JSON.stringify(option)) as Record<string, never>, 200);
  });
}
