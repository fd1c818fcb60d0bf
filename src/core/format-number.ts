import type { Unit, Per } from './quantity.js';
import { CURRENCY_TABLE } from './currency-table.js';

/** The languages Shakeout writes. */
export type Lang = 'en' | 'zh';

const EN_SCALES: readonly [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
const ZH_SCALES: readonly [number, string][] = [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']];

/** Rounds to `digits` significant figures and drops trailing zeros: 2.30 -> "2.3". */
export function significant(x: number, digits = 3): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const s = Number(x.toPrecision(digits));
  // Avoid exponent notation for ordinary magnitudes.
  return Math.abs(s) >= 1e21 || Math.abs(s) < 1e-6 ? s.toExponential(digits - 1) : String(s);
}

/**
 * A number written out in full with its thousands grouped, as en-US writes
 * it, rounded to at most `maxFractionDigits` decimals. The same text as
 * `toLocaleString('en-US', { maximumFractionDigits })` for ordinary numbers,
 * without Intl, whose first use costs a one-shot command (`shakeout parse`)
 * about as long as the rest of its work.
 *
 * @example
 * groupThousands(2300000000) // "2,300,000,000"
 * groupThousands(-1234.5) // "-1,234.5"
 * groupThousands(0.1234567) // "0.123457"
 */
export function groupThousands(x: number, maxFractionDigits = 0): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return String(x);
  // The shortest text that reads back as x when it has few enough decimals
  // (toFixed would write 550.4 as 550.39999 at 5 decimals), else rounded.
  const shortest = String(Math.abs(x));
  const fixed = /^\d+(\.\d+)?$/.test(shortest) && (shortest.split('.')[1] ?? '').length <= maxFractionDigits ? shortest : Math.abs(x).toFixed(maxFractionDigits);
  const [whole, fraction = ''] = fixed.split('.');
  const digits = fraction.replace(/0+$/, '');
  const text = whole!.replace(/\B(?=(\d{3})+$)/g, ',') + (digits ? '.' + digits : '');
  return x < 0 && /[1-9]/.test(fixed) ? '-' + text : text;
}

/**
 * A number in the short form readers expect: en 2.3B, 12k, 750k; zh 23亿, 1.2万.
 *
 * @example
 * formatCompact(2.3e9, 'en') // "2.3B"
 * formatCompact(2.3e9, 'zh') // "23亿"
 * formatCompact(12000, 'zh') // "1.2万"
 */
export function formatCompact(x: number, lang: Lang, digits = 3): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '-∞' : 'NaN';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  for (const [scale, suffix] of lang === 'zh' ? ZH_SCALES : EN_SCALES) {
    // Pick the scale once the rounded value reaches it (999.96k -> 1M).
    if (Number(a.toPrecision(digits)) >= scale) return sign + significant(a / scale, digits) + suffix;
  }
  return sign + significant(a, digits);
}

const PER_EN: Record<Per, string> = { day: 'a day', week: 'a week', month: 'a month', quarter: 'a quarter', year: 'a year' };
const PER_ZH: Record<Per, string> = { day: '/天', week: '/周', month: '/月', quarter: '/季度', year: '/年' };

/**
 * A value with its unit for a reader: en "$2.3B", "¥12.4B", "232", "5.67x", "15%";
 * zh "23亿美元", "123.9亿元", "232", "5.67倍", "15%". Rates add their period.
 *
 * @example
 * formatValue(2.3e9, 'USD', 'en') // "$2.3B"
 * formatValue(1.2389e10, 'CNY', 'zh') // "124亿元"
 * formatValue(19.99, 'USD', 'en', 'month') // "$19.99 a month"
 */
export function formatValue(x: number, unit: Unit, lang: Lang, per: Per | null = null, digits = 3): string {
  let s: string;
  const d = Math.abs(x) < 1000 && Math.abs(x) >= 1 && unit !== 'count' ? Math.max(digits, 4) : digits;
  switch (unit) {
    case 'percent':
      s = significant(x * 100, digits) + '%';
      break;
    case 'multiple':
      s = significant(x, digits) + (lang === 'zh' ? '倍' : 'x');
      break;
    case 'count':
      s = formatCompact(x, lang, digits);
      break;
    default: {
      const c = CURRENCY_TABLE[unit];
      s = lang === 'zh' ? formatCompact(x, lang, d) + c.suffixZh : (x < 0 ? '-' : '') + c.symbol + formatCompact(Math.abs(x), lang, d);
    }
  }
  if (per) s += lang === 'zh' ? PER_ZH[per] : ' ' + PER_EN[per];
  return s;
}
