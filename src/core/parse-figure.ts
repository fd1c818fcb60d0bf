import { chineseMagnitudeExponent, isChineseNumeralChar, parseChineseNumeral } from './chinese-numerals.js';
import { AMBIGUOUS_YEN_SIGN, UNKNOWN_CURRENCY_WORDS } from './currency-table.js';
import { FigureParseError, type Reason } from './errors.js';
import type { Figure, Qualifier } from './figure.js';
import {
  ALMOST_NONE_PHRASES,
  COUNT_NOUNS,
  COUNT_NOUNS_ZH,
  CURRENCY_PREFIXES,
  CURRENCY_SUFFIXES,
  ENGLISH_MAGNITUDES,
  ENGLISH_PLURAL_MAGNITUDES,
  EUROPEAN_MAGNITUDES,
  EUROPEAN_PER_WORDS,
  EUROPEAN_WORDS,
  LONG_SCALE_WORDS,
  MARK_ARTICLES,
  MARK_WORDS,
  MEASURE_WORDS,
  MULTIPLE_WORDS,
  NOISE_SUFFIXES,
  NOISE_WORDS,
  ONLY_WORDS,
  PERCENT_PREFIXES,
  PERCENT_WORDS,
  PERIOD_NAMES,
  PER_ITEMS,
  PER_ITEM_WORDS,
  PER_SEPARATORS,
  PER_WORDS,
  QUALIFIER_PREFIXES,
  QUALIFIER_SUFFIXES,
  RANGE_CLOSERS,
  RANGE_OPENERS,
  RANGE_SEPARATORS,
  RUN_RATE_WORDS,
  SEVERAL_PLURALS,
  SEVERAL_WORDS,
  NEIGHBOUR_DIGIT_PAIRS,
  TENS_ODD,
  REACHING_WORD,
  HALF_A_WORDS,
  HALF_A_MAGNITUDES,
} from './figure-words.js';
import { qualify } from './qualifier-table.js';
import type { Currency, Per, Unit } from './quantity.js';
import { isCurrency } from './quantity.js';

/** Options of {@link parseFigure}. */
export interface ParseFigureOptions {
  /**
   * The unit of a figure that names none (no currency, measure word, 倍 or %).
   * The article's "近千亿" (F24) is OpenAI's valuation in dollars by context:
   * the ledger passes `{ defaultUnit: 'USD' }`. Default: 'count'.
   */
  readonly defaultUnit?: Unit;
  /**
   * The language of the text the figure comes from. `'zh'` makes a lone `¥`
   * the yuan even when the figure itself has no Chinese character ("¥100" in
   * a Chinese article); otherwise Chinese characters in the figure decide.
   */
  readonly lang?: 'zh' | 'en';
}

/** The result of {@link safeParseFigure}. */
export type SafeParseFigureResult =
  | { readonly ok: true; readonly figure: Figure }
  | { readonly ok: false; readonly error: FigureParseError };

/**
 * Every rule the reader refuses a text by: the `code` of a refusal's reason
 * (`FigureParseError.reasonCode`, and the `reason` of its issue), each listed
 * with its values and its English and Chinese sentence in docs/figures.md.
 * Stable: programs and the dashboard's sentences key on them.
 */
export const FIGURE_REFUSAL_CODES = [
  'not_text', 'too_long', 'empty', 'no_number', 'number_expected', 'numeral_unreadable', 'too_large', 'out_of_range',
  'two_periods', 'two_per_items', 'two_range_openers', 'range_needs_two_ends', 'mark_needs_word',
  'bracket_unclosed', 'nested_brackets', 'bracket_unreadable', 'bracket_other_unit', 'bracket_other_period', 'bracket_other_item',
  'currency_without_rates', 'ambiguous_crown_sign', 'yen_sign_after_number', 'ambiguous_yen_sign', 'currency_misplaced', 'two_currencies',
  'second_magnitude', 'mixed_magnitudes', 'two_numbers', 'billions_not_read', 'long_scale_european', 'korean_numerals', 'unknown_word', 'unexpected_text',
  'several_needs_magnitude', 'several_plural_needs_magnitude', 'half_needs_magnitude',
  'multiple_and_percent', 'kind_with_currency', 'measure_word_not_money',
  'ambiguous_european_mark', 'ambiguous_point', 'mixed_marks_malformed', 'grouping_malformed', 'comma_after_long_group', 'comma_digit_count',
  'range_units_differ', 'range_measures_differ', 'qualifier_on_range', 'range_several_end', 'range_order', 'qualifiers_disagree',
] as const;

/** The code of a reason the figure reader refuses a text for: one of {@link FIGURE_REFUSAL_CODES}. */
export type FigureRefusalCode = (typeof FIGURE_REFUSAL_CODES)[number];

/** Texts longer than this are not figures (and are not scanned). */
export const MAX_FIGURE_LENGTH = 200;

/**
 * A text each rule refuses, for the docs and the tests (every code is reached
 * by its text); null for a rule no text reaches.
 */
export const FIGURE_REFUSAL_EXAMPLES: Readonly<Record<FigureRefusalCode, string | null>> = {
  not_text: null, // a number or nothing where text should be
  too_long: '1'.repeat(MAX_FIGURE_LENGTH + 1),
  empty: '  ',
  no_number: '$',
  number_expected: 'n/a',
  numeral_unreadable: '三五亿美元',
  too_large: '数' + '亿'.repeat(40),
  out_of_range: null, // a guard: the reader checks a range's order and a finite magnitude before qualify() could throw
  two_periods: '19.99美元/月/年',
  two_per_items: '$40 per seat per user',
  two_range_openers: 'between from $3B to $5B',
  range_needs_two_ends: 'between $3B',
  mark_needs_word: 'the $2 billion',
  bracket_unclosed: '$5M ($5M',
  nested_brackets: '$5M (($5M))',
  bracket_unreadable: '$5M (seed)',
  bracket_other_unit: '$5M (20%)',
  bracket_other_period: '$5M a month ($60M a year)',
  bracket_other_item: '$40 per seat ($40 per user)',
  currency_without_rates: 'R$5M',
  ambiguous_crown_sign: '500 kr',
  yen_sign_after_number: '100 ¥',
  ambiguous_yen_sign: '¥100',
  currency_misplaced: '5 dollars euros',
  two_currencies: 'HK$5 million US dollars',
  second_magnitude: '5 million billion',
  mixed_magnitudes: '5亿 million',
  two_numbers: '1 500 000',
  billions_not_read: '5 billions',
  long_scale_european: "5 billion d'euros",
  korean_numerals: '1,200억 원',
  unknown_word: '3 apples',
  unexpected_text: '5 @',
  several_needs_magnitude: '数美元',
  several_plural_needs_magnitude: 'tens of dollars',
  half_needs_magnitude: 'half a dollar',
  multiple_and_percent: '百分之五倍',
  kind_with_currency: '$5%',
  measure_word_not_money: '5美元笔',
  ambiguous_european_mark: '1,500 Mrd. €',
  ambiguous_point: '€600.000',
  mixed_marks_malformed: '1,23.4',
  grouping_malformed: '1,23,4',
  comma_after_long_group: '1234,567',
  comma_digit_count: '1,2345',
  range_units_differ: '$3B-€5B',
  range_measures_differ: '3笔至5家',
  qualifier_on_range: '超两三亿美元',
  range_several_end: '数亿至5亿',
  range_order: '5亿至3亿',
  qualifiers_disagree: '超5亿以下',
};

