import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCaptured } from './run-captured.js';

const cli = runCaptured;

const fixture = (name: string) => join(process.cwd(), 'test/fixtures', name);
let dir: string;
const db = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-cli-'));
});

describe('shakeout parse', () => {
  it('prints the JSON fields the issue names', async () => {
    const r = await cli(['parse', '超23亿美元', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ value: 2.3e9, low: 2.3e9, high: null, unit: 'USD', per: null, qualifier: 'over' });
    expect(j.p5).toBeGreaterThan(2.3e9);
    expect(j.p50).toBeGreaterThan(j.p5);
    expect(j.p95).toBeGreaterThan(j.p50);
  });
  it('reads English with a rate', async () => {
    const j = JSON.parse((await cli(['parse', '$491K a day', '--json'])).out);
    expect(j).toMatchObject({ value: 491000, unit: 'USD', per: 'day', qualifier: 'exact' });
  });
  it('reads a lone ¥ as yuan with --lang zh, and refuses it without', async () => {
    const j = JSON.parse((await cli(['parse', '¥100', '--lang', 'zh', '--json'])).out);
    expect(j).toMatchObject({ value: 100, unit: 'CNY' });
    const r = await cli(['parse', '¥100']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"¥" alone is the sign of both the Chinese yuan and the Japanese yen');
    expect((await cli(['parse', '¥100', '--lang', 'fr'])).code).toBe(2);
  });
  it('prints a second reading in brackets and what a price is per', async () => {
    const j = JSON.parse((await cli(['parse', '600 million euros ($645 million)', '--json'])).out);
    expect(j).toMatchObject({ value: 6e8, unit: 'EUR', alternatives: [{ text: '$645 million', value: 6.45e8, unit: 'USD', alternatives: [] }] });
    const t = (await cli(['parse', '600 million euros ($645 million)'])).out;
    expect(t).toContain('also written as');
    expect(t).toContain('$645 million: 645,000,000 USD, exact');
    expect(JSON.parse((await cli(['parse', '$40 per seat per month', '--json'])).out)).toMatchObject({ value: 40, per: 'month', perItem: 'seat' });
  });
  it('rejects text that is not a figure with exit code 2, quoting it', async () => {
    const r = await cli(['parse', 'n/a']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"n/a" is not a figure');
    expect(r.err).toContain('超23亿美元');
  });
});

describe('shakeout facts', () => {
  it('lists facts by an alias, aligned by display width', async () => {
    const r = await cli(['--db', db('a.db'), 'facts', 'list', '--entity', '月之暗面']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('F11');
    expect(r.out).toContain('超23亿美元');
  });

  it('import is all-or-nothing and names file, line and column', async () => {
    const path = db('b.db');
    const before = JSON.parse((await cli(['--db', path, 'summary', '--json'])).out).facts.current;
    const r = await cli(['--db', path, 'facts', 'import', fixture('facts-bad-row.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/facts-bad-row\.csv line 2, column entity: .*Mistral/);
    expect(r.err).toMatch(/facts-bad-row\.csv line 4, column value_as_written: expected a figure .*got "n\/a"/);
    const after = JSON.parse((await cli(['--db', path, 'summary', '--json'])).out).facts.current;
    expect(after).toBe(before);
  });

  it('imports YAML, and a correction keeps the history', async () => {
    const path = db('c.db');
    const r = await cli(['--db', path, 'facts', 'import', fixture('facts-good.yaml'), '--json']);
    expect(r.code).toBe(0);
    const { added } = JSON.parse(r.out);
    expect(added).toHaveLength(2);
    const again = JSON.parse((await cli(['--db', path, 'facts', 'import', fixture('facts-good.yaml'), '--json'])).out);
    expect(again.added).toHaveLength(0);
    const fix = await cli(['--db', path, 'facts', 'correct', 'F11', '--value', '约25亿美元', '--source', 'Test Wire', '--published', '2024-06-01', '--json']);
    expect(fix.code).toBe(0);
    const newId = JSON.parse(fix.out).id;
    const hist = JSON.parse((await cli(['--db', path, 'facts', 'history', newId, '--json'])).out);
    expect(hist.map((f: { id: string }) => f.id)).toEqual(['F11', newId]);
    expect(JSON.parse((await cli(['--db', path, 'facts', 'show', 'F11', '--json'])).out).supersededBy).toBe(newId);
    const current = JSON.parse((await cli(['--db', path, 'facts', 'list', '--entity', 'moonshot', '--metric', 'valuation', '--json'])).out);
    expect(current.map((f: { id: string }) => f.id).filter((id: string) => !id.startsWith('co-'))).toEqual([newId]); // co-*: the bundled company facts
  });

  it('export then import into an empty database gives the same facts', async () => {
    for (const format of ['csv', 'json', 'yaml']) {
      const src = db(`src-${format}.db`);
      await cli(['--db', src, 'facts', 'import', fixture('facts-good.yaml')]);
      await cli(['--db', src, 'facts', 'correct', 'F2', '--value', '约21亿美元', '--source', 'Test Wire', '--published', '2024-06-01']);
      const exported = (await cli(['--db', src, 'facts', 'export', '--format', format])).out;
      const file = join(dir, `export.${format}`);
      writeFileSync(file, exported);
      const dst = db(`dst-${format}.db`);
      const imp = await cli(['--db', dst, '--no-bundled-data', 'facts', 'import', file]);
      expect(imp.code, imp.err).toBe(0);
      const again = (await cli(['--db', dst, '--no-bundled-data', 'facts', 'export', '--format', format])).out;
      expect(again, format).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('conflicts show both sources for China 2023 and generative-AI 2023, saying how they differ', async () => {
    const r = await cli(['--db', db('d.db'), 'facts', 'conflicts', '--json']);
    const list = JSON.parse(r.out) as { entity: string; period: string; a: { id: string }; b: { id: string }; differences: string[] }[];
    const china = list.find((c) => c.entity === 'china-ai-sector' && c.period === '2023');
    expect(china && [china.a.id, china.b.id].sort()).toEqual(['F2', 'owid-ai-china-2023']);
    expect(china!.differences.join('\n')).toMatch(/constant 2021 USD/);
    const genai = list.find((c) => c.entity === 'genai-startups-global' && c.period === '2023');
    expect(genai && [genai.a.id, genai.b.id].sort()).toEqual(['F3', 'owid-genai-world-2023']);
    const text = (await cli(['--db', db('d.db'), 'facts', 'conflicts'])).out;
    expect(text).toContain('CB Insights');
    expect(text).toContain('Our World in Data');
    // how far apart, as check says it (the larger median over the smaller, never below 1), not a ratio of a over b
    const check = (await cli(['--db', db('d.db'), 'check'])).out;
    const apart = /genai-startups-global · funding · 2023: the sources disagree \(([\d.]+)x apart\)/.exec(text);
    expect(apart).not.toBeNull();
    expect(Number(apart![1])).toBeGreaterThanOrEqual(1);
    expect(check).toContain(`Global generative-AI startups funding, 2023 (${apart![1]}x apart)`);
  });

  it('conflicts --entity lists one entity\'s conflicts, by any name or alias, as the API\'s entity does; an unknown name is a usage error with the closest (trial of session 10)', async () => {
    const all = JSON.parse((await cli(['--db', db('d.db'), 'facts', 'conflicts', '--json'])).out) as { entity: string }[];
    const r = await cli(['--db', db('d.db'), 'facts', 'conflicts', '--entity', '中国AI', '--json']);
    expect(r.code, r.err).toBe(0);
    const china = JSON.parse(r.out) as { entity: string }[];
    expect(china.length).toBeGreaterThan(0);
    expect(china).toEqual(all.filter((c) => c.entity === 'china-ai-sector'));
    const text = (await cli(['--db', db('d.db'), 'facts', 'conflicts', '--entity', 'China AI'])).out;
    expect(text).toMatch(/^china-ai-sector · funding · 2023: the sources disagree/m);
    expect(text).not.toContain('genai-startups-global ·');
    const miss = await cli(['--db', db('d.db'), 'facts', 'conflicts', '--entity', 'Stabilty AI']);
    expect(miss.code).toBe(2);
    expect(miss.err).toContain('--entity: expected an entity the ledger knows (any name or alias), got "Stabilty AI"; did you mean "Stability AI"?');
    expect((await cli(['facts', 'conflicts', '--help'])).out).toMatch(/--entity <name> +only the conflicts of this entity/);
  });

  it('says an unknown name at the option that gave it, on every command (unknownEntityAt): --entity, --companies, --companies=', async () => {
    const list = await cli(['--db', db('d.db'), 'facts', 'list', '--entity', 'Zhipuu']);
    expect(list.code).toBe(2);
    expect(list.err).toContain('error: --entity: expected an entity the ledger knows (any name or alias), got "Zhipuu"; did you mean "Zhipu"?');
    const sim = await cli(['--db', db('d.db'), 'simulate', 'survival', '--companies=Anthropic,OpenAl', '--paths', '100', '--json']);
    expect(sim.code).toBe(2);
    expect(JSON.parse(sim.err).error.issues).toMatchObject([{ code: 'unknown_entity', path: ['--companies'], got: 'OpenAl', suggestion: 'OpenAI' }]);
  });

  it('entities list --kind and --with-facts filter as GET /api/entities does (listEntities); an unknown kind names --kind', async () => {
    const all = JSON.parse((await cli(['--db', db('d.db'), 'entities', 'list', '--json'])).out) as { id: string; kind: string }[];
    const companies = JSON.parse((await cli(['--db', db('d.db'), 'entities', 'list', '--kind', 'company', '--with-facts', '--json'])).out) as { id: string; kind: string }[];
    expect(companies.every((e) => e.kind === 'company')).toBe(true);
    expect(companies.map((e) => e.id)).toContain('anthropic');
    expect(companies.map((e) => e.id)).not.toContain('blackstone');
    expect(all.map((e) => e.id)).toContain('blackstone');
    const bad = await cli(['--db', db('d.db'), 'entities', 'list', '--kind', 'firm']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--kind: expected one of company, product, model, aggregate, got "firm"');
  });

  it('entities add makes a new entity usable for facts', async () => {
    const path = db('e.db');
    expect((await cli(['--db', path, 'entities', 'add', '--id', 'mistral-ai', '--name', 'Mistral AI', '--alias', 'Mistral'])).code).toBe(0);
    expect((await cli(['--db', path, 'facts', 'import', fixture('facts-bad-row.csv')])).err).not.toContain('line 2');
    const list = JSON.parse((await cli(['--db', path, 'entities', 'list', '--json'])).out);
    expect(list.some((e: { id: string }) => e.id === 'mistral-ai')).toBe(true);
  });

  it('facts add --same-as links two sources of one round; the link shows, exports, and a disagreeing set is one conflict', async () => {
    const path = db('same-as.db');
    const add = (...a: string[]) => cli(['--db', path, 'facts', 'add', '--entity', 'Zhipu AI', '--metric', 'funding', '--scope', 'round', '--period', '2024-05', ...a]);
    expect((await add('--id', 'z1', '--value', '$400mn', '--source', 'Bloomberg')).code).toBe(0);
    const linked = await add('--id', 'z2', '--value', '$300 million', '--source', 'Other outlet', '--same-as', 'z1');
    expect(linked.code, linked.err).toBe(0);
    expect(linked.out).toMatch(/same as\s+z1/);
    const dangling = await add('--value', '$1B', '--source', 'X', '--same-as', 'nope');
    expect(dangling.code).not.toBe(0);
    expect(dangling.err).toContain('same_as expected the id of a stored fact');
    expect((await cli(['--db', path, 'facts', 'export', '--current'])).out).toMatch(/,same_as\n[\s\S]*\nz2,.*,z1\n/);
    const text = (await cli(['--db', path, 'facts', 'conflicts'])).out;
    // the bundled Bloomberg report of the round ($400mn, not linked) overlaps z1: one group, as check and the analyses make it, listed once
    expect(text).toContain("one figure (grouped as check and the analyses group it), listed once: co-zhipu-ai-funding-2024-05-round, z1, z2 (z1, z2 linked by --same-as; co-zhipu-ai-funding-2024-05-round not linked, grouped because its figure overlaps z1's)");
    expect(text.match(/zhipu-ai · funding · 2024-05:/g)).toHaveLength(1);
  });

  it('entities update ties a product to its company, adds aliases and sets the kind; bad changes change nothing', async () => {
    const path = db('eu.db');
    expect((await cli(['--db', path, 'entities', 'add', '--id', 'mistral-ai', '--name', 'Mistral AI'])).code).toBe(0);
    expect((await cli(['--db', path, 'entities', 'add', '--id', 'le-chat', '--name', 'Le Chat'])).code).toBe(0);
    const r = await cli(['--db', path, 'entities', 'update', 'Le Chat', '--parent', 'Mistral', '--alias', 'LeChat app', '--kind', 'product']);
    expect(r.code).toBe(2); // "Mistral" is not a name of Mistral AI yet
    expect(r.err).toMatch(/unknown parent entity "Mistral"/);
    const alias = await cli(['--db', path, 'entities', 'update', 'mistral-ai', '--alias', 'Mistral', '--alias', 'Mistral AI SAS']);
    expect(alias.code).toBe(0);
    expect(alias.out).toBe('updated entity mistral-ai (Mistral AI): kind company, part of nothing, aliases Mistral, Mistral AI SAS\n');
    const ok = JSON.parse((await cli(['--db', path, 'entities', 'update', 'Le Chat', '--parent', 'Mistral', '--kind', 'product', '--json'])).out);
    expect(ok).toMatchObject({ id: 'le-chat', kind: 'product', parent: 'mistral-ai' });
    const taken = await cli(['--db', path, 'entities', 'update', 'Le Chat', '--alias', 'OpenAI']);
    expect(taken.code).toBe(2);
    expect(taken.err).toMatch(/the alias "OpenAI" already names entity openai/);
    const cycle = await cli(['--db', path, 'entities', 'update', 'Mistral AI', '--parent', 'Le Chat']);
    expect(cycle.code).toBe(2);
    expect(cycle.err).toMatch(/le-chat cannot be the parent of mistral-ai: le-chat already belongs to mistral-ai/);
    const kind = await cli(['--db', path, 'entities', 'update', 'Le Chat', '--kind', 'app']);
    expect(kind.err).toMatch(/expected a kind \(company, product, model, aggregate\), got "app"/);
    expect((await cli(['--db', path, 'entities', 'update', 'Le Chat'])).err).toMatch(/nothing to change/);
    const list = JSON.parse((await cli(['--db', path, 'entities', 'list', '--json'])).out) as { id: string; parent: string | null; kind: string; aliases: string[] }[];
    expect(list.find((e) => e.id === 'le-chat')).toMatchObject({ parent: 'mistral-ai', kind: 'product', aliases: [] });
    const untie = JSON.parse((await cli(['--db', path, 'entities', 'update', 'Le Chat', '--parent', 'none', '--json'])).out);
    expect(untie.parent).toBeNull();
  });
});

describe('the command line as people use it', () => {
  it('keeps a database started with --no-bundled-data empty: a later command without the option does not fill it', async () => {
    const path = db('started-empty.db');
    expect((await cli(['--db', path, '--no-bundled-data', 'facts', 'list', '--json'])).out.trim()).toBe('[]');
    const later = await cli(['--db', path, 'facts', 'list', '--json']);
    expect(later.code).toBe(0);
    expect(JSON.parse(later.out)).toEqual([]);
    // while a database started without it gets the bundled facts
    const full = JSON.parse((await cli(['--db', db('started-full.db'), 'facts', 'list', '--json'])).out) as unknown[];
    expect(full.length).toBeGreaterThan(50);
  });

  it('reads negative figures and answers --json errors in JSON', async () => {
    const neg = await cli(['parse', '-3亿元', '--json']);
    expect(neg.code).toBe(0);
    expect(JSON.parse(neg.out)).toMatchObject({ value: -3e8, unit: 'CNY' });
    const bad = await cli(['parse', 'hello', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.err).error.message).toContain('"hello" is not a figure');
  });

  it('suggests the closest metric and rejects a source address that is not a web address', async () => {
    const path = db('f.db');
    const m = await cli(['--db', path, 'facts', 'list', '--metric', 'revenu']);
    expect(m.code).toBe(2);
    expect(m.err).toContain('did you mean "revenue"?');
    expect(m.err.match(/unknown metric/g)).toHaveLength(1);
    const u = await cli(['--db', path, 'facts', 'add', '--entity', 'Anthropic', '--metric', 'revenue', '--value', '$1B', '--period', '2024', '--source', 'X', '--url', 'notaurl']);
    expect(u.code).toBe(2);
    expect(u.err).toContain('expected a web address starting with http:// or https://, got "notaurl"');
  });

  it('facts show names the outlet\'s own bracketed conversion beside the figure it reads (trial of session 10)', async () => {
    const path = db('also.db');
    const add = await cli(['--db', path, 'facts', 'add', '--entity', 'Anthropic', '--metric', 'valuation', '--value', '400 billion Yen ($2.635 billion)', '--period', '2024-07', '--source', 'eWEEK', '--published', '2024-07-22', '--json']);
    expect(add.code).toBe(0);
    const show = await cli(['--db', path, 'facts', 'show', JSON.parse(add.out).id]);
    expect(show.out).toMatch(/also written as +\$2\.635 billion \(the source's own rendering, not used: the value is the first figure\)/);
    expect(show.out).toMatch(/unit +JPY/);
  });

  it('refuses facts that cannot be right, naming the field, what was expected and what came (exit 2, trial T15); facts list still loads every bundled fact', async () => {
    const path = db('t15.db');
    const add = (...a: string[]) => cli(['--db', path, 'facts', 'add', '--entity', 'Anthropic', '--period', '2024-07', '--source', 'Test Wire', ...a]);
    const bare = await add('--metric', 'funding', '--value', '500 million', '--published', '2024-07-22');
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('value: expected funding as money with its currency, such as "$500 million", "5亿元" or "€23M" (or the unit column, such as USD, when the text writes none), got "500 million", read as a number with no currency: a number alone is not taken as US dollars');
    const usd = await add('--metric', 'funding', '--value', '500 million', '--unit', 'USD', '--published', '2024-07-22', '--json');
    expect(usd.code).toBe(0);
    expect(JSON.parse(usd.out).figure).toMatchObject({ unit: 'USD', value: 5e8 });
    expect((await add('--metric', 'headcount', '--value', '$500', '--published', '2024-07-22')).err).toContain('value: expected headcount as a count');
    expect((await add('--metric', 'valuation', '--value', '-$5B', '--published', '2024-07-22')).err).toContain('value: expected valuation of at least 0 (a valuation cannot be below zero), got "-$5B"');
    const early = await add('--metric', 'funding', '--scope', 'round', '--value', '$1B', '--published', '2022-01-01');
    expect(early.code).toBe(2);
    expect(early.err).toContain('published: expected a publication date on or after 2024-07-01, the start of the round of 2024-07');
    const list = await cli(['--db', path, 'facts', 'list', '--json']);
    expect(list.code).toBe(0);
    const ids = (JSON.parse(list.out) as { id: string }[]).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['F1', 'F21', 'owid-genai-world-2023', 'epoch-gpt-4-amortised_capex_energy', 'co-openai-revenue-2024']));
  });

  it('refuses a --db in a folder that does not exist, and a file that is not a database', async () => {
    const r = await cli(['--db', join(dir, 'no-such-folder', 'x.db'), 'summary']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('does not exist');
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not sqlite');
    const j = await cli(['--db', junk, 'summary']);
    expect(j.code).toBe(2);
    expect(j.err).toContain('is not a Shakeout database');
  });

  it('writes the report in the format its file name says, and refuses a contradiction', async () => {
    const bad = await cli(['--db', db('r.db'), 'report', '--out', join(dir, 'r.html'), '--format', 'md']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ends in .html but --format is md');
  });

  it('leaves quietly when the reader of its output stops early (a pipe into head)', () => {
    const main = join(process.cwd(), 'dist/bundle/shakeout.js');
    const r = spawnSync('bash', ['-c', `node ${main} --db ${db('p.db')} facts export | head -1`], { encoding: 'utf8' });
    expect(r.stdout.startsWith('id,entity,metric')).toBe(true);
    expect(r.stderr).not.toContain('EPIPE');
  });
});

describe('import errors point at the line', () => {
  it('names the line of the bad field in YAML, and where broken JSON ends', async () => {
    const y = await cli(['--db', db('y.db'), 'facts', 'import', fixture('facts-bad-field.yaml')]);
    expect(y.code).toBe(2);
    expect(y.err).toMatch(/facts-bad-field\.yaml line 8, column metric: .*"revenu"/);
    const j = await cli(['--db', db('y.db'), 'facts', 'import', fixture('facts-broken.json')]);
    expect(j.code).toBe(2);
    expect(j.err).toMatch(/facts-broken\.json line 4: expected JSON/);
  });
});

describe('facts list --period', () => {
  it('marks facts whose period only overlaps the one asked for', async () => {
    const r = await cli(['--db', db('q.db'), 'facts', 'list', '--period', '2024-Q1']);
    const line = (id: string) => r.out.split('\n').find((l) => l.startsWith(id + ' '))!;
    expect(line('F6')).not.toContain('(overlaps)');
    expect(line('F16')).toContain('2024 (overlaps)');
  });
});
