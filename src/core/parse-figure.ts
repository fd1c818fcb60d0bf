import { chineseMagnitudeExponent, isChineseNumeralChar, parseChineseNumeral } from './chinese-numerals.js';
import { FigureParseError } from './errors.js';
import type { Figure, Qualifier } from './figure.js';
import {
  ALMOST_NONE_PHRASES,
  CURRENCY_PREFIXES,
  CURRENCY_SUFFIXES,
  ENGLISH_MAGNITUDES,
  ENGLISH_PLURAL_MAGNITUDES,
  MEASURE_WORDS,
  MULTIPLE_WORDS,
  NOISE_WORDS,
  ONLY_WORDS,
  PERCENT_PREFIXES,
  PERCENT_WORDS,
  PERIOD_NAMES,
  PER_SEPARATORS,
  PER_WORDS,
  QUALIFIER_PREFIXES,
  QUALIFIER_SUFFIXES,
  RANGE_CLOSERS,
  RANGE_OPENERS,
  RANGE_SEPARATORS,
  SEVERAL_PLURALS,
  SEVERAL_WORDS,
} from './figure-words.js';
import { qualify } from './qualifier-table.js';
import type { Currency, Per, Unit } from './quantity.js';

/** Options of {@link parseFigure}. */
export interface ParseFigureOptions {
  /**
   * The unit of a figure that names none (no currency, measure word, 倍 or %).
   * The article's "近千亿" (F24) is OpenAI's valuation in dollars by context:
   * the ledger passes `{ defaultUnit: 'USD' }`. Default: 'count'.
   */
  readonly defaultUnit?: Unit;
}

/** The result of {@link safeParseFigure}. */
export type SafeParseFigureResult =
  | { readonly ok: true; readonly figure: Figure }
  | { readonly ok: false; readonly error: FigureParseError };

/** Texts longer than this are not figures (and are not scanned). */
export const MAX_FIGURE_LENGTH = 200;

const EXPECTED =
  'expected a number with optional qualifier, magnitude and unit, such as "约204亿美元", "超23亿美元", "$3.6B", "nearly $1.8B" or "65起"';

/**
 * Reads one figure as a source writes it, in Chinese or English, into a
 * number with its unit, period, qualifier and the distribution the
 * qualifier implies (see `QUALIFIER_TABLE` and docs/qualifiers.md).
 *
 * It understands:
 * - numbers: 232, 19.99, 1,200, $1,234,567, full-width １２３．５, Chinese
 *   numerals (二十三亿, 三千五百万, 两千, 百亿), negative numbers (-5%, −3亿元);
 * - magnitudes: 万 亿 百万 千万 百亿 千亿 万亿; k, M, B, bn, T; thousand, million,
 *   billion, trillion;
 * - units: USD (美元, $, US$, USD, dollars), CNY (元, 人民币, ¥, RMB, CNY, yuan),
 *   EUR (€, 欧元, EUR); counts with a measure word (笔 起 家 个 次 人 ...) or an
 *   English noun ("232 deals"); multiples (5倍, 5x, 5×, 5 times); percentages
 *   (15%, 15％, 百分之十五, stored as 0.15);
 * - periods: 19.99美元/月, 每月19.99美元, $20/mo, $20 a month, $180M per year;
 * - qualifiers: 约 / about (about), 超 / 以上 / 余 / over (over), 近 / nearly
 *   (nearly), 不到 / under (under), 数亿 / several hundred million (several),
 *   3亿至5亿 / $300M-$500M / between $3B and $5B (range), 几乎没有 / almost none
 *   (almost_none). "Only" words (仅为, only, just) keep another qualifier and
 *   otherwise read as about.
 *
 * Not read (they throw): 十几亿 and 一两亿 (write a range), scientific notation
 * (1e9), currencies other than USD, CNY and EUR.
 *
 * A number with no currency, measure word, multiple or percent sign has the
 * unit `options.defaultUnit`, or 'count': the caller supplies the currency
 * that context implies ("近千亿" about OpenAI is dollars).
 *
 * @param text the figure as written
 * @param options `defaultUnit`: the unit of a bare number
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
 */
