import { convertCurrency, formatCompact, isCurrency, ShakeoutError, periodMonths, type DistSpec, type FxTable, type Per, type Period, type Unit } from '../../core/index.js';
import { sampleSpec, type Env } from '../../estimate/index.js';
import type { Entity, Fact, Store } from '../../ledger/index.js';
import type { Assumption, InputRef, Text } from '../analysis.js';
import { factRef } from '../common/fact-ref.js';
import { factSpec } from '../common/fact-spec.js';
import { perMonthFactor } from '../common/per-month.js';
import { readValueText, scaleSpec } from '../common/value-text.js';

/** The inputs a health analysis looks for. Money is in USD; rates are per month. */
export type HealthInputName =
  | 'valuation'
  | 'funding'
  | 'cash'
  | 'revenue'
  | 'revenueToDate'
  | 'mobileRevenue'
  | 'netBurn'
  | 'grossBurn'
  | 'revenueGrowth';

/** Where an input came from. */
export type InputStatus = 'reported' | 'derived' | 'assumed' | 'missing';

/** An assumption a caller supplies for an input the ledger lacks. */
export interface HealthAssumptionInput {
  readonly input: HealthInputName;
  /** A figure ("$5B", "约30亿美元") or a model expression ("4B to 9B"); rates per month unless the text says otherwise. */
  readonly value: string;
  readonly rationale: string;
  readonly source?: string | null;
}

/** One input as found: its draws (USD, per month for rates; a fraction per month for growth) and provenance. */
export interface HealthInput {
  readonly name: HealthInputName;
  readonly status: Exclude<InputStatus, 'missing'>;
  readonly samples: Float64Array;
  readonly unit: Unit;
  readonly per: Per | null;
  readonly formula: string;
  readonly inputs: readonly InputRef[];
  readonly facts: readonly Fact[];
  readonly assumption?: Assumption;
  /** How it was read: 'F18 + F20, a month'. */
  readonly note?: Text;
}

export interface HealthInputs {
  readonly entity: Entity;
  readonly found: Partial<Record<HealthInputName, HealthInput>>;
  /** Other readings left aside, and why (a net reading beside a gross one, ...). */
  readonly notes: readonly Text[];
  /** Assumptions given for inputs the ledger already has (ignored). */
  readonly ignoredAssumptions: readonly HealthAssumptionInput[];
}

/** Which unit and period each input is kept in, and its stream offset (draws stay the same when other inputs change). */
export const HEALTH_INPUT_SHAPE: { readonly [K in HealthInputName]: { readonly per: Per | null; readonly unit: Unit; readonly stream: number; readonly label: Text } } = {
  valuation: { per: null, unit: 'USD', stream: 100, label: { en: 'valuation', zh: '估值' } },
  funding: { per: null, unit: 'USD', stream: 200, label: { en: 'funding raised', zh: '融资总额' } },
  cash: { per: null, unit: 'USD', stream: 300, label: { en: 'cash on hand', zh: '现金' } },
  revenue: { per: 'month', unit: 'USD', stream: 400, label: { en: 'revenue (company)', zh: '营收（公司）' } },
  revenueToDate: { per: null, unit: 'USD', stream: 500, label: { en: 'revenue to date', zh: '累计营收' } },
  mobileRevenue: { per: 'month', unit: 'USD', stream: 600, label: { en: 'mobile store revenue', zh: '移动应用商店收入' } },
  netBurn: { per: 'month', unit: 'USD', stream: 700, label: { en: 'net burn', zh: '净烧钱' } },
  grossBurn: { per: 'month', unit: 'USD', stream: 800, label: { en: 'gross burn (costs)', zh: '总支出' } },
  revenueGrowth: { per: 'month', unit: 'percent', stream: 900, label: { en: 'revenue growth', zh: '营收增速' } },
};

/**
 * Gathers from the ledger what a health analysis of `entity` can use, as
 * draws in USD (rates per month), and fills gaps with the given assumptions.
 *
 * Rules, in order: the company's own facts of a metric, the latest period
 * first (funding facts are summed: each is a round or a total to date, and a
 * total to date replaces the rounds before it); store revenue of its
 * products (app-store subscriptions), gross readings before net ones, per
 * store facts summed before a combined one; a revenue-spending gap is a net
 * burn; reported facts come before derived ones (so a net burn saved by
 * `--save` is not read back in place of the gap it came from); assumptions
 * only fill inputs the ledger lacks.
 */
