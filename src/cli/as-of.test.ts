import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.js';

const cli = runCaptured;
const DAY = '2024-05-20';
/** The companies of the bundled assumptions file whose inputs were published by the day (MiniMax's and Zhipu's come from their 2025 prospectuses). */
const KNOWN_BY_DAY = 'OpenAI,Anthropic,Inflection AI,Moonshot AI,Baichuan AI,Stability AI';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-as-of-'));
  db = join(dir, 'ledger.db');
  expect((await cli(['--db', db, 'summary'])).code).toBe(0);
});

/** Runs a command and parses its JSON, dropping what is timing, not result (elapsedMs, timingsMs). */
async function json(args: readonly string[]): Promise<unknown> {
  const r = await cli(['--db', db, ...args]);
  expect(r.err, args.join(' ')).toBe('');
  return JSON.parse(r.out, (k, v: unknown) => (k === 'elapsedMs' || k === 'timingsMs' ? undefined : v));
}

/** Facts, a correction and an outcome all published after the day: an as-of run must not see any of them. */
async function addLaterNews(): Promise<void> {
  const add = async (args: readonly string[]): Promise<void> => {
    const r = await cli(['--db', db, ...args]);
    expect(r.err, args.join(' ')).toBe('');
    expect(r.code).toBe(0);
  };
  // OpenAI's cash, which would give health a runway and the simulation another cash input.
  await add(['facts', 'add', '--entity', 'OpenAI', '--metric', 'cash', '--value', '$50B', '--period', 'as of 2024-05', '--source', 'Later Wire', '--published', '2024-06-01', '--id', 'later-openai-cash']);
  // Anthropic's revenue, read by health and the simulation.
  await add(['facts', 'add', '--entity', 'Anthropic', '--metric', 'revenue_run_rate', '--value', '$9B', '--period', 'as of 2024-04', '--source', 'Later Wire', '--published', '2024-09-01', '--id', 'later-anthropic-revenue']);
  // Corrections of the article's OpenAI valuation (F24) and of Anthropic's revenue-spending gap (F16).
  await add(['facts', 'correct', 'F24', '--value', '$900B', '--source', 'Later Wire', '--published', '2024-07-01', '--id', 'later-f24-fix']);
  await add(['facts', 'correct', 'F16', '--value', '近90亿美元', '--source', 'Later Wire', '--published', '2024-07-01', '--id', 'later-f16-fix']);
  // Funding of the whole market, which --climate auto would read.
  await add(['facts', 'add', '--entity', 'genai-startups-global', '--metric', 'funding', '--value', '$10B', '--period', '2022', '--source', 'Later Wire', '--published', '2024-08-01', '--id', 'later-genai-2022']);
  await add(['facts', 'add', '--entity', 'genai-startups-global', '--metric', 'funding', '--value', '$40B', '--period', '2023', '--source', 'Later Wire', '--published', '2024-08-01', '--id', 'later-genai-2023']);
  // An outcome.
  await add(['outcomes', 'add', '--entity', 'Anthropic', '--type', 'shutdown', '--date', '2024-12-01', '--detail', 'a test outcome', '--source', 'Later Wire', '--url', 'https://example.com/later', '--published', '2024-12-01']);
}

