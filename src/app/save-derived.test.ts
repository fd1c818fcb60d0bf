import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFigure } from '../core/index.js';
import { analyzeHealth, analyzeSubscribers } from '../economics/index.js';
import type { Analysis, Estimate } from '../economics/index.js';
import { openStore } from '../ledger/index.js';
import type { Store } from '../ledger/index.js';
import { healthFactSpecs } from './analyze-health.js';
import { subscriberFactSpecs } from './analyze-subscribers.js';
import { derivedValueText, readBackQuantiles, saveDerived } from './save-derived.js';

describe('derivedValueText: the text reads back with the estimate\'s median', () => {
  const cases: [string, number, number, number, 'count' | 'USD' | 'percent'][] = [
    ['skewed up (subscribers)', 457_653, 763_279, 1_312_968, 'count'],
    ['skewed down (net burn from "nearly")', 127e6, 146e6, 149.5e6, 'USD'],
    ['small numbers', 7.341, 11.63, 14.16, 'USD'],
    ['a percent', 0.2, 0.281, 0.3, 'percent'],
    ['crossing zero', -5e6, 2e6, 12e6, 'USD'],
    ['all negative', -30, -20, -12, 'count'],
    ['p5 at 0 with a median far above the spread', 0, 100, 110, 'count'],
  ];
  for (const [name, p5, p50, p95, unit] of cases) {
    it(`${name}: core's parseFigure reads p50 within 1% and the stated p5/p95`, () => {
      const v = derivedValueText(p5, p50, p95, unit);
      const f = parseFigure(v.text, { defaultUnit: unit });
      expect(f.qualifier).toBe('range');
      expect(Math.abs(f.p50 - p50) / Math.abs(p50)).toBeLessThan(0.01);
      const back = readBackQuantiles(v);
      // the ends are written to 6 significant digits (or whole units)
      const close = (x: number, y: number): number => Math.abs(x - y) / Math.max(1, Math.abs(y));
      expect(close(f.p5, back.p5)).toBeLessThan(1e-4);
      expect(close(f.p95, back.p95)).toBeLessThan(1e-4);
      expect(f.p5).toBeLessThan(f.p50);
      expect(f.p95).toBeGreaterThan(f.p50);
    });
  }
  it('a positive estimate keeps the width of its 90% interval in log terms', () => {
    const v = derivedValueText(457_653, 763_279, 1_312_968, 'count');
    expect(v.reading).toBe('lognormal range');
    expect(Math.log(v.high / v.low)).toBeCloseTo(Math.log(1_312_968 / 457_653), 4);
    expect(derivedValueText(5, 5, 5, 'count')).toEqual({ text: '5', reading: 'exact', low: 5, high: 5 });
  });
});

describe('saveDerived: the saved fact reads back as the analysis', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ path: ':memory:' });
  });
  afterAll(async () => {
    await store.close();
  });

  const check = async (a: Analysis, e: Estimate, factId: string): Promise<void> => {
    const f = await store.getFact(factId);
    expect(f.kind).toBe('derived');
    expect(Math.abs(f.figure.p50 - e.p50) / Math.abs(e.p50)).toBeLessThan(0.01);
    const exact = `p5 ${String(e.p5)}, p50 ${String(e.p50)}, p95 ${String(e.p95)}, mean ${String(e.mean)}, sd ${String(e.sd)} (${a.env!.sampleCount} draws, seed ${String(a.env!.seed)})`;
    expect(f.notes).toContain(exact);
    expect(f.derivedFrom!.formula).toContain(exact);
  };

  it('subscribers (ChatGPT, gross and net by the rules): read-back p50 within 1% of the estimate, p5/p50/p95 stated', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { basis: 'unknown', env: { sampleCount: 4000, seed: 'shakeout' } });
    const specs = subscriberFactSpecs(a);
    const saved = await saveDerived(store, a, specs);
    expect(saved.map((s) => s.estimateId)).toEqual(['subscribers.gross', 'run_rate.gross', 'subscribers.net_rules', 'run_rate.net_rules']);
    for (const [i, s] of saved.entries()) await check(a, specs[i]!.estimate, s.factId);
    const f = await store.getFact(saved[0]!.factId);
    expect(f.derivedFrom!.formula.startsWith('(F18 + F20) / F21 [draws: ')).toBe(true);
    // what is saved is not read back as one of the article's figures
    const again = await analyzeSubscribers(store, 'ChatGPT', { env: { sampleCount: 500, seed: 1 } });
    expect(again.details.articleFigures.map((c) => c.factId).sort()).toEqual(['F22', 'F23']);
    expect((await saveDerived(store, a, specs)).every((s) => !s.added)).toBe(true);
  });

  it('net burn (Anthropic, from "nearly"): read-back p50 within 1% of the estimate', async () => {
    const a = await analyzeHealth(store, 'Anthropic', { env: { sampleCount: 4000, seed: 'shakeout' } });
    const specs = healthFactSpecs(a);
    expect(specs).toHaveLength(1);
    const [s] = await saveDerived(store, a, specs);
    await check(a, specs[0]!.estimate, s!.factId);
  });
});
