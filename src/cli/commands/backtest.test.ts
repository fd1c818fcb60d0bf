import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../run-captured.js';

let db: string;
beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'shakeout-backtest-')), 'ledger.db');
});

describe('shakeout backtest', () => {
  it('--json gives the issue\'s shape on the bundled ledger, and lists who was left out and why', async () => {
    const r = await cli(['--db', db, 'backtest', '--as-of', '2024-05-20', '--horizon', '24', '--paths', '2000', '--today', '2026-12-01', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown> & { companies: Record<string, unknown>[]; leftOut: { outBefore: { entity: string }[]; lacking: { entity: string }[] } };
    for (const k of ['asOf', 'horizonMonths', 'companies', 'brier', 'logLoss', 'auc', 'pairs', 'baselines', 'calibration', 'leftOut']) expect(j).toHaveProperty(k);
    expect(j.asOf).toBe('2024-05-20');
    for (const c of j.companies) for (const k of ['entity', 'pOut', 'observed', 'outcomeType', 'outcomeDate']) expect(c).toHaveProperty(k);
    // Inflection AI was licensed out to Microsoft on 2024-03-19, before the date: nothing to forecast
    expect(j.leftOut.outBefore.map((o) => o.entity)).toEqual(['inflection-ai']);
    // every other bundled company is either forecast or listed as lacking
    const seen = [...j.companies.map((c) => c['entity']), ...j.leftOut.lacking.map((l) => l.entity)].sort();
    expect(seen).toEqual(['anthropic', 'baichuan-ai', 'minimax', 'moonshot-ai', 'openai', 'stability-ai', 'zhipu-ai']);
  });

  it('prints the table, the scores beside the baselines and a plain verdict', async () => {
    const r = await cli(['--db', db, 'backtest', '--as-of', '2024-05-20', '--companies', 'Anthropic,Stability AI', '--paths', '1000', '--today', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Backtest as of 2024-05-20: P(out within 24 months)');
    expect(r.out).toMatch(/months since last round \(logistic, leave-one-out\)/);
    expect(r.out).toContain('Stability AI: unknown: recapitalization on 2024-06-25 is undecided');
    // a survivor shows the round in the window that is why it counts as still in
    expect(r.out).toMatch(/\nAnthropic +[\d.]+% .* survived +raised 2024-11-22\n/);
    // the undated facts counted are those the run reads (the climate's market here), not the whole ledger's, and named
    expect(r.out).toContain("6 facts with no publication date left out (--include-undated takes them in): 6 of Global generative-AI startups (the funding climate's market); none of the 2 companies of the run. 48 more of other entities, which this run does not read.");
  });

  it('--inputs prints each company\'s inputs at the date and how they were read; --json carries them', async () => {
    const r = await cli(['--db', db, 'backtest', '--as-of', '2024-05-20', '--companies', 'Anthropic', '--paths', '1000', '--today', '2026-12-01', '--inputs']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Anthropic: P\(out\) \d+\.\d%; chance of a round x1\.00 \(months since the last round x1\.00, size x1\.00\)/);
    // its revenue rests on 2023's figure, moved to the date; each row says its status and formula
    expect(r.out).toMatch(/revenue +derived +\$[\d.]+M a month +co-anthropic-revenue-2023, moved 10\.61 months to 2024-05-20 at the revenue growth/);
    // one company of the run is one: it "has none", not "none of the company of the run" (trial of session 11)
    expect(r.out).toContain("6 of Global generative-AI startups (the funding climate's market); the company of the run has none.");
    expect(r.out).toMatch(/costGrowth +default +[\d.]+% a month +default: \(1 - staff share\)/);
    expect(r.out).toContain('  - Revenue rests on figures of 2023');
    const j = JSON.parse((await cli(['--db', db, 'backtest', '--as-of', '2024-05-20', '--companies', 'Anthropic', '--paths', '1000', '--today', '2026-12-01', '--json'])).out) as { companies: { inputs: { input: string; status: string; formula: string }[]; notes: { en: string; zh: string }[]; fundability: { value: number } }[] };
    const a = j.companies[0]!;
    expect(a.inputs.map((x) => x.input)).toEqual(['cash', 'revenue', 'costs', 'revenueGrowth', 'costGrowth']);
    expect(a.fundability.value).toBe(1);
    expect(a.notes.some((n) => /^Revenue rests on figures of 2023/.test(n.en) && n.zh.length > 0)).toBe(true);
  });

  it('a survivor with no outcome recorded says so, and why it still counts as survived', async () => {
    const own = join(mkdtempSync(join(tmpdir(), 'shakeout-backtest-')), 'ledger.db');
    expect((await cli(['--db', own, 'entities', 'add', '--id', 'quiet-co', '--name', 'Quiet Co'])).code).toBe(0);
    expect((await cli(['--db', own, 'facts', 'add', '--entity', 'Quiet Co', '--metric', 'funding', '--value', '$30 million', '--period', '2024-01', '--scope', 'round', '--source', 'Wire', '--url', 'https://example.org/q', '--published', '2024-01-20'])).code).toBe(0);
    const r = await cli(['--db', own, 'backtest', '--as-of', '2024-05-20', '--companies', 'Quiet Co', '--paths', '500', '--today', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\nQuiet Co +[\d.]+% .* survived +none recorded\n/);
    expect(r.out).toContain("Quiet Co: survived because no outcome is recorded in the window: the ledger's outcomes are taken as complete up to today");
  });

  it('refuses an as-of that is not a day, naming the option', async () => {
    const r = await cli(['--db', db, 'backtest', '--as-of', '2024-05']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of: expected a day written YYYY-MM-DD (2024-05-20)');
  });
});
