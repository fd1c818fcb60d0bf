import { describe, expect, it } from 'vitest';
import { ShakeoutError } from './errors.js';
import { parsePeriod, periodContains, periodMonths, periodsOverlap, periodYear, safeParsePeriod } from './period.js';

describe('parsePeriod', () => {
  it.each([
    ['2023', '2023', 'year', '2023-01-01', '2023-12-31'],
    ['2023年', '2023', 'year', '2023-01-01', '2023-12-31'],
    ['２０２３', '2023', 'year', '2023-01-01', '2023-12-31'],
    ['2024-Q1', '2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2024Q1', '2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2024 q4', '2024-Q4', 'quarter', '2024-10-01', '2024-12-31'],
    ['2024年Q1', '2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2024年第一季度', '2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2024年第3季度', '2024-Q3', 'quarter', '2024-07-01', '2024-09-30'],
    ['Q2 2023', '2023-Q2', 'quarter', '2023-04-01', '2023-06-30'],
    ['2024-04', '2024-04', 'month', '2024-04-01', '2024-04-30'],
    ['2024-2', '2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2024年5月', '2024-05', 'month', '2024-05-01', '2024-05-31'],
    ['2024-05-20', '2024-05-20', 'day', '2024-05-20', '2024-05-20'],
    ['2024年5月20日', '2024-05-20', 'day', '2024-05-20', '2024-05-20'],
    ['2024-02/2024-11', '2024-02/2024-11', 'span', '2024-02-01', '2024-11-30'],
    ['2023 to 2024', '2023-01/2024-12', 'span', '2023-01-01', '2024-12-31'],
    ['2024-Q1至2024-Q2', '2024-01/2024-06', 'span', '2024-01-01', '2024-06-30'],
    ['2024-01-15/2024-02-14', '2024-01-15/2024-02-14', 'span', '2024-01-15', '2024-02-14'],
    ['as of 2024-05', 'as of 2024-05', 'asof', '2024-05-01', '2024-05-31'],
    ['asof:2024-05', 'as of 2024-05', 'asof', '2024-05-01', '2024-05-31'],
    ['As Of 2024-05-20', 'as of 2024-05-20', 'asof', '2024-05-20', '2024-05-20'],
    ['by 2024-03', 'as of 2024-03', 'asof', '2024-03-01', '2024-03-31'],
    ['截至2024年3月', 'as of 2024-03', 'asof', '2024-03-01', '2024-03-31'],
    ['past month to 2024-05-20', '2024-04-21/2024-05-20', 'span', '2024-04-21', '2024-05-20'],
    ['the past month to 2024-05', '2024-05/2024-05', 'span', '2024-05-01', '2024-05-31'],
    ['past 3 months to 2024-05', '2024-03/2024-05', 'span', '2024-03-01', '2024-05-31'],
    ['last two months to 2024-03-31', '2024-02/2024-03', 'span', '2024-02-01', '2024-03-31'],
  ])('%s -> %s', (text, canonical, kind, start, end) => {
    const p = parsePeriod(text);
    expect(p).toEqual({ text: canonical, kind, start, end });
    expect(parsePeriod(p.text)).toEqual(p);
  });

  it.each(['', 'n/a', '2024-13', '2023-02-29', '2024-Q5', '20245', 'next year', '2024-05/2024-01', 'as of soon', '1800'])(
    'rejects %j with a ShakeoutError that quotes it',
    (text) => {
      let err: unknown;
      try {
        parsePeriod(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ShakeoutError);
      const e = err as ShakeoutError;
      expect(e.message).toContain(`got "${text}"`);
      expect(e.message).toContain('expected a period such as');
      expect(e.issues[0]?.code).toBe('invalid_period');
      expect(e.status).toBe(400);
    },
  );

  it('safeParsePeriod returns instead of throwing', () => {
    expect(safeParsePeriod('2023')).toMatchObject({ ok: true, period: { text: '2023' } });
    expect(safeParsePeriod('nope').ok).toBe(false);
  });
});

describe('period helpers', () => {
  const y2023 = parsePeriod('2023');
  const q1 = parsePeriod('2023-Q1');
  const y2024 = parsePeriod('2024');
  it('periodContains', () => {
    expect(periodContains(y2023, q1)).toBe(true);
    expect(periodContains(q1, y2023)).toBe(false);
    expect(periodContains(y2023, '2023-06-30')).toBe(true);
    expect(periodContains(y2023, '2024-01-01')).toBe(false);
  });
  it('periodsOverlap', () => {
    expect(periodsOverlap(y2023, q1)).toBe(true);
    expect(periodsOverlap(y2023, y2024)).toBe(false);
    expect(periodsOverlap(parsePeriod('2023-06/2024-02'), y2024)).toBe(true);
  });
  it('periodMonths', () => {
    expect(periodMonths(y2023)).toBe(12);
    expect(periodMonths(q1)).toBe(3);
    expect(periodMonths(parsePeriod('2024-02/2024-11'))).toBe(10);
    expect(periodMonths(parsePeriod('past month to 2024-05-20'))).toBeCloseTo(1, 1);
    expect(periodMonths(parsePeriod('2024-05-20'))).toBe(0.03);
  });
  it('periodYear', () => {
    expect(periodYear(q1)).toBe(2023);
    expect(periodYear(parsePeriod('2023/2024'))).toBeUndefined();
  });
});