export function parseFigure(text: string, options: ParseFigureOptions = {}): Figure {
  if (typeof text !== 'string') fail(String(text), 'a figure is text');
  if (text.length > MAX_FIGURE_LENGTH) fail(text, `it is longer than ${MAX_FIGURE_LENGTH} characters`);
  const s = normalize(text);
  if (s === '') fail(text, 'the text is empty');
  return new FigureReader(text, s, options).read();
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

function fail(text: string, detail?: string): never {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  throw new FigureParseError(text, `${JSON.stringify(shown)} is not a figure: ${EXPECTED}${detail ? `; ${detail}` : ''}`);
}

/** NFKC (full-width digits and signs to ASCII), one kind of dash and tilde, no trailing 。 or period. */
function normalize(text: string): string {
  let s = text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58]/g, '-')
    .replace(/[\u301C\u223C]/g, '~')
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

const QUAL_PREFIX = list(QUALIFIER_PREFIXES);
const QUAL_SUFFIX = list(QUALIFIER_SUFFIXES);
const ONLY = plain(ONLY_WORDS);
const NOISE = plain(NOISE_WORDS);
const OPENERS = plain(RANGE_OPENERS);
const SEPARATORS = plain(RANGE_SEPARATORS);
const SEPARATORS_AND = plain([...RANGE_SEPARATORS, 'and']);
const CLOSERS = plain(RANGE_CLOSERS);
const SEVERAL = plain(SEVERAL_WORDS);
const SEVERAL_PLURAL = list(SEVERAL_PLURALS);
const ALMOST_NONE = plain(ALMOST_NONE_PHRASES);
const MAGNITUDES = list(ENGLISH_MAGNITUDES);
const PLURAL_MAGNITUDES = list(ENGLISH_PLURAL_MAGNITUDES);
const CUR_PREFIX = list(CURRENCY_PREFIXES);
const CUR_SUFFIX = list(CURRENCY_SUFFIXES);
const MULTIPLE = plain(MULTIPLE_WORDS);
const PERCENT = plain(PERCENT_WORDS);
const PERCENT_PREFIX = plain(PERCENT_PREFIXES);
const MEASURE = plain(MEASURE_WORDS);
const PERIODS = list(PERIOD_NAMES);
const PER_SEP = plain(PER_SEPARATORS);
const PERS = list(PER_WORDS);
const SIGNS = list<1 | -1>([['-', -1], ['+', 1]]);
const MID_OVER = plain(['余', '多']);
/** Words that cannot be the noun of a count ("5 per" is not five "per"). */
const NOT_NOUNS = new Set(['an', 'per', 'each', 'every', 'to', 'and', 'or', 'of', 'the', 'in', 'from', 'between', 'than', 'by', 'at', 'for']);

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
  /** English magnitudes: 9 for "B", 8 for "hundred million". */
  englishExp: number;
  /** 数亿 / several hundred million: the power of ten of the magnitude; null otherwise. */
  severalExp: number | null;
  /** 20余亿, 200多万: over, written inside the number. */
  over: boolean;
}

class FigureReader {
  private pos = 0;
  private readonly lower: string;

  constructor(
    private readonly text: string,
    private readonly s: string,
    private readonly options: ParseFigureOptions,
  ) {
    this.lower = s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  }

