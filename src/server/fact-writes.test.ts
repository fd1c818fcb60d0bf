import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../app/index.js';
import { createApp } from './app.js';
import { onEachBackend } from './on-each-backend.js';

const entity = (app: ReturnType<typeof createApp>, id: string, nameEn: string, token?: string) => post(app, '/api/entities', { id, nameEn, kind: 'company' }, token);

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown, token?: string) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

const mistral = { entity: 'Mistral AI', metric: 'funding', value: '600 million euros ($645 million)', period: '2024-06', source: { publisher: 'Reuters', url: 'https://www.reuters.com/', published: '2024-06-11' } };

onEachBackend('writing facts over HTTP', (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(async () => store.close());

  it('adds a fact read as written, then corrects it; history holds both', async () => {
    const app = createApp({ store });
    expect((await entity(app, 'mistral-ai', 'Mistral AI')).status).toBe(201);
    expect((await entity(app, 'mistral-2', 'Mistral AI')).status).toBe(409);
    const res = await post(app, '/api/facts', mistral);
    expect(res.status).toBe(201);
    const f = (await res.json()) as { id: string; figure: { value: number; unit: string }; display: { alsoWrittenAs: string[] } };
    expect(f.figure).toMatchObject({ value: 6e8, unit: 'EUR' });
    // the outlet's own conversion in brackets is shown beside the fact, not used
    expect(f.display.alsoWrittenAs).toEqual(['$645 million']);
    expect(((await (await app.request(`/api/facts/${f.id}`)).json()) as { display: { alsoWrittenAs: string[] } }).display.alsoWrittenAs).toEqual(['$645 million']);
    const fix = await post(app, `/api/facts/${f.id}/corrections`, { value: '€640M', source: { publisher: 'Sifted', published: '2024-06-12' } });
    expect(fix.status).toBe(201);
    const hist = (await (await app.request(`/api/facts/${f.id}/history`)).json()) as { items: { id: string }[] };
    expect(hist.items).toHaveLength(2);
    const again = await post(app, `/api/facts/${f.id}/corrections`, { value: '€641M' });
    expect(again.status).toBe(409);
  });

  it('a correction from another outlet with no date is refused at source.published; from the same outlet it keeps the date', async () => {
    const app = createApp({ store });
    await entity(app, 'mistral-ai', 'Mistral AI');
    const f = (await (await post(app, '/api/facts', mistral)).json()) as { id: string };
    const refused = await post(app, `/api/facts/${f.id}/corrections`, { value: '€640M', source: { publisher: 'Axis Intelligence' } });
    expect(refused.status).toBe(400);
    const e = (await refused.json()) as { error: { issues: { path: string[]; message: string }[] } };
    expect(e.error.issues[0]!.path).toEqual(['source', 'published']);
    expect(e.error.issues[0]!.message).toMatch(/another source \(Axis Intelligence; the fact's is Reuters\) but not the date it was published/);
    const kept = (await (await post(app, `/api/facts/${f.id}/corrections`, { value: '€640M', source: { publisher: 'Reuters' } })).json()) as { source: { url: string; published: string } };
    expect(kept.source).toMatchObject({ url: 'https://www.reuters.com/', published: '2024-06-11' });
  });

  it('refuses a bad fact with every issue and stores nothing', async () => {
    const app = createApp({ store });
    await entity(app, 'mistral-ai', 'Mistral AI');
    const before = (await store.listFacts()).length;
    const res = await post(app, '/api/facts', { ...mistral, value: 'n/a', metric: 'fundng' });
    expect(res.status).toBe(400);
    const e = (await res.json()) as { error: { issues: { path: string[]; message: string }[] } };
    expect(e.error.issues.length).toBeGreaterThanOrEqual(2);
    expect(e.error.issues.map((i) => i.message).join(' ')).toMatch(/did you mean "funding"/);
    expect((await store.listFacts()).length).toBe(before);
    const shape = await post(app, '/api/facts', { ...mistral, colour: 'red' });
    expect(shape.status).toBe(400);
  });

  it('imports with a dry run that changes nothing, then for real; a bad line is named', async () => {
    const app = createApp({ store });
    await entity(app, 'perplexity', 'Perplexity');
    const csv = 'entity,metric,value_as_written,period,publisher,published\nPerplexity,funding,$63M,2024-04,TechCrunch,2024-04-23\nPerplexity,valuation,$1B,2024-04,TechCrunch,2024-04-23\n';
    const before = (await store.listFacts()).length;
    const dry = await post(app, '/api/facts/import', { format: 'csv', text: csv, dryRun: true });
    expect(dry.status).toBe(200);
    expect((await dry.json()) as object).toMatchObject({ dryRun: true });
    expect((await store.listFacts()).length).toBe(before);
    const real = (await (await post(app, '/api/facts/import', { format: 'csv', text: csv })).json()) as { added: string[]; dryRun: boolean };
    expect(real.added).toHaveLength(2);
    expect(real.dryRun).toBe(false);
    const bad = await post(app, '/api/facts/import', { format: 'csv', file: 'p.csv', text: csv.replace('$1B', 'a lot') });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]!.path).toEqual(['p.csv line 3', 'column value_as_written']);
  });

  it('a misspelt header column is named once, on the header line (1), with the closest column; pasted text is "the pasted CSV"', async () => {
    const app = createApp({ store });
    await entity(app, 'sakana-ai', 'Sakana AI');
    const csv = 'entity,metric,value_as_written,period,sorce,published\nSakana AI,funding,200億円,2024-09,Nikkei,2024-09-04\nSakana AI,valuation,JP¥400 billion,2024-09,Nikkei,2024-09-04\n';
    const res = await post(app, '/api/facts/import', { format: 'csv', text: csv, dryRun: true });
    expect(res.status).toBe(400);
    const e = ((await res.json()) as { error: { message: string; issues: { code: string; path: string[]; message: string }[] } }).error;
    const header = e.issues.filter((i) => i.code === 'unknown_column');
    expect(header).toHaveLength(1);
    expect(header[0]!.path).toEqual(['the pasted CSV line 1', 'column sorce']);
    expect(header[0]!.message).toMatch(/got "sorce"; did you mean "source"\?$/);
    expect(e.message).not.toMatch(/facts\.csv/);
    expect(e.message).not.toMatch(/line 2, column sorce/);
    // a name the request gives is the one every issue uses
    const named = ((await (await post(app, '/api/facts/import', { format: 'csv', file: 'sakana.csv', text: csv, dryRun: true })).json()) as { error: { issues: { path: string[] }[] } }).error;
    expect(named.issues.map((i) => i.path[0])).toEqual(named.issues.map(() => expect.stringMatching(/^sakana\.csv line \d+$/)));
    expect(named.issues.find((i) => i.path[1] === 'column sorce')!.path[0]).toBe('sakana.csv line 1');
  });

  it('exports CSV that imports back unchanged', async () => {
    const app = createApp({ store });
    const res = await app.request('/api/facts/export?format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const back = (await (await post(app, '/api/facts/import', { format: 'csv', text, dryRun: true })).json()) as { added: string[]; unchanged: string[] };
    expect(back.added).toEqual([]);
    expect(back.unchanged.length).toBe((await store.exportFacts()).length);
  });

  it('needs the token for every write when one is set', async () => {
    const app = createApp({ store, token: 't0ken' });
    expect((await post(app, '/api/facts', mistral)).status).toBe(401);
    expect((await post(app, '/api/facts/import', { format: 'csv', text: 'x', dryRun: true })).status).toBe(401);
    expect((await entity(app, 'mistral-ai', 'Mistral AI')).status).toBe(401);
    expect((await entity(app, 'mistral-ai', 'Mistral AI', 't0ken')).status).toBe(201);
    expect((await post(app, '/api/facts', mistral, 't0ken')).status).toBe(201);
  });
});

onEachBackend('an unknown entity over HTTP (trial T7, T13)', (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(async () => store.close());

  it('names the request that adds it, and that request makes the fact go through', async () => {
    const app = createApp({ store });
    const res = await post(app, '/api/facts', mistral);
    expect(res.status).toBe(400);
    const e = (await res.json()) as { error: { issues: { code: string; path: string[]; message: string }[] } };
    const issue = e.error.issues.find((i) => i.code === 'unknown_entity')!;
    expect(issue.path).toEqual(['entity']);
    expect(issue.message).not.toMatch(/did you mean|Mistral Large/);
    const body = /POST \/api\/entities (\{.*\})\)$/.exec(issue.message)![1]!;
    expect(JSON.parse(body)).toEqual({ id: 'mistral-ai', nameEn: 'Mistral AI', kind: 'company' });
    expect((await post(app, '/api/entities', JSON.parse(body))).status).toBe(201);
    expect((await post(app, '/api/facts', mistral)).status).toBe(201);
  });
});

