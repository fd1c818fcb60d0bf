import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfStore, openStore, type Store } from '../../ledger/index.js';
import { collectHealthInputs } from '../health/index.js';
import { normalCdf, normalQuantile } from '../../core/index.js';
import { forecastInputs, lognormalAtLeast, type CompanyForecastInputs } from './forecast-inputs.js';
import { COSTS_FROM_LAST_ROUND, ROUND_INTERVAL_FACTOR, ROUND_INTERVAL_MONTHS } from './forecast-parameters.js';
import { simulateSurvival } from './simulate-survival.js';
import { sampleSpec, streamOf } from '../../estimate/index.js';

// Made-up companies (none is scored against an outcome anywhere), read as of 2024-05-20.
const AS_OF = '2024-05-20';
const COMPANIES = ['Patient Co', 'Span Co', 'Old Money Co', 'Spent Co', 'Last Year Co', 'Old Round Co', 'Ancient Co', 'Range Co', 'Fresh Co'];
const fact = (entity: string, metric: string, value: string, period: string, published: string, scope = '') => ({
  entity, metric, value_as_written: value, period, scope, kind: 'reported',
  publisher: 'Wire', title: 'Wire report', url: `https://example.org/wire/${entity.toLowerCase().replace(/\W+/g, '-')}/${metric}/${published}`, published,
});
const FACTS = [
  // one round 21 months before the date, nothing else: within the typical interval between rounds
  fact('Patient Co', 'funding', '$27 million', '2022-07', '2022-07-15', 'round'),
  // a total raised over a year, with one of its rounds reported on its own
  fact('Span Co', 'funding', '$600 million', '2023-01/2023-12', '2024-01-15'),
  fact('Span Co', 'funding', '$100 million', '2023-11', '2023-11-20', 'round'),
  fact('Span Co', 'burn', '$10 million a month', 'as of 2024-03', '2024-04-01'),
  // a large old round, a small recent one, a low burn: the old money is not all spent
  fact('Old Money Co', 'funding', '$200 million', '2021-06', '2021-06-10', 'round'),
  fact('Old Money Co', 'funding', '$20 million', '2023-09', '2023-09-10', 'round'),
  fact('Old Money Co', 'burn', '$1 million a month', 'as of 2024-03', '2024-04-01'),
  // every dollar it is known to have raised is spent by the burn
  fact('Spent Co', 'funding', '$50 million', '2020-06', '2020-06-10', 'round'),
  fact('Spent Co', 'funding', '$10 million', '2023-12', '2023-12-10', 'round'),
  fact('Spent Co', 'burn', '$5 million a month', 'as of 2024-03', '2024-04-01'),
  // revenue and net loss of the year before the date only: costs $5M a month in 2023, revenue $1M a month
  fact('Last Year Co', 'funding', '$100 million', '2023-10', '2023-10-10', 'round'),
  fact('Last Year Co', 'revenue', '$12 million', '2023', '2024-02-01'),
  fact('Last Year Co', 'net_loss', '$48 million', '2023', '2024-02-01'),
  // one round 40 months before the date, nothing else: going at the date, so the round lasted at least 40 months
  fact('Old Round Co', 'funding', '$40 million', '2021-01', '2021-01-15', 'round'),
  // one round 14 years before the date: no draw of the round-interval factor lasts so long
  fact('Ancient Co', 'funding', '$10 million', '2010-01', '2010-01-15', 'round'),
  // a round written as a range, 30 months before the date: its amount differs from draw to draw
  fact('Range Co', 'funding', 'nearly $40 million', '2021-11', '2021-11-15', 'round'),
  // one round of the month before the date, nothing else
  fact('Fresh Co', 'funding', '$27 million', '2024-05-02', '2024-05-02', 'round'),
];

let store: Store;
const read = async (company: string): Promise<CompanyForecastInputs> =>
  forecastInputs(await asOfStore(store, { asOf: AS_OF }), company, { asOf: AS_OF, env: { sampleCount: 4000, seed: 11 } });
const row = (g: CompanyForecastInputs, input: string) => g.rows.find((r) => r.input === input)!;

beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
  for (const name of COMPANIES) await store.addEntity({ id: name.toLowerCase().replace(/\W+/g, '-'), nameEn: name, nameZh: null, aliases: [], kind: 'company', parent: null, notes: null });
  await store.importFacts(FACTS, { file: 'made-up.csv' });
});
afterAll(async () => store.close());

