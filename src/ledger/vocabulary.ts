/**
 * The ledger's vocabulary: what a fact may measure, how it was obtained, and
 * on what basis. Documented in docs/ledger.md; keep the two in step.
 */
import { ShakeoutError } from '../core/index.js';
import { closest } from './ids.js';

/** What a fact measures. */
export const METRICS = [
  'funding', // money raised (a round, a year's total for a sector)
  'valuation', // post-money or reported valuation, as of a date
  'revenue', // all revenue
  'subscription_revenue', // revenue from subscriptions (e.g. app-store in-app subscriptions)
  'downloads', // app installs (first-time downloads)
  'price', // list price of a plan or product
  'deals', // number of financing deals / investment events
  'spend', // total spending (costs) of a company
  'revenue_spending_gap', // spending minus revenue over a period
  'subscribers', // paying subscribers
  'cash', // cash on hand
  'burn', // cash burned over a period
  'consumer_spending', // what consumers paid through the stores (gross)
  'training_cost', // cost of training one model
  'growth', // ratio of one period's value to an earlier one's
  'headcount', // employees
  'revenue_run_rate', // annualised revenue (ARR) as of a date: a rate per year unless the text says otherwise
  'net_loss', // net loss over a period (costs = revenue + net loss); a negative figure would be a profit
  'users', // active users; the scope says which (mau: monthly, dau: daily)
] as const;
export type Metric = (typeof METRICS)[number];

/**
 * What a metric's value must be, the same for every company (docs/ledger.md,
 * "What a value must be"). A fact whose figure breaks its metric's rule is
 * refused with the rule's reason, never stored and read some other way:
 * - `money`: a currency, written in the text ("$500 million", "5亿元",
 *   "€23M") or given by the unit column (`unit: USD` when every value of a
 *   file is in US dollars). A number alone is not taken as US dollars.
 * - `count`: a plain number of things (people, apps, deals): not money, not a
 *   percent or a multiple.
 * - `ratio`: a multiple ("5倍", "2.4x") or a percent ("+200%"), not money.
 *
 * `negative` says whether a value below zero can be right, with why: a
 * valuation, a round, a price or a headcount cannot; a net loss can (it is a
 * profit: net loss is written as a loss, costs = revenue + net loss), and so
 * can a gap of spending over revenue and a growth written as a percent.
 * A multiple (×) is never negative, whatever the metric.
 */
export interface MetricValueRule {
  readonly unit: 'money' | 'count' | 'ratio';
  /** Null when a value below zero cannot be right; otherwise what it means. */
  readonly negative: string | null;
}

export const METRIC_VALUE: Readonly<Record<Metric, MetricValueRule>> = {
  funding: { unit: 'money', negative: null },
  valuation: { unit: 'money', negative: null },
  revenue: { unit: 'money', negative: null },
  subscription_revenue: { unit: 'money', negative: null },
  downloads: { unit: 'count', negative: null },
  price: { unit: 'money', negative: null },
  deals: { unit: 'count', negative: null },
  spend: { unit: 'money', negative: null },
  revenue_spending_gap: { unit: 'money', negative: 'revenue above spending' },
  subscribers: { unit: 'count', negative: null },
  cash: { unit: 'money', negative: null },
  burn: { unit: 'money', negative: null },
  consumer_spending: { unit: 'money', negative: null },
  training_cost: { unit: 'money', negative: null },
  growth: { unit: 'ratio', negative: 'a decline, written as a percent ("-20%")' },
  headcount: { unit: 'count', negative: null },
  revenue_run_rate: { unit: 'money', negative: null },
  net_loss: { unit: 'money', negative: 'a profit (net loss is written as a loss)' },
  users: { unit: 'count', negative: null },
};

/**
 * Kinds of fact that report what happened: such a fact's source cannot be
 * published before the period it reports has begun. A derived fact or an
 * assumption may be about a period still to come (a projection, ours or a
 * source's, recorded as kind `assumption` with the source in its note).
 * Funding with scope `round` is a round that took place, whatever its kind.
 */
export const KINDS_THAT_REPORT: readonly FactKind[] = ['reported'];

