import { describe, expect, it } from 'vitest';
import { formulaZh } from './formula-zh.js';

/** Formulas and derivations the analyses give for the bundled ledger (health, survival inputs, unit economics, subscribers). */
const GIVEN = [
  'F13 (F13: CNY->USD at 7.2327 CNY per USD (as of 2024-05))',
  'co-zhipu-ai-funding-2024-05-round - net burn x 7 months (2024-05 to 2024-12)',
  'co-zhipu-ai-revenue-2024 + co-zhipu-ai-net-loss-2024 (revenue + net loss) (co-zhipu-ai-revenue-2024: CNY->USD at 7.1958 CNY per USD (2024); over 12 months (2024) -> per month; co-zhipu-ai-net-loss-2024: CNY->USD at 7.1958 CNY per USD (2024); over 12 months (2024) -> per month)',
  '(co-zhipu-ai-revenue-2024 / co-zhipu-ai-revenue-2023)^(1 / 12.02 months) - 1, a month',
  'gross burn - revenue',
  'revenue a month x 12',
  'cash / net burn a month',
  'valuation / revenue run rate',
  'revenue run rate / funding raised',
  'net burn a month / net new ARR a month, net new ARR = 12 x revenue a month x monthly growth',
  '100 x (annual growth + profit margin), annual growth = (1 + g)^12 - 1, margin = (revenue - costs) / revenue',
  'T = ln(E / R0) / ln(1 + g); 0 when R0 >= E; infinite when g <= 0',
  'share of draws with C <= cash',
  'co-openai-revenue-run-rate-as-of-2024-06 (co-openai-revenue-run-rate-as-of-2024-06: per year -> per month)',
  'mobile store revenue a month x 12',
  'co-baichuan-ai-headcount-as-of-2023-10 x cost per head (150K to 450K a year) / 12 (staff costs only)',
  'co-baichuan-ai-headcount-as-of-2023-10 x cost per head (150K to 450K USD a year) / 12 (staff costs only)',
  'co-sakana-ai-headcount-2024 x cost per head (150K to 450K USD a year; USD->JPY at 160.77 JPY per USD (2026-06)) / 12 (staff costs only)',
  'F15 (almost none to date, so about 0 a month)',
  'revenue to date / funding raised',
  'co-stability-ai-cash-as-of-2023-10 - net burn x 7 months (as of 2023-10 to 2024-05)',
  'co-stability-ai-spend-2023-cloud-compute + co-stability-ai-spend-2023-wages-and-opex (spending in parts: cloud_compute + wages_and_opex) (co-stability-ai-spend-2023-cloud-compute: per year -> per month; co-stability-ai-spend-2023-wages-and-opex: over 12 months (2023) -> per month)',
  'price x (1 - store share) - inference cost',
  'training cost (GPT-4, amortised hardware capex + energy (Epoch main method)) / 12 / margin per paying user (no number of subscribers when the margin <= 0)',
  'training cost (GPT-4, cloud rental) / (subscribers x margin per paying user) (never when the divisor <= 0)',
  // the options of the unit-economics analysis: other fixed costs, inference from queries, a training cost by a scope of the ledger's table
  '(other fixed costs a month + training cost (GPT-4, hardware acquisition) / 12) / margin per paying user (no number of subscribers when the margin <= 0)',
  'training cost (GPT-4, amortised hardware capex + energy (Epoch main method)) / (subscribers x margin per paying user - other fixed costs a month) (never when the divisor <= 0)',
  'queries per user x cost per query',
  'training cost (GPT-4, round) / 12',
  '(F18 + F20) / F21, each store x vendor error',
  'normal(0.05, 0.02)',
  '0.2M to 3M',
  'net burn + revenue',
  '1 - S(12); interval: Monte Carlo error over 1000 paths',
  'first month t with S(t) <= 0.5',
];