export async function collectHealthInputs(
  store: Store,
  companyName: string,
  env: Env,
  assumptions: readonly HealthAssumptionInput[] = [],
): Promise<HealthInputs> {
  const entity = await store.resolveEntity(companyName);
  const { fx } = await store.tables();
  const facts = await store.listFacts({ entity: entity.id, includeProducts: true });
  const own = facts.filter((f) => f.entity === entity.id);
  const found: Partial<Record<HealthInputName, HealthInput>> = {};
  const notes: Text[] = [];
  const ctx: Ctx = { env, fx };
  if (entity.kind !== 'company') {
    notes.push({
      en: `${entity.nameEn} is a ${entity.kind}, not a company: cash, funding and burn are usually recorded on its owner${entity.parent ? ` (${entity.parent})` : ''}.`,
      zh: `${entity.nameZh ?? entity.nameEn} 是${entity.kind}而非公司：现金、融资与烧钱通常记录在其所属公司${entity.parent ? `（${entity.parent}）` : ''}。`,
    });
  }

  // Stocks: latest fact of the metric.
  for (const [name, metric] of [['valuation', 'valuation'], ['cash', 'cash']] as const) {
    const f = latest(own.filter((x) => x.metric === metric && isCurrency(x.figure.unit)));
    if (f) found[name] = stockInput(ctx, name, [f]);
  }

  // Funding: a total to date (period 'as of' / 'by') replaces the rounds before it; rounds after it add up.
  const funding = own.filter((x) => x.metric === 'funding' && isCurrency(x.figure.unit));
  if (funding.length) {
    const totals = funding.filter((f) => f.period?.kind === 'asof');
    const lastTotal = latest(totals);
    const used = lastTotal ? [lastTotal, ...funding.filter((f) => f !== lastTotal && f.period !== null && f.period.start > lastTotal.period!.end)] : funding;
    found.funding = stockInput(ctx, 'funding', used);
    const unconfirmed = used.filter((f) => /not closed|unconfirmed|being raised/i.test(`${f.definition ?? ''} ${f.notes ?? ''}`));
    if (unconfirmed.length) {
      notes.push({
        en: `Funding includes ${unconfirmed.map((f) => f.id).join(', ')}, a round reported as not closed or unconfirmed.`,
        zh: `融资总额包含 ${unconfirmed.map((f) => f.id).join('、')}，该轮融资据报道尚未完成或未经证实。`,
      });
    }
  }

  // Company revenue: a rate (per, or a closed period) is a run rate; a total to date is revenue to date.
  const revenue = own.filter((x) => x.metric === 'revenue' && x.scope === null && isCurrency(x.figure.unit));
  const rates = revenue.filter((f) => f.figure.per !== null || (f.period !== null && f.period.kind !== 'asof'));
  const rate = latest(rates);
  if (rate) found.revenue = rateInput(ctx, 'revenue', [rate]);
  const toDate = latest(revenue.filter((f) => !rates.includes(f)));
  if (toDate) {
    found.revenueToDate = stockInput(ctx, 'revenueToDate', [toDate]);
    if (!rate && toDate.figure.p95 === 0) {
      // "almost no revenue" to date: the run rate is about zero too.
      found.revenue = {
        ...stockInput(ctx, 'revenue', [toDate]),
        status: 'derived',
        per: 'month',
        formula: `${toDate.id} (almost none to date, so about 0 a month)`,
      };
    }
  }

  // Mobile store revenue of the products: subscription revenue through the app stores.
  const store_ = facts.filter((x) => x.metric === 'subscription_revenue' && isCurrency(x.figure.unit) && (x.figure.per !== null || x.period !== null));
  if (store_.length) {
    const pick = pickStoreGroup(store_);
    found.mobileRevenue = rateInput(ctx, 'mobileRevenue', pick.used);
    for (const other of store_.filter((f) => !pick.used.includes(f))) {
      const m = monthlyValue(other);
      notes.push({
        en: `Also in the ledger: ${other.id} (${other.source.publisher}, ${other.basis}, ${other.scope ?? 'all stores'}, ${other.period?.text ?? 'no period'}): ${other.valueTextEn ?? other.valueText}, about $${compact(m)} a month; left aside for ${pick.used.map((f) => f.id).join(' + ')} (${pick.why}).`,
        zh: `账本中另有 ${other.id}（${other.source.publisher}，${other.basis}，${other.scope ?? '全部商店'}，${other.period?.text ?? '无期间'}）：${other.valueText}，约每月 ${compact(m)} 美元；此处采用 ${pick.used.map((f) => f.id).join(' + ')}。`,
      });
    }
  }

  // Burn: a burn fact, else a revenue-spending gap (a net burn), and spend (a gross burn).
  // Facts the ledger reports come before derived ones (a burn saved by an earlier health analysis is derived from the gap it read).
  const firstHand = (facts: Fact[]): Fact | undefined => latest(facts.filter((f) => f.kind !== 'derived')) ?? latest(facts);
  const burn = own.filter((x) => x.metric === 'burn' && isCurrency(x.figure.unit));
  const gap = own.filter((x) => x.metric === 'revenue_spending_gap' && isCurrency(x.figure.unit));
  const net = latest([...burn, ...gap].filter((f) => f.kind !== 'derived')) ?? latest(gap) ?? latest(burn);
  if (net) found.netBurn = rateInput(ctx, 'netBurn', [net]);
  const spend = firstHand(own.filter((x) => x.metric === 'spend' && isCurrency(x.figure.unit)));
  if (spend) found.grossBurn = rateInput(ctx, 'grossBurn', [spend]);

  // Assumptions fill the gaps.
  const ignored: HealthAssumptionInput[] = [];
  for (const a of assumptions) {
    if (found[a.input]) {
      ignored.push(a);
      continue;
    }
    found[a.input] = assumedInput(ctx, a);
  }
  return { entity, found, notes, ignoredAssumptions: ignored };
}

