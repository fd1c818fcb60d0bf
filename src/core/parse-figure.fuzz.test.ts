import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_TABLE, UNKNOWN_CURRENCY_WORDS } from './currency-table.js';
import { FigureParseError } from './errors.js';
import * as words from './figure-words.js';
import { FIGURE_REFUSAL_CODES, parseFigure } from './parse-figure.js';

// Valid figures to mutate: the article's, their English forms and the features.
const EXAMPLES = [
  '约为232笔', '约为20亿美元', '约204亿美元', '36亿美元', '5倍以上', '123.89亿元', '74.01亿元', '36起', '65起', '数亿美元',
  '超23亿美元', '超25亿美元', '超百亿元', '15亿美元', '几乎没有获得任何收入', '近18亿美元', '700万', '1200万美元', '9000万',
  '300万美元', '19.99美元', '75万', '仅为2亿美元', '近千亿', 'about 232 deals', 'about $2.0B', '$3.6B', 'more than 5x',
  'CNY 12.389B', 'several hundred million dollars', 'over $2.3B', 'almost no revenue', 'nearly $1.8B', '$12M',
  '$19.99 a month', 'only $200M a year', '19.99美元/月', '每月19.99美元', '$491K a day', '$180M per year', '3亿至5亿美元',
  '3-5亿美元', '$300M-$500M', 'between $3B and $5B', '300 to 500 million', '20余亿', '几十亿', '三千五百万', '二十三亿',
  '１２３．５', '1,200万', '$1,234,567', '-5%', '−3亿元', '百分之十五', '15％', '5 times', '€20', '¥36亿', '10-15%',
  'a total of $1.525 billion', 'reached the $2 billion mark', 'topped $35 million', '$1-billion', 'US$1.8-million per month',
  'about $20M ARR', '$40 per seat per month', '£1.2bn', 'HK$4.35 billion', "385 millions d'euros", '1,5 Mrd. €',
  '€1,7 milliard', '$8 milioni al mese', '600 million euros ($645 million)', '¥100円', '100M weekly active users',
];

/**
 * Every ASCII word the reader knows, from its word lists: a text it reads
 * may hold no other (but for 几乎没有 / "almost no ...", whose rest is prose).
 */
const KNOWN_WORDS: ReadonlySet<string> = (() => {
  const texts: string[] = [];
  for (const value of Object.values(words)) {
    if (!Array.isArray(value)) continue;
    for (const entry of value as unknown[]) texts.push(typeof entry === 'string' ? entry : String((entry as unknown[])[0]));
  }
  for (const c of Object.values(CURRENCY_TABLE)) texts.push(...c.before, ...c.after);
  texts.push(...UNKNOWN_CURRENCY_WORDS.map(([w]) => w), 'and');
  return new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z]+/g) ?? []));
})();
/** Every CJK character of the reader's lists, and the numerals. */
const KNOWN_CJK: ReadonlySet<string> = (() => {
  const chars = new Set<string>('零〇一二两三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟');
  for (const value of Object.values(words)) {
    if (!Array.isArray(value)) continue;
    for (const entry of value as unknown[]) for (const ch of typeof entry === 'string' ? entry : String((entry as unknown[])[0])) chars.add(ch);
  }
  for (const c of Object.values(CURRENCY_TABLE)) for (const w of [...c.before, ...c.after]) for (const ch of w) chars.add(ch);
  return chars;
})();

const ALPHABET = [
  ...'0123456789', ...'万亿千百十两数几约超近余多零一二三四五六七八九倍元美笔起家个次人至到之间以上下左右不足仅为每月年',
  ...'$¥€', ...'abcdefghijklmnopqrstuvwxyzBMKT', ...'１２３４５６７８９０．％＄', ' ', '\u3000', '-', '−', '.', ',', '%', '/', '~', '+',
  '×', '<', '>', '≈', '。', '\u0000', '\uD800', '😀', 'e', 'n',
];
const char = fc.constantFrom(...ALPHABET);

type Op = { op: 'insert' | 'delete' | 'replace'; at: number; ch: string };
function mutate(text: string, ops: readonly Op[]): string {
  let s = text;
  for (const { op, at, ch } of ops) {
    const i = s.length === 0 ? 0 : at % (s.length + (op === 'insert' ? 1 : 0));
    if (op === 'insert') s = s.slice(0, i) + ch + s.slice(i);
    else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1);
    else s = s.slice(0, i) + ch + s.slice(i + 1);
  }
  return s;
}

const mutated = fc
  .tuple(
    fc.constantFrom(...EXAMPLES),
    fc.array(fc.record({ op: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), at: fc.nat(64), ch: char }), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([text, ops]) => mutate(text, ops));
