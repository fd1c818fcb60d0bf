import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../ledger/index.js';
import { analyzeHealth } from './analyze-health.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

const env = { sampleCount: 4000, seed: 7 };
const est = (a: { estimates: readonly { id: string }[] }, id: string) => a.estimates.find((e) => e.id === id) as { p50: number; p5: number; p95: number; mean: number; formula: string; label: { en: string } } | undefined;

describe('analyzeHealth on the bundled data', () => {
  it('OpenAI: a valuation near $100B against a mobile run rate near $0.2B', async () => {
    const a = await analyzeHealth(store, 'OpenAI', { env });
    expect(a.kind).toBe('health');
    expect(a.subject).toBe('openai');
    const valuation = est(a, 'input.valuation')!;
    expect(valuation.p50).toBeGreaterThan(0.9e11);
    expect(valuation.p95).toBeLessThanOrEqual(1e11);
    const mobile = est(a, 'revenue.mobile_annual')!;
    expect(mobile.p50).toBeCloseTo(1.8e8, -6); // (F18 + F20) x 12
    const multiple = est(a, 'revenue_multiple')!;
    expect(multiple.p50).toBeGreaterThan(500);
    expect(multiple.p50).toBeLessThan(560);
    expect(multiple.label.en).toMatch(/mobile store revenue only/);
    expect(a.details.revenueBasis).toBe('mobile-store');
    expect(a.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['F18', 'F20', 'F24']));
    expect(a.notes.some((n) => /not OpenAI's total revenue/.test(n.en))).toBe(true);
    expect(a.details.missing.some((m) => /no cash figure: runway cannot be computed; record a cash fact/.test(m.en))).toBe(true);
    const rows = Object.fromEntries(a.details.inputs.map((r) => [r.name, r.status]));
    expect(rows.valuation).toBe('reported');
    expect(rows.mobileRevenue).toBe('derived');
    expect(rows.cash).toBe('missing');
  });

  it('Inflection AI: $1.5B raised for almost no revenue', async () => {
    const a = await analyzeHealth(store, 'Inflection', { env });
    expect(est(a, 'input.funding')!.p50).toBe(1.5e9);
    expect(est(a, 'input.revenueToDate')!.p50).toBe(0);
    const eff = est(a, 'capital_efficiency')!;
    expect(eff.p50).toBe(0);
    expect(a.details.revenueBasis).toBe('to-date');
    expect(a.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['F14', 'F15']));
  });

  it('Anthropic: a revenue-spending gap near $1.8B is a net burn near $150M a month', async () => {
    const a = await analyzeHealth(store, 'Anthropic', { env });
    const burn = est(a, 'input.netBurn')!;
    expect(burn.p50 * 12).toBeGreaterThan(1.7e9);
    expect(burn.p95 * 12).toBeLessThanOrEqual(1.8e9 + 1);
    expect(burn.p50).toBeCloseTo(1.8e9 / 12, -7);
    expect(a.notes.some((n) => /F16/.test(n.en))).toBe(true);
    expect(est(a, 'runway')).toBeUndefined();
  });

  it('fills gaps with stated assumptions and computes runway, burn multiple and default alive', async () => {
    const a = await analyzeHealth(store, 'Anthropic', {
      env,
      assumptions: [
        { input: 'cash', value: '4B to 8B', rationale: 'test' },
        { input: 'revenue', value: '30M to 60M', rationale: 'test' },
        { input: 'revenueGrowth', value: '0.05 to 0.1', rationale: 'test' },
        { input: 'netBurn', value: '$1B', rationale: 'ignored: the ledger has F16' },
      ],
    });
    const runway = est(a, 'runway')!;
    expect(runway.p50).toBeGreaterThan(20);
    expect(runway.p50).toBeLessThan(60);
    expect(est(a, 'burn_multiple')).toBeDefined();
    expect(a.details.burnMultipleBand).not.toBeNull();
    expect(a.details.probabilityDefaultAlive).toBeGreaterThanOrEqual(0);
    expect(a.assumptions.map((x) => x.id)).toEqual(expect.arrayContaining(['health.assumption.cash', 'health.assumption.revenue']));
    expect(a.notes.some((n) => /netBurn .* not used/.test(n.en))).toBe(true);
    expect(a.details.inputs.find((r) => r.name === 'cash')!.status).toBe('assumed');
  });

  it('is deterministic under a seed and converts CNY valuations', async () => {
    const a = await analyzeHealth(store, '智谱AI', { env });
    const b = await analyzeHealth(store, 'Zhipu AI', { env });
    const v = est(a, 'input.valuation')!;
    expect(v.p50).toBe(est(b, 'input.valuation')!.p50);
    // over 100亿元: p5 = 1.02 x 1e10 CNY, at the 2024 mean of the monthly rates (data/fx-monthly-per-usd.csv)
    const cny2024 = [7.1707, 7.1935, 7.2015, 7.2374, 7.2327, 7.2547, 7.2609, 7.1475, 7.076, 7.0881, 7.2063, 7.2807].reduce((x, y) => x + y) / 12;
    expect(v.p5 / ((1.02 * 1e10) / cny2024)).toBeCloseTo(1, 2);
  });

  it('names an unknown company with a suggestion', async () => {
    await expect(analyzeHealth(store, 'OpenAl', { env })).rejects.toThrow(/OpenAI/);
  });
});