interface Ctx {
  readonly env: Env;
  readonly fx: FxTable;
}

function latest(facts: readonly Fact[]): Fact | undefined {
  let best: Fact | undefined;
  for (const f of facts) {
    if (!best || (f.period?.end ?? '') > (best.period?.end ?? '') || ((f.period?.end ?? '') === (best.period?.end ?? '') && f.kind === 'reported' && best.kind !== 'reported')) best = f;
  }
  return best;
}

/** Months a fact's figure covers when it has no `per`: its period's length, whole when within 5% of a whole number. */
function factMonths(f: Fact): number {
  if (!f.period) return 1;
  const m = periodMonths(f.period);
  const r = Math.round(m);
  return r >= 1 && Math.abs(m - r) < 0.05 * r ? r : m;
}

/** Multiplier from a fact's figure to USD (per month for rates), and the note of the conversion. */
function toUsd(ctx: Ctx, f: Fact, asRate: boolean): { k: number; how: string } {
  let k = 1;
  const parts: string[] = [];
  if (f.figure.unit !== 'USD') {
    const period: Period | null = f.period;
    if (!period) throw inputError(f.id, `fact ${f.id}: ${f.figure.unit} with no period cannot be converted to USD`);
    const c = convertCurrency({ value: 1, unit: f.figure.unit, per: null }, 'USD', period, ctx.fx);
    k *= c.quantity.value;
    parts.push(c.note);
  }
  if (asRate) {
    if (f.figure.per) {
      k *= perMonthFactor(f.figure.per);
      if (f.figure.per !== 'month') parts.push(`per ${f.figure.per} -> per month`);
    } else {
      const m = factMonths(f);
      k /= m;
      if (m !== 1) parts.push(`over ${m} months (${f.period?.text}) -> per month`);
    }
  }
  return { k, how: parts.join('; ') };
}

function monthlyValue(f: Fact): number {
  const per = f.figure.per;
  return per ? f.figure.p50 * perMonthFactor(per) : f.figure.p50 / factMonths(f);
}

function draw(ctx: Ctx, spec: DistSpec, stream: number): Float64Array {
  return sampleSpec(spec, ctx.env, stream).samples;
}

