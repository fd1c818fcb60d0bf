import { describe, expect, it } from 'vitest';
import { FigureParseError } from './errors.js';
import type { Figure, Qualifier } from './figure.js';
import { MEASURE_WORDS, QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES } from './figure-words.js';
import { MAX_FIGURE_LENGTH, parseFigure, safeParseFigure } from './parse-figure.js';
import type { Per, Unit } from './quantity.js';

interface Expected {
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  low: number | null;
  high: number | null;
  per?: Per | null;
  measureWord?: string | null;
}

/** Relative closeness for numbers that went through exp/log. */
function expectClose(actual: number | null, expected: number | null): void {
  if (expected === null || actual === null) {
    expect(actual).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12 + 1e-300);
}

function expectFigure(f: Figure, e: Expected): void {
  expectClose(f.value, e.value);
  expect(f.unit).toBe(e.unit);
  expect(f.qualifier).toBe(e.qualifier);
  expectClose(f.low, e.low);
  expectClose(f.high, e.high);
  expect(f.per).toBe(e.per ?? null);
  if (e.measureWord !== undefined) expect(f.measureWord).toBe(e.measureWord);
  expect(f.p5).toBeLessThanOrEqual(f.p50);
  expect(f.p50).toBeLessThanOrEqual(f.p95);
}

const exact = (value: number, unit: Unit, more: Partial<Expected> = {}): Expected => ({
  value, unit, qualifier: 'exact', low: value, high: value, ...more,
});
const about = (value: number, unit: Unit, more: Partial<Expected> = {}): Expected => ({
  value, unit, qualifier: 'about', low: null, high: null, ...more,
});
const over = (value: number, unit: Unit, more: Partial<Expected> = {}): Expected => ({
  value, unit, qualifier: 'over', low: value, high: null, ...more,
});
const nearly = (value: number, unit: Unit, more: Partial<Expected> = {}): Expected => ({
  value, unit, qualifier: 'nearly', low: 0.7 * value, high: value, ...more,
});
const under = (value: number, unit: Unit, more: Partial<Expected> = {}): Expected => ({
  value, unit, qualifier: 'under', low: 0, high: value, ...more,
});
const range = (low: number, high: number, unit: Unit, more: Partial<Expected> = {}): Expected => ({
  value: (low + high) / 2, unit, qualifier: 'range', low, high, ...more,
});
const several = (magnitude: number, unit: Unit, more: Partial<Expected> = {}): Expected => ({
  value: Math.sqrt(18) * magnitude, unit, qualifier: 'several', low: 2 * magnitude, high: 9 * magnitude, ...more,
});

