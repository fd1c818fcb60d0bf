import { describe, expect, it } from 'vitest';
import { CURRENCY_TABLE } from './currency-table.js';
import { FigureParseError } from './errors.js';
import type { Figure, Qualifier } from './figure.js';
import { CURRENCY_PREFIXES, CURRENCY_SUFFIXES } from './figure-words.js';
import { FIGURE_REFUSAL_CODES, parseFigure } from './parse-figure.js';
import { CURRENCIES } from './quantity.js';
import type { Currency, Per, Unit } from './quantity.js';

// Figures as the world writes them: press phrasing, every currency of the
// monthly FX table, European number forms, and the refusals that keep a
// number from being read wrong silently.

interface Reading {
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  per?: Per | null;
  perItem?: string | null;
  measureWord?: string | null;
}

function expectReading(f: Figure, e: Reading): void {
  expect(Math.abs(f.value - e.value)).toBeLessThanOrEqual(Math.abs(e.value) * 1e-12);
  expect(f.unit).toBe(e.unit);
  expect(f.qualifier).toBe(e.qualifier);
  expect(f.per).toBe(e.per ?? null);
  expect(f.perItem).toBe(e.perItem ?? null);
  if (e.measureWord !== undefined) expect(f.measureWord).toBe(e.measureWord);
}

/** The reason of a refusal: what follows "is not a figure: expected ...; ". */
function refusal(text: string, options: Parameters<typeof parseFigure>[1] = {}): string {
  try {
    parseFigure(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FigureParseError);
    const { message, reason, reasonCode, issues } = error as FigureParseError;
    expect(message.startsWith(`${JSON.stringify(text)} is not a figure: expected a number`)).toBe(true);
    expect(message.endsWith(`; ${reason}`)).toBe(true);
    // every refusal names its rule, a code the dashboard has a sentence for (parse-figure.reasons.test.ts)
    expect(FIGURE_REFUSAL_CODES, text).toContain(reasonCode?.code);
    expect(issues[0]?.reason, text).toEqual(reasonCode);
    return reason!;
  }
  throw new Error(`${JSON.stringify(text)} was read, expected a refusal`);
}

describe('parseFigure: a figure inside a phrase', () => {
  it.each<[string, Reading]>([
    ['a total of $1.525 billion', { value: 1.525e9, unit: 'USD', qualifier: 'exact' }],
    ['reached the $2 billion mark', { value: 2e9, unit: 'USD', qualifier: 'over' }],
    ['passed the $1B milestone', { value: 1e9, unit: 'USD', qualifier: 'over' }],
    ['topped $35 million', { value: 3.5e7, unit: 'USD', qualifier: 'over' }],
    ['surpassed $1 billion', { value: 1e9, unit: 'USD', qualifier: 'over' }],
    ['reached $2 billion', { value: 2e9, unit: 'USD', qualifier: 'exact' }],
    ['$1-billion', { value: 1e9, unit: 'USD', qualifier: 'exact' }],
    ['US$1.8-million per month', { value: 1.8e6, unit: 'USD', qualifier: 'exact', per: 'month' }],
    ['about $20M ARR', { value: 2e7, unit: 'USD', qualifier: 'about', per: 'year' }],
    ['$1M MRR', { value: 1e6, unit: 'USD', qualifier: 'exact', per: 'month' }],
    ['$2 billion annualized run rate', { value: 2e9, unit: 'USD', qualifier: 'exact', per: 'year' }],
    ['$40 per seat per month', { value: 40, unit: 'USD', qualifier: 'exact', per: 'month', perItem: 'seat' }],
    ['$20/user/month', { value: 20, unit: 'USD', qualifier: 'exact', per: 'month', perItem: 'user' }],
    ['每人每月20美元', { value: 20, unit: 'USD', qualifier: 'exact', per: 'month', perItem: 'person' }],
    ['$15 per million tokens', { value: 15, unit: 'USD', qualifier: 'exact', perItem: 'million tokens' }],
    ['£1.2bn', { value: 1.2e9, unit: 'GBP', qualifier: 'exact' }],
    ['HK$4.35 billion', { value: 4.35e9, unit: 'HKD', qualifier: 'exact' }],
    ['some $2.5 billion', { value: 2.5e9, unit: 'USD', qualifier: 'about' }],
    ['just under $50 million', { value: 5e7, unit: 'USD', qualifier: 'nearly' }],
    ['$1.5 billion in total', { value: 1.5e9, unit: 'USD', qualifier: 'exact' }],
  ])('%s', (text, reading) => {
    expectReading(parseFigure(text), reading);
  });

  it('reads "the ... mark" as a lower bound, and "the" only with a mark', () => {
    const f = parseFigure('reached the $2 billion mark');
    expect([f.low, f.high]).toEqual([2e9, null]);
    expect(refusal('the $2 billion')).toMatch(/"the" before a figure needs a mark after it/);
    expect(refusal('reached the nearly $2 billion mark')).toMatch(/qualifiers disagree: nearly and over/);
  });
});