function sumInput(ctx: Ctx, name: HealthInputName, facts: readonly Fact[], asRate: boolean): HealthInput {
  const shape = HEALTH_INPUT_SHAPE[name];
  const total = new Float64Array(ctx.env.sampleCount);
  const hows: string[] = [];
  facts.forEach((f, i) => {
    const { k, how } = toUsd(ctx, f, asRate);
    if (how) hows.push(`${f.id}: ${how}`);
    const s = draw(ctx, scaleSpec(factSpec(f), k), shape.stream + i);
    for (let j = 0; j < total.length; j++) total[j] += s[j]!;
  });
  const derived = facts.length > 1 || facts.some((f) => f.kind === 'derived') || hows.length > 0;
  const formula = facts.map((f) => f.id).join(' + ') + (hows.length ? ` (${hows.join('; ')})` : '');
  const note = hows.length ? { en: hows.join('; '), zh: hows.join('；') } : undefined;
  return {
    name,
    status: facts.every((f) => f.kind === 'assumption') ? 'assumed' : derived ? 'derived' : 'reported',
    samples: total,
    unit: shape.unit,
    per: shape.per,
    formula,
    inputs: facts.map((f) => factRef(f)),
    facts,
    ...(note ? { note } : {}),
  };
}

function stockInput(ctx: Ctx, name: HealthInputName, facts: readonly Fact[]): HealthInput {
  return sumInput(ctx, name, facts, false);
}

function rateInput(ctx: Ctx, name: HealthInputName, facts: readonly Fact[]): HealthInput {
  return sumInput(ctx, name, facts, true);
}

/** Store revenue facts to use: gross before unknown before net, then the latest period; per-store facts summed before a combined one. */
function pickStoreGroup(facts: readonly Fact[]): { used: Fact[]; why: string } {
  const basisRank = (f: Fact) => (f.basis === 'gross' ? 0 : f.basis === 'unknown' ? 1 : 2);
  const best = Math.min(...facts.map(basisRank));
  const sameBasis = facts.filter((f) => basisRank(f) === best);
  const last = latest(sameBasis)!;
  const group = sameBasis.filter((f) => (f.period?.text ?? '') === (last.period?.text ?? '') && f.entity === last.entity);
  const perStore = group.filter((f) => f.scope === 'app_store' || f.scope === 'google_play');
  const used = perStore.length ? perStore : [last];
  const why = best === 0 ? 'gross readings first: what users paid, as app-intelligence vendors estimate it' : 'the latest period';
  return { used, why };
}

function assumedInput(ctx: Ctx, a: HealthAssumptionInput): HealthInput {
  const shape = HEALTH_INPUT_SHAPE[a.input];
  const isGrowth = a.input === 'revenueGrowth';
  const v = readValueText(a.value, { name: a.input, defaultUnit: isGrowth ? 'percent' : 'USD', ...(shape.per ? { defaultPer: shape.per } : {}) });
  let k = 1;
  if (!isGrowth && shape.per && v.per && v.per !== 'month') k = perMonthFactor(v.per);
  if (!isGrowth && v.unit !== 'USD') {
    throw inputError(a.input, `${a.input}: write the assumption in US dollars ("$5B", "4B to 9B"), got "${a.value}" (${v.unit})`);
  }
  if (isGrowth && v.per && v.per !== 'month') {
    throw inputError(a.input, `${a.input}: write growth per month ("3% a month" or "normal(0.03, 0.01)"), got "${a.value}"`);
  }
  const samples = draw(ctx, scaleSpec(v.spec, k), shape.stream + 50);
  const id = `health.assumption.${a.input}`;
  const assumption: Assumption = {
    id,
    text: { en: `${shape.label.en}: ${a.value}`, zh: `${shape.label.zh}：${a.value}` },
    rationale: { en: a.rationale + (a.source ? ` (source: ${a.source})` : ''), zh: a.rationale + (a.source ? `（来源：${a.source}）` : '') },
    value: { text: a.value, spec: v.spec, unit: isGrowth ? 'percent' : v.unit, per: shape.per },
  };
  return {
    name: a.input,
    status: 'assumed',
    samples,
    unit: shape.unit,
    per: shape.per,
    formula: `assumed: ${a.value}`,
    inputs: [{ kind: 'assumption', id, label: `assumed ${shape.label.en}` }],
    facts: [],
    assumption,
  };
}

function compact(x: number): string {
  return formatCompact(x, 'en');
}

function inputError(path: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_assumption', path: [path], message }], status: 400 });
}
