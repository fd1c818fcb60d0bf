/**
 * Formulas and derivations as the API writes them are English only
 * ('cash / net burn a month', 'F13 (F13: CNY->USD at 7.2327 CNY per USD (as
 * of 2024-05))'): the analyses build them from a small vocabulary of phrases
 * around fact ids and arithmetic. These tables say each phrase in Chinese;
 * fact ids, numbers, dates and operators are left as they are. The English
 * page shows the formula unchanged. One table for the Chinese report (its
 * footnotes) and the dashboard's zh pages (web/src/formula-text.ts imports
 * this file: it imports only core's number format, so the browser bundle
 * takes little more than it).
 */
import { CURRENCY_TABLE, formatCompact, isCurrency, scopeName, scopeNameZhOfEn } from '../core/index.js';

/** Currency codes in words, for the conversions inside a formula. */
const cur = (code: string): string => (isCurrency(code) ? CURRENCY_TABLE[code].nameZh : code);

/** The phrases with parts (numbers, periods, currencies), in the order they are read. */
const PATTERNS_ZH: readonly [RegExp, string | ((...m: string[]) => string)][] = [
  [/([A-Z]{3})->([A-Z]{3}) at ([\d.]+) \1 per \2/g, (_, from, to, rate) => `${cur(from!)}折${cur(to!)}，${rate} ${cur(from!)}兑 1 ${cur(to!)}`],
  // a rate written per US dollar the other way round ('USD->JPY at 160.77 JPY per USD'): 160.77 日元兑 1 美元
  [/([A-Z]{3})->([A-Z]{3}) at ([\d.]+) \2 per \1/g, (_, from, to, rate) => `${cur(from!)}折${cur(to!)}，${rate} ${cur(to!)}兑 1 ${cur(from!)}`],
  [/x ([\d.]+) ([A-Z]{3}) per ([A-Z]{3}) \(([^)]+)\)/g, (_, rate, to, from, when) => `× ${rate} ${cur(to!)}兑 1 ${cur(from!)}（${when}）`],
  [/over (\d+) months \(([^)]+)\) -> per month/g, '$2 共 $1 个月 → 每月'],
  [/per year -> per month/g, '每年 → 每月'],
  [/net burn x (\d+) months \((.+?) to (.+?)\)/g, '净烧钱 × $1 个月（$2 至 $3）'],
  [/net burn x (\d+) months \(from (.+?)\)/g, '净烧钱 × $1 个月（自 $2 起）'],
  [/\^\(1 \/ ([\d.]+) months\) - 1, a month/g, '^(1 / $1 个月) - 1，按月'],
  // the cost per head in US dollars, perhaps with the rate it is shown at in another currency, then staff costs only or a staff share
  [/x cost per head \((.+?) to (.+?) (USD )?a year(?:; (.+?))?\) \/ 12/g, (_, lo, hi, usd, rate) => `× 人均成本（每年 ${lo!} 至 ${hi!}${usd ? ' 美元' : ''}${rate ? `；${rate}` : ''}）/ 12`],
  [/ \(staff costs only\)/g, '（仅人员成本）'],
  // the parts are scopes as recorded ('cloud_compute + wages_and_opex'): each by its name in core's table
  [/\(spending in parts: (.+?)\)/g, (_, parts) => `（分项支出：${parts!.split(' + ').map((x) => scopeName(x, 'zh')).join(' + ')}）`],
  [/\(almost none to date, so about 0 a month\)/g, '（至今几乎为零，即每月约 0）'],
  [/\(no number of subscribers when the margin <= 0\)/g, '（毛利 <= 0 时无解）'],
  [/\(never when the divisor <= 0\)/g, '（除数 <= 0 时永远不会）'],
  [/; 0 when R0 >= E; infinite when g <= 0/g, '；R0 >= E 时为 0；g <= 0 时为无穷大'],
  [/share of draws with C <= cash/g, 'C <= 现金的抽样占比'],
  [/; interval: Monte Carlo error over (\d+) paths/g, '；区间：$1 条路径的蒙特卡洛误差'],
  [/first month t with S\(t\) <= 0\.5/g, 'S(t) <= 0.5 的第一个月 t'],
  [/, each store x vendor error/g, '，各商店 × 数据商误差'],
  // the backtest's forecast inputs (src/economics/survival/forecast-inputs.ts, as `backtest --inputs` shows them)
  [/net burn x ([\d.]+) months \(from (.+?)\)/g, '净烧钱 × $1 个月（自 $2 起）'],
  [/, moved (-?[\d.]+) months to (\S+) at the (revenue|cost) growth/g, (_, m, to, what) => `，按${what === 'revenue' ? '营收' : '支出'}增速推移 ${m!} 个月至 ${to!}`],
  // costs from the latest round sized on the grown path (health-inputs costsFromLastRound with the cost growth)
  [/\(([\d.]+) months since the round \+ the rest of (\d+) months x round-interval factor \(at least ([\d.]+): the round lasted the [\d.]+ months to the as-of date\) at the cost growth\)/g, '（距该轮 $1 个月 + $2 个月 × 融资间隔系数（至少 $3：该轮资金撑过了距评估日的 $1 个月）中余下的月份，按支出增速）'],
  [/\(([\d.]+) months since the round \+ the rest of (\d+) months x round-interval factor at the cost growth\)/g, '（距该轮 $1 个月 + $2 个月 × 融资间隔系数中余下的月份，按支出增速）'],
  [/\(no cost figure: the latest round taken to fund (\d+) months x the factor, its costs growing from the as-of date as the simulation grows them\)/g, '（没有支出数据：最近一轮融资按支撑 $1 个月 × 系数计，评估日起支出按模拟的方式增长）'],
  [/ \/ staff share \((.+?) to (.+?): compute added\)/g, ' / 人员成本占比（$1 至 $2：计入算力）'],
  [/\((\d+) months x round-interval factor, at least ([\d.]+): the round lasted the ([\d.]+) months to the as-of date\)/g, '（$1 个月 × 融资间隔系数，至少 $2：该轮资金撑过了距评估日的 $3 个月）'],
  [/\((\d+) months x round-interval factor\)/g, '（$1 个月 × 融资间隔系数）'],
  [/\(no cost figure: the latest round taken to fund (\d+) months x the factor\)/g, '（没有支出数据：最近一轮融资按支撑 $1 个月 × 系数计）'],
  [/x cost per head \((.+?) to (.+?) a year\) \/ 12 \/ staff share \((.+?) to (.+?): compute added\)/g, '× 人均成本（每年 $1 至 $2）/ 12 / 人员成本占比（$3 至 $4：计入算力）'],
  [/^no revenue figure: 0 a month$/g, '没有营收数据：每月 0'],
  [/^default: ([\d.]+)x to ([\d.]+)x a year \(5th to 95th percentile\), as a monthly rate$/g, '默认：每年 $1 至 $2 倍（第 5 至第 95 百分位），折算为月增速'],
  [/^default: \(1 - staff share\) x frontier compute growth a month; staff flat$/g, '默认：（1 - 人员成本占比）× 前沿算力成本月增速；人员成本持平'],
  [/\bas of (\d{4}(?:-\d{2}){0,2})/g, '截至 $1'],
  [/\bnormal\(/g, '正态('],
  [/P\(out of cash by month t\)/g, 'P（第 t 个月前现金耗尽）'],
  // a training cost by a recorded scope that is none of Epoch's methods: the scope's name from core's table ('round' 单轮)
  [/training cost \(([^,()]+), ([^()]+)\)/g, (m, who, method) => (TERMS_ZH[method!] === undefined && scopeNameZhOfEn(method!) ? `training cost (${who!}, ${scopeNameZhOfEn(method!)!})` : m!)],
];

