import { describe, expect, it } from 'vitest';
import { ShakeoutError } from './errors.js';
import {
  convertCurrency, cpiAnnual, cpiFactor, cpiYears, fxRateFor, latestFxMonth, makeCpiTable, makeFxTable, monthsOf,
  toConstantDollars, toNominalDollars, withUserRates,
} from './money.js';
import { parsePeriod } from './period.js';

const H10 = 'U.S. Federal Reserve H.10 via FRED';
// Rows copied from data/fx-monthly-per-usd.csv.
const rows: [string, string, number][] = [
  ['2023-01', 'EUR', 0.9279], ['2023-02', 'EUR', 0.9344], ['2023-03', 'EUR', 0.9336], ['2023-04', 'EUR', 0.9122],
  ['2023-05', 'EUR', 0.9202], ['2023-06', 'EUR', 0.9225], ['2023-07', 'EUR', 0.9036], ['2023-08', 'EUR', 0.9166],
  ['2023-09', 'EUR', 0.937], ['2023-10', 'EUR', 0.9465], ['2023-11', 'EUR', 0.9243], ['2023-12', 'EUR', 0.9167],
  ['2024-01', 'EUR', 0.9175], ['2024-02', 'EUR', 0.9265], ['2024-03', 'EUR', 0.92], ['2024-06', 'EUR', 0.9291],
  ['2024-01', 'CNY', 7.1707], ['2024-02', 'CNY', 7.1935], ['2024-03', 'CNY', 7.2015],
  ['2024-01', 'GBP', 0.7873], ['2024-02', 'GBP', 0.7918], ['2024-03', 'GBP', 0.7866],
];
const fx = makeFxTable('fx-monthly-per-usd.csv', rows.map(([month, currency, perUsd]) => ({ month, currency, perUsd, source: H10 })));

// Hand-computed from the rows above.
const CNY_2024Q1 = (7.1707 + 7.1935 + 7.2015) / 3; // 7.188566...
const EUR_2023 = (0.9279 + 0.9344 + 0.9336 + 0.9122 + 0.9202 + 0.9225 + 0.9036 + 0.9166 + 0.937 + 0.9465 + 0.9243 + 0.9167) / 12;
const EUR_2024Q1 = (0.9175 + 0.9265 + 0.92) / 3;
const GBP_2024Q1 = (0.7873 + 0.7918 + 0.7866) / 3;

