import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { closest } from '../app/index.js';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import type { ServerDeps } from './deps.js';
import { body, errorResponse, validationHook } from './errors.js';
import { registerAnalysisRoutes } from './routes/analyses.js';
import { registerAssumptionRoutes } from './routes/assumptions.js';
import { registerExtractRoutes } from './routes/extract.js';
import { registerFactWriteRoutes } from './routes/fact-writes.js';
import { registerFactRoutes } from './routes/facts.js';
import { registerLedgerRoutes } from './routes/ledger.js';
import { registerModelRoutes } from './routes/models.js';
import { registerOutcomeWriteRoutes } from './routes/outcome-writes.js';
import { registerReportRoutes } from './routes/report.js';
import { registerRevisionRoutes } from './routes/revision.js';
import { refuseUnknownQuery } from './unknown-query.js';
import { resultCache, type ResultCacheOptions, type ResultCacheStats } from './result-cache.js';
import { registerRunRoutes } from './routes/runs.js';
import { RunBoard, type RunLimits } from './run-board.js';

export interface AppOptions extends ServerDeps {
  /**
   * When set, every request that writes (POST, PUT, PATCH, DELETE) needs
   * `Authorization: Bearer <token>`, except the POSTs that change nothing
   * (reading a figure, checking a model).
   */
  readonly token?: string | undefined;
  /** Largest request body in bytes; default {@link DEFAULT_BODY_LIMIT}. */
  readonly bodyLimitBytes?: number;
  /** The built dashboard (web/dist), served at / beside the API; none: the API alone. */
  readonly webRoot?: string | undefined;
  /** Bounds of the result cache (default {@link RESULT_CACHE_LIMITS}); false: no cache (the revision rules still hold), for the load bench's uncached run. */
  readonly cache?: ResultCacheOptions | false;
  /** Limits of long work (POST /api/runs); default {@link DEFAULT_RUN_LIMITS}. */
  readonly runs?: Partial<RunLimits> | undefined;
}

/** The API with what its result cache did so far. */
export type ShakeoutApp = OpenAPIHono & { readonly cacheStats: () => ResultCacheStats };

/** Largest request body by default: 5 MB (a facts file of some 20,000 rows). */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export { CONTENT_SECURITY_POLICY };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** POST routes that read what they are sent and change nothing, open without the token: the figure reader (the ledger form's live reading) and the model check. */
const OPEN_POSTS = new Set(['/api/figures/parse', '/api/models/check']);
/** How to send the token, for every refusal of one. */
const TOKEN_HOW = 'send the header "Authorization: Bearer <token>"; on the dashboard, fill in the form\'s "Bearer token" field and send again';

/**
 * The HTTP API over one open store, with errors mapped to statuses in one
 * place (`errorResponse`), validation errors as a list of issues, a body
 * limit (413), the bearer token on writes when one is set, a strict CSP, and
 * the OpenAPI 3.1 document at /api/openapi.json built from the same schemas
 * that validate the requests, the ledger's revision on every response and
 * GETs cached by path, query and revision (`resultCache`). Tested through `app.request()`.
 */
export function createApp(options: AppOptions): ShakeoutApp {
  const app = new OpenAPIHono({ defaultHook: validationHook as never });
  // overwrite: false, so a page that needs more (the HTML report's own styles, by hash) sets its own policy
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false, overwrite: false }));
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  app.use('/api/*', bodyLimit({
    maxSize: limit,
    onError: (c) => c.json(body(413, `request body over the limit of ${limit} bytes`, [{ code: 'body_too_large', path: ['body'], message: `expected at most ${limit} bytes` }]), 413),
  }));
  if (options.token) {
    const refusal = (status: 400 | 401, code: string, message: string, got: string) =>
      body(status, message, [{ code, path: ['header', 'authorization'], message, expected: 'Bearer <token>', got }]);
    const auth = bearerAuth({
      token: options.token,
      noAuthenticationHeader: { message: refusal(401, 'token_required', `this server takes writes only with its bearer token (it was started with SHAKEOUT_TOKEN): ${TOKEN_HOW}`, 'no Authorization header') },
      invalidToken: { message: refusal(401, 'token_invalid', `the bearer token does not match the one this server was started with (SHAKEOUT_TOKEN): ${TOKEN_HOW}`, 'another token') },
      invalidAuthenticationHeader: { message: refusal(400, 'token_malformed', `expected an Authorization header of the form "Bearer <token>": ${TOKEN_HOW}`, 'a header of another form') },
    });
    app.use('/api/*', async (c, next) => (WRITES.has(c.req.method) && !OPEN_POSTS.has(c.req.path) ? auth(c, next) : next()));
  }
  app.use('/api/*', refuseUnknownQuery(app));
  const cache = resultCache(options.store, options.cache);
  app.use('/api/*', cache.middleware);
  app.onError((e, c) => errorResponse(c, e));

  const deps: ServerDeps = { store: options.store };
  registerFactWriteRoutes(app, deps);
  registerFactRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  registerAssumptionRoutes(app, deps);
  registerModelRoutes(app, deps);
  registerExtractRoutes(app, deps);
  registerOutcomeWriteRoutes(app, deps);
  registerRevisionRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerRunRoutes(app, deps, new RunBoard(options.runs));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Needed for writes when the server was started with SHAKEOUT_TOKEN.' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shakeout API',
      version: '1',
      description: 'Sourced figures about AI companies, and analyses of whether each makes money before its money runs out. Every GET carries all its parameters (seed, as-of day), so a URL reproduces its result.',
    },
  });

  if (options.webRoot) {
    const root = options.webRoot;
    const index = join(root, 'index.html');
    if (!existsSync(index)) throw new Error(`the dashboard is not built (no ${index}): run npm run build`);
    const html = readFileSync(index, 'utf8');
    // hashed assets are immutable; the page itself is always checked again
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root }));
    app.get('/', (c) => c.html(html, 200, { 'cache-control': 'no-cache' }));
    app.get('/index.html', (c) => c.html(html, 200, { 'cache-control': 'no-cache' }));
  }

  app.notFound((c) => {
    const paths = [...new Set(app.openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [d.route.path.replace(/\{(\w+)\}/g, ':$1')] : [])))];
    const hint = closest(c.req.path, paths);
    const message = `no route ${c.req.method} ${c.req.path}${hint ? `; did you mean ${hint}?` : ''} (the routes are listed at /api/openapi.json)`;
    return c.json(body(404, message, [{ code: 'unknown_route', path: ['path'], message }]), 404);
  });
  return Object.assign(app, { cacheStats: cache.stats });
}
