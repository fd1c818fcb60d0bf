import { describe, expect, it } from 'vitest';
import { ShakeoutError } from './errors.js';
import { convertCurrency, cpiFactor, fxRateFor, makeFxTable, toConstantDollars, toNominalDollars } from './money.js';
import type { CpiTable } from './money.js';
import { parsePeriod } from './period.js';

const fx = makeFxTable('test', [
  { period: '2023', cnyPerUsd: 7.0467, description: 'annual average', source: 'SAFE' },
  { period: '2024Q1', cnyPerUsd: 7.1, description: 'approximate', source: 'CFETS' },
  { period: '2024', cnyPerUsd: 7.1217, description: 'annual average', source: 'NBS' },
]);
const cpi: CpiTable = {
  name: 'test',
  rows: [
    { year: 2021, index: 270.97, source: 'BLS' },
    { year: 2023, index: 304.702, source: 'BLS' },
  ],
};

describe('FX', () => {
  it('uses the quarter row for a quarter, else the year average', () => {
    expect(fxRateFor(fx, parsePeriod('2024-Q1')).cnyPerUsd).toBe(7.1);
    expect(fxRateFor(fx, parsePeriod('2024-Q2')).cnyPerUsd).toBe(7.1217);
    expect(fxRateFor(fx, parsePeriod('2024-05')).cnyPerUsd).toBe(7.1217);
    expect(fxRateFor(fx, parsePeriod('as of 2023-06')).cnyPerUsd).toBe(7.0467);
  });
  it('converts CNY to USD and says which rate', () => {
    const c = convertCurrency({ value: 12_389_000_000, unit: 'CNY', per: null }, 'USD', parsePeriod('2024-Q1'), fx);
    expect(c.quantity.unit).toBe('USD');
    expect(c.quantity.value).toBeCloseTo(12_389_000_000 / 7.1, 0);
    expect(c.note).toContain('7.1 CNY per USD');
    expect(c.note).toContain('2024-Q1');
    const back = convertCurrency(c.quantity, 'CNY', parsePeriod('2024-Q1'), fx);
    expect(back.quantity.value).toBeCloseTo(12_389_000_000, 0);
  });
  it('same currency is a no-op', () => {
    const q = { value: 5, unit: 'USD' as const, per: 'month' as const };
    expect(convertCurrency(q, 'USD', parsePeriod('1999'), fx).quantity).toBe(q);
  });
  it('errors when the table has no rate, or the period spans years', () => {
    expect(() => fxRateFor(fx, parsePeriod('2019'))).toThrow(/no CNY\/USD rate for 2019 .*it has: 2023, 2024-Q1, 2024/);
    expect(() => fxRateFor(fx, parsePeriod('2023/2024'))).toThrow(ShakeoutError);
    expect(() => convertCurrency({ value: 1, unit: 'EUR', per: null }, 'USD', parsePeriod('2023'), fx)).toThrow(/EUR->USD/);
  });
  it('a user table overrides', () => {
    const mine = makeFxTable('mine', [{ period: '2023', cnyPerUsd: 7 }]);
    expect(convertCurrency({ value: 7, unit: 'CNY', per: null }, 'USD', parsePeriod('2023'), mine).quantity.value).toBe(1);
  });
  it('rejects bad rows', () => {
    expect(() => makeFxTable('bad', [{ period: '2023-05', cnyPerUsd: 7 }])).toThrow(/year or a quarter/);
    expect(() => makeFxTable('bad', [{ period: '2023', cnyPerUsd: 0 }])).toThrow(/positive/);
  });
});

describe('CPI', () => {
  it('moves constant 2021 dollars to nominal 2023 and back', () => {
    const owid = { value: 8_419_883_187, unit: 'USD' as const, per: null };
    const n = toNominalDollars(owid, 2021, 2023, cpi);
    expect(n.quantity.value / 1e9).toBeCloseTo(9.468, 2);
    expect(n.note).toContain('nominal 2023');
    expect(n.note).toContain('304.702');
    const back = toConstantDollars(n.quantity, 2023, 2021, cpi);
    expect(back.quantity.value).toBeCloseTo(owid.value, 0);
    expect(cpiFactor(cpi, 2021, 2023)).toBeCloseTo(1.12449, 4);
  });
  it('errors on a missing year or a non-USD amount', () => {
    expect(() => toConstantDollars({ value: 1, unit: 'USD', per: null }, 2019, 2021, cpi)).toThrow(/no CPI for 2019/);
    expect(() => toConstantDollars({ value: 1, unit: 'CNY', per: null }, 2021, 2023, cpi)).toThrow(/US dollars/);
  });
});