describe('parseFigure: vague amounts of real articles, each with the bounds it states (trial T8)', () => {
  it.each<[string, { low: number; high: number | null; unit: Unit; qualifier: Qualifier }]>([
    // two neighbouring digits: "two or three" of the magnitude, a range
    ['两三亿美元', { low: 2e8, high: 3e8, unit: 'USD', qualifier: 'range' }],
    ['一两千万元', { low: 1e7, high: 2e7, unit: 'CNY', qualifier: 'range' }],
    ['三四十万用户', { low: 3e5, high: 4e5, unit: 'count', qualifier: 'range' }],
    ['约七八亿元', { low: 7e8, high: 8e8, unit: 'CNY', qualifier: 'range' }],
    // 十几: ten and some units, from the tens to the next ten
    ['十几亿美元', { low: 1e9, high: 2e9, unit: 'USD', qualifier: 'range' }],
    ['二十几万', { low: 2e5, high: 3e5, unit: 'count', qualifier: 'range' }],
    ['九十几亿元', { low: 9e9, high: 1e10, unit: 'CNY', qualifier: 'range' }],
    // 上百亿: reaching a hundred 亿, at least it
    ['上百亿美元', { low: 1e10, high: null, unit: 'USD', qualifier: 'over' }],
    ['上千万元', { low: 1e7, high: null, unit: 'CNY', qualifier: 'over' }],
    // half a billion is 500 million, as "$0.5 billion" would be
    ['half a billion dollars', { low: 5e8, high: 5e8, unit: 'USD', qualifier: 'exact' }],
    ['half a billion US dollars', { low: 5e8, high: 5e8, unit: 'USD', qualifier: 'exact' }],
    ['more than half a billion dollars', { low: 5e8, high: null, unit: 'USD', qualifier: 'over' }],
    ['nearly half a million users', { low: 3.5e5, high: 5e5, unit: 'count', qualifier: 'nearly' }],
    // "-plus" after a figure is "plus": over, not the dash of a range
    ['$40 billion-plus', { low: 4e10, high: null, unit: 'USD', qualifier: 'over' }],
    ['50-plus employees', { low: 50, high: null, unit: 'count', qualifier: 'over' }],
  ])('%s', (text, e) => {
    const f = parseFigure(text);
    expect({ low: f.low, high: f.high, unit: f.unit, qualifier: f.qualifier }).toEqual(e);
  });

  it('refuses what has no one honest reading, or a reading that contradicts itself, saying why', () => {
    // 三五 ("a few") is not two neighbours; digits side by side elsewhere are not a number
    expect(refusal('三五亿美元')).toMatch(/not a number/);
    expect(refusal('十二三亿')).toMatch(/not a number/);
    // a range written as one number takes no direction
    expect(refusal('超两三亿美元')).toMatch(/over cannot qualify a range/);
    expect(refusal('两三亿至五亿')).toMatch(/unexpected|unknown word|not a figure/);
    // "half a" takes a magnitude word, and only a spelled-out one
    expect(refusal('half a B')).toMatch(/"half a" must be followed by thousand, million, billion, trillion/);
    expect(refusal('half a hundred dollars')).toMatch(/"half a" must be followed by/);
    expect(refusal('half a dollar')).toMatch(/"half a" must be followed by/);
    // 上 alone before a digit is not "reaching": 上5亿 is not read
    expect(refusal('上5亿')).toMatch(/expected a number/);
    // phrases the trial met that stay refused: "as much as" is an upper bound or a boast, "well over" unquantified
    expect(refusal('as much as $500 million')).toMatch(/expected a number/);
    expect(refusal('well over $500 million')).toMatch(/expected a number/);
  });
});

