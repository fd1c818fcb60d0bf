import { DAYS_PER_MONTH } from './constants.js';
import { ShakeoutError } from './errors.js';

/** What sort of period a text names. `asof` is a point in time known to the precision of its text. */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'day' | 'span' | 'asof';

/**
 * A period of time, read from text. `start` and `end` are inclusive ISO dates.
 *
 * - year `2023`                 -> 2023-01-01 .. 2023-12-31
 * - quarter `2024-Q1`           -> 2024-01-01 .. 2024-03-31 (also 2024Q1, 2024年Q1, 2024年第一季度)
 * - month `2024-04`             -> 2024-04-01 .. 2024-04-30 (also 2024年4月)
 * - day `2024-05-20`            -> that day (also 2024年5月20日)
 * - span `2024-02/2024-11`      -> 2024-02-01 .. 2024-11-30 (also `A to B`, `A至B`);
 *   `past month to 2024-05-20`  -> 2024-04-21/2024-05-20; `past 3 months to 2024-05` -> 2024-03/2024-05
 * - asof `as of 2024-05`        -> 2024-05-01 .. 2024-05-31, a stock measured some time then
 *   (also `asof:2024-05`, `by 2024-03`, `截至2024年3月`)
 *
 * `text` is canonical: parsing it again gives the same period.
 */
export interface Period {
  readonly text: string;
  readonly kind: PeriodKind;
  readonly start: string;
  readonly end: string;
}

const EXAMPLES = '"2023", "2024-Q1", "2024-04", "2024-05-20", "2024-02/2024-11", "as of 2024-05" or "past month to 2024-05-20"';

