import { safeParsePeriod } from '../core/index.js';

/** A time a sentence names, as a period the ledger reads ('2023', '2024-Q1', 'as of 2024-05', 'past month to 2024-05-20'). */
export interface PeriodMention {
  /** Null for a date whose year cannot be known (6月11日 in an article with no date to give one): `note` says why. */
  readonly period: string | null;
  readonly start: number;
  readonly end: number;
  /** Whether it was worked out against the publication date (今年, last year, 过去一个月, currently). */
  readonly relative: boolean;
  /** A moment ("as of"), not a stretch of time. */
  readonly asOf: boolean;
  /** How a year was given to a date written without one, or why none could be: for the review row's note. */
  readonly note: string | null;
  /** For a day written without its year: as written (6月11日), and where its year came from. */
  readonly yearless?: { readonly written: string; readonly said: string };
}

/** The date a day written without its year (6月11日, June 11) takes its year from: the publication date, else a full date of the article. */
export interface YearSource {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Where it comes from, for the note: 'the publication date 2024-06-12', 'the date "2024年6月10日" written in the article'. */
  readonly said: string;
}

const CN_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const EN_NUMBERS: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const ORDINAL_Q: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };

const pad = (n: number): string => String(n).padStart(2, '0');
const num = (s: string): number => CN_DIGIT[s] ?? EN_NUMBERS[s.toLowerCase()] ?? Number(s);
const monthOf = (s: string): number => EN_MONTHS.findIndex((m) => m.startsWith(s.toLowerCase().slice(0, 3))) + 1;

interface Rule {
  readonly re: RegExp;
  /** The period, or null when the match says nothing usable (no publication date for a relative phrase). */
  readonly read: (m: RegExpExecArray, pub: { y: number; m: number; day: string } | null) => string | null;
  readonly relative?: boolean;
  readonly asOf?: boolean;
}