describe('parseFigure: a second reading in brackets', () => {
  it('reads the first figure and keeps the bracketed one as an alternative', () => {
    const f = parseFigure('600 million euros ($645 million)');
    expectReading(f, { value: 6e8, unit: 'EUR', qualifier: 'exact' });
    expect(f.alternatives).toHaveLength(1);
    expectReading(f.alternatives[0]!, { value: 6.45e8, unit: 'USD', qualifier: 'exact' });
    expect(f.alternatives[0]!.text).toBe('$645 million');
    expect(f.alternatives[0]!.alternatives).toEqual([]);
    // Baichuan's round as Bloomberg wrote it (company-facts.csv, note of its last row)
    const b = parseFigure('5 billion yuan ($691 million)');
    expectReading(b, { value: 5e9, unit: 'CNY', qualifier: 'exact' });
    expectReading(b.alternatives[0]!, { value: 6.91e8, unit: 'USD', qualifier: 'exact' });
  });

  it('keeps the qualifier as written and takes the period of the main figure', () => {
    const f = parseFigure('€14.99/month (about $16)');
    expectReading(f, { value: 14.99, unit: 'EUR', qualifier: 'exact', per: 'month' });
    expectReading(f.alternatives[0]!, { value: 16, unit: 'USD', qualifier: 'about', per: 'month' });
    expect(parseFigure('约10亿元 (¥1B)').alternatives[0]!.unit).toBe('CNY');
    const g = parseFigure('6亿欧元（约合6.45亿美元）');
    expectReading(g, { value: 6e8, unit: 'EUR', qualifier: 'exact' });
    expectReading(g.alternatives[0]!, { value: 6.45e8, unit: 'USD', qualifier: 'about' });
  });

  it('has no alternatives for a figure without brackets', () => {
    expect(parseFigure('$3.6B').alternatives).toEqual([]);
    expect(parseFigure('几乎没有').alternatives).toEqual([]);
  });

  it('refuses brackets that are not a second reading of the figure', () => {
    expect(refusal('$5M (seed)')).toMatch(/the text in brackets, "seed", is not a second reading of the figure/);
    expect(refusal('$5M (20%)')).toMatch(/is in percent, not a second reading of USD/);
    expect(refusal('$5M a month ($60M a year)')).toMatch(/per year, the figure per month/);
    expect(refusal('$5M ($5M')).toMatch(/"\(" is not closed/);
    expect(refusal('$5M (($5M))')).toMatch(/brackets inside brackets/);
  });
});

