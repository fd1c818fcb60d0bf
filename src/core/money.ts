import { ShakeoutError, formatIssues } from './errors.js';
import type { Period } from './period.js';
import { parsePeriod } from './period.js';
import type { Currency, Quantity } from './quantity.js';
import { CURRENCIES, isCurrency } from './quantity.js';
import { CURRENCY_TABLE } from './currency-table.js';

/**
 * Explicit money conversions with dated tables passed in: there is no fixed
 * rate anywhere. Every conversion returns the converted quantity and a note
 * naming the rate, the period it is the average of and its source, so a
 * number shown to a user can say where it came from.
 *
 * The FX table holds monthly average rates in units of a currency per US
 * dollar (the Federal Reserve's H.10 convention). A figure is converted at the
 * rate of its own period:
 *
 * - a month, a day, or an instant ("as of 2024-06"): the rate of that month;
 * - a quarter, a year or a span: the arithmetic mean of the monthly average
 *   rates of every calendar month the period touches, each month weighted
 *   equally (not by days or trading days). A span of 2024-04-21 to 2024-05-20
 *   touches April and May and takes the mean of the two.
 *
 * Two currencies other than the dollar convert through it: EUR->GBP is
 * EUR->USD at the euro's rate for the period, then USD->GBP at the pound's.
 * A month the table lacks is refused with a message naming the currency and
 * month; no nearest rate is ever used in its place. The one exception is a
 * table that stands on a day (`knownBy`, the ledger as of a date): a month
 * that had not ended by that day had no average yet, so a period reaching
 * into it is converted at the months of it already known, else at the latest
 * month known, and the note says so ("2024-05 not yet known on 2024-05-20:
 * at the 2024-04 rate").
 */

/** One month's average rate: `perUsd` units of `currency` buy one US dollar. */
export interface FxRate {
  /** 'YYYY-MM'. */
  readonly month: string;
  /** Never USD: the dollar is the base, 1 per USD by definition. */
  readonly currency: Currency;
  readonly perUsd: number;
  /** Who published the rate: 'U.S. Federal Reserve H.10 via FRED', or the source a user gave. */
  readonly source: string;
  /** `bundled`: the table shipped in data/; `user`: a rate added to the ledger (it overrides the bundled month). */
  readonly origin: 'bundled' | 'user';
  /** For a user rate over a month the bundled table has: the bundled rate it overrides. */
  readonly overrides?: number;
}

/** Monthly rates per US dollar. Build one with `makeFxTable`; layer user rates with `withUserRates`. */
export interface FxTable {
  /** Name for messages: 'fx-monthly-per-usd.csv' or 'fx-monthly-per-usd.csv + 2 user rates'. */
  readonly name: string;
  readonly rates: readonly FxRate[];
  /**
   * The day the table stands on ('YYYY-MM-DD'), for a table as known on a
   * date: months not ended by then are not yet known, and a period reaching
   * into them is converted at the rates known by then (see `fxRateFor`).
   * Absent for the table as it is today.
   */
  readonly knownBy?: string;
}

/** A row as a table file or a user writes it, before checking. */
export interface FxRateRow {
  readonly month: string;
  readonly currency: string;
  readonly perUsd: number;
  readonly source?: string;
  readonly origin?: 'bundled' | 'user';
}

/** The rate of one currency over a period: the mean of its months' rates. */
export interface PeriodRate {
  readonly currency: Currency;
  /** Units of `currency` per US dollar, averaged over `months` (1 for USD). */
  readonly perUsd: number;
  /** The period's canonical text. */
  readonly period: string;
  /** The monthly rates averaged, oldest first (empty for USD). */
  readonly months: readonly FxRate[];
  /** For a table as known on a day: the months of the period not yet known by then, and that day. */
  readonly notYetKnown?: { readonly months: readonly string[]; readonly knownBy: string };
}

/** One month of the US CPI-U, all items, U.S. city average, not seasonally adjusted (1982-84 = 100). */
export interface CpiMonth {
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly index: number;
}

/** The US CPI-U by month. A year's index is the mean of its twelve months (how BLS computes its annual average). */
export interface CpiTable {
  readonly name: string;
  readonly source: string;
  readonly months: readonly CpiMonth[];
}

