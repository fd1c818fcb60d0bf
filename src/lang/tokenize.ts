import { ModelError, modelReason, type ModelReasonCode } from './model-error.js';
import { SourceText } from './source-text.js';

export type TokenKind =
  | 'number'
  | 'string'
  | 'name'
  | 'op'       // + - * / ^ < <= > >= = and the keyword `to`
  | 'punct'    // ( ) [ ] { } , : ;
  | 'newline'  // a line break outside brackets: ends a statement
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The text as written (for a string: with its quotes). */
  readonly text: string;
  /** A number's value. */
  readonly value?: number;
  /** A string's content, escapes resolved. */
  readonly content?: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Number suffixes as in Squiggle 0.10: 3k = 3000, 2.5M, 1.2B (or G), 2T,
 * 15% = 0.15. Squiggle also reads `3m` as 0.003 (milli) and `3n` as nano; in
 * money models `3m` is far likelier a typo for 3 million, so those two are
 * rejected with a message rather than silently read as Squiggle does.
 */
const SUFFIXES: Readonly<Record<string, number>> = {
  '%': 1e-2,
  k: 1e3,
  M: 1e6,
  B: 1e9,
  G: 1e9,
  T: 1e12,
};

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && /[A-Za-z_$]/.test(c);
const isNamePart = (c: string | undefined): boolean =>
  c !== undefined && /[A-Za-z0-9_$]/.test(c);

/**
 * Splits model source into tokens. Comments (`// …` and `/* … *\/`) and
 * spaces vanish; a line break becomes a `newline` token unless it is inside
 * ( ), [ ] or { }, so that a call or a record may span lines. Names may be
 * dotted (`SampleSet.max`) for Squiggle's namespaced functions.
 *
 * Numbers: `1.5`, `.5`, `1e6`, `1_000` (underscores are a Shakeout
 * addition), and a suffix: `2.5M`, `3k`, `1.2B`, `2T`, `15%`.
 *
 * ```ts
 * tokenize('x = 2.5M // note').map((t) => t.text); // ['x', '=', '2.5M', '']
 * ```
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const text = new SourceText(source);
  let depth = 0;
  let i = 0;
  const n = source.length;
  const fail: Fail = (start, end, detail, code, params = {}) => {
    throw ModelError.at(text, { start, end }, 'syntax', detail, { reason: modelReason(code, params) });
  };

  while (i < n) {
    const c = source[i]!;
    const start = i;
    if (c === '\n') {
      i++;
      if (depth === 0) tokens.push({ kind: 'newline', text: '\n', start, end: i });
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) fail(start, start + 2, "comment '/*' is never closed: expected '*/' before the end of input", 'unclosed_comment');
      // A block comment spanning lines still ends the statement it interrupts.
      const body = source.slice(i, close + 2);
      i = close + 2;
      if (depth === 0 && body.includes('\n')) {
        tokens.push({ kind: 'newline', text: '\n', start, end: i });
      }
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      i = readNumber(source, i, tokens, fail);
      continue;
    }
    if (isNameStart(c)) {
      while (i < n && (isNamePart(source[i]) || (source[i] === '.' && isNameStart(source[i + 1])))) i++;
      const word = source.slice(start, i);
      tokens.push({ kind: word === 'to' ? 'op' : 'name', text: word, start, end: i });
      continue;
    }
    if (c === '"' || c === "'") {
      i = readString(source, i, tokens, fail);
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '==' || two === '!=') {
      if (two === '==' || two === '!=') {
        fail(start, start + 2, `'${two}' is not supported: a model compares with < <= > >= (which give the probability of the event)`, 'unsupported_operator', { operator: two });
      }
      tokens.push({ kind: 'op', text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^<>='.includes(c)) {
      tokens.push({ kind: 'op', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    if ('()[]{},:;'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    fail(start, start + ch.length, `unexpected character '${ch}'`, 'unexpected_character', { character: ch });
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return tokens;
}

function readNumber(
  source: string,
  start: number,
  tokens: Token[],
  fail: Fail,
): number {
  let i = start;
  const digits = (): void => {
    while (isDigit(source[i]) || (source[i] === '_' && isDigit(source[i - 1]) && isDigit(source[i + 1]))) i++;
  };
  digits();
  if (source[i] === '.' && isDigit(source[i + 1])) {
    i++;
    digits();
  }
  if ((source[i] === 'e' || source[i] === 'E') &&
      (isDigit(source[i + 1]) || ((source[i + 1] === '+' || source[i + 1] === '-') && isDigit(source[i + 2])))) {
    i += 2;
    digits();
  }
  let value = Number(source.slice(start, i).replace(/_/g, ''));
  const s = source[i];
  if (s !== undefined && s in SUFFIXES && (s === '%' || !isNamePart(source[i + 1]))) {
    // Divide for % so that 15% is exactly 0.15 (15 * 0.01 is 0.15000000000000002).
    const scale = SUFFIXES[s]!;
    value = scale < 1 ? value / Math.round(1 / scale) : value * scale;
    i++;
  }
  if ((source[i] === 'm' || source[i] === 'n') && !isNamePart(source[i + 1])) {
    const what = source[i] === 'm' ? "3m is 0.003 in Squiggle, not 3 million" : "3n is 3e-9 in Squiggle";
    fail(start, i + 1, `'${source.slice(start, i + 1)}' is ambiguous (${what}): write M for million or use e-notation such as 1e-3`, 'ambiguous_number', {
      written: source.slice(start, i + 1),
      suffix: source[i],
    });
  }
  if (isNamePart(source[i]) || (source[i] === '.' && isDigit(source[i + 1]))) {
    let j = i;
    while (isNamePart(source[j]) || source[j] === '.') j++;
    fail(start, j, `'${source.slice(start, j)}' is not a number: expected digits, then an optional suffix k, M, B, T or %`, 'bad_number', { written: source.slice(start, j) });
  }
  tokens.push({ kind: 'number', text: source.slice(start, i), value, start, end: i });
  return i;
}

/** A syntax error from start to end, with its rule and values (see MODEL_REASONS). */
type Fail = (start: number, end: number, detail: string, code: ModelReasonCode, params?: Readonly<Record<string, string | number | undefined>>) => never;

function readString(
  source: string,
  start: number,
  tokens: Token[],
  fail: Fail,
): number {
  const quote = source[start]!;
  let i = start + 1;
  let content = '';
  while (true) {
    const c = source[i];
    if (c === undefined || c === '\n') {
      fail(start, i, `string is never closed: expected ${quote} before the end of the line`, 'unclosed_string', { quote });
    }
    if (c === quote) break;
    if (c === '\\') {
      const e = source[i + 1];
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
      if (e === undefined || !(e in map)) fail(i, i + 2, `unknown escape '\\${e ?? ''}' in a string: expected \\n, \\t, \\\\, \\" or \\'`, 'unknown_escape', { escape: `\\${e ?? ''}` });
      content += map[e!]!;
      i += 2;
      continue;
    }
    content += c;
    i++;
  }
  i++;
  tokens.push({ kind: 'string', text: source.slice(start, i), content, start, end: i });
  return i;
}
