import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../run-captured.js';

interface Est { id: string; unit: string; p5: number; p50: number; p95: number; mean: number; formula: string }
interface Row { period: string; source: string; funding: { factId: string; shown: { value: number; unit: string } | null; conversion: string[] } | null }

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-fx-'));
  db = join(dir, 'ledger.db');
});

const json = async (args: string[]): Promise<{ estimates: Est[]; notes: { en: string; zh: string }[]; currency?: { code: string; perUsd: number; month: string }; details: { rows: Row[] } }> => {
  const r = await cli(['--db', db, ...args, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
};

// From data/fx-monthly-per-usd.csv: EUR per USD in 2026-06 (the latest month), 2024-05, and the twelve months of 2023.
const EUR_2026_06 = 0.8684;
const EUR_2024_05 = 0.9251;
const EUR_2023 = [0.9279, 0.9344, 0.9336, 0.9122, 0.9202, 0.9225, 0.9036, 0.9166, 0.937, 0.9465, 0.9243, 0.9167].reduce((a, b) => a + b) / 12;

/**
 * Health computes in euros (docs/fx.md): with only US-dollar facts (OpenAI's), each money figure is the
 * US-dollar one times the rate, draw by draw (to rounding), the rest unchanged, and the inputs' formulas name the rate.
 */
function expectHealthInEuros(usd: Est[], eur: Est[], rate: number, month: string): void {
  const near = (a: number, b: number): boolean => (Number.isFinite(b) ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b);
  expect(usd.filter((e) => e.unit === 'USD').length).toBeGreaterThan(0);
  for (const u of usd) {
    const e = eur.find((x) => x.id === u.id)!;
    const k = u.unit === 'USD' ? rate : 1;
    expect(e.unit).toBe(u.unit === 'USD' ? 'EUR' : u.unit);
    for (const q of ['p5', 'p50', 'p95', 'mean'] as const) expect(near(Number(e[q]), Number(u[q]) * k), `${u.id} ${q}`).toBe(true);
  }
  expect(eur.filter((e) => e.formula.includes(`USD->EUR at ${rate} EUR per USD (${month})`)).length).toBeGreaterThan(0);
}

describe('--currency on the analyses', () => {
  it('health in euros: US-dollar figures times the latest month\'s rate, named in formulas and notes', async () => {
    const args = ['analyze', 'health', 'OpenAI', '--samples', '2000', '--seed', '1'];
    const usd = await json(args);
    const eur = await json([...args, '--currency', 'eur']);
    expectHealthInEuros(usd.estimates, eur.estimates, EUR_2026_06, '2026-06');
    expect(eur.currency).toMatchObject({ code: 'EUR', perUsd: EUR_2026_06, month: '2026-06' });
    const note = eur.notes[eur.notes.length - 1]!;
    expect(note.en).toBe('Money in euros (EUR): figures written in euros are taken as written; figures in other currencies are converted to US dollars at the rate of their own period, then at one rate, of the latest month the FX table has: USD->EUR at 0.8684 EUR per USD (monthly average of 2026-06; U.S. Federal Reserve H.10 via FRED).');
    expect(note.zh).toContain('美元折欧元：0.8684欧元兑1美元（2026年6月月均汇率');
    // a stated month
    const may = await json([...args, '--currency', 'EUR', '--fx-month', '2024-05']);
    expectHealthInEuros(usd.estimates, may.estimates, EUR_2024_05, '2024-05');
    expect(may.notes[may.notes.length - 1]!.en).toContain('of the month asked for: USD->EUR at 0.9251 EUR per USD (monthly average of 2024-05');
    // the text output shows euros
    const text = await cli(['--db', db, ...args, '--currency', 'EUR']);
    expect(text.out).toMatch(/valuation +reported +€\d/);
  });

  it('funding in euros converts each figure at the mean rate of its own period and names it', async () => {
    const usd = await json(['analyze', 'funding', '--segment', 'generative_ai']);
    const eur = await json(['analyze', 'funding', '--segment', 'generative_ai', '--currency', 'EUR']);
    const cb = (a: typeof usd) => a.details.rows.find((r) => r.period === '2023' && r.source === 'CB Insights')!.funding!;
    expect(cb(usd).shown).toMatchObject({ value: 20.4e9, unit: 'USD' });
    expect(cb(eur).shown!.unit).toBe('EUR');
    expect(cb(eur).shown!.value).toBeCloseTo(20.4e9 * EUR_2023, -2);
    expect(cb(eur).conversion).toEqual([`USD->EUR at ${Number(EUR_2023.toFixed(4))} EUR per USD (2023: mean of the 12 monthly averages of 2023-01 to 2023-12; U.S. Federal Reserve H.10 via FRED)`]);
  });

  it('refuses an unknown code with the list of known ones, and a month the table lacks with how to add it', async () => {
    const bad = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--currency', 'XAU']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--currency: expected one of USD, CNY, EUR, GBP, JPY, HKD, CHF, CAD, AUD, KRW, INR, SGD, TWD, SEK (the currencies Shakeout knows), got "XAU"');
    const late = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--currency', 'EUR', '--fx-month', '2027-01']);
    expect(late.code).toBe(2);
    expect(late.err).toContain('no EUR rate for 2027-01 in the FX table');
    expect(late.err).toContain('shakeout fx add --currency EUR --month 2027-01');
    const usdMonth = await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--fx-month', '2024-05']);
    expect(usdMonth.code).toBe(2);
    expect(usdMonth.err).toContain('--fx-month: expected it with --currency CODE');
    expect((await cli(['--db', db, 'analyze', 'health', 'OpenAI', '--currency', 'EUR', '--fx-month', 'May 2024'])).err).toContain('--fx-month: expected a month written YYYY-MM such as 2024-05, got "May 2024"');
  });
});

describe('shakeout fx', () => {
  it('adds a rate that later conversions use and name, and lists it', async () => {
    const db2 = join(dir, 'rates.db');
    const add = await cli(['--db', db2, 'fx', 'add', '--currency', 'EUR', '--month', '2026-07', '--per-usd', '0.91', '--source', 'ECB reference rate']);
    expect(add.code).toBe(0);
    expect(add.out).toContain('added EUR 2026-07: 0.91 EUR per USD (ECB reference rate)');
    const r = await cli(['--db', db2, 'analyze', 'health', 'OpenAI', '--samples', '500', '--currency', 'EUR', '--json']);
    const a = JSON.parse(r.out);
    expect(a.currency).toMatchObject({ perUsd: 0.91, month: '2026-07' });
    expect(a.notes.at(-1).en).toContain('USD->EUR at 0.91 EUR per USD (monthly average of 2026-07; 2026-07 is a user rate; ECB reference rate)');
    const list = await cli(['--db', db2, 'fx', 'list', '--currency', 'EUR']);
    expect(list.out).toMatch(/EUR +2015-01 to 2026-06 \(138 months\) +2026-07 +2026-07: 0.91/);
    expect(list.out).toMatch(/2026-07 +0.91 +yours +ECB reference rate/);
    const xau = await cli(['--db', db2, 'fx', 'add', '--currency', 'XAU', '--month', '2026-07', '--per-usd', '0.0004', '--source', 'LBMA']);
    expect(xau.code).toBe(2);
    expect(xau.err).toContain('fx add, --currency: expected one of USD, CNY');
    const comma = await cli(['--db', db2, 'fx', 'add', '--currency', 'EUR', '--month', '2026-08', '--per-usd', '0,91', '--source', 'ECB']);
    expect(comma.err).toContain('fx add, --per-usd: expected a positive number of EUR per US dollar such as 0.91, got "0,91" (write the decimal with a point: 0.91, not 0,91)');
  });

  it('imports a file all or nothing; errors name the file, line and field', async () => {
    const db3 = join(dir, 'import.db');
    const yaml = join(dir, 'rates.yaml');
    writeFileSync(yaml, ['- month: 2026-07', '  currency: GBP', '  per_usd: 0.74', '  source: Bank of England', '- month: 2026-07', '  currency: JPY', '  per_usd: 0.0062', '  source: BoJ', ''].join('\n'));
    const r = await cli(['--db', db3, 'fx', 'import', yaml]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rates.yaml line 7, column per_usd: expected JPY per US dollar (the bundled table has 160.77 for 2026-06), got 0.0062, which reads as US dollars per JPY');
    expect((await cli(['--db', db3, 'fx', 'list', '--currency', 'GBP'])).out).not.toContain('yours');
    const csv = join(dir, 'rates.csv');
    writeFileSync(csv, 'month,currency,per_usd,source\n2026-07,GBP,0.74,Bank of England\n2026-07,JPY,161.2,Bank of Japan\n');
    const ok = await cli(['--db', db3, 'fx', 'import', csv]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2 added, 0 replaced, 0 unchanged');
  });
});
