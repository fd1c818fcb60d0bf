import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

interface Assumptions { text: string; format: string; source: string; name: string }
interface Survival { analysis: { details: { companies: { id: string; pOutWithin: Record<string, number> }[] }; assumptions: { name?: string; text?: string; value?: unknown }[] } }
interface Failed { error: { status: number; issues: { code: string; path: (string | number)[]; message: string }[] } }

const survival = (text?: string) =>
  `/api/survival?companies=OpenAI&paths=2000&seed=scenario&horizon=36${text === undefined ? '' : `&assumptionsText=${encodeURIComponent(text)}`}`;

describe('GET /api/assumptions', () => {
  it('serves the bundled survival assumptions as the file holds them, documented in the OpenAPI document', async () => {
    const app = createApp({ store });
    const res = await app.request('/api/assumptions');
    expect(res.status).toBe(200);
    const a = (await res.json()) as Assumptions;
    expect(a).toEqual({
      text: readFileSync(join(process.cwd(), 'data/survival-assumptions.yaml'), 'utf8'),
      format: 'yaml',
      source: 'bundled',
      name: 'data/survival-assumptions.yaml',
    });
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/assumptions']!)).toEqual(['get']);
  });

  it('feeds the survival simulation: sent back unchanged it gives the bundled result, with one company\'s cash halved that company runs out sooner', async () => {
    const app = createApp({ store });
    const { text } = (await (await app.request('/api/assumptions')).json()) as Assumptions;
    const bundled = (await (await app.request(survival())).json()) as Survival;
    const same = (await (await app.request(survival(text))).json()) as Survival;
    const p = (s: Survival) => s.analysis.details.companies.find((c) => c.id === 'openai')!.pOutWithin;
    expect(p(same)).toEqual(p(bundled));

    // OpenAI's cash is an assumption (no round before the file's as_of is in the ledger): halve it
    expect(text).toContain('value: 5B to 15B');
    const halved = await app.request(survival(text.replace('value: 5B to 15B', 'value: 2.5B to 7.5B')));
    expect(halved.status).toBe(200);
    const h = (await halved.json()) as Survival;
    expect(p(h)['36']).toBeGreaterThan(p(bundled)['36']!);
    expect(JSON.stringify(h.analysis.assumptions)).toContain('2.5B to 7.5B');
  });

  it('a broken edit of it is refused with the field, what was expected and what came', async () => {
    const app = createApp({ store });
    const { text } = (await (await app.request('/api/assumptions')).json()) as Assumptions;
    const res = await app.request(survival(text.replace(/\n *rationale: Microsoft[^\n]*/, '')));
    expect(res.status).toBe(400);
    const issue = ((await res.json()) as Failed).error.issues[0]!;
    expect(issue.path).toEqual(['companies', 0, 'cash', 'rationale']);
    expect(issue.message).toMatch(/needs a rationale/);
  });
});