describe('costs where no cost figure is known', () => {
  it('take the latest round to last the typical interval between rounds, the same 27 months the recency rule calls normal', async () => {
    expect(COSTS_FROM_LAST_ROUND.value).toBe(ROUND_INTERVAL_MONTHS.value);
    const g = await read('Patient Co');
    expect(g.lacking).toEqual([]);
    // 21.65 months from the round (2022-07-31) to the date: the draws in which $27M at 27 months x factor ran out
    // before then (a factor below 21.65 / 27 = 0.80, about 38% of them) are replaced by draws that last
    expect(row(g, 'costs').formula).toMatch(/\/ \(21\.65 months since the round \+ the rest of 27 months x round-interval factor \(at least 0\.8: the round lasted the 21\.65 months to the as-of date\) at the cost growth\)/);
    const costs = g.inputs!.costs as Float64Array;
    expect(costs.every((c) => c * 21.65 <= 27e6 * (1 + 1e-12))).toBe(true);
    // so the median costs are below the unconditioned $27M / 27 = $1M a month (the conditioned factor's median is
    // about 1.4: the round lasts about 39 months in all, 17 of them after the date at the growing costs)
    expect(row(g, 'costs').p50 / 1e6).toBeGreaterThan(0.45);
    expect(row(g, 'costs').p50 / 1e6).toBeLessThan(0.8);
    const note = g.notes.find((n) => /going at the as-of date, 21\.65 months after its latest round/.test(n.en))!;
    expect(note.en).toMatch(/at 27 months x the round-interval factor, that round would have run out before then in 3\d(\.\d)?% of draws \(a factor below 0\.8\), so the factor is drawn from its distribution given that the round lasted \(at least 0\.8\)/);
    expect(note.zh).toMatch(/按 27 个月 × 融资间隔系数/);
    expect(note.zh).toMatch(/截至评估日，公司仍在经营/);
    // 21 whole months after its round the company is within the typical interval (recency factor 1), and it has
    // money at the median: the two rules agree (with 18 months it had none left)
    expect(g.monthsSinceLastRound).toBe(21);
    expect(g.fundability.recency).toBe(1);
    // cash: $27M less 21.65 months at the median costs above (about $0.45M to $0.8M a month)
    expect(row(g, 'cash').p50).toBeGreaterThan(27e6 - 21.65 * 0.8e6);
    expect(row(g, 'cash').p50).toBeLessThan(27e6 - 21.65 * 0.45e6);
  });

  it('never spend the round before the as-of date: a company going 40 months after its only round has costs of at most the round / 40', async () => {
    const g = await read('Old Round Co');
    expect(g.lacking).toEqual([]);
    const costs = g.inputs!.costs as Float64Array;
    const since = 39.59; // 2021-01-31 to 2024-05-20
    expect(row(g, 'costs').formula).toContain(`at least 1.47: the round lasted the ${since} months to the as-of date`);
    expect(costs.every((c) => c * since <= 40e6 * (1 + 1e-12))).toBe(true);
    // the factor is drawn from its distribution above 1.47, so the costs differ from draw to draw
    expect(new Set(costs).size).toBeGreaterThan(1000);
    // and cash (the round less those costs since) is at least 0 in every draw, above it in most
    const cash = g.inputs!.cash as Float64Array;
    expect(cash.every((x) => x >= 0)).toBe(true);
    expect(cash.filter((x) => x > 0).length / cash.length).toBeGreaterThan(0.95);
  });

  it('draw the factor from its far tail when the company has lasted far beyond the typical interval (14 years)', async () => {
    const g = await read('Ancient Co');
    const costs = g.inputs!.costs as Float64Array;
    const since = Number(/the round lasted the ([\d.]+) months/.exec(row(g, 'costs').formula)![1]);
    expect(since).toBeGreaterThan(171);
    expect(since).toBeLessThan(173);
    // every draw lasts: costs x months since <= the round; the factor sits in the far tail above its bound (172 / 27
    // = 6.4, 2.6 sigma out: the conditioned median is about 7.6), so most of the round is spent by the date
    expect(costs.every((c) => c * since <= 10e6 * (1 + 1e-12))).toBe(true);
    expect(new Set(costs).size).toBeGreaterThan(1000);
    expect(row(g, 'costs').p50 * since / 10e6).toBeGreaterThan(0.6);
    expect(g.notes.some((n) => /would have run out before then in 99\.\d% of draws/.test(n.en))).toBe(true);
  });
});

