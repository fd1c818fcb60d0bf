import { lognormalFromCi, normalCdf, normalQuantile, type DistSpec } from '../../core/index.js';
import { quantileSorted, sampleSpec, streamOf, type Env } from '../../estimate/index.js';
import { readAsOfDate, type Entity, type Fact, type Store } from '../../ledger/index.js';
import type { Assumption, Text } from '../analysis.js';
import { collectHealthInputs, conversionNotes, monthsFromPeriodMiddle, type HealthInput } from '../health/index.js';
import { monthsBetween } from '../subscribers/app-launches.js';
import type { CompanyInputs } from './company-inputs.js';
import {
  CASH_FROM_MONEY_RAISED, COSTS_FROM_LAST_ROUND, DEFAULT_COST_GROWTH, DEFAULT_REVENUE_GROWTH, FRONTIER_COMPUTE_GROWTH, recencyFundability, REVENUE_IF_NONE,
  ROUND_INTERVAL_FACTOR, ROUND_INTERVAL_MONTHS, ROUND_INTERVAL_SPREAD, SIZE_FUNDABILITY, sizeFundability, STAFF_SHARE_OF_COSTS, type ForecastParameter,
} from './forecast-parameters.js';

/** The inputs the forecast model needs from the ledger, and how to give each. */
export type ForecastNeed = 'cash' | 'revenue' | 'costs' | 'lastRound';

/** How to give an input the ledger lacks, in both languages. */
export const FORECAST_NEEDS: Readonly<Record<ForecastNeed, Text>> = {
  cash: { en: 'cash (a cash fact, or dated funding rounds with a burn, spend, net_loss or headcount fact)', zh: '现金（现金数据，或有日期的融资轮次加上烧钱、支出、净亏损或员工人数数据）' },
  revenue: { en: 'revenue (a revenue or revenue_run_rate fact)', zh: '营收（营收或年化营收数据）' },
  costs: { en: 'costs (a net_loss with revenue of the same period, spend, burn or headcount fact)', zh: '支出（同期营收加净亏损、支出、烧钱或员工人数数据）' },
  lastRound: { en: 'a dated funding round (for the months since the last round)', zh: '有日期的融资轮次（用于计算距上一轮融资的月数）' },
};

/** One input of the model for one company: where it came from. */
export interface ForecastInputRow {
  readonly input: 'cash' | 'revenue' | 'revenueGrowth' | 'costs' | 'costGrowth';
  /** From the ledger (as `collectHealthInputs` reads it), or the model's default, the same for every company. */
  readonly status: 'reported' | 'derived' | 'default';
  readonly formula: string;
  readonly p50: number;
  readonly factIds: readonly string[];
  /**
   * For revenue and costs read from facts: the months from the middle of the
   * facts' period(s) to the as-of date, over which the input was moved with
   * its growth (negative: moved back). Absent when not moved.
   */
  readonly movedMonths?: number;
}

/** What the forecast model makes of one company at a date. */
export interface CompanyForecastInputs {
  readonly entity: Entity;
  /** The simulation's inputs, or null when the ledger lacks some (see `lacking`). */
  readonly inputs: CompanyInputs | null;
  readonly lacking: readonly ForecastNeed[];
  readonly rows: readonly ForecastInputRow[];
  /** The latest equity round begun by the as-of date, and the whole months from its end (or the as-of date, if earlier) to it. */
  readonly lastRound: { readonly factId: string; readonly date: string } | null;
  readonly monthsSinceLastRound: number | null;
  /** Total equity raised (median of its draws, USD), or null when the ledger gives none. */
  readonly raisedUsd: number | null;
  /** The multiplier of the climate's chance of a round: recency x size. */
  readonly fundability: { readonly recency: number; readonly size: number; readonly value: number };
  readonly facts: readonly Fact[];
  /** What the inputs rest on and how they were read, in both languages; the FX conversions last (`conversionNotes`). */
  readonly notes: readonly Text[];
  /** Every currency conversion the inputs rest on (`HealthInputs.conversions`): fact, rate, month, source. */
  readonly conversions: readonly Text[];
}

export interface ForecastInputsOptions {
  /** The as-of date, YYYY-MM-DD. */
  readonly asOf: string;
  /** Paths (draws per input) and seed, as the simulation will run them. */
  readonly env: Env;
}

