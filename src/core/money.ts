import { ShakeoutError } from './errors.js';
import type { Period } from './period.js';
import { parsePeriod, periodYear } from './period.js';
import type { Currency, Quantity } from './quantity.js';
import { CURRENCY_TABLE } from './currency-table.js';

/**
 * Explicit money conversions with dated tables passed in: there is no fixed
 * rate anywhere. Every conversion returns the converted quantity and a note
 * naming the rate it used, so a number shown to a user can say where it came
 * from.
 */

/** One row of an FX table: CNY per USD averaged over a year ('2023') or a quarter ('2023-Q1'). */
export interface FxRate {
  /** Canonical period text: '2023' or '2023-Q1'. */
  readonly period: string;
  readonly cnyPerUsd: number;
  /** 'annual average of the central parity rate', 'approximate: ...'. */
  readonly description: string;
  readonly source: string;
}

/** CNY per USD by period. Pass another table to override the bundled one. */
export interface FxTable {
  readonly name: string;
  readonly rates: readonly FxRate[];
}

/** One year of the US CPI-U, annual average (1982-84 = 100). */
export interface CpiRow {
  readonly year: number;
  readonly index: number;
  readonly source: string;
}

export interface CpiTable {
  readonly name: string;
  readonly rows: readonly CpiRow[];
}

/** A converted quantity and how it was converted. */
export interface Converted {
  readonly quantity: Quantity;
  /** 'CNY->USD at 7.0467 CNY per USD (2023: annual average of the central parity rate; SAFE ...)'. */
  readonly note: string;
  /** The same note written for a Chinese reader: '人民币折美元：7.0467元人民币兑1美元（2023年中间价全年平均；国家外汇管理局）'. */
  readonly noteZh: string;
}

/** Known publishers of the rate tables, as a Chinese reader names them (matched on the start of the source text). */
const ZH_SOURCE_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^State Administration of Foreign Exchange/i, '国家外汇管理局'],
  [/^China Foreign Exchange Trade System/i, '中国外汇交易中心'],
  [/^National Bureau of Statistics of China/i, '国家统计局'],
  [/^U\.S\. Bureau of Labor Statistics/i, '美国劳工统计局'],
];

/** A table's source in Chinese when it is a known publisher, else as written. */
function sourceZh(source: string): string {
  return ZH_SOURCE_NAMES.find(([re]) => re.test(source))?.[1] ?? source;
}

/** What an FX row's rate is, in Chinese: the table's descriptions as the bundled data writes them. */
function rateKindZh(description: string): string {
  if (/^annual average of the central parity/i.test(description)) return '中间价全年平均';
  if (/^quarterly average of the central parity/i.test(description)) return '中间价季度平均';
  const range = description.match(/^approximate\b.*?([\d.]+) to ([\d.]+)/i);
  if (range) return `近似值，当期每日中间价在${range[1]}至${range[2]}之间`;
  if (/^approximate/i.test(description)) return '近似值';
  return '';
}

/** '2023' -> '2023年', '2024-Q1' -> '2024年一季度'. */
function ratePeriodZh(text: string): string {
  const q = text.match(/^(\d{4})-Q([1-4])$/);
  return q ? `${q[1]}年${'一二三四'[Number(q[2]) - 1]}季度` : /^\d{4}$/.test(text) ? `${text}年` : text;
}

const CURRENCY_ZH: Readonly<Record<Currency, string>> = Object.fromEntries(Object.values(CURRENCY_TABLE).map((c) => [c.code, c.nameZh])) as Record<Currency, string>;

function moneyError(code: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code, path: [], message }], status: 400 });
}

/**
 * The rate for a period: the quarter's row when the period is a quarter and
 * the table has it, else the average of the period's year. Throws when the
 * table has neither, or when the period spans several years.
 *
 * @example fxRateFor(table, parsePeriod('2024-Q1')).cnyPerUsd // 7.10
 */
export function fxRateFor(table: FxTable, period: Period): FxRate {
  if (period.kind === 'quarter') {
    const row = table.rates.find((r) => r.period === period.text);
    if (row) return row;
  }
  const year = periodYear(period);
  if (year === undefined) {
    throw moneyError('fx_period_spans_years', `no single FX rate for ${period.text}: the period spans years; convert each year separately`);
  }
  const row = table.rates.find((r) => r.period === String(year));
  if (row) return row;
  const have = table.rates.map((r) => r.period).join(', ') || 'none';
  throw moneyError('fx_rate_missing', `no CNY/USD rate for ${period.text} in the FX table "${table.name}" (it has: ${have})`);
}

/**
 * Converts money between USD and CNY at the table's rate for the period.
 * Same currency in and out returns the quantity unchanged with a note saying so.
 */