describe('analyzeHealth: consistent burn, conflicting facts, infinite draws', () => {
  let s: Store;
  const survivalLike = [
    { input: 'cash' as const, value: '3B to 8B', rationale: 'commitments less spending', rationaleZh: '承诺投资减去开支' },
    { input: 'revenue' as const, value: '15M to 60M', rationale: 'ignored: the ledger has revenue' },
    { input: 'revenueGrowth' as const, value: 'normal(0.07, 0.03)', rationale: 'fast growth' },
    { input: 'grossBurn' as const, value: '150M to 250M', rationale: 'ignored: derived from F16 and revenue' },
  ];
  beforeAll(async () => {
    s = await openStore({ path: ':memory:' });
    await s.addFact({ entity: 'anthropic', metric: 'revenue', value: '约8.5亿美元', period: '2024', kind: 'reported', source: { publisher: 'Some Wire', published: '2024-12-01' } });
    await s.addFact({ entity: 'anthropic', metric: 'revenue', value: '1亿美元', period: '2024', kind: 'reported', source: { publisher: 'X' } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('assumptions fill only what the ledger cannot give: gross burn is net burn + revenue, with or without them', async () => {
    const without = await analyzeHealth(s, 'Anthropic', { env });
    const withA = await analyzeHealth(s, 'Anthropic', { env, assumptions: survivalLike });
    for (const a of [without, withA]) {
      const gross = est(a, 'burn.gross')!;
      expect(gross.formula).toBe('net burn + revenue');
      expect(gross.p50).toBeCloseTo(est(a, 'input.netBurn')!.p50 + est(a, 'input.revenue')!.p50, -7);
      expect(est(a, 'input.grossBurn')).toBeUndefined();
      const row = a.details.inputs.find((r) => r.name === 'grossBurn')!;
      expect(row).toMatchObject({ status: 'derived', estimateId: 'burn.gross' });
      expect(row.factIds).toEqual(expect.arrayContaining(['F16']));
    }
    expect(est(withA, 'burn.gross')!.p50).toBe(est(without, 'burn.gross')!.p50);
    expect(withA.assumptions.map((x) => x.id)).not.toContain('health.assumption.grossBurn');
    expect(withA.notes.some((n) => /grossBurn \("150M to 250M"\) was not used: derived instead as net burn \+ revenue/.test(n.en))).toBe(true);
    expect(withA.notes.some((n) => /总支出的假设（“150M to 250M”）未采用：改由净烧钱 \+ 营收推算/.test(n.zh))).toBe(true);
    expect(withA.assumptions.find((x) => x.id === 'health.assumption.cash')!.rationale.zh).toBe('承诺投资减去开支');
  });

  it('names the fact chosen among conflicting ones, the ones left aside and why (en and zh)', async () => {
    const a = await analyzeHealth(s, 'Anthropic', { env });
    expect(est(a, 'input.revenue')!.p50 * 12).toBeCloseTo(8.5e8, -7);
    const note = a.notes.find((n) => /^Revenue \(company\): used/.test(n.en))!;
    expect(note.en).toMatch(/used \S+ \(约8\.5亿美元, 2024; Some Wire, 2024-12-01, reported\); left aside \S+ \(1亿美元, 2024; X, undated, reported\), as the one used covers the same period in a more recently published source\. Sources disagree for the same period/);
    expect(note.zh).toMatch(/^营收（公司）：采用 \S+（约8\.5亿美元，2024；Some Wire，2024-12-01，报道）；未采用 \S+（1亿美元，2024；X，无日期，报道），因为所采用的事实期间相同，但来源发表得更晚。/);
  });

  it('infinite draws (never profitable, no new ARR) are counted and explained, not averaged', async () => {
    const a = await analyzeHealth(s, 'Anthropic', { env, assumptions: [{ input: 'cash', value: '$5B', rationale: 't' }, { input: 'revenueGrowth', value: 'normal(0.01, 0.02)', rationale: 't' }] });
    const never = a.details.unbounded.find((u) => u.estimateId === 'default_alive.months_to_profit')!;
    expect(never.meaning.en).toBe('never');
    expect(never.share).toBeGreaterThan(0.2); // P(g <= 0) for normal(0.01, 0.02) ≈ 31%
    expect(never.share).toBeLessThan(0.4);
    expect(a.details.unbounded.map((u) => u.estimateId)).toEqual(expect.arrayContaining(['burn_multiple', 'default_alive.cash_needed']));
    expect(a.notes.some((n) => /^Months to profitability \(default alive, T\): never in \d+(\.\d+)?% of draws/.test(n.en))).toBe(true);
    expect(a.notes.some((n) => /距盈利月数（T）：\d+(\.\d+)?%的抽样为“永不盈利”/.test(n.zh))).toBe(true);
    // no infinite draws, nothing to say
    const b = await analyzeHealth(s, 'Anthropic', { env, assumptions: [{ input: 'cash', value: '$5B', rationale: 't' }, { input: 'revenueGrowth', value: '5%', rationale: 't' }] });
    expect(b.details.unbounded.filter((u) => u.estimateId !== 'runway')).toEqual([]);
  });
});

describe('analyzeHealth: revenue growth from two run rates', () => {
  let s: Store;
  beforeAll(async () => {
    s = await openStore({ path: ':memory:' });
    await s.addFact({ entity: 'anthropic', metric: 'revenue', value: '$100M', period: '2023', kind: 'reported', source: { publisher: 'Wire A', published: '2024-01-15' } });
    await s.addFact({ entity: 'anthropic', metric: 'revenue', value: '约8.5亿美元', period: '2024', kind: 'reported', source: { publisher: 'Wire B', published: '2024-12-01' } });
    await s.addFact({ entity: 'inflection-ai', metric: 'revenue', value: '$0', period: '2023', kind: 'reported', source: { publisher: 'Wire C' } });
    await s.addFact({ entity: 'inflection-ai', metric: 'revenue', value: '$2M', period: '2024-Q1', kind: 'reported', source: { publisher: 'Wire C' } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('derives monthly growth draw by draw, (later / earlier)^(1 / months) - 1, and computes what needs it', async () => {
    const a = await analyzeHealth(s, 'Anthropic', { env, assumptions: [{ input: 'revenueGrowth', value: '1%', rationale: 'not used: derived' }] });
    const g = est(a, 'input.revenueGrowth')!;
    // $100M in 2023 to $850M in 2024, twelve months apart (middle to middle)
    expect(g.p50).toBeCloseTo(Math.pow(8.5, 1 / 12) - 1, 2);
    expect(g.p5).toBeLessThan(g.p50); // the uncertainty of "约" carries into it
    expect(g.formula).toMatch(/^\(\S+ \/ \S+\)\^\(1 \/ 12(\.\d+)? months\) - 1, a month$/);
    const row = a.details.inputs.find((r) => r.name === 'revenueGrowth')!;
    expect(row.status).toBe('derived');
    expect(row.factIds).toHaveLength(2);
    expect(est(a, 'burn_multiple')).toBeDefined();
    expect(a.details.missing.some((m) => /no revenue growth/.test(m.en))).toBe(false);
    expect(a.assumptions.map((x) => x.id)).not.toContain('health.assumption.revenueGrowth');
  });

  it('says why growth is not derived from a rate that can be zero, and how to give it', async () => {
    const a = await analyzeHealth(s, 'Inflection', { env });
    expect(est(a, 'input.revenueGrowth')).toBeUndefined();
    expect(a.notes.some((n) => /Revenue growth is not derived from \S+ and \S+: \S+ can be 0 or less/.test(n.en))).toBe(true);
    expect(a.notes.some((n) => /未从 \S+ 与 \S+ 推算营收增速/.test(n.zh))).toBe(true);
    expect(a.details.missing.some((m) => /record two revenue run rates at least a month apart/.test(m.en))).toBe(true);
  });
});