/** The assumption behind costs from the latest round (a fallback stated at the as-of date, never moved). */
const COSTS_FROM_ROUND_ID = 'forecast.costs_from_round';

/**
 * The forecast model's inputs for any company from the facts the store
 * holds (give it an as-of store to see only what was known then), with no
 * per-company assumption (docs/backtest.md):
 * - cash, revenue and costs as `collectHealthInputs` reads them at the as-of
 *   date (costs from net loss, spend or burn, else headcount x COST_PER_HEAD),
 *   except that costs from a headcount alone get compute added: staff /
 *   {@link STAFF_SHARE_OF_COSTS}, and that cash with no cash figure is
 *   {@link CASH_FROM_MONEY_RAISED} (not health's 12-month window);
 * - revenue and cost growth from two facts where the ledger has them, else
 *   {@link DEFAULT_REVENUE_GROWTH} and {@link DEFAULT_COST_GROWTH};
 * - revenue and costs read from facts of another period moved to the as-of
 *   date with those growth rates, draw by draw ({@link movedToAsOf}), as the
 *   simulation moves them on from it;
 * - fundability = recency x size: {@link recencyFundability} of the months
 *   since the last round, {@link sizeFundability} of the total raised.
 * Never throws for a company that lacks inputs: `lacking` names them.
 */