describe('parseFigure: every currency of the FX table, by sign, code and name', () => {
  const cases: [string, Currency][] = [
    ['€20M', 'EUR'], ['20 euros', 'EUR'], ['20欧元', 'EUR'], ['EUR 20M', 'EUR'], ['20M €', 'EUR'],
    ['£20M', 'GBP'], ['20 million pounds', 'GBP'], ['20英镑', 'GBP'], ['GBP 20M', 'GBP'],
    ['JP¥20M', 'JPY'], ['20 million yen', 'JPY'], ['20日元', 'JPY'], ['20円', 'JPY'], ['JPY 20M', 'JPY'],
    ['HK$20M', 'HKD'], ['20 million Hong Kong dollars', 'HKD'], ['20港元', 'HKD'], ['20港币', 'HKD'], ['HKD 20M', 'HKD'],
    ['CHF 20M', 'CHF'], ['20 million Swiss francs', 'CHF'], ['20 million francs', 'CHF'], ['20瑞士法郎', 'CHF'],
    ['C$20M', 'CAD'], ['20 million Canadian dollars', 'CAD'], ['20加元', 'CAD'], ['CAD 20M', 'CAD'],
    ['A$20M', 'AUD'], ['20 million Australian dollars', 'AUD'], ['20澳元', 'AUD'], ['AUD 20M', 'AUD'],
    ['₩20M', 'KRW'], ['20 million won', 'KRW'], ['20韩元', 'KRW'], ['KRW 20M', 'KRW'],
    ['₹20M', 'INR'], ['20 million rupees', 'INR'], ['20印度卢比', 'INR'], ['INR 20M', 'INR'], ['Rs 20 crore', 'INR'],
    ['S$20M', 'SGD'], ['20 million Singapore dollars', 'SGD'], ['20新加坡元', 'SGD'], ['SGD 20M', 'SGD'],
    ['NT$20M', 'TWD'], ['20 million New Taiwan dollars', 'TWD'], ['20新台币', 'TWD'], ['TWD 20M', 'TWD'],
    ['SEK 20M', 'SEK'], ['20 million kronor', 'SEK'], ['20瑞典克朗', 'SEK'], ['20 million Swedish kronor', 'SEK'],
    ['US$20M', 'USD'], ['$20M', 'USD'], ['20 million dollars', 'USD'], ['20美元', 'USD'], ['USD 20M', 'USD'],
    ['CN¥20M', 'CNY'], ['RMB 20M', 'CNY'], ['20 million yuan', 'CNY'], ['20元', 'CNY'], ['人民币20元', 'CNY'],
  ];
  it.each(cases)('%s is %s', (text, currency) => {
    expect(parseFigure(text).unit).toBe(currency);
  });

  it('covers all 14 currencies, each with a sign or code before and a name after', () => {
    expect(new Set(cases.map(([, c]) => c))).toEqual(new Set(CURRENCIES));
    for (const c of CURRENCIES) {
      expect(CURRENCY_TABLE[c].before.length, c).toBeGreaterThan(0);
      expect(CURRENCY_TABLE[c].after.some((w) => /[\u3400-\u9fff]/.test(w)), `${c} in Chinese`).toBe(true);
      expect(CURRENCY_TABLE[c].after.some((w) => /^[a-z ]+$/.test(w) && w.length > 3), `${c} in English`).toBe(true);
    }
  });

  it('gives no word two currencies', () => {
    for (const words of [CURRENCY_PREFIXES, CURRENCY_SUFFIXES]) {
      const seen = new Map<string, Currency>();
      for (const [w, c] of words) {
        expect(seen.get(w) ?? c, w).toBe(c);
        seen.set(w, c);
      }
    }
  });

  it('reads its Chinese names with Chinese magnitudes', () => {
    expectReading(parseFigure('约43.5亿港元'), { value: 4.35e9, unit: 'HKD', qualifier: 'about' });
    expectReading(parseFigure('超5000亿韩元'), { value: 5e11, unit: 'KRW', qualifier: 'over' });
    expectReading(parseFigure('3亿日元'), { value: 3e8, unit: 'JPY', qualifier: 'exact' });
  });

  it('reads a Chinese currency name before the number, with 元 after it as the word for the unit ("新台币132.36亿元")', () => {
    // Real form: 中时新闻网 on Mistral AI, "3.85亿欧元(新台币132.36亿元)"; 港币10亿元 in Hong Kong filings.
    expectReading(parseFigure('新台币132.36亿元'), { value: 1.3236e10, unit: 'TWD', qualifier: 'exact' });
    expectReading(parseFigure('港币10亿元'), { value: 1e9, unit: 'HKD', qualifier: 'exact' });
    expectReading(parseFigure('台币5000万元'), { value: 5e7, unit: 'TWD', qualifier: 'exact' });
    expectReading(parseFigure('约港币3亿'), { value: 3e8, unit: 'HKD', qualifier: 'about' });
    expectReading(parseFigure('人民币2亿元'), { value: 2e8, unit: 'CNY', qualifier: 'exact' });
    const f = parseFigure('3.85亿欧元(新台币132.36亿元)');
    expect([f.unit, f.alternatives[0]?.unit, f.alternatives[0]?.value]).toEqual(['EUR', 'TWD', 1.3236e10]);
    expect(refusal('港币10亿美元')).toMatch(/two currencies, HKD and USD/);
    expect(refusal('HK$10亿元')).toMatch(/two currencies, HKD and CNY/);
  });

  it('refuses two currencies and currencies it has no rates for, saying which', () => {
    expect(refusal('HK$5 million US dollars')).toMatch(/two currencies, HKD and USD/);
    expect(refusal('5 dollars euros')).toMatch(/"euros" \(EUR\) where no currency can stand/);
    expect(refusal('500 kr')).toMatch(/"kr" is written for the Swedish, Norwegian, Danish and Icelandic crowns: write SEK/);
    expect(refusal('R$5M')).toMatch(/Brazilian real/);
    expect(refusal('5 million roubles')).toMatch(/Russian rouble/);
  });
});

