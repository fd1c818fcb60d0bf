import { describe, expect, it } from 'vitest';
import { baseRateLeaveOneOut, fitMonthsLogistic, monthsLogisticAt, monthsSinceRoundLeaveOneOut, MONTHS_LOGISTIC_RIDGE } from './baselines.js';

describe('base rate, leave-one-out', () => {
  it('gives each company the share out among the others', () => {
    expect(baseRateLeaveOneOut([1, 0, 0, 0])).toEqual([0, 1 / 3, 1 / 3, 1 / 3]);
    expect(baseRateLeaveOneOut([1, 1, 0])).toEqual([0.5, 0.5, 1]);
    expect(baseRateLeaveOneOut([1])).toEqual([null]);
  });
});

describe('months since the last round: a logistic fitted leave-one-out', () => {
  it('months that say nothing give a flat slope at the share', () => {
    const fit = fitMonthsLogistic([0, 0, 10, 10], [0, 1, 0, 1])!;
    expect(fit.slope).toBeCloseTo(0, 10);
    expect(monthsLogisticAt(fit, 3)).toBeCloseTo(0.5, 10);
  });

  it('solves the penalised score equations: sum(y - p) = 0 and sum((y - p) x) = ridge x slope', () => {
    const months = [2, 4, 9, 14, 20, 26, 31];
    const ys: (0 | 1)[] = [0, 0, 1, 0, 1, 0, 1];
    const fit = fitMonthsLogistic(months, ys)!;
    let s0 = 0, s1 = 0;
    months.forEach((m, i) => {
      const r = ys[i]! - monthsLogisticAt(fit, m);
      s0 += r;
      s1 += r * (m - fit.centre);
    });
    expect(s0).toBeCloseTo(0, 9);
    expect(s1).toBeCloseTo(MONTHS_LOGISTIC_RIDGE * fit.slope, 9);
    expect(fit.slope).toBeGreaterThan(0);
  });

  it('stays finite when the months separate the outcomes perfectly', () => {
    const fit = fitMonthsLogistic([1, 2, 30, 40], [0, 0, 1, 1])!;
    expect(Number.isFinite(fit.slope)).toBe(true);
    expect(monthsLogisticAt(fit, 1)).toBeLessThan(0.1);
    expect(monthsLogisticAt(fit, 40)).toBeGreaterThan(0.9);
  });

  it('never uses a company\'s own outcome: flipping it leaves its forecast unchanged', () => {
    const months = [2, 5, 12, 30, 40, 8];
    const a = monthsSinceRoundLeaveOneOut(months, [0, 0, 1, 1, 1, 0]);
    const b = monthsSinceRoundLeaveOneOut(months, [0, 0, 1, 1, 1, 1]);
    expect(b[5]).toBe(a[5]);
    expect(b[0]).not.toBe(a[0]);
  });

  it('falls back to the share when the others are all out or all survived', () => {
    expect(monthsSinceRoundLeaveOneOut([3, 10, 20], [0, 0, 0])).toEqual([0, 0, 0]);
    expect(monthsSinceRoundLeaveOneOut([3, 10, 20], [1, 0, 0])[0]).toBe(0);
    expect(monthsSinceRoundLeaveOneOut([3, 10, 20], [1, 1, 0])[2]).toBe(1);
  });

  it('refuses months that are not a count', () => {
    expect(() => monthsSinceRoundLeaveOneOut([3, -1], [0, 1])).toThrow('company 1: expected months since the last round >= 0, got -1');
  });
});
