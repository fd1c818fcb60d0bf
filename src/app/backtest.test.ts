import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../ledger/index.js';
import type { BacktestResult } from '../economics/index.js';
import { runBacktest } from './backtest.js';

// Fictional companies, so the test does not move when the bundled data does.
const COMPANIES = ['Runway Robotics', 'Deep Harbor AI', 'Mosaic Minds', 'Lantern Labs', 'Quiet Start', 'Old Out Co', 'Thin Data Inc'];
const src = (publisher: string, published: string) => ({ publisher, title: `${publisher} report`, url: `https://example.org/${publisher.toLowerCase().replace(/\W+/g, '-')}/${published}`, published });
const fact = (entity: string, metric: string, value: string, period: string, published: string, scope = '') => ({ entity, metric, value_as_written: value, period, scope, kind: 'reported', ...src('Wire', published) });
const FACTS = [
  // little cash left, a high burn, an old round
  fact('Runway Robotics', 'funding', '$20 million', '2022-06', '2022-06-10', 'round'),
  fact('Runway Robotics', 'burn', '$3 million a month', 'as of 2023-09', '2023-09-01'),
  fact('Runway Robotics', 'revenue', '$1 million', '2023', '2024-02-01'),
  // a large fresh round, run rate growing
  fact('Deep Harbor AI', 'funding', '$500 million', '2024-03', '2024-03-15', 'round'),
  fact('Deep Harbor AI', 'burn', '$20 million a month', 'as of 2024-03', '2024-04-01'),
  fact('Deep Harbor AI', 'revenue_run_rate', '$60 million', 'as of 2024-03', '2024-04-01'),
  fact('Mosaic Minds', 'funding', '$50 million', '2023-09', '2023-09-20', 'round'),
  fact('Mosaic Minds', 'burn', '$4 million a month', 'as of 2024-01', '2024-02-10'),
  fact('Mosaic Minds', 'revenue_run_rate', '$6 million', 'as of 2024-01', '2024-02-10'),
  fact('Lantern Labs', 'funding', '$300 million', '2024-01', '2024-01-20', 'round'),
  fact('Lantern Labs', 'burn', '$8 million a month', 'as of 2024-03', '2024-04-05'),
  fact('Lantern Labs', 'revenue_run_rate', '$40 million', 'as of 2024-03', '2024-04-05'),
  // a round and nothing else: costs from the round, no revenue
  fact('Quiet Start', 'funding', '$30 million', '2023-08', '2023-08-20', 'round'),
  fact('Old Out Co', 'funding', '$10 million', '2022-01', '2022-01-15', 'round'),
  fact('Thin Data Inc', 'valuation', '$90 million', 'as of 2023-11', '2023-11-30'),
];
const outcome = (entity: string, type: string, date: string) => ({ entity, type, date, detail: `${type} (fictional)`, ...src('Wire', date) });
const OUTCOMES = [
  outcome('Runway Robotics', 'shutdown', '2024-11-01'),
  outcome('Deep Harbor AI', 'raised', '2025-02-01'),
  outcome('Mosaic Minds', 'acquihire_license', '2025-08-01'),
  outcome('Old Out Co', 'shutdown', '2024-02-01'),
];
const REQ = { asOf: '2024-05-20', horizonMonths: 24, companies: COMPANIES, paths: 2000, seed: 7, today: '2026-12-01' };

async function ledger(): Promise<Store> {
  const store = await openStore({ path: ':memory:', loadBundled: true });
  for (const name of COMPANIES) await store.addEntity({ id: name.toLowerCase().replace(/\W+/g, '-'), nameEn: name, nameZh: null, aliases: [], kind: 'company', parent: null, notes: null } as never);
  await store.importFacts(FACTS, { file: 'synthetic.csv' });
  await store.importOutcomes(OUTCOMES, { file: 'outcomes.csv' });
  return store;
}

const pOuts = (r: BacktestResult) => Object.fromEntries(r.companies.map((c) => [c.entity, c.pOut]));

