import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Store } from '../app/index.js';
import { createApp } from './app.js';
import { onEachBackend } from './on-each-backend.js';

type Failed = { error: { status: number; message: string; issues: { code: string; path: string[]; message: string }[] } };

let store: Store;
beforeAll(async () => {
  store = await openLedger({ db: ':memory:' });
});
afterAll(async () => store.close());

const get = async (app: ReturnType<typeof createApp>, path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, res };
};

describe('facts', () => {
  it('searches text, sorts by value and reads the ledger as of a day', async () => {
    const app = createApp({ store });
    const r = await get(app, '/api/facts?q=sensor%20tower&sort=value&order=desc&limit=500');
    const items = r.body.items as { source: { publisher: string; title: string | null }; figure: { value: number } }[];
    expect(items.length).toBeGreaterThan(0);
    for (const f of items) expect(`${f.source.publisher} ${f.source.title ?? ''}`.toLowerCase()).toContain('sensor tower');
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.figure.value).toBeGreaterThanOrEqual(items[i]!.figure.value);
    const all = await get(app, '/api/facts?limit=500&entity=openai');
    const asOf = await get(app, '/api/facts?limit=500&entity=openai&asOf=2024-05-20');
    expect((asOf.body.asOf as { asOf: string }).asOf).toBe('2024-05-20');
    const later = (all.body.items as { source: { published: string | null } }[]).filter((f) => (f.source.published ?? '') > '2024-05-20');
    expect(later.length).toBeGreaterThan(0);
    expect(asOf.body.total).toBe((all.body.total as number) - later.length);
  });

  it('shows a fact and its history; an unknown id is a 404 with a suggestion', async () => {
    const app = createApp({ store });
    const f = await get(app, '/api/facts/F11');
    expect(f.status).toBe(200);
    expect(f.body.valueText).toBe('超23亿美元');
    expect(f.body.display).toMatchObject({ en: '> $2.3B', zh: '> 23亿美元' });
    expect((await get(app, '/api/facts/F11/history')).body.items).toHaveLength(1);
    const miss = await get(app, '/api/facts/F111');
    expect(miss.status).toBe(404);
    expect((miss.body.error as { message: string }).message).toMatch(/no fact with id "F111"; did you mean "F1\d?"/);
  });

  it('refuses bad parameters with a 400 naming the field, what was expected and what came', async () => {
    const app = createApp({ store });
    const r = await get(app, '/api/facts?limit=9000&sort=size');
    expect(r.status).toBe(400);
    const issues = (r.body.error as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(['query.limit', 'query.sort']);
    expect(issues.find((i) => i.path[1] === 'limit')!.message).toBe('expected a value of at most 500, got "9000"');
    expect(issues.find((i) => i.path[1] === 'sort')!.message).toMatch(/^expected one of "entity", .*got "size"$/);
    const day = await get(app, '/api/facts?asOf=2024-05');
    expect(day.status).toBe(400);
    expect((day.body.error as { message: string }).message).toContain('asOf: expected a day written YYYY-MM-DD');
    const cur = await get(app, '/api/facts?cursor=nonsense');
    expect(cur.status).toBe(400);
    expect((cur.body.error as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['cursor']);
    const entity = await get(app, '/api/facts?entity=Zhipuu');
    expect(entity.status).toBe(400);
    expect((entity.body.error as { message: string }).message).toBe('query.entity: expected an entity the ledger knows (any name or alias), got "Zhipuu"; did you mean "Zhipu"?');
  });

  it('lists conflicts, entities, sources and outcomes', async () => {
    const app = createApp({ store });
    const c = await get(app, '/api/conflicts');
    expect(Array.isArray(c.body.conflicts)).toBe(true);
    expect((await get(app, '/api/entities')).body.items).toEqual(await store.listEntities());
    expect((await get(app, '/api/entities?kind=company')).body.items).toEqual((await store.listEntities()).filter((e) => e.kind === 'company'));
    expect((await get(app, '/api/entities?kind=firm')).status).toBe(400);
    // withFacts: only the entities some fact is about; an investor recorded by name alone (Blackstone) is left out
    const withFacts = (await get(app, '/api/entities?kind=company&withFacts=true')).body.items as { id: string }[];
    const about = new Set((await store.listFacts()).map((f) => f.entity));
    expect(withFacts.length).toBeGreaterThan(3);
    // a company is in if a fact is about it or about one of its products (OpenAI: facts on ChatGPT too)
    const owners = new Set((await store.listEntities()).filter((e) => about.has(e.id) && e.parent).map((e) => e.parent!));
    expect(withFacts.every((e) => about.has(e.id) || owners.has(e.id))).toBe(true);
    expect(withFacts.map((e) => e.id)).toContain('anthropic');
    expect(withFacts.map((e) => e.id)).not.toContain('blackstone');
    expect(((await get(app, '/api/entities?kind=company')).body.items as { id: string }[]).map((e) => e.id)).toContain('blackstone');
    expect((await get(app, '/api/entities?withFacts=yes')).status).toBe(400);
    // a company whose only figures are on its app counts as one with facts (the report can be about it)
    const own = await openLedger({ db: ':memory:' });
    try {
      await own.addEntity({ id: 'hanul-labs', nameEn: 'Hanul Labs', nameZh: null, aliases: [], kind: 'company', parent: null, notes: null });
      await own.addEntity({ id: 'hanul-chat', nameEn: 'Hanul Chat', nameZh: null, aliases: [], kind: 'product', parent: 'hanul-labs', notes: null });
      await own.importFacts([{ entity: 'Hanul Chat', metric: 'revenue', value: '$900,000', period: '2024-04', source: 'Appfigures', published: '2024-05-02', url: 'https://example.com/hanul' }], { file: 'hanul.csv' });
      const ids = ((await get(createApp({ store: own }), '/api/entities?kind=company&withFacts=true')).body.items as { id: string }[]).map((e) => e.id);
      expect(ids).toContain('hanul-labs');
      expect(ids).not.toContain('blackstone');
    } finally {
      await own.close();
    }
    // an unknown name in the path stays a 404 (in a query it is a 400 on its field: above)
    expect((await get(app, '/api/entities/Zhipuu')).status).toBe(404);
    expect((await get(app, '/api/entities/智谱')).body.id).toBe('zhipu-ai');
    const o = await get(app, '/api/outcomes?entity=Inflection');
    expect((o.body.items as { type: string }[]).map((x) => x.type)).toContain('acquihire_license');
    const s = await get(app, '/api/sources?asOf=2024-05-20');
    for (const x of s.body.items as { published: string | null }[]) expect(x.published !== null && x.published <= '2024-05-20').toBe(true);
  });
});

describe('conflicts of one entity', () => {
  it('takes any name or alias and lists only that entity\'s conflicts and uncompared facts; an unknown one is a 400 on query.entity with the closest name (trial of session 10)', async () => {
    const app = createApp({ store });
    type Conflicts = { conflicts: { entity: string; a: { id: string }; b: { id: string } }[]; uncompared: { fact: { entity: string } }[] };
    const all = (await get(app, '/api/conflicts')).body as Conflicts;
    const china = await get(app, `/api/conflicts?entity=${encodeURIComponent('中国AI')}`);
    expect(china.status).toBe(200);
    const mine = china.body as Conflicts;
    expect(mine.conflicts.length).toBeGreaterThan(0);
    expect(mine.conflicts).toEqual(all.conflicts.filter((c) => c.entity === 'china-ai-sector'));
    expect(mine.uncompared).toEqual(all.uncompared.filter((u) => u.fact.entity === 'china-ai-sector'));
    expect(all.conflicts.some((c) => c.entity !== 'china-ai-sector')).toBe(true);
    // with the ledger as of a day, as every GET
    expect((await get(app, '/api/conflicts?entity=China%20AI&asOf=2024-05-20')).status).toBe(200);
    const miss = await get(app, '/api/conflicts?entity=Stabilty%20AI');
    expect(miss.status).toBe(400);
    const e = (miss.body as Failed).error;
    expect(e.issues).toMatchObject([{ code: 'unknown_entity', path: ['query', 'entity'], expected: 'an entity the ledger knows', got: 'Stabilty AI', suggestion: 'Stability AI' }]);
    expect(e.message).toBe('query.entity: expected an entity the ledger knows (any name or alias), got "Stabilty AI"; did you mean "Stability AI"?');
  });
});

describe('a query key a GET does not take', () => {
  it('is a 400 naming the field and the keys the route takes, on every GET, never an answer that ignored it', async () => {
    const app = createApp({ store });
    const c = await get(app, '/api/conflicts?entty=Sakana');
    expect(c.status).toBe(400);
    const issue = (c.body.error as Failed['error']).issues[0]!;
    expect(issue).toMatchObject({ code: 'unrecognized_keys', path: ['query', 'entty'], expected: 'entty', got: 'Sakana' });
    expect(issue.message).toBe('expected the parameters asOf, includeUndated, entity (and revision), got "entty"; did you mean "entity"?');
    const bogus = await get(app, '/api/conflicts?bogus=1&asOf=2024-05-20');
    expect(bogus.status).toBe(400);
    expect((bogus.body.error as Failed['error']).issues.map((i) => i.path.join('.'))).toEqual(['query.bogus']);
    // the same on GETs with parameters, with none, with a path parameter, and a literal path beside a pattern
    for (const url of ['/api/facts?entty=OpenAI', '/api/entities?x=1', '/api/vocabulary?lang=zh', '/api/revision?x=1', '/api/facts/F1?x=1', '/api/facts/export?x=1', '/api/outcomes?entity=Inflection&type=x', '/api/analyses?x=1']) {
      const r = await get(app, url);
      expect(r.status, url).toBe(400);
      expect((r.body.error as Failed['error']).issues[0]!.code, url).toBe('unrecognized_keys');
    }
    expect((await get(app, '/api/facts?entty=OpenAI')).body.error).toMatchObject({ issues: [{ message: expect.stringMatching(/did you mean "entity"\?$/) }] });
    expect((await get(app, '/api/vocabulary?lang=zh')).body.error).toMatchObject({ issues: [{ message: 'expected no parameter but revision, got "lang"' }] });
    // what a route takes still works, and so does the pinned revision
    expect((await get(app, '/api/conflicts?asOf=2024-05-20')).status).toBe(200);
    expect((await get(app, '/api/facts/export?format=json')).status).toBe(200);
    const rev = (await get(app, '/api/revision')).body as { revision: number };
    expect((await get(app, `/api/entities?revision=${rev.revision}`)).status).toBe(200);
    // a file path is refused as such
    expect((await get(app, '/api/conflicts?file=/etc/passwd')).body.error).toMatchObject({ issues: [{ code: 'path_refused', path: ['query', 'file'] }] });
  });
});

describe('figures', () => {
  it('reads a figure as written, and refuses what it cannot read with the reason', async () => {
    const app = createApp({ store });
    const ok = await app.request('/api/figures/parse', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '超23亿美元' }) });
    expect(ok.status).toBe(200);
    const f = (await ok.json()) as { value: number; qualifier: string; unit: string; display: { en: string } };
    expect(f).toMatchObject({ value: 2.3e9, qualifier: 'over', unit: 'USD' });
    const bad = await app.request('/api/figures/parse', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '23 apples' }) });
    expect(bad.status).toBe(400);
    const refused = ((await bad.json()) as { error: { message: string; issues: { code: string; got?: string; reason?: unknown }[] } }).error;
    expect(refused.message).toContain('apples');
    // the reader's reason as data, for a reader in another language
    expect(refused.issues).toMatchObject([{ code: 'invalid_figure', got: '23 apples', reason: { code: 'unknown_word', params: { word: 'apples' } } }]);
    const extra = await app.request('/api/figures/parse', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '$1B', colour: 'red' }) });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]!.path).toEqual(['json']);
  });
});