describe('costs from the latest round and the growth the simulation applies', () => {
  // Months until cash runs out from the as-of date, with costs c growing at g a month and no revenue or new round:
  // c x ((1 + g)^T - 1) / g = cash.
  const monthsLeft = (cash: number, c: number, g: number): number => (g === 0 ? cash / c : Math.log(1 + (g * cash) / c) / Math.log(1 + g));
  // The round-interval factor's own draws (stream `forecast/<id>/round-interval`, as forecastInputs draws them); so soon
  // after the round the condition (factor >= since / 27, about 0.03) moves only the lowest of them (the test applies it).
  const factors = (id: string): Float64Array => sampleSpec(ROUND_INTERVAL_FACTOR, { sampleCount: 4000, seed: 11 }, streamOf(`forecast/${id}/round-interval`)).samples;

  it('size the costs so that a fresh round lasts 27 months x its factor, draw by draw, at the growth the simulation applies', async () => {
    const g = await read('Fresh Co');
    expect(g.lacking).toEqual([]);
    expect(row(g, 'revenue').p50).toBe(0);
    expect(row(g, 'costGrowth').status).toBe('default');
    const since = Number(/\(([\d.]+) months since the round/.exec(row(g, 'costs').formula)![1]);
    expect(since).toBeGreaterThan(0.5);
    expect(since).toBeLessThan(1);
    const i = g.inputs!;
    const cash = i.cash as Float64Array, costs = i.costs as Float64Array, growth = i.costGrowth as Float64Array;
    // the factor as the forecast draws it: given that the round lasted the months since (a bound far below the draws,
    // which moves the lowest of them only)
    const f = lognormalAtLeast(factors('fresh-co'), ROUND_INTERVAL_FACTOR, since / 27).factor;
    // in every draw: the months spent (since) + the months the cash left lasts at that draw's own growth = 27 x factor
    // (relative to 27 x factor: a draw far in the factor's tail lasts hundreds of months, where (1 + g)^months
    // rounds in its last digits)
    let worst = 0;
    for (let k = 0; k < f.length; k++) worst = Math.max(worst, Math.abs(since + monthsLeft(cash[k]!, costs[k]!, growth[k]!) - 27 * f[k]!) / (27 * f[k]!));
    expect(worst).toBeLessThan(1e-8);
    // cash is the round less the months since at the costs of the date (spent flat, as cash from the money raised spends it)
    for (let k = 0; k < f.length; k += 97) expect(cash[k]!).toBeCloseTo(27e6 - costs[k]! * since, 0);
    // flat costs of round / (27 x factor), grown by the simulation, would spend the round in about 17 months at the median
    const flat = Float64Array.from(growth, (gr, k) => monthsLeft(27e6, 27e6 / (27 * f[k]!), gr)).sort();
    expect(flat[flat.length >> 1]!).toBeLessThan(20);
  });

  it('and the simulation, raising nothing, runs it out 27 x factor months after the round: P(out by month t) = P(27 x factor < since + t)', async () => {
    const g = await read('Fresh Co');
    const since = Number(/\(([\d.]+) months since the round/.exec(row(g, 'costs').formula)![1]);
    const r = simulateSurvival({ companies: [{ ...g.inputs!, fundability: 0 }], horizonMonths: 60, paths: 4000, seed: 11, climate: 'neutral', drivers: false });
    const survival = r.companies[0]!.survival;
    const sigma = (ROUND_INTERVAL_FACTOR as { sigma: number }).sigma;
    for (const t of [12, 20, 27, 40]) {
      // out in month m when the m-th month's costs find the cash short: the cash covers 27 x factor - since months
      const expected = normalCdf(Math.log((since + t) / 27) / sigma);
      expect(Math.abs(1 - survival[t]! - expected)).toBeLessThan(0.015);
    }
  });

  it('keep the round lasting 27 months x the conditioned factor for an older round (21.65 months before the date)', async () => {
    const g = await read('Patient Co');
    const i = g.inputs!;
    const cash = i.cash as Float64Array, costs = i.costs as Float64Array, growth = i.costGrowth as Float64Array;
    const total = Float64Array.from(cash, (x, k) => 21.65 + monthsLeft(x, costs[k]!, growth[k]!)).sort();
    // 27 x a factor of at least 0.8 (21.65 / 27), and about 27 x its conditioned median: the quantile
    // 1 - P(factor >= 0.8) / 2 of the factor's lognormal (about 1.4)
    expect(total[0]!).toBeGreaterThanOrEqual(21.65 - 1e-6);
    const med = total[total.length >> 1]!;
    const sigma = ROUND_INTERVAL_FACTOR.sigma;
    const expected = 27 * Math.exp(sigma * normalQuantile(1 - (1 - normalCdf(Math.log(21.65 / 27) / sigma)) / 2));
    expect(expected).toBeGreaterThan(35);
    expect(Math.abs(med / expected - 1)).toBeLessThan(0.03);
  });
});

describe('costs from a round written as a range', () => {
  it('spend the same draws of the round as cash does, so that the round lasts to the date in every draw', async () => {
    const g = await read('Range Co');
    const cash = g.inputs!.cash as Float64Array;
    expect(cash.every((x) => x > 0)).toBe(true);
    expect(row(g, 'costs').formula).toMatch(/at least 1\.1: the round lasted the 29\.64 months to the as-of date\) at the cost growth\) \(no cost figure: the latest round taken to fund 27 months x the factor, its costs growing from the as-of date as the simulation grows them\)$/);
  });
});