/** Previous month of a publication date: 2024-05 -> 2024-04. */
const monthBefore = (y: number, m: number): string => (m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`);

/**
 * The rules, most specific first; a rule's match hides the shorter matches
 * inside it (2024年Q1 is a quarter, not the year 2024).
 */
const RULES: readonly Rule[] = [
  // relative, Chinese
  { re: /(今年|去年|前年|明年)\s*(?:第?\s*([一二三四1-4])\s*季度|[Qq]([1-4]))/g, relative: true, read: (m, p) => (p ? `${p.y + relYear(m[1]!)}-Q${num(m[2] ?? m[3]!)}` : null) },
  { re: /(今年|去年|前年|明年)\s*(上半年|下半年)/g, relative: true, read: (m, p) => (p ? half(p.y + relYear(m[1]!), m[2] === '上半年' ? 1 : 2) : null) },
  { re: /(今年|去年|前年|明年)\s*(十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])\s*月(?!\d)/g, relative: true, read: (m, p) => (p ? `${p.y + relYear(m[1]!)}-${pad(num(m[2]!))}` : null) },
  { re: /(今年|去年|前年|明年|本年度|上一年)(?!\s*[0-9一二三四五六七八九十上下第Qq])/g, relative: true, read: (m, p) => (p ? `${p.y + relYear(m[1]!)}` : null) },
  { re: /(?:过去|最近|近)\s*(一|两|三|六|十二|[0-9]{1,2})\s*个月/g, relative: true, read: (m, p) => (p ? (num(m[1]!) === 1 ? `past month to ${p.day}` : `past ${num(m[1]!)} months to ${p.day}`) : null) },
  { re: /(?:过去|最近|近)\s*(?:一|1)\s*年/g, relative: true, read: (m, p) => (p ? `past 12 months to ${p.day}` : null) },
  { re: /(上个月|上月)/g, relative: true, read: (m, p) => (p ? monthBefore(p.y, p.m) : null) },
  { re: /(本月|这个月|当月)/g, relative: true, read: (m, p) => (p ? `${p.y}-${pad(p.m)}` : null) },
  { re: /(当下|目前|现在|如今|截至目前|眼下|当前)/g, relative: true, asOf: true, read: (m, p) => (p ? `as of ${p.y}-${pad(p.m)}` : null) },
  // relative, English
  { re: /\b(this|last|next) year'?s?\b/gi, relative: true, read: (m, p) => (p ? `${p.y + enRel(m[1]!)}` : null) },
  { re: /\b(this|last|next) quarter\b/gi, relative: true, read: (m, p) => (p ? quarterRel(p.y, p.m, enRel(m[1]!)) : null) },
  { re: /\b(?:the )?(?:past|last|previous) (a|one|two|three|six|twelve|\d{1,2}) months\b|\b(?:the )?(past|previous) month\b/gi, relative: true, read: (m, p) => (p ? (m[1] === undefined || num(m[1]) === 1 ? `past month to ${p.day}` : `past ${num(m[1])} months to ${p.day}`) : null) },
  { re: /\blast month\b/gi, relative: true, read: (m, p) => (p ? monthBefore(p.y, p.m) : null) },
  { re: /\b(?:the )?(?:past|last) (?:12 months|twelve months|year)\b/gi, relative: true, read: (m, p) => (p ? `past 12 months to ${p.day}` : null) },
  { re: /\b(currently|now|today|at present|as of now|so far)\b/gi, relative: true, asOf: true, read: (m, p) => (p ? `as of ${p.y}-${pad(p.m)}` : null) },
  // written, Chinese and ISO
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, read: (m) => `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}` },
  { re: /(截至|截止)\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)?/g, asOf: true, read: (m) => `as of ${m[2]}-${pad(+m[3]!)}` },
  { re: /(\d{4})\s*年?\s*(?:第\s*([一二三四1-4])\s*季度|[Qq]([1-4]))/g, read: (m) => `${m[1]}-Q${num(m[2] ?? m[3]!)}` },
  { re: /(\d{4})\s*年\s*(上半年|下半年)/g, read: (m) => half(+m[1]!, m[2] === '上半年' ? 1 : 2) },
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月/g, read: (m) => `${m[1]}-${pad(+m[2]!)}` },
  { re: /(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/g, read: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  // written, English
  { re: new RegExp(`\\b(?:as of|by|at the end of|end of) ${EN_MONTH_RE}\\.? (\\d{4})\\b`, 'gi'), asOf: true, read: (m) => `as of ${m[2]}-${pad(monthOf(m[1]!))}` },
  { re: /\b(?:q([1-4])|(first|second|third|fourth) quarter(?: of)?)[ ,]*(?:of )?(?:fy)?(\d{4})\b/gi, read: (m) => `${m[3]}-Q${m[1] ?? ORDINAL_Q[m[2]!.toLowerCase()]}` },
  { re: /\b(\d{4}) ?q([1-4])\b/gi, read: (m) => `${m[1]}-Q${m[2]}` },
  { re: /\b(first|second) half of (\d{4})\b/gi, read: (m) => half(+m[2]!, m[1]!.toLowerCase() === 'first' ? 1 : 2) },
  { re: new RegExp(`\\b${EN_MONTH_RE}\\.? (\\d{1,2}),? (\\d{4})\\b`, 'gi'), read: (m) => `${m[3]}-${pad(monthOf(m[1]!))}-${pad(+m[2]!)}` },
  { re: new RegExp(`\\b${EN_MONTH_RE}\\.? (\\d{4})\\b`, 'gi'), read: (m) => `${m[2]}-${pad(monthOf(m[1]!))}` },
  // a year alone: 2023年, 2023全年, "in 2023", "2023's"
  { re: /(?<![0-9.,$€¥£])((?:19|20)\d{2})(?![0-9.,]*\s*(?:亿|万|千|百|美元|元|%|倍|[-–]\d|\s*(?:million|billion|bn|m\b|k\b)))(?:\s*(?:年度|年|全年|财年))?/g, read: (m) => m[1]! },
];

function relYear(word: string): number {
  return word === '去年' || word === '上一年' ? -1 : word === '前年' ? -2 : word === '明年' ? 1 : 0;
}
function enRel(word: string): number {
  const w = word.toLowerCase();
  return w === 'last' ? -1 : w === 'next' ? 1 : 0;
}
function quarterRel(y: number, m: number, delta: number): string {
  const q = Math.floor((m - 1) / 3) + delta; // 0-based
  const yy = y + Math.floor(q / 4);
  return `${yy}-Q${((q % 4) + 4) % 4 + 1}`;
}
function half(y: number, h: 1 | 2): string {
  return h === 1 ? `${y}-01/${y}-06` : `${y}-07/${y}-12`;
}

/** A day written without its year: 6月11日, 6月11号, June 11, 11 June (a capital month: "may 5" is not a date). */
const YEARLESS_DAY: readonly { readonly re: RegExp; readonly md: (m: RegExpExecArray) => [number, number] }[] = [
  { re: /(?<![0-9年月])(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12][0-9]|0?[1-9])\s*[日号](?![0-9])/g, md: (m) => [+m[1]!, +m[2]!] },
  { re: /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b(?!,? ?\d{4}|[.,]\d)/g, md: (m) => [monthOf(m[1]!), +m[2]!] },
  { re: /\b(3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December)\b(?!,? \d{4})/g, md: (m) => [monthOf(m[2]!), +m[1]!] },
];

/** The year of month/day nearest to the date `ref` (YYYY-MM-DD): 12月20日 read on 2025-01-05 is 2024-12-20. */
function nearestYear(month: number, day: number, ref: string): number {
  const y = +ref.slice(0, 4);
  const at = Date.parse(ref);
  return [y - 1, y, y + 1].sort((a, b) => Math.abs(Date.UTC(a, month - 1, day) - at) - Math.abs(Date.UTC(b, month - 1, day) - at))[0]!;
}

/** The matches of a global regex in text that overlap no mention already found (`taken` is read as it grows). */
function* freeMatches(re: RegExp, text: string, taken: readonly PeriodMention[]): Generator<{ m: RegExpExecArray; start: number; end: number }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (!taken.some((o) => start < o.end && o.start < end)) yield { m, start, end };
  }
}

/**
 * The times a sentence names, written (2023年, 2024年Q1, Q1 2024, May 2024)
 * or relative to the publication date `published` (YYYY-MM-DD): 今年一季度,
 * 去年, 过去一个月, 当下, last year, the past month, currently. Relative phrases
 * are skipped when there is no publication date. Each is a period string
 * `parsePeriod` reads; a match it refuses is dropped. A day written without
 * its year (6月11日, June 11) takes the year that puts it nearest to the date
 * `yearAt` gives for where it stands (the publication date, else the nearest
 * full date of the article), said in its `note`; with no such date its period
 * is null and the note says why.
 *
 * @example findPeriods('2023年中国AI领域投融资数量约为232笔', null) // => [{ period: '2023', start: 0, end: 5, ... }]
 * @example findPeriods('过去一个月中', '2024-05-20')[0].period // => 'past month to 2024-05-20'
 */
export function findPeriods(text: string, published: string | null, yearAt?: (at: number) => YearSource | null): PeriodMention[] {
  const pub = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? { y: +published.slice(0, 4), m: +published.slice(5, 7), day: published } : null;
  const out: PeriodMention[] = [];
  for (const rule of RULES) {
    for (const { m, start, end } of freeMatches(rule.re, text, out)) {
      const period = rule.read(m, pub);
      if (period === null || !safeParsePeriod(period).ok) continue;
      out.push({ period, start, end, relative: rule.relative ?? false, asOf: rule.asOf ?? false, note: null });
    }
  }
  const source = yearAt ?? ((): YearSource | null => (pub ? { date: pub.day, said: `the publication date ${pub.day}` } : null));
  for (const rule of YEARLESS_DAY) {
    for (const { m, start, end } of freeMatches(rule.re, text, out)) {
      const [month, day] = rule.md(m);
      const ref = source(start);
      if (!ref) {
        const note = `${JSON.stringify(m[0])} has no year, and the article gives none (no publication date, no full date): the period is left open`;
        out.push({ period: null, start, end, relative: false, asOf: false, note });
        continue;
      }
      const y = nearestYear(month, day, ref.date);
      const period = `${y}-${pad(month)}-${pad(day)}`;
      if (!safeParsePeriod(period).ok) continue;
      out.push({ period, start, end, relative: true, asOf: false, note: `${JSON.stringify(m[0])} has no year: ${y} from ${ref.said}`, yearless: { written: m[0], said: ref.said } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