const CN_QUARTER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function fail(text: string, why?: string): never {
  const message = `expected a period such as ${EXAMPLES}, got "${text}"${why ? ` (${why})` : ''}`;
  throw new ShakeoutError(message, { issues: [{ code: 'invalid_period', path: [], message }], status: 400 });
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function checkYear(text: string, y: number): void {
  if (y < 1900 || y > 2200) fail(text, `year ${y} is out of range`);
}
function checkMonth(text: string, m: number): void {
  if (m < 1 || m > 12) fail(text, `month ${m} is not 1 to 12`);
}

/** A simple period: year, quarter, month or day. */
function parseSimple(original: string, t: string): Period | undefined {
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})年?$/))) {
    const y = Number(m[1]);
    checkYear(original, y);
    return { text: pad(y, 4), kind: 'year', start: iso(y, 1, 1), end: iso(y, 12, 31) };
  }
  let y = NaN;
  let q = NaN;
  if ((m = t.match(/^(\d{4})\s*年?\s*[-\s]?\s*q([1-4])$/)) || (m = t.match(/^(\d{4})\s*年?\s*第?\s*([一二三四1-4])\s*季度$/))) {
    y = Number(m[1]);
    q = CN_QUARTER[m[2]!]!;
  } else if ((m = t.match(/^q([1-4])\s*[-\s]?\s*(\d{4})$/))) {
    y = Number(m[2]);
    q = Number(m[1]);
  }
  if (!Number.isNaN(y)) {
    checkYear(original, y);
    const sm = (q - 1) * 3 + 1;
    return { text: `${pad(y, 4)}-Q${q}`, kind: 'quarter', start: iso(y, sm, 1), end: iso(y, sm + 2, daysIn(y, sm + 2)) };
  }
  if ((m = t.match(/^(\d{4})-(\d{1,2})$/)) || (m = t.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    checkYear(original, y);
    checkMonth(original, mo);
    return { text: `${pad(y, 4)}-${pad(mo)}`, kind: 'month', start: iso(y, mo, 1), end: iso(y, mo, daysIn(y, mo)) };
  }
  if ((m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/)) || (m = t.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    checkYear(original, y);
    checkMonth(original, mo);
    if (d < 1 || d > daysIn(y, mo)) fail(original, `day ${d} is not in ${pad(y, 4)}-${pad(mo)}`);
    const s = iso(y, mo, d);
    return { text: s, kind: 'day', start: s, end: s };
  }
  return undefined;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Start of the period that ends on `end` and lasts `months` months: 2024-05-20, 1 -> 2024-04-21. */
function monthsBefore(end: string, months: number): string {
  const [y, m, d] = end.split('-').map(Number) as [number, number, number];
  if (d === daysIn(y, m)) {
    // month-aligned: first day of the month (months - 1) before
    const total = y * 12 + (m - 1) - (months - 1);
    return iso(Math.floor(total / 12), (total % 12) + 1, 1);
  }
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  return addDays(iso(yy, mm, Math.min(d, daysIn(yy, mm))), 1);
}

const isMonthStart = (d: string): boolean => d.endsWith('-01');
function isMonthEnd(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return day === daysIn(y, m);
}

function span(original: string, start: string, end: string): Period {
  if (end < start) fail(original, `the span ends (${end}) before it starts (${start})`);
  const text = isMonthStart(start) && isMonthEnd(end) ? `${start.slice(0, 7)}/${end.slice(0, 7)}` : `${start}/${end}`;
  return { text, kind: 'span', start, end };
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * Reads a period as written. Throws a ShakeoutError (status 400, code
 * `invalid_period`) that quotes the text and gives examples.
 *
 * @example parsePeriod('2024年第一季度') // { text: '2024-Q1', kind: 'quarter', start: '2024-01-01', end: '2024-03-31' }
 */
export function parsePeriod(text: string): Period {
  if (typeof text !== 'string') fail(String(text));
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) fail(text, 'it is empty');

  const simple = parseSimple(text, t);
  if (simple) return simple;

  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(?:as of|asof:?|by|截至|截止)\s*(.+?)$/))) {
    const inner = parseSimple(text, m[1]!.trim());
    if (!inner) fail(text, `"${m[1]}" is not a year, quarter, month or day`);
    return { text: `as of ${inner.text}`, kind: 'asof', start: inner.start, end: inner.end };
  }
  if ((m = t.match(/^(?:the )?(?:past|last) (?:(\d+|[a-z]+) )?months? (?:to|until|ending|ended) (.+)$/))) {
    const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? Number(m[1]) : WORD_NUMBERS[m[1]];
    if (!n || n < 1 || n > 1200) fail(text, `"${m[1]}" is not a number of months`);
    const inner = parseSimple(text, m[2]!.trim());
    if (!inner || (inner.kind !== 'month' && inner.kind !== 'day')) fail(text, `"${m[2]}" is not a month or day`);
    return span(text, monthsBefore(inner.end, n), inner.end);
  }
  if ((m = t.match(/^(.+?)\s*(?:\/|\bto\b|至|到|–|—|\.\.)\s*(.+)$/))) {
    const a = parseSimple(text, m[1]!.trim());
    const b = parseSimple(text, m[2]!.trim());
    if (!a) fail(text, `"${m[1]!.trim()}" is not a year, quarter, month or day`);
    if (!b) fail(text, `"${m[2]!.trim()}" is not a year, quarter, month or day`);
    return span(text, a.start, b.end);
  }
  return fail(text);
}

/** Like `parsePeriod`, but returns `{ ok: false, error }` instead of throwing. */
export function safeParsePeriod(text: string): { ok: true; period: Period } | { ok: false; error: ShakeoutError } {
  try {
    return { ok: true, period: parsePeriod(text) };
  } catch (e) {
    if (e instanceof ShakeoutError) return { ok: false, error: e };
    throw e;
  }
}

/** True when `inner` (a period or an ISO date) lies wholly within `outer`. */
export function periodContains(outer: Period, inner: Period | string): boolean {
  const s = typeof inner === 'string' ? inner : inner.start;
  const e = typeof inner === 'string' ? inner : inner.end;
  return outer.start <= s && e <= outer.end;
}

/** True when the two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Length in months: exact for periods made of whole months (a quarter is 3,
 * a year 12), else days / 30.436875 rounded to two decimals (a day is 0.03).
 */
export function periodMonths(p: Period): number {
  if (isMonthStart(p.start) && isMonthEnd(p.end)) {
    const [ys, ms] = p.start.split('-').map(Number) as [number, number];
    const [ye, me] = p.end.split('-').map(Number) as [number, number];
    return (ye - ys) * 12 + (me - ms) + 1;
  }
  const days = (Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.round((days / DAYS_PER_MONTH) * 100) / 100;
}

/** The calendar year a period falls in, or undefined when it spans years. */
export function periodYear(p: Period): number | undefined {
  const ys = Number(p.start.slice(0, 4));
  return ys === Number(p.end.slice(0, 4)) ? ys : undefined;
}