/** A converted quantity and how it was converted. */
export interface Converted {
  readonly quantity: Quantity;
  /** 'CNY->USD at 7.1886 CNY per USD (2024-Q1: mean of the monthly averages of 2024-01 to 2024-03; U.S. Federal Reserve H.10 via FRED)'. */
  readonly note: string;
  /** The same note written for a Chinese reader. */
  readonly noteZh: string;
}

/** Known publishers of the rate tables, as a Chinese reader names them (matched on the start of the source text). */
const ZH_SOURCE_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^U\.S\. Federal Reserve H\.10/i, '美联储H.10汇率统计（圣路易斯联储经济数据库）'],
  [/^U\.S\. Bureau of Labor Statistics/i, '美国劳工统计局'],
  [/^State Administration of Foreign Exchange/i, '国家外汇管理局'],
  [/^China Foreign Exchange Trade System/i, '中国外汇交易中心'],
  [/^National Bureau of Statistics of China/i, '国家统计局'],
];

/** A table's source in Chinese when it is a known publisher, else as written. */
function sourceZh(source: string): string {
  return ZH_SOURCE_NAMES.find(([re]) => re.test(source))?.[1] ?? source;
}

const CURRENCY_ZH: Readonly<Record<Currency, string>> = Object.fromEntries(Object.values(CURRENCY_TABLE).map((c) => [c.code, c.nameZh])) as Record<Currency, string>;

/** The word after an amount of a currency in a Chinese rate: '7.1886元人民币', '0.8684欧元'. */
const unitZh = (c: Currency): string => (c === 'CNY' ? '元人民币' : CURRENCY_TABLE[c].suffixZh);

function moneyError(code: string, message: string, path: readonly (string | number)[] = []): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code, path, message }], status: 400 });
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month as the tables write it: '2024-03' (not '2024-3', not '2024年3月'). */
export function isMonthText(text: string): boolean {
  return MONTH.test(text);
}