// Every "as written" cell of FIGURES.md, F1..F24, with its English equivalent.
const ARTICLE: ReadonlyArray<[id: string, zh: string, expected: Expected, en: string, enExpected?: Expected]> = [
  ['F1', '约为232笔', about(232, 'count', { measureWord: '笔' }), 'about 232 deals', about(232, 'count', { measureWord: 'deals' })],
  ['F2', '约为20亿美元', about(2e9, 'USD'), 'about $2.0B'],
  ['F3', '约204亿美元', about(2.04e10, 'USD'), 'about $20.4B'],
  ['F4', '36亿美元', exact(3.6e9, 'USD'), '$3.6B'],
  ['F5', '5倍以上', over(5, 'multiple'), 'more than 5x'],
  ['F6', '123.89亿元', exact(1.2389e10, 'CNY'), 'CNY 12.389B'],
  ['F7', '74.01亿元', exact(7.401e9, 'CNY'), 'CNY 7.401B'],
  ['F8', '36起', exact(36, 'count', { measureWord: '起' }), '36 deals', exact(36, 'count', { measureWord: 'deals' })],
  ['F9', '65起', exact(65, 'count', { measureWord: '起' }), '65 deals', exact(65, 'count', { measureWord: 'deals' })],
  ['F10', '数亿美元', several(1e8, 'USD'), 'several hundred million dollars'],
  ['F11', '超23亿美元', over(2.3e9, 'USD'), 'over $2.3B'],
  ['F12', '超25亿美元', over(2.5e9, 'USD'), 'over $2.5B'],
  ['F13', '超百亿元', over(1e10, 'CNY'), 'over CNY 10B'],
  ['F14', '15亿美元', exact(1.5e9, 'USD'), '$1.5B'],
  ['F15', '几乎没有获得任何收入', { value: 0, unit: 'count', qualifier: 'almost_none', low: 0, high: null }, 'almost no revenue'],
  ['F16', '近18亿美元', nearly(1.8e9, 'USD'), 'nearly $1.8B'],
  ['F17', '700万', exact(7e6, 'count', { measureWord: null }), '7 million'],
  ['F18', '1200万美元', exact(1.2e7, 'USD'), '$12M'],
  ['F19', '9000万', exact(9e7, 'count'), '90 million'],
  ['F20', '300万美元', exact(3e6, 'USD'), '$3M'],
  ['F21', '19.99美元', exact(19.99, 'USD'), '$19.99 a month', exact(19.99, 'USD', { per: 'month' })],
  ['F22', '75万', exact(7.5e5, 'count'), '750 thousand'],
  ['F23', '仅为2亿美元', about(2e8, 'USD'), 'only $200M a year', about(2e8, 'USD', { per: 'year' })],
  ['F24', '近千亿', nearly(1e11, 'count'), 'nearly 100 billion'],
];

describe('parseFigure: the article, F1..F24', () => {
  it.each(ARTICLE)('%s %s', (_id, zh, expected) => {
    const f = parseFigure(zh);
    expect(f.text).toBe(zh);
    expectFigure(f, expected);
  });

  it.each(ARTICLE)('%s in English: %s -> %s', (_id, _zh, expected, en, enExpected) => {
    expectFigure(parseFigure(en), enExpected ?? expected);
  });

  it('F24 takes its currency from the caller: the article means dollars', () => {
    expectFigure(parseFigure('近千亿', { defaultUnit: 'USD' }), nearly(1e11, 'USD'));
    expectFigure(parseFigure('nearly $100B'), nearly(1e11, 'USD'));
  });

  it('defaultUnit applies only to bare numbers', () => {
    expect(parseFigure('65起', { defaultUnit: 'USD' }).unit).toBe('count');
    expect(parseFigure('5倍', { defaultUnit: 'USD' }).unit).toBe('multiple');
    expect(parseFigure('15亿元', { defaultUnit: 'USD' }).unit).toBe('CNY');
    expect(parseFigure('232 deals', { defaultUnit: 'USD' }).unit).toBe('count');
    expect(parseFigure('几乎没有获得任何收入', { defaultUnit: 'USD' }).unit).toBe('USD');
  });

  it('gives the quantiles of the qualifier table', () => {
    const f = parseFigure('超23亿美元');
    expectClose(f.p5, 2.346e9);
    expectClose(f.p50, 2.53e9);
    expectClose(f.p95, 3.45e9);
    expect(f.distribution).toMatchObject({ family: 'shifted', offset: 2.3e9, scale: 2.3e9 });
    expect(parseFigure('36亿美元').distribution).toEqual({ family: 'pointMass', value: 3.6e9 });
    const g = parseFigure('约204亿美元');
    expectClose(g.p5, 2.04e10 / 1.1);
    expectClose(g.p50, 2.04e10);
    expectClose(g.p95, 2.04e10 * 1.1);
  });
});