describe('the rules of the surface', () => {
  it('maps a body over the limit to 413', async () => {
    const app = createApp({ store, bodyLimitBytes: 100 });
    const res = await app.request('/api/figures/parse', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(200) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('over the limit of 100 bytes');
  });

  it('says what was expected and what came for a body that is not JSON, a body of another type, and a field of the wrong type', async () => {
    const app = createApp({ store });

    const post = (path: string, contentType: string, body: string) => app.request(path, { method: 'POST', headers: { 'content-type': contentType }, body });
    const notJson = await post('/api/figures/parse', 'application/json', '{"text": 超23亿美元}');
    expect(notJson.status).toBe(400);
    const a = ((await notJson.json()) as Failed).error;
    expect(a.issues).toEqual([{ code: 'invalid_json', path: ['json'], message: expect.stringMatching(/^expected a request body in JSON, got text that is not JSON/) }]);
    expect(a.message).toMatch(/^json: expected a request body in JSON/);
    const csv = await post('/api/facts/import', 'text/csv', 'entity,metric\nOpenAI,funding\n');
    expect(csv.status).toBe(415);
    const b = ((await csv.json()) as Failed).error;
    expect(b.issues).toEqual([{ code: 'unsupported_media_type', path: ['header', 'content-type'], message: 'expected application/json, got "text/csv"' }]);
    expect(b.message).toContain('content-type: expected application/json, got "text/csv"');
    const source = await post('/api/facts', 'application/json', JSON.stringify({ entity: 'OpenAI', metric: 'funding', value: '$1B', period: '2024', source: 'Reuters' }));
    expect(source.status).toBe(400);
    expect(((await source.json()) as Failed).error.issues).toContainEqual({ code: 'invalid_type', path: ['json', 'source'], message: 'expected an object, got "Reuters"', expected: 'object', got: 'Reuters' });
  });

  it('takes writes only with the token when one is set, and says how to send it; reads need none (trial T25)', async () => {
    const app = createApp({ store, token: 's3cret-token' });
    const post = (path: string, json: unknown, auth?: string) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(json) });
    // a dry run writes nothing, but an import is a write: the token is asked for before the body is read
    const write = (auth?: string) => post('/api/facts/import', { format: 'csv', text: 'x', dryRun: true }, auth);
    const none = await write();
    expect(none.status).toBe(401);
    const said = ((await none.json()) as Failed).error;
    expect(said.message).toContain('this server takes writes only with its bearer token (it was started with SHAKEOUT_TOKEN)');
    expect(said.message).toContain('send the header "Authorization: Bearer <token>"; on the dashboard, fill in the form\'s "Bearer token" field');
    expect(said.issues).toEqual([expect.objectContaining({ code: 'token_required', path: ['header', 'authorization'], expected: 'Bearer <token>' })]);
    const wrong = await write('Bearer wrong');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as Failed).error).toMatchObject({ message: expect.stringContaining('does not match'), issues: [{ code: 'token_invalid' }] });
    const malformed = await write('s3cret-token');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Failed).error.issues[0]).toMatchObject({ code: 'token_malformed' });
    expect((await write('Bearer s3cret-token')).status).toBe(200); // past the token: a header with no rows adds nothing
    // reading a figure and checking a model change nothing: open without the token
    expect((await post('/api/figures/parse', { text: '$1B' })).status).toBe(200);
    expect((await post('/api/models/check', { source: 'x = 1 to 2' })).status).toBe(200);
    expect((await app.request('/api/facts?limit=1')).status).toBe(200);
  });

  it('sends a Content-Security-Policy with no outside sources', async () => {
    const res = await createApp({ store }).request('/api/facts?limit=1');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
  });

  it('answers an unknown route with a 404 and the closest route', async () => {
    const r = await get(createApp({ store }), '/api/fact');
    expect(r.status).toBe(404);
    expect((r.body.error as { message: string }).message).toContain('did you mean /api/facts?');
  });

  it('serves an OpenAPI 3.1 document built from the route schemas (kept as a snapshot: a change of the API shows in review)', async () => {
    const r = await get(createApp({ store }), '/api/openapi.json');
    await expect(JSON.stringify(r.body, null, 2) + '\n').toMatchFileSnapshot(join(process.cwd(), 'test/snapshots/openapi.json'));
    expect(r.body.openapi).toBe('3.1.0');
    const paths = Object.keys(r.body.paths as object);
    expect(paths).toEqual(expect.arrayContaining(['/api/facts', '/api/facts/{id}', '/api/facts/{id}/history', '/api/conflicts', '/api/figures/parse', '/api/outcomes']));
    const params = ((r.body.paths as Record<string, { get: { parameters: { name: string }[] } }>)['/api/facts']!.get.parameters).map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['entity', 'q', 'sort', 'limit', 'cursor', 'asOf']));
  });
});

