import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCaptured } from './run-captured.js';

const cli = runCaptured;

let db: string;
beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'shakeout-analyze-')), 'ledger.db');
});

describe('shakeout analyze subscribers', () => {
  it('prints the readings, estimates, formula, facts, assumptions and notes', async () => {
    const r = await cli(['--db', db, 'analyze', 'subscribers', 'ChatGPT', '--samples', '2000', '--seed', '1']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/if the store revenue is gross .* \$15M +750k +\$180M/);
    expect(r.out).toContain('subscribers.gross = (F18 + F20) / F21');
    expect(r.out).toMatch(/F18 +chatgpt +subscription_revenue +1200万美元/);
    expect(r.out).toContain('[web-subscriptions]');
    expect(r.out).toMatch(/F23 writes "仅为2亿美元" \(\$200M a year\) where \(F18 \+ F20\) \* 12 gives \$180M a year/);
  });
  it('--basis unknown shows both readings; --json prints the Analysis without samples', async () => {
    const r = await cli(['--db', db, 'analyze', 'subscribers', 'ChatGPT', '--basis', 'unknown', '--samples', '2000', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe('subscribers');
    expect(j.details.readings.map((x: { id: string }) => x.id)).toEqual(['gross', 'net_30', 'net_15', 'net_rules']);
    expect(Math.round(j.details.readings[1].point.subscribers)).toBe(1071965);
    expect(Math.round(j.details.readings[2].point.subscribers)).toBe(882794);
    expect(j.estimates[0].samples).toBeUndefined();
    expect(j.env).toEqual({ sampleCount: 2000, seed: 'shakeout' });
  });
  it('--save writes derived facts naming their inputs, once', async () => {
    const r = await cli(['--db', db, 'analyze', 'subscribers', 'ChatGPT', '--samples', '2000', '--save', '--json']);
    expect(r.code).toBe(0);
    const saved = JSON.parse(r.out).saved as { estimateId: string; factId: string; added: boolean }[];
    expect(saved.map((s) => s.estimateId)).toEqual(['subscribers.gross', 'run_rate.gross']);
    expect(saved.every((s) => s.added)).toBe(true);
    const show = await cli(['--db', db, 'facts', 'show', saved[0]!.factId, '--json']);
    expect(show.code).toBe(0);
    const f = JSON.parse(show.out);
    expect(f.kind).toBe('derived');
    expect(JSON.stringify(f)).toContain('(F18 + F20) / F21');
    const again = await cli(['--db', db, 'analyze', 'subscribers', 'ChatGPT', '--samples', '2000', '--save', '--json']);
    expect((JSON.parse(again.out).saved as { added: boolean }[]).every((s) => !s.added)).toBe(true);
  });
  it('--save keeps the median: the saved fact reads back within 1% of the analysis p50, with p5/p50/p95 stated', async () => {
    const r = await cli(['--db', db, 'analyze', 'subscribers', 'ChatGPT', '--samples', '2000', '--seed', '7', '--save', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { estimates: { id: string; p5: number; p50: number; p95: number }[]; saved: { estimateId: string; factId: string }[] };
    for (const s of j.saved) {
      const e = j.estimates.find((x) => x.id === s.estimateId)!;
      const f = JSON.parse((await cli(['--db', db, 'facts', 'show', s.factId, '--json'])).out);
      expect(Math.abs(f.figure.p50 - e.p50) / e.p50).toBeLessThan(0.01);
      expect(f.notes).toContain(`p5 ${String(e.p5)}, p50 ${String(e.p50)}, p95 ${String(e.p95)}`);
      expect(f.derivedFrom.formula).toContain(`p5 ${String(e.p5)}, p50 ${String(e.p50)}, p95 ${String(e.p95)}`);
    }
  });
  it('a bad --basis or an unknown product is a usage error (exit 2)', async () => {
    expect((await cli(['--db', db, 'analyze', 'subscribers', 'ChatGPT', '--basis', 'both'])).code).toBe(2);
    const r = await cli(['--db', db, 'analyze', 'subscribers', 'Nobody']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown entity "Nobody"/);
  });
});

describe('shakeout analyze funding', () => {
  it('prints the table, the segment figures in CNY and USD, the rate and the OWID gap', async () => {
    const r = await cli(['--db', db, 'analyze', 'funding', '--region', 'China']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ai_production +IT Juzi \(IT桔子\) +2024-Q1 +123\.89亿元 +\$1\.72B +36 +\$47\.9M/);
    expect(r.out).toContain('3.44亿元');
    expect(r.out).toContain('1.14亿元');
    expect(r.out).toMatch(/63% of the money/);
    expect(r.out).toContain('CNY->USD at 7.1886 CNY per USD (2024-Q1');
    expect(r.out).toMatch(/\$2B against owid-ai-china-2023 .* \$9\.47B/);
  });
  it('--currency CNY --json, --constant-dollars, and a bad currency (exit 2)', async () => {
    const j = JSON.parse((await cli(['--db', db, 'analyze', 'funding', '--segment', 'generative_ai', '--json'])).out);
    expect(j.estimates.find((e: { id: string }) => e.id === 'growth.genai-startups-global.2023').formula).toBe('F3 / F4');
    const c = await cli(['--db', db, 'analyze', 'funding', '--segment', 'generative_ai', '--constant-dollars', '2021']);
    expect(c.code).toBe(0);
    expect(c.out).toContain('USD (constant 2021)');
    expect((await cli(['--db', db, 'analyze', 'funding', '--currency', 'XYZ'])).code).toBe(2);
    expect((await cli(['--db', db, 'analyze', 'funding', '--currency', 'CNY', '--constant-dollars', '2021'])).code).toBe(2);
  });
});

describe('shakeout check', () => {
  it('prints the flags with a count and exits 1 when there is an error flag (90M downloads)', async () => {
    const r = await cli(['--db', db, 'check']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ERROR \[out_of_line\] F19: ChatGPT downloads \(Google Play\) a month, 6\.9x above Appfigures' figure/);
    expect(r.out).toMatch(/\d+ flags: 1 error, \d+ warnings, \d+ info/);
  });
  it('--json prints the flags', async () => {
    const r = await cli(['--db', db, 'check', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe('plausibility');
    expect(j.details.counts.error).toBe(1);
    expect(j.details.flags[0]).toMatchObject({ severity: 'error', check: 'out_of_line', facts: ['F19', 'ref-chatgpt-downloads-2024-02-2024-11-google-play-appfigures'] });
  });
  it('flags a stored fact that breaks the value rules (a row edited by hand: a price with no currency), with the rule, and exits 1', async () => {
    const edited = join(mkdtempSync(join(tmpdir(), 'shakeout-check-')), 'edited.db');
    expect((await cli(['--db', edited, 'summary'])).code).toBe(0);
    const d = new Database(edited);
    d.prepare("update fact set unit = 'count', value_text = '19.99', value_en = null where id = 'F21'").run();
    d.close();
    const r = await cli(['--db', edited, 'check']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ERROR \[value_rule\] F21: price recorded as a number with no currency\n +facts: F21\n +F21 \(ByteAILab\/头部科技, 20\): expected price as money with its currency, .*got "19\.99", read as a number with no currency/);
    const j = JSON.parse((await cli(['--db', edited, 'check', '--json'])).out) as { details: { counts: { error: number }; flags: { check: string; facts: string[]; explanation: { zh: string } }[] } };
    expect(j.details.counts.error).toBe(2);
    expect(j.details.flags.find((f) => f.check === 'value_rule')).toMatchObject({ facts: ['F21'], explanation: { zh: expect.stringMatching(/价格应为带币种的金额/) } });
  });
  it('exits 0 on a ledger with no error flag', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'shakeout-check-')), 'empty.db');
    const r = await cli(['--db', empty, '--no-bundled-data', 'check']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 flags: 0 errors, 0 warnings, 0 info');
  });
});