describe('FX at the rate of the figure\'s own period', () => {
  it('a month takes that month\'s rate; a day and an instant take their month\'s', () => {
    expect(fxRateFor(fx, 'CNY', parsePeriod('2024-02')).perUsd).toBe(7.1935);
    expect(fxRateFor(fx, 'CNY', parsePeriod('2024-02-29')).perUsd).toBe(7.1935);
    expect(fxRateFor(fx, 'EUR', parsePeriod('as of 2024-06')).perUsd).toBe(0.9291);
  });
  it('a quarter, a year and a span take the mean of their months\' rates', () => {
    expect(fxRateFor(fx, 'CNY', parsePeriod('2024-Q1')).perUsd).toBeCloseTo(CNY_2024Q1, 12);
    expect(fxRateFor(fx, 'CNY', parsePeriod('2024-Q1')).months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(fxRateFor(fx, 'EUR', parsePeriod('2023')).perUsd).toBeCloseTo(EUR_2023, 12);
    expect(fxRateFor(fx, 'EUR', parsePeriod('2023-11/2024-02')).perUsd).toBeCloseTo((0.9243 + 0.9167 + 0.9175 + 0.9265) / 4, 12);
    // a span of days counts each month it touches once
    expect(fxRateFor(fx, 'EUR', parsePeriod('2024-01-21/2024-02-20')).perUsd).toBeCloseTo((0.9175 + 0.9265) / 2, 12);
  });
  it('converts CNY to USD and names the rate, its period and its source, in English and Chinese', () => {
    const c = convertCurrency({ value: 12_389_000_000, unit: 'CNY', per: null }, 'USD', parsePeriod('2024-Q1'), fx);
    expect(c.quantity).toEqual({ value: 12_389_000_000 / CNY_2024Q1, unit: 'USD', per: null });
    expect(c.note).toBe(`CNY->USD at 7.1886 CNY per USD (2024-Q1: mean of the 3 monthly averages of 2024-01 to 2024-03; ${H10})`);
    expect(c.noteZh).toBe('人民币折美元：7.1886元人民币兑1美元（2024年一季度3个月月均汇率的平均值；美联储H.10汇率统计（圣路易斯联储经济数据库））');
    expect(c.noteZh).not.toMatch(/[A-Za-z]{3,}/);
    const back = convertCurrency(c.quantity, 'CNY', parsePeriod('2024-Q1'), fx);
    expect(back.quantity.value).toBeCloseTo(12_389_000_000, 3);
  });
  it('converts any pair through the dollar, and keeps a rate\'s period', () => {
    const c = convertCurrency({ value: 100, unit: 'EUR', per: 'month' }, 'GBP', parsePeriod('2024-Q1'), fx);
    expect(c.quantity.value).toBeCloseTo((100 / EUR_2024Q1) * GBP_2024Q1, 10);
    expect(c.quantity.per).toBe('month');
    expect(c.note).toContain('EUR->GBP at 0.8559 GBP per EUR, through the US dollar: 0.9213 EUR per USD');
    expect(c.note).toContain('0.7886 GBP per USD');
    expect(c.noteZh).toContain('欧元折英镑：经美元套算');
  });
  it('same currency is a no-op', () => {
    const q = { value: 5, unit: 'USD' as const, per: 'month' as const };
    expect(convertCurrency(q, 'USD', parsePeriod('1999'), fx).quantity).toBe(q);
  });
  it('refuses a month the table lacks, naming the currency and month and how to add it', () => {
    expect(() => fxRateFor(fx, 'EUR', parsePeriod('2024-04'))).toThrow(/no EUR rate for 2024-04 in the FX table "fx-monthly-per-usd.csv" \(it has EUR from 2023-01 to 2024-06, with gaps\); add it with: shakeout fx add --currency EUR --month 2024-04/);
    // a quarter with one month missing is refused too, never averaged over the months it has
    expect(() => fxRateFor(fx, 'EUR', parsePeriod('2024-Q2'))).toThrow(/no EUR rate for 2024-04, 2024-05 \(needed for 2024-Q2\)/);
    expect(() => convertCurrency({ value: 1, unit: 'JPY', per: null }, 'USD', parsePeriod('2024-01'), fx)).toThrow(/no JPY rate for 2024-01 .*it has no JPY rate/);
    expect(() => convertCurrency({ value: 1, unit: 'count', per: null }, 'USD', parsePeriod('2024-01'), fx)).toThrow(ShakeoutError);
  });
  it('a user rate overrides the bundled month and says so; one beyond the table extends it', () => {
    const mine = withUserRates(fx, [
      { month: '2024-02', currency: 'CNY', perUsd: 7.2, source: 'my bank', origin: 'user' },
      { month: '2026-07', currency: 'EUR', perUsd: 0.91, source: 'ECB reference rate', origin: 'user' },
    ]);
    expect(fxRateFor(mine, 'CNY', parsePeriod('2024-Q1')).perUsd).toBeCloseTo((7.1707 + 7.2 + 7.2015) / 3, 12);
    const c = convertCurrency({ value: 7.2, unit: 'CNY', per: null }, 'USD', parsePeriod('2024-02'), mine);
    expect(c.quantity.value).toBeCloseTo(1, 12);
    expect(c.note).toBe('CNY->USD at 7.2 CNY per USD (monthly average of 2024-02; 2024-02 is a user rate overriding the bundled 7.1935; my bank)');
    expect(c.noteZh).toContain('2024年2月为用户添加的汇率，取代内置的7.1935');
    const e = convertCurrency({ value: 91, unit: 'EUR', per: null }, 'USD', parsePeriod('2026-07'), mine);
    expect(e.quantity.value).toBeCloseTo(100, 10);
    expect(e.note).toContain('2026-07 is a user rate; ECB reference rate');
    expect(latestFxMonth(mine, 'EUR')).toBe('2026-07');
    expect(latestFxMonth(fx, 'EUR')).toBe('2024-06');
    expect(fx.rates.find((r) => r.currency === 'CNY' && r.month === '2024-02')?.perUsd).toBe(7.1935); // the bundled table is unchanged
  });
  it('rejects bad rows, all at once', () => {
    expect(() => makeFxTable('bad.csv', [
      { month: '2023', currency: 'EUR', perUsd: 0.9 },
      { month: '2023-05', currency: 'XYZ', perUsd: 0 },
      { month: '2023-05', currency: 'USD', perUsd: 1 },
    ])).toThrow(/4 problems\nbad.csv row 1, month: expected a month such as 2024-03, got "2023"\nbad.csv row 2, currency: expected one of USD, CNY, EUR.*got "XYZ"\nbad.csv row 2, per_usd: expected a positive number of XYZ per US dollar, got 0\nbad.csv row 3, currency: expected a currency other than USD/);
  });
  it('a table known on a day: a month not ended by then is converted at the latest month known, and the note says so', () => {
    // As of 2024-04-20 only the months ended by then: EUR up to 2024-03.
    const asOf = { ...fx, rates: fx.rates.filter((r) => r.month <= '2024-03'), knownBy: '2024-04-20' };
    const r = fxRateFor(asOf, 'EUR', parsePeriod('2024-04'));
    expect(r.perUsd).toBe(0.92);
    expect(r.notYetKnown).toEqual({ months: ['2024-04'], knownBy: '2024-04-20' });
    const c = convertCurrency({ value: 9.2, unit: 'EUR', per: null }, 'USD', parsePeriod('2024-04'), asOf);
    expect(c.quantity.value).toBeCloseTo(10, 12);
    expect(c.note).toBe(`EUR->USD at 0.92 EUR per USD (2024-04 not yet known on 2024-04-20: at the 2024-03 rate; ${H10})`);
    expect(c.noteZh).toContain('2024年4月20日时2024年4月的汇率尚未公布：按2024年3月的汇率');
    // a period partly known takes the months of it known by then
    const q = fxRateFor(asOf, 'EUR', parsePeriod('2024'));
    expect(q.perUsd).toBeCloseTo(EUR_2024Q1, 12);
    expect(q.notYetKnown?.months).toHaveLength(9);
    expect(convertCurrency({ value: 1, unit: 'EUR', per: null }, 'USD', parsePeriod('2024'), asOf).note).toContain('2024-04 to 2024-12 not yet known on 2024-04-20: mean of the 3 monthly averages of 2024-01 to 2024-03');
    // a month that had ended but is missing is still refused, as is any gap without a day
    const gap = { ...fx, knownBy: '2024-07-20' };
    expect(() => fxRateFor(gap, 'EUR', parsePeriod('2024-04'))).toThrow(/no EUR rate for 2024-04/);
    expect(() => fxRateFor(fx, 'EUR', parsePeriod('2024-07'))).toThrow(/no EUR rate for 2024-07/);
  });
  it('lists the months of a period', () => {
    expect(monthsOf(parsePeriod('2023-11/2024-02'))).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsOf(parsePeriod('2024'))).toHaveLength(12);
  });
});