describe('parseFigure: magnitudes', () => {
  it.each([
    ['5万', 5e4], ['5亿', 5e8], ['5百亿', 5e10], ['5千亿', 5e11], ['5万亿', 5e12], ['5百万', 5e6], ['5千万', 5e7],
    ['3.5万亿', 3.5e12], ['百亿', 1e10], ['千亿', 1e11], ['十万', 1e5], ['1亿2000万', 1.2e8],
    ['5k', 5e3], ['5K', 5e3], ['5M', 5e6], ['5m', 5e6], ['5mn', 5e6], ['5B', 5e9], ['5bn', 5e9], ['5 bn', 5e9], ['5T', 5e12], ['5tn', 5e12],
    ['5 thousand', 5e3], ['5 million', 5e6], ['3.6 billion', 3.6e9], ['2 trillion', 2e12], ['3 hundred million', 3e8],
    ['1200 万', 1.2e7], ['5 hundred thousand', 5e5],
  ])('%s = %d', (text, value) => {
    expectFigure(parseFigure(text), exact(value, 'count'));
  });

  it('computes each number from its decimal form, so 123.89亿 is exactly 12389000000', () => {
    expect(parseFigure('123.89亿元').value).toBe(12389000000);
    expect(parseFigure('$3.6B').value).toBe(3600000000);
    expect(parseFigure('$0.3B').value).toBe(300000000);
    expect(parseFigure('19.99%').value).toBe(0.1999);
    expect(parseFigure('百分之十五').value).toBe(0.15);
  });
});

describe('parseFigure: Chinese numerals, full-width digits, separators', () => {
  it.each([
    ['十', 10], ['十五', 15], ['二十三', 23], ['一百', 100], ['两千', 2000], ['两百万', 2e6], ['一百亿', 1e10],
    ['三千五百万', 3.5e7], ['二十三亿', 2.3e9], ['一百零五', 105], ['一万两千亿', 1.2e12], ['三万五', 35000],
    ['一亿五', 1.5e8], ['零', 0], ['壹佰', 100],
    ['１２３', 123], ['１２３．５', 123.5], ['１２３．５亿', 1.235e10],
    ['1,200万', 1.2e7], ['1,234,567', 1234567], ['12,345.67', 12345.67], ['.5亿', 5e7],
  ])('%s = %d', (text, value) => {
    expectFigure(parseFigure(text), exact(value, 'count'));
  });

  it('reads full-width currency signs and percent', () => {
    expectFigure(parseFigure('＄３.６Ｂ'), exact(3.6e9, 'USD'));
    expectFigure(parseFigure('￥100元'), exact(100, 'CNY'));
    expectFigure(parseFigure('￥100', { lang: 'zh' }), exact(100, 'CNY'));
    expect(() => parseFigure('￥100')).toThrow(/"¥" alone is the sign of both the Chinese yuan and the Japanese yen/);
    expectFigure(parseFigure('15％'), exact(0.15, 'percent'));
  });
});