const EXPECTED =
  'expected a number with optional qualifier, magnitude and unit, such as "约204亿美元", "超23亿美元", "$3.6B", "nearly $1.8B" or "65起"';


/**
 * Reads one figure as a source writes it, in Chinese or English (and the
 * common French, German and Italian forms), into a number with its unit,
 * period, qualifier and the distribution the qualifier implies (see
 * `QUALIFIER_TABLE` and docs/qualifiers.md).
 *
 * It understands:
 * - numbers: 232, 19.99, 1,200, $1,234,567, full-width １２３．５, Chinese
 *   numerals (二十三亿, 三千五百万, 两千, 百亿), negative numbers (-5%, −3亿元);
 *   a decimal comma before one or two digits (1,5 Mrd. €), thousands grouped
 *   by commas or periods (1,234,567 or 1.234.567; 1.234,5 and 1,234.5);
 * - magnitudes: 万 亿 百万 千万 百亿 千亿 万亿; k, M, B, bn, T; thousand, million,
 *   billion, trillion, lakh, crore, also hyphenated ("$1-billion"); Mio., Mrd.,
 *   Md, millions, milliards, Millionen, Milliarden, milioni, miliardi (a
 *   milliard is 1e9);
 * - units: the currencies of `CURRENCY_TABLE` by their signs, codes and names
 *   in English and Chinese ($, US$, HK$, €, £, ₩, ₹, CHF, 美元, 港元, 欧元, 日元,
 *   円, euros, "Hong Kong dollars", d'euros ...); counts with a measure word
 *   (笔 起 家 个 人 名 ...) or a known English noun ("232 deals", `COUNT_NOUNS`);
 *   multiples (5倍, 5x, 5×, 5 times); percentages (15%, 15％, 百分之十五,
 *   stored as 0.15);
 * - periods: 19.99美元/月, 每月19.99美元, $20/mo, $20 a month, $180M per year,
 *   "8 milioni al mese"; run rates ("$20M ARR" is per year, "$1M MRR" per
 *   month); what a price is per besides time ("$40 per seat per month":
 *   `perItem` 'seat');
 * - qualifiers: 约 / about / some (about), 超 / 以上 / 余 / over / topped (over), 近 /
 *   nearly / just under (nearly), 不到 / under (under), 数亿 / several hundred
 *   million (several), 3亿至5亿 / $300M-$500M / between $3B and $5B (range), 几乎没有
 *   / almost none (almost_none); "reached the $2 billion mark" is over, "a
 *   total of $1.525 billion" exact. "Only" words (仅为, only, just) keep another
 *   qualifier and otherwise read as about;
 * - a second reading in parentheses: "600 million euros ($645 million)" reads
 *   €600M and keeps $645M in `alternatives` (same period; money for money).
 *
 * `¥` alone is the yuan's and the yen's sign: it is CNY next to 元 or in a
 * Chinese text (Chinese characters in the figure, or `options.lang` 'zh'),
 * JPY next to 円 or 日元, and refused otherwise.
 *
 * Never a silent misread: a word after the number must be a currency, a
 * magnitude, a period, a measure word or noun of `MEASURE_WORDS` /
 * `COUNT_NOUNS`, or a qualifier; anything else is refused, naming it. A comma
 * before three digits in a European text ("1,500 Mrd. €": 1.5 or 1500?), a
 * single period before three digits there ("1.500 Mio.") or anywhere with no
 * magnitude after it ("€600.000": 600 or 600,000?), "billion" in a
 * European text (1e12 there), a comma before four or more digits, "kr" (four
 * crowns) and currencies without rates are refused with the reason.
 *
 * Not read (they throw): 十几亿 and 一两亿 (write a range), scientific notation
 * (1e9), digits grouped by spaces (1 500 000).
 *
 * A number with no currency, measure word, multiple or percent sign has the
 * unit `options.defaultUnit`, or 'count': the caller supplies the currency
 * that context implies ("近千亿" about OpenAI is dollars).
 *
 * @param text the figure as written
 * @param options `defaultUnit`: the unit of a bare number; `lang`: the text's language, for `¥`
 * @returns the figure
 * @throws {FigureParseError} when the text is not a figure:
 *   `"n/a" is not a figure: expected a number with optional qualifier, magnitude and unit,
 *   such as "约204亿美元", "超23亿美元", "$3.6B", "nearly $1.8B" or "65起"; ...`
 * @example
 * parseFigure('超23亿美元');
 * // => { value: 2300000000, unit: 'USD', qualifier: 'over', low: 2300000000, high: null,
 * //      p5: 2346000000, p50: 2530000000, p95: 3450000000 (to rounding), ... }
 * parseFigure('nearly $1.8B').qualifier; // => 'nearly'
 * parseFigure('19.99美元/月').per; // => 'month'
 * parseFigure('近千亿', { defaultUnit: 'USD' }).unit; // => 'USD'
 * parseFigure('1,5 Mrd. €').value; // => 1500000000 (unit 'EUR')
 * parseFigure('600 million euros ($645 million)').alternatives[0].value; // => 645000000
 * parseFigure('¥100'); // throws: "¥" alone is both the yuan and the yen ...
 */
export function parseFigure(text: string, options: ParseFigureOptions = {}): Figure {
  if (typeof text !== 'string') fail(String(text), 'a figure is text', refusal('not_text'));
  if (text.length > MAX_FIGURE_LENGTH) fail(text, `it is longer than ${MAX_FIGURE_LENGTH} characters`, refusal('too_long', { max: MAX_FIGURE_LENGTH }));
  const s = normalize(text);
  if (s === '') fail(text, 'the text is empty', refusal('empty'));
  try {
    return new FigureReader(text, s, options).read();
  } catch (error) {
    if (error instanceof Refusal) fail(text, error.detail, error.reason);
    throw error;
  }
}

/**
 * {@link parseFigure} that returns its error instead of throwing it, for
 * validating many figures at once. Errors other than FigureParseError (bugs)
 * still throw.
 *
 * @example
 * safeParseFigure('$3.6B'); // => { ok: true, figure: { value: 3600000000, unit: 'USD', ... } }
 * safeParseFigure('n/a'); // => { ok: false, error: FigureParseError('"n/a" is not a figure: ...') }
 */
export function safeParseFigure(text: string, options: ParseFigureOptions = {}): SafeParseFigureResult {
  try {
    return { ok: true, figure: parseFigure(text, options) };
  } catch (error) {
    if (error instanceof FigureParseError) return { ok: false, error };
    throw error;
  }
}