/** Words of three or more Latin letters that are not part of a fact id and not a name (GPT-4, Epoch AI). */
function englishLeft(s: string): string[] {
  const noIds = s.replace(/\b(?:co|ref)-[a-z0-9-]+|\bF\d+\b|GPT-4|Epoch AI/g, '');
  return noIds.match(/[A-Za-z]{3,}/g) ?? [];
}

describe('formulaZh', () => {
  it('leaves no English word in the formulas the bundled ledger gives', () => {
    const left = GIVEN.map((f) => [f, englishLeft(formulaZh(f))] as const).filter(([, w]) => w.length > 0);
    expect(left).toEqual([]);
  });

  it('says the phrases in Chinese and keeps fact ids, numbers and periods as they are', () => {
    expect(formulaZh('cash / net burn a month')).toBe('现金 / 月净烧钱');
    expect(formulaZh('co-zhipu-ai-funding-2024-05-round - net burn x 7 months (2024-05 to 2024-12)'))
      .toBe('co-zhipu-ai-funding-2024-05-round - 净烧钱 × 7 个月（2024-05 至 2024-12）');
    expect(formulaZh('F13 (F13: CNY->USD at 7.2327 CNY per USD (as of 2024-05))')).toBe('F13（F13：人民币折美元，7.2327 人民币兑 1 美元（截至 2024-05））');
    expect(formulaZh('S(t) = 1 - P(out of cash by month t)')).toBe('S(t) = 1 - P（第 t 个月前现金耗尽）');
    // numbers with the model language's English magnitudes are written the Chinese way (core's zh format)
    expect(formulaZh('0.2M to 3M')).toBe('20万 至 300万');
    expect(formulaZh('OpenAI：现金 5B to 15B')).toBe('OpenAI：现金 50亿 至 150亿');
    expect(formulaZh('co-baichuan-ai-headcount-as-of-2023-10 x cost per head (150K to 450K a year) / 12 (staff costs only)'))
      .toBe('co-baichuan-ai-headcount-as-of-2023-10 × 人均成本（每年 15万 至 45万）/ 12（仅人员成本）');
    // the health analysis in yen (trial, Sakana AI): the cost per head in US dollars and the rate it is shown at, all in Chinese
    expect(formulaZh('fact-d1cc0f4711bb x cost per head (150K to 450K USD a year; USD->JPY at 160.77 JPY per USD (2026-06)) / 12 (staff costs only)'))
      .toBe('fact-d1cc0f4711bb × 人均成本（每年 15万 至 45万 美元；美元折日元，160.77 日元兑 1 美元（2026-06））/ 12（仅人员成本）');
    expect(formulaZh('F1 (F1: USD->EUR at 0.8684 EUR per USD (2026-06))')).toBe('F1（F1：美元折欧元，0.8684 欧元兑 1 美元（2026-06））');
    // the colon inside a derivation before Chinese text is full-width; a number's letters inside an id stay
    expect(formulaZh('co-openai-revenue-run-rate-as-of-2024-06 (co-openai-revenue-run-rate-as-of-2024-06: per year -> per month)'))
      .toBe('co-openai-revenue-run-rate-as-of-2024-06（co-openai-revenue-run-rate-as-of-2024-06：每年 → 每月）');
    expect(formulaZh('GPT-4 x 2')).toBe('GPT-4 × 2');
    // a scope in a formula is said by core's table of scope names (the ledger's), never as its id
    expect(formulaZh('training cost (GPT-4, round) / 12')).toBe('训练成本（GPT-4, 单轮） / 12');
    expect(formulaZh('training cost (GPT-4, cloud rental) / 12')).toBe('训练成本（GPT-4, 云端租用） / 12');
    expect(formulaZh('a (spending in parts: cloud_compute + wages_and_opex + data_licences)')).toBe('a （分项支出：云计算 + 工资及运营开支 + data licences）');
    // a term inside a fact id is the id's, not a word
    expect(formulaZh('co-openai-revenue-2024 + co-openai-net-loss-2024 (revenue + net loss)')).toBe('co-openai-revenue-2024 + co-openai-net-loss-2024（营收 + 净亏损）');
  });
});