describe('--as-of: the ledger as it stood on a day', () => {
  it('no leakage: facts, corrections and outcomes published after the day change no output of any command', async () => {
    const commands: string[][] = [
      ['simulate', 'survival', '--companies', KNOWN_BY_DAY, '--paths', '2000', '--json'],
      ['simulate', 'survival', '--companies', 'Anthropic', '--paths', '500', '--climate', 'auto', '--json'],
      ['analyze', 'health', 'OpenAI', '--samples', '1000', '--json'],
      ['analyze', 'health', 'Anthropic', '--samples', '1000', '--with-assumptions', '--json'],
      ['analyze', 'funding', '--json'],
      ['analyze', 'subscribers', 'ChatGPT', '--samples', '1000', '--json'],
      ['analyze', 'unit-economics', '--training-model', 'none', '--samples', '1000', '--json'],
      ['check', '--json'],
      ['run', 'models/moonshot-valuation.sq', '--samples', '2000', '--json'],
      ['facts', 'list', '--all', '--json'],
      ['facts', 'conflicts', '--json'],
      ['facts', 'history', 'F24', '--json'],
      ['outcomes', 'list', '--json'],
      ['summary', '--json'],
      ['report', '--format', 'json', '--samples', '200'],
    ].map((c) => ['--as-of', DAY, ...c]);
    const before = [];
    for (const c of commands) before.push(await json(c));
    const today = await json(['analyze', 'health', 'OpenAI', '--samples', '1000', '--json']);
    await addLaterNews();
    for (const [i, c] of commands.entries()) expect(await json(c), c.join(' ')).toEqual(before[i]);
    // The same news does change today's run: the comparison above can fail.
    expect(await json(['analyze', 'health', 'OpenAI', '--samples', '1000', '--json'])).not.toEqual(today);
  });

  it('a correction published after the day is not applied: the fact it corrects is current again', async () => {
    await cli(['--db', db, 'facts', 'correct', 'F22', '--value', '约90万', '--source', 'Later Wire', '--published', '2024-06-15', '--id', 'later-f22-fix']);
    const then = (await json(['--as-of', DAY, 'facts', 'show', 'F22', '--json'])) as { asOf: { date: string }; fact: { id: string; supersededBy: string | null; valueText: string } };
    expect(then.asOf.date).toBe(DAY);
    expect(then.fact).toMatchObject({ id: 'F22', supersededBy: null, valueText: '75万' });
    const now = (await json(['facts', 'show', 'F22', '--json'])) as { supersededBy: string | null };
    expect(now.supersededBy).toBe('later-f22-fix');
    const fix = await cli(['--db', db, '--as-of', DAY, 'facts', 'show', 'later-f22-fix']);
    expect(fix.code).toBe(2);
    expect(fix.err).toContain(`fact later-f22-fix is not in the ledger as of ${DAY}: published 2024-06-15, after ${DAY}`);
  });

  it('undated facts are left out, counted and named, and --include-undated takes them in', async () => {
    const out = (await json(['--as-of', DAY, 'facts', 'list', '--json'])) as { asOf: { undated: string[]; includeUndated: boolean; text: { en: string; zh: string } }; facts: { id: string }[] };
    const undated = out.asOf.undated;
    // the bundled OWID series have no publication date
    expect(undated.filter((id) => id.startsWith('owid-'))).toHaveLength(54);
    expect(out.facts.some((f) => undated.includes(f.id))).toBe(false);
    expect(out.asOf.text.en).toBe(`as of ${DAY} (facts published by then; ${undated.length} undated facts left out)`);
    expect(out.asOf.text.zh).toBe(`截至2024年5月20日（仅计入此前发布的事实；未计入${undated.length}条无发布日期的事实）`);
    const text = await cli(['--db', db, '--as-of', DAY, 'facts', 'list']);
    expect(text.out.split('\n')[0]).toBe(`As of ${DAY} (facts published by then; ${undated.length} undated facts left out)`);
    expect(text.out).toMatch(new RegExp(`${undated.length} facts with no publication date left out: ${undated.slice(0, 5).join(', ')}, \\.\\.\\. \\(see --json for all ${undated.length}\\); --include-undated takes them in\\.`));
    const taken = (await json(['--as-of', DAY, '--include-undated', 'facts', 'list', '--json'])) as typeof out;
    expect(taken.asOf.includeUndated).toBe(true);
    expect(taken.facts.filter((f) => undated.includes(f.id))).toHaveLength(undated.length);
    expect(taken.asOf.text.en).toContain(`${undated.length} undated facts taken in`);
    expect(taken.asOf.text.zh).toContain(`另计入${undated.length}条无发布日期的事实`);
  });

  it('--climate auto with no dated funding series falls back to neutral and says why; --include-undated reads the OWID series', async () => {
    // US AI funding: only the OWID series, which has no publication date
    const auto = ['simulate', 'survival', '--companies', 'Anthropic', '--paths', '200', '--climate', 'auto', '--climate-market', 'us-ai-sector', '--json'];
    const a = (await json(['--as-of', DAY, ...auto])) as { details: { climate: { name: string }; climateReason: { en: string; zh: string }; climateFactIds: string[] } };
    expect(a.details.climate.name).toBe('neutral');
    expect(a.details.climateFactIds).toEqual([]);
    expect(a.details.climateReason.en).toMatch(new RegExp(`^default: neutral, because as of ${DAY} the ledger has no yearly funding figures of .+ published by then \\(.*OWID.*--include-undated takes them in\\)$`));
    expect(a.details.climateReason.zh).toContain('默认：中性，因为截至2024年5月20日');
    const b = (await json(['--as-of', DAY, '--include-undated', ...auto])) as typeof a;
    expect(b.details.climateReason.en).toMatch(/^derived from the ledger/);
    expect(b.details.climateFactIds.every((id) => id.startsWith('owid-'))).toBe(true);
  });

  it('simulate survival and analyze health stand on the day: it overrides the assumptions file\'s as_of, and the output says so', async () => {
    const s = (await json(['--as-of', DAY, 'simulate', 'survival', '--companies', 'Anthropic', '--paths', '200', '--json'])) as { asOf: { date: string }; notes: { en: string; zh: string }[]; details: { asOf: string } };
    expect(s.asOf.date).toBe(DAY);
    expect(s.details.asOf).toBe(DAY);
    expect(s.notes[0]!.en).toBe(`The simulation stands on ${DAY} (--as-of), not on the as_of of data/survival-assumptions.yaml (2024-05): cash is spent down to ${DAY} and only facts published by then are read.`);
    expect(s.notes[0]!.zh).toContain('模拟以2024年5月20日为准');
    const h = (await json(['--as-of', DAY, 'analyze', 'health', 'Anthropic', '--samples', '500', '--with-assumptions', '--json'])) as { details: { asOf: string } };
    expect(h.details.asOf).toBe(DAY);
    const text = await cli(['--db', db, '--as-of', DAY, 'simulate', 'survival', '--companies', 'Anthropic', '--paths', '200']);
    expect(text.out.split('\n')[0]).toMatch(new RegExp(`^As of ${DAY} \\(facts published by then; \\d+ undated facts left out\\)$`));
    expect(text.out).toContain(`200 paths, seed shakeout, 60 months from ${DAY}`);
    // a company whose inputs were published later is refused, naming the day
    const mm = await cli(['--db', db, '--as-of', DAY, 'simulate', 'survival', '--companies', 'MiniMax', '--paths', '200']);
    expect(mm.code).toBe(2);
    expect(mm.err).toContain(`the ledger as of ${DAY} (facts published by then) gives none`);
  });

  it('a money fact of a month not ended by the day is converted at the latest month known, and the note says so', async () => {
    const add = await cli(['--db', db, 'facts', 'add', '--entity', 'Inflection AI', '--metric', 'revenue', '--value', '€10M', '--period', '2024-05', '--source', 'Early Wire', '--published', '2024-05-10', '--id', 'eur-may']);
    expect(add.code).toBe(0);
    const model = join(dir, 'eur.sq');
    writeFileSync(model, 'revenue = fact("Inflection AI", "revenue", "2024-05")\n');
    const r = (await json(['--as-of', DAY, 'run', model, '--samples', '1000', '--json'])) as { asOf: { date: string }; facts: { fact: string; toUsd: { note: string } }[] };
    expect(r.asOf.date).toBe(DAY);
    expect(r.facts[0]!.fact).toBe('eur-may');
    expect(r.facts[0]!.toUsd.note).toMatch(new RegExp(`^EUR->USD at [\\d.]+ EUR per USD \\(2024-05 not yet known on ${DAY}: at the 2024-04 rate; `));
    // today the month has ended: its own rate, no such words
    const now = (await json(['run', model, '--samples', '1000', '--json'])) as typeof r;
    expect(now.facts[0]!.toUsd.note).toContain('monthly average of 2024-05');
    const text = await cli(['--db', db, '--as-of', DAY, 'run', model, '--samples', '1000']);
    expect(text.out.split('\n')[0]).toMatch(new RegExp(`^As of ${DAY} `));
    expect(text.out).toContain('2024-05 not yet known on 2024-05-20: at the 2024-04 rate');
  });

  it('every analysis says so in its header and footer; --json carries asOf with every undated id', async () => {
    for (const c of [
      ['analyze', 'funding'],
      ['analyze', 'health', 'OpenAI', '--samples', '500'],
      ['analyze', 'subscribers', 'ChatGPT', '--samples', '500'],
      ['analyze', 'unit-economics', '--training-model', 'none', '--samples', '500'],
      ['check'],
      ['facts', 'conflicts'],
      ['facts', 'history', 'F24'],
      ['outcomes', 'list'],
      ['summary'],
      ['fx', 'list', '--currency', 'EUR'],
    ]) {
      const r = await cli(['--db', db, '--as-of', DAY, ...c]);
      expect(r.err, c.join(' ')).toBe('');
      expect(r.out.split('\n')[0], c.join(' ')).toMatch(new RegExp(`^As of ${DAY} \\(facts published by then; \\d+ undated facts left out\\)$`));
      expect(r.out, c.join(' ')).toContain(`As of ${DAY}: only facts, corrections, outcomes and sources published by then count`);
      const j = (await json(['--as-of', DAY, ...c, '--json'])) as { asOf: { date: string; undated: string[] } };
      expect(j.asOf.date, c.join(' ')).toBe(DAY);
      expect(j.asOf.undated.length, c.join(' ')).toBeGreaterThanOrEqual(54);
    }
    // the FX table as of the day ends with the last month ended by then
    const fx = (await json(['--as-of', DAY, 'fx', 'list', '--currency', 'EUR', '--json'])) as { rates: { month: string }[] };
    expect(fx.rates.map((x) => x.month).sort().pop()).toBe('2024-04');
    // today's run has no such header
    const today = await cli(['--db', db, 'analyze', 'funding']);
    expect(today.out).not.toContain('As of');
    expect((await json(['analyze', 'funding', '--json'])) as object).not.toHaveProperty('asOf');
  });

  it('the report says so under its title and in every footnote, in English and Chinese, in md, html and json', async () => {
    const en = await cli(['--db', db, '--as-of', DAY, 'report', '--samples', '200']);
    expect(en.code).toBe(0);
    expect(en.out).toContain(`**As of ${DAY} (facts published by then; `);
    const notes = en.out.split('\n').filter((l) => /^\[\^\d+\]:/.test(l)).length;
    expect(notes).toBeGreaterThan(10);
    expect(en.out.split(`As of ${DAY}: only facts published by then count.`).length - 1).toBe(notes);
    const zh = await cli(['--db', db, '--as-of', DAY, 'report', '--samples', '200', '--lang', 'zh']);
    expect(zh.out).toContain('**截至2024年5月20日（仅计入此前发布的事实；未计入');
    const zhNotes = zh.out.split('\n').filter((l) => /^\[\^\d+\]:/.test(l)).length;
    expect(zh.out.split('截至2024年5月20日：仅计入此前发布的事实。').length - 1).toBe(zhNotes);
    const html = await cli(['--db', db, '--as-of', DAY, 'report', '--samples', '200', '--format', 'html']);
    expect(html.out).toContain(`<p class="as-of"><strong>As of ${DAY} (facts published by then; `);
    const j = JSON.parse((await cli(['--db', db, '--as-of', DAY, 'report', '--samples', '200', '--format', 'json'])).out) as { asOf: { date: string; undated: string[] }; footnotes: { lines: string[] }[] };
    expect(j.asOf.date).toBe(DAY);
    expect(j.asOf.undated.length).toBeGreaterThanOrEqual(54);
    expect(j.footnotes.every((f) => f.lines[f.lines.length - 1] === `As of ${DAY}: only facts published by then count.`)).toBe(true);
    // today's report has none of it
    const today = JSON.parse((await cli(['--db', db, 'report', '--samples', '200', '--format', 'json'])).out) as object;
    expect(today).not.toHaveProperty('asOf');
  });

  it('commands that write refuse --as-of (exit 2) and change nothing', async () => {
    const count = async () => ((await json(['facts', 'list', '--all', '--json'])) as unknown[]).length;
    const n = await count();
    const file = join(dir, 'more.csv');
    writeFileSync(file, 'entity,metric,value,period,publisher,published\nOpenAI,revenue,$1B,2023,Wire,2024-01-01\n');
    for (const [c, name] of [
      [['facts', 'add', '--entity', 'OpenAI', '--metric', 'revenue', '--value', '$1B', '--period', '2023', '--source', 'Wire'], 'facts add'],
      [['facts', 'correct', 'F24', '--value', '$1B', '--source', 'Wire'], 'facts correct'],
      [['facts', 'import', file], 'facts import'],
      [['entities', 'add', '--id', 'test-co', '--name', 'Test Co'], 'entities add'],
      [['fx', 'add', '--currency', 'EUR', '--month', '2024-04', '--per-usd', '0.9', '--source', 'Me'], 'fx add'],
      [['outcomes', 'add', '--entity', 'OpenAI', '--type', 'raised', '--date', '2024-01-01', '--detail', 'x', '--source', 'W', '--url', 'https://e.com', '--published', '2024-01-01'], 'outcomes add'],
      [['analyze', 'health', 'Anthropic', '--samples', '200', '--save'], 'analyze health --save'],
      [['analyze', 'subscribers', 'ChatGPT', '--samples', '200', '--save'], 'analyze subscribers --save'],
    ] as const) {
      const r = await cli(['--db', db, '--as-of', DAY, ...c]);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toBe(`error: ${name} changes the ledger, but --as-of ${DAY} shows the ledger as it stood on that day, read-only: run ${name} without --as-of\n`);
    }
    expect(await count()).toBe(n);
  });

  it('a bad date is refused (exit 2), naming the option, what was expected and what came; --include-undated needs --as-of', async () => {
    for (const [bad, why] of [['soon', 'got "soon"'], ['2024-05', 'got "2024-05" is a month, not a day'], ['2024-02-30', 'got "2024-02-30" (day 30 is not in 2024-02)']] as const) {
      const r = await cli(['--db', db, '--as-of', bad, 'facts', 'list']);
      expect(r.code, bad).toBe(2);
      expect(r.err, bad).toContain(`--as-of: expected a day written YYYY-MM-DD (2024-05-20), ${why}`);
    }
    const u = await cli(['--db', db, '--include-undated', 'facts', 'list']);
    expect(u.code).toBe(2);
    expect(u.err).toContain('--include-undated: expected it with --as-of DATE');
  });
});
