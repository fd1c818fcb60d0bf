import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../ledger/index.js';
import { analyzeUnitEconomics } from './analyze-unit-economics.js';
import { breakEvenSubscribers, marginPerUser, netPrice, paybackMonths } from './unit-margin.js';

const env = { sampleCount: 5000, seed: 3 };
const est = (a: { estimates: readonly { id: string }[] }, id: string) => a.estimates.find((e) => e.id === id) as { p5: number; p50: number; p95: number; mean: number } | undefined;

describe('unit margin', () => {
  it('computes net price, margin, break-even and payback', () => {
    expect(netPrice(19.99, 0.3)).toBeCloseTo(13.993, 10);
    expect(marginPerUser(19.99, 0.3, 5)).toBeCloseTo(8.993, 10);
    expect(breakEvenSubscribers(40.7e6 / 12, 8.993)).toBeCloseTo(377_145, 0);
    expect(breakEvenSubscribers(1e6, 0)).toBe(Infinity);
    expect(breakEvenSubscribers(0, -1)).toBe(0);
    expect(paybackMonths(40.7e6, 750_000, 8.993)).toBeCloseTo(6.03, 2);
    expect(paybackMonths(40.7e6, 750_000, 8.993, 7e6)).toBe(Infinity);
  });
});

describe('analyzeUnitEconomics', () => {
  it('reads figures with qualifiers and model expressions', () => {
    const a = analyzeUnitEconomics({ price: '19.99美元/月', storeShare: '30%', inferenceCost: 'about $5 a month', trainingCost: '$40.7M' }, env);
    const m = est(a, 'margin_per_user')!;
    expect(m.p50).toBeCloseTo(8.99, 1);
    expect(m.p5).toBeLessThan(m.p95); // "about" spreads the inference cost
    const be = est(a, 'break_even_subscribers')!;
    expect(be.p50).toBeGreaterThan(360_000);
    expect(be.p50).toBeLessThan(395_000);
    expect(a.details.answer!.en).toMatch(/^At \$19\.99 a month, about 37\dk paying subscribers .* \$40\.7M training run .*amortised over 12 months/);
    expect(a.details.inputs.map((r) => r.status)).toEqual(['given', 'given', 'given', 'given']);
  });

  it('builds inference cost from queries and cost per query, and converts a yearly fixed cost', () => {
    const a = analyzeUnitEconomics({ price: '$20', storeShare: '0.15 to 0.3', queriesPerUser: '300 to 1000', costPerQuery: '0.004 to 0.012', fixedCosts: '$120M a year', amortiseMonths: 24 }, env);
    const inf = est(a, 'inference_cost')!;
    expect(inf.p50).toBeGreaterThan(2);
    expect(inf.p50).toBeLessThan(5);
    expect(est(a, 'fixed_per_month')!.p50).toBeCloseTo(10e6, -3);
    expect(a.notes.some((n) => /per year; converted to a month/.test(n.en))).toBe(true);
  });

  it('says when users lose money and rejects bad inputs', () => {
    const a = analyzeUnitEconomics({ price: '$20', storeShare: '30%', inferenceCost: '10 to 30', fixedCosts: '$1M' }, env);
    expect(a.details.probabilityNegativeMargin).toBeGreaterThan(0.3);
    expect(est(a, 'break_even_subscribers')!.p95).toBe(Infinity);
    expect(() => analyzeUnitEconomics({ price: '20元', storeShare: '30%', inferenceCost: '5' }, env)).toThrow(/price: expected US dollars/);
    expect(() => analyzeUnitEconomics({ price: '$20', storeShare: '30%' }, env)).toThrow(/inference cost/);
    expect(() => analyzeUnitEconomics({ price: 'cheap', storeShare: '30%', inferenceCost: '5' }, env)).toThrow(/price: expected a figure/);
  });

  describe('on the bundled ledger: subscribers at $19.99 that pay for GPT-4', () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore({ path: ':memory:' });
    });
    afterAll(async () => {
      await store.close();
    });
    it('answers the article\'s question with Epoch\'s GPT-4 costs', async () => {
      const price = await store.getFact('F21');
      const subs = await store.getFact('F22');
      const costs = await store.listFacts({ entity: 'GPT-4', metric: 'training_cost' });
      const main = costs.find((f) => f.scope === 'amortised_capex_energy')!;
      const cloud = costs.find((f) => f.scope === 'cloud_rental')!;
      const a = analyzeUnitEconomics(
        {
          price: { fact: price },
          storeShare: { text: '15% to 30%', rationale: 'Apple 30% then 15%, Google Play 15%' },
          inferenceCost: { text: '2 to 8', rationale: 'test' },
          trainingCost: { fact: main },
          alternativeTrainingCosts: [{ label: 'cloud rental', input: { fact: cloud } }],
          subscribers: { fact: subs },
          amortiseMonths: 12,
        },
        env,
      );
      const be = est(a, 'break_even_subscribers')!;
      // 40.7M / 12 = 3.39M a month over a margin near 19.99 x 0.79 - 4 ≈ $11.8
      expect(be.p50).toBeGreaterThan(250_000);
      expect(be.p50).toBeLessThan(350_000);
      expect(a.details.breakEvenByTrainingCost).toHaveLength(2);
      expect(a.details.breakEvenByTrainingCost[1]!.subscribers).toBeGreaterThan(be.p50 * 1.8);
      const payback = est(a, 'payback_months')!;
      expect(payback.p50).toBeGreaterThan(3);
      expect(payback.p50).toBeLessThan(6);
      expect(a.facts.map((f) => f.id)).toEqual(['F21', main.id, cloud.id, 'F22']);
      expect(a.assumptions.map((x) => x.id)).toEqual(['unit-economics.storeShare', 'unit-economics.inferenceCost']);
    });
  });
});