onEachBackend('facts that cannot be right, over HTTP (trial T15)', (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open({ bundled: false });
  });
  afterEach(async () => store.close());

  it('answers 400 naming the field, the code, what was expected and what came, and stores nothing', async () => {
    const app = createApp({ store });
    await entity(app, 'cohere', 'Cohere');
    const fact = { entity: 'Cohere', metric: 'funding', value: '$500 million', period: '2024-07', scope: 'round', source: { publisher: 'Test Wire', published: '2024-07-22' } };
    type Refused = { error: { status: number; issues: { code: string; path: string[]; expected?: string; got?: string }[] } };
    const refused = async (change: Record<string, unknown>) => {
      const res = await post(app, '/api/facts', { ...fact, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      return ((await res.json()) as Refused).error.issues.map(({ code, path, expected, got }) => ({ code, path, expected, got }));
    };
    expect(await refused({ value: '500 million' })).toEqual([{ code: 'missing_currency', path: ['value'], expected: 'money', got: '500 million' }]);
    expect(await refused({ metric: 'headcount', value: '$500', scope: null })).toEqual([{ code: 'not_a_count', path: ['value'], expected: 'count', got: '$500' }]);
    expect(await refused({ metric: 'valuation', value: '-$5B', scope: null })).toEqual([{ code: 'negative_value', path: ['value'], expected: '0', got: '-$5B' }]);
    const future = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect((await refused({ source: { publisher: 'Test Wire', published: future } }))[0]).toMatchObject({ code: 'published_in_future', path: ['published'], got: future });
    expect(await refused({ source: { publisher: 'Test Wire', published: '2022-01-01' } })).toEqual([{ code: 'published_before_period', path: ['published'], expected: '2024-07-01', got: '2022-01-01' }]);
    // the import refuses the same way, at the file's line and column
    const csv = 'entity,metric,value_as_written,period,scope,publisher,published\nCohere,valuation,-$5B,2024-07,,Test Wire,2024-07-22\n';
    const imp = await post(app, '/api/facts/import', { format: 'csv', text: csv, file: 'mine.csv' });
    expect(imp.status).toBe(400);
    expect(((await imp.json()) as Refused).error.issues).toEqual([expect.objectContaining({ code: 'negative_value', path: ['mine.csv line 2', 'column value_as_written'], got: '-$5B' })]);
    expect(await store.listFacts()).toEqual([]);
    expect((await post(app, '/api/facts', fact)).status).toBe(201);
  });
});