function fail(text: string, detail: string, reason: Reason): never {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  throw new FigureParseError(text, `${JSON.stringify(shown)} is not a figure: ${EXPECTED}; ${detail}`, detail, reason);
}

/** A reason as data: the rule's code and its values, as text. */
function refusal(code: FigureRefusalCode, params: Readonly<Record<string, string | number>> = {}, cause?: Reason): Reason {
  const text = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return cause === undefined ? { code, params: text } : { code, params: text, cause };
}

/** Why the reader stopped; `parseFigure` turns it into a FigureParseError about the whole text. */
class Refusal extends Error {
  constructor(
    readonly detail: string,
    readonly reason: Reason,
  ) {
    super(detail);
  }
}

/** NFKC (full-width digits, signs and brackets to ASCII), one kind of dash, tilde and apostrophe, no trailing 。 or period. */
function normalize(text: string): string {
  let s = text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58]/g, '-')
    .replace(/[\u301C\u223C]/g, '~')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .trim();
  while (s.endsWith('。') || s.endsWith('.')) s = s.slice(0, -1).trimEnd();
  return s;
}

// ---------------------------------------------------------------------------
// Word lists, longest first so that 约为 wins over 约 and "bn" over "b".

type Entry<T> = readonly [string, T];
/** A word list indexed by first character, each bucket longest first. */
type WordList<T> = ReadonlyMap<string, readonly Entry<T>[]>;

function list<T>(entries: ReadonlyArray<Entry<T>>): WordList<T> {
  const byFirst = new Map<string, Entry<T>[]>();
  for (const entry of [...entries].sort((a, b) => b[0].length - a[0].length)) {
    const bucket = byFirst.get(entry[0][0]!);
    if (bucket) bucket.push(entry);
    else byFirst.set(entry[0][0]!, [entry]);
  }
  return byFirst;
}
function plain(words: readonly string[]): WordList<string> {
  return list(words.map((w) => [w, w] as const));
}

/**
 * The reader's word lists (and the European-words pattern), built on first
 * use (ARCHITECTURE.md: nothing built at the top level): a command that
 * reads no figure (`shakeout run` of a model) does not pay for them.
 */
function buildWordLists() {
  return {
    QUAL_PREFIX: list(QUALIFIER_PREFIXES),
    QUAL_SUFFIX: list(QUALIFIER_SUFFIXES),
    ONLY: plain(ONLY_WORDS),
    NOISE: plain(NOISE_WORDS),
    NOISE_AFTER: plain(NOISE_SUFFIXES),
    MARK_ARTICLE: plain(MARK_ARTICLES),
    MARK: plain(MARK_WORDS),
    OPENERS: plain(RANGE_OPENERS),
    SEPARATORS: plain(RANGE_SEPARATORS),
    SEPARATORS_AND: plain([...RANGE_SEPARATORS, 'and']),
    CLOSERS: plain(RANGE_CLOSERS),
    SEVERAL: plain(SEVERAL_WORDS),
    SEVERAL_PLURAL: list(SEVERAL_PLURALS),
    ALMOST_NONE: plain(ALMOST_NONE_PHRASES),
    MAGNITUDES: list([...ENGLISH_MAGNITUDES, ...EUROPEAN_MAGNITUDES]),
    LONG_SCALE: new Set(LONG_SCALE_WORDS),
    PLURAL_MAGNITUDES: list(ENGLISH_PLURAL_MAGNITUDES),
    CUR_PREFIX: list(CURRENCY_PREFIXES),
    CUR_SUFFIX: list(CURRENCY_SUFFIXES),
    YEN: plain([AMBIGUOUS_YEN_SIGN]),
    /** The unknown currency words that several crowns write (the reason says which one the product reads). */
    CROWN_SIGNS: new Set(['kr', 'kr.']),
    UNKNOWN_CUR: list(UNKNOWN_CURRENCY_WORDS),
    MULTIPLE: plain(MULTIPLE_WORDS),
    PERCENT: plain(PERCENT_WORDS),
    PERCENT_PREFIX: plain(PERCENT_PREFIXES),
    MEASURE: plain(MEASURE_WORDS),
    NOUNS: plain(COUNT_NOUNS),
    NOUNS_ZH: plain(COUNT_NOUNS_ZH),
    PERIODS: list(PERIOD_NAMES),
    PER_SEP: plain(PER_SEPARATORS),
    PERS: list([...PER_WORDS, ...EUROPEAN_PER_WORDS]),
    RUN_RATE: list(RUN_RATE_WORDS),
    ITEMS: list(PER_ITEMS),
    ITEM_WORDS: list(PER_ITEM_WORDS),
    SIGNS: list<1 | -1>([['-', -1], ['+', 1]]),
    MID_OVER: plain(['余', '多']),
    HALF_A: plain(HALF_A_WORDS),
    /** "-plus" after a figure ("$40 billion-plus") is over, not the dash of a range. */
    DASH_PLUS: plain(QUALIFIER_SUFFIXES.filter(([w]) => w.startsWith('-')).map(([w]) => w)),
    /** A European word anywhere in the (lower-case) text, or € written after a number. */
    EUROPEAN_TEXT: new RegExp(
      `(?<![a-z])(?<!of )(?:${[...EUROPEAN_WORDS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![a-z])|[0-9][^€$£¥]*€`,
    ),
  };
}
type WordLists = ReturnType<typeof buildWordLists>;
let wordLists: WordLists | null = null;

/** The Chinese digits by value, for the next ten of 十几 (二十几 -> 三十). */
const DIGIT_CHARS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const escapeRegExp = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const hasChinese = (w: string): boolean => /[\u3400-\u9fff]/.test(w);

/** One side of a figure: "约" aside, everything from the sign to the unit ("-$3.6B", "20余亿美元", "数亿"). */
interface Amount {
  sign: 1 | -1;
  currency: Currency | null;
  kind: 'multiple' | 'percent' | null;
  measure: string | null;
  /** Arabic digits and Chinese numeral characters, separators removed: "1200万", "二十三亿". */
  numeral: string;
  /** English and European magnitudes: 9 for "B" or "Mrd.", 8 for "hundred million". */
  englishExp: number;
  /** 数亿 / several hundred million: the power of ten of the magnitude; null otherwise. */
  severalExp: number | null;
  /** 20余亿, 200多万: over, written inside the number. */
  over: boolean;
  /** "600.000": one period before three digits outside a European text, decided by the magnitude after it (see `valueOf`). */
  pointBeforeThree: string | null;
  /** 两三亿, 十几亿: a range written as one number; `numeral` is its low end (两亿, 十亿), this its high end (三亿, 二十亿). */
  approxHigh: string | null;
}

class FigureReader {
  private readonly w: WordLists = (wordLists ??= buildWordLists());
  private pos = 0;
  private readonly lower: string;
  /** French, German or Italian words in the text: a comma or period before three digits is ambiguous, "billion" is 1e12. */
  private readonly european: boolean;