/** The magnitudes the model language writes after a number ('0.2M', '150K', '5B'). */
const MAGNITUDE: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** What is left between the phrases: ranges and products. */
const LAST_ZH: readonly [RegExp, string][] = [
  [/ to /g, ' 至 '],
  [/ x /g, ' × '],
];

/** Single words and phrases, longest first so 'net burn a month' is read before 'net burn'. */
const TERMS_ZH: Record<string, string> = {
  'training cost': '训练成本',
  'amortised hardware capex + energy': '硬件资本支出摊销 + 能耗',
  'Epoch main method': 'Epoch AI 主方法',
  'cloud rental': '云端租用',
  'hardware acquisition': '硬件购置',
  'margin per paying user': '每付费用户毛利',
  'other fixed costs a month': '其他每月固定成本',
  'queries per user': '每用户查询次数',
  'cost per query': '每次查询成本',
  'store share': '商店分成',
  'inference cost': '推理成本',
  'mobile store revenue a month': '移动应用商店月收入',
  'net burn a month': '月净烧钱',
  'net new ARR a month': '月新增年化经常性收入',
  'net new ARR': '新增年化经常性收入',
  'revenue a month': '月营收',
  'monthly growth': '月增速',
  'annual growth': '年增速',
  'profit margin': '利润率',
  'revenue run rate': '年化营收',
  'funding raised': '融资总额',
  'revenue to date': '累计营收',
  'revenue + net loss': '营收 + 净亏损',
  'gross burn': '总支出',
  'net burn': '净烧钱',
  'net loss': '净亏损',
  subscribers: '订阅用户',
  revenue: '营收',
  costs: '支出',
  cash: '现金',
  valuation: '估值',
  price: '价格',
  margin: '利润率',
  months: '个月',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A term as a whole word, never inside a fact id ('co-zhipu-ai-revenue-2024' keeps its 'revenue'). */
const TERM_RE = new RegExp(`(?<![\\w-])(${Object.keys(TERMS_ZH).sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w-])`, 'g');

/** A formula or derivation in Chinese: the phrases of the tables above, the rest unchanged. */
export function formulaZh(formula: string): string {
  let s = formula;
  for (const [re, to] of PATTERNS_ZH) s = s.replace(re, to as string);
  s = s.replace(TERM_RE, (t) => TERMS_ZH[t]!);
  // a number with an English magnitude, as a Chinese reader writes it: 0.2M 20万, 5B 50亿 (core's zh format)
  s = s.replace(/(?<![\w.-])(\d+(?:\.\d+)?)([KMBT])(?![\w-])/g, (_, n: string, m: string) => formatCompact(Number(n) * MAGNITUDE[m]!, 'zh'));
  for (const [re, to] of LAST_ZH) s = s.replace(re, to);
  // a date in brackets right after Chinese text is in full-width ones too: '160.77 日元兑 1 美元（2026-06）'
  s = s.replace(/(?<=[\u4e00-\u9fff]) ?\((\d{4}(?:-\d{2}){0,2})\)/g, '（$1）');
  // brackets around Chinese text are the full-width ones, innermost first
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(/ ?\(([^()]*[\u4e00-\u9fff][^()]*)\)/g, '（$1）');
  }
  // a colon before Chinese text is the full-width one: '（F13：人民币折美元……）'
  return s.replace(/: (?=[\u4e00-\u9fff])/g, '：');
}
