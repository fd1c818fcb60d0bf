import type { Metric } from '../ledger/index.js';

/** What kind of figure a metric takes: money, a count, or a ratio (multiple or percentage). */
export type MetricShape = 'money' | 'count' | 'ratio';

/**
 * The one table of words that name a metric, in Chinese and English
 * (documented in docs/extract.md; keep the two in step). A figure takes the
 * metric of the nearest word whose shape fits it (money, count, ratio),
 * within its clause first, then its sentence. Where words overlap the longest
 * wins: 订阅收入 is subscription revenue, not 订阅 (subscribers) or 收入
 * (revenue). English words match whole words, case aside.
 */
export const METRIC_KEYWORDS: ReadonlyArray<readonly [Metric, MetricShape, readonly string[]]> = [
  ['funding', 'money', [
    '融资', '募资', '募集', '筹集', '筹资', '融资总额', '融资金额', '投资', '注资', '领投', '跟投', '轮融资',
    'raised', 'raise', 'raises', 'raising', 'funding', 'financing', 'round', 'invested', 'investment', 'investments', 'backing', 'funded',
    'investors', 'investor', 'venture', 'vc', 'vcs', 'deal value', 'series a', 'series b', 'series c', 'series d', 'series e', 'series f',
    'series g', 'series h', 'series i', 'series j', 'seed round',
  ]],
  ['valuation', 'money', ['估值', '市值', '身价', 'valued', 'values', 'valuation', 'valuing', 'worth', 'market cap', 'market capitalization', 'market value']],
  ['revenue', 'money', ['营收', '收入', '营业收入', '营业额', '进项', '销售额', '收益', 'revenue', 'revenues', 'sales', 'turnover', 'earned', 'earns', 'earning']],
  ['subscription_revenue', 'money', ['订阅收入', '订阅营收', '内购收入', 'subscription revenue', 'in-app revenue', 'in-app purchase revenue', 'app revenue']],
  ['consumer_spending', 'money', ['消费者支出', '用户支出', 'consumer spending', 'consumer spend', 'spent by users']],
  ['revenue_run_rate', 'money', ['年化', '年化收入', '年化营收', '年度经常性收入', 'arr', 'run rate', 'run-rate', 'annualized', 'annualised', 'annual recurring revenue', 'annualized revenue', 'annualised revenue']],
  ['net_loss', 'money', ['亏损', '净亏损', '亏', 'loss', 'losses', 'lost', 'lose', 'loses', 'losing', 'net loss']],
  ['spend', 'money', ['支出', '开支', '花费', '花销', '累计花费', '成本', '费用', '投入', '研发开支', '研发投入', 'spending', 'spend', 'spent', 'spends', 'costs', 'expenses', 'capex', 'capital expenditure']],
  ['revenue_spending_gap', 'money', ['差距', '缺口', 'gap', 'shortfall']],
  ['price', 'money', ['价格', '订阅价格', '定价', '售价', '月费', '年费', '收费', 'price', 'priced', 'pricing', 'costs per month', 'subscription price', 'plan costs', 'charges', 'charge', 'charging', 'plan']],
  ['cash', 'money', ['现金', '账上', '现金储备', 'cash', 'in the bank', 'cash reserves']],
  ['burn', 'money', ['烧钱', '烧掉', '消耗', '现金消耗', '现金消耗率', '净流出', '现金净流出', '现金流出', '流出', 'outflow', 'cash outflow', 'burn rate', 'burn', 'burned', 'burning', 'burnt', 'cash burn']],
  ['training_cost', 'money', ['训练成本', '训练费用', '训练花费', 'training cost', 'training costs', 'to train', 'cost to train']],
  ['deals', 'count', ['投融资数量', '投资事件', '融资事件', '投资事件数量', '融资数量', '交易', '笔', '起', '轮', 'deals', 'deal', 'transactions', 'funding rounds', 'rounds']],
  ['downloads', 'count', ['下载', '下载量', '下载次数', '安装', '安装量', 'downloads', 'downloaded', 'installs', 'download', 'installed']],
  ['subscribers', 'count', ['订阅用户', '付费用户', '订阅者', '订户', '订阅用户数', '付费订阅', 'subscribers', 'subscriber', 'paying users', 'paid users', 'paying subscribers', 'paid subscribers', 'subscriptions', 'paying customers']],
  ['headcount', 'count', ['员工', '雇员', '员工数', '员工总数', '员工人数', '人员', '名员工', '团队规模', '团队人数', 'employees', 'employee', 'staff', 'staff of', 'team of', 'headcount', 'employs', 'workforce', 'people']],
  ['users', 'count', ['用户', '月活', '日活', '活跃用户', '月活跃用户', '日活跃用户', 'users', 'user', 'mau', 'dau', 'active users', 'monthly active users', 'weekly active users', 'daily active users']],
  ['growth', 'ratio', ['倍', '增长', '增幅', '同比', '环比', 'growth', 'grew', 'grow', 'increase', 'increased', 'rose', 'jumped', 'up', 'times', 'tripled', 'doubled']],
];

/** One metric word found in a text: where, which word, what it names. */
export interface MetricMention {
  readonly metric: Metric;
  readonly shape: MetricShape;
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const ENTRIES = METRIC_KEYWORDS.flatMap(([metric, shape, words]) => words.map((word) => ({ metric, shape, word, lower: word.toLowerCase() })));
const isLatin = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/i.test(c);

/** Measure words of deal counts: they name the metric only as a number's own (36起, 七起, 三轮融资). */
const DEAL_MEASURES = new Set(['笔', '起', '轮']);
const CHINESE_NUMERAL = /[零〇一二两三四五六七八九十百千]/;

/**
 * Right after a number: a digit, or a Chinese numeral other than a lone 一
 * (一起 "together", 一笔 "a sum", 新一轮 "a new round").
 */
function afterNumber(text: string, at: number): boolean {
  const prev = text[at - 1] ?? '';
  if (/[0-9０-９]/.test(prev)) return true;
  if (!CHINESE_NUMERAL.test(prev)) return false;
  return prev !== '一' || CHINESE_NUMERAL.test(text[at - 2] ?? '');
}

/**
 * Every metric word of {@link METRIC_KEYWORDS} in `text`, longest first where
 * they overlap, in order of position. The measure words 笔, 起 and 轮 count
 * only right after a number (36起, 七起, 三轮), where they are the figure's own.
 */
export function findMetricWords(text: string): MetricMention[] {
  const lower = text.toLowerCase();
  const found: MetricMention[] = [];
  for (const e of ENTRIES) {
    for (let at = lower.indexOf(e.lower); at >= 0; at = lower.indexOf(e.lower, at + 1)) {
      const end = at + e.lower.length;
      if (/^[a-z]/.test(e.lower) && (isLatin(lower[at - 1]) || isLatin(lower[end]))) continue;
      if (DEAL_MEASURES.has(e.word) && !afterNumber(text, at)) continue;
      found.push({ metric: e.metric, shape: e.shape, word: text.slice(at, end), start: at, end });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: MetricMention[] = [];
  for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** The shape of figure a metric takes. */
export function metricShape(metric: Metric): MetricShape | undefined {
  return METRIC_KEYWORDS.find(([m]) => m === metric)?.[1];
}