  read(): Figure {
    const almostNone = this.almostNone();
    if (almostNone) return almostNone;

    const quals: Qualifier[] = [];
    let only = false;
    let per: Per | null = null;
    let opener: string | null = null;
    const setPer = (p: Per): void => {
      if (per !== null && per !== p) this.fail(`it names two periods, ${per} and ${p}`);
      per = p;
    };

    // Prefixes: 约, 超过, nearly, 仅为, 为, 每月, between.
    for (;;) {
      this.ws();
      const q = this.eat(QUAL_PREFIX);
      if (q) {
        quals.push(q[1]);
        continue;
      }
      if (this.eat(ONLY)) {
        only = true;
        continue;
      }
      if (this.eat(NOISE)) continue;
      const p = this.eat(PERS);
      if (p) {
        setPer(p[1]);
        continue;
      }
      const o = this.eat(OPENERS);
      if (o) {
        if (opener !== null) this.fail(`"${opener}" and "${o[0]}" both open a range`);
        opener = o[0];
        continue;
      }
      break;
    }

    const first = this.amount();
    let second: Amount | null = null;
    const beforeSeparator = this.pos;
    this.ws();
    if (this.eat(opener === 'between' ? SEPARATORS_AND : SEPARATORS)) second = this.amount();
    else this.pos = beforeSeparator;
    if (opener !== null && second === null) this.fail(`"${opener}" needs two ends, as in "between $3B and $5B"`);

    // Suffixes: 左右, 以上, or more, /月, a month, 之间, and English nouns of counts ("232 deals").
    const nouns: string[] = [];
    const nounsAllowed = [first, second].every((a) => a === null || (a.currency === null && a.kind === null && a.measure === null));
    for (;;) {
      const start = this.pos;
      const spaced = this.ws();
      const q = this.eat(QUAL_SUFFIX);
      if (q) {
        quals.push(q[1]);
        continue;
      }
      if (second !== null && this.eat(CLOSERS)) continue;
      const p = this.period();
      if (p) {
        setPer(p);
        continue;
      }
      if (spaced && nounsAllowed) {
        const noun = this.noun();
        if (noun) {
          nouns.push(noun);
          continue;
        }
      }
      this.pos = start;
      break;
    }
    if (this.pos < this.s.length) this.fail(`unexpected ${JSON.stringify(this.s.slice(this.pos, this.pos + 20))}`);

    return this.figure(first, second, quals, only, per, nouns.length ? nouns.join(' ') : null);
  }

  private almostNone(): Figure | null {
    const phrase = this.eat(ALMOST_NONE);
    if (!phrase) return null;
    // "几乎没有获得任何收入": the rest is words, not another number.
    if (/[0-9]/.test(this.s.slice(this.pos))) {
      this.pos = 0;
      return null;
    }
    const unit = this.options.defaultUnit ?? 'count';
    return { text: this.text, unit, per: null, qualifier: 'almost_none', measureWord: null, ...qualify('almost_none', { value: 0, unit }) };
  }

