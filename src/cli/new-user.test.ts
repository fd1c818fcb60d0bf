import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured as cli } from './run-captured.js';

/**
 * What a new user did (issue 9): two companies outside the bundled data, from a CSV of press figures in euros
 * and dollars (test/fixtures/new-user-mistral-perplexity.csv). Mistral AI's June 2024 round is written by three
 * outlets in two currencies (Reuters "600 million euros ($645 million)", TechCrunch "$640 million", Sifted
 * "€600M") and its December 2023 round by two (Les Echos "385 millions d'euros", TechCrunch "€385 million");
 * Perplexity's January 2024 round by two ($73.6 million, $74 million). Everything runs through the CLI as the
 * user ran it, on a ledger of its own.
 */
const fixture = (name: string) => join(process.cwd(), 'test/fixtures', name);
let db: string;
let dir: string;
const run = (...args: string[]) => cli(['--db', db, ...args]);

/** Monthly average EUR per USD from the bundled table (Federal Reserve H.10). */
function eurPerUsd(month: string): number {
  const row = readFileSync('data/fx-monthly-per-usd.csv', 'utf8').split(/\r?\n/).find((l) => l.startsWith(`${month},EUR,`));
  return Number(row!.split(',')[2]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-new-user-'));
  db = join(dir, 'ledger.db');
  expect((await run('entities', 'add', '--id', 'mistral-ai', '--name', 'Mistral AI', '--alias', 'Mistral')).code).toBe(0);
  expect((await run('entities', 'add', '--id', 'perplexity', '--name', 'Perplexity')).code).toBe(0);
  const imported = await run('facts', 'import', fixture('new-user-mistral-perplexity.csv'));
  expect(imported.code, imported.err).toBe(0);
  expect(imported.out).toContain('13 added');
});

describe('a new user on Mistral AI and Perplexity, from press figures in euros and dollars', () => {
  it('reads every figure as written: French wording, a dollar reading in brackets, ARR', async () => {
    const facts = JSON.parse((await run('facts', 'list', '--entity', 'Mistral', '--json')).out) as { valueText: string; figure: { value: number; unit: string } }[];
    const byText = new Map(facts.map((f) => [f.valueText, f.figure]));
    expect(byText.get("385 millions d'euros")).toMatchObject({ value: 385e6, unit: 'EUR' });
    expect(byText.get('600 million euros ($645 million)')).toMatchObject({ value: 600e6, unit: 'EUR' });
    expect(byText.get('$640 million')).toMatchObject({ value: 640e6, unit: 'USD' });
  });

  it('health counts each round once, whoever wrote it and in whichever currency, and names the FX rates', async () => {
    const r = await run('analyze', 'health', 'Mistral AI', '--json');
    expect(r.code, r.err).toBe(0);
    const a = JSON.parse(r.out) as { estimates: { id: string; p50: number; formula: string }[]; notes: { en: string; zh: string }[] };
    const funding = a.estimates.find((e) => e.id === 'input.funding')!;
    // €385M at December 2023's rate plus €600M at June 2024's: each round once (not five sources summed)
    const expected = 385e6 / eurPerUsd('2023-12') + 600e6 / eurPerUsd('2024-06');
    expect(funding.p50).toBeCloseTo(expected, -3);
    expect(funding.formula).toContain(`${eurPerUsd('2023-12')} EUR per USD`);
    expect(funding.formula).toContain(`${eurPerUsd('2024-06')} EUR per USD`);
    const once = a.notes.filter((n) => n.en.startsWith('Counted once:'));
    expect(once).toHaveLength(2);
    expect(once.some((n) => /Sifted|Reuters|TechCrunch/.test(n.en) && (n.en.match(/fact-/g) ?? []).length === 3)).toBe(true);
    expect(once.every((n) => n.zh.startsWith('只计一次：'))).toBe(true);

    const p = JSON.parse((await run('analyze', 'health', 'Perplexity', '--json')).out) as { estimates: { id: string; p50: number }[] };
    expect(p.estimates.find((e) => e.id === 'input.funding')!.p50).toBeCloseTo(73.6e6 + 62.7e6, -4);
  });

  it('survival runs on both with the inputs the facts give, the rest stated assumptions, and names the FX rates', async () => {
    const r = await run('simulate', 'survival', '--companies', 'Mistral AI,Perplexity', '--paths', '2000', '--seed', '1',
      '--assumptions', fixture('new-user-assumptions.yaml'), '--json');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out) as { details: { companies: { id: string; inputs: { input: string; status: string; factIds: string[] }[] }[] }; notes: { en: string; zh: string }[] };
    const mistral = s.details.companies.find((c) => c.id === 'mistral-ai')!;
    const cash = mistral.inputs.find((i) => i.input === 'cash')!;
    expect(cash.status).toBe('derived');
    expect(cash.factIds).toHaveLength(2); // one fact per round
    expect(mistral.inputs.find((i) => i.input === 'costs')!.status).toBe('assumed');
    const notes = s.notes.map((n) => n.en).join('\n');
    expect(notes).toContain(`${eurPerUsd('2024-06')} EUR per USD`);
    expect(s.notes.map((n) => n.zh).join('\n')).toContain(`${eurPerUsd('2024-06')}欧元兑1美元`);
  });

  it('the report, in English and in Chinese, is about these two companies and names the rates', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const out = join(dir, `report-${lang}.md`);
      const r = await run('report', '--companies', 'Mistral AI,Perplexity', '--assumptions', fixture('new-user-assumptions.yaml'), '--lang', lang, '--out', out);
      expect(r.code, r.err).toBe(0);
      const md = readFileSync(out, 'utf8');
      expect(md.split('\n')[0]).toMatch(lang === 'en' ? /^# Mistral AI and Perplexity/ : /^# .*Mistral AI.*Perplexity/);
      expect(md).not.toMatch(/四小龙|four little dragons/);
      expect(md).toContain(lang === 'en' ? `${eurPerUsd('2024-06')} EUR per USD` : `${eurPerUsd('2024-06')}欧元兑1美元`);
      // both companies simulated: neither is listed as left out of the shakeout
      expect(md).not.toMatch(lang === 'en' ? /Not in the simulation/ : /未纳入模拟/);
    }
  });
});

