import { lang } from './i18n.js';

/** What the API says a number is: a currency code, 'percent', 'count', 'multiple' or 'probability', maybe per month or year. */
export interface Unit { unit: string; per: string | null }

const PER: Record<string, { en: string; zh: string }> = { month: { en: '/mo', zh: '/月' }, year: { en: '/yr', zh: '/年' } };

/**
 * A number as people read it in the current language: $1.5B, 15亿美元, 7.8%,
 * 35.1x. Compact forms from Intl (mainland Chinese uses 万 and 亿). A value
 * that is not finite shows as a dash: the API sends null for those.
 */
export function formatValue(v: number | null | undefined, u: Unit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const zh = lang.value === 'zh';
  const locale = zh ? 'zh-CN' : 'en-US';
  const per = u.per ? (PER[u.per]?.[zh ? 'zh' : 'en'] ?? `/${u.per}`) : '';
  const compact = (x: number) => new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(x);
  if (u.unit === 'percent' || u.unit === 'probability') return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(v * 100)}%${per}`;
  if (u.unit === 'multiple') return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(v)}×${per}`;
  if (/^[A-Z]{3}$/.test(u.unit)) {
    if (zh) return `${compact(v)}${CURRENCY_ZH[u.unit] ?? u.unit}${per}`;
    const sym = u.unit === 'USD' ? '$' : `${u.unit} `;
    return `${v < 0 ? '-' : ''}${sym}${compact(Math.abs(v))}${per}`;
  }
  return `${compact(v)}${per}`;
}

const CURRENCY_ZH: Record<string, string> = { USD: '美元', CNY: '元', EUR: '欧元', GBP: '英镑', JPY: '日元', HKD: '港元' };

/** A 90% interval, '$1.2B – $2.1B'. */
export function formatInterval(p5: number | null, p95: number | null, u: Unit): string {
  return `${formatValue(p5, u)} – ${formatValue(p95, u)}`;
}

/** Text the API gives in both languages, in the current one. */
export function bi(x: { en: string; zh: string } | null | undefined): string {
  return x ? (lang.value === 'zh' ? x.zh : x.en) : '';
}