// Rows copied from data/us-cpi-u-monthly.csv (2021 and 2023 whole; 2025 lacks October).
const cpi = makeCpiTable('us-cpi-u-monthly.csv', 'U.S. Bureau of Labor Statistics, CPI-U', [
  ...[261.582, 263.014, 264.877, 267.054, 269.195, 271.696, 273.003, 273.567, 274.31, 276.589, 277.948, 278.802].map((index, i) => ({ month: `2021-${String(i + 1).padStart(2, '0')}`, index })),
  ...[299.17, 300.84, 301.836, 303.363, 304.127, 305.109, 305.691, 307.026, 307.789, 307.671, 307.051, 306.746].map((index, i) => ({ month: `2023-${String(i + 1).padStart(2, '0')}`, index })),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12].map((m) => ({ month: `2025-${String(m).padStart(2, '0')}`, index: 320 })),
]);

describe('CPI from the monthly index', () => {
  it('a year is the mean of its twelve months (BLS annual averages 270.970 and 304.702)', () => {
    expect(cpiAnnual(cpi, 2021)).toBeCloseTo(270.97, 3);
    expect(cpiAnnual(cpi, 2023)).toBeCloseTo(304.702, 3);
    expect(cpiYears(cpi)).toEqual([2021, 2023]);
  });
  it('moves constant 2021 dollars to nominal 2023 and back', () => {
    const owid = { value: 8_419_883_187, unit: 'USD' as const, per: null };
    const n = toNominalDollars(owid, 2021, 2023, cpi);
    expect(n.quantity.value / 1e9).toBeCloseTo(9.468, 2);
    expect(n.note).toBe('2021 USD -> nominal 2023 USD: x 1.1245 (CPI-U 2023 304.702 / 2021 270.970, annual means of the monthly index; U.S. Bureau of Labor Statistics, CPI-U)');
    expect(n.noteZh).toContain('美国劳工统计局');
    const back = toConstantDollars(n.quantity, 2023, 2021, cpi);
    expect(back.quantity.value).toBeCloseTo(owid.value, 0);
    expect(cpiFactor(cpi, 2021, 2023)).toBeCloseTo(1.12449, 4);
  });
  it('refuses a year with a month missing, naming it, and a non-USD amount', () => {
    expect(() => cpiAnnual(cpi, 2025)).toThrow(/no CPI for 2025 in the CPI table "us-cpi-u-monthly.csv": it lacks 2025-10/);
    expect(() => toConstantDollars({ value: 1, unit: 'USD', per: null }, 2019, 2021, cpi)).toThrow(/no CPI for 2019 .*lacks every month/);
    expect(() => toConstantDollars({ value: 1, unit: 'CNY', per: null }, 2021, 2023, cpi)).toThrow(/US dollars/);
  });
});
