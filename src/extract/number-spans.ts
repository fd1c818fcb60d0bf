import { ALMOST_NONE_PHRASES, AMBIGUOUS_YEN_SIGN, CURRENCY_PREFIXES, ONLY_WORDS, PER_ITEM_WORDS, PER_WORDS, QUALIFIER_PREFIXES, safeParseFigure } from '../core/index.js';
import type { Figure } from '../core/index.js';

/** A span of a sentence that the figure reader read. Offsets are into the sentence. */
export interface ReadSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly figure: Figure;
  /** No unit, measure word or magnitude: a plain number ("2023", "5"). */
  readonly bare: boolean;
  /** Written with no currency, measure word, noun, 倍 or %: the unit is the reader's default (count). */
  readonly unitless: boolean;
  /** A second reading in brackets ("4.65亿美元(约合33亿人民币)"): the span of the figure it converts. */
  readonly conversionOf?: ReadSpan;
}

/** A number seen and left out, with why. */
export interface SkippedNumber {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

/** Reasons a number is left out, as the output counts them. */
export const SKIP_REASONS = {
  year: 'a year',
  date: 'a date',
  duration: 'a duration or an age',
  rank: 'a rank or an ordinal',
  page: 'a page number',
  name: 'part of a name, model or version (GPT-4, Llama 3, H100)',
  bare: 'a bare number: no unit, magnitude or measure word',
  count: 'a count that no metric word names',
  refused: 'the figure reader refused it',
  conversion: "the article's conversion of the figure before it (in that figure's note)",
} as const;

// Arabic numbers with their marks, Chinese numerals with a magnitude (百亿, 二十三亿), 数亿, 百分之十五,
// the reader's vague amounts whole (十几亿, not 几亿; 上百亿, not 百亿), and English "several hundred
// million", "tens of billions", "half a billion".
const CORE = new RegExp(
  [
    '百分之[零〇一二两三四五六七八九十百千点]+',
    '[二两三四五六七八九]?十几[十百千万亿]*',
    '上[百千万亿][十百千万亿]*',
    '(?:好几|数|几)[十百千]*[万亿]+',
    '[零〇一二两三四五六七八九十百千]+[万亿][零〇一二两三四五六七八九十百千万亿]*',
    // 七起, 十二笔, 三轮: deals counted in Chinese numerals (not 一起 "together", 一笔 "a sum" or 新一轮 "a new round")
    '(?:[二两三四五六七八九十][零〇一二两三四五六七八九十百千]*|一[零〇一二两三四五六七八九十百千]+)(?=[笔起轮])',
    '[0-9０-９]+(?:[.,．][0-9０-９]+)*',
    '\\b(?:several|a few)(?: hundred| thousand)? (?:thousand|million|billion|trillion)\\b',
    '\\b(?:tens|hundreds) of (?:thousands|millions|billions)\\b',
    '\\bhalf a (?:thousand|million|billion|trillion)\\b',
  ].join('|'),
  'gi',
);

/** Words that may stand before a number in a figure: qualifiers, "only" words, currency signs, 每月, 每人. */
const PREFIXES: readonly string[] = [
  ...QUALIFIER_PREFIXES.map(([w]) => w),
  ...ONLY_WORDS,
  ...CURRENCY_PREFIXES.map(([w]) => w),
  AMBIGUOUS_YEN_SIGN,
  ...PER_WORDS.map(([w]) => w),
  ...PER_ITEM_WORDS.map(([w]) => w),
  'between',
]
  .filter((w, i, all) => all.indexOf(w) === i)
  .sort((a, b) => b.length - a.length);

const isLatin = (c: string | undefined): boolean => c !== undefined && /[a-z]/i.test(c);
const isLatinOrDigit = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/i.test(c);

/** Ends a figure's reach: clause and sentence marks (a comma or period between digits does not). */
const STOP = /[，。；！？、;!?\n]|[,.:](?=\s|$)|\s[-–—]\s/g;
/** At most this many characters after a number belong to its figure. */
const REACH = 48;
const MAGNITUDE = /[万亿千百]|\d\s*-?\s*(?:k|m|mn|mm|bn|b|t|tn|million|billion|thousand|trillion|hundred|lakh|crore)\b|several|a few|tens of|hundreds of/i;
const MONTH_BEFORE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$/i;
const MONTH_AFTER = /^(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/**
 * Finds every number of a sentence and reads each with the figure reader
 * (`parseFigure`, the one reader): the number with the qualifier, "only"
 * word, currency sign or per-period word before it, and the longest run
 * after it (up to the clause's end) that the reader accepts. Years, dates,
 * durations, ages, ranks, page numbers and parts of names are left out with
 * their reason, and so are numbers the reader refuses. "Almost none"
 * phrases (几乎没有获得任何收入, almost no revenue) are read up to the metric
 * word that follows them (`metricEnd`: where the first one ends, or null).
 *
 * @param sentence the sentence's text
 * @param lang the article's language, for a lone ¥ (yuan in Chinese)
 * @param metricEnd where the first metric word of a text ends, or null (for almost-none phrases)
 */
export function findNumberSpans(
  sentence: string,
  lang: 'zh' | 'en',
  metricEnd: (text: string) => number | null,
): { spans: ReadSpan[]; skipped: SkippedNumber[] } {
  const spans: ReadSpan[] = [];
  const skipped: SkippedNumber[] = [];
  const taken = (a: number, b: number): boolean => spans.some((s) => a < s.end && s.start < b);

  for (const phrase of ALMOST_NONE_PHRASES) {
    for (let at = sentence.indexOf(phrase); at >= 0; at = sentence.indexOf(phrase, at + 1)) {
      if (/^[a-z]/.test(phrase) && isLatin(sentence[at - 1])) continue;
      // The phrase runs to the metric word it is about: 几乎没有获得任何收入, "almost no revenue".
      const from = at + phrase.length;
      const reach = sentence.slice(from, Math.min(stopAfter(sentence, from), from + (/^[a-z]/.test(phrase) ? 24 : 10)));
      const upTo = metricEnd(reach);
      if (upTo === null) continue;
      const text = sentence.slice(at, from + upTo);
      if (taken(at, at + text.length) || /[0-9]/.test(text)) continue;
      const r = safeParseFigure(text, { lang });
      if (r.ok) spans.push({ text, start: at, end: at + text.length, figure: r.figure, bare: false, unitless: true });
    }
  }

  CORE.lastIndex = 0;
  for (let m = CORE.exec(sentence); m; m = CORE.exec(sentence)) {
    const coreStart = m.index;
    const coreEnd = m.index + m[0].length;
    if (taken(coreStart, coreEnd)) continue;
    const core = m[0];
    const before = sentence.slice(Math.max(0, coreStart - 24), coreStart);
    const after = sentence.slice(coreEnd, coreEnd + 24);
    const skip = (reason: string, end = coreEnd): void => {
      skipped.push({ text: sentence.slice(coreStart, end), start: coreStart, end, reason });
    };
    const arabic = /^[0-9０-９]/.test(core);
    if (arabic) {
      const reason = contextReason(core, before, after);
      if (reason) {
        skip(reason);
        continue;
      }
    } else if (/第$/.test(before)) {
      skip(SKIP_REASONS.rank); // 第三轮: a round's name
      continue;
    } else if (/^[零〇]./.test(core)) {
      skip(SKIP_REASONS.name); // no written number starts with 零: 零一万物 is a name
      continue;
    }
    const read = readAt(sentence, coreStart, coreEnd, lang);
    if (!read.ok) {
      skip(`${SKIP_REASONS.refused}: ${read.reason}`, read.end);
      continue;
    }
    const { start, end, figure } = read;
    if (figure.alternatives.length > 0) {
      spans.push(...splitAlternatives(sentence, start, end, figure, lang));
      continue;
    }
    const text = sentence.slice(start, end);
    const magnitude = MAGNITUDE.test(text) || !arabic;
    const unitless = figure.unit === 'count' && figure.measureWord === null;
    const bare = unitless && !magnitude && figure.qualifier !== 'almost_none';
    if (bare && /^[0-9]{4}$/.test(core) && +core >= 1900 && +core <= 2100) {
      skip(SKIP_REASONS.year);
      continue;
    }
    if (bare && /\b[A-Z][A-Za-z]*[- ]$/.test(before)) {
      skip(SKIP_REASONS.name); // GPT 5, Llama 3
      continue;
    }
    spans.push({ text, start, end, figure, bare, unitless });
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, skipped };
}

/** Why a number is not a figure, from the words around it; null when it may be one. */
function contextReason(core: string, before: string, after: string): string | null {
  if (/^[0-9]{4}$/.test(core) && +core >= 1900 && +core <= 2100 && /^\s*(?:年(?!化)|全年|财年|年度|[-/]\d|\s*[Qq][1-4])/.test(after)) return SKIP_REASONS.year;
  if (/^[:：][0-5]\d/.test(after) || /\d[:：]$/.test(before)) return SKIP_REASONS.date; // a time of day, 00:00
  // "1、" opening a sentence or a clause: list numbering ("；2、 ..."), not "分别为1、2、3家"
  if (/^、(?!\s*[0-9０-９])/.test(after) && /(?:^|[；;：:。\n]\s*)$/.test(before)) return SKIP_REASONS.rank;
  if (/^\s*(?:月|日|号)/.test(after) || /^\s*[-–—~～至到]\s*\d{1,2}\s*月/.test(after) || /^[-/]\d{1,2}[-/]\d{1,4}\b/.test(after) || /^\/\d{1,2}(?![\d.,]*\s*(?:[万亿千百元美%倍]|[a-z]))/i.test(after) || MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)) return SKIP_REASONS.date;
  if (/^\s*(?:年(?!化)|个月|个多月|多个月|天|周|小时|分钟|秒|岁|周岁)/.test(after) || /^\s*-?\s*(?:years?|months?|days?|weeks?|hours?|minutes?|seconds?|decades?)\b/i.test(after) || /^-year-old/i.test(after)) return SKIP_REASONS.duration;
  if (/(?:\bp\.|\bpp\.|\bpages?)\s*$/i.test(before) || /^\s*页/.test(after)) return SKIP_REASONS.page;
  if (/(?:第|No\.\s*|#|\brank(?:ed)?\s+|\bnumber\s+|\btop[- ])$/i.test(before) || /^(?:st|nd|rd|th)\b/i.test(after) || /^\s*(?:名|位)(?!员工|用户)/.test(after) && /排名|排第|位列/.test(before)) return SKIP_REASONS.rank;
  if (/^[Qq]$/.test(before.slice(-1)) || /[Qq]$/.test(before.trimEnd()) && /\s$/.test(before) === false) return SKIP_REASONS.date;
  if (isLatinOrDigit(before.slice(-1)) && isLatin(before.slice(-1))) return SKIP_REASONS.name;
  if (/[a-z]-$/i.test(before) || /^[a-z]+\d/i.test(after) || /^(?:o|v|b)\b/i.test(after) && /[a-z]-?\s?$/i.test(before)) return SKIP_REASONS.name;
  if (/^[.\d]*[a-z]{2,}/i.test(after) && !/^\s/.test(after) && !/^(?:k|m|mn|mm|bn|b|t|tn|x|pct|mo|yr|million|billion|thousand|trillion)\b/i.test(after)) return SKIP_REASONS.name;
  return null;
}

/**
 * "4.65亿美元(约合33亿人民币)": the figure and its second reading in brackets
 * as two spans, each read on its own; the second is a conversion the writer
 * made, and says so (`conversionOf`).
 */
function splitAlternatives(sentence: string, start: number, end: number, figure: Figure, lang: 'zh' | 'en'): ReadSpan[] {
  const text = sentence.slice(start, end);
  const open = text.search(/[(（]/);
  const main = text.slice(0, open).trimEnd();
  const first = open > 0 ? safeParseFigure(main, { lang }) : null;
  if (!first?.ok) return [{ text, start, end, figure, bare: false, unitless: false }];
  const mainSpan: ReadSpan = { text: main, start, end: start + main.length, figure: first.figure, bare: false, unitless: false };
  const out: ReadSpan[] = [mainSpan];
  let from = start + open;
  for (const alt of figure.alternatives) {
    const written = alt.text.trim();
    const at = sentence.indexOf(written, from);
    if (at < 0 || at >= end) continue;
    out.push({ text: written, start: at, end: at + written.length, figure: alt, bare: false, unitless: false, conversionOf: mainSpan });
    from = at + written.length;
  }
  return out;
}

/** Where the clause that runs on from `from` ends. */
function stopAfter(sentence: string, from: number): number {
  STOP.lastIndex = from;
  const m = STOP.exec(sentence);
  return m ? m.index : sentence.length;
}

/** The figure around the number at [coreStart, coreEnd): its prefix words, the number, the longest suffix the reader accepts. */
function readAt(
  sentence: string,
  coreStart: number,
  coreEnd: number,
  lang: 'zh' | 'en',
): { ok: true; start: number; end: number; figure: Figure } | { ok: false; reason: string; end: number } {
  const starts = [prefixStart(sentence, coreStart), coreStart].filter((s, i, all) => all.indexOf(s) === i);
  const limit = Math.min(stopAfter(sentence, coreEnd), coreEnd + REACH);
  const from = /(?:\bfrom|从|由)\s*$/i.test(sentence.slice(Math.max(0, starts[0]! - 8), starts[0]));
  const wordEnd = Math.min(limit, coreEnd + (/^\s*\S+/.exec(sentence.slice(coreEnd))?.[0].length ?? 0));
  // "澳门币5亿元": a currency name the reader does not know stands before the number; 元 after it is that currency's unit, not the yuan.
  const unknownCurrency = /[\u3400-\u9fff]{1,4}[币幣]$/.exec(sentence.slice(0, starts[0]));
  if (unknownCurrency) {
    return { ok: false, reason: `the currency name "${unknownCurrency[0]}" before the number is not one the reader knows (its 元 is not the yuan)`, end: Math.max(coreEnd, wordEnd) };
  }
  let firstError: string | null = null;
  for (const start of starts) {
    // A currency sign before the number is part of the figure: if the reader refuses it with the sign, the number alone is no reading.
    if (start === coreStart && starts.length > 1 && /[$€£¥₩₹]|\b(?:RMB|CNY|USD|EUR|HKD|JPY|GBP)\b|[币幣]/i.test(sentence.slice(starts[0]!, coreStart))) break;
    for (let end = limit; end >= coreEnd; end--) {
      const last = sentence[end - 1]!;
      if (/\s/.test(last) || (end < limit && (isLatinOrDigit(last) && isLatinOrDigit(sentence[end])))) continue;
      const r = safeParseFigure(sentence.slice(start, end), { lang });
      if (!r.ok) {
        if (end === coreEnd) firstError ??= r.error.reason ?? 'not a figure';
        continue;
      }
      // "grew from $1B to $3B" is two figures, not a range.
      if (from && r.figure.qualifier === 'range') continue;
      return { ok: true, start, end, figure: r.figure };
    }
  }
  return { ok: false, reason: firstError ?? 'no reading', end: Math.max(coreEnd, wordEnd) };
}

/** Moves back over qualifier, "only", currency and per words before a number: 约为, 超, 仅为, more than, US$, 每月; and a minus sign (-24.7%). */
function prefixStart(sentence: string, coreStart: number): number {
  let start = coreStart;
  if (/[-−－]/.test(sentence[start - 1] ?? '') && !/[0-9a-z]/i.test(sentence[start - 2] ?? '')) start--;
  for (;;) {
    let at = start;
    while (at > 0 && sentence[at - 1] === ' ') at--;
    const head = sentence.slice(0, at).toLowerCase();
    const word = PREFIXES.find((w) => head.endsWith(w.toLowerCase()) && (!/^[a-z]/i.test(w) || !isLatin(head[head.length - w.length - 1])));
    if (!word) return start;
    // A space may separate English words from the number, not Chinese ones.
    if (at < start && !/[a-z$€£¥~≈<>]$/i.test(word)) return start;
    start = at - word.length;
  }
}
