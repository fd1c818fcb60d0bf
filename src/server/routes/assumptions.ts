import { createRoute, z } from '@hono/zod-openapi';
import { BUNDLED_SURVIVAL_ASSUMPTIONS, bundledSurvivalAssumptionsText } from '../../app/index.js';
import type { Api, ServerDeps } from '../deps.js';
import { json } from '../schemas.js';

const AssumptionsSchema = z.object({
  text: z.string().openapi({ description: 'The file exactly as the survival simulation reads it when a request sends no assumptionsText.' }),
  format: z.literal('yaml'),
  source: z.literal('bundled'),
  name: z.string().openapi({ example: BUNDLED_SURVIVAL_ASSUMPTIONS, description: 'The file, as the analyses cite it.' }),
}).openapi('Assumptions');

const assumptions = createRoute({
  method: 'get', path: '/api/assumptions', summary: 'The bundled survival assumptions as text (data/survival-assumptions.yaml)', tags: ['analyses'],
  description: 'A starting point for a scenario: change it and send it back as assumptionsText to GET /api/survival (or /api/analyses/survival, /api/analyses/health), which then reads it instead of the bundled file.',
  responses: { 200: json(AssumptionsSchema, 'The bundled assumptions') },
});

/** GET /api/assumptions: the bundled survival assumptions, read by the one reader the simulation uses. */
export function registerAssumptionRoutes(app: Api, _deps: ServerDeps): void {
  app.openapi(assumptions, (c) => c.json({ text: bundledSurvivalAssumptionsText(), format: 'yaml' as const, source: 'bundled' as const, name: BUNDLED_SURVIVAL_ASSUMPTIONS }, 200));
}
