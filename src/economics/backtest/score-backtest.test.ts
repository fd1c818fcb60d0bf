import { describe, expect, it } from 'vitest';
import { scoreBacktest, type CompanyForecast } from './backtest.js';
import { rankingAuc } from './forecast-scores.js';
import type { Observation } from './observe-outcome.js';

const forecast = (entity: string, pOut: number, months: number): CompanyForecast => ({
  entity, name: entity, nameZh: null, pOut, monthsSinceLastRound: months, fundability: 1, inputs: {} as CompanyForecast['inputs'],
});
const seen = (observed: 'out' | 'survived'): Observation => ({ observed, outcomeType: null, outcomeDate: null, reason: { en: observed, zh: observed } }) as Observation;

describe('the baselines\' AUC', () => {
  // two out companies at 4 and 34 months, three survivors between: the months rank them 3 of 6 pairs right
  const f = [forecast('a', 0.9, 34), forecast('b', 0.2, 4), forecast('c', 0.3, 10), forecast('d', 0.4, 20), forecast('e', 0.1, 1)];
  const o = new Map<string, Observation>([['a', seen('out')], ['b', seen('out')], ['c', seen('survived')], ['d', seen('survived')], ['e', seen('survived')]]);
  const s = scoreBacktest(f, o);

  it('ranks by the months since the last round themselves, not by the leave-one-out fit (which can turn round)', () => {
    expect(s.baselines.monthsSinceRound.auc).toBe(rankingAuc(f.map((x) => ({ score: x.monthsSinceLastRound, y: o.get(x.entity)!.observed === 'out' ? 1 : 0 }))).auc);
    // a beats c, d, e; b beats e only: 4 of 6
    expect(s.baselines.monthsSinceRound.auc).toBeCloseTo(4 / 6, 12);
    expect(s.baselines.monthsSinceRound.pairs).toBe(6);
  });

  it('is null for the base rate, which ranks nothing', () => {
    expect(s.baselines.baseRate.auc).toBeNull();
    expect(s.baselines.baseRate.brier).not.toBeNull();
  });

  it('counts ties as half, for any finite score, and refuses a score that is not a number', () => {
    expect(rankingAuc([{ score: 5, y: 1 }, { score: 5, y: 0 }, { score: 1, y: 0 }])).toEqual({ auc: 0.75, pairs: 2 });
    expect(rankingAuc([{ score: 1, y: 0 }])).toEqual({ auc: null, pairs: 0 });
    expect(() => rankingAuc([{ score: Number.NaN, y: 1 }])).toThrow(/expected a finite number/);
  });
});