export async function forecastInputs(store: Store, company: string, options: ForecastInputsOptions): Promise<CompanyForecastInputs> {
  const asOf = readAsOfDate(options.asOf);
  const env = options.env;
  const n = env.sampleCount;
  // The model's own draws: streams of `forecast/<entity id>/<what>`, apart from collectHealthInputs' `health/...`.
  const entityId = (await store.resolveEntity(company)).id;
  const stream = (what: string): number => streamOf(`forecast/${entityId}/${what}`);
  const share = sampleSpec({ family: 'uniform', low: STAFF_SHARE_OF_COSTS.value.low, high: STAFF_SHARE_OF_COSTS.value.high }, env, stream('staff-share')).samples;
  const trend = sampleSpec(lognormalFromCi(FRONTIER_COMPUTE_GROWTH.value.p5, FRONTIER_COMPUTE_GROWTH.value.p95), env, stream('compute-trend')).samples;
  const roundInterval = sampleSpec(ROUND_INTERVAL_FACTOR, env, stream('round-interval')).samples;
  const inverse = new Float64Array(n);
  for (let i = 0; i < n; i++) inverse[i] = 1 / share[i]!;
  // The default cost growth (compute at the frontier trend, staff flat), drawn before the inputs are read: costs from
  // the latest round are sized with it, so that the round lasts its 27 months x factor at the growth the simulation
  // then applies (a company with costs from the round has no cost figure, so no cost growth from facts either).
  const defaultCostGrowth = new Float64Array(n);
  for (let i = 0; i < n; i++) defaultCostGrowth[i] = (1 - share[i]!) * (trend[i]! ** (1 / 12) - 1);
  const got = await collectHealthInputs(store, company, env, [], {
    asOf,
    staffCostScale: {
      factor: inverse,
      formula: '/ staff share (29% to 49%: compute added)',
      note: {
        en: `Costs from a headcount alone are staff costs; compute is added by dividing them by staff's share of costs, ${STAFF_SHARE_OF_COSTS.text.en} (${STAFF_SHARE_OF_COSTS.source.en}).`,
        zh: `仅由员工人数推算的支出只是人员成本；除以人员成本占比（${STAFF_SHARE_OF_COSTS.text.zh}，${STAFF_SHARE_OF_COSTS.source.zh}）以计入算力。`,
      },
      assumption: parameterAssumption('forecast.staff_share', { en: 'staff share of costs', zh: '人员成本占比' }, STAFF_SHARE_OF_COSTS),
    },
    costsFromLastRound: {
      months: COSTS_FROM_LAST_ROUND.value,
      factor: roundInterval,
      lasting: (min) => lognormalAtLeast(roundInterval, ROUND_INTERVAL_FACTOR, min),
      growth: defaultCostGrowth,
      note: { en: `No cost figure: costs are ${COSTS_FROM_LAST_ROUND.text.en}.`, zh: `没有支出数据：支出取${COSTS_FROM_LAST_ROUND.text.zh}。` },
      assumption: parameterAssumption(COSTS_FROM_ROUND_ID, { en: 'costs where no cost figure is known', zh: '没有支出数据时的支出' }, COSTS_FROM_LAST_ROUND),
    },
    leastCashFromMoney: {
      note: { en: `No cash figure: cash is ${CASH_FROM_MONEY_RAISED.text.en} (${CASH_FROM_MONEY_RAISED.rationale.en}).`, zh: `没有现金数据：现金取${CASH_FROM_MONEY_RAISED.text.zh}（${CASH_FROM_MONEY_RAISED.rationale.zh}）。` },
      assumption: parameterAssumption('forecast.cash_from_money_raised', { en: 'cash where no cash figure is known', zh: '没有现金数据时的现金' }, CASH_FROM_MONEY_RAISED),
    },
    revenueIfNone: {
      note: { en: `No revenue figure: revenue is ${REVENUE_IF_NONE.text.en}.`, zh: `没有营收数据：营收取${REVENUE_IF_NONE.text.zh}。` },
      assumption: parameterAssumption('forecast.revenue_if_none', { en: 'revenue where no revenue figure is known', zh: '没有营收数据时的营收' }, REVENUE_IF_NONE),
    },
  });
  const f = got.found;
  const lacking: ForecastNeed[] = [];
  if (!f.cash) lacking.push('cash');
  if (!f.revenue) lacking.push('revenue');
  if (!f.grossBurn) lacking.push('costs');

  const rounds = got.rounds.filter((r) => r.period!.start <= asOf);
  const last = rounds.reduce<Fact | null>((a, r) => (!a || r.period!.end > a.period!.end ? r : a), null);
  const lastDate = last ? (last.period!.end < asOf ? last.period!.end : asOf) : null;
  if (!last) lacking.push('lastRound');
  const months = lastDate ? Math.max(0, monthsBetween(lastDate, asOf)) : null;
  const raisedUsd = f.funding ? median(f.funding.samples) : null;
  const recency = months === null ? 1 : recencyFundability(months);
  const size = sizeFundability(raisedUsd ?? 0);
  const fundability = { recency, size, value: recency * size };

  const facts = new Map<string, Fact>();
  for (const h of Object.values(f)) for (const x of h?.facts ?? []) facts.set(x.id, x);
  if (last) facts.set(last.id, last);
  const rows: ForecastInputRow[] = [];
  const fromLedger = (input: ForecastInputRow['input'], h: HealthInput | undefined, movedMonths?: number): void => {
    if (!h) return;
    const status = h.status === 'reported' && movedMonths === undefined ? 'reported' : h.status === 'assumed' ? 'default' : 'derived';
    rows.push({ input, status, formula: h.formula, p50: median(h.samples), factIds: [...new Set(h.facts.map((x) => x.id))], ...(movedMonths === undefined ? {} : { movedMonths }) });
  };
  // Growth: from two facts where the ledger gives them, else the model's defaults.
  const growthRows: ForecastInputRow[] = [];
  let revenueGrowth: Float64Array;
  if (f.revenueGrowth) revenueGrowth = f.revenueGrowth.samples;
  else {
    const yearly = sampleSpec(lognormalFromCi(DEFAULT_REVENUE_GROWTH.value.p5, DEFAULT_REVENUE_GROWTH.value.p95), env, stream('revenue-growth')).samples;
    revenueGrowth = yearly.map((x) => x ** (1 / 12) - 1);
    growthRows.push({ input: 'revenueGrowth', status: 'default', formula: `default: ${DEFAULT_REVENUE_GROWTH.text.en}, as a monthly rate`, p50: median(revenueGrowth), factIds: [] });
  }
  let costGrowth: Float64Array;
  // (costs from the latest round were sized with the default growth: the simulation must grow them at it)
  const costsFromRound = f.grossBurn?.assumption?.id === COSTS_FROM_ROUND_ID;
  if (f.costGrowth && !costsFromRound) costGrowth = f.costGrowth.samples;
  else {
    costGrowth = defaultCostGrowth;
    growthRows.push({ input: 'costGrowth', status: 'default', formula: `default: ${DEFAULT_COST_GROWTH.text.en}`, p50: median(costGrowth), factIds: [] });
  }

  // Revenue and costs of an earlier period, moved to the as-of date with the growth the simulation uses from it on.
  const notes: Text[] = [...got.notes];
  const revenue = f.revenue ? movedToAsOf(f.revenue, revenueGrowth, asOf, { en: 'revenue growth', zh: '营收增速' }, notes) : undefined;
  const costs = f.grossBurn ? movedToAsOf(f.grossBurn, costGrowth, asOf, { en: 'cost growth', zh: '支出增速' }, notes) : undefined;

  fromLedger('cash', f.cash);
  if (revenue) fromLedger('revenue', revenue.input, revenue.months);
  if (costs) fromLedger('costs', costs.input, costs.months);
  if (f.revenueGrowth) fromLedger('revenueGrowth', f.revenueGrowth);
  else rows.push(growthRows.find((r) => r.input === 'revenueGrowth')!);
  if (f.costGrowth && !costsFromRound) fromLedger('costGrowth', f.costGrowth);
  else rows.push(growthRows.find((r) => r.input === 'costGrowth')!);

  const inputs: CompanyInputs | null = lacking.length
    ? null
    : { id: got.entity.id, name: got.entity.nameEn, cash: f.cash!.samples, revenue: revenue!.input.samples, revenueGrowth, costs: costs!.input.samples, costGrowth, fundability: fundability.value };
  return {
    entity: got.entity,
    inputs,
    lacking,
    rows,
    lastRound: last && lastDate ? { factId: last.id, date: lastDate } : null,
    monthsSinceLastRound: months,
    raisedUsd,
    fundability,
    facts: [...facts.values()],
    notes: [...notes, ...conversionNotes(got.conversions)],
    conversions: got.conversions,
  };
}

