import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatCompact, formatValue, groupThousands, significant } from './format-number.js';

describe('formatCompact', () => {
  it.each([
    [2.3e9, 'en', '2.3B'], [2.3e9, 'zh', '23亿'], [12000, 'zh', '1.2万'], [12000, 'en', '12k'],
    [750000, 'en', '750k'], [750000, 'zh', '75万'], [1e11, 'zh', '1000亿'], [999960, 'en', '1M'],
    [-1.8e9, 'en', '-1.8B'], [232, 'zh', '232'], [2.04e10, 'zh', '204亿'], [1.5e12, 'zh', '1.5万亿'],
  ] as const)('%d in %s is %s', (x, lang, want) => {
    expect(formatCompact(x, lang)).toBe(want);
  });
});

describe('formatValue', () => {
  it('writes currencies the way each language does', () => {
    expect(formatValue(2.3e9, 'USD', 'en')).toBe('$2.3B');
    expect(formatValue(2.3e9, 'USD', 'zh')).toBe('23亿美元');
    expect(formatValue(1.2389e10, 'CNY', 'zh', null, 5)).toBe('123.89亿元');
    expect(formatValue(19.99, 'USD', 'en', 'month')).toBe('$19.99 a month');
    expect(formatValue(19.99, 'USD', 'zh', 'month')).toBe('19.99美元/月');
    expect(formatValue(5.6667, 'multiple', 'en')).toBe('5.67x');
    expect(formatValue(5.6667, 'multiple', 'zh')).toBe('5.67倍');
    expect(formatValue(0.63, 'percent', 'en')).toBe('63%');
    expect(formatValue(-1.8e9, 'USD', 'en')).toBe('-$1.8B');
  });
  it('keeps small magnitudes readable', () => {
    expect(significant(0.000123, 2)).toBe('0.00012');
    expect(significant(1234.5, 3)).toBe('1230');
  });
});

describe('groupThousands', () => {
  it.each([
    [2300000000, 0, '2,300,000,000'], [-1234.5, 6, '-1,234.5'], [0.1234567, 6, '0.123457'], [999, 0, '999'],
    [1000, 0, '1,000'], [100000, 0, '100,000'], [1e20, 0, '100,000,000,000,000,000,000'], [-0.0000001, 6, '0'],
    [1.5e21, 0, '1.5e+21'], [Number.NaN, 0, 'NaN'], [-Infinity, 0, '-Infinity'], [12.5, 0, '13'],
  ] as const)('%d with up to %d decimals is %s', (x, digits, want) => {
    expect(groupThousands(x, digits)).toBe(want);
  });

  it('writes what toLocaleString("en-US") writes, for whole numbers and for decimals that need no rounding', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (k, decimals, max) => {
      const x = k / 10 ** Math.min(decimals, max);
      if (!Number.isSafeInteger(Math.round(x * 10 ** Math.min(decimals, max)))) return;
      expect(groupThousands(x, max)).toBe(x.toLocaleString('en-US', { maximumFractionDigits: max }));
    }));
  });
});
