/**
 * Chinese numerals, alone or mixed with Arabic digits: 二十三亿, 三千五百万,
 * 一百亿, 两千, 百亿, 1200万, 123.89亿, 1亿2000万, 三万五 (colloquial 35000).
 */

type NumeralToken =
  | { readonly kind: 'digit'; readonly coef: string }
  | { readonly kind: 'zero' }
  /** 十 = 1, 百 = 2, 千 = 3: a place inside a group of four digits. */
  | { readonly kind: 'place'; readonly exp: number }
  /** 万 = 4, 亿 = 8: a group multiplier. */
  | { readonly kind: 'group'; readonly exp: number };

const DIGITS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
    壹: '1', 贰: '2', 貳: '2', 叁: '3', 參: '3', 肆: '4', 伍: '5', 陆: '6', 陸: '6', 柒: '7', 捌: '8', 玖: '9',
  }),
);
const PLACES: ReadonlyMap<string, number> = new Map(Object.entries({ 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 }));
const GROUPS: ReadonlyMap<string, number> = new Map(Object.entries({ 万: 4, 萬: 4, 亿: 8, 億: 8 }));
const ZEROS = new Set(['零', '〇']);

/** Is `ch` a character of a Chinese numeral (a digit, 零, a place 十百千 or a group 万亿)? */
export function isChineseNumeralChar(ch: string): boolean {
  return DIGITS.has(ch) || PLACES.has(ch) || GROUPS.has(ch) || ZEROS.has(ch);
}

/**
 * The power of ten of a Chinese place or group character: 十 1, 百 2, 千 3,
 * 万 4, 亿 8 (and their formal forms); null for any other character.
 *
 * @example
 * chineseMagnitudeExponent('亿'); // => 8
 * chineseMagnitudeExponent('五'); // => null
 */
export function chineseMagnitudeExponent(ch: string | undefined): number | null {
  if (ch === undefined) return null;
  return PLACES.get(ch) ?? GROUPS.get(ch) ?? null;
}

/**
 * The value of a numeral written in Chinese, in Arabic digits followed by
 * Chinese magnitudes, or in a mix of both, times 10^`exponent`; null when the
 * text is not such a numeral.
 *
 * The reading follows the Chinese grouping by four: a group of up to four
 * digits with places 十 (10), 百 (100), 千 (1000), multiplied by 万 (1e4) or
 * 亿 (1e8); 万亿 is 1e12. A place with no digit before it counts one (百亿 is
 * 1e10, 十五 is 15); 两 is 2; 零 fills a gap (一百零五 is 105). A lone digit after
 * a place or group is the next place down, as people say it (三万五 is 35000,
 * 一亿五 is 1.5e8). Arabic numbers may stand for digits (1200万, 123.89亿).
 * Each term is computed as one decimal literal, so 123.89亿 is exactly
 * 12389000000. A bare group character (亿, 万亿) is not a number.
 *
 * @param text the numeral, with no spaces or thousands separators
 * @param exponent a power of ten to multiply by (-2 for percent, 9 for "billion")
 * @returns the value, or null when `text` is not a numeral
 * @example
 * parseChineseNumeral('二十三亿'); // => 2300000000
 * parseChineseNumeral('三千五百万'); // => 35000000
 * parseChineseNumeral('百亿'); // => 10000000000
 * parseChineseNumeral('123.89亿'); // => 12389000000
 * parseChineseNumeral('十五', -2); // => 0.15
 * parseChineseNumeral('亿'); // => null
 */
export function parseChineseNumeral(text: string, exponent = 0): number | null {
  const tokens = tokenize(text);
  if (tokens === null || !tokens.some((t) => t.kind !== 'group')) return null;
  const value = readGroups(tokens, 0, 8);
  return value === null || Number.isNaN(value) ? null : scale(value, exponent);
}

/** value × 10^exponent, rounded once from the shortest decimal form of value (15 and -2 give exactly 0.15). */
function scale(value: number, exponent: number): number {
  if (exponent === 0 || value === 0 || !Number.isFinite(value)) return value;
  const [mantissa, exp = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exp) + exponent}`);
}

function tokenize(text: string): NumeralToken[] | null {
  const tokens: NumeralToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if ((ch >= '0' && ch <= '9') || ch === '.') {
      let j = i;
      while (j < text.length && ((text[j]! >= '0' && text[j]! <= '9') || text[j] === '.')) j++;
      const coef = text.slice(i, j);
      if (!isDecimal(coef)) return null;
      tokens.push({ kind: 'digit', coef });
      i = j;
      continue;
    }
    const digit = DIGITS.get(ch);
    const place = PLACES.get(ch);
    const group = GROUPS.get(ch);
    if (digit !== undefined) tokens.push({ kind: 'digit', coef: digit });
    else if (place !== undefined) tokens.push({ kind: 'place', exp: place });
    else if (group !== undefined) tokens.push({ kind: 'group', exp: group });
    else if (ZEROS.has(ch)) tokens.push({ kind: 'zero' });
    else return null;
    i++;
  }
  return tokens;
}

/** "12", "12.5" or ".5": digits with at most one point and a digit after it. */
function isDecimal(s: string): boolean {
  const dot = s.indexOf('.');
  if (dot === -1) return s.length > 0;
  return dot === s.lastIndexOf('.') && dot < s.length - 1;
}

/**
 * Reads tokens split at the last group character of size `groupExp` (亿 first,
 * then 万): left part times the group, plus the right part.
 */
function readGroups(tokens: readonly NumeralToken[], exponent: number, groupExp: number): number | null {
  if (groupExp < 4) return readSection(tokens, exponent);
  let at = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind === 'group' && t.exp === groupExp) {
      at = i;
      break;
    }
  }
  if (at === -1) return readGroups(tokens, exponent, groupExp - 4);
  const left = tokens.slice(0, at);
  const right = tokens.slice(at + 1);
  if (left.some((t) => t.kind === 'group' && t.exp === groupExp)) return null;
  const high = left.length === 0 ? term('1', exponent + groupExp) : readGroups(left, exponent + groupExp, groupExp - 4);
  if (high === null) return null;
  const lone = right.length === 1 && right[0]!.kind === 'digit' && right[0]!.coef.length === 1 && left.length > 0;
  const low = lone ? term((right[0] as { coef: string }).coef, exponent + groupExp - 1) : readGroups(right, exponent, groupExp - 4);
  return low === null ? null : high + low;
}

/** A group of up to four places: 三千五百, 二十三, 一百零五, 十. */
function readSection(tokens: readonly NumeralToken[], exponent: number): number | null {
  let total = 0;
  let pending: string | null = null;
  let lastPlace = 4;
  let zeroSincePlace = false;
  for (const t of tokens) {
    if (t.kind === 'group') return null;
    if (t.kind === 'zero') {
      if (pending !== null) return null;
      zeroSincePlace = true;
    } else if (t.kind === 'digit') {
      if (pending !== null) return null;
      pending = t.coef;
    } else {
      if (t.exp >= lastPlace) return null;
      total += term(pending ?? '1', exponent + t.exp);
      pending = null;
      lastPlace = t.exp;
      zeroSincePlace = false;
    }
  }
  if (pending !== null) {
    const colloquial = lastPlace <= 3 && !zeroSincePlace && pending.length === 1;
    total += term(pending, exponent + (colloquial ? lastPlace - 1 : 0));
  }
  return total;
}

/** coef × 10^exp, rounded once (Number("123.89e8") is exactly 12389000000). */
function term(coef: string, exp: number): number {
  return Number(`${coef}e${exp}`);
}