describe('parseFigure: ¥ is the yuan or the yen', () => {
  it.each<[string, Currency, Parameters<typeof parseFigure>[1]]>([
    ['¥100元', 'CNY', {}],
    ['¥36亿', 'CNY', {}],
    ['约¥5亿', 'CNY', {}],
    ['¥100', 'CNY', { lang: 'zh' }],
    ['¥1.2B', 'CNY', { lang: 'zh' }],
    ['¥100円', 'JPY', {}],
    ['¥5億円', 'JPY', {}],
    ['¥100日元', 'JPY', {}],
    ['100円', 'JPY', {}],
  ])('%s is %s', (text, currency, options) => {
    expect(parseFigure(text, options).unit).toBe(currency);
  });

  it('is refused alone in a text that is not Chinese, saying how to write it', () => {
    for (const text of ['¥100', '¥1.2 billion', 'about ¥500M']) {
      expect(refusal(text)).toBe(
        '"¥" alone is the sign of both the Chinese yuan and the Japanese yen: write CN¥, RMB, CNY or 元 for yuan, JP¥, JPY or 円 for yen (a "¥" in a Chinese text is read as yuan: pass lang "zh")',
      );
      expect(refusal(text, { lang: 'en' })).toMatch(/alone is the sign of both/);
    }
    expect(refusal('¥100 dollars')).toMatch(/two currencies, ¥ and USD/);
  });
});