  constructor(
    private readonly text: string,
    private readonly s: string,
    private readonly options: ParseFigureOptions,
  ) {
    this.lower = s.replace(/[A-ZÄÖÜ]/g, (c) => c.toLowerCase());
    this.european = this.w.EUROPEAN_TEXT.test(this.lower);
  }

  read(): Figure {
    const almostNone = this.almostNone();
    if (almostNone) return almostNone;

    const quals: Qualifier[] = [];
    let only = false;
    let per: Per | null = null;
    let perItem: string | null = null;
    let opener: string | null = null;
    let article = false;
    let mark = false;
    const setPer = (p: Per): void => {
      if (per !== null && per !== p) this.fail(`it names two periods, ${per} and ${p}`, 'two_periods', { per, otherPer: p });
      per = p;
    };
    const setItem = (item: string): void => {
      if (perItem !== null && perItem !== item) this.fail(`it is per two things, ${perItem} and ${item}`, 'two_per_items', { item: perItem, otherItem: item });
      perItem = item;
    };

    // Prefixes: 约, 超过, nearly, 仅为, 为, 每月, 每人, between, "a total of", "reached the".
    for (;;) {
      this.ws();
      const q = this.eat(this.w.QUAL_PREFIX);
      if (q) {
        quals.push(q[1]);
        continue;
      }
      if (this.eat(this.w.ONLY)) {
        only = true;
        continue;
      }
      if (this.eat(this.w.NOISE)) continue;
      if (!article && this.eat(this.w.MARK_ARTICLE)) {
        article = true;
        continue;
      }
      const p = this.eat(this.w.PERS);
      if (p) {
        setPer(p[1]);
        continue;
      }
      const item = this.eat(this.w.ITEM_WORDS);
      if (item) {
        setItem(item[1]);
        continue;
      }
      const o = this.eat(this.w.OPENERS);
      if (o) {
        if (opener !== null) this.fail(`"${opener}" and "${o[0]}" both open a range`, 'two_range_openers', { word: opener, otherWord: o[0] });
        opener = o[0];
        continue;
      }
      break;
    }

    const first = this.amount();
    let second: Amount | null = null;
    const beforeSeparator = this.pos;
    this.ws();
    if (first.approxHigh !== null) {
      // 两三亿美元: a range in one number, its unit read once for both ends
      second = { ...first, numeral: first.approxHigh, approxHigh: null };
      this.pos = beforeSeparator;
    } else if (!this.peek(this.w.DASH_PLUS) && this.eat(opener === 'between' ? this.w.SEPARATORS_AND : this.w.SEPARATORS)) second = this.amount();
    else this.pos = beforeSeparator;
    if (opener !== null && second === null) this.fail(`"${opener}" needs two ends, as in "between $3B and $5B"`, 'range_needs_two_ends', { word: opener });

    // Suffixes: 左右, 以上, or more, /月, a month, ARR, per seat, 之间, mark, and nouns of counts ("232 deals").
    let noun: string | null = null;
    const isCount = [first, second].every((a) => a === null || (a.currency === null && a.kind === null));
    const hasMeasure = first.measure !== null || (second?.measure ?? null) !== null;
    const canRunRate = [first, second].every((a) => a === null || (a.kind === null && a.measure === null));
    for (;;) {
      const start = this.pos;
      const spaced = this.ws();
      const q = this.eat(this.w.QUAL_SUFFIX);
      if (q) {
        quals.push(q[1]);
        continue;
      }
      if (second !== null && this.eat(this.w.CLOSERS)) continue;
      if (this.eat(this.w.NOISE_AFTER)) continue;
      if (!mark && this.eat(this.w.MARK)) {
        mark = true;
        continue;
      }
      // Before periods: "100M weekly active users" counts users, it is not per week.
      if (isCount && noun === null && ((spaced && !hasMeasure && this.eat(this.w.NOUNS)) || (!spaced && this.eat(this.w.NOUNS_ZH)))) {
        noun = this.s.slice(start, this.pos).trim();
        continue;
      }
      const p = this.period();
      if (p) {
        setPer(p);
        continue;
      }
      const item = this.perItem();
      if (item) {
        setItem(item);
        continue;
      }
      const r = canRunRate ? this.eat(this.w.RUN_RATE) : null;
      if (r) {
        setPer(r[1]);
        continue;
      }
      this.pos = start;
      break;
    }
    if (article && !mark) this.fail(`"the" before a figure needs a mark after it, as in "reached the $2 billion mark"`, 'mark_needs_word');
    if (mark) quals.push('over');

    const alternatives: Figure[] = [];
    for (;;) {
      const start = this.pos;
      this.ws();
      if (this.s[this.pos] !== '(') {
        this.pos = start;
        break;
      }
      alternatives.push(this.alternative());
    }
    if (this.pos < this.s.length) this.leftover();

    const figure = this.figure(first, second, quals, only, per, noun, perItem);
    return { ...figure, alternatives: alternatives.map((a) => this.checkAlternative(figure, a)) };
  }

  /** "($645 million)": the text between the brackets, read as a figure of its own. */
  private alternative(): Figure {
    const open = this.pos;
    const close = this.s.indexOf(')', open + 1);
    if (close === -1) this.fail('a "(" is not closed', 'bracket_unclosed');
    const inner = this.s.slice(open + 1, close).trim();
    if (inner.includes('(')) this.fail('brackets inside brackets', 'nested_brackets');
    this.pos = close + 1;
    // The same text: a lone ¥ in brackets beside Chinese is the yuan too.
    const options: ParseFigureOptions = hasChinese(this.s) ? { ...this.options, lang: 'zh' } : this.options;
    try {
      return new FigureReader(inner, normalize(inner), options).read();
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return this.fail(
        `the text in brackets, ${JSON.stringify(inner)}, is not a second reading of the figure (${error.detail})`,
        'bracket_unreadable',
        { text: inner },
        error.reason,
      );
    }
  }

  /** A second reading speaks of the same thing: money for money (any currency), the same unit otherwise, the same period. */
  private checkAlternative(main: Omit<Figure, 'alternatives'>, alt: Figure): Figure {
    if (isCurrency(main.unit) !== isCurrency(alt.unit) || (!isCurrency(main.unit) && main.unit !== alt.unit)) {
      this.fail(
        `the figure in brackets, ${JSON.stringify(alt.text.trim())}, is in ${alt.unit}, not a second reading of ${main.unit}`,
        'bracket_other_unit',
        { text: alt.text.trim(), unit: alt.unit, mainUnit: main.unit },
      );
    }
    if (alt.alternatives.length > 0) this.fail('brackets inside brackets', 'nested_brackets');
    const per = alt.per ?? main.per;
    if (per !== main.per) {
      this.fail(`the figure in brackets is per ${per}, the figure ${main.per === null ? 'per no period' : `per ${main.per}`}`, 'bracket_other_period', {
        per: per ?? '',
        mainPer: main.per ?? '',
      });
    }
    const perItem = alt.perItem ?? main.perItem;
    if (perItem !== main.perItem) {
      this.fail(`the figure in brackets is per ${perItem}, the figure per ${main.perItem ?? 'nothing'}`, 'bracket_other_item', { item: perItem ?? '', mainItem: main.perItem ?? '' });
    }
    return { ...alt, per, perItem };
  }

