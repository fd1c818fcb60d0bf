import type { Text } from '../analysis.js';

/**
 * The fully loaded cost of one employee a year, the same for every company:
 * used only when the ledger gives a company's headcount and nothing better
 * for its costs (no net loss, spending or burn), as costs = headcount x this
 * / 12 a month.
 *
 * Value: lognormal with 5th percentile $150K and 95th $450K a year (median
 * about $260K). Why: Levels.fyi's median pay of AI engineers, about $280,000
 * (as the Wall Street Journal reported it in March 2024), times the usual
 * fully loaded multiplier of 1.25 to 1.4 (payroll taxes, benefits, equipment,
 * office) gives $350K to $390K for an engineer at a US company; staff outside
 * engineering and outside the US (the Chinese companies) cost less, so the
 * interval reaches down to $150K.
 *
 * Staff costs only: compute (training and serving), often most of an AI
 * company's costs, is not in it, so costs derived this way are a floor, and
 * the analyses say so.
 */
export const COST_PER_HEAD = {
  value: '150K to 450K',
  /** The value as a Chinese reader writes it. */
  valueZh: '15万至45万美元',
  per: 'year' as const,
  rationale: {
    en: "fully loaded cost of one employee a year: Levels.fyi's median pay of AI engineers, about $280K (WSJ, March 2024), times the usual fully loaded multiplier of 1.25 to 1.4; lower for staff outside engineering and outside the US. Staff costs only: compute is not in it, so costs from headcount are a floor",
    zh: '每名员工每年的全口径成本：Levels.fyi 统计的 AI 工程师薪酬中位数约 28 万美元（《华尔街日报》2024 年 3 月报道），乘以通常 1.25 至 1.4 倍的全口径系数（雇主税费、福利、设备与办公）；非工程岗位与美国以外员工更低。仅含人员成本，不含算力，因此按人数推算的支出只是下限',
  } satisfies Text,
  source: {
    en: 'Levels.fyi via The Wall Street Journal (2024-03); fully loaded multiplier 1.25-1.4x, a common planning rule (e.g. Glencoyne, "Fully Loaded Cost of a US Employee")',
    zh: 'Levels.fyi，经《华尔街日报》报道（2024 年 3 月）；全口径系数 1.25—1.4 倍为常用规划经验（如 Glencoyne《美国员工全口径成本》）',
  } satisfies Text,
};