describe('lognormalAtLeast', () => {
  const spec = { family: 'lognormal' as const, mu: 0, sigma: 0.42 };
  const draws = Float64Array.from({ length: 2001 }, (_, i) => Math.exp(0.42 * normalQuantile((i + 0.5) / 2001)));
  it('leaves the draws as they are when the bound is below them all, and keeps their order otherwise', () => {
    const same = lognormalAtLeast(draws, spec, 1e-9);
    expect(same.least).toBe(false);
    for (let i = 0; i < draws.length; i++) expect(same.factor[i]!).toBeCloseTo(draws[i]!, 9);
    const cut = lognormalAtLeast(draws, spec, 1.2).factor;
    for (let i = 1; i < cut.length; i++) expect(cut[i]!).toBeGreaterThanOrEqual(cut[i - 1]!);
    expect(cut[0]!).toBeGreaterThanOrEqual(1.2);
  });
  it('gives the truncated distribution: its median is the quantile 1 - P(X >= min) / 2 of the lognormal', () => {
    const min = 1.2;
    const upper = 1 - normalCdf(Math.log(min) / 0.42);
    const cut = lognormalAtLeast(draws, spec, min).factor;
    const median = cut[1000]!;
    expect(median).toBeCloseTo(Math.exp(0.42 * normalQuantile(1 - upper / 2)), 3);
  });
  it('is every draw at the bound, with least, when the bound is beyond double precision (Φ(-zmin) = 0)', () => {
    const r = lognormalAtLeast(draws, spec, 1e10);
    expect(r.least).toBe(true);
    expect(r.factor.every((x) => x === 1e10)).toBe(true);
  });
  it('refuses a distribution that is not a lognormal', () => {
    expect(() => lognormalAtLeast(draws, { family: 'normal', mean: 1, sd: 0.2 } as never, 1)).toThrow(/expected a lognormal/);
  });
});