describe('parseFigure: European forms', () => {
  it.each<[string, Reading]>([
    ["385 millions d'euros", { value: 3.85e8, unit: 'EUR', qualifier: 'exact' }],
    ['385 millions d’euros', { value: 3.85e8, unit: 'EUR', qualifier: 'exact' }],
    ['1,5 Mrd. €', { value: 1.5e9, unit: 'EUR', qualifier: 'exact' }],
    ['€1,7 milliard', { value: 1.7e9, unit: 'EUR', qualifier: 'exact' }],
    ['1,7 milliards d’euros', { value: 1.7e9, unit: 'EUR', qualifier: 'exact' }],
    ['8 milioni al mese', { value: 8e6, unit: 'count', qualifier: 'exact', per: 'month' }],
    ['$8 milioni al mese', { value: 8e6, unit: 'USD', qualifier: 'exact', per: 'month' }],
    ['2 miliardi di euro', { value: 2e9, unit: 'EUR', qualifier: 'exact' }],
    ['8 milioni di dollari al mese', { value: 8e6, unit: 'USD', qualifier: 'exact', per: 'month' }],
    ['1,2 milliard de dollars', { value: 1.2e9, unit: 'USD', qualifier: 'exact' }],
    ['600 Millionen Euro', { value: 6e8, unit: 'EUR', qualifier: 'exact' }],
    ['1,2 Milliarden Euro', { value: 1.2e9, unit: 'EUR', qualifier: 'exact' }],
    ['500 Mio. €', { value: 5e8, unit: 'EUR', qualifier: 'exact' }],
    ['105 M€', { value: 1.05e8, unit: 'EUR', qualifier: 'exact' }],
    ['1,75 Md€', { value: 1.75e9, unit: 'EUR', qualifier: 'exact' }],
    ['20 Mio. € pro Jahr', { value: 2e7, unit: 'EUR', qualifier: 'exact', per: 'year' }],
    ['1.234.567 €', { value: 1234567, unit: 'EUR', qualifier: 'exact' }],
    ['1.234,5 Mio. €', { value: 1.2345e9, unit: 'EUR', qualifier: 'exact' }],
    ['0,500 Mrd. €', { value: 5e8, unit: 'EUR', qualifier: 'exact' }],
  ])('%s', (text, reading) => {
    expectReading(parseFigure(text), reading);
  });

  it('reads a decimal comma before one or two digits anywhere, and a thousands comma before three outside European texts', () => {
    expect(parseFigure('€1,5').value).toBe(1.5);
    expect(parseFigure('$1,25 billion').value).toBe(1.25e9);
    expect(parseFigure('€1,500').value).toBe(1500);
    expect(parseFigure('1,500 million euros').value).toBe(1.5e9);
    expect(parseFigure('1,234.5').value).toBe(1234.5);
    expect(parseFigure('1.5 Mrd. €').value).toBe(1.5e9);
  });

  it('refuses the ambiguous cases, saying both readings', () => {
    expect(refusal('1,500 Mrd. €')).toBe(
      '"1,500" is ambiguous in a European text: the comma may be a decimal mark (1.5) or group thousands (1500); write the number without the ambiguity, as "1.5" or "1500"',
    );
    expect(refusal('1.500 Mio. €')).toMatch(/"1.500" is ambiguous in a European text: the period may be a decimal mark \(1.5\) or group thousands \(1500\)/);
    expect(refusal('1.500 €')).toMatch(/ambiguous in a European text/);
    expect(refusal('1,000 Mio. €')).toMatch(/may be a decimal mark \(1\) or group thousands \(1000\); write the number without the ambiguity, as "1" or "1000"/);
    expect(refusal("1,250 millions d'euros")).toMatch(/ambiguous in a European text/);
  });

  it('reads French, German and Italian qualifiers, and they make the text European', () => {
    // Real forms: Welt "über 500 Mio. Dollar", Capital "rund 108 Mio. Euro"; without the words the reader
    // would leave the qualifier out and read an exact figure.
    const cases: [string, number, string][] = [
      ['über 500 Mio. Dollar', 5e8, 'over'], ['mehr als 500 Millionen Dollar', 5e8, 'over'], ['mindestens 1 Mrd. Euro', 1e9, 'over'],
      ['rund 108 Mio. Euro', 1.08e8, 'about'], ['etwa 2 Mrd. Euro', 2e9, 'about'], ['ca. 2 Mrd. Euro', 2e9, 'about'],
      ['knapp 500 Millionen Euro', 5e8, 'nearly'], ['beinahe 500 Millionen Euro', 5e8, 'nearly'], ['Über 500 Mio. Dollar', 5e8, 'over'],
      ['bis zu 1 Mrd. Euro', 1e9, 'under'], ['weniger als 1 Mrd. Euro', 1e9, 'under'],
      ["plus de 600 millions d'euros", 6e8, 'over'], ["environ 2 milliards d'euros", 2e9, 'about'],
      ["près de 500 millions d'euros", 5e8, 'nearly'], ["moins de 1 milliard d'euros", 1e9, 'under'],
      ['oltre 500 milioni di euro', 5e8, 'over'], ['quasi 1 miliardo di euro', 1e9, 'nearly'], ['circa 2 miliardi di euro', 2e9, 'about'],
    ];
    for (const [text, value, qualifier] of cases) expect([text, parseFigure(text).value, parseFigure(text).qualifier]).toEqual([text, value, qualifier]);
    expect(refusal('rund 1,500 Euro')).toMatch(/ambiguous in a European text/);
  });

  it('refuses a single period before three digits with no magnitude after it: "€600.000" is 600 or 600,000', () => {
    // Real forms: German, Dutch, Italian and Spanish texts write "600.000 Euro" and "€600.000" for six hundred thousand.
    expect(refusal('600.000 Euro')).toBe(
      '"600.000" is ambiguous: the period may be a decimal point (600) or group thousands (600000), as European texts write, ' +
        'and no magnitude (million, 亿) after it tells which; write the number without the ambiguity, as "600" or "600000"',
    );
    expect(refusal('€600.000')).toMatch(/"600.000" is ambiguous/);
    expect(refusal('$2.500')).toMatch(/"2.500" is ambiguous/);
    expect(refusal('1.500 employees')).toMatch(/"1.500" is ambiguous/);
    expect(refusal('600.000 euros ($650 million)')).toMatch(/"600.000" is ambiguous/);
    // A magnitude, a leading 0, another digit count, a percentage or a multiple leaves no doubt.
    expect(parseFigure('$1.525 billion').value).toBe(1.525e9);
    expect(parseFigure('3.124亿元').value).toBeCloseTo(3.124e8, 0);
    expect(parseFigure('$1.125-1.5 billion')).toMatchObject({ low: 1.125e9, high: 1.5e9 });
    expect(parseFigure('$0.375').value).toBe(0.375);
    expect(parseFigure('$19.99').value).toBe(19.99);
    expect(parseFigure('1234.567').value).toBe(1234.567);
    expect(parseFigure('3.125%').value).toBeCloseTo(0.03125, 10);
    expect(parseFigure('1.125x').value).toBe(1.125);
  });

  it('refuses "billion" in a European text (10^12 there) and malformed groupings', () => {
    expect(refusal("1 billion d'euros")).toMatch(/"billion" in a French, German or Italian text is 10\^12/);
    expect(refusal('1,5 Billionen Euro')).toMatch(/"Billionen" is not read/);
    expect(refusal('1,2345')).toMatch(/a comma before 4 digits neither groups thousands/);
    expect(refusal('1234,567')).toMatch(/has more than three digits before it/);
    expect(refusal('1,23,456')).toMatch(/marks that repeat must group thousands/);
    expect(refusal('1.234,5.6')).toMatch(/the last one is the decimal mark/);
    expect(refusal('1 500 000 €')).toMatch(/digits grouped by spaces are not read/);
  });
});