const concatenated = fc.array(fc.constantFrom(...EXAMPLES), { minLength: 2, maxLength: 4 }).map((xs) => xs.join(''));
const fromAlphabet = fc.string({ unit: char, maxLength: 40 });
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const inputs = fc.oneof(
  { arbitrary: mutated, weight: 5 },
  { arbitrary: fromAlphabet, weight: 3 },
  { arbitrary: anyText, weight: 1 },
  { arbitrary: concatenated, weight: 1 },
);

const RUNS = 100_000;
const CODES = new Set<string>(FIGURE_REFUSAL_CODES);
const SEED = Number(process.env.FIGURE_FUZZ_SEED ?? 20240520);

/** Parses one text; throws if the outcome breaks the contract. */
function check(text: string): void {
  let figure;
  try {
    figure = parseFigure(text);
  } catch (error) {
    if (!(error instanceof FigureParseError)) throw new Error(`${JSON.stringify(text)} threw ${String(error)}`);
    if (!error.message.includes('is not a figure: expected a number')) throw new Error(`bad message for ${JSON.stringify(text)}`);
    // every refusal names its rule by a code the dashboard has a sentence for
    if (!CODES.has(error.reasonCode?.code ?? '')) throw new Error(`no known reason code for ${JSON.stringify(text)}: ${JSON.stringify(error.reasonCode)}`);
    return;
  }
  // Nothing read while skipping a word: every word of a text read is one of the reader's.
  if (figure.qualifier !== 'almost_none') {
    const lower = text.normalize('NFKC').toLowerCase();
    const unknown = (lower.match(/[a-z]+/g) ?? []).find((w) => !KNOWN_WORDS.has(w)) ?? [...lower].find((ch) => /[\u3400-\u9fff]/.test(ch) && !KNOWN_CJK.has(ch));
    if (unknown !== undefined) throw new Error(`${JSON.stringify(text)} was read as ${figure.value} ${figure.unit}, past the unknown word ${JSON.stringify(unknown)}`);
  }
  const { value, low, high, p5, p50, p95 } = figure;
  const finite = [value, p5, p50, p95, ...(low === null ? [] : [low]), ...(high === null ? [] : [high])].every(Number.isFinite);
  if (!finite || !(p5 <= p50 && p50 <= p95) || (low !== null && high !== null && !(low <= high))) {
    throw new Error(`${JSON.stringify(text)} gave ${JSON.stringify({ value, low, high, p5, p50, p95 })}`);
  }
}

describe('parseFigure fuzz', () => {
  it(`returns a sound Figure or throws FigureParseError for ${RUNS} random and mutated texts`, () => {
    let parsed = 0;
    fc.assert(
      fc.property(inputs, (text) => {
        check(text);
        parsed++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(parsed).toBe(RUNS);
  });

  it('refuses a figure followed by any word or character no list knows, naming it, never reading the bare number', () => {
    const figures = fc.constantFrom('5', '385', '$5M', '约20亿美元', '1,5 Mrd. €', '232 deals', 'over 1000', '3-5亿');
    const word = fc.stringMatching(/^[a-z]{2,10}$/).filter((w) => !KNOWN_WORDS.has(w));
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)).filter((ch) => !KNOWN_CJK.has(ch));
    fc.assert(
      fc.property(figures, fc.oneof(word.map((w) => ` ${w}`), cjk, word.map((w) => ` (${w})`)), (figure, tail) => {
        const text = figure + tail;
        let error: unknown;
        try {
          parseFigure(text);
        } catch (e) {
          error = e;
        }
        expect(error, text).toBeInstanceOf(FigureParseError);
        expect((error as FigureParseError).message, text).toContain(tail.trim().replace(/[()]/g, ''));
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  // No timing assertion here (the test machines are shared and noisy): these texts, built to make a
  // backtracking scanner stall, must end with a sound figure or a FigureParseError. A scanner that
  // stalled on them would show as a test timeout.
  it('ends on adversarial texts built to make a backtracking scanner stall', () => {
    const texts = [
      '1'.repeat(200), '约'.repeat(200), '1-'.repeat(100), '1,'.repeat(100), '1.'.repeat(100), '多'.repeat(200),
      ' '.repeat(199) + '1', '1' + ' '.repeat(199), 'a '.repeat(100), '1 '.repeat(100), '$'.repeat(200), '万'.repeat(200),
      '1万'.repeat(100), '十'.repeat(200), 'just '.repeat(40), '1 million '.repeat(20), '9'.repeat(80) + ' tn'.repeat(40),
      '1' + ' deals'.repeat(33), '1' + '/月'.repeat(99),
    ];
    for (const text of texts) check(text);
  });
});