describe('the dashboard beside the API', () => {
  it('serves the page and its assets under the same CSP, and the API still answers', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'shakeout-web-'));
    try {
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>Shakeout</title><script type="module" src="/assets/app.js"></script>');
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
      const app = createApp({ store, webRoot: root });
      const page = await app.request('/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const js = await app.request('/assets/app.js');
      expect(js.status).toBe(200);
      expect(js.headers.get('cache-control')).toContain('immutable');
      expect((await app.request('/assets/none.js')).status).toBe(404);
      expect((await app.request('/api/facts?limit=1')).status).toBe(200);
      expect(() => createApp({ store, webRoot: join(root, 'missing') })).toThrow(/dashboard is not built/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Listing, on every backend: the cursor walks the same facts on SQLite and PostgreSQL. */
onEachBackend('facts over HTTP', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => store.close());

  it('lists with filters, a page, a total and a cursor that walks every fact once', async () => {
    const app = createApp({ store });
    const first = await get(app, '/api/facts?entity=zhipu&limit=3');
    expect(first.status).toBe(200);
    const total = first.body.total as number;
    expect(total).toBe((await store.listFacts({ entity: 'zhipu-ai' })).length);
    expect((first.body.items as unknown[]).length).toBe(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await get(app, `/api/facts?entity=zhipu&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...(r.body.items as { id: string }[]).map((f) => f.id));
      cursor = r.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 50);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });
});