describe('parseFigure: units', () => {
  it.each([
    ['$3.6B', 3.6e9, 'USD'], ['US$3.6B', 3.6e9, 'USD'], ['USD 3.6B', 3.6e9, 'USD'], ['3.6B USD', 3.6e9, 'USD'],
    ['36亿美元', 3.6e9, 'USD'], ['3.6 billion dollars', 3.6e9, 'USD'], ['$3.6 billion USD', 3.6e9, 'USD'],
    ['36亿元', 3.6e9, 'CNY'], ['36亿人民币', 3.6e9, 'CNY'], ['人民币36亿元', 3.6e9, 'CNY'], ['36亿元人民币', 3.6e9, 'CNY'],
    ['¥36亿', 3.6e9, 'CNY'], ['RMB 3.6B', 3.6e9, 'CNY'], ['CNY 3.6B', 3.6e9, 'CNY'], ['3.6 billion yuan', 3.6e9, 'CNY'],
    ['€20', 20, 'EUR'], ['20欧元', 20, 'EUR'], ['EUR 20M', 2e7, 'EUR'], ['20 euros', 20, 'EUR'],
    ['5倍', 5, 'multiple'], ['5x', 5, 'multiple'], ['5X', 5, 'multiple'], ['5×', 5, 'multiple'], ['5 times', 5, 'multiple'],
    ['15%', 0.15, 'percent'], ['15 percent', 0.15, 'percent'], ['15 per cent', 0.15, 'percent'], ['百分之十五', 0.15, 'percent'],
    ['百分之15', 0.15, 'percent'], ['-5%', -0.05, 'percent'], ['2.5%', 0.025, 'percent'],
  ] as const)('%s', (text, value, unit) => {
    expectFigure(parseFigure(text), exact(value, unit));
  });

  it.each(MEASURE_WORDS.map((w) => [w]))('measure word %s makes a count', (w) => {
    expectFigure(parseFigure(`20${w}`), exact(20, 'count', { measureWord: w }));
  });

  it('keeps English nouns after a count as the measure word', () => {
    expectFigure(parseFigure('232 deals'), exact(232, 'count', { measureWord: 'deals' }));
    expectFigure(parseFigure('7 million app downloads'), exact(7e6, 'count', { measureWord: 'app downloads' }));
    expectFigure(parseFigure('about 1,800 subscriptions'), about(1800, 'count', { measureWord: 'subscriptions' }));
    expectFigure(parseFigure('700万人'), exact(7e6, 'count', { measureWord: '人' }));
    expectFigure(parseFigure('3-5 deals'), range(3, 5, 'count', { measureWord: 'deals' }));
  });

  it('reads negative numbers', () => {
    expectFigure(parseFigure('−3亿元'), exact(-3e8, 'CNY'));
    expectFigure(parseFigure('-$5M'), exact(-5e6, 'USD'));
    expectFigure(parseFigure('$-5M'), exact(-5e6, 'USD'));
    expectFigure(parseFigure('+5%'), exact(0.05, 'percent'));
    const f = parseFigure('约-10%');
    expect(f.qualifier).toBe('about');
    expect(f.distribution).toEqual({ family: 'normal', mean: -0.1, sd: (0.1 * 0.1) / 1.6448536269514722 });
    expectClose(f.p5, -0.11);
    expectClose(f.p95, -0.09);
  });
});

describe('parseFigure: periods', () => {
  it.each([
    ['19.99美元/月', 19.99, 'month'], ['19.99美元 / 月', 19.99, 'month'], ['每月19.99美元', 19.99, 'month'],
    ['19.99美元每月', 19.99, 'month'], ['$20/mo', 20, 'month'], ['$20/month', 20, 'month'], ['$20 a month', 20, 'month'],
    ['$20 per month', 20, 'month'], ['$20 monthly', 20, 'month'], ['$491K a day', 491e3, 'day'], ['$491K/day', 491e3, 'day'],
    ['$180M per year', 1.8e8, 'year'], ['$180M a year', 1.8e8, 'year'], ['$180M/yr', 1.8e8, 'year'], ['$180M annually', 1.8e8, 'year'],
    ['$180M per annum', 1.8e8, 'year'], ['2亿美元/年', 2e8, 'year'], ['每年2亿美元', 2e8, 'year'], ['$5M a week', 5e6, 'week'],
    ['$5M per quarter', 5e6, 'quarter'], ['500万元/季度', 5e6, 'quarter'], ['每天100万次', 1e6, 'day'],
  ] as const)('%s', (text, value, per) => {
    const f = parseFigure(text);
    expect(f.value).toBe(value);
    expect(f.per).toBe(per);
  });

  it('keeps the qualifier with a period', () => {
    expectFigure(parseFigure('约19.99美元/月'), about(19.99, 'USD', { per: 'month' }));
    expectFigure(parseFigure('over $20 a month'), over(20, 'USD', { per: 'month' }));
  });
});