describe('cash where no cash figure is known: the least consistent with the money raised', () => {
  const median = (x: Float64Array) => Float64Array.from(x).sort()[x.length >> 1]!;

  it('counts a total raised over a span from its start, and a round within it once', async () => {
    const g = await read('Span Co');
    // from 2023-01-01: $600M - $10M x 16.6 months; from the round (2023-11-30): $100M - $10M x 5.6 months
    expect(row(g, 'cash').p50 / 1e6).toBeCloseTo(600 - 10 * 16.59, 0);
    expect(row(g, 'cash').formula).toMatch(/^max\(0, \S+ - net burn x 16\.59 months \(from 2023-01\); \S+ - net burn x 5\.65 months \(from 2023-11\)\) to 2024-05$/);
    expect(g.notes.some((n) => /each window is a lower bound/.test(n.en) && /每个区间都给出下限/.test(n.zh))).toBe(true);
  });

  it('keeps an old round the burn has not spent, where health\'s 12-month window drops it; health itself is unchanged', async () => {
    const g = await read('Old Money Co');
    // from 2021-06-30: $220M - $1M x 34.66 months, against $20M - $1M x 7.65 months from the latest round alone
    expect(row(g, 'cash').p50 / 1e6).toBeCloseTo(220 - 34.66, 0);
    const health = await collectHealthInputs(await asOfStore(store, { asOf: AS_OF }), 'Old Money Co', { sampleCount: 4000, seed: 11 }, [], { asOf: AS_OF });
    expect(median(health.found.cash!.samples) / 1e6).toBeCloseTo(20 - 7.65, 0);
  });

  it('is 0, not below, when the money known is spent by the burn: the company was going at the date', async () => {
    const g = await read('Spent Co');
    expect(g.lacking).toEqual([]);
    expect(g.inputs!.cash instanceof Float64Array && g.inputs!.cash.every((x) => x === 0)).toBe(true);
    expect(g.notes.some((n) => /in 100(\.0)?% of draws the money known is spent by then, and cash is 0/.test(n.en))).toBe(true);
  });
});

describe('revenue and costs of an earlier period, at the as-of date', () => {
  it('are moved from the middle of their period to the date with the growth the simulation then uses, draw by draw', async () => {
    const g = await read('Last Year Co');
    const health = await collectHealthInputs(await asOfStore(store, { asOf: AS_OF }), 'Last Year Co', { sampleCount: 4000, seed: 11 }, [], { asOf: AS_OF });
    const asRead = { costs: health.found.grossBurn!.samples, revenue: health.found.revenue!.samples };
    // the 2023 figures as read: $60M / 12 = $5M a month of costs, $1M a month of revenue
    expect(Float64Array.from(asRead.costs).sort()[2000]! / 1e6).toBeCloseTo(5, 6);
    // from 2023-07-02 (the middle of 2023) to 2024-05-20: 323 days, 10.61 months
    for (const k of ['costs', 'revenue'] as const) {
      expect(row(g, k).movedMonths).toBeCloseTo(10.61, 2);
      expect(row(g, k).status).toBe('derived');
      expect(row(g, k).formula).toMatch(/, moved 10\.61 months to 2024-05-20 at the (cost|revenue) growth$/);
    }
    const draws = (k: 'costs' | 'revenue' | 'costGrowth' | 'revenueGrowth'): Float64Array => {
      const x = g.inputs![k];
      expect(x).toBeInstanceOf(Float64Array);
      return x as Float64Array;
    };
    const [costs, revenue, costGrowth, revenueGrowth] = [draws('costs'), draws('revenue'), draws('costGrowth'), draws('revenueGrowth')];
    for (let i = 0; i < 4000; i += 97) {
      expect(costs[i]! / (asRead.costs[i]! * (1 + costGrowth[i]!) ** 10.61)).toBeCloseTo(1, 12);
      expect(revenue[i]! / (asRead.revenue[i]! * (1 + revenueGrowth[i]!) ** 10.61)).toBeCloseTo(1, 12);
    }
    // the default cost growth (about 4% to 7% a month) makes 2023's costs about 1.5 to 2 times larger by the date
    const ratio = row(g, 'costs').p50 / 5e6;
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.1);
    expect(g.notes.some((n) => /^Costs rest on figures of 2023 \(.+\), 10\.61 months before 2024-05-20/.test(n.en) && /按支出增速逐个抽样推进至该日/.test(n.zh))).toBe(true);
  });

  it('are left as they are where they come from the model\'s fallbacks: costs from the latest round, revenue 0', async () => {
    const g = await read('Patient Co');
    expect(row(g, 'costs').movedMonths).toBeUndefined();
    expect(row(g, 'revenue').movedMonths).toBeUndefined();
    // not moved: the formula has no 'moved', and the costs are the round over the factor conditioned on lasting
    expect(row(g, 'costs').formula).not.toMatch(/moved/);
    expect(row(g, 'costs').p50 / 1e6).toBeGreaterThan(0.45);
    expect(row(g, 'costs').p50 / 1e6).toBeLessThan(0.8);
    const revenue = g.inputs!.revenue;
    expect(revenue instanceof Float64Array && revenue.every((x) => x === 0)).toBe(true);
  });
});
