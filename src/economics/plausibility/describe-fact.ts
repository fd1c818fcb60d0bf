import { formatValue } from '../../core/index.js';
import type { Lang } from '../../core/index.js';
import type { Fact } from '../../ledger/index.js';

export { publisherName } from '../common/source-hand.js';
export { scopeName } from '../../ledger/index.js';

/**
 * Words for writing about facts in prose, in English and in Chinese: periods
 * as a reader writes them, metrics and store scopes by name, publishers by the
 * name a reader of that language knows. Ids stay out of prose: a fact is
 * named by its short id (F19) when it has one, else by its publisher.
 */

const QUARTER_ZH = ['一', '二', '三', '四'] as const;
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function dateText(d: string, lang: Lang, sameYear = false): string {
  const m = d.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m) return d;
  const [, y, mo, day] = m;
  if (lang === 'zh') return `${sameYear ? '' : `${y}年`}${mo ? `${Number(mo)}月` : ''}${day ? `${Number(day)}日` : ''}`;
  if (!mo) return y!;
  const month = MONTH_EN[Number(mo) - 1]!;
  return `${day ? `${Number(day)} ` : ''}${month}${sameYear ? '' : ` ${y}`}`;
}

/**
 * A period's canonical text as a reader of `lang` writes it.
 *
 * @example periodText('2024-Q1', 'zh') // '2024年一季度'
 * @example periodText('2024-04-21/2024-05-20', 'zh') // '2024年4月21日至5月20日'
 * @example periodText('as of 2024-05', 'en') // 'as of May 2024'
 */
export function periodText(text: string, lang: Lang): string {
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^(\d{4})$/))) return lang === 'zh' ? `${m[1]}年` : m[1]!;
  if ((m = text.match(/^(\d{4})-Q([1-4])$/))) return lang === 'zh' ? `${m[1]}年${QUARTER_ZH[Number(m[2]) - 1]}季度` : `Q${m[2]} ${m[1]}`;
  if ((m = text.match(/^as of (.+)$/))) return lang === 'zh' ? `截至${dateText(m[1]!, lang)}` : `as of ${dateText(m[1]!, lang)}`;
  if ((m = text.match(/^(\d{4}[-\d]*)\/(\d{4}[-\d]*)$/))) {
    const same = m[1]!.slice(0, 4) === m[2]!.slice(0, 4);
    return lang === 'zh' ? `${dateText(m[1]!, lang)}至${dateText(m[2]!, lang, same)}` : `${dateText(m[1]!, lang, same && m[1]!.length === m[2]!.length)} to ${dateText(m[2]!, lang)}`;
  }
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(text)) return dateText(text, lang);
  return text;
}

/** A length in months for prose: 0.99 -> 'about 1 month' / '约1个月', 10 -> '10 months' / '10个月'. */
export function monthsText(months: number, lang: Lang): string {
  const whole = Math.round(months);
  const near = whole >= 1 && Math.abs(months - whole) <= 0.05 * whole;
  const v = near ? whole : Number(months.toFixed(1));
  const about = near && months !== whole;
  if (lang === 'zh') return `${about ? '约' : ''}${v}个月`;
  return `${about ? 'about ' : ''}${v} month${v === 1 ? '' : 's'}`;
}

const METRIC_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  funding: { en: 'funding', zh: '融资额' },
  valuation: { en: 'valuation', zh: '估值' },
  revenue: { en: 'revenue', zh: '收入' },
  subscription_revenue: { en: 'subscription revenue', zh: '订阅收入' },
  downloads: { en: 'downloads', zh: '下载量' },
  price: { en: 'price', zh: '价格' },
  deals: { en: 'deals', zh: '投融资事件数' },
  spend: { en: 'spending', zh: '支出' },
  revenue_spending_gap: { en: 'gap between revenue and spending', zh: '收支缺口' },
  subscribers: { en: 'paying subscribers', zh: '付费订阅用户' },
  cash: { en: 'cash', zh: '现金' },
  burn: { en: 'burn', zh: '烧钱速度' },
  consumer_spending: { en: 'consumer spending', zh: '用户消费额' },
  training_cost: { en: 'training cost', zh: '训练成本' },
  growth: { en: 'growth', zh: '增长倍数' },
  headcount: { en: 'headcount', zh: '员工数' },
  revenue_run_rate: { en: 'revenue run rate', zh: '年化收入' },
  net_loss: { en: 'net loss', zh: '净亏损' },
  users: { en: 'users', zh: '用户数' },
};

/** A metric by name: 'subscription_revenue' -> 'subscription revenue' / '订阅收入'. */
export function metricName(metric: string, lang: Lang): string {
  return METRIC_NAMES[metric]?.[lang] ?? metric.replace(/_/g, ' ');
}

/** True when a fact's source names no provider ('public data', 'media reports'...): the ledger cannot check it. */
export function unnamedSource(f: Fact): boolean {
  return /^(public data|media reports|foreign media|unnamed|unknown|not stated)\b/i.test(f.source.publisher);
}

/** How well a fact's provenance can be checked: 0 no provider named, 1 a named provider at second hand or without an address, 2 a named provider with an address. */
export function provenanceRank(f: Fact): number {
  if (unnamedSource(f)) return 0;
  return f.source.url ? 2 : 1;
}

/** A short fact id such as 'F19' is fit for prose; the long ids of reference facts are not. */
export const shortId = (f: Fact): boolean => /^F\d+$/.test(f.id);

/** A fact's value as written, quoted; a bare number from a data file is shown formatted instead. */
export function asWritten(f: Fact, lang: Lang): string {
  if (/^-?\d+(\.\d+)?$/.test(f.valueText.trim())) return formatValue(f.figure.value, f.figure.unit, lang);
  return lang === 'zh' ? `“${f.valueText}”` : `"${f.valueText}"`;
}