describe('parseFigure: qualifiers', () => {
  it.each(QUALIFIER_PREFIXES.map(([w, q]) => [w, q] as const))('prefix %s -> %s', (w, q) => {
    const text = /[a-z]$/i.test(w) ? `${w} $100M` : /[\u3400-\u9fff]/.test(w) ? `${w}1亿美元` : `${w}$100M`;
    const f = parseFigure(text);
    expect(f.qualifier).toBe(q);
    expect(f.value).toBe(1e8);
    expect(f.unit).toBe('USD');
  });

  it.each(QUALIFIER_SUFFIXES.map(([w, q]) => [w, q] as const))('suffix %s -> %s', (w, q) => {
    const text = /^[a-z]/i.test(w) ? `$100M ${w}` : /[\u3400-\u9fff]/.test(w) ? `1亿美元${w}` : `$100M${w}`;
    const f = parseFigure(text);
    expect(f.qualifier).toBe(q);
    expect(f.value).toBe(1e8);
  });

  it('reads 余 and 多 inside the number as over', () => {
    expectFigure(parseFigure('20余亿'), over(2e9, 'count'));
    expectFigure(parseFigure('20多亿美元'), over(2e9, 'USD'));
    expectFigure(parseFigure('一百多亿'), over(1e10, 'count'));
    expectFigure(parseFigure('200多万'), over(2e6, 'count'));
    expectFigure(parseFigure('20余家'), over(20, 'count', { measureWord: '家' }));
    expectFigure(parseFigure('5倍多'), over(5, 'multiple'));
  });

  it('reads under, with low 0 whatever the unit (no draw of under v > 0 is 0 or less)', () => {
    expectFigure(parseFigure('不到1亿美元'), under(1e8, 'USD'));
    expectFigure(parseFigure('less than 50 deals'), under(50, 'count', { measureWord: 'deals' }));
    expectFigure(parseFigure('低于5%'), under(0.05, 'percent'));
    expectFigure(parseFigure('under 3x'), under(3, 'multiple'));
  });

  it('reads "several": 数亿, 几十亿, several hundred million, a few billion, tens of billions', () => {
    expectFigure(parseFigure('数亿美元'), several(1e8, 'USD'));
    expectFigure(parseFigure('几十亿'), several(1e9, 'count'));
    expectFigure(parseFigure('数百万'), several(1e6, 'count'));
    expectFigure(parseFigure('数十家'), several(10, 'count', { measureWord: '家' }));
    expectFigure(parseFigure('好几千亿元'), several(1e11, 'CNY'));
    expectFigure(parseFigure('several hundred million'), several(1e8, 'count'));
    expectFigure(parseFigure('a few billion dollars'), several(1e9, 'USD'));
    expectFigure(parseFigure('several thousand deals'), several(1e3, 'count', { measureWord: 'deals' }));
    expectFigure(parseFigure('tens of billions of dollars'), several(1e10, 'USD'));
    expectFigure(parseFigure('hundreds of millions'), several(1e8, 'count'));
    expectFigure(parseFigure('约数亿美元'), several(1e8, 'USD'));
  });

  it('reads almost none', () => {
    for (const text of ['几乎没有获得任何收入', '几乎为零', '接近零', 'almost none', 'almost nothing', 'barely any revenue', 'near zero', 'Almost no revenue.']) {
      const f = parseFigure(text);
      expect(f.qualifier).toBe('almost_none');
      expect([f.value, f.low, f.high, f.p5, f.p95]).toEqual([0, 0, null, 0, 0]);
    }
  });

  it('reads "only" words as about unless another qualifier is there', () => {
    expect(parseFigure('仅为2亿美元').qualifier).toBe('about');
    expect(parseFigure('only $200M').qualifier).toBe('about');
    expect(parseFigure('just $200M').qualifier).toBe('about');
    expect(parseFigure('仅超2亿美元').qualifier).toBe('over');
    expect(parseFigure('仅约2亿美元').qualifier).toBe('about');
    expect(parseFigure('only about $200M').qualifier).toBe('about');
    expect(parseFigure('just over $200M').qualifier).toBe('over');
    expect(parseFigure('just under $200M').qualifier).toBe('nearly');
    expect(parseFigure('为2亿美元').qualifier).toBe('exact');
    expect(parseFigure('高达2亿美元').qualifier).toBe('exact');
  });

  it('reads verbs of coming close as nearly, 级 (of the order of) as about, and API prices per 1,000 tokens', () => {
    expect(parseFigure('approaches $40B').qualifier).toBe('nearly');
    expect(parseFigure('approaching 2 million users').qualifier).toBe('nearly');
    expect(parseFigure('10亿美元级').qualifier).toBe('about');
    expect(parseFigure('千万量级').qualifier).toBe('about');
    const p = parseFigure('$0.002 per 1,000 tokens');
    expect([p.value, p.unit, p.perItem]).toEqual([0.002, 'USD', 'thousand tokens']);
  });

  it('lets a direction win over about, and refuses two directions', () => {
    expect(parseFigure('约5亿以上').qualifier).toBe('over');
    expect(parseFigure('约5亿左右').qualifier).toBe('about');
    expect(parseFigure('超5倍以上').qualifier).toBe('over');
    expect(() => parseFigure('超5亿以下')).toThrow(/qualifiers disagree: over and under/);
  });
});

