import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../ledger/index.js';
import type { Store } from '../../ledger/index.js';
import type { Estimate } from '../analysis.js';
import { analyzeFunding } from './analyze-funding.js';
import { toRegion, toSegment } from './funding-markets.js';

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

  it('2024 Q1 China: 3.44亿元 and 1.14亿元 a deal, 63% / 37% of the money, in CNY and USD at 7.10', async () => {
    const a = await analyzeFunding(store, { region: 'China', env });
    expect(est(a, 'average_deal.ai_production.2024-Q1.cny').p50).toBeCloseTo(1.2389e10 / 36, 0);
    expect(Math.round(est(a, 'average_deal.ai_production.2024-Q1.cny').p50 / 1e6)).toBe(344);
    expect(Math.round(est(a, 'average_deal.ai_industry_applications.2024-Q1.cny').p50 / 1e6)).toBe(114);
    expect(est(a, 'share.ai_production.2024-Q1').p50).toBeCloseTo(12389 / (12389 + 7401), 9);
    expect(Math.round(est(a, 'share.ai_production.2024-Q1').p50 * 100)).toBe(63);
    expect(Math.round(est(a, 'share.ai_industry_applications.2024-Q1').p50 * 100)).toBe(37);
    expect(est(a, 'total.china.2024-Q1').p50).toBe(1.979e10);
    expect(est(a, 'deals.china.2024-Q1').p50).toBe(101);
    // USD at the 2024-Q1 rate of the FX table (7.10, CFETS daily quotes)
    const usd = est(a, 'average_deal.ai_production.2024-Q1');
    expect(usd.unit).toBe('USD');
    expect(usd.p50).toBeCloseTo(1.2389e10 / 36 / 7.1, 0); // $48.5M
    expect(est(a, 'average_deal.ai_industry_applications.2024-Q1').p50).toBeCloseTo(7.401e9 / 65 / 7.1, 0); // $16.0M
    expect(a.details.conversions.some((c) => c.startsWith('CNY->USD at 7.1 CNY per USD (2024-Q1') && c.includes('China Foreign Exchange Trade System'))).toBe(true);
    const row = a.details.rows.find((r) => r.funding?.factId === 'F6')!;
    expect(row.funding!.shown!.value).toBeCloseTo(1.2389e10 / 7.1, 0);
  });

  it('in CNY, CNY figures stay as written and USD ones convert at their period rate', async () => {
    const a = await analyzeFunding(store, { region: 'China', currency: 'CNY', env });
    expect(a.details.rows.find((r) => r.funding?.factId === 'F6')!.funding!.shown).toEqual({ value: 1.2389e10, unit: 'CNY', per: null });
    expect(a.details.rows.find((r) => r.funding?.factId === 'F2')!.funding!.shown!.value).toBeCloseTo(2e9 * 7.0467, 0);
    expect(est(a, 'average_deal.ai_production.2024-Q1').unit).toBe('CNY');
  });

  it('sets OWID beside the article, in nominal dollars, explaining the gap: $20.4B vs $28.6B; $2B vs $9.47B', async () => {
    const a = await analyzeFunding(store, { env });
    const genai = a.details.comparisons.find((c) => c.a === 'F3' || c.b === 'F3')!;
    expect(Math.max(genai.aNominalUsd, genai.bNominalUsd)).toBeCloseTo((25433174564 * 304.702) / 270.97, -3);
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
    expect(a.details.rows.find((r) => r.funding?.factId === 'F3')!.funding!.shown!.value).toBeCloseTo((2.04e10 * 270.97) / 304.702, 0);
    await expect(analyzeFunding(store, { currency: 'CNY', constantYear: 2021 })).rejects.toThrow(/need --currency USD/);
    await expect(analyzeFunding(store, { constantYear: 2010 })).rejects.toThrow(/no CPI for 2010/);
  });

  it('reads region and segment names in English and Chinese, and rejects unknown ones', () => {
    expect(toRegion('中国')).toBe('China');
    expect(toRegion('us')).toBe('United States');
    expect(toSegment('AI生产')).toBe('ai_production');
    expect(() => toRegion('Mars')).toThrow(/unknown region "Mars": expected one of World/);
  });
});