  /** What is left is not part of a figure: say what it is, as precisely as the reader can. */
  private leftover(): never {
    const start = this.pos;
    this.ws();
    const rest = this.s.slice(this.pos);
    this.unknownCurrency(rest);
    if (this.eat(this.w.YEN)) this.fail('write the currency sign "¥" before the number, or 元 / 円 after it', 'yen_sign_after_number');
    const currency = this.peek(this.w.CUR_SUFFIX) ?? this.peek(this.w.CUR_PREFIX);
    if (currency) {
      const written = rest.slice(0, currency[0].length);
      this.fail(`${JSON.stringify(written)} (${currency[1]}) where no currency can stand: a figure names one currency, next to its number`, 'currency_misplaced', { written, currency: currency[1] });
    }
    const magnitude = this.peek(this.w.MAGNITUDES);
    if (magnitude) {
      const written = rest.slice(0, magnitude[0].length);
      this.fail(`a second magnitude ${JSON.stringify(written)}: a number takes one magnitude (and "hundred")`, 'second_magnitude', { written });
    }
    if (isDigit(rest[0]) && start < this.pos) {
      this.fail(`two numbers, separated by a space, at ${JSON.stringify(rest.slice(0, 20))} (digits grouped by spaces are not read: write 1500000 or 1,500,000)`, 'two_numbers', { at: rest.slice(0, 20) });
    }
    const word = /^[a-z][a-z'.-]*/i.exec(rest)?.[0] ?? /^[\u3400-\u9fff]+/.exec(rest)?.[0];
    if (word !== undefined && this.w.LONG_SCALE.has(word.toLowerCase())) {
      this.fail(`"${word}" is not read: in English "billions" comes after "tens of" or "hundreds of", and in French, German or Italian it is 10^12`, 'billions_not_read', { word });
    }
    // Korean number words: 만 10^4, 억 10^8, 조 10^12 (the reader takes the won's signs and names, not these)
    const korean = /^\s*([만억조])/.exec(rest)?.[1];
    if (korean !== undefined) {
      this.fail(`Korean number words ("${korean}") are not read: write the amount in digits with its magnitude, such as "₩120 billion" or "KRW 120B" for 1,200억 원`, 'korean_numerals', { word: korean });
    }
    if (word !== undefined) {
      this.fail(
        `unknown word ${JSON.stringify(word)} after the number: not a currency, magnitude, period, qualifier or known measure word ` +
          `(measure words: ${MEASURE_WORDS.slice(0, 8).join(' ')} ...; nouns: people, employees, users, deals ...)`,
        'unknown_word',
        { word },
      );
    }
    this.fail(`unexpected ${JSON.stringify(rest.slice(0, 20))}`, 'unexpected_text', { at: rest.slice(0, 20) });
  }

  /**
   * A currency the product has no rates for ("R$", "pesos"), or "kr", which
   * four crowns write: refused with the table's reason, naming what was written.
   */
  private unknownCurrency(rest: string): void {
    const unknown = this.eat(this.w.UNKNOWN_CUR);
    if (!unknown) return;
    const written = rest.slice(0, unknown[0].length);
    this.fail(unknown[1], this.w.CROWN_SIGNS.has(unknown[0]) ? 'ambiguous_crown_sign' : 'currency_without_rates', { written });
  }

  private almostNone(): Figure | null {
    const phrase = this.eat(this.w.ALMOST_NONE);
    if (!phrase) return null;
    // "几乎没有获得任何收入": the rest is words, not another number.
    if (/[0-9]/.test(this.s.slice(this.pos))) {
      this.pos = 0;
      return null;
    }
    const unit = this.options.defaultUnit ?? 'count';
    return {
      text: this.text, unit, per: null, perItem: null, qualifier: 'almost_none', measureWord: null, alternatives: [],
      ...qualify('almost_none', { value: 0, unit }),
    };
  }

  /** [sign] [currency] [sign] [百分之] number [magnitude] [余|多] [unit]. */
  private amount(): Amount {
    this.ws();
    let sign = this.eat(this.w.SIGNS)?.[1] ?? null;
    this.ws();
    this.unknownCurrency(this.s.slice(this.pos));
    const prefix = this.eat(this.w.CUR_PREFIX);
    let currency = prefix?.[1] ?? null;
    // 新台币132.36亿元, 港币10亿元: after a Chinese currency name, 元 is the word for the unit, not the yuan.
    const unitYuan = prefix !== null && hasChinese(prefix[0]);
    const yen = currency === null && this.eat(this.w.YEN) !== null;
    this.ws();
    if (sign === null) {
      sign = this.eat(this.w.SIGNS)?.[1] ?? null;
      this.ws();
    }
    const amount: Amount = {
      sign: sign ?? 1,
      currency,
      kind: this.eat(this.w.PERCENT_PREFIX) ? 'percent' : null,
      measure: null,
      numeral: '',
      englishExp: 0,
      severalExp: null,
      over: false,
      pointBeforeThree: null,
      approxHigh: null,
    };

    const several = this.eat(this.w.SEVERAL);
    const plural = several ? null : this.eat(this.w.SEVERAL_PLURAL);
    if (several && hasChinese(several[0])) {
      // 数亿, 几十亿, 数百万: the magnitude characters that follow.
      let exp = 0;
      let count = 0;
      for (let e = chineseMagnitudeExponent(this.s[this.pos]); e !== null; e = chineseMagnitudeExponent(this.s[this.pos])) {
        exp += e;
        count++;
        this.pos++;
      }
      if (count === 0) this.fail(`"${several[0]}" must be followed by a magnitude, as in 数亿 or 几十亿`, 'several_needs_magnitude', { word: several[0] });
      amount.severalExp = exp;
    } else if (several) {
      const exp = this.englishMagnitudes();
      if (exp === null) this.fail(`"${several[0]}" must be followed by a magnitude, as in "several hundred million"`, 'several_needs_magnitude', { word: several[0] });
      amount.severalExp = exp;
    } else if (plural) {
      // tens of billions, hundreds of millions
      this.ws();
      const m = this.eat(this.w.PLURAL_MAGNITUDES);
      if (!m) this.fail(`"${plural[0]}" must be followed by thousands, millions, billions or trillions`, 'several_plural_needs_magnitude', { word: plural[0] });
      amount.severalExp = plural[1] + m[1];
    } else if (this.approximateChinese(amount)) {
      // 两三亿, 十几亿: read whole, magnitude included
    } else {
      // 上百亿, 上千万: at least the round figure
      if (this.s[this.pos] === REACHING_WORD && '百千万萬亿億'.includes(this.s[this.pos + 1] ?? '\u0000')) {
        this.pos++;
        amount.over = true;
      }
      const half = this.eat(this.w.HALF_A);
      if (half) {
        const at = this.pos;
        this.ws();
        const m = this.peek(this.w.MAGNITUDES);
        this.pos = at;
        if (!m || !HALF_A_MAGNITUDES.includes(m[0])) {
          this.fail(`"${half[0]}" must be followed by ${HALF_A_MAGNITUDES.join(', ')}, as in "half a billion dollars"`, 'half_needs_magnitude', { word: half[0] });
        }
      }
      amount.numeral = half ? '0.5' : this.numeral(amount);
      if (amount.numeral === '') {
        if (this.pos >= this.s.length) this.fail('no number', 'no_number');
        const at = this.s.slice(this.pos, this.pos + 20);
        this.fail(`expected a number at ${JSON.stringify(at)}`, 'number_expected', { at });
      }
      // "$1-billion", "US$1.8-million": a hyphen joins a magnitude to its number.
      if (this.s[this.pos] === '-' && isDigit(this.s[this.pos - 1]) && isAsciiLetter(this.lower[this.pos + 1])) {
        const at = this.pos;
        this.pos++;
        if (this.peek(this.w.MAGNITUDES) === null) this.pos = at;
      }
      const exp = this.englishMagnitudes();
      if (exp !== null) {
        if (hasChinese(amount.numeral)) this.fail('it mixes Chinese and English magnitudes', 'mixed_magnitudes');
        amount.englishExp = exp;
      }
    }
    if (this.eat(this.w.MID_OVER)) amount.over = true;

    // Units, each at most once: 美元, 元, USD, dollars; 倍, x, times; %, percent; 笔, 起, 家.
    let suffixCurrency: Currency | null = null;
    let hasKindWord = false;
    for (;;) {
      const start = this.pos;
      this.ws();
      const c: Entry<Currency> | null = suffixCurrency === null ? this.eat(this.w.CUR_SUFFIX) : null;
      if (c && unitYuan && c[0] === '元') {
        suffixCurrency = currency;
        continue;
      }
      if (c) {
        if (currency !== null && currency !== c[1]) this.fail(`it names two currencies, ${currency} and ${c[1]}`, 'two_currencies', { currency, otherCurrency: c[1] });
        if (yen && c[1] !== 'CNY' && c[1] !== 'JPY') this.fail(`it names two currencies, ¥ and ${c[1]}`, 'two_currencies', { currency: '¥', otherCurrency: c[1] });
        currency = amount.currency = suffixCurrency = c[1];
        continue;
      }
      const kind = hasKindWord ? null : this.eat(this.w.MULTIPLE) ? 'multiple' : this.eat(this.w.PERCENT) ? 'percent' : null;
      if (kind) {
        if (amount.kind !== null && amount.kind !== kind) this.fail('it is both a multiple and a percentage', 'multiple_and_percent');
        amount.kind = kind;
        hasKindWord = true;
        continue;
      }
      if (amount.measure === null) {
        const m = this.eat(this.w.MEASURE);
        if (m) {
          amount.measure = m[0];
          continue;
        }
      }
      this.pos = start;
      break;
    }
    if (yen && amount.currency === null) amount.currency = this.yenFromContext();
    if (amount.currency !== null && amount.kind !== null) {
      this.fail(`a ${amount.kind === 'percent' ? 'percentage' : 'multiple'} has no currency`, 'kind_with_currency', { unit: amount.kind });
    }
    if (amount.measure !== null && (amount.currency !== null || amount.kind !== null)) {
      this.fail(`the measure word ${amount.measure} counts things, not money, multiples or percentages`, 'measure_word_not_money', { word: amount.measure });
    }
    return amount;
  }

  /**
   * 两三亿 (2亿 to 3亿), 三四十万 (30万 to 40万), 十几亿 (10亿 to 20亿), 二十几万
   * (20万 to 30万): two neighbouring digits, or tens with 几 for the units, and
   * the magnitude characters after them. Sets the low end as `numeral` and the
   * high end as `approxHigh`; false (nothing read) when the text is neither.
   */
  private approximateChinese(amount: Amount): boolean {
    const s = this.s;
    let at = this.pos;
    let low: string;
    let high: string;
    const pair = NEIGHBOUR_DIGIT_PAIRS.find((w) => s.startsWith(w, at));
    if (pair) {
      [low, high] = [pair[0]!, pair[1]!];
      at += pair.length;
      // 三四十万: the tens of both
      if (s[at] === '十') {
        low += '十';
        high += '十';
        at++;
      }
    } else {
      const digit = DIGIT_CHARS.indexOf(s[at] ?? '');
      const tens = digit > 1 && s.startsWith(TENS_ODD, at + 1) ? digit : s.startsWith(TENS_ODD, at) ? 1 : 0;
      if (tens === 0) return false;
      at += tens > 1 ? 1 + TENS_ODD.length : TENS_ODD.length;
      low = `${tens > 1 ? DIGIT_CHARS[tens] : ''}十`;
      high = tens < 9 ? `${DIGIT_CHARS[tens + 1]}十` : '一百';
    }
    let magnitude = '';
    while (chineseMagnitudeExponent(s[at]) !== null) magnitude += s[at++];
    amount.numeral = low + magnitude;
    amount.approxHigh = high + magnitude;
    this.pos = at;
    return true;
  }

  /** A lone ¥ with no 元 or 円 after it: the yuan in a Chinese text, else refused. */
  private yenFromContext(): Currency {
    if (this.options.lang === 'zh' || hasChinese(this.s)) return 'CNY';
    this.fail(
      '"¥" alone is the sign of both the Chinese yuan and the Japanese yen: write CN¥, RMB, CNY or 元 for yuan, JP¥, JPY or 円 for yen ' +
        '(a "¥" in a Chinese text is read as yuan: pass lang "zh")',
      'ambiguous_yen_sign',
      { symbol: AMBIGUOUS_YEN_SIGN },
    );
  }

  /** Arabic numbers (1,200, 19.99, 1,5, 1.234.567) and Chinese numeral characters, as one string with separators removed. */
  private numeral(amount: Amount): string {
    const s = this.s;
    let out = '';
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (isDigit(c) || (c === '.' && isDigit(s[this.pos + 1]))) {
        let j = this.pos;
        if (c === '.') j++; // ".5亿"
        while (isDigit(s[j]) || ((s[j] === ',' || s[j] === '.') && isDigit(s[j + 1]) && j > this.pos)) j++;
        const raw = s.slice(this.pos, j);
        out += this.arabic(raw);
        if (/^[1-9][0-9]{0,2}\.[0-9]{3}$/.test(raw)) amount.pointBeforeThree = raw;
        this.pos = j;
      } else if (isChineseNumeralChar(c)) {
        out += c;
        this.pos++;
      } else if ((c === '余' || c === '多') && out !== '' && chineseMagnitudeExponent(s[this.pos + 1]) !== null) {
        amount.over = true; // 20余亿, 一百多亿
        this.pos++;
      } else if (isSpace(c) && isDigit(out[out.length - 1])) {
        // "1200 万"
        let j = this.pos;
        while (isSpace(s[j])) j++;
        if (chineseMagnitudeExponent(s[j]) === null) break;
        this.pos = j;
      } else {
        break;
      }
    }
    return out;
  }