  /** [sign] [currency] [sign] [百分之] number [magnitude] [余|多] [unit]. */
  private amount(): Amount {
    this.ws();
    let sign = this.eat(SIGNS)?.[1] ?? null;
    this.ws();
    let currency = this.eat(CUR_PREFIX)?.[1] ?? null;
    this.ws();
    if (sign === null) {
      sign = this.eat(SIGNS)?.[1] ?? null;
      this.ws();
    }
    const amount: Amount = {
      sign: sign ?? 1,
      currency,
      kind: this.eat(PERCENT_PREFIX) ? 'percent' : null,
      measure: null,
      numeral: '',
      englishExp: 0,
      severalExp: null,
      over: false,
    };

    const several = this.eat(SEVERAL);
    const plural = several ? null : this.eat(SEVERAL_PLURAL);
    if (several && hasChinese(several[0])) {
      // 数亿, 几十亿, 数百万: the magnitude characters that follow.
      let exp = 0;
      let count = 0;
      for (let e = chineseMagnitudeExponent(this.s[this.pos]); e !== null; e = chineseMagnitudeExponent(this.s[this.pos])) {
        exp += e;
        count++;
        this.pos++;
      }
      if (count === 0) this.fail(`"${several[0]}" must be followed by a magnitude, as in 数亿 or 几十亿`);
      amount.severalExp = exp;
    } else if (several) {
      const exp = this.englishMagnitudes();
      if (exp === null) this.fail(`"${several[0]}" must be followed by a magnitude, as in "several hundred million"`);
      amount.severalExp = exp;
    } else if (plural) {
      // tens of billions, hundreds of millions
      this.ws();
      const m = this.eat(PLURAL_MAGNITUDES);
      if (!m) this.fail(`"${plural[0]}" must be followed by thousands, millions, billions or trillions`);
      amount.severalExp = plural[1] + m[1];
    } else {
      amount.numeral = this.numeral(amount);
      if (amount.numeral === '') {
        this.fail(this.pos < this.s.length ? `expected a number at ${JSON.stringify(this.s.slice(this.pos, this.pos + 20))}` : 'no number');
      }
      const exp = this.englishMagnitudes();
      if (exp !== null) {
        if (hasChinese(amount.numeral)) this.fail('it mixes Chinese and English magnitudes');
        amount.englishExp = exp;
      }
    }
    if (this.eat(MID_OVER)) amount.over = true;

    // Units, each at most once: 美元, 元, USD, dollars; 倍, x, times; %, percent; 笔, 起, 家.
    let suffixCurrency: Currency | null = null;
    let hasKindWord = false;
    for (;;) {
      const start = this.pos;
      this.ws();
      const c: Entry<Currency> | null = suffixCurrency === null ? this.eat(CUR_SUFFIX) : null;
      if (c) {
        if (currency !== null && currency !== c[1]) this.fail(`it names two currencies, ${currency} and ${c[1]}`);
        currency = amount.currency = suffixCurrency = c[1];
        continue;
      }
      const kind = hasKindWord ? null : this.eat(MULTIPLE) ? 'multiple' : this.eat(PERCENT) ? 'percent' : null;
      if (kind) {
        if (amount.kind !== null && amount.kind !== kind) this.fail('it is both a multiple and a percentage');
        amount.kind = kind;
        hasKindWord = true;
        continue;
      }
      if (amount.measure === null) {
        const m = this.eat(MEASURE);
        if (m) {
          amount.measure = m[0];
          continue;
        }
      }
      this.pos = start;
      break;
    }
    if (amount.currency !== null && amount.kind !== null) {
      this.fail(`a ${amount.kind === 'percent' ? 'percentage' : 'multiple'} has no currency`);
    }
    if (amount.measure !== null && (amount.currency !== null || amount.kind !== null)) {
      this.fail(`the measure word ${amount.measure} counts things, not money, multiples or percentages`);
    }
    return amount;
  }

  /** Arabic numbers (1,200 and 19.99) and Chinese numeral characters, as one string with separators removed. */
  private numeral(amount: Amount): string {
    const s = this.s;
    let out = '';
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (isDigit(c) || (c === '.' && isDigit(s[this.pos + 1]))) {
        let j = this.pos;
        while (isDigit(s[j])) j++;
        // Thousands separators: a comma followed by exactly three digits.
        while (s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3]) && !isDigit(s[j + 4]) && j > this.pos) {
          j += 4;
        }
        if (s[j] === '.' && isDigit(s[j + 1])) {
          j++;
          while (isDigit(s[j])) j++;
        }
        out += s.slice(this.pos, j).replace(/,/g, '');
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
   * English magnitudes ("B", "million", "hundred million"): an optional
   * "hundred" and at most one other; the sum of their powers of ten, or null if none.
   */
  private englishMagnitudes(): number | null {
    let exp: number | null = null;
    let other = false;
    for (;;) {
      const start = this.pos;
      this.ws();
      const m = this.eat(MAGNITUDES);
      const hundred = m !== null && m[0] === 'hundred';
      if (!m || other || (hundred && exp !== null)) {
        this.pos = start;
        return exp;
      }
      other = !hundred;
      exp = (exp ?? 0) + m[1];
    }
  }

  /** "/月", "/ mo", "a month", "per year", "每月", "monthly". */
  private period(): Per | null {
    const start = this.pos;
    const word = this.eat(PERS);
    if (word) return word[1];
    const sep = this.eat(PER_SEP);
    if (sep) {
      this.ws();
      const name = this.eat(PERIODS);
      if (name && (sep[0] === '/' || /^[a-z]{2,}$/.test(name[0]))) return name[1];
    }
    this.pos = start;
    return null;
  }