export function convertCurrency(q: Quantity, to: Currency, period: Period, table: FxTable): Converted {
  if (q.unit === to) return { quantity: q, note: `already ${to}`, noteZh: `已是${CURRENCY_ZH[to]}` };
  const pair = `${q.unit}->${to}`;
  if (pair !== 'CNY->USD' && pair !== 'USD->CNY') {
    throw moneyError('fx_pair_unknown', `cannot convert ${pair}: the FX table "${table.name}" only holds CNY per USD`);
  }
  const rate = fxRateFor(table, period);
  const value = pair === 'CNY->USD' ? q.value / rate.cnyPerUsd : q.value * rate.cnyPerUsd;
  return {
    quantity: { value, unit: to, per: q.per },
    note: `${pair} at ${rate.cnyPerUsd} CNY per USD (${rate.period}: ${rate.description}; ${rate.source})`,
    noteZh: `${pair === 'CNY->USD' ? '人民币折美元' : '美元折人民币'}：${rate.cnyPerUsd}元人民币兑1美元（${[ratePeriodZh(rate.period) + rateKindZh(rate.description), rate.source ? sourceZh(rate.source) : ''].filter(Boolean).join('；')}）`,
  };
}

function cpiRow(table: CpiTable, year: number): CpiRow {
  const row = table.rows.find((r) => r.year === year);
  if (!row) {
    const have = table.rows.map((r) => r.year).join(', ') || 'none';
    throw moneyError('cpi_year_missing', `no CPI for ${year} in the CPI table "${table.name}" (it has: ${have})`);
  }
  return row;
}

/** CPI(toYear) / CPI(fromYear): multiply fromYear dollars by this to get toYear dollars. */
export function cpiFactor(table: CpiTable, fromYear: number, toYear: number): number {
  return cpiRow(table, toYear).index / cpiRow(table, fromYear).index;
}

/**
 * Re-expresses US dollars of `fromYear` (nominal dollars of that year, or
 * constant dollars of that year) in constant dollars of `toYear`, with the
 * annual-average CPI of the table.
 *
 * @example toConstantDollars({ value: 100, unit: 'USD', per: null }, 2023, 2021, cpi) // 100 * 270.970 / 304.702
 */
export function toConstantDollars(amount: Quantity, fromYear: number, toYear: number, table: CpiTable): Converted {
  if (amount.unit !== 'USD') {
    throw moneyError('cpi_currency', `CPI adjustment needs US dollars, got ${amount.unit}; convert it first`);
  }
  return cpiConvert(amount, fromYear, toYear, table, false);
}

function cpiConvert(amount: Quantity, fromYear: number, toYear: number, table: CpiTable, nominal: boolean): Converted {
  if (fromYear === toYear) return { quantity: amount, note: `no CPI adjustment (${fromYear} dollars already)`, noteZh: `无需CPI调整（已是${fromYear}年美元）` };
  const from = cpiRow(table, fromYear);
  const to = cpiRow(table, toYear);
  const f = to.index / from.index;
  return {
    quantity: { value: amount.value * f, unit: 'USD', per: amount.per },
    note: `${fromYear} USD -> ${nominal ? 'nominal ' : ''}${toYear} USD: x ${f.toFixed(4)} (CPI-U ${to.year} ${to.index} / ${from.year} ${from.index}; ${to.source})`,
    noteZh: `${fromYear}年${nominal ? '不变价' : ''}美元折合${toYear}年${nominal ? '名义' : ''}美元：乘以${f.toFixed(4)}（美国CPI-U年均值，${to.year}年${to.index}除以${from.year}年${from.index}；${to.source ? sourceZh(to.source) : ''}）`.replace('；）', '）'),
  };
}

/** Constant dollars of `priceYear` -> nominal dollars of `year` (the inverse reading of `toConstantDollars`). */
export function toNominalDollars(amount: Quantity, priceYear: number, year: number, table: CpiTable): Converted {
  if (amount.unit !== 'USD') {
    throw moneyError('cpi_currency', `CPI adjustment needs US dollars, got ${amount.unit}; convert it first`);
  }
  return cpiConvert(amount, priceYear, year, table, true);
}

/** Builds an FX table from rows with period texts as written ('2024Q1' becomes '2024-Q1'). */
export function makeFxTable(name: string, rows: readonly { period: string; cnyPerUsd: number; description?: string; source?: string }[]): FxTable {
  return {
    name,
    rates: rows.map((r) => {
      const p = parsePeriod(r.period);
      if (p.kind !== 'year' && p.kind !== 'quarter') {
        throw moneyError('fx_row_period', `FX row period must be a year or a quarter, got "${r.period}"`);
      }
      if (!(r.cnyPerUsd > 0)) throw moneyError('fx_row_rate', `FX rate for ${r.period} must be a positive number, got ${r.cnyPerUsd}`);
      return { period: p.text, cnyPerUsd: r.cnyPerUsd, description: r.description ?? '', source: r.source ?? '' };
    }),
  };
}