/** '2024-03' -> '2024年3月'. */
function monthZh(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** A period's text for a Chinese reader: '2024' -> '2024年', '2024-Q1' -> '2024年一季度', '2024-03' -> '2024年3月'. */
function periodZh(text: string): string {
  const t = text.replace(/^as of /, '');
  const q = t.match(/^(\d{4})-Q([1-4])$/);
  if (q) return `${q[1]}年${'一二三四'[Number(q[2]) - 1]}季度`;
  if (/^\d{4}$/.test(t)) return `${t}年`;
  if (MONTH.test(t)) return monthZh(t);
  const d = t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (d) return `${d[1]}年${Number(d[2])}月${Number(d[3])}日`;
  const s = t.match(/^(.+)\/(.+)$/);
  if (s) return `${periodZh(s[1]!)}至${periodZh(s[2]!)}`;
  return t;
}

/** Rates as the tables write them: at most four decimals, no trailing zeros. */
function rateText(x: number): string {
  return String(Number(x.toFixed(4)));
}

/** The calendar months a period touches, oldest first: '2024-Q1' -> ['2024-01', '2024-02', '2024-03']. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let y = Number(period.start.slice(0, 4));
  let m = Number(period.start.slice(5, 7));
  const last = period.end.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

// ---- the FX table ----

const INDEX = new WeakMap<FxTable, Map<string, FxRate>>();
const key = (currency: string, month: string): string => `${currency} ${month}`;

function indexOf(table: FxTable): Map<string, FxRate> {
  let idx = INDEX.get(table);
  if (!idx) {
    idx = new Map(table.rates.map((r) => [key(r.currency, r.month), r]));
    INDEX.set(table, idx);
  }
  return idx;
}

/** The message for a currency the product does not know, with the list of those it does. */
export function unknownCurrencyMessage(text: string): string {
  return `expected one of ${CURRENCIES.join(', ')} (the currencies Shakeout knows), got "${text}"`;
}

/**
 * Builds an FX table from monthly rows. Every row must name a month
 * ('2024-03'), a currency Shakeout knows other than USD, and a positive
 * rate; a (currency, month) pair may appear once. Throws one error listing
 * every bad row.
 *
 * @example makeFxTable('mine', [{ month: '2024-03', currency: 'EUR', perUsd: 0.9203, source: 'ECB' }])
 */
export function makeFxTable(name: string, rows: readonly FxRateRow[]): FxTable {
  const issues: { code: string; path: string[]; message: string }[] = [];
  const seen = new Set<string>();
  const rates: FxRate[] = [];
  rows.forEach((r, i) => {
    const at = [`${name} row ${i + 1}`];
    const cur = String(r.currency).trim().toUpperCase();
    if (!MONTH.test(r.month)) issues.push({ code: 'fx_row_month', path: [...at, 'month'], message: `expected a month such as 2024-03, got "${r.month}"` });
    if (cur === 'USD') issues.push({ code: 'fx_row_currency', path: [...at, 'currency'], message: 'expected a currency other than USD (the dollar is the base: 1 per USD)' });
    else if (!isCurrency(cur)) issues.push({ code: 'fx_row_currency', path: [...at, 'currency'], message: unknownCurrencyMessage(r.currency) });
    if (!(typeof r.perUsd === 'number' && Number.isFinite(r.perUsd) && r.perUsd > 0)) issues.push({ code: 'fx_row_rate', path: [...at, 'per_usd'], message: `expected a positive number of ${cur} per US dollar, got ${String(r.perUsd)}` });
    const k = key(cur, r.month);
    if (seen.has(k)) issues.push({ code: 'fx_row_duplicate', path: at, message: `expected each currency and month once, got ${cur} ${r.month} again` });
    seen.add(k);
    rates.push({ month: r.month, currency: cur as Currency, perUsd: r.perUsd, source: r.source ?? '', origin: r.origin ?? 'bundled' });
  });
  if (issues.length) {
    throw new ShakeoutError(`${name}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`, { issues, status: 400 });
  }
  return { name, rates };
}

/**
 * The table with user rates laid over it: a user rate replaces the table's
 * rate for its currency and month (and remembers the one it replaced, so a
 * note can say so); other user rates extend the table.
 */
export function withUserRates(table: FxTable, user: readonly FxRate[]): FxTable {
  if (!user.length) return table;
  const base = indexOf(table);
  const mine = new Map(user.map((r) => [key(r.currency, r.month), r]));
  const rates: FxRate[] = [];
  for (const r of table.rates) {
    const u = mine.get(key(r.currency, r.month));
    rates.push(u ? { ...u, origin: 'user', overrides: r.perUsd } : r);
  }
  for (const u of user) if (!base.has(key(u.currency, u.month))) rates.push({ ...u, origin: 'user' });
  return { name: `${table.name} + ${user.length} user rate${user.length === 1 ? '' : 's'}`, rates };
}

/** The latest month the table has a rate for `currency` ('2026-06'), or undefined. USD has every month. */
export function latestFxMonth(table: FxTable, currency: Currency): string | undefined {
  let last: string | undefined;
  for (const r of table.rates) if (r.currency === currency && (last === undefined || r.month > last)) last = r.month;
  if (currency === 'USD') for (const r of table.rates) if (last === undefined || r.month > last) last = r.month;
  return last;
}

/** How to add a missing rate, as the message of a refused conversion says it. */
function howToAdd(currency: Currency, month: string): string {
  return `add it with: shakeout fx add --currency ${currency} --month ${month} --per-usd RATE --source "WHO PUBLISHED IT" (or shakeout fx import FILE)`;
}

/**
 * The rate of `currency` for `period`: the rate of its month, or the mean of
 * the monthly rates of every month it touches. Throws when the table lacks
 * one of those months, naming the currency and the months missing.
 *
 * @example fxRateFor(table, 'CNY', parsePeriod('2024-Q1')).perUsd // (7.1707 + 7.1935 + 7.2015) / 3 = 7.18857
 */
export function fxRateFor(table: FxTable, currency: Currency, period: Period): PeriodRate {
  if (currency === 'USD') return { currency, perUsd: 1, period: period.text, months: [] };
  const idx = indexOf(table);
  const months = monthsOf(period);
  const found: FxRate[] = [];
  const missing: string[] = [];
  for (const m of months) {
    const r = idx.get(key(currency, m));
    if (r) found.push(r);
    else missing.push(m);
  }
  if (missing.length && table.knownBy !== undefined && missing.every((m) => parsePeriod(m).end > table.knownBy!)) {
    // The table stands on a day: these months had not ended, so no average was known yet.
    const notYetKnown = { months: missing, knownBy: table.knownBy };
    if (found.length) return { currency, perUsd: found.reduce((s, r) => s + r.perUsd, 0) / found.length, period: period.text, months: found, notYetKnown };
    let latest: FxRate | undefined;
    for (const r of table.rates) if (r.currency === currency && parsePeriod(r.month).end <= table.knownBy && (!latest || r.month > latest.month)) latest = r;
    if (latest) return { currency, perUsd: latest.perUsd, period: period.text, months: [latest], notYetKnown };
  }
  if (missing.length) {
    const have = table.rates.filter((r) => r.currency === currency).map((r) => r.month).sort();
    const span = have.length ? `it has ${currency} from ${have[0]} to ${have[have.length - 1]}${have.length < monthsOf({ text: '', kind: 'span', start: `${have[0]}-01`, end: `${have[have.length - 1]}-01` }).length ? ', with gaps' : ''}` : `it has no ${currency} rate`;
    const list = missing.length > 4 ? `${missing.slice(0, 3).join(', ')} ... ${missing[missing.length - 1]} (${missing.length} months)` : missing.join(', ');
    throw moneyError(
      'fx_rate_missing',
      `no ${currency} rate for ${list}${period.text !== missing[0] ? ` (needed for ${period.text})` : ''} in the FX table "${table.name}" (${span}); ${howToAdd(currency, missing[0]!)}`,
      ['fx', currency, missing[0]!],
    );
  }
  const perUsd = found.reduce((s, r) => s + r.perUsd, 0) / found.length;
  return { currency, perUsd, period: period.text, months: found };
}

/** How a period rate was made, for the notes: 'monthly average of 2024-03' or 'mean of the monthly averages of 2024-01 to 2024-03'. */
function describeRate(r: PeriodRate): { en: string; zh: string } {
  const ms = r.months;
  const first = ms[0]!.month;
  const last = ms[ms.length - 1]!.month;
  const label = r.period.replace(/^as of /, '');
  let en: string;
  let zh: string;
  if (r.notYetKnown) {
    // A table as known on a day: say which months were not known yet, and what stood in for them.
    const { months, knownBy } = r.notYetKnown;
    const span = (xs: readonly string[], inZh: boolean): string =>
      xs.length === 1 ? (inZh ? monthZh(xs[0]!) : xs[0]!) : inZh ? `${monthZh(xs[0]!)}至${monthZh(xs[xs.length - 1]!)}` : `${xs[0]} to ${xs[xs.length - 1]}`;
    en = `${span(months, false)} not yet known on ${knownBy}: ${ms.length === 1 ? `at the ${first} rate` : `mean of the ${ms.length} monthly averages of ${first} to ${last}`}`;
    zh = `${periodZh(knownBy)}时${span(months, true)}的汇率尚未公布：${ms.length === 1 ? `按${monthZh(first)}的汇率` : `按${monthZh(first)}至${monthZh(last)}的${ms.length}个月月均汇率的平均值`}`;
  } else {
    en = ms.length === 1
      ? `${label === first ? '' : `${r.period}: `}monthly average of ${first}`
      : `${label}: mean of the ${ms.length} monthly averages of ${first} to ${last}`;
    const whole = /^\d{4}(-Q[1-4])?$/.test(label);
    zh = ms.length === 1
      ? `${monthZh(first)}月均汇率`
      : `${periodZh(label)}${whole ? '' : `（${monthZh(first)}至${monthZh(last)}）`}${ms.length}个月月均汇率的平均值`;
  }
  const users = ms.filter((m) => m.origin === 'user');
  const userEn = users.map((u) => `${u.month} is a user rate${u.overrides !== undefined ? ` overriding the bundled ${rateText(u.overrides)}` : ''}`);
  const userZh = users.map((u) => `${monthZh(u.month)}为用户添加的汇率${u.overrides !== undefined ? `，取代内置的${rateText(u.overrides)}` : ''}`);
  const sources = [...new Set(ms.map((m) => m.source).filter(Boolean))];
  return {
    en: [en, ...userEn, ...sources].join('; '),
    zh: [zh, ...userZh, ...sources.map(sourceZh)].join('；'),
  };
}

/**
 * Converts money between any two currencies of the table at the rates of
 * `period` (through the US dollar when neither is USD). Same currency in and
 * out returns the quantity unchanged with a note saying so. Throws when `q`
 * is not money or the table lacks a month of the period.
 *
 * @example convertCurrency({ value: 7.1886e9, unit: 'CNY', per: null }, 'USD', parsePeriod('2024-Q1'), fx).quantity.value // about 1e9
 */
export function convertCurrency(q: Quantity, to: Currency, period: Period, table: FxTable): Converted {
  if (q.unit === to) return { quantity: q, note: `already ${to}`, noteZh: `已是${CURRENCY_ZH[to]}` };
  if (!isCurrency(q.unit)) throw moneyError('fx_not_money', `cannot convert ${q.unit} to ${to}: only money has an exchange rate`);
  const from = q.unit;
  const a = fxRateFor(table, from, period);
  const b = fxRateFor(table, to, period);
  const value = (q.value / a.perUsd) * b.perUsd;
  const pair = `${from}->${to}`;
  const pairZh = `${CURRENCY_ZH[from]}折${CURRENCY_ZH[to]}`;
  let note: string;
  let noteZh: string;
  if (from === 'USD' || to === 'USD') {
    const r = from === 'USD' ? b : a;
    const d = describeRate(r);
    note = `${pair} at ${rateText(r.perUsd)} ${r.currency} per USD (${d.en})`;
    noteZh = `${pairZh}：${rateText(r.perUsd)}${unitZh(r.currency)}兑1美元（${d.zh}）`;
  } else {
    const da = describeRate(a);
    const db = describeRate(b);
    const cross = b.perUsd / a.perUsd;
    note = `${pair} at ${rateText(cross)} ${to} per ${from}, through the US dollar: ${rateText(a.perUsd)} ${from} per USD (${da.en}) and ${rateText(b.perUsd)} ${to} per USD (${db.en})`;
    noteZh = `${pairZh}：经美元套算，1${unitZh(from)}兑${rateText(cross)}${unitZh(to)}；${rateText(a.perUsd)}${unitZh(from)}兑1美元（${da.zh}），${rateText(b.perUsd)}${unitZh(to)}兑1美元（${db.zh}）`;
  }
  return { quantity: { value, unit: to, per: q.per }, note, noteZh };
}

// ---- CPI ----

/** The months of a year the CPI table lacks (empty when it has all twelve). */
function cpiMissing(table: CpiTable, year: number): string[] {
  const have = new Set(table.months.map((m) => m.month));
  return monthsOf(parsePeriod(String(year))).filter((m) => !have.has(m));
}

/** The years for which the CPI table has all twelve months, oldest first. */
export function cpiYears(table: CpiTable): number[] {
  const years = [...new Set(table.months.map((m) => Number(m.month.slice(0, 4))))].sort((a, b) => a - b);
  return years.filter((y) => cpiMissing(table, y).length === 0);
}

/**
 * A year's CPI-U: the mean of its twelve monthly indexes (BLS computes the
 * annual average the same way). Throws when a month is missing (the table
 * has no 2025-10: BLS published no October 2025 index), naming it.
 *
 * @example cpiAnnual(cpi, 2023) // 304.702
 */
export function cpiAnnual(table: CpiTable, year: number): number {
  const missing = cpiMissing(table, year);
  if (missing.length) {
    const whole = cpiYears(table);
    const has = whole.length ? `it has whole years ${whole[0]} to ${whole[whole.length - 1]}` : 'it has no whole year';
    throw moneyError('cpi_year_missing', `no CPI for ${year} in the CPI table "${table.name}": it lacks ${missing.length === 12 ? 'every month of the year' : missing.join(', ')} (a year's index is the mean of its twelve months; ${has})`, ['cpi', year]);
  }
  const months = table.months.filter((m) => m.month.startsWith(`${year}-`));
  return months.reduce((s, m) => s + m.index, 0) / months.length;
}

/** CPI(toYear) / CPI(fromYear): multiply fromYear dollars by this to get toYear dollars. */
export function cpiFactor(table: CpiTable, fromYear: number, toYear: number): number {
  return cpiAnnual(table, toYear) / cpiAnnual(table, fromYear);
}

/**
 * Re-expresses US dollars of `fromYear` (nominal dollars of that year, or
 * constant dollars of that year) in constant dollars of `toYear`, with the
 * annual CPI-U (mean of the months) of the table.
 *
 * @example toConstantDollars({ value: 100, unit: 'USD', per: null }, 2023, 2021, cpi) // 100 * 270.970 / 304.702
 */
export function toConstantDollars(amount: Quantity, fromYear: number, toYear: number, table: CpiTable): Converted {
  if (amount.unit !== 'USD') {
    throw moneyError('cpi_currency', `CPI adjustment needs US dollars, got ${amount.unit}; convert it first`);
  }
  return cpiConvert(amount, fromYear, toYear, table, false);
}

/** Constant dollars of `priceYear` -> nominal dollars of `year` (the inverse reading of `toConstantDollars`). */
export function toNominalDollars(amount: Quantity, priceYear: number, year: number, table: CpiTable): Converted {
  if (amount.unit !== 'USD') {
    throw moneyError('cpi_currency', `CPI adjustment needs US dollars, got ${amount.unit}; convert it first`);
  }
  return cpiConvert(amount, priceYear, year, table, true);
}

function cpiConvert(amount: Quantity, fromYear: number, toYear: number, table: CpiTable, nominal: boolean): Converted {
  if (fromYear === toYear) return { quantity: amount, note: `no CPI adjustment (${fromYear} dollars already)`, noteZh: `无需CPI调整（已是${fromYear}年美元）` };
  const from = cpiAnnual(table, fromYear);
  const to = cpiAnnual(table, toYear);
  const f = to / from;
  const src = table.source;
  return {
    quantity: { value: amount.value * f, unit: 'USD', per: amount.per },
    note: `${fromYear} USD -> ${nominal ? 'nominal ' : ''}${toYear} USD: x ${f.toFixed(4)} (CPI-U ${toYear} ${to.toFixed(3)} / ${fromYear} ${from.toFixed(3)}, annual means of the monthly index${src ? `; ${src}` : ''})`,
    noteZh: `${fromYear}年${nominal ? '不变价' : ''}美元折合${toYear}年${nominal ? '名义' : ''}美元：乘以${f.toFixed(4)}（美国CPI-U全年各月平均，${toYear}年${to.toFixed(3)}除以${fromYear}年${from.toFixed(3)}${src ? `；${sourceZh(src)}` : ''}）`,
  };
}

/** Builds a CPI table from monthly rows; throws one error listing every bad row. */
export function makeCpiTable(name: string, source: string, rows: readonly { month: string; index: number }[]): CpiTable {
  const issues: { code: string; path: string[]; message: string }[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = [`${name} row ${i + 1}`];
    if (!MONTH.test(r.month)) issues.push({ code: 'cpi_row_month', path: [...at, 'month'], message: `expected a month such as 2024-03, got "${r.month}"` });
    if (!(Number.isFinite(r.index) && r.index > 0)) issues.push({ code: 'cpi_row_index', path: [...at, 'index'], message: `expected a positive index, got ${String(r.index)}` });
    if (seen.has(r.month)) issues.push({ code: 'cpi_row_duplicate', path: at, message: `expected each month once, got ${r.month} again` });
    seen.add(r.month);
  });
  if (issues.length) {
    throw new ShakeoutError(`${name}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`, { issues, status: 400 });
  }
  return { name, source, months: rows.map((r) => ({ month: r.month, index: r.index })) };
}
