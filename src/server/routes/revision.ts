import { createRoute, z } from '@hono/zod-openapi';
import type { Api, ServerDeps } from '../deps.js';

const revision = createRoute({
  method: 'get', path: '/api/revision', summary: 'The ledger\'s revision: a number every write that changes the ledger raises by one', tags: ['ledger'],
  description: 'Pin it in a link with ?revision=N: a GET with a revision the ledger has moved past is refused with 409, so a shared result either reproduces or says why not. Results are cached by path, query and revision.',
  responses: { 200: { description: 'The revision', content: { 'application/json': { schema: z.object({ revision: z.number().int().openapi({ example: 42 }) }) } } } },
});

export function registerRevisionRoutes(app: Api, deps: ServerDeps): void {
  app.openapi(revision, async (c) => c.json({ revision: await deps.store.revision() }, 200, { 'cache-control': 'no-store' }));
}