describe('parseFigure: ranges', () => {
  it.each([
    ['3亿至5亿美元', 3e8, 5e8, 'USD'], ['3-5亿美元', 3e8, 5e8, 'USD'], ['3亿到5亿', 3e8, 5e8, 'count'],
    ['3~5亿', 3e8, 5e8, 'count'], ['3～5亿', 3e8, 5e8, 'count'], ['3–5亿', 3e8, 5e8, 'count'],
    ['$300M-$500M', 3e8, 5e8, 'USD'], ['$300M to $500M', 3e8, 5e8, 'USD'], ['$300M - $500M', 3e8, 5e8, 'USD'],
    ['300 to 500 million', 3e8, 5e8, 'count'], ['$3-5B', 3e9, 5e9, 'USD'], ['between $3B and $5B', 3e9, 5e9, 'USD'],
    ['between 3 and 5 billion dollars', 3e9, 5e9, 'USD'], ['from $3B to $5B', 3e9, 5e9, 'USD'],
    ['3亿至5亿美元之间', 3e8, 5e8, 'USD'], ['约3-5亿美元', 3e8, 5e8, 'USD'], ['3千-5千万', 3e7, 5e7, 'count'],
    ['三十至五十亿', 3e9, 5e9, 'count'], ['500万-1亿', 5e6, 1e8, 'count'], ['$500K-1M', 5e5, 1e6, 'USD'],
    ['10-15%', 0.1, 0.15, 'percent'], ['10%-15%', 0.1, 0.15, 'percent'], ['-5%~-3%', -0.05, -0.03, 'percent'],
    ['3-5倍', 3, 5, 'multiple'], ['0-10%', 0, 0.1, 'percent'],
  ] as const)('%s', (text, low, high, unit) => {
    expectFigure(parseFigure(text), range(low, high, unit));
  });

  it('is a lognormal 90% interval when positive and uniform otherwise', () => {
    const f = parseFigure('3亿至5亿美元');
    expect(f.distribution.family).toBe('lognormal');
    expectClose(f.p5, 3e8);
    expectClose(f.p95, 5e8);
    expectClose(f.p50, Math.sqrt(15) * 1e8);
    const g = parseFigure('-5%~5%');
    expect(g.distribution).toEqual({ family: 'uniform', low: -0.05, high: 0.05 });
  });

  it('refuses ranges that go down, mix units or qualify the range', () => {
    expect(() => parseFigure('5亿至3亿')).toThrow(/from low to high/);
    expect(() => parseFigure('$3B-€5B')).toThrow(/different units, USD and EUR/);
    expect(() => parseFigure('$3B-¥5B')).toThrow(/"¥" alone is the sign of both/);
    expect(() => parseFigure('超3-5亿')).toThrow(/over cannot qualify a range/);
    expect(() => parseFigure('between $3B')).toThrow(/needs two ends/);
  });
});

