import { describe, expect, it } from 'vitest';
import { chineseMagnitudeExponent, isChineseNumeralChar, parseChineseNumeral } from './chinese-numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1], ['十', 10], ['十五', 15], ['二十', 20], ['二十三', 23], ['一百', 100], ['百', 100], ['一百零五', 105],
    ['一千零一十', 1010], ['两千', 2000], ['三千五百', 3500], ['三百五', 350], ['一万', 1e4], ['十万', 1e5], ['百万', 1e6],
    ['千万', 1e7], ['三千五百万', 3.5e7], ['一亿', 1e8], ['二十三亿', 2.3e9], ['百亿', 1e10], ['一百亿', 1e10],
    ['千亿', 1e11], ['三万亿', 3e12], ['一万两千亿', 1.2e12], ['一亿两千万', 1.2e8], ['三万五', 35000], ['一亿五', 1.5e8],
    ['零', 0], ['〇', 0], ['壹佰贰拾', 120], ['两', 2],
    ['700万', 7e6], ['1200万', 1.2e7], ['123.89亿', 1.2389e10], ['74.01亿', 7.401e9], ['3.5万亿', 3.5e12],
    ['1亿2000万', 1.2e8], ['5百万', 5e6], ['3千5', 3500], ['3千25', 3025], ['232', 232], ['19.99', 19.99], ['.5', 0.5],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('applies a power of ten once, from the decimal form', () => {
    expect(parseChineseNumeral('十五', -2)).toBe(0.15);
    expect(parseChineseNumeral('3.6', 9)).toBe(3.6e9);
    expect(parseChineseNumeral('19.99', -2)).toBe(0.1999);
  });

  it.each(['', '亿', '万亿', '二三', '十十', '百千', '亿亿', '1.2.3', '5.', 'x', '五a', '万万'])('%j is not a numeral', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });

  it('classifies characters', () => {
    expect(isChineseNumeralChar('两')).toBe(true);
    expect(isChineseNumeralChar('元')).toBe(false);
    expect(chineseMagnitudeExponent('亿')).toBe(8);
    expect(chineseMagnitudeExponent('千')).toBe(3);
    expect(chineseMagnitudeExponent('五')).toBeNull();
    expect(chineseMagnitudeExponent(undefined)).toBeNull();
  });
});