/** The model's parameters as assumptions, for an analysis to list (the same for every company). */
export function forecastAssumptions(): Assumption[] {
  return [
    parameterAssumption('forecast.frontier_compute_growth', { en: 'frontier training compute cost growth', zh: '前沿训练算力成本增速' }, FRONTIER_COMPUTE_GROWTH),
    parameterAssumption('forecast.staff_share', { en: 'staff share of costs', zh: '人员成本占比' }, STAFF_SHARE_OF_COSTS),
    parameterAssumption('forecast.revenue_growth', { en: 'revenue growth where two facts do not give it', zh: '缺少两期数据时的营收增速' }, DEFAULT_REVENUE_GROWTH),
    parameterAssumption('forecast.cost_growth', { en: 'cost growth where two facts do not give it', zh: '缺少两期数据时的支出增速' }, DEFAULT_COST_GROWTH),
    parameterAssumption('forecast.round_interval', { en: 'typical interval between rounds', zh: '两轮融资的典型间隔' }, ROUND_INTERVAL_MONTHS),
    parameterAssumption('forecast.size', { en: 'company size and the chance of a round', zh: '公司规模与融资概率' }, SIZE_FUNDABILITY),
    parameterAssumption('forecast.round_interval_spread', { en: 'spread of how long a round lasts', zh: '一轮资金可支撑时长的离散程度' }, ROUND_INTERVAL_SPREAD),
    parameterAssumption(COSTS_FROM_ROUND_ID, { en: 'costs where no cost figure is known', zh: '没有支出数据时的支出' }, COSTS_FROM_LAST_ROUND),
    parameterAssumption('forecast.cash_from_money_raised', { en: 'cash where no cash figure is known', zh: '没有现金数据时的现金' }, CASH_FROM_MONEY_RAISED),
    parameterAssumption('forecast.revenue_if_none', { en: 'revenue where no revenue figure is known', zh: '没有营收数据时的营收' }, REVENUE_IF_NONE),
  ];
}

/**
 * A flow (revenue or costs, a month) read from facts of another period, moved
 * to the as-of date with its monthly growth g, draw by draw: value x (1 +
 * g)^months, months from the middle of the facts' period to the as-of date
 * (the mean over its facts when it rests on several periods, as net burn +
 * revenue can). The simulation grows the flow at g from the as-of date on; not
 * moving it would hold it flat over the months before (a 2023 loss used as the
 * costs of 2024-05). Left as read: a flow resting on no dated fact, the
 * model's fallbacks (revenue 0, costs from the latest round: rules stated at
 * the as-of date), and a flow of the as-of month itself (under a day apart).
 *
 *   2023 costs of $10M a month, 5% a month, as of 2024-05-20 (10.6 months
 *   after 2023-07-02): $10M x 1.05^10.6 ≈ $16.8M a month.
 */
