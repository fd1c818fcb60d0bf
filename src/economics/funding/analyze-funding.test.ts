import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../ledger/index.js';
import type { Store } from '../../ledger/index.js';
import type { Estimate } from '../analysis.js';
import { analyzeFunding } from './analyze-funding.js';
import { toRegion, toSegment } from './funding-markets.js';

// Annual CPI-U: the mean of the twelve months of data/us-cpi-u-monthly.csv (BLS rounds these to 270.970 and 304.702).
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b) / xs.length;
const CPI_2021 = mean([261.582, 263.014, 264.877, 267.054, 269.195, 271.696, 273.003, 273.567, 274.31, 276.589, 277.948, 278.802]);
const CPI_2023 = mean([299.17, 300.84, 301.836, 303.363, 304.127, 305.109, 305.691, 307.026, 307.789, 307.671, 307.051, 306.746]);

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});
const env = { sampleCount: 5_000, seed: 7 };
const est = (a: { estimates: readonly Estimate[] }, id: string): Estimate => {
  const e = a.estimates.find((x) => x.id === id);
  if (!e) throw new Error(`no estimate ${id}; have ${a.estimates.map((x) => x.id).join(', ')}`);
  return e;
};

describe('analyzeFunding on the bundled data', () => {
  it("reproduces the article's 5x: F3 / F4 = 20.4 / 3.6 = 5.67, with F3's 'about' as uncertainty", async () => {
    const a = await analyzeFunding(store, { region: 'World', segment: 'generative_ai', env });
    const g = est(a, 'growth.genai-startups-global.2023');
    expect(g.formula).toBe('F3 / F4');
    expect(g.p50).toBeCloseTo(20.4 / 3.6, 1);
    expect(g.p5).toBeLessThan(5.67);
    expect(g.p95).toBeGreaterThan(5.67);
    expect(a.notes.some((n) => /F5 "5倍以上".*5\.67x, as the article says/.test(n.en))).toBe(true);
    // OWID's growth over the same years, in its own series
    expect(est(a, 'growth.genai-startups-global.2023.owid-genai-world-2023').p50).toBeCloseTo(25433174564 / 3685014889, 6);
  });

  it('names segments as the vocabulary does, never by their ids, in labels, notes and the title (en and zh)', async () => {
    const a = await analyzeFunding(store, { region: 'China', segment: 'ai_production', env });
    expect(a.title).toEqual({ en: 'Funding markets: China (AI production)', zh: '融资市场：中国（AI生产）' });
    const all = await analyzeFunding(store, { env });
    expect(est(all, 'average_deal.ai_industry_applications.2024-Q1').label).toEqual({ en: 'Average deal, China AI industry applications, 2024-Q1 (USD)', zh: '2024年一季度中国AI行业应用平均每笔金额（折合美元）' });
    const texts = [all.title, ...all.estimates.map((e) => e.label), ...all.notes].flatMap((x) => [x.en, x.zh]);
    expect(texts.filter((x) => /ai_production|ai_industry_applications|generative_ai/.test(x))).toEqual([]);
    // the zh note on the segments says the quarter and region in Chinese
    expect(all.notes.find((n) => n.zh.includes('AI生产'))?.zh).toMatch(/^2024年一季度中国（/);
  });

  it('2024 Q1 China: 3.44亿元 and 1.14亿元 a deal, 63% / 37% of the money, in CNY and USD at 7.1886 (mean of the quarter\'s months)', async () => {
    const a = await analyzeFunding(store, { region: 'China', env });
    expect(est(a, 'average_deal.ai_production.2024-Q1.cny').p50).toBeCloseTo(1.2389e10 / 36, 0);
    expect(Math.round(est(a, 'average_deal.ai_production.2024-Q1.cny').p50 / 1e6)).toBe(344);
    expect(Math.round(est(a, 'average_deal.ai_industry_applications.2024-Q1.cny').p50 / 1e6)).toBe(114);
    expect(est(a, 'share.ai_production.2024-Q1').p50).toBeCloseTo(12389 / (12389 + 7401), 9);
    expect(Math.round(est(a, 'share.ai_production.2024-Q1').p50 * 100)).toBe(63);
    expect(Math.round(est(a, 'share.ai_industry_applications.2024-Q1').p50 * 100)).toBe(37);
    expect(est(a, 'total.china.2024-Q1').p50).toBe(1.979e10);
    expect(est(a, 'deals.china.2024-Q1').p50).toBe(101);
    // USD at the 2024-Q1 rate: the mean of the three monthly averages of data/fx-monthly-per-usd.csv
    const q1 = (7.1707 + 7.1935 + 7.2015) / 3;
    const usd = est(a, 'average_deal.ai_production.2024-Q1');
    expect(usd.unit).toBe('USD');
    expect(usd.p50).toBeCloseTo(1.2389e10 / 36 / q1, 0); // $47.9M
    expect(est(a, 'average_deal.ai_industry_applications.2024-Q1').p50).toBeCloseTo(7.401e9 / 65 / q1, 0); // $15.8M
    expect(a.details.conversions.some((c) => c === 'CNY->USD at 7.1886 CNY per USD (2024-Q1: mean of the 3 monthly averages of 2024-01 to 2024-03; U.S. Federal Reserve H.10 via FRED)')).toBe(true);
    const row = a.details.rows.find((r) => r.funding?.factId === 'F6')!;
    expect(row.funding!.shown!.value).toBeCloseTo(1.2389e10 / q1, 0);
  });

  it('in CNY, CNY figures stay as written and USD ones convert at their period rate', async () => {
    const a = await analyzeFunding(store, { region: 'China', currency: 'CNY', env });
    expect(a.details.rows.find((r) => r.funding?.factId === 'F6')!.funding!.shown).toEqual({ value: 1.2389e10, unit: 'CNY', per: null });
    expect(a.details.rows.find((r) => r.funding?.factId === 'F2')!.funding!.shown!.value).toBeCloseTo(2e9 * ([6.7904, 6.838, 6.8909, 6.8876, 6.9854, 7.1614, 7.1863, 7.2486, 7.2979, 7.3071, 7.2226, 7.1402].reduce((x, y) => x + y) / 12), 0);
    expect(est(a, 'average_deal.ai_production.2024-Q1').unit).toBe('CNY');
  });

  it('sets OWID beside the article, in nominal dollars, explaining the gap: $20.4B vs $28.6B; $2B vs $9.47B', async () => {
    const a = await analyzeFunding(store, { env });
    const genai = a.details.comparisons.find((c) => c.a === 'F3' || c.b === 'F3')!;
    expect(Math.max(genai.aNominalUsd, genai.bNominalUsd)).toBeCloseTo((25433174564 * CPI_2023) / CPI_2021, -3);
    expect(genai.explanation.en).toMatch(/definition/);
    expect(genai.explanation.en).toMatch(/currency year/);
    expect(genai.explanation.en).toMatch(/coverage/);
    expect(genai.explanation.en).toMatch(/Neither is picked/);
    const china = a.details.comparisons.find((c) => c.a === 'F2' || c.b === 'F2')!;
    expect(Math.max(china.aNominalUsd, china.bNominalUsd) / 1e9).toBeCloseTo(9.47, 2);
    expect(china.explanation.zh).toContain('不作取舍');
  });

  it('sets the IT Juzi 2024 full year (1052.51亿元, 696 deals) against 2024 Q1', async () => {
    const a = await analyzeFunding(store, { region: 'China', env });
    const n = a.notes.find((x) => x.en.includes('1052.51亿元'))!;
    expect(n.en).toMatch(/696起/);
    expect(n.en).toMatch(/19% of the year's money and 15% of its deals/);
  });

  it('constant dollars on request: OWID stays in 2021 dollars, CB Insights 2023 deflated', async () => {
    const a = await analyzeFunding(store, { segment: 'generative_ai', constantYear: 2021, env });
    expect(a.details.rows.find((r) => r.funding?.factId === 'owid-genai-world-2023')!.funding!.shown!.value).toBeCloseTo(25433174564, 0);
    expect(a.details.rows.find((r) => r.funding?.factId === 'F3')!.funding!.shown!.value).toBeCloseTo((2.04e10 * CPI_2021) / CPI_2023, 0);
    await expect(analyzeFunding(store, { currency: 'CNY', constantYear: 2021 })).rejects.toThrow(/need the currency USD: /);
    await expect(analyzeFunding(store, { currency: 'CNY', constantYear: 2021, hint: 'cli' })).rejects.toThrow(/need --currency USD: /);
    await expect(analyzeFunding(store, { currency: 'CNY', constantYear: 2021, hint: 'api' })).rejects.toThrow(/need currency=USD: /);
    await expect(analyzeFunding(store, { constantYear: 2010 })).rejects.toThrow(/no CPI for 2010/);
  });

  it('reads region and segment names in English and Chinese, and rejects unknown ones', () => {
    expect(toRegion('中国')).toBe('China');
    expect(toRegion('us')).toBe('United States');
    expect(toSegment('AI生产')).toBe('ai_production');
    expect(() => toRegion('Mars')).toThrow(/unknown region "Mars": expected one of World/);
  });

  it('counts a figure one source recorded twice (two wordings, two currencies) once', async () => {
    const s = await openStore({ path: ':memory:' });
    try {
      const f6 = await s.getFact('F6');
      const again = await s.addFact({ entity: f6.entity, metric: 'funding', value: '123.89亿人民币', period: f6.period!.text, definition: f6.definition, source: { publisher: f6.source.publisher, title: 'the same figure, reprinted' }, sameAs: f6.id });
      const a = await analyzeFunding(s, { region: 'China', env });
      const rows = a.details.rows.filter((r) => r.funding && r.period === f6.period!.text && r.segment === 'ai_production');
      expect(rows.map((r) => r.funding!.factId)).toHaveLength(1);
      const kept = rows[0]!.funding!.factId;
      expect([f6.id, again.id]).toContain(kept);
      expect(a.notes.some((n) => n.en.includes('counted once') && n.en.includes(f6.id) && n.en.includes(again.id))).toBe(true);
      // the segment shares still sum to one
      const shares = a.estimates.filter((e) => e.id.startsWith('share.') && e.id.endsWith(f6.period!.text));
      expect(shares.reduce((x, e) => x + e.p50, 0)).toBeCloseTo(1, 1);
    } finally {
      await s.close();
    }
  });
});