  /** An English noun after a count: "deals", "app downloads"; not a magnitude, a single letter or a function word. */
  private noun(): string | null {
    const start = this.pos;
    if (!isAsciiLetter(this.lower[start])) return null;
    let j = start;
    while (isAsciiLetter(this.lower[j]) || ((this.s[j] === '-' || this.s[j] === "'") && isAsciiLetter(this.lower[j + 1]))) j++;
    const word = this.lower.slice(start, j);
    if (word.length < 2 || NOT_NOUNS.has(word) || MAGNITUDES.get(word[0]!)?.some(([m]) => m === word)) return null;
    this.pos = j;
    return this.s.slice(start, j);
  }

  private figure(first: Amount, second: Amount | null, quals: Qualifier[], only: boolean, per: Per | null, noun: string | null): Figure {
    const unitOf = (a: Amount): Unit | null => a.currency ?? a.kind ?? (a.measure !== null ? 'count' : null);
    const u1 = unitOf(first);
    const u2 = second ? unitOf(second) : null;
    if (u1 !== null && u2 !== null && u1 !== u2) this.fail(`the two ends have different units, ${u1} and ${u2}`);
    if (second && first.measure !== null && second.measure !== null && first.measure !== second.measure) {
      this.fail(`the two ends have different measure words, ${first.measure} and ${second.measure}`);
    }
    const unit: Unit = u1 ?? u2 ?? (noun !== null ? 'count' : (this.options.defaultUnit ?? 'count'));
    const measureWord = first.measure ?? second?.measure ?? noun;
    const percentExp = unit === 'percent' ? -2 : 0;

    const set = new Set(quals);
    if (first.over || second?.over) set.add('over');
    let qualifier: Qualifier;
    let input: { value: number; low?: number; high?: number; magnitude?: number };

    if (second !== null || first.severalExp !== null) {
      set.delete('about');
      const what = second !== null ? 'a range' : 'a "several" figure';
      if (set.size > 0) this.fail(`${[...set].join(' and ')} cannot qualify ${what}`);
      if (second === null) {
        qualifier = 'several';
        const magnitude = first.sign * this.finite(Number(`1e${first.severalExp! + percentExp}`));
        input = { value: magnitude, magnitude };
      } else {
        if (first.severalExp !== null || second.severalExp !== null) this.fail('a range has numbers at both ends');
        borrowMagnitude(first, second);
        const low = this.valueOf(first, percentExp);
        const high = this.valueOf(second, percentExp);
        if (!(low <= high)) this.fail(`a range goes from low to high, and ${low} is above ${high}`);
        qualifier = 'range';
        input = { value: (low + high) / 2, low, high };
      }
    } else {
      if (set.size > 1) set.delete('about');
      if (set.size > 1) this.fail(`its qualifiers disagree: ${[...set].join(' and ')}`);
      qualifier = [...set][0] ?? (only ? 'about' : 'exact');
      input = { value: this.valueOf(first, percentExp) };
    }

    let reading: ReturnType<typeof qualify>;
    try {
      reading = qualify(qualifier, { ...input, unit });
    } catch (error) {
      if (error instanceof RangeError) this.fail(`the number is out of range (${error.message})`);
      throw error;
    }
    for (const x of [reading.value, reading.low, reading.high, reading.p5, reading.p50, reading.p95]) {
      if (x !== null) this.finite(x);
    }
    return { text: this.text, ...reading, value: reading.value === 0 ? 0 : reading.value, unit, per, qualifier, measureWord };
  }

  private valueOf(a: Amount, percentExp: number): number {
    const v = parseChineseNumeral(a.numeral, a.englishExp + percentExp);
    if (v === null) this.fail(`${JSON.stringify(a.numeral)} is not a number`);
    const signed = a.sign * this.finite(v);
    return signed === 0 ? 0 : signed;
  }

  private finite(x: number): number {
    if (!Number.isFinite(x)) this.fail('the number is too large');
    return x;
  }

  /** Skips whitespace; true if there was some. */
  private ws(): boolean {
    const start = this.pos;
    while (isSpace(this.s[this.pos])) this.pos++;
    return this.pos > start;
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

  private fail(detail: string): never {
    fail(this.text, detail);
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
