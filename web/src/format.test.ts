import { describe, expect, it } from 'vitest';
import { formatInterval, formatValue } from './format.js';
import { lang } from './i18n.js';

describe('formatValue', () => {
  it('writes money, rates and multiples the English way', () => {
    lang.value = 'en';
    expect(formatValue(1_522_714_846, { unit: 'USD', per: null })).toBe('$1.52B');
    expect(formatValue(-3_617_834, { unit: 'USD', per: 'month' })).toBe('-$3.62M/mo');
    expect(formatValue(0.0781, { unit: 'percent', per: 'month' })).toBe('7.81%/mo');
    expect(formatValue(35.07, { unit: 'multiple', per: null })).toBe('35.1×');
    expect(formatValue(4.68, { unit: 'count', per: null })).toBe('4.68');
    expect(formatValue(2_000_000, { unit: 'EUR', per: null })).toBe('EUR 2M');
  });

  it('writes them the mainland Chinese way, in 万 and 亿', () => {
    lang.value = 'zh';
    expect(formatValue(1_522_714_846, { unit: 'USD', per: null })).toBe('15.2亿美元');
    expect(formatValue(312_400_000, { unit: 'CNY', per: 'year' })).toBe('3.12亿元/年');
    expect(formatValue(43_000, { unit: 'count', per: null })).toBe('4.3万');
    lang.value = 'en';
  });

  it('shows a dash, never a number, for what the API could not compute', () => {
    expect(formatValue(null, { unit: 'USD', per: null })).toBe('–');
    expect(formatValue(Number.POSITIVE_INFINITY, { unit: 'count', per: null })).toBe('–');
    expect(formatInterval(1e6, null, { unit: 'USD', per: null })).toBe('$1M – –');
  });
});