function movedToAsOf(h: HealthInput, growth: Float64Array, asOf: string, growthName: Text, notes: Text[]): { input: HealthInput; months?: number } {
  const fallback = h.status === 'assumed' || h.assumption?.id === COSTS_FROM_ROUND_ID;
  const dated = [...new Map(h.facts.filter((x) => x.period !== null).map((x) => [x.id, x])).values()];
  if (fallback || !dated.length) return { input: h };
  const months = Math.round((dated.reduce((a, x) => a + monthsFromPeriodMiddle(x.period!, asOf), 0) / dated.length) * 100) / 100;
  if (Math.abs(months) < 1 / 30) return { input: h };
  const samples = new Float64Array(h.samples.length);
  for (let i = 0; i < samples.length; i++) samples[i] = h.samples[i]! * (1 + growth[i]!) ** months;
  const periods = [...new Set(dated.map((x) => x.period!.text))].join(', ');
  const ids = dated.map((x) => x.id).join('、');
  // the verb by its subject: revenue is singular, costs plural
  const what = h.name === 'revenue' ? { en: 'Revenue rests', it: 'it', zh: '营收' } : { en: 'Costs rest', it: 'them', zh: '支出' };
  const back = months < 0;
  notes.push({
    en: `${what.en} on figures of ${periods} (${dated.map((x) => x.id).join(', ')}), ${Math.abs(months)} months ${back ? 'after' : 'before'} ${asOf} (from the middle of the period): moved to that day with the ${growthName.en}, draw by draw, as the simulation moves ${what.it} on from there.`,
    zh: `${what.zh}所依据的数据（${ids}）的期间中点${back ? '晚于' : '早于'} ${asOf} ${Math.abs(months)} 个月：按${growthName.zh}逐个抽样${back ? '回推' : '推进'}至该日，与模拟自该日起的推算方式相同。`,
  });
  return { input: { ...h, samples, formula: `${h.formula}, moved ${months} months to ${asOf} at the ${growthName.en}` }, months };
}

function parameterAssumption(id: string, name: Text, p: ForecastParameter<unknown>): Assumption {
  return {
    id,
    text: { en: `${name.en}: ${p.text.en}, the same for every company`, zh: `${name.zh}：${p.text.zh}，所有公司相同` },
    rationale: { en: `${p.rationale.en} (source: ${p.source.en})`, zh: `${p.rationale.zh}（来源：${p.source.zh}）` },
  };
}

function median(x: Float64Array): number {
  return quantileSorted(Float64Array.from(x).sort(), 0.5);
}

/**
 * Draws of a lognormal conditioned on being at least `min`, from its own
 * unconditioned draws: each draw's normal score z is moved to the one with
 * the same rank in the normal truncated below at zmin, z' = -Φ⁻¹(Φ(-zmin) x
 * Φ(-z)) (the upper tail written as such, so that a far zmin keeps its
 * digits). Draws keep their order and their independence from other inputs'
 * draws at the same index; with no truncation (min below every value) z' = z.
 * `least`: the condition is beyond the distribution's reach in double
 * precision (Φ(-zmin) is 0), and every draw is `min`.
 */
export function lognormalAtLeast(draws: Float64Array, spec: DistSpec, min: number): { factor: Float64Array; least: boolean } {
  if (spec.family !== 'lognormal') throw new RangeError(`lognormalAtLeast: expected a lognormal, got ${spec.family}`);
  const { mu, sigma } = spec;
  const factor = new Float64Array(draws.length);
  const upper = normalCdf(-(Math.log(min) - mu) / sigma);
  if (!(upper > 0)) {
    factor.fill(min);
    return { factor, least: true };
  }
  for (let i = 0; i < draws.length; i++) {
    const z = (Math.log(draws[i]!) - mu) / sigma;
    factor[i] = Math.max(min, Math.exp(mu - sigma * normalQuantile(upper * normalCdf(-z))));
  }
  return { factor, least: false };
}