describe('parseFigure: surrounding noise', () => {
  it.each(['  超23亿美元  ', '超23亿美元。', '超23亿美元.', '超为23亿美元', '超过23亿美元', '\t超23亿美元\n', '　超23亿美元　'])('%j', (text) => {
    expectFigure(parseFigure(text), over(2.3e9, 'USD'));
  });

  it('keeps the text as given', () => {
    expect(parseFigure('  超23亿美元。').text).toBe('  超23亿美元。');
  });
});

const NOT_FIGURES = [
  'n/a', '', '   ', 'hello', '12abc', '$', '亿', '万亿', '约', '超', '数', '数美元', 'several', 'several deals', '约为', '。',
  '1.2.3', '1,2345', '$5亿元', '5%美元', '$5x', '5倍元', '20笔美元', 'between 3', 'between 3 and', '3-', '-', '--5',
  '5 to', 'NaN', 'Infinity', '1e9', '0x10', '5亿亿', '二三', '十十', '5 dollars euros', '$20/fortnight', '5亿 万亿美元',
  '5 million 万', '五 million', 'tens of', 'hundreds of deals', '$20/月/年', '每月$20/年', '3-5-7', '近near 5', '5 deals 美元',
  '五月', 'Q3', '2024年', '~', '≈', '>', '%', '5%%', '5 per', '5 a', '5 B B', '1 tn tn', '5 million billion', '5倍倍', '5美元美元', '5 x times', '3亿至5亿至7亿',
];

describe('parseFigure: not figures', () => {
  it.each(NOT_FIGURES.map((t) => [t]))('%j throws FigureParseError', (text) => {
    let error: unknown;
    try {
      parseFigure(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FigureParseError);
    const e = error as FigureParseError;
    expect(e.text).toBe(text);
    expect(e.status).toBe(400);
    expect(e.issues[0]!.code).toBe('invalid_figure');
    expect(e.message.startsWith(`${JSON.stringify(text)} is not a figure: expected a number`)).toBe(true);
  });

  it('says what a figure looks like', () => {
    expect(() => parseFigure('n/a')).toThrow(
      '"n/a" is not a figure: expected a number with optional qualifier, magnitude and unit, such as "约204亿美元", "超23亿美元", "$3.6B", "nearly $1.8B" or "65起"',
    );
    expect(() => parseFigure('12abc')).toThrow(/unknown word "abc" after the number/);
    expect(() => parseFigure('$5亿元')).toThrow(/two currencies, USD and CNY/);
  });

  it('refuses texts too long to be figures; the longest numbers stay finite', () => {
    expect(parseFigure('9'.repeat(MAX_FIGURE_LENGTH - 2) + '万亿').value).toBe(1e210);
    expect(Number.isFinite(parseFigure('超' + '9'.repeat(MAX_FIGURE_LENGTH - 20) + ' hundred trillion').p95)).toBe(true);
    expect(() => parseFigure('1'.repeat(MAX_FIGURE_LENGTH + 1))).toThrow(/longer than 200 characters/);
    expect(parseFigure('9'.repeat(150)).value).toBe(1e150);
  });

  it('refuses non-string input from untyped callers', () => {
    expect(() => parseFigure(42 as unknown as string)).toThrow(FigureParseError);
  });
});

describe('safeParseFigure', () => {
  it('returns the figure or the error', () => {
    const ok = safeParseFigure('$3.6B');
    expect(ok.ok && ok.figure.value).toBe(3.6e9);
    const bad = safeParseFigure('n/a');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toBeInstanceOf(FigureParseError);
  });

  it('passes options through', () => {
    const r = safeParseFigure('近千亿', { defaultUnit: 'USD' });
    expect(r.ok && r.figure.unit).toBe('USD');
  });
});
