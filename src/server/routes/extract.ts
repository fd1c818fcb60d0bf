import { createRoute, z } from '@hono/zod-openapi';
import { extractArticle, extractionJson, readAsOfDate, ShakeoutError } from '../../app/index.js';
import type { Api, ServerDeps } from '../deps.js';
import { errors, json } from '../schemas.js';

/** Longest article over HTTP, in characters. */
export const MAX_ARTICLE_TEXT = 200_000;

const ExtractBody = z.object({
  text: z.string().min(1).max(MAX_ARTICLE_TEXT).openapi({ example: '2024年2月，月之暗面完成超10亿美元融资。' }),
  format: z.enum(['text', 'markdown', 'html']).optional().openapi({ description: 'default: from the content' }),
  lang: z.enum(['zh', 'en', 'auto']).optional().openapi({ description: 'default: auto' }),
  source: z.string().max(500).optional().openapi({ description: 'who published the article: the publisher of every fact', example: '36氪' }),
  url: z.string().max(2000).optional().openapi({ example: 'https://example.com/article' }),
  published: z.string().max(40).optional().openapi({ description: 'YYYY-MM-DD; relative periods (今年, last year) are read against it; default: the date the article gives', example: '2024-02-20' }),
  title: z.string().max(500).optional(),
}).strict();

const extract = createRoute({
  method: 'post', path: '/api/extract',
  summary: 'Find the figures of an article (text, Markdown or HTML) and propose each as a fact: the extraction and the review file (YAML that POST /api/facts/import takes once reviewed). Changes nothing.',
  tags: ['extract'],
  request: { body: { content: { 'application/json': { schema: ExtractBody } }, required: true } },
  responses: {
    200: json(z.object({ extraction: z.object({}).passthrough(), review: z.string() }), 'The figures found (as `shakeout extract --json`) and the review file (as `shakeout extract --out`)'),
    ...errors(400, 413),
  },
});

export function registerExtractRoutes(app: Api, deps: ServerDeps): void {
  app.openapi(extract, async (c) => {
    const b = c.req.valid('json');
    // checked here too so the error names the request's field, not the CLI's option
    if (b.published !== undefined && b.published.trim() !== '') {
      try {
        readAsOfDate(b.published, 'json.published');
      } catch (e) {
        if (!(e instanceof ShakeoutError)) throw e;
        throw new ShakeoutError(e.message, { status: 400, issues: e.issues.map((i) => ({ ...i, path: ['json', 'published'] })) });
      }
    }
    const r = await extractArticle(deps.store, b.text, {
      name: null,
      ...(b.format ? { format: b.format } : {}),
      lang: b.lang ?? 'auto',
      source: b.source || null, url: b.url || null, published: b.published?.trim() || null, title: b.title || null,
    });
    return c.json({ extraction: JSON.parse(JSON.stringify(extractionJson(r))) as Record<string, never>, review: r.review }, 200);
  });
}
