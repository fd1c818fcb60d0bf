/**
 * The ledger's vocabulary: what a fact may measure, how it was obtained, and
 * on what basis. Documented in docs/ledger.md; keep the two in step.
 */

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

/** What an entity is. `model` is one trained AI model (Epoch's table). */
export const ENTITY_KINDS = ['company', 'product', 'model', 'aggregate'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

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

/** Reads a metric name or alias; undefined when unknown. */
export function toMetric(text: string): Metric | undefined {
  const k = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((METRICS as readonly string[]).includes(k)) return k as Metric;
  return METRIC_ALIASES[k];
}
