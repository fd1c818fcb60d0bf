import { describe, expect, it } from 'vitest';
import { areaUnderCurve, brierScore, calibrationTable, logLoss } from './forecast-scores.js';

describe('forecast scores, against values computed by hand', () => {
  const f = [
    { p: 0.8, y: 1 as const },
    { p: 0.3, y: 0 as const },
    { p: 0.6, y: 0 as const },
    { p: 0.6, y: 1 as const },
  ];

  it('Brier: mean squared difference', () => {
    // (0.2^2 + 0.3^2 + 0.6^2 + 0.4^2) / 4 = (0.04 + 0.09 + 0.36 + 0.16) / 4 = 0.1625
    expect(brierScore(f)).toBeCloseTo(0.1625, 12);
    expect(brierScore([{ p: 0.5, y: 1 }])).toBe(0.25);
  });

  it('log loss: mean negative log likelihood, clipped at 0.01', () => {
    // -(ln 0.8 + ln 0.7 + ln 0.4 + ln 0.6) / 4
    expect(logLoss(f)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.4) + Math.log(0.6)) / 4, 12);
    expect(logLoss(f)).toBeCloseTo(0.5017, 4);
    // a sure miss costs ln(100), not infinity; a sure hit costs -ln(0.99)
    expect(logLoss([{ p: 0, y: 1 }])).toBeCloseTo(Math.log(100), 12);
    expect(logLoss([{ p: 1, y: 1 }])).toBeCloseTo(-Math.log(0.99), 12);
  });

  it('AUC: share of (out, survived) pairs ranked right, ties half, with the pair count', () => {
    // pairs: (0.8 vs 0.3) win, (0.8 vs 0.6) win, (0.6 vs 0.3) win, (0.6 vs 0.6) tie -> 3.5 / 4
    expect(areaUnderCurve(f)).toEqual({ auc: 0.875, pairs: 4 });
    expect(areaUnderCurve([{ p: 0.1, y: 1 }, { p: 0.9, y: 0 }])).toEqual({ auc: 0, pairs: 1 });
    // no pair when nobody was out
    expect(areaUnderCurve([{ p: 0.1, y: 0 }, { p: 0.9, y: 0 }])).toEqual({ auc: null, pairs: 0 });
  });

  it('calibration: equal-width bins with count, mean forecast and observed share; empty bins left out; 1 falls in the last bin', () => {
    expect(calibrationTable([{ p: 0.1, y: 0 }, { p: 0.15, y: 1 }, { p: 0.9, y: 1 }, { p: 1, y: 0 }], 5)).toEqual([
      { low: 0, high: 0.2, count: 2, meanPredicted: 0.125, observedShare: 0.5 },
      { low: 0.8, high: 1, count: 2, meanPredicted: 0.95, observedShare: 0.5 },
    ]);
  });

  it('refuses what is not a probability or an outcome, and an empty list, naming the forecast', () => {
    expect(() => brierScore([])).toThrow('brierScore: expected at least one forecast with a known outcome, got none');
    expect(() => brierScore([{ p: 1.2, y: 1 }])).toThrow('brierScore: forecast 0: expected a probability in [0, 1], got 1.2');
    expect(() => logLoss([{ p: 0.5, y: 2 as 1 }])).toThrow('logLoss: forecast 0: expected an outcome 0 or 1, got 2');
  });
});
