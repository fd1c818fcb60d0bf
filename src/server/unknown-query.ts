import type { MiddlewareHandler } from 'hono';
import { closest, type Issue } from '../app/index.js';
import type { Api } from './deps.js';
import { body } from './errors.js';
import { PATH_FIELDS, refusePaths } from './routes/analyses.js';

/** Query keys every GET takes, handled before the routes (`resultCache`): the pinned revision. */
const EVERY_GET = ['revision'];

interface GetRoute {
  readonly path: string;
  readonly re: RegExp;
  readonly params: number;
  /** The query's keys, or null when its schema is not a plain object (then nothing is refused here). */
  readonly keys: readonly string[] | null;
}

function getRoutes(app: Api): GetRoute[] {
  const out: GetRoute[] = [];
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route' || d.route.method !== 'get') continue;
    const query = d.route.request?.query as { shape?: Record<string, unknown> } | undefined;
    const keys = query === undefined ? [] : query.shape && typeof query.shape === 'object' ? Object.keys(query.shape) : null;
    const path = d.route.path;
    const re = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
    out.push({ path, re, params: (path.match(/\{/g) ?? []).length, keys });
  }
  // a literal path (/api/facts/export) before a pattern that also matches it (/api/facts/{id})
  return out.sort((a, b) => a.params - b.params);
}

/**
 * Refuses a GET whose query holds a key its route does not take (a 400 with
 * one issue per key at `query.<key>`, naming the keys the route takes and the
 * closest one), so a misspelt or unsupported filter (`/api/facts?entty=X`,
 * `?bogus=1`) is never answered as if it were not there. A file path in the
 * query is refused as such first (`refusePaths`). The keys come from the
 * route's own query schema, the one that validates and documents it, so the
 * check and the OpenAPI document cannot disagree. Register it before the routes.
 */
export function refuseUnknownQuery(app: Api): MiddlewareHandler {
  let routes: GetRoute[] | undefined;
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    routes ??= getRoutes(app);
    const route = routes.find((r) => r.re.test(c.req.path));
    if (!route || route.keys === null) return next();
    const query = c.req.queries();
    const takes = [...route.keys, ...EVERY_GET];
    const unknown = Object.keys(query).filter((k) => !takes.includes(k));
    if (!unknown.length) return next();
    refusePaths(Object.fromEntries(unknown.filter((k) => (PATH_FIELDS as readonly string[]).includes(k)).map((k) => [k, query[k]![0]])), 'query');
    const own = route.keys.filter((k) => !EVERY_GET.includes(k));
    const listed = own.length ? `the parameters ${own.join(', ')} (and revision)` : 'no parameter but revision';
    const issues: Issue[] = unknown.map((k) => {
      const hint = closest(k, route.keys ?? []);
      const got = query[k]!.length === 1 ? query[k]![0]! : JSON.stringify(query[k]);
      return {
        code: 'unrecognized_keys', path: ['query', k], expected: k, got,
        message: `expected ${listed}, got "${k}"${hint ? `; did you mean "${hint}"?` : ''}`,
      };
    });
    const message = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return c.json(body(400, message, issues), 400);
  };
}