/** Names accepted for a metric besides its own (lower-case, spaces or hyphens as '_'). */
export const METRIC_ALIASES: Readonly<Record<string, Metric>> = {
  financing: 'funding',
  investment: 'funding',
  raised: 'funding',
  funding_raised: 'funding',
  installs: 'downloads',
  investment_events: 'deals',
  financing_deals: 'deals',
  employees: 'headcount',
  gap: 'revenue_spending_gap',
  arr: 'revenue_run_rate',
  run_rate: 'revenue_run_rate',
  annualized_revenue: 'revenue_run_rate',
  annualised_revenue: 'revenue_run_rate',
  annual_recurring_revenue: 'revenue_run_rate',
  loss: 'net_loss',
  active_users: 'users',
  mau: 'users',
  dau: 'users',
};

/**
 * The period a metric's figure is a rate of when the text writes none: a run
 * rate is annualised by definition ("$3.4 billion" ARR is $3.4B a year).
 */
export const METRIC_DEFAULT_PER: Readonly<Partial<Record<Metric, 'year'>>> = {
  revenue_run_rate: 'year',
};

/**
 * The kind of entity a metric's facts are about when it is not a company:
 * a training cost is a model's (Epoch's table). Used to suggest a name of
 * that kind, and the --kind to add one with, for an unknown entity.
 */
export const METRIC_ENTITY_KIND: Readonly<Partial<Record<Metric, 'model'>>> = {
  training_cost: 'model',
};

/** How a fact was obtained. */
export const FACT_KINDS = ['reported', 'derived', 'assumption'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Whether money is before (gross) or after (net) store fees and taxes. */
export const BASES = ['gross', 'net', 'unknown'] as const;
export type Basis = (typeof BASES)[number];

/** A basis in Chinese, for notes: 'gross' 总额, 'net' 净额, 'unknown' 口径不明. */
export const BASIS_ZH: Readonly<Record<Basis, string>> = { gross: '总额', net: '净额', unknown: '口径不明' };

/** What an entity is. `model` is one trained AI model (Epoch's table). */
export const ENTITY_KINDS = ['company', 'product', 'model', 'aggregate'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Whether a text is one of {@link ENTITY_KINDS}. */
export function isEntityKind(text: string): text is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(text);
}

/** An entity's kind in Chinese, for notes: the dashboard's words (web/src/i18n.ts, entityKind_*). */
export const ENTITY_KIND_ZH: Readonly<Record<EntityKind, string>> = { company: '公司', product: '产品', model: '模型', aggregate: '汇总类别' };

/** Scopes the bundled data uses; scope is free text, these are the usual ones. */
export const COMMON_SCOPES = [
  'app_store',
  'google_play',
  'app_store+google_play',
  'region:China',
  'region:World',
  'segment:ai_production',
  'segment:ai_industry_applications',
  'cloud_rental',
  'hardware_acquisition',
  'amortised_capex_energy',
  'round', // funding: one round (equity unless the scope or notes say debt)
  'debt', // funding: a loan or debt facility, not equity raised
  'capex', // spend: capital expenditure (a plan or a purchase), not monthly costs
  'compute', // spend: a part of costs (compute, cloud_compute, wages_and_opex ...)
  'mau', // users: monthly active users
  'dau', // users: daily active users
] as const;

/**
 * A scope by name, for prose and notes in either language ('round' -> 'round' /
 * '单轮'): core's table (`scopeName`), which the dashboard's formulas read too.
 */
export { scopeName } from '../core/index.js';

/** Reads a metric name or alias; undefined when unknown. */
export function toMetric(text: string): Metric | undefined {
  const k = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((METRICS as readonly string[]).includes(k)) return k as Metric;
  return METRIC_ALIASES[k];
}

/**
 * Reads a metric name or alias, or throws a 400 (issue `unknown_metric`,
 * path `metric`) naming the metrics and the closest one: what a fact filter
 * and a model's fact() call say of a metric the ledger does not know.
 *
 * @example readMetric('revnue') // throws 'unknown metric "revnue": expected one of funding, ...; did you mean "revenue"?'
 */
export function readMetric(text: string): Metric {
  const m = toMetric(text);
  if (m) return m;
  const hint = closest(text, METRICS);
  const message = `unknown metric "${text}": expected one of ${METRICS.join(', ')}${hint ? `; did you mean "${hint}"?` : ''}`;
  throw new ShakeoutError(message, { issues: [{ code: 'unknown_metric', path: ['metric'], message, got: text, ...(hint ? { suggestion: hint } : {}) }] });
}