describe('parseFigure: measure words and nouns come from known lists', () => {
  it.each<[string, string]>([
    ['65笔', '笔'], ['36起', '起'], ['20家', '家'], ['5个', '个'], ['700万人', '人'], ['1200名', '名'],
    ['232 deals', 'deals'], ['over 1,000 people', 'people'], ['1,500 employees', 'employees'], ['100M weekly active users', 'weekly active users'],
    ['7 million app downloads', 'app downloads'], ['10M MAU', 'MAU'],
    ['700万用户', '用户'], ['5家公司', '家公司'], ['1200名员工', '名员工'], ['超1亿月活跃用户', '月活跃用户'],
  ])('%s: %s', (text, word) => {
    const f = parseFigure(text);
    expect(f.unit).toBe('count');
    expect(f.measureWord).toBe(word);
  });

  it.each([
    ['5只', /unknown word "只" after the number/],
    ['5家餐馆', /unknown word "餐馆" after the number/],
    ['5 deals users', /unknown word "users" after the number/],
    ['5 widgets', /unknown word "widgets" after the number/],
    ['385 apples', /unknown word "apples" after the number/],
    ['$5M revenue', /unknown word "revenue" after the number/],
    ['5 million 万', /unknown word "万"|second magnitude/],
    ['5 B B', /a second magnitude "B"/],
  ])('refuses %s, naming the word', (text, reason) => {
    expect(refusal(text)).toMatch(reason);
  });
});

describe('parseFigure: Korean number words (trial of session 11)', () => {
  it('refuses 만, 억 and 조 after a number, saying how to write the amount instead (the won itself is read)', () => {
    for (const [text, word] of [['1,200억 원', '억'], ['1200억원', '억'], ['3조 원', '조'], ['500만 원', '만']] as const) {
      let err: unknown;
      try { parseFigure(text); } catch (e) { err = e; }
      expect(err, text).toBeInstanceOf(FigureParseError);
      expect((err as FigureParseError).reasonCode?.code, text).toBe('korean_numerals');
      expect((err as FigureParseError).message).toContain(`Korean number words ("${word}") are not read`);
    }
    expect(parseFigure('1200亿韩元')).toMatchObject({ value: 120e9, unit: 'KRW' });
    expect(parseFigure('₩120 billion')).toMatchObject({ value: 120e9, unit: 'KRW' });
  });
});
