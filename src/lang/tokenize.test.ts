import { describe, expect, it } from 'vitest';
import { ModelError } from './model-error.js';
import { tokenize } from './tokenize.js';

const values = (src: string): (number | undefined)[] =>
  tokenize(src).filter((t) => t.kind === 'number').map((t) => t.value);

describe('tokenize', () => {
  it('reads numbers with suffixes, exponents, percent and underscores', () => {
    expect(values('1.5 1e6 2.5M 11M 3k 1.2B 2T 15% 1_000 .5 1.5e3k 3G 1e-3 2E+2')).toEqual([
      1.5, 1e6, 2.5e6, 11e6, 3000, 1.2e9, 2e12, 0.15, 1000, 0.5, 1.5e6, 3e9, 0.001, 200,
    ]);
  });

  it('drops comments and keeps line breaks outside brackets only', () => {
    const kinds = tokenize('a = 1 // c\n/* x */ b = (1,\n 2)').map((t) => t.kind);
    expect(kinds).toEqual(['name', 'op', 'number', 'newline', 'name', 'op', 'punct', 'number', 'punct', 'number', 'punct', 'eof']);
  });

  it('treats a block comment across lines as a line break', () => {
    expect(tokenize('a = 1 /* one\n two */ b = 2').map((t) => t.kind)).toContain('newline');
  });

  it('reads `to` as an operator and dotted names as one name', () => {
    const t = tokenize('SampleSet.max(x, 1M) to');
    expect(t[0]).toMatchObject({ kind: 'name', text: 'SampleSet.max' });
    expect(t[t.length - 2]).toMatchObject({ kind: 'op', text: 'to' });
  });

  it('reads strings with escapes in either quote', () => {
    const t = tokenize(`"月之暗面" 'a\\'b' "x\\n"`);
    expect(t.slice(0, 3).map((x) => x.content)).toEqual(['月之暗面', "a'b", 'x\n']);
  });

  it('keeps spans as UTF-16 offsets', () => {
    const t = tokenize('ab = 12M');
    expect(t[2]).toMatchObject({ start: 5, end: 8, text: '12M' });
  });

  const fails = (src: string, detail: RegExp, column: number): void => {
    try {
      tokenize(src);
      expect.unreachable(`no error for ${src}`);
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      expect((e as ModelError).detail).toMatch(detail);
      expect((e as ModelError).column).toBe(column);
    }
  };

  it('rejects 3m and 3n, which Squiggle reads as milli and nano', () => {
    fails('x = 3m', /'3m' is ambiguous/, 5);
    fails('x = 2n', /'2n' is ambiguous/, 5);
  });

  it('rejects a number glued to letters', () => {
    fails('x = 3kg', /'3kg' is not a number/, 5);
    fails('x = 1.2.3', /'1.2.3' is not a number/, 5);
  });

  it('rejects unclosed strings and comments, stray characters and ==', () => {
    fails('x = "abc', /string is never closed/, 5);
    fails('x = 1 /* open', /comment '\/\*' is never closed/, 7);
    fails('x = 1 # 2', /unexpected character '#'/, 7);
    fails('x = a == b', /'==' is not supported/, 7);
  });
});
