import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FigureParseError } from './errors.js';
import { FIGURE_REFUSAL_CODES, FIGURE_REFUSAL_EXAMPLES, parseFigure, safeParseFigure } from './parse-figure.js';

function refused(text: unknown): FigureParseError {
  const r = safeParseFigure(text as string);
  if (r.ok) throw new Error(`${JSON.stringify(text)} was read, expected a refusal`);
  return r.error;
}

describe('parseFigure: every refusal carries its rule as a code with its values', () => {
  it('refuses the example of every rule by that rule; the rules without a text are not text at all, or a guard', () => {
    for (const code of FIGURE_REFUSAL_CODES) {
      const text = FIGURE_REFUSAL_EXAMPLES[code];
      if (text !== null) expect(refused(text).reasonCode?.code, text).toBe(code);
    }
    expect(refused(42).reasonCode).toEqual({ code: 'not_text', params: {} });
    expect(FIGURE_REFUSAL_CODES.filter((c) => FIGURE_REFUSAL_EXAMPLES[c] === null)).toEqual(['not_text', 'out_of_range']);
  });

  it('puts the code and values on the issue beside the English message, which is unchanged', () => {
    const e = refused('¥100');
    expect(e.reasonCode).toEqual({ code: 'ambiguous_yen_sign', params: { symbol: '¥' } });
    expect(e.issues).toEqual([{ code: 'invalid_figure', path: [], message: e.message, got: '¥100', reason: e.reasonCode }]);
    expect(e.reason).toMatch(/^"¥" alone is the sign of both the Chinese yuan and the Japanese yen: write CN¥/);
    expect(e.message).toBe(`"¥100" is not a figure: expected a number with optional qualifier, magnitude and unit, such as "约204亿美元", "超23亿美元", "$3.6B", "nearly $1.8B" or "65起"; ${e.reason}`);
  });

  it('says the values each sentence needs: the text as written, the numbers both ways, the units and periods by code', () => {
    expect(refused('€600.000').reasonCode).toEqual({ code: 'ambiguous_point', params: { written: '600.000', asDecimal: '600', asThousands: '600000' } });
    expect(refused('1,500 Mrd. €').reasonCode).toEqual({
      code: 'ambiguous_european_mark',
      params: { written: '1,500', mark: 'comma', asDecimal: '1.5', asThousands: '1500' },
    });
    expect(refused('HK$10亿元').reasonCode).toEqual({ code: 'two_currencies', params: { currency: 'HKD', otherCurrency: 'CNY' } });
    expect(refused('19.99美元/月/年').reasonCode).toEqual({ code: 'two_periods', params: { per: 'month', otherPer: 'year' } });
    expect(refused('超5亿以下').reasonCode).toEqual({ code: 'qualifiers_disagree', params: { qualifiers: 'over, under' } });
    expect(refused('5亿至3亿').reasonCode).toEqual({ code: 'range_order', params: { low: '500000000', high: '300000000' } });
    // what was written keeps its case: "R$", not the list's "r$"
    expect(refused('R$5M').reasonCode).toEqual({ code: 'currency_without_rates', params: { written: 'R$' } });
    expect(refused('500 KR').reasonCode).toEqual({ code: 'ambiguous_crown_sign', params: { written: 'KR' } });
  });

  it('keeps the reason of the text in brackets as the cause', () => {
    expect(refused('$5M (about €)').reasonCode).toEqual({
      code: 'bracket_unreadable',
      params: { text: 'about €' },
      cause: { code: 'no_number', params: {} },
    });
  });

  it('lists every code, with its example, in docs/figures.md', () => {
    const docs = readFileSync(new URL('../../docs/figures.md', import.meta.url), 'utf8');
    const listed = [...docs.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...FIGURE_REFUSAL_CODES]);
  });

  it('throws the same error from parseFigure', () => {
    expect(() => parseFigure('3 apples')).toThrow(expect.objectContaining({ reasonCode: { code: 'unknown_word', params: { word: 'apples' } } }));
  });
});