describe('a new user records a company the ledger does not know yet (trial T7, T13)', () => {
  let fresh: string;
  const runFresh = (...args: string[]) => cli(['--db', fresh, ...args]);
  beforeAll(() => {
    fresh = join(mkdtempSync(join(tmpdir(), 'shakeout-unknown-entity-')), 'ledger.db');
  });

  it('facts add names the command that adds it, suggests no app or model, and the command given works', async () => {
    const add = ['facts', 'add', '--entity', 'Aleph Alpha', '--metric', 'funding', '--value', '$500 million', '--period', '2023-11', '--source', 'Welt'];
    const refused = await runFresh(...add);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('got "Aleph Alpha"; add it first: shakeout entities add --id aleph-alpha --name "Aleph Alpha"');
    expect(refused.err).not.toMatch(/did you mean/);
    // the command, as the message gives it, makes the same facts add go through
    const hint = /shakeout entities add --id (\S+) --name "([^"]+)"/.exec(refused.err)!;
    expect((await runFresh('entities', 'add', '--id', hint[1]!, '--name', hint[2]!)).code).toBe(0);
    const added = await runFresh(...add);
    expect(added.code, added.err).toBe(0);
  });

  it('facts import names the line and the command, and does not offer a model for a company', async () => {
    const r = await runFresh('facts', 'import', fixture('new-user-mistral-perplexity.csv'));
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/line 2, column entity: expected a known entity .*got "Mistral AI"; add it first: shakeout entities add --id mistral-ai --name "Mistral AI"/);
    expect(r.err).not.toContain('Mistral Large');
  });

  it('a shortened name is offered the full one before the command that adds a new one (prefix or containment)', async () => {
    expect((await runFresh('entities', 'add', '--id', 'sakana-ai', '--name', 'Sakana AI')).code).toBe(0);
    const r = await runFresh('facts', 'add', '--entity', 'Sakana', '--metric', 'funding', '--value', '200億円', '--period', '2024-09', '--source', 'Nikkei');
    expect(r.code).toBe(2);
    expect(r.err).toContain('got "Sakana"; did you mean "Sakana AI"? If not, add it first: shakeout entities add --id sakana --name "Sakana"');
    // a name the ledger's holds ("Sakana AI Inc." holds Sakana AI), and a key too short to guess from
    expect((await runFresh('facts', 'add', '--entity', 'Sakana AI Inc.', '--metric', 'funding', '--value', '200億円', '--period', '2024-09', '--source', 'Nikkei')).err).toContain('did you mean "Sakana AI"?');
    expect((await runFresh('facts', 'add', '--entity', 'Sa', '--metric', 'funding', '--value', '200億円', '--period', '2024-09', '--source', 'Nikkei')).err).not.toContain('did you mean');
  });

  it('a misspelt company is offered the company, with the command in case it is another one', async () => {
    const r = await runFresh('facts', 'add', '--entity', 'Antropic', '--metric', 'funding', '--value', '$4B', '--period', '2024', '--source', 'X');
    expect(r.err).toContain('got "Antropic"; did you mean "Anthropic"? If not, add it first: shakeout entities add --id antropic --name "Antropic"');
  });
});