  /**
   * One run of digits with its commas and periods, as a plain decimal
   * ("1,234.5" -> "1234.5", "1,5" -> "1.5"). How the marks are told apart:
   * - both kinds: the last one written is the decimal mark, the other groups thousands (1,234.5; 1.234,5);
   * - one kind written twice or more: thousands (1,234,567; 1.234.567), each group three digits;
   * - one comma: before three digits it groups thousands (1,500), except in a
   *   European text, where it is refused as ambiguous; before one or two digits
   *   it is a decimal comma (1,5; 1,75); before four or more it is refused;
   * - one period: a decimal point, except before three digits in a European text (1.500 Mio.), refused as ambiguous;
   *   before three digits elsewhere ("€600.000", "600.000 Euro") it is refused unless a magnitude follows
   *   ("$1.525 billion", "3.124亿元"): see `valueOf`.
   * A leading 0 ("0,500") can only be a decimal.
   */
  private arabic(raw: string): string {
    const commas = raw.split(',').length - 1;
    const periods = raw.split('.').length - 1;
    const grouped = (x: string, mark: string): boolean => new RegExp(`^[0-9]{1,3}(?:${escapeRegExp(mark)}[0-9]{3})+$`).test(x);
    const ambiguous = (): never => {
      const asDecimal = String(Number(raw.replace(/[.,]/, '.')));
      const asThousands = raw.replace(/[.,]/g, '');
      return this.fail(
        `"${raw}" is ambiguous in a European text: the ${commas ? 'comma' : 'period'} may be a decimal mark (${asDecimal}) ` +
          `or group thousands (${asThousands}); write the number without the ambiguity, as "${asDecimal}" or "${asThousands}"`,
        'ambiguous_european_mark',
        { written: raw, mark: commas ? 'comma' : 'period', asDecimal, asThousands },
      );
    };
    if (commas > 0 && periods > 0) {
      const decimal = raw.lastIndexOf(',') > raw.lastIndexOf('.') ? ',' : '.';
      const thousands = decimal === ',' ? '.' : ',';
      const at = raw.lastIndexOf(decimal);
      const whole = raw.slice(0, at);
      if (raw.indexOf(decimal) !== at || !grouped(whole, thousands)) {
        this.fail(`"${raw}" is not a number: with both commas and periods, the last one is the decimal mark and the others group thousands, as in 1,234.5 or 1.234,5`, 'mixed_marks_malformed', { written: raw });
      }
      return `${whole.split(thousands).join('')}.${raw.slice(at + 1)}`;
    }
    const mark = commas > 0 ? ',' : periods > 0 ? '.' : null;
    if (mark === null) return raw;
    const count = commas + periods;
    if (count > 1) {
      if (!grouped(raw, mark)) this.fail(`"${raw}" is not a number: marks that repeat must group thousands, three digits each, as in 1,234,567`, 'grouping_malformed', { written: raw });
      return raw.split(mark).join('');
    }
    const [whole, part] = raw.split(mark) as [string, string];
    if (whole === '0' || whole === '') return `0.${part}`;
    if (mark === '.') {
      if (part.length === 3 && this.european) ambiguous();
      return raw;
    }
    if (part.length === 3) {
      if (whole.length > 3) {
        this.fail(`"${raw}" is not a number: a comma before three digits groups thousands, but ${whole} has more than three digits before it`, 'comma_after_long_group', { written: raw, before: whole });
      }
      if (this.european) ambiguous();
      return whole + part;
    }
    if (part.length <= 2) return `${whole}.${part}`;
    return this.fail(
      `"${raw}" is not a number: a comma before ${part.length} digits neither groups thousands (three digits) nor is a decimal comma as figures write it (one or two digits)`,
      'comma_digit_count',
      { written: raw, digits: part.length },
    );
  }