describe('shakeout backtest on fictional companies', () => {
  let store: Store;
  let r: BacktestResult;
  beforeAll(async () => {
    store = await ledger();
    r = await runBacktest(store, REQ);
  });
  afterAll(async () => store.close());

  it('sets each forecast beside what happened: out with its type and date, or survived', () => {
    const by = Object.fromEntries(r.companies.map((c) => [c.entity, c]));
    expect(Object.keys(by).sort()).toEqual(['deep-harbor-ai', 'lantern-labs', 'mosaic-minds', 'quiet-start', 'runway-robotics']);
    expect(by['quiet-start']!.observed).toBe('survived');
    expect(by['runway-robotics']).toMatchObject({ observed: 'out', outcomeType: 'shutdown', outcomeDate: '2024-11-01' });
    expect(by['mosaic-minds']).toMatchObject({ observed: 'out', outcomeType: 'acquihire_license', outcomeDate: '2025-08-01' });
    expect(by['deep-harbor-ai']).toMatchObject({ observed: 'survived', outcomeType: 'raised', outcomeDate: '2025-02-01' });
    expect(by['lantern-labs']!.observed).toBe('survived');
    // the company with almost no cash left is the likeliest to be out; the one with a large fresh round among the least
    expect(by['runway-robotics']!.pOut).toBeGreaterThan(by['deep-harbor-ai']!.pOut);
    expect(by['runway-robotics']!.monthsSinceLastRound).toBe(22);
  });

  it('lists the company out before the as-of day, and the one lacking inputs with what it lacks', () => {
    expect(r.leftOut.outBefore).toEqual([{ entity: 'old-out-co', name: 'Old Out Co', nameZh: null, outcomeType: 'shutdown', outcomeDate: '2024-02-01' }]);
    const thin = r.leftOut.lacking.find((l) => l.entity === 'thin-data-inc')!;
    expect(thin.lacking).toEqual(['cash', 'costs', 'lastRound']);
    expect(thin.how[0]!.en).toMatch(/^cash \(a cash fact, or dated funding rounds/);
  });

  it('scores the model and both baselines on the same five companies, as the issue\'s JSON gives them', () => {
    expect(r).toMatchObject({ asOf: '2024-05-20', horizonMonths: 24, scored: 5, out: 2, pairs: 6 });
    for (const k of ['brier', 'logLoss', 'auc'] as const) expect(typeof r[k]).toBe('number');
    // base rate, leave-one-out: an out company sees 1 out of 4 others, a survivor 2 of 4
    expect(r.companies.find((c) => c.entity === 'runway-robotics')!.baselines.baseRate).toBeCloseTo(1 / 4, 12);
    expect(r.companies.find((c) => c.entity === 'lantern-labs')!.baselines.baseRate).toBeCloseTo(2 / 4, 12);
    // (2 x 0.75^2 + 3 x 0.5^2) / 5
    expect(r.baselines.baseRate.brier).toBeCloseTo(0.375, 12);
    expect(r.baselines.monthsSinceRound.pairs).toBe(6);
    expect(r.calibration.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(r.verdict.en).toMatch(r.beatsBothOnBrier ? /^The model beats both baselines/ : /^The model does not beat both baselines/);
  });

  it('reads a company with only a round: costs from the round (27 months, the typical interval between rounds, x the round-interval factor), revenue 0, both named', async () => {
    const { forecastInputs } = await import('../economics/index.js');
    const { asOfStore } = await import('../ledger/index.js');
    const g = await forecastInputs(await asOfStore(store, { asOf: '2024-05-20' }), 'Quiet Start', { asOf: '2024-05-20', env: { sampleCount: 2000, seed: 7 } });
    expect(g.lacking).toEqual([]);
    const row = (k: string) => g.rows.find((x) => x.input === k)!;
    // 8.64 months after its round: the few draws of the factor below 8.64 / 27 = 0.32 are drawn again given that it lasted
    expect(row('costs').formula).toMatch(/\/ \(8\.64 months since the round \+ the rest of 27 months x round-interval factor \(at least 0\.32: the round lasted the 8\.64 months to the as-of date\) at the cost growth\)/);
    // the median factor is about 1: $30M over the 8.64 months spent and 18.36 months left at the default cost growth
    // (about 5% a month: some 30 months of today's costs), about $0.77M a month (flat over 27 months it was $1.1M)
    expect(row('costs').p50).toBeGreaterThan(0.65e6);
    expect(row('costs').p50).toBeLessThan(0.9e6);
    expect(row('revenue')).toMatchObject({ status: 'default', p50: 0 });
    expect(g.monthsSinceLastRound).toBe(8);
  });

  it('is the same under the same seed', async () => {
    expect(pOuts(await runBacktest(store, REQ))).toEqual(pOuts(r));
  });
});

describe('no leakage: what was published after the as-of day changes no forecast', () => {
  it('facts published later (a correction too) and outcomes leave every forecast as it was', async () => {
    const store = await ledger();
    try {
      const before = await runBacktest(store, REQ);
      await store.importFacts([
        // figures of periods before the day, published after it
        fact('Runway Robotics', 'funding', '$400 million', '2024-04', '2024-06-30', 'round'),
        fact('Runway Robotics', 'revenue_run_rate', '$90 million', 'as of 2024-04', '2024-07-02'),
        fact('Deep Harbor AI', 'burn', '$90 million a month', 'as of 2024-05', '2024-09-01'),
        fact('Mosaic Minds', 'cash', '$1 billion', 'as of 2024-05', '2025-01-10'),
        fact('Lantern Labs', 'headcount', '2,000', 'as of 2024-05', '2024-06-01'),
        fact('Thin Data Inc', 'funding', '$80 million', '2024-02', '2024-08-01', 'round'),
      ], { file: 'later.csv' });
      const burn = (await store.listFacts({ entity: 'Lantern Labs', metric: 'burn' }))[0]!;
      // (a real correction: a new value from another source published after the day; it was written with the CSV's
      // column names, which correctFact does not take, so it changed nothing but the history)
      const fix = await store.correctFact(burn.id, { value: '$80 million a month', source: { publisher: 'Later Wire', title: null, url: 'https://example.org/wire/correction', published: '2024-10-01' } });
      expect(fix.figure.value).toBe(80e6);
      expect(fix.source.published).toBe('2024-10-01');
      await store.importOutcomes([outcome('Lantern Labs', 'shutdown', '2025-05-01'), outcome('Deep Harbor AI', 'ipo', '2025-12-01')], { file: 'more-outcomes.csv' });
      const after = await runBacktest(store, REQ);
      expect(pOuts(after)).toEqual(pOuts(before));
      expect(after.leftOut.lacking.map((l) => l.entity)).toEqual(before.leftOut.lacking.map((l) => l.entity));
      // what happened did change: Lantern Labs is now out
      expect(after.companies.find((c) => c.entity === 'lantern-labs')!.observed).toBe('out');
    } finally {
      await store.close();
    }
  });
});

describe('the companies it has never seen (test/fixtures/backtest-unseen)', () => {
  it('forecasts them from the facts of May 2024 alone: the figures published later and the outcomes change no forecast', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { parse } = await import('yaml');
    const { parse: parseCsv } = await import('csv-parse/sync');
    const { importFactsFile } = await import('./facts-file.js');
    const { importOutcomesFile } = await import('./outcomes.js');
    const dir = join(process.cwd(), 'test/fixtures/backtest-unseen');
    const entries = parse(readFileSync(join(dir, 'entities.yaml'), 'utf8')) as { id: string; name_en: string; name_zh?: string; aliases?: string[] }[];
    const rows = parseCsv(readFileSync(join(dir, 'facts.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const req = { asOf: '2024-05-20', horizonMonths: 24, companies: entries.map((e) => e.id), paths: 1000, seed: 3, today: '2026-12-01' };
    const run = async (fill: (store: Store) => Promise<void>): Promise<BacktestResult> => {
      const store = await openStore({ path: ':memory:', loadBundled: true });
      try {
        for (const e of entries) await store.addEntity({ id: e.id, nameEn: e.name_en, nameZh: e.name_zh ?? null, aliases: e.aliases ?? [], kind: 'company', parent: null, notes: null });
        await fill(store);
        return await runBacktest(store, req);
      } finally {
        await store.close();
      }
    };
    // what a user had then: the figures published by the date, no outcomes
    const then = await run(async (s) => void (await s.importFacts(rows.filter((r) => r['published']! <= '2024-05-20'), { file: 'facts.csv (known by 2024-05-20)' })));
    // what the ledger holds now: every figure, and what happened
    const now = await run(async (s) => {
      await importFactsFile(s, join(dir, 'facts.csv'));
      await importOutcomesFile(s, join(dir, 'outcomes.csv'));
    });
    expect(pOuts(now)).toEqual(pOuts(then));
    // scored now that the outcomes are in: out and survived both present, so the AUC rests on pairs
    expect(now.out).toBeGreaterThan(0);
    expect(now.pairs).toBeGreaterThan(0);
    expect(now.companies.length + now.leftOut.lacking.length + now.leftOut.outBefore.length).toBe(entries.length);
  });
});

describe('a company in euros a new user adds (issue 10\'s trial)', () => {
  // A made-up company outside the bundled data: two euro rounds, the later reported by two outlets, revenue of 2023 in
  // euros, a headcount whose source gives no publication date, and a round after the as-of day.
  const EURO = [
    { ...fact('Euro Forge', 'funding', '€100 million', '2021-11', '2021-11-10', 'round'), ...src('Sifted', '2021-11-10') },
    { ...fact('Euro Forge', 'funding', '€200 million', '2023-09', '2023-09-14', 'round'), ...src('Reuters', '2023-09-14') },
    { ...fact('Euro Forge', 'funding', '200 million euros', '2023-09', '2023-09-14', 'round'), ...src('TechCrunch', '2023-09-14') },
    { ...fact('Euro Forge', 'revenue', '€12 million', '2023', '2024-02-01'), ...src('Handelsblatt', '2024-02-01') },
    { ...fact('Euro Forge', 'headcount', '300', 'as of 2023-06', '2023-07-01'), published: '' },
  ];
  let store: Store;
  let r: BacktestResult;
  beforeAll(async () => {
    store = await openStore({ path: ':memory:', loadBundled: true });
    await store.addEntity({ id: 'euro-forge', nameEn: 'Euro Forge', nameZh: null, aliases: [], kind: 'company', parent: null, notes: null } as never);
    await store.importFacts(EURO, { file: 'euro.csv' });
    await store.importOutcomes([outcome('Euro Forge', 'raised', '2024-06-11')], { file: 'outcomes.csv' });
    r = await runBacktest(store, { ...REQ, companies: ['Euro Forge', 'Anthropic'] });
  });
  afterAll(async () => store.close());
  const company = (id: string) => r.companies.find((c) => c.entity === id)!;

  it('names the FX rate of every euro figure its inputs rest on, in its notes and in conversions, as health does', () => {
    const c = company('euro-forge');
    expect(c.conversions.map((x) => x.en)).toEqual([
      expect.stringMatching(/^fact-\w+ \(€100 million\): EUR->USD at 0\.876 EUR per USD \(monthly average of 2021-11; /),
      expect.stringMatching(/^fact-\w+ \(€200 million\): EUR->USD at 0\.937 EUR per USD \(monthly average of 2023-09; /),
      expect.stringMatching(/^fact-\w+ \(€12 million\): EUR->USD at 0\.9246 EUR per USD \(2023: mean of the 12 monthly averages/),
    ]);
    for (const x of c.conversions) {
      expect(c.notes).toContainEqual({ en: `Converted: ${x.en}`, zh: `币种换算：${x.zh}` });
      expect(x.zh).toMatch(/欧元折美元/);
    }
    // a company in dollars converts nothing
    expect(company('anthropic').conversions).toEqual([]);
  });

  it('names a fallback, or an input derived from one, as such in the note on dates, not as a figure of its facts\' periods', () => {
    const dates = company('euro-forge').notes.find((n) => n.en.startsWith('The inputs are of different dates'))!;
    expect(dates.en).toContain('gross burn (costs): from the latest round (2023-09), a fallback');
    expect(dates.en).toContain('cash on hand: from the money raised less the net burn (2021-11, 2023-09, 2023), a fallback');
    expect(dates.en).toContain('net burn: derived from a fallback (costs from the latest round; 2023-09, 2023)');
    expect(dates.en).toContain('revenue (company) 2023');
    expect(dates.en).not.toMatch(/gross burn \(costs\) 2023-09|cash on hand 2021-11/);
    expect(dates.zh).toContain('总支出：由最近一轮融资推算（2023年9月），属兜底假设');
    // a company with cost figures: its costs are dated as figures, its cash (from the money raised) is a fallback
    const a = company('anthropic').notes.find((n) => n.en.startsWith('The inputs are of different dates'))!;
    expect(a.en).toMatch(/gross burn \(costs\) 2024, 2023/);
    expect(a.en).toMatch(/cash on hand: from the money raised less the net burn \([^)]+\), a fallback/);
  });

  it('shows a survivor\'s round in the window as its outcome, the reason why it counts as still in', () => {
    expect(company('euro-forge')).toMatchObject({ observed: 'survived', outcomeType: 'raised', outcomeDate: '2024-06-11' });
    expect(company('euro-forge').reason.en).toBe('no outcome of class out by 2026-05-20; raised on 2024-06-11');
  });

  it('counts the undated facts the run reads, its companies\' and the climate market\'s, and says whose', () => {
    expect(r.undated.map((u) => [u.entity, u.role, u.factIds.length])).toEqual([['euro-forge', 'company', 1], ['genai-startups-global', 'climate', 6]]);
    expect(r.undatedFacts).toBe(7);
    // the other undated facts of the ledger (the OWID series of other markets) are not the run's: counted apart
    expect(r.undatedElsewhere).toBe(48);
  });
});
