import { describe, expect, it } from 'vitest';
import { burnMultiple, burnMultipleBand } from './burn-multiple.js';
import { grossBurn, netBurn } from './burn.js';
import { capitalEfficiency } from './capital-efficiency.js';
import { defaultAlive, defaultAliveValue } from './default-alive.js';
import { revenueMultiple } from './revenue-multiple.js';
import { ruleOf40 } from './rule-of-40.js';
import { runwayMonths } from './runway.js';

const usd = (value: number, per: 'week' | 'month' | 'year' | null = null) => ({ value, unit: 'USD' as const, per });

describe('default alive (Trevor Blackwell)', () => {
  it('reproduces the reference case: R0 $100/week, E $1,600/week, g 2.5%/week', () => {
    const r = defaultAlive({ revenue: usd(100, 'week'), expenses: usd(1600, 'week'), growth: { value: 0.025, unit: 'percent', per: 'week' }, cash: usd(150_000) });
    expect(r.periodsToProfit).toBeCloseTo(112.3, 1);
    expect((r.periodsToProfit * 7) / 30.4375).toBeCloseTo(25.8, 1); // months
    expect(r.cashNeeded / 1000).toBeCloseTo(118.9, 1);
    expect(r.alive).toBe(true);
    expect(r.per).toBe('week');
    const short = defaultAlive({ revenue: usd(100, 'week'), expenses: usd(1600, 'week'), growth: { value: 0.025, unit: 'percent', per: 'week' }, cash: usd(100_000) });
    expect(short.alive).toBe(false);
    expect(short.margin).toBeCloseTo(100_000 - r.cashNeeded, 6);
  });
  it('is alive at once when already profitable, dead when revenue never grows', () => {
    expect(defaultAliveValue(2000, 1600, 0.01)).toEqual({ periods: 0, cashNeeded: 0 });
    expect(defaultAliveValue(1600, 1600, 0)).toEqual({ periods: 0, cashNeeded: 0 });
    expect(defaultAliveValue(100, 1600, 0)).toEqual({ periods: Infinity, cashNeeded: Infinity });
    expect(defaultAliveValue(100, 1600, -0.05)).toEqual({ periods: Infinity, cashNeeded: Infinity });
    expect(defaultAliveValue(0, 1600, 0.1)).toEqual({ periods: Infinity, cashNeeded: Infinity });
    const dead = defaultAlive({ revenue: usd(100, 'month'), expenses: usd(1600, 'month'), growth: { value: 0, unit: 'percent', per: 'month' }, cash: usd(1e12) });
    expect(dead.alive).toBe(false);
  });
  it('rejects mixed periods', () => {
    expect(() => defaultAlive({ revenue: usd(100, 'week'), expenses: usd(1600, 'month'), growth: { value: 0.025, unit: 'percent', per: 'week' }, cash: usd(1) })).toThrow(/default alive: expected/);
  });
});

describe('burn multiple (Sacks)', () => {
  it('maps to the bands: <1 amazing, 1-1.5 great, 1.5-2 good, 2-3 suspect, >3 bad', () => {
    expect(burnMultipleBand(0.5)).toBe('amazing');
    expect(burnMultipleBand(0.999)).toBe('amazing');
    expect(burnMultipleBand(1)).toBe('great');
    expect(burnMultipleBand(1.49)).toBe('great');
    expect(burnMultipleBand(1.5)).toBe('good');
    expect(burnMultipleBand(1.99)).toBe('good');
    expect(burnMultipleBand(2)).toBe('suspect');
    expect(burnMultipleBand(2.99)).toBe('suspect');
    expect(burnMultipleBand(3)).toBe('bad');
    expect(burnMultipleBand(40)).toBe('bad');
    expect(burnMultipleBand(Infinity)).toBe('bad');
    expect(burnMultipleBand(NaN)).toBeUndefined();
  });
  it('is net burn over net new ARR', () => {
    expect(burnMultiple(150, 100)).toBe(1.5);
    expect(burnMultiple(150, 0)).toBe(Infinity);
    expect(burnMultiple(-10, 100)).toBe(0);
  });
});

describe('burn, runway, multiples', () => {
  it('computes net and gross burn in one currency and period', () => {
    expect(netBurn(usd(200e6, 'month'), usd(50e6, 'month'))).toEqual(usd(150e6, 'month'));
    expect(grossBurn(usd(150e6, 'month'), usd(50e6, 'month'))).toEqual(usd(200e6, 'month'));
    expect(() => netBurn(usd(200e6, 'month'), usd(50e6, 'year'))).toThrow(/same period/);
  });
  it('runway = cash / monthly net burn, infinite when not burning', () => {
    expect(runwayMonths(usd(3e9), usd(150e6, 'month'))).toBe(20);
    expect(runwayMonths(usd(3e9), usd(1.8e9, 'year'))).toBeCloseTo(20, 10);
    expect(runwayMonths(usd(3e9), usd(-1, 'month'))).toBe(Infinity);
  });
  it('revenue multiple annualises a monthly revenue', () => {
    expect(revenueMultiple(usd(1e11), usd(15e6, 'month'))).toBeCloseTo(555.56, 1);
    expect(revenueMultiple(usd(1e11), usd(0, 'year'))).toBe(Infinity);
  });
  it('capital efficiency and rule of 40', () => {
    expect(capitalEfficiency(usd(0, 'year'), usd(1.5e9))).toBe(0);
    expect(capitalEfficiency(usd(3e9, 'year'), usd(12e9))).toBe(0.25);
    expect(ruleOf40(0.6, -0.1)).toEqual({ score: 50, passes: true });
    expect(ruleOf40(0.2, 0.1).passes).toBe(false);
  });
});