  /**
   * English and European magnitudes ("B", "million", "hundred million",
   * "Mrd."): an optional "hundred" and at most one other; the sum of their
   * powers of ten, or null if none.
   */
  private englishMagnitudes(): number | null {
    let exp: number | null = null;
    let other = false;
    for (;;) {
      const start = this.pos;
      this.ws();
      const m = this.eat(this.w.MAGNITUDES);
      const hundred = m !== null && m[0] === 'hundred';
      if (!m || other || (hundred && exp !== null)) {
        this.pos = start;
        return exp;
      }
      if (this.european && this.w.LONG_SCALE.has(m[0])) {
        this.fail(`"${m[0]}" in a French, German or Italian text is 10^12 (or more), not 10^9: write milliard, Mrd. or miliardi for 10^9, or the figure in English`, 'long_scale_european', { word: m[0] });
      }
      other = !hundred;
      exp = (exp ?? 0) + m[1];
    }
  }

  /** "/月", "/ mo", "a month", "per year", "每月", "monthly", "al mese". */
  private period(): Per | null {
    return this.per(this.w.PERS, this.w.PERIODS, (sep, name) => sep === '/' || /^[a-z]{2,}$/.test(name));
  }

  /** "per seat", "/user", "a head", 每人: what a price is per besides time. */
  private perItem(): string | null {
    return this.per(this.w.ITEM_WORDS, this.w.ITEMS, (sep, name) => sep === '/' || !hasChinese(name));
  }

  /** A one-word form (每月, monthly, 每人), or a separator ("/", "a", "per" ...) and a name that `accepts` takes after it. */
  private per<T>(oneWord: WordList<T>, names: WordList<T>, accepts: (sep: string, name: string) => boolean): T | null {
    const start = this.pos;
    const word = this.eat(oneWord);
    if (word) return word[1];
    const sep = this.eat(this.w.PER_SEP);
    if (sep) {
      this.ws();
      const name = this.eat(names);
      if (name && accepts(sep[0], name[0])) return name[1];
    }
    this.pos = start;
    return null;
  }

