import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../ledger/index.js';
import { makeFxTable } from '../../core/index.js';
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
  it('an input added leaves the draws of the others as they were (streams named by input, not numbered in order)', () => {
    type E = { samples?: Float64Array };
    const base = { price: '$20', storeShare: '15% to 30%', inferenceCost: '2 to 8 USD', trainingCost: '30M to 50M USD' };
    const a = analyzeUnitEconomics(base, env);
    const b = analyzeUnitEconomics({ ...base, fixedCosts: '$1M' }, env);
    expect(Array.from((est(b, 'margin_per_user') as E).samples!)).toEqual(Array.from((est(a, 'margin_per_user') as E).samples!));
    // fixed a month = other fixed costs + training / 12: with $1M added, each draw is $1M more (the training draws unchanged)
    const fa = (est(a, 'fixed_per_month') as E).samples!, fb = (est(b, 'fixed_per_month') as E).samples!;
    for (let i = 0; i < fa.length; i++) expect(fb[i]! - fa[i]!).toBeCloseTo(1e6, 3);
  });

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
    const a = analyzeUnitEconomics({ price: '$20', storeShare: '0.15 to 0.3', queriesPerUser: '300 to 1000', costPerQuery: '0.004 to 0.012 USD', fixedCosts: '$120M a year', amortiseMonths: 24 }, env);
    const inf = est(a, 'inference_cost')!;
    expect(inf.p50).toBeGreaterThan(2);
    expect(inf.p50).toBeLessThan(5);
    expect(est(a, 'fixed_per_month')!.p50).toBeCloseTo(10e6, -3);
    expect(a.notes.some((n) => /per year; converted to a month/.test(n.en))).toBe(true);
  });

  it('takes a price in euros at the latest month of the FX table, and a fact at its own period, naming the rate', () => {
    const fx = makeFxTable('fx', [
      { month: '2024-05', currency: 'EUR', perUsd: 0.9251, source: 'U.S. Federal Reserve H.10 via FRED' },
      { month: '2026-06', currency: 'EUR', perUsd: 0.8684, source: 'U.S. Federal Reserve H.10 via FRED' },
    ]);
    const a = analyzeUnitEconomics({ price: '€14.99/month', storeShare: '0%', inferenceCost: '$5 a month', fx }, env);
    const price = a.details.inputs.find((r) => r.name === 'price')!;
    expect(price).toMatchObject({ unit: 'USD', text: '€14.99/month' });
    expect(price.p50).toBeCloseTo(14.99 / 0.8684, 9);
    expect(est(a, 'net_price')!.p50).toBeCloseTo(14.99 / 0.8684, 6);
    expect(a.notes.find((n) => n.en.startsWith('price a month "€14.99/month" converted'))!.en).toContain('at the latest month of the FX table (a figure written without a date is read as current): EUR->USD at 0.8684 EUR per USD (monthly average of 2026-06');
    expect(() => analyzeUnitEconomics({ price: '20元/月', storeShare: '0%', inferenceCost: '$5', fx }, env)).toThrow(/no CNY rate/);
  });

  it('refuses money with no currency rather than take it as US dollars, and takes the currency written or stated (trial T27)', () => {
    const refused = (input: Record<string, unknown>) => {
      try {
        analyzeUnitEconomics({ price: '$20', storeShare: '30%', inferenceCost: '$5', ...input } as never, env);
      } catch (e) {
        return (e as { issues: unknown[] }).issues;
      }
      return null;
    };
    expect(refused({ price: '14.99/month' })).toEqual([{
      code: 'missing_currency', path: ['price'], expected: 'money', got: '14.99/month',
      message: 'price: expected money with its currency, such as "$14.99 a month", "€14.99/month", "2 to 8 USD" or "2至8美元", got "14.99/month", a number with no currency: it is not taken as US dollars',
    }]);
    for (const input of [{ inferenceCost: '2 to 8' }, { trainingCost: '40M' }, { fixedCosts: 'normal(5, 1)' }, { inferenceCost: { text: '2 to 8', rationale: 'no currency stated' } }]) {
      expect(refused(input), JSON.stringify(input)).toMatchObject([{ code: 'missing_currency' }]);
    }
    // counts and shares need none
    expect(refused({ subscribers: '750k', trainingCost: '$40M' })).toBeNull();
    const usd = analyzeUnitEconomics({ price: '14.99 USD a month', storeShare: '30%', inferenceCost: { text: '2 to 8', rationale: 'stated', currency: 'USD' } }, env);
    expect(usd.details.inputs.find((r) => r.name === 'price')).toMatchObject({ unit: 'USD', p50: 14.99 });
  });

  it('says when users lose money and rejects bad inputs', () => {
    const a = analyzeUnitEconomics({ price: '$20', storeShare: '30%', inferenceCost: '10 to 30 USD', fixedCosts: '$1M' }, env);
    expect(a.details.probabilityNegativeMargin).toBeGreaterThan(0.3);
    expect(est(a, 'break_even_subscribers')!.p95).toBe(Infinity);
    expect(() => analyzeUnitEconomics({ price: '20元', storeShare: '30%', inferenceCost: '$5' }, env)).toThrow(/price: expected US dollars/);
    expect(() => analyzeUnitEconomics({ price: '$20', storeShare: '30%' }, env)).toThrow(/inference cost/);
    expect(() => analyzeUnitEconomics({ price: 'cheap', storeShare: '30%', inferenceCost: '$5' }, env)).toThrow(/price: expected a figure/);
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
          inferenceCost: { text: '2 to 8', rationale: 'test', currency: 'USD' },
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

  it('rejects a store share outside [0, 1) and prices or costs that are not positive, naming the input', () => {
    const base = { price: '$20', inferenceCost: '$5', trainingCost: '$40M' };
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '130%' }, env)).toThrow(/storeShare: expected a share of the price from 0 up to \(not including\) 100%.*got "130%"/);
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '100%' }, env)).toThrow(/storeShare: expected a share/);
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '-5%' }, env)).toThrow(/storeShare: expected a share/);
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '0.5 to 1.5' }, env)).toThrow(/storeShare: .*90% interval 50% to 150%/);
    expect(analyzeUnitEconomics({ ...base, storeShare: '0%' }, env).kind).toBe('unit-economics');
    // a bare share is a fraction, not a percent: '0.15 to 0.3' is 15% to 30%
    const frac = analyzeUnitEconomics({ ...base, storeShare: '0.15 to 0.3' }, env).details.inputs.find((r) => r.name === 'storeShare')!;
    expect(frac.p5).toBeCloseTo(0.15, 6);
    expect(frac.p95).toBeCloseTo(0.3, 6);
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '30%', price: '$0' }, env)).toThrow(/price: expected an amount above 0, got "\$0"/);
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '30%', inferenceCost: '-$2' }, env)).toThrow(/inferenceCost: expected an amount above 0/);
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '30%', trainingCost: '$0' }, env)).toThrow(/trainingCost: expected an amount above 0/);
    expect(() => analyzeUnitEconomics({ ...base, storeShare: '30%', fixedCosts: '-$1000 to $1000' }, env)).toThrow(/fixedCosts: expected an amount above 0/);
    try {
      analyzeUnitEconomics({ ...base, storeShare: '130%' }, env);
    } catch (e) {
      expect((e as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['storeShare']);
    }
  });

  it('says "never" with the share of draws that never pay back, never "Infinity"', () => {
    const a = analyzeUnitEconomics({ price: '$20', storeShare: '30%', inferenceCost: '9 to 16 USD', trainingCost: '$40M', subscribers: '750k' }, env);
    const nev = a.details.probabilityNeverPaysBack!;
    expect(nev).toBeGreaterThan(0.05);
    expect(nev).toBeCloseTo(a.details.probabilityNegativeMargin, 6);
    const en = a.details.answer!.en;
    const zh = a.details.answer!.zh;
    expect(en).not.toMatch(/Infinity|∞/);
    expect(zh).not.toMatch(/Infinity|∞/);
    expect(en).toMatch(/to never/);
    expect(en).toContain(`in ${Number((nev * 100).toPrecision(4))}% of draws never`);
    expect(zh).toMatch(/永不收回/);
    // every draw loses money: no number of subscribers, never pays back
    const b = analyzeUnitEconomics({ price: '$20', storeShare: '30%', inferenceCost: '$30', trainingCost: '$40M', subscribers: '750k' }, env);
    expect(b.details.probabilityNeverPaysBack).toBe(1);
    expect(b.details.answer!.en).toMatch(/no number of paying subscribers \(in 100% of draws the margin per user is not positive\)/);
    expect(b.details.answer!.en).toMatch(/would never pay it back in 100% of draws\.$/);
    expect(b.details.answer!.en + b.details.answer!.zh).not.toMatch(/Infinity|∞|NaN/);
    // all pay back: no "never"
    const c = analyzeUnitEconomics({ price: '$20', storeShare: '30%', inferenceCost: '$5', trainingCost: '$40M', subscribers: '750k' }, env);
    expect(c.details.probabilityNeverPaysBack).toBe(0);
    expect(c.details.answer!.en).not.toMatch(/never/);
  });

  it('writes formulas that say what is computed: an alternative training cost replaces the main one', () => {
    const f = (a: { estimates: readonly { id: string; formula: string }[] }, id: string) => a.estimates.find((e) => e.id === id)!.formula;
    const noFixed = analyzeUnitEconomics(
      { price: '$20', storeShare: '30%', inferenceCost: '$5', trainingCost: '$40M', alternativeTrainingCosts: [{ label: 'cloud rental', input: '$80M' }], subscribers: '750k' },
      env,
    );
    expect(f(noFixed, 'fixed_per_month')).toBe('training cost ($40M) / 12');
    expect(f(noFixed, 'break_even_subscribers')).toBe('training cost ($40M) / 12 / margin per paying user (no number of subscribers when the margin <= 0)');
    expect(f(noFixed, 'break_even_subscribers.alt1')).toBe('training cost (cloud rental) / 12 / margin per paying user (no number of subscribers when the margin <= 0)');
    expect(f(noFixed, 'payback_months')).toBe('training cost ($40M) / (subscribers x margin per paying user) (never when the divisor <= 0)');
    // the numbers follow the formulas: alt1 = 80M / 12 / margin (margin = 20 x 0.7 - 5 = 9)
    expect(est(noFixed, 'break_even_subscribers.alt1')!.p50).toBeCloseTo(80e6 / 12 / 9, -1);
    expect(est(noFixed, 'break_even_subscribers')!.p50).toBeCloseTo(40e6 / 12 / 9, -1);
    expect(est(noFixed, 'payback_months')!.p50).toBeCloseTo(40e6 / (750e3 * 9), 6);
    const withFixed = analyzeUnitEconomics(
      { price: '$20', storeShare: '30%', inferenceCost: '$5', fixedCosts: '$1M a month', trainingCost: '$40M', alternativeTrainingCosts: [{ label: 'cloud rental', input: '$80M' }], subscribers: '750k' },
      env,
    );
    expect(f(withFixed, 'fixed_per_month')).toBe('other fixed costs a month + training cost ($40M) / 12');
    expect(f(withFixed, 'break_even_subscribers.alt1')).toBe('(other fixed costs a month + training cost (cloud rental) / 12) / margin per paying user (no number of subscribers when the margin <= 0)');
    expect(f(withFixed, 'payback_months')).toBe('training cost ($40M) / (subscribers x margin per paying user - other fixed costs a month) (never when the divisor <= 0)');
    expect(est(withFixed, 'break_even_subscribers.alt1')!.p50).toBeCloseTo((1e6 + 80e6 / 12) / 9, -1);
    expect(est(withFixed, 'payback_months')!.p50).toBeCloseTo(40e6 / (750e3 * 9 - 1e6), 6);
    const none = analyzeUnitEconomics({ price: '$20', storeShare: '30%', inferenceCost: '$5', fixedCosts: '$1M a month' }, env);
    expect(f(none, 'break_even_subscribers')).toBe('other fixed costs a month / margin per paying user (no number of subscribers when the margin <= 0)');
    expect(f(none, 'margin_per_user')).toBe('price x (1 - store share) - inference cost');
    expect(f(none, 'net_price')).toBe('price x (1 - store share)');
  });

  it('gives assumptions, labels and notes in Chinese when given', () => {
    const a = analyzeUnitEconomics(
      {
        price: '$20',
        storeShare: { text: '15% to 30%', rationale: 'Apple 30% then 15%', rationaleZh: '苹果先30%后15%' },
        inferenceCost: '$60 a year',
        trainingCost: '$40M',
        alternativeTrainingCosts: [{ label: 'cloud rental', labelZh: '云端租用', input: '$80M' }],
      },
      env,
    );
    expect(a.assumptions[0]!.rationale).toEqual({ en: 'Apple 30% then 15%', zh: '苹果先30%后15%' });
    expect(a.estimates.find((e) => e.id === 'break_even_subscribers.alt1')!.label.zh).toBe('若训练成本按云端租用计，收支平衡所需付费订阅者');
    expect(a.details.breakEvenByTrainingCost[1]!.labelText).toEqual({ en: 'cloud rental', zh: '云端租用' });
    expect(a.notes.find((n) => /converted/.test(n.en))!.zh).toBe('每付费用户每月推理成本“$60 a year”按每年计，已换算为每月。');
  });
});
