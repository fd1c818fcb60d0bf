import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledDataDir, openStore, type Store } from '../../ledger/index.js';
import { analyzeSurvival } from './analyze-survival.js';
import { readSurvivalAssumptions } from './survival-assumptions.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

const bundled = () => readSurvivalAssumptions(parse(readFileSync(join(bundledDataDir(), 'survival-assumptions.yaml'), 'utf8')), 'survival-assumptions.yaml');

describe('survival assumptions file', () => {
  it('ships the article\'s eight companies, each input with a rationale', () => {
    const a = bundled();
    expect(a.companies.map((c) => c.company)).toEqual(['OpenAI', 'Anthropic', 'Inflection AI', 'Moonshot AI', 'MiniMax', 'Zhipu AI', 'Baichuan AI', 'Stability AI']);
    for (const c of a.companies) for (const k of ['cash', 'revenue', 'revenueGrowth', 'costs', 'costGrowth'] as const) expect(c[k].rationale.length).toBeGreaterThan(10);
    expect(a.asOf).toBe('2024-05');
  });
  it('collects every problem with where it is', () => {
    let err: unknown;
    try {
      readSurvivalAssumptions({ as_of: '2024-05', companies: [{ company: 'X', cash: '5B', revenue: { value: '1M' } }] }, 'mine.yaml');
    } catch (e) {
      err = e;
    }
    const issues = (err as { issues: { message: string }[] }).issues.map((i) => i.message);
    expect(issues).toContain('mine.yaml companies[0].cash: expected {value, rationale} with value a figure or a model expression, got "5B"');
    expect(issues).toContain('mine.yaml companies[0].revenue.rationale: every assumption needs a rationale (why this value)');
    expect(issues.some((m) => /companies\[0\]\.costs/.test(m))).toBe(true);
  });
});

describe('analyzeSurvival on the bundled data', () => {
  it('ranks the article\'s companies, deterministically, with curves and drivers', async () => {
    const opts = { assumptions: bundled(), horizonMonths: 48, paths: 2000, seed: 11, climate: 'cold' as const };
    const a = await analyzeSurvival(store, opts);
    const b = await analyzeSurvival(store, opts);
    expect(a.kind).toBe('survival');
    expect(a.details.ranking.map((r) => r.id)).toEqual(b.details.ranking.map((r) => r.id));
    expect(a.details.companies.map((c) => c.survival)).toEqual(b.details.companies.map((c) => c.survival));
    expect(a.details.companies).toHaveLength(8);
    expect(a.details.ranking[0]!.rank).toBe(1);
    const id = (name: string) => a.details.ranking.findIndex((r) => r.id === name);
    // OpenAI (billions of cash, strong backers) ranks above Stability AI (little cash, turmoil)
    expect(id('openai')).toBeLessThan(id('stability-ai'));
    const stab = a.details.companies.find((c) => c.id === 'stability-ai')!;
    expect(stab.pOutWithin[24]!).toBeGreaterThan(0.3);
    expect(stab.drivers).toHaveLength(6);
    expect(a.estimates.some((e) => e.id === 'survival.openai.p_out_24')).toBe(true);
    expect(a.assumptions.some((x) => x.id === 'survival.inflection-ai.cash' && /F14/.test(x.rationale.en))).toBe(true);
    expect(a.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['F14', 'F15', 'F16']));
    for (const c of a.details.companies) expect(c.beyondHorizon).toBe(c.medianMonthOut === null);
  });

  it('simulates a subset by any name and rejects a company without assumptions', async () => {
    const a = await analyzeSurvival(store, { assumptions: bundled(), companies: ['月之暗面', 'inflection'], horizonMonths: 24, paths: 500, seed: 1 });
    expect(a.details.companies.map((c) => c.id)).toEqual(['moonshot-ai', 'inflection-ai']);
    await expect(analyzeSurvival(store, { assumptions: bundled(), companies: ['TCV'], paths: 100 })).rejects.toThrow(/no survival assumptions for TCV/);
  });

  it('a colder climate never raises survival for the bundled companies (same seed)', async () => {
    const run = async (climate: 'cold' | 'neutral' | 'hot') => (await analyzeSurvival(store, { assumptions: bundled(), horizonMonths: 36, paths: 1000, seed: 3, climate })).details.companies;
    const [cold, neutral, hot] = await Promise.all([run('cold'), run('neutral'), run('hot')]);
    cold.forEach((c, i) => {
      c.survival.forEach((s, m) => {
        expect(s).toBeLessThanOrEqual(neutral[i]!.survival[m]!);
        expect(neutral[i]!.survival[m]!).toBeLessThanOrEqual(hot[i]!.survival[m]!);
      });
    });
  });
});