  private figure(
    first: Amount,
    second: Amount | null,
    quals: Qualifier[],
    only: boolean,
    per: Per | null,
    noun: string | null,
    perItem: string | null,
  ): Omit<Figure, 'alternatives'> {
    const unitOf = (a: Amount): Unit | null => a.currency ?? a.kind ?? (a.measure !== null ? 'count' : null);
    const u1 = unitOf(first);
    const u2 = second ? unitOf(second) : null;
    if (u1 !== null && u2 !== null && u1 !== u2) this.fail(`the two ends have different units, ${u1} and ${u2}`, 'range_units_differ', { unit: u1, otherUnit: u2 });
    if (second && first.measure !== null && second.measure !== null && first.measure !== second.measure) {
      this.fail(`the two ends have different measure words, ${first.measure} and ${second.measure}`, 'range_measures_differ', { word: first.measure, otherWord: second.measure });
    }
    const unit: Unit = u1 ?? u2 ?? (noun !== null ? 'count' : (this.options.defaultUnit ?? 'count'));
    const measure = first.measure ?? second?.measure ?? null;
    const measureWord = measure !== null && noun !== null ? measure + noun : (measure ?? noun);
    const percentExp = unit === 'percent' ? -2 : 0;

    const set = new Set(quals);
    if (first.over || second?.over) set.add('over');
    let qualifier: Qualifier;
    let input: { value: number; low?: number; high?: number; magnitude?: number };

    if (second !== null || first.severalExp !== null) {
      set.delete('about');
      const what = second !== null ? 'a range' : 'a "several" figure';
      if (set.size > 0) this.fail(`${[...set].join(' and ')} cannot qualify ${what}`, 'qualifier_on_range', { qualifiers: [...set].join(', '), what: second !== null ? 'range' : 'several' });
      if (second === null) {
        qualifier = 'several';
        const magnitude = first.sign * this.finite(Number(`1e${first.severalExp! + percentExp}`));
        input = { value: magnitude, magnitude };
      } else {
        if (first.severalExp !== null || second.severalExp !== null) this.fail('a range has numbers at both ends', 'range_several_end');
        borrowMagnitude(first, second);
        const low = this.valueOf(first, percentExp, unit);
        const high = this.valueOf(second, percentExp, unit);
        if (!(low <= high)) this.fail(`a range goes from low to high, and ${low} is above ${high}`, 'range_order', { low, high });
        qualifier = 'range';
        input = { value: (low + high) / 2, low, high };
      }
    } else {
      if (set.size > 1) set.delete('about');
      if (set.size > 1) this.fail(`its qualifiers disagree: ${[...set].join(' and ')}`, 'qualifiers_disagree', { qualifiers: [...set].join(', ') });
      qualifier = [...set][0] ?? (only ? 'about' : 'exact');
      input = { value: this.valueOf(first, percentExp, unit) };
    }

    let reading: ReturnType<typeof qualify>;
    try {
      reading = qualify(qualifier, { ...input, unit });
    } catch (error) {
      if (error instanceof RangeError) this.fail(`the number is out of range (${error.message})`, 'out_of_range');
      throw error;
    }
    for (const x of [reading.value, reading.low, reading.high, reading.p5, reading.p50, reading.p95]) {
      if (x !== null) this.finite(x);
    }
    return { text: this.text, ...reading, value: reading.value === 0 ? 0 : reading.value, unit, per, perItem, qualifier, measureWord };
  }

  private valueOf(a: Amount, percentExp: number, unit: Unit): number {
    // "600.000 Euro": six hundred, or six hundred thousand as German, Dutch, Italian and Spanish write it. A magnitude
    // after it ("$1.525 billion", "3.124亿元") makes it a decimal point; a percentage or a multiple is one anyway.
    const magnitude = a.englishExp !== 0 || [...a.numeral].some((c) => chineseMagnitudeExponent(c) !== null);
    if (a.pointBeforeThree !== null && !magnitude && unit !== 'percent' && unit !== 'multiple') {
      const raw = a.pointBeforeThree;
      this.fail(
        `"${raw}" is ambiguous: the period may be a decimal point (${Number(raw)}) or group thousands (${raw.replace('.', '')}), ` +
          `as European texts write, and no magnitude (million, 亿) after it tells which; ` +
          `write the number without the ambiguity, as "${Number(raw)}" or "${raw.replace('.', '')}"`,
        'ambiguous_point',
        { written: raw, asDecimal: Number(raw), asThousands: raw.replace('.', '') },
      );
    }
    const v = parseChineseNumeral(a.numeral, a.englishExp + percentExp);
    if (v === null) this.fail(`${JSON.stringify(a.numeral)} is not a number`, 'numeral_unreadable', { numeral: a.numeral });
    const signed = a.sign * this.finite(v);
    return signed === 0 ? 0 : signed;
  }

  private finite(x: number): number {
    if (!Number.isFinite(x)) this.fail('the number is too large', 'too_large');
    return x;
  }

  /** Skips whitespace; true if there was some. */
  private ws(): boolean {
    const start = this.pos;
    while (isSpace(this.s[this.pos])) this.pos++;
    return this.pos > start;
  }

  /** The longest entry that starts here, without consuming it. */
  private peek<T>(words: WordList<T>): Entry<T> | null {
    const at = this.pos;
    const entry = this.eat(words);
    this.pos = at;
    return entry;
  }

  /** Consumes the longest entry that starts here (English words case-insensitively, whole words only). */
  private eat<T>(words: WordList<T>): Entry<T> | null {
    const { lower, pos } = this;
    const bucket = pos < lower.length ? words.get(lower[pos]!) : undefined;
    if (bucket === undefined) return null;
    for (const entry of bucket) {
      const w = entry[0];
      if (!lower.startsWith(w, pos)) continue;
      if (isAsciiLetter(w[w.length - 1]) && isAsciiLetter(lower[pos + w.length])) continue;
      if (isAsciiLetter(w[0]) && isAsciiLetter(lower[pos - 1])) continue;
      this.pos += w.length;
      return entry;
    }
    return null;
  }

  /** Refuses the text: `detail` is the English reason, `code` and `params` the same as data (see FIGURE_REFUSAL_CODES). */
  private fail(detail: string, code: FigureRefusalCode, params: Readonly<Record<string, string | number>> = {}, cause?: Reason): never {
    throw new Refusal(detail, refusal(code, params, cause));
  }
}

/**
 * "3-5亿", "300 to 500 million", "3千-5千万": a low end written without the
 * magnitude borrows the high end's.
 */
function borrowMagnitude(low: Amount, high: Amount): void {
  if (low.englishExp !== 0) return;
  const mags = (numeral: string): boolean => [...numeral].some((c) => chineseMagnitudeExponent(c) !== null);
  const groups = (numeral: string): boolean => /[万萬亿億]/.test(numeral);
  let run = high.numeral.length;
  while (run > 0 && chineseMagnitudeExponent(high.numeral[run - 1]) !== null) run--;
  const trailing = high.numeral.slice(run);
  if (!mags(low.numeral)) {
    low.englishExp = high.englishExp;
    // 3-5千 borrows 千 after an Arabic digit; 三至二十 does not make 三十.
    if (groups(trailing) || isDigit(high.numeral[run - 1])) low.numeral += trailing;
    else low.numeral += trailing.replace(/^[^万萬亿億]*/, '');
  } else if (!groups(low.numeral) && high.englishExp === 0) {
    low.numeral += trailing.replace(/^[^万萬亿億]*/, '');
  }
}
