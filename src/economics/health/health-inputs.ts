import { convertCurrency, DAYS_PER_MONTH, formatValue, isCurrency, parsePeriod, ShakeoutError, periodMonths, type DistSpec, type FxTable, type Per, type Period, type Unit } from '../../core/index.js';
import { sampleSpec, streamOf, type Env } from '../../estimate/index.js';
import { BASIS_ZH, ENTITY_KIND_ZH, sameThing, type Entity, type Fact, type Store } from '../../ledger/index.js';
import type { Assumption, InputRef, Text } from '../analysis.js';
import { chooseFact } from '../common/choose-fact.js';
import { groupApartText, groupFacts, groupJoinedText } from '../common/fact-group.js';
import type { OptionHint } from '../common/option-hint.js';
import { periodText, publisherName, scopeName } from '../plausibility/describe-fact.js';
import { factRef } from '../common/fact-ref.js';
import { factSpec } from '../common/fact-spec.js';
import { perMonthFactor } from '../common/per-month.js';
import { MONEY_IN_USD, moneyFactor, type MoneyIn } from '../common/usd-factor.js';
import { readValueText, scaleSpec } from '../common/value-text.js';
import { COST_PER_HEAD } from './cost-per-head.js';

/**
 * The inputs of a company that health and survival both read: money in USD,
 * rates per month. `grossBurn` is the company's costs; `costGrowth` their
 * monthly growth.
 */
export type HealthInputName =
  | 'valuation'
  | 'funding'
  | 'cash'
  | 'revenue'
  | 'revenueToDate'
  | 'mobileRevenue'
  | 'netBurn'
  | 'grossBurn'
  | 'revenueGrowth'
  | 'costGrowth';

/** Where an input came from. */
export type InputStatus = 'reported' | 'derived' | 'assumed' | 'missing';

/** An assumption a caller supplies for an input the ledger lacks. */
export interface HealthAssumptionInput {
  readonly input: HealthInputName;
  /** A figure ("$5B", "约30亿美元") or a model expression ("4B to 9B"); rates per month unless the text says otherwise. */
  readonly value: string;
  readonly rationale: string;
  readonly source?: string | null;
  /** The rationale and source written in Chinese, when there are (the English ones stand in otherwise). */
  readonly rationaleZh?: string | null;
  readonly sourceZh?: string | null;
  /** Where the value is written, for errors: 'survival-assumptions.yaml Moonshot AI.cash' (default the input's name). */
  readonly where?: string;
}

/** One input as found: its draws (USD, per month for rates; a fraction per month for growth) and provenance. */
export interface HealthInput {
  readonly name: HealthInputName;
  readonly status: Exclude<InputStatus, 'missing'>;
  readonly samples: Float64Array;
  readonly unit: Unit;
  readonly per: Per | null;
  readonly formula: string;
  /** The facts and assumptions it rests on (an input derived from others lists theirs). */
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
  /**
   * Assumptions not used: the ledger has the input, or it can be derived from
   * the ledger (gross burn = net burn + revenue, ...); `reason` says which.
   */
  readonly ignoredAssumptions: readonly (HealthAssumptionInput & { readonly reason?: Text })[];
  /** The date the inputs describe (ISO, the end of a month): the as-of date given, else the latest period the inputs rest on. */
  readonly asOf: string | null;
  /**
   * Every currency conversion the inputs rest on, in English and Chinese: the
   * fact (or assumption), the rate, the period it is the average of, and the
   * rate's source ('fact-… (€385 million): EUR->USD at 0.9167 EUR per USD
   * (monthly average of 2023-12; U.S. Federal Reserve H.10 via FRED)').
   */
  readonly conversions: readonly Text[];
  /** The equity rounds with a period of their own (unconfirmed ones left aside), as cash from rounds reads them. */
  readonly rounds: readonly Fact[];
  /** Facts of the company whose period starts after the as-of date given (`CollectOptions.asOf`): left aside, and named in the notes. */
  readonly leftAside: readonly Fact[];
}

/**
 * Scales staff costs derived from a headcount up to a company's whole costs,
 * draw by draw (survival's forecast model adds compute this way: staff cost /
 * staff share). The formula and note say what was added.
 */
export interface StaffCostScale {
  /** One factor per draw (>= 1). */
  readonly factor: Float64Array;
  /** What the factor stands for, for the formula ('/ staff share 0.29-0.49 (compute added)'). */
  readonly formula: string;
  readonly note: Text;
  /** The assumption it rests on, listed with the input. */
  readonly assumption: Assumption;
}

/**
 * Costs from the latest round where no cost figure is known (a forecast's
 * fallback): the round over `months` x `factor`, draw by draw; `lasting(min)`
 * gives the factor's draws conditioned on being at least `min` (the round
 * lasted to the as-of date), with `least` when that is beyond its range.
 */
export interface CostsFromLastRoundRule extends FallbackRule {
  readonly months: number;
  readonly factor: Float64Array;
  readonly lasting: (min: number) => { readonly factor: Float64Array; readonly least: boolean };
  /**
   * The monthly cost growth the simulation applies from the as-of date on, draw by draw: the round is then sized to
   * last `months` x factor in all (flat to the as-of date, as cash from the money raised spends it; grown after it).
   * Without it, costs are flat all along: round / (months x factor).
   */
  readonly growth?: Float64Array;
}

/** Options of {@link collectHealthInputs}. */
export interface CollectOptions {
  /**
   * The date the inputs should describe ('2024-05', 'as of 2024-05'): facts
   * whose period starts after it are left aside (and named), and cash derived
   * from rounds is spent down to it. Default: no cut; the as-of date is the
   * latest period the chosen inputs rest on.
   */
  readonly asOf?: string | null;
  /** Where costs come from a headcount only: scale them to whole costs (default: staff costs only, a floor). */
  readonly staffCostScale?: StaffCostScale;
  /**
   * The currency to compute money in (default US dollars): a figure written
   * in it is taken as written, any other converts to US dollars at its own
   * period's rate, then at this one rate (`moneyFactor`, docs/fx.md).
   */
  readonly money?: MoneyIn;
  /**
   * Where the ledger gives no costs at all (no net loss, spend, burn or
   * headcount) but a dated equity round: costs a month = the latest round /
   * (months x factor), draw by draw (a round taken to fund that many months).
   * Default: no such fallback (costs stay missing).
   */
  readonly costsFromLastRound?: CostsFromLastRoundRule;
  /** Where the ledger gives no revenue figure: revenue 0 a month (pre-revenue). Default: revenue stays missing. */
  readonly revenueIfNone?: FallbackRule;
  /**
   * Cash derived from the money raised ({@link leastCashFromMoney}) instead
   * of health's rule (the rounds of {@link CASH_ROUND_WINDOW_MONTHS} before
   * the latest, less net burn since): the least cash consistent with every
   * equity round and funding total over a span that the ledger holds, cash
   * never having been negative. Default: health's rule.
   */
  readonly leastCashFromMoney?: FallbackRule;
  /** How notes name the way to act (`same_as` links): the command line's flag, the request's field, or neither (default). */
  readonly hint?: OptionHint;
}

/** A fallback a caller opts into, with what it says and rests on. */
export interface FallbackRule {
  readonly note: Text;
  readonly assumption: Assumption;
}

/** Which unit and period each input is kept in, and its label. */
export const HEALTH_INPUT_SHAPE: { readonly [K in HealthInputName]: { readonly per: Per | null; readonly unit: Unit; readonly label: Text } } = {
  valuation: { per: null, unit: 'USD', label: { en: 'valuation', zh: '估值' } },
  funding: { per: null, unit: 'USD', label: { en: 'funding raised', zh: '融资总额' } },
  cash: { per: null, unit: 'USD', label: { en: 'cash on hand', zh: '现金' } },
  revenue: { per: 'month', unit: 'USD', label: { en: 'revenue (company)', zh: '营收（公司）' } },
  revenueToDate: { per: null, unit: 'USD', label: { en: 'revenue to date', zh: '累计营收' } },
  mobileRevenue: { per: 'month', unit: 'USD', label: { en: 'mobile store revenue', zh: '移动应用商店收入' } },
  netBurn: { per: 'month', unit: 'USD', label: { en: 'net burn', zh: '净烧钱' } },
  grossBurn: { per: 'month', unit: 'USD', label: { en: 'gross burn (costs)', zh: '总支出' } },
  revenueGrowth: { per: 'month', unit: 'percent', label: { en: 'revenue growth', zh: '营收增速' } },
  costGrowth: { per: 'month', unit: 'percent', label: { en: 'cost growth', zh: '支出增速' } },
};

/** Rounds counted in cash derived from rounds: the latest round and those up to this many months before it (earlier money is taken as spent). */
export const CASH_ROUND_WINDOW_MONTHS = 12;

const t = (en: string, zh: string): Text => ({ en, zh });

/**
 * Gathers what a company's health and survival rest on, as draws in USD
 * (rates per month): the one set of inputs both analyses read. Each input
 * says whether it is reported, derived (with its formula and the facts
 * behind it) or assumed (with its rationale); an assumption is used only
 * where the ledger gives nothing to read or derive.
 *
 * Rules:
 * - revenue: the latest revenue run rate (annualised, / 12), else the latest
 *   revenue over a period; growth from two of the same kind at least a month
 *   apart, draw by draw; revenue to date and mobile store revenue of the
 *   products are kept apart;
 * - costs (gross burn): revenue + net loss of the same period, else spending
 *   (parts of one period summed; capex, a plan or a purchase, is not monthly
 *   costs), else net burn + revenue, else headcount x {@link COST_PER_HEAD}
 *   (staff only: a floor); their growth from two such periods;
 * - net burn: a burn or revenue-spending-gap fact, else costs - revenue;
 * - funding: equity only (a debt facility is not money raised); a total to
 *   date replaces the rounds before it;
 * - cash: a cash fact, else the equity rounds of the last
 *   {@link CASH_ROUND_WINDOW_MONTHS} months before the latest one, less net
 *   burn over the months from the first of them to the as-of date.
 *
 * Inputs resting on facts of different dates are named in the notes.
 */
export async function collectHealthInputs(
  store: Store,
  companyName: string,
  env: Env,
  assumptions: readonly HealthAssumptionInput[] = [],
  options: CollectOptions = {},
): Promise<HealthInputs> {
  const entity = await store.resolveEntity(companyName);
  for (const a of assumptions) readAssumption(a);
  const { fx } = await store.tables();
  const cut = options.asOf ? readAsOf(options.asOf) : null;
  const all = await store.listFacts({ entity: entity.id, includeProducts: true });
  const notes: Text[] = [];
  const later = cut ? all.filter((f) => f.period !== null && f.period.start > cut.end) : [];
  const facts = all.filter((f) => !later.includes(f));
  if (later.length) {
    notes.push(t(
      `As of ${asOfText(cut!)}: left aside ${later.length} fact${later.length === 1 ? '' : 's'} of later periods (${later.map((f) => `${f.id}, ${f.period!.text}`).join('; ')}).`,
      `截至 ${asOfText(cut!)}：未采用 ${later.length} 条期间更晚的事实（${later.map((f) => `${f.id}，${periodText(f.period!.text, 'zh')}`).join('；')}）。`,
    ));
  }
  const own = facts.filter((f) => f.entity === entity.id);
  const money = (metric: string): Fact[] => own.filter((x) => x.metric === metric && isCurrency(x.figure.unit));
  const found: Partial<Record<HealthInputName, HealthInput>> = {};
  const ctx: Ctx = { env, company: entity.id, fx, asOf: cut, conversions: new Map(), money: options.money ?? MONEY_IN_USD };
  if (entity.kind !== 'company') {
    notes.push({
      en: `${entity.nameEn} is ${entity.kind === 'aggregate' ? 'an' : 'a'} ${entity.kind}, not a company: cash, funding and burn are usually recorded on its owner${entity.parent ? ` (${entity.parent})` : ''}.`,
      zh: `${entity.nameZh ?? entity.nameEn} 是${ENTITY_KIND_ZH[entity.kind]}而非公司：现金、融资与烧钱通常记录在其所属公司${entity.parent ? `（${entity.parent}）` : ''}。`,
    });
  }

  // Stocks: latest fact of the metric.
  const valuation = choose(money('valuation'), 'valuation', notes);
  if (valuation) found.valuation = stockInput(ctx, 'valuation', [valuation]);
  const cashFact = choose(money('cash'), 'cash', notes);
  if (cashFact) found.cash = stockInput(ctx, 'cash', [cashFact]);

  // Funding: equity only; a total to date (period 'as of' / 'by') replaces the rounds before it; rounds after it add up.
  const fundingAll = money('funding');
  let fundingSpans: Fact[] = [];
  const debt = fundingAll.filter(isDebt);
  const funding = oneRoundEach(onceEach(fundingAll.filter((f) => !debt.includes(f)), ctx.fx, notes, options.hint), notes);
  if (debt.length) {
    notes.push(t(
      `Left out of funding raised: ${debt.map((f) => `${f.id} (${f.valueTextEn ?? f.valueText}${f.scope ? `, ${f.scope}` : ''})`).join('; ')}, debt rather than equity (a loan or facility is owed back, and a facility may never be drawn).`,
      `未计入融资总额：${debt.map((f) => `${f.id}（${f.valueText}）`).join('；')}，属债务而非股权融资（贷款须偿还，授信额度也未必动用）。`,
    ));
  }
  if (funding.length) {
    const totals = funding.filter((f) => f.period?.kind === 'asof');
    const lastTotal = latest(totals);
    const afterTotal = lastTotal ? [lastTotal, ...funding.filter((f) => f !== lastTotal && f.period !== null && f.period.start > lastTotal.period!.end)] : funding;
    // A total over a span ("raised over the last year") holds the rounds within it: they are not added again.
    const spans = afterTotal.filter(isFundingSpan);
    fundingSpans = funding.filter((f) => isFundingSpan(f) && !isUnconfirmed(f));
    const within = afterTotal.filter((f) => !spans.includes(f) && f.period !== null && spans.some((sp) => f.period!.start >= sp.period!.start && f.period!.end <= sp.period!.end));
    const used = afterTotal.filter((f) => !within.includes(f));
    if (within.length) {
      notes.push(t(
        `Funding raised counts ${within.map((f) => f.id).join(', ')} once: ${within.length === 1 ? 'it falls' : 'they fall'} within the period of the total ${spans.map((f) => `${f.id} (${f.period!.text})`).join(', ')}.`,
        `融资总额只计一次 ${within.map((f) => f.id).join('、')}：其期间落在总额 ${spans.map((f) => `${f.id}（${f.period!.text}）`).join('、')} 之内。`,
      ));
    }
    found.funding = stockInput(ctx, 'funding', used);
    const unconfirmed = used.filter(isUnconfirmed);
    if (unconfirmed.length) {
      notes.push({
        en: `Funding includes ${unconfirmed.map((f) => f.id).join(', ')}, a round reported as not closed or unconfirmed.`,
        zh: `融资总额包含 ${unconfirmed.map((f) => f.id).join('、')}，该轮融资据报道尚未完成或未经证实。`,
      });
    }
  }

  // Company revenue: a run rate first (annualised), else revenue over a period; a total to date is revenue to date.
  const runRates = money('revenue_run_rate').filter((f) => f.scope === null);
  const revenue = own.filter((x) => x.metric === 'revenue' && x.scope === null && isCurrency(x.figure.unit));
  const revenueRates = revenue.filter((f) => f.figure.per !== null || (f.period !== null && f.period.kind !== 'asof'));
  const rates = runRates.length ? runRates : revenueRates;
  const rate = choose(rates, 'revenue', notes);
  if (rate) {
    found.revenue = rateInput(ctx, 'revenue', [rate]);
    if (runRates.length && revenueRates.length) {
      notes.push(t(
        `Revenue is read from the run rate ${rate.id} (annualised revenue ${rate.period?.text ?? ''}); revenue over periods (${revenueRates.map((f) => f.id).join(', ')}) is used for costs and their growth.`,
        `营收取自年化营收 ${rate.id}（${rate.period ? periodText(rate.period.text, 'zh') : '无期间'}）；各期营收（${revenueRates.map((f) => f.id).join('、')}）用于推算支出及其增速。`,
      ));
    }
    const earlier = earlierRate(rates, rate);
    if (earlier) {
      const growth = growthInput(ctx, 'revenueGrowth', rate, earlier, found.revenue);
      if (growth) found.revenueGrowth = growth;
      else {
        notes.push({
          en: `Revenue growth is not derived from ${earlier.id} and ${rate.id}: ${earlier.id} can be 0 or less, and growth from nothing has no rate.`,
          zh: `未从 ${earlier.id} 与 ${rate.id} 推算营收增速：${earlier.id} 可能为 0 或更低，从零起步的增长没有增速可言。`,
        });
      }
    }
  }
  const toDate = choose(revenue.filter((f) => !revenueRates.includes(f)), 'revenueToDate', notes);
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
        en: `Also in the ledger: ${other.id} (${other.source.publisher}, ${other.basis}, ${other.scope ?? 'all stores'}, ${other.period?.text ?? 'no period'}): ${other.valueTextEn ?? other.valueText}, about ${formatValue(m, other.figure.unit, 'en')} a month; left aside for ${pick.used.map((f) => f.id).join(' + ')} (${pick.why}).`,
        zh: `账本中另有 ${other.id}（${publisherName(other.source.publisher, 'zh')}，${BASIS_ZH[other.basis] ?? other.basis}，${other.scope ? scopeName(other.scope, 'zh') : '全部商店'}，${other.period ? periodText(other.period.text, 'zh') : '无期间'}）：${other.valueText}，约每月${formatValue(m, other.figure.unit, 'zh')}；此处采用 ${pick.used.map((f) => f.id).join(' + ')}。`,
      });
    }
  }

  // Net burn stated by a source: a burn fact, else a revenue-spending gap.
  // Facts the ledger reports come before derived ones (a burn saved by an earlier health analysis is derived from the gap it read).
  const net = choose([...money('burn'), ...money('revenue_spending_gap')], 'netBurn', notes, true);
  if (net) found.netBurn = rateInput(ctx, 'netBurn', [net]);

  // Costs from the ledger: revenue + net loss, else spending (opex), else (below) net burn + revenue, else headcount.
  const costs = costsFromLedger(ctx, own, revenueRates, notes);
  if (costs) {
    found.grossBurn = costs.input;
    if (costs.growth) found.costGrowth = costs.growth;
  }

  // Assumptions fill only what the ledger neither holds nor implies, in this
  // order: the flows first, then burn (net burn, gross burn and revenue are
  // tied by gross = net + revenue: when two are known the third is derived,
  // never assumed beside them), then cash (derived from rounds and net burn
  // when it can be).
  const ignored: (HealthAssumptionInput & { reason?: Text })[] = [];
  const byInput = new Map<HealthInputName, HealthAssumptionInput>();
  for (const a of assumptions) {
    const reported = found[a.input];
    if (reported) {
      const ids = [...new Set(reported.facts.map((f) => f.id))].join(', ');
      ignored.push({ ...a, reason: t(`the ledger has a figure for it (${ids}): sourced facts come before an assumption`, `账本已有该数据（${ids.replaceAll(', ', '、')}）：有来源的事实优先于假设`) });
    } else byInput.set(a.input, a);
  }
  const assume = (name: HealthInputName): void => {
    const a = byInput.get(name);
    if (!a || found[name]) return;
    byInput.delete(name);
    found[name] = assumedInput(ctx, a);
  };
  for (const k of ['valuation', 'funding', 'revenue', 'revenueToDate', 'mobileRevenue', 'revenueGrowth', 'costGrowth'] as const) assume(k);
  if (!found.revenue && options.revenueIfNone) {
    const r = options.revenueIfNone;
    notes.push(r.note);
    found.revenue = { name: 'revenue', status: 'assumed', samples: new Float64Array(env.sampleCount), unit: ctx.money.code, per: 'month', formula: 'no revenue figure: 0 a month', inputs: [{ kind: 'assumption', id: r.assumption.id, label: 'revenue if none' }], facts: [], assumption: r.assumption };
  }
  // Costs = net burn + revenue when a source states the net burn.
  if (!found.grossBurn && found.netBurn && found.revenue) {
    found.grossBurn = derivedInput('grossBurn', 'net burn + revenue', [found.netBurn, found.revenue], (b, r) => b + r);
    dropImplied(byInput, ignored, 'grossBurn', t('derived instead as net burn + revenue, so that net burn, gross burn and revenue agree', '改由净烧钱 + 营收推算，使净烧钱、总支出与营收三者一致'));
  }
  if (!found.grossBurn) {
    const staff = costsFromHeadcount(ctx, own, notes, options.staffCostScale);
    if (staff) {
      found.grossBurn = staff;
      dropImplied(byInput, ignored, 'grossBurn', t('the ledger gives a headcount, and costs are derived from it (staff costs only, a floor); record a net loss, spend or burn fact for a fuller figure', '账本有员工人数，支出据此推算（仅含人员成本，是下限）；如需更完整的数字，请记录净亏损、支出或烧钱数据'));
    }
  }
  const rounds = equityRounds(funding, notes);
  if (!found.grossBurn && options.costsFromLastRound) {
    const c = costsFromLastRound(ctx, rounds, notes, options.costsFromLastRound);
    if (c) found.grossBurn = c;
  }
  if (!found.netBurn && found.grossBurn && found.revenue) {
    dropImplied(byInput, ignored, 'netBurn', t('derived instead as gross burn - revenue, so that net burn, gross burn and revenue agree', '改由总支出 - 营收推算，使净烧钱、总支出与营收三者一致'));
  }
  assume('grossBurn');
  if (!found.netBurn && found.grossBurn && found.revenue) {
    found.netBurn = derivedInput('netBurn', 'gross burn - revenue', [found.grossBurn, found.revenue], (g, r) => g - r);
  }
  if (!found.grossBurn && found.netBurn && found.revenue) {
    found.grossBurn = derivedInput('grossBurn', 'net burn + revenue', [found.netBurn, found.revenue], (b, r) => b + r);
  }
  assume('netBurn');

  // As of: the date given, else the latest period the flows and rounds rest on.
  const flowFacts = [...(found.revenue?.facts ?? []), ...(found.grossBurn?.facts ?? []), ...(found.netBurn?.facts ?? [])];
  const asOfEnd = cut?.end ?? maxEnd([...flowFacts, ...rounds, ...(cashFact ? [cashFact] : [])]);

  // Cash: a cash fact (spent down to the as-of date, with the rounds closed since), else rounds less net burn since.
  // (Only at an as-of date that was asked for, as the survival simulation does: without one, the cash figure
  // stands at its own date and the dates of the inputs are named.)
  if (found.cash && cashFact?.period && cut && asOfEnd) {
    const later = rounds.filter((f) => f.period!.end > cashFact.period!.end && f.period!.end <= asOfEnd);
    found.cash = cashSince(ctx, found.cash, cashFact, later, found.netBurn, asOfEnd, notes);
  }
  if (!found.cash && (rounds.length || (options.leastCashFromMoney && fundingSpans.length)) && asOfEnd) {
    const c = options.leastCashFromMoney
      ? leastCashFromMoney(ctx, rounds, fundingSpans, found.netBurn, asOfEnd, notes, options.leastCashFromMoney)
      : cashFromRounds(ctx, rounds, found.netBurn, asOfEnd, notes);
    if (c) {
      found.cash = c;
      dropImplied(byInput, ignored, 'cash', t(
        'derived instead from the rounds raised less net burn since; to use a cash figure of your own, record it in the ledger: a cash fact (metric cash, with its source) comes before this derivation',
        '改由已融资金额减去此后的净烧钱推算；如需采用你自己的现金数字，请在账本中记录一条注明来源的现金余额事实，它优先于此推算',
      ));
    }
  }
  assume('cash');
  for (const a of byInput.values()) ignored.push({ ...a, reason: t('not needed: the input is derived from the others', '无需假设：该输入可由其他输入推算') });

  datesNote(found, notes, options);
  return { entity, found, notes, ignoredAssumptions: ignored, asOf: asOfEnd, conversions: [...ctx.conversions.values()], rounds, leftAside: later };
}

/**
 * The conversions the inputs rest on (`HealthInputs.conversions`) as notes,
 * in both languages: the one wording health, survival and the backtest's
 * forecast inputs show them in.
 *
 *   Converted: fact-… (€209 million): EUR->USD at 0.937 EUR per USD (monthly average of 2023-09; U.S. Federal Reserve H.10 via FRED)
 *   币种换算：…
 */
export function conversionNotes(conversions: readonly Text[]): Text[] {
  return conversions.map((c) => t(`Converted: ${c.en}`, `币种换算：${c.zh}`));
}

/** Drops the assumption for an input that is derived from the others, naming why. */
function dropImplied(byInput: Map<HealthInputName, HealthAssumptionInput>, ignored: (HealthAssumptionInput & { reason?: Text })[], name: HealthInputName, reason: Text): void {
  const a = byInput.get(name);
  if (!a) return;
  byInput.delete(name);
  ignored.push({ ...a, reason });
}

/**
 * One fact for each figure several sources report alike (one round written by
 * several outlets, in any currency): the fact groups of economics/common
 * (`groupFacts`: same_as links, or agreement within the written precision
 * after FX), each counted once through its preferred fact, the others named
 * as corroboration; a group whose members disagree is named as such.
 */
function onceEach(facts: readonly Fact[], fx: FxTable, notes: Text[], hint?: OptionHint): Fact[] {
  const out: Fact[] = [];
  for (const g of groupFacts(facts, fx)) {
    out.push(g.preferred);
    if (g.members.length === 1) continue;
    const used = g.preferred;
    const others = g.corroboration.map((c) => c.fact);
    const apart = groupApartText(g);
    const disagree = apart ? t(` ${apart.en}`, apart.zh) : t('', '');
    const joined = groupJoinedText(g, hint);
    notes.push(t(
      `Counted once: ${used.id} (${used.source.publisher}, ${used.valueTextEn ?? used.valueText}, ${used.period?.text ?? 'no period'}) and ${others.map((f) => `${f.id} (${f.source.publisher}, ${f.valueTextEn ?? f.valueText})`).join(', ')} report the same figure${joined.en}; ${used.id} is used.${disagree.en}`,
      `只计一次：${used.id}（${used.source.publisher}，${used.valueText}，${used.period ? periodText(used.period.text, 'zh') : '无期间'}）与 ${others.map((f) => `${f.id}（${f.source.publisher}，${f.valueText}）`).join('、')} 报道的是同一数字${joined.zh}；采用 ${used.id}。${disagree.zh}`,
    ));
  }
  return out;
}

/** A funding fact read as one equity round: scope 'round', or a period of a month or less that is not an 'as of' total. */
function isRound(f: Fact): boolean {
  return f.period !== null && (f.scope === 'round' || (f.period.kind !== 'asof' && periodMonths(f.period) <= 1.05));
}

/**
 * One fact for each round that several sources report with figures that do
 * not agree: after {@link onceEach} (which joins linked facts and figures
 * that agree), two rounds that are the same thing (ledger's `sameThing`: the
 * same entity, metric, scope and period) are one round reported differently,
 * not two rounds; summing them would count it twice. The choose rule picks
 * the one used, and a note names both, says that they disagree, and how to
 * say otherwise (a scope or definition of its own for a second round).
 */
function oneRoundEach(funding: readonly Fact[], notes: Text[]): Fact[] {
  const done = new Set<Fact>();
  const out: Fact[] = [];
  for (const f of funding) {
    if (done.has(f)) continue;
    done.add(f);
    if (!isRound(f)) {
      out.push(f);
      continue;
    }
    const same = funding.filter((g) => !done.has(g) && isRound(g) && sameThing(f, g));
    if (!same.length) {
      out.push(f);
      continue;
    }
    for (const g of same) done.add(g);
    const choice = chooseFact([f, ...same])!;
    const used = choice.chosen;
    out.push(used);
    const others = choice.others;
    const when = used.period!.text;
    notes.push(t(
      `Counted once: ${used.id} (${used.source.publisher}, ${used.valueTextEn ?? used.valueText}) and ${others.map((o) => `${o.fact.id} (${o.fact.source.publisher}, ${o.fact.valueTextEn ?? o.fact.valueText})`).join(', ')} are each a round of ${when} with the same scope, but their figures do not agree within their stated precision, so they are taken as one round reported differently, not ${others.length + 1} rounds; ${used.id} is used (${others.map((o) => o.reason.en).join('; ')}). Check which figure holds; if they are different rounds, give each its own scope or definition.`,
      `只计一次：${used.id}（${used.source.publisher}，${used.valueText}）与 ${others.map((o) => `${o.fact.id}（${o.fact.source.publisher}，${o.fact.valueText}）`).join('、')} 都是 ${periodText(when, 'zh')} 的同一范围融资，但数字超出其标称精度、相互不一致，因此视为同一轮融资的不同报道，而非 ${others.length + 1} 轮；采用 ${used.id}（${others.map((o) => o.reason.zh).join('；')}）。请核实哪个数字成立；如果确是不同轮次，请为每一轮注明各自的范围或定义。`,
    ));
  }
  return out;
}

/** A funding fact that is debt, not equity: scope 'debt', or the words of a loan, credit line or debt facility. */
function isDebt(f: Fact): boolean {
  if (f.scope !== null && /\b(debt|loan|credit)\b/i.test(f.scope)) return true;
  return /\b(debt facility|credit facility|credit line|line of credit|loan|debt financing)\b/i.test(`${f.definition ?? ''} ${f.notes ?? ''}`);
}

function isUnconfirmed(f: Fact): boolean {
  return /not closed|unconfirmed|being raised/i.test(`${f.definition ?? ''} ${f.notes ?? ''}`);
}

/** Equity rounds with a period of their own: scope 'round', or a month or less; unconfirmed ones are left aside (named). */
function equityRounds(funding: readonly Fact[], notes: Text[]): Fact[] {
  const rounds = funding.filter(isRound);
  const unconfirmed = rounds.filter(isUnconfirmed);
  if (unconfirmed.length) {
    notes.push(t(
      `Cash is not derived from ${unconfirmed.map((f) => f.id).join(', ')}: the round is reported as not closed or unconfirmed.`,
      `现金推算未计入 ${unconfirmed.map((f) => f.id).join('、')}：该轮融资据报道尚未完成或未经证实。`,
    ));
  }
  return rounds.filter((f) => !unconfirmed.includes(f));
}

/**
 * Cash from rounds: the latest round and the rounds of the
 * {@link CASH_ROUND_WINDOW_MONTHS} months before it, less net burn over the
 * months from the first of them to the as-of date, draw by draw. Null when
 * there is no net burn to spend them down with.
 */
/**
 * A reported cash figure moved to the as-of date: cash at its date, plus the
 * equity rounds closed since, less net burn over the months between, draw by
 * draw (the same arithmetic as cash from rounds). Unchanged when the figure is
 * of the as-of month, or when there is no net burn to spend it with (named).
 */
function cashSince(ctx: Ctx, cash: HealthInput, cashFact: Fact, later: readonly Fact[], netBurn: HealthInput | undefined, asOfEnd: string, notes: Text[]): HealthInput {
  const months = Math.max(0, Math.round(monthsBetween(cashFact.period!.end, asOfEnd) * 100) / 100);
  if (months < 1 && !later.length) return cash;
  if (!netBurn) {
    notes.push(t(
      `Cash is ${cashFact.id} as of ${cashFact.period!.text}, ${months} months before ${asOfEnd.slice(0, 7)}, not spent down: no net burn to spend it with; record a burn, spend or net_loss fact.`,
      `现金取 ${cashFact.id}（${cashFact.period!.text}），比 ${asOfEnd.slice(0, 7)} 早 ${months} 个月，未扣减此后的开支：没有净烧钱数据；请记录烧钱、支出或净亏损数据。`,
    ));
    return cash;
  }
  const raised = later.length ? stockInput(ctx, 'funding', later) : null;
  const start = raised ? cash.samples.map((x, i) => x + raised.samples[i]!) : cash.samples;
  const { samples, negative } = spentDown(start, netBurn, months);
  const plus = later.length ? ` + ${later.map((f) => f.id).join(' + ')}` : '';
  const formula = `${cashFact.id}${plus} - net burn x ${months} months (${cashFact.period!.text} to ${asOfEnd.slice(0, 7)})`;
  const formulaZh = `${cashFact.id}${plus} - 净烧钱 × ${months} 个月（${cashFact.period!.text} 至 ${asOfEnd.slice(0, 7)}）`;
  notes.push(t(
    `Cash is derived: ${formula}: the reported cash moved to ${asOfEnd.slice(0, 7)}${later.length ? ' with the rounds closed since' : ''}, net burn taken as flat${negative ? `; in ${pct(negative / samples.length)} of draws it is spent by then (cash below 0)` : ''}.`,
    `现金为推算值：${formulaZh}：把报道的现金推到 ${asOfEnd.slice(0, 7)}${later.length ? '，并计入此后完成的融资' : ''}，假定净烧钱不变${negative ? `；${pct(negative / samples.length)}的抽样中届时现金已耗尽（低于 0）` : ''}。`,
  ));
  return derivedCash(samples, netBurn.unit, formula, [...cash.inputs, ...(raised?.inputs ?? []), ...netBurn.inputs], [...cash.facts, ...(raised?.facts ?? []), ...netBurn.facts]);
}

/** Cash at the start less net burn over `months`, draw by draw, and how many draws end below 0. */
function spentDown(start: Float64Array, netBurn: HealthInput, months: number): { samples: Float64Array; negative: number } {
  const b = netBurn.samples;
  const samples = new Float64Array(start.length);
  let negative = 0;
  for (let i = 0; i < samples.length; i++) {
    samples[i] = start[i]! - b[i]! * months;
    if (samples[i]! < 0) negative++;
  }
  return { samples, negative };
}

/** Cash derived by arithmetic over facts (rounds, a reported figure, net burn): the input as health shows it. */
function derivedCash(samples: Float64Array, unit: Unit, formula: string, inputs: readonly InputRef[], facts: readonly Fact[]): HealthInput {
  return { name: 'cash', status: 'derived', samples, unit, per: null, formula, inputs, facts };
}

function cashFromRounds(ctx: Ctx, rounds: readonly Fact[], netBurn: HealthInput | undefined, asOfEnd: string, notes: Text[]): HealthInput | null {
  const upTo = rounds.filter((f) => f.period!.end <= asOfEnd || f.period!.start <= asOfEnd);
  const last = latest(upTo);
  if (!last) return null;
  const from = addMonths(last.period!.end, -CASH_ROUND_WINDOW_MONTHS);
  const used = upTo.filter((f) => f.period!.end >= from).sort((a, b) => a.period!.end.localeCompare(b.period!.end));
  const first = used[0]!;
  if (!netBurn) {
    notes.push(t(
      `Cash is not derived from the rounds (${used.map((f) => f.id).join(', ')}): no net burn to spend them down with; record a burn, spend or net_loss fact.`,
      `未能由融资轮次（${used.map((f) => f.id).join('、')}）推算现金：没有净烧钱数据可用来扣减；请记录烧钱、支出或净亏损数据。`,
    ));
    return null;
  }
  const months = Math.max(0, Math.round(monthsBetween(first.period!.end, asOfEnd) * 100) / 100);
  const raised = stockInput(ctx, 'cash', used);
  const { samples, negative } = spentDown(raised.samples, netBurn, months);
  const sum = used.map((f) => f.id).join(' + ');
  const formula = `${used.length > 1 ? `(${sum})` : sum} - net burn x ${months} months (${first.period!.text} to ${asOfEnd.slice(0, 7)})`;
  const formulaZh = `${used.length > 1 ? `(${sum})` : sum} - 净烧钱 × ${months} 个月（${first.period!.text} 至 ${asOfEnd.slice(0, 7)}）`;
  const earlier = rounds.filter((f) => !used.includes(f) && f.period!.end < from);
  notes.push(t(
    `Cash is derived: ${formula}. Rounds before ${from.slice(0, 7)}${earlier.length ? ` (${earlier.map((f) => f.id).join(', ')})` : ''} are taken as spent, and net burn as flat since the first round counted${negative ? `; in ${pct(negative / samples.length)} of draws the rounds are spent by then (cash below 0)` : ''}.`,
    `现金为推算值：${formulaZh}。${from.slice(0, 7)} 之前的融资${earlier.length ? `（${earlier.map((f) => f.id).join('、')}）` : ''}视为已花完，并假定自所计首轮以来净烧钱不变${negative ? `；${pct(negative / samples.length)}的抽样中届时资金已耗尽（现金低于 0）` : ''}。`,
  ));
  return derivedCash(samples, netBurn.unit, formula, [...used.map((f) => factRef(f)), ...netBurn.inputs], [...used, ...netBurn.facts]);
}

/** A funding total over a span of more than a month ("raised $7.3B over the year"): not a round, not a total to date. */
function isFundingSpan(f: Fact): boolean {
  return f.scope !== 'round' && f.period !== null && f.period.kind !== 'asof' && periodMonths(f.period) > 1.05;
}

/**
 * Cash at the as-of date as the least amount consistent with the money the
 * ledger knows of, draw by draw. A going company never had negative cash, so
 * for any start s, cash(as of) = cash(before s) + money raised from s -
 * spending since s >= money raised from s - net burn x months since s. Every
 * start gives a lower bound; the cash is the largest of them, and 0 (the
 * empty window: the company was going at the date). The starts are the
 * rounds (at their period's end, as health counts them) and the funding
 * totals over a span (at the span's start: the money may have come at any
 * time in it); a round within a span counted in a window is not added again.
 * Health's rule is one of these windows, so this is never below it; and no
 * money is counted twice, since each window spends from its own start. Net
 * burn is flat over each window (health's habit). Null without net burn.
 */
function leastCashFromMoney(ctx: Ctx, rounds: readonly Fact[], spans: readonly Fact[], netBurn: HealthInput | undefined, asOfEnd: string, notes: Text[], rule: FallbackRule): HealthInput | null {
  const within = (r: Fact, sp: Fact): boolean => r.period!.start >= sp.period!.start && r.period!.end <= sp.period!.end;
  const items = [
    ...rounds.filter((f) => f.period!.start <= asOfEnd).map((fact) => ({ fact, at: fact.period!.end, span: false })),
    ...spans.filter((f) => f.period!.start <= asOfEnd).map((fact) => ({ fact, at: fact.period!.start, span: true })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.fact.id.localeCompare(b.fact.id));
  if (!items.length) return null;
  if (!netBurn) {
    notes.push(t(
      `Cash is not derived from the money raised (${items.map((x) => x.fact.id).join(', ')}): no net burn to spend it down with; record a burn, spend or net_loss fact.`,
      `未能由已融资金额（${items.map((x) => x.fact.id).join('、')}）推算现金：没有净烧钱数据可用来扣减；请记录烧钱、支出或净亏损数据。`,
    ));
    return null;
  }
  const draws = items.map((x) => factDraws(ctx, x.fact, false, `cash/${x.fact.id}`).samples);
  const starts = [...new Set(items.map((x) => x.at))];
  const windows = starts.map((at) => {
    const spansIn = items.filter((x) => x.span && x.at >= at);
    const used = items.filter((x) => x.at >= at && (x.span || !spansIn.some((sp) => within(x.fact, sp.fact))));
    const months = Math.max(0, Math.round(monthsBetween(at, asOfEnd) * 100) / 100);
    const sum = used.map((x) => x.fact.id).join(' + ');
    const money = used.length > 1 ? `(${sum})` : sum;
    return { at, used, idx: used.map((x) => items.indexOf(x)), months, text: `${money} - net burn x ${months} months (from ${at.slice(0, 7)})`, textZh: `${money} - 净烧钱 × ${months} 个月（自 ${at.slice(0, 7)} 起）` };
  });
  const b = netBurn.samples;
  const samples = new Float64Array(b.length);
  const wins = new Array<number>(windows.length + 1).fill(0);
  for (let j = 0; j < samples.length; j++) {
    let best = 0, which = windows.length;
    windows.forEach((w, k) => {
      let v = -b[j]! * w.months;
      for (const i of w.idx) v += draws[i]![j]!;
      if (v > best) { best = v; which = k; }
    });
    samples[j] = best;
    wins[which]!++;
  }
  const share = (k: number): string => pct(wins[k]! / samples.length);
  const formula = `max(0, ${windows.map((w) => w.text).join('; ')}) to ${asOfEnd.slice(0, 7)}`;
  const formulaZh = `max(0, ${windows.map((w) => w.textZh).join('；')})，截至 ${asOfEnd.slice(0, 7)}`;
  const largest = windows.map((w, k) => ({ w, k })).filter((x) => wins[x.k]! > 0);
  notes.push(rule.note);
  notes.push(t(
    `Cash is derived: ${formula}: each window is a lower bound (cash never below 0 before it); the largest is taken, draw by draw${largest.length ? ` (${largest.map((x) => `from ${x.w.at.slice(0, 7)} in ${share(x.k)} of draws`).join(', ')})` : ''}${wins[windows.length] ? `; in ${share(windows.length)} of draws the money known is spent by then, and cash is 0` : ''}.`,
    `现金为推算值：${formulaZh}：每个区间都给出下限（此前现金从未低于 0），逐个抽样取其中最大者${largest.length ? `（${largest.map((x) => `自 ${x.w.at.slice(0, 7)} 起的区间占 ${share(x.k)}`).join('，')}）` : ''}${wins[windows.length] ? `；${share(windows.length)}的抽样中已知资金届时已耗尽，现金取 0` : ''}。`,
  ));
  const facts = items.map((x) => x.fact);
  return derivedCash(samples, netBurn.unit, formula, [...facts.map((f) => factRef(f)), ...netBurn.inputs, { kind: 'assumption', id: rule.assumption.id, label: 'cash from the money raised' }], [...facts, ...netBurn.facts]);
}

/**
 * Costs a month from the ledger, and their growth when two periods give them:
 * revenue + net loss of the same period, else spending of one period (its
 * parts summed; capex left out). Null when neither is there.
 */
function costsFromLedger(ctx: Ctx, own: readonly Fact[], revenueRates: readonly Fact[], notes: Text[]): { input: HealthInput; growth?: HealthInput } | null {
  const isMoney = (f: Fact) => isCurrency(f.figure.unit) && f.period !== null;
  const spendAll = own.filter((f) => f.metric === 'spend' && isMoney(f));
  const capex = spendAll.filter(isCapex);
  if (capex.length) {
    notes.push(t(
      `Not counted as costs: ${capex.map((f) => `${f.id} (${f.valueTextEn ?? f.valueText}${f.scope ? `, ${f.scope}` : ''})`).join('; ')}: capital expenditure (a plan or a purchase) is not monthly costs.`,
      `未计入支出：${capex.map((f) => `${f.id}（${f.valueText}）`).join('；')}：资本开支（计划或购置）不是每月支出。`,
    ));
  }
  const spend = spendAll.filter((f) => !capex.includes(f));
  // Revenue + net loss, period by period.
  const pairs: { period: Period; facts: Fact[]; loss: Fact; rev: Fact }[] = [];
  for (const loss of own.filter((f) => f.metric === 'net_loss' && isMoney(f))) {
    const rev = revenueRates.find((r) => r.period !== null && r.period.start === loss.period!.start && r.period.end === loss.period!.end);
    if (rev) pairs.push({ period: loss.period!, facts: [rev, loss], loss, rev });
  }
  const lossOnly = own.filter((f) => f.metric === 'net_loss' && isMoney(f) && !pairs.some((p) => p.loss === f));
  if (lossOnly.length && !pairs.length) {
    notes.push(t(
      `Costs are not derived from ${lossOnly.map((f) => f.id).join(', ')}: a net loss gives costs only with revenue of the same period (costs = revenue + net loss); record it.`,
      `未由 ${lossOnly.map((f) => f.id).join('、')} 推算支出：净亏损须配合同期营收才能得出支出（支出 = 营收 + 净亏损）；请记录同期营收。`,
    ));
  }
  if (pairs.length) {
    pairs.sort((a, b) => b.period.end.localeCompare(a.period.end));
    const [p, ...rest] = pairs;
    const input = sumInput(ctx, 'grossBurn', p!.facts, true, 'revenue + net loss');
    if (spend.length) {
      notes.push(t(
        `Costs are revenue + net loss (${p!.rev.id} + ${p!.loss.id}), which count all costs; spending facts (${spend.map((f) => `${f.id}${f.scope ? `, ${f.scope}` : ''}`).join('; ')}) are a part of them and are left aside.`,
        `支出按营收 + 净亏损（${p!.rev.id} + ${p!.loss.id}）计算，涵盖全部支出；支出类事实（${spend.map((f) => f.id).join('、')}）只是其中一部分，未采用。`,
      ));
    }
    const prev = rest.find((q) => monthsBetween(mid(q.period), mid(p!.period)) >= 1);
    let growth: HealthInput | undefined;
    if (prev) {
      const before = sumInput(ctx, 'costGrowth', prev.facts, true);
      growth = ratioGrowth('costGrowth', input, before, p!.period, prev.period, [...p!.facts, ...prev.facts], `(${p!.rev.id} + ${p!.loss.id}) / (${prev.rev.id} + ${prev.loss.id})`) ?? undefined;
    }
    return { input, ...(growth ? { growth } : {}) };
  }
  if (spend.length) {
    const byPeriod = new Map<string, Fact[]>();
    for (const f of spend) byPeriod.set(f.period!.text, [...(byPeriod.get(f.period!.text) ?? []), f]);
    const groups = [...byPeriod.values()].sort((a, b) => b[0]!.period!.end.localeCompare(a[0]!.period!.end));
    const pickGroup = (g: Fact[]): Fact[] => {
      // one fact per scope (a whole and its parts are not added up): the whole when given, else the parts
      const whole = g.filter((f) => f.scope === null);
      return whole.length ? [choose(whole, 'grossBurn', notes, true)!] : [...new Map(g.map((f) => [f.scope, f])).values()];
    };
    const used = pickGroup(groups[0]!);
    const parts = used.filter((f) => f.scope !== null);
    const input = sumInput(ctx, 'grossBurn', used, true, used.length > 1 ? `spending in parts: ${used.map((f) => f.scope).join(' + ')}` : '');
    if (parts.length) {
      notes.push(t(
        `Costs are spending reported in part${parts.length > 1 ? 's' : ''} (${parts.map((f) => `${f.id}: ${f.scope}`).join('; ')}), ${groups[0]![0]!.period!.text}; costs the source does not cover are not in it.`,
        `支出取自分项报道的开支（${parts.map((f) => f.id).join('、')}），${groups[0]![0]!.period!.text}；来源未涵盖的支出不在其中。`,
      ));
    }
    let growth: HealthInput | undefined;
    const prevGroup = groups.slice(1).find((g) => monthsBetween(mid(g[0]!.period!), mid(groups[0]![0]!.period!)) >= 1);
    if (prevGroup) {
      const prevUsed = pickGroup(prevGroup);
      if (sameScopes(prevUsed, used)) {
        const before = sumInput(ctx, 'costGrowth', prevUsed, true);
        growth = ratioGrowth('costGrowth', input, before, groups[0]![0]!.period!, prevGroup[0]!.period!, [...used, ...prevUsed], `(${used.map((f) => f.id).join(' + ')}) / (${prevUsed.map((f) => f.id).join(' + ')})`) ?? undefined;
      }
    }
    return { input, ...(growth ? { growth } : {}) };
  }
  return null;
}

/** Staff costs a month: the latest headcount x {@link COST_PER_HEAD} / 12 (a floor: compute is not in it). */
function costsFromHeadcount(ctx: Ctx, own: readonly Fact[], notes: Text[], scale?: StaffCostScale): HealthInput | null {
  const heads = own.filter((f) => f.metric === 'headcount' && f.figure.unit === 'count');
  const h = choose(heads, 'grossBurn', notes);
  if (!h) return null;
  const n = draw(ctx, factSpec(h), `grossBurn/${h.id}`);
  const per = readValueText(COST_PER_HEAD.value, { name: 'cost per head', defaultUnit: 'USD', defaultPer: COST_PER_HEAD.per });
  const cost = draw(ctx, scaleSpec(per.spec, perMonthFactor(COST_PER_HEAD.per) * ctx.money.perUsd), 'grossBurn/cost-per-head');
  // the cost per head is in US dollars (COST_PER_HEAD): the formula says so, and at what rate it is shown in another currency
  const inMoney = ctx.money.rate ? `; USD->${ctx.money.code} at ${ctx.money.rate}` : '';
  const samples = new Float64Array(n.length);
  for (let i = 0; i < n.length; i++) samples[i] = n[i]! * cost[i]! * (scale ? scale.factor[i]! : 1);
  const id = 'health.assumption.costPerHead';
  const assumption: Assumption = {
    id,
    text: t(`cost per head: ${COST_PER_HEAD.value} USD a year, the same for every company`, `人均成本：每年${COST_PER_HEAD.valueZh}，所有公司相同`),
    rationale: t(`${COST_PER_HEAD.rationale.en} (source: ${COST_PER_HEAD.source.en})`, `${COST_PER_HEAD.rationale.zh}（来源：${COST_PER_HEAD.source.zh}）`),
    value: { text: COST_PER_HEAD.value, spec: per.spec, unit: 'USD', per: COST_PER_HEAD.per },
  };
  if (scale) notes.push(scale.note);
  else {
    notes.push(t(
      `Costs are staff costs only: ${h.id} (headcount ${h.valueTextEn ?? h.valueText}, ${h.period?.text ?? 'no period'}) x a cost per head of ${COST_PER_HEAD.value} USD a year; compute is not in it, so this is a floor.`,
      `支出仅为人员成本：${h.id}（员工数“${h.valueText}”，${h.period ? periodText(h.period.text, 'zh') : '无期间'}）乘以每人每年${COST_PER_HEAD.valueZh}；不含算力，因此只是下限。`,
    ));
  }
  return {
    name: 'grossBurn',
    status: 'derived',
    samples,
    unit: ctx.money.code,
    per: 'month',
    formula: scale
      ? `${h.id} x cost per head (${COST_PER_HEAD.value} USD a year${inMoney}) / 12 ${scale.formula}`
      : `${h.id} x cost per head (${COST_PER_HEAD.value} USD a year${inMoney}) / 12 (staff costs only)`,
    inputs: [factRef(h), { kind: 'assumption', id, label: 'cost per head' }, ...(scale ? [{ kind: 'assumption' as const, id: scale.assumption.id, label: 'staff share of costs' }] : [])],
    facts: [h],
    assumption,
  };
}

/**
 * Costs a month from the latest round begun by the as-of date: its USD draws
 * / (months x factor). Null without a round.
 *
 * The company is going at the as-of date, so the round lasted at least from
 * its date to then: where some draws of the factor would have spent it
 * before (months x factor < months since the round), the factor is drawn
 * from its distribution conditioned on lasting (`rule.lasting`), and a note
 * says how many draws fell short.
 */
function costsFromLastRound(ctx: Ctx, rounds: readonly Fact[], notes: Text[], rule: CostsFromLastRoundRule): HealthInput | null {
  const upTo = ctx.asOf ? rounds.filter((f) => f.period!.start <= ctx.asOf!.end) : rounds;
  const last = latest(upTo);
  if (!last) return null;
  notes.push(rule.note);
  // The round's own draws, the very ones cash from the money raised spends (stream `cash/<id>`): the condition
  // below (the round lasted to the date) then holds draw by draw, also for a round written as a range.
  const round = factDraws(ctx, last, false, `cash/${last.id}`);
  const since = ctx.asOf ? Math.max(0, Math.round(monthsBetween(last.period!.end, ctx.asOf.end) * 100) / 100) : 0;
  const min = since / rule.months;
  let short = 0;
  for (const x of rule.factor) if (x < min) short++;
  // conditioned whenever time has passed (a draw far above the bound is left as it is), so that the formula does
  // not depend on how many draws happened to fall short
  const lasting = since > 0 ? rule.lasting(min) : null;
  const factor = lasting?.factor ?? rule.factor;
  const samples = new Float64Array(round.samples.length);
  // The months the round lasts in all, months x factor, split at the as-of date: `since` before it, spent flat (as
  // cash from the money raised spends it), and the rest after it, at the growth the simulation applies from the
  // date on: costs = round / (since + ((1 + g)^left - 1) / g), so that the round runs out exactly months x factor
  // after it was raised (with no revenue and no new round), not sooner.
  const g = rule.growth;
  for (let i = 0; i < samples.length; i++) {
    const left = Math.max(0, rule.months * factor[i]! - since);
    samples[i] = round.samples[i]! / (since + (g ? monthsOfGrowingCosts(g[i]!, left) : left));
  }
  const minText = Math.round(min * 100) / 100;
  if (lasting && (short || lasting.least)) {
    notes.push(lasting.least
      ? t(
        `The company is going at the as-of date, ${since} months after its latest round (${last.id}), but at ${rule.months} months x the round-interval factor that round lasting so long is beyond the factor's range: the least factor that lasts, ${minText}, is used in every draw.`,
        `截至评估日，公司仍在经营，距最近一轮融资（${last.id}）已 ${since} 个月，但按 ${rule.months} 个月 × 融资间隔系数，该轮资金撑这么久已超出系数的范围：所有抽样改用能撑到那时的最小系数 ${minText}。`,
      )
      : t(
        `The company is going at the as-of date, ${since} months after its latest round (${last.id}): at ${rule.months} months x the round-interval factor, that round would have run out before then in ${pct(short / factor.length)} of draws (a factor below ${minText}), so the factor is drawn from its distribution given that the round lasted (at least ${minText}).`,
        `截至评估日，公司仍在经营，距最近一轮融资（${last.id}）已 ${since} 个月：按 ${rule.months} 个月 × 融资间隔系数，${pct(short / factor.length)}的抽样中该轮资金在此之前就会耗尽（系数低于 ${minText}），因此系数改按“该轮资金撑到了评估日”（至少 ${minText}）的条件分布抽取。`,
      ));
  }
  return {
    name: 'grossBurn',
    status: 'derived',
    samples,
    unit: ctx.money.code,
    per: 'month',
    formula: g
      ? `${last.id} / (${since} months since the round + the rest of ${rule.months} months x round-interval factor${lasting ? ` (at least ${minText}: the round lasted the ${since} months to the as-of date)` : ''} at the cost growth) (no cost figure: the latest round taken to fund ${rule.months} months x the factor, its costs growing from the as-of date as the simulation grows them)`
      : `${last.id} / (${rule.months} months x round-interval factor${lasting ? `, at least ${minText}: the round lasted the ${since} months to the as-of date` : ''}) (no cost figure: the latest round taken to fund ${rule.months} months x the factor)`,
    inputs: [factRef(last), { kind: 'assumption', id: rule.assumption.id, label: 'costs from the latest round' }],
    facts: [last],
    assumption: rule.assumption,
  };
}

/**
 * How many months of today's costs `months` months of costs growing at `g` a month cost: ((1 + g)^months - 1) / g
 * (months itself at g = 0). A round that must last `months` from today at that growth pays costs of round / this.
 */
function monthsOfGrowingCosts(g: number, months: number): number {
  return Math.abs(g) < 1e-12 ? months : ((1 + g) ** months - 1) / g;
}

function isCapex(f: Fact): boolean {
  if (f.scope !== null && /capex|capital/i.test(f.scope)) return true;
  return /\bcapex\b|capital expenditure|earmarked/i.test(`${f.definition ?? ''} ${f.notes ?? ''} ${f.valueTextEn ?? ''} ${f.valueText}`);
}

function sameScopes(a: readonly Fact[], b: readonly Fact[]): boolean {
  const k = (x: readonly Fact[]) => x.map((f) => f.scope ?? '').sort().join('|');
  return k(a) === k(b);
}

/** An input computed draw by draw from others (net burn = gross burn - revenue ...): it rests on their facts and assumptions. */
function derivedInput(name: HealthInputName, formula: string, from: readonly HealthInput[], f: (a: number, b: number) => number): HealthInput {
  const [a, b] = from as [HealthInput, HealthInput];
  const samples = new Float64Array(a.samples.length);
  for (let i = 0; i < samples.length; i++) samples[i] = f(a.samples[i]!, b.samples[i]!);
  const shape = HEALTH_INPUT_SHAPE[name];
  return {
    name,
    status: 'derived',
    samples,
    unit: shape.unit === 'USD' ? a.unit : shape.unit,
    per: shape.per,
    formula,
    inputs: from.flatMap((x) => x.inputs),
    facts: from.flatMap((x) => x.facts),
  };
}

/** The fallbacks a caller can opt into (`CollectOptions`), the input each gives, and how the dates note names it. */
const FALLBACKS: readonly { readonly option: 'costsFromLastRound' | 'leastCashFromMoney' | 'revenueIfNone'; readonly input: HealthInputName; readonly how: Text; readonly noun: Text }[] = [
  { option: 'costsFromLastRound', input: 'grossBurn', how: t('from the latest round', '由最近一轮融资推算'), noun: t('costs from the latest round', '由最近一轮融资推算的支出') },
  { option: 'leastCashFromMoney', input: 'cash', how: t('from the money raised less the net burn', '由已融资金额减去净烧钱推算'), noun: t('cash from the money raised', '由已融资金额推算的现金') },
  { option: 'revenueIfNone', input: 'revenue', how: t('0 a month, none being known', '无营收数据，按每月 0 计'), noun: t('revenue 0', '营收取 0') },
];

/**
 * A note naming the periods the inputs rest on, when the figures' periods
 * differ. An input that is one of the caller's fallbacks (costs from the
 * latest round, cash from the money raised, revenue 0), or is derived from
 * one, is named as such, not dated as a figure of its facts' periods: "gross
 * burn (costs): from the latest round (2023-09), a fallback". Fallbacks do
 * not count towards "different dates": they are rules stated at the as-of
 * date.
 */
function datesNote(found: Partial<Record<HealthInputName, HealthInput>>, notes: Text[], options: CollectOptions): void {
  const rules = FALLBACKS.flatMap((f) => {
    const rule = options[f.option];
    return rule ? [{ ...f, id: rule.assumption.id }] : [];
  });
  const rows: { en: string; zh: string; end: string | null; fallback: boolean }[] = [];
  for (const k of Object.keys(HEALTH_INPUT_SHAPE) as HealthInputName[]) {
    const inp = found[k];
    if (!inp) continue;
    const label = HEALTH_INPUT_SHAPE[k].label;
    const ps = [...new Set(inp.facts.filter((f) => f.period).map((f) => f.period!.text))];
    const when = { en: ps.join(', '), zh: ps.map((p) => periodText(p, 'zh')).join('、') };
    const refs = new Set([...inp.inputs.filter((r) => r.kind === 'assumption').map((r) => r.id), ...(inp.assumption ? [inp.assumption.id] : [])]);
    const used = rules.filter((r) => refs.has(r.id));
    const own = used.find((r) => r.input === k);
    const end = maxEnd(inp.facts);
    if (own) {
      rows.push({ en: `${label.en}: ${own.how.en}${ps.length ? ` (${when.en})` : ''}, a fallback`, zh: `${label.zh}：${own.how.zh}${ps.length ? `（${when.zh}）` : ''}，属兜底假设`, end, fallback: true });
    } else if (used.length) {
      rows.push({ en: `${label.en}: derived from ${used.length === 1 ? 'a fallback' : 'fallbacks'} (${used.map((r) => r.noun.en).join(', ')}${ps.length ? `; ${when.en}` : ''})`, zh: `${label.zh}：由兜底假设推算（${used.map((r) => r.noun.zh).join('、')}${ps.length ? `；${when.zh}` : ''}）`, end, fallback: true });
    } else if (ps.length && end) {
      rows.push({ en: `${label.en} ${when.en}`, zh: `${label.zh}${when.zh}`, end, fallback: false });
    }
  }
  const months = new Set(rows.filter((r) => !r.fallback).map((r) => r.end!.slice(0, 7)));
  if (months.size < 2) return;
  notes.push(t(
    `The inputs are of different dates: ${rows.map((r) => r.en).join('; ')}.`,
    `各输入的日期不同：${rows.map((r) => r.zh).join('；')}。`,
  ));
}

function readAsOf(text: string): Period {
  try {
    return parsePeriod(/^\s*(as of|by)\b/i.test(text) ? text : `as of ${text}`);
  } catch (e) {
    const message = `as-of date: expected a month or a date such as "2024-05" or "2024-05-20", got "${text}" (${e instanceof Error ? e.message : String(e)})`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_as_of', path: ['asOf'], message }], status: 400 });
  }
}

/** An as-of period as words: '2024-05' for 'as of 2024-05'. */
function asOfText(p: Period): string {
  return p.text.replace(/^\s*(as of|by)\s+/i, '');
}

function maxEnd(facts: readonly Fact[]): string | null {
  let best: string | null = null;
  for (const f of facts) if (f.period && (best === null || f.period.end > best)) best = f.period.end;
  return best;
}

/**
 * Months from the middle of a period to an ISO date (fractional; negative when
 * the date is before the middle): how far a flow read over that period (a
 * 2023 loss, a headcount as of 2023-10) is from the date it is used at. The
 * middle is the one health's growth rates are measured between.
 */
export function monthsFromPeriodMiddle(p: Period, to: string): number {
  return monthsBetween(mid(p), to);
}

/** The middle of a period as an ISO date. */
function mid(p: Period): string {
  const t = (Date.parse(`${p.start}T00:00:00Z`) + Date.parse(`${p.end}T00:00:00Z`) + 86_400_000) / 2;
  return new Date(t).toISOString().slice(0, 10);
}

/** Months from one ISO date to another: whole calendar months between two month ends, else fractional (DAYS_PER_MONTH days a month). */
function monthsBetween(from: string, to: string): number {
  if (isMonthEnd(from) && isMonthEnd(to)) {
    const [y1, m1] = from.split('-').map(Number) as [number, number];
    const [y2, m2] = to.split('-').map(Number) as [number, number];
    return (y2 - y1) * 12 + (m2 - m1);
  }
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (86_400_000 * DAYS_PER_MONTH);
}

function isMonthEnd(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

function addMonths(iso: string, k: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + k);
  return d.toISOString().slice(0, 10);
}

function pct(x: number): string {
  return `${+(x * 100).toPrecision(3)}%`;
}

/**
 * The fact to use among several candidates for one input, by the one choose
 * rule (`chooseFact`, economics/common; docs/ledger.md states it), and a note
 * naming the ones left aside with the rule's reason. A derived fact computed
 * from the chosen one (a net burn saved by `--save`) is not named: it agrees
 * by construction.
 */
function choose(facts: readonly Fact[], input: HealthInputName, notes: Text[], firstHandFirst = false): Fact | undefined {
  const choice = chooseFact(facts, { firstHandFirst });
  if (!choice) return undefined;
  const { chosen } = choice;
  const rejected = choice.others.filter((o) => o.criterion !== 'derived_from_used');
  if (!rejected.length) return chosen;
  const pub = (f: Fact): string => f.source.published ?? '';
  const desc = (f: Fact, lang: 'en' | 'zh'): string => {
    const value = lang === 'en' ? (f.valueTextEn ?? f.valueText) : f.valueText;
    const when = f.period ? (lang === 'en' ? f.period.text : periodText(f.period.text, 'zh')) : lang === 'en' ? 'no period' : '无期间';
    const date = pub(f) || (lang === 'en' ? 'undated' : '无日期');
    return lang === 'en' ? `${f.id} (${value}, ${when}; ${f.source.publisher}, ${date}, ${f.kind})` : `${f.id}（${value}，${when}；${publisherName(f.source.publisher, 'zh')}，${date}，${KIND_ZH[f.kind]}）`;
  };
  const label = HEALTH_INPUT_SHAPE[input].label;
  const samePeriod = rejected.filter((o) => (o.fact.period?.end ?? '') === (chosen.period?.end ?? ''));
  const conflict = samePeriod.length ? ' Sources disagree for the same period: check which one holds.' : '';
  const conflictZh = samePeriod.length ? '同一期间的来源相互矛盾，请核实哪一个成立。' : '';
  notes.push({
    en: `${cap(label.en)}: used ${desc(chosen, 'en')}; left aside ${rejected.map((o) => `${desc(o.fact, 'en')}: ${o.reason.en}`).join('; ')}.${conflict}`,
    zh: `${label.zh}：采用 ${desc(chosen, 'zh')}；未采用 ${rejected.map((o) => `${desc(o.fact, 'zh')}：${o.reason.zh}`).join('；')}。${conflictZh}`,
  });
  return chosen;
}

const KIND_ZH: Readonly<Record<string, string>> = { reported: '报道', derived: '推算', assumption: '假设' };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Ctx {
  readonly env: Env;
  /** The company's entity id: its draws' stream ids start with `health/<id>/`. */
  readonly company: string;
  readonly fx: FxTable;
  /** The as-of period given, if any: the period assumptions in other currencies are converted at. */
  readonly asOf: Period | null;
  /** Every currency conversion made, by its English text: the rate, its period and source, in both languages. */
  readonly conversions: Map<string, Text>;
  /** The currency money is computed in (`CollectOptions.money`). */
  readonly money: MoneyIn;
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

/**
 * Multiplier from a fact's figure to the currency computed in (`ctx.money`;
 * per month for rates), and the note of the conversion. `reworked` is false
 * when the figure is as written but for the one display rate of a US-dollar
 * figure (`--currency`), which leaves a reported figure reported.
 */
function toMoney(ctx: Ctx, f: Fact, asRate: boolean): { k: number; how: string; reworked: boolean } {
  let k = 1;
  const parts: string[] = [];
  const displayOnly = f.figure.unit === 'USD' && ctx.money.code !== 'USD';
  if (f.figure.unit !== ctx.money.code) {
    if (!f.period && f.figure.unit !== 'USD') throw inputError(f.id, `fact ${f.id}: ${f.figure.unit} with no period cannot be converted to USD`);
    const c = moneyFactor(f, ctx.fx, ctx.money);
    k *= c.k;
    // The formula names the rates and their periods; the full note (how the rate was made, its source) is listed once.
    parts.push(...c.rates);
    if (c.note) ctx.conversions.set(c.note.en, c.note);
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
  return { k, how: parts.join('; '), reworked: parts.length > (displayOnly ? 1 : 0) };
}

function monthlyValue(f: Fact): number {
  const per = f.figure.per;
  return per ? f.figure.p50 * perMonthFactor(per) : f.figure.p50 / factMonths(f);
}

/** Draws of `spec` from the stream of `health/<company>/<id>` (`id`: the input and what is drawn for it, such as `cash/F12`). */
function draw(ctx: Ctx, spec: DistSpec, id: string): Float64Array {
  return sampleSpec(spec, ctx.env, streamOf(`health/${ctx.company}/${id}`)).samples;
}

/** A fact's draws in the currency computed in (per month with `asRate`) from the stream of `id`, and how it was converted. */
function factDraws(ctx: Ctx, f: Fact, asRate: boolean, id: string): { samples: Float64Array; how: string; reworked: boolean } {
  const { k, how, reworked } = toMoney(ctx, f, asRate);
  return { samples: draw(ctx, scaleSpec(factSpec(f), k), id), how, reworked };
}

/**
 * The sum of facts' draws (USD, per month with `asRate`) as an input; `what`
 * says what the sum is ('revenue + net loss'). Each fact draws from the
 * stream of `<name>/<fact id>`: the same draws whatever else is summed.
 */
function sumInput(ctx: Ctx, name: HealthInputName, facts: readonly Fact[], asRate: boolean, what = ''): HealthInput {
  const shape = HEALTH_INPUT_SHAPE[name];
  const total = new Float64Array(ctx.env.sampleCount);
  const hows: string[] = [];
  let reworked = false;
  facts.forEach((f) => {
    const { samples: s, how, reworked: r } = factDraws(ctx, f, asRate, `${name}/${f.id}`);
    if (how) hows.push(`${f.id}: ${how}`);
    reworked ||= r;
    for (let j = 0; j < total.length; j++) total[j] += s[j]!;
  });
  const derived = facts.length > 1 || facts.some((f) => f.kind === 'derived') || reworked;
  const formula = facts.map((f) => f.id).join(' + ') + (what ? ` (${what})` : '') + (hows.length ? ` (${hows.join('; ')})` : '');
  const note = hows.length ? { en: hows.join('; '), zh: hows.join('；') } : undefined;
  return {
    name,
    status: facts.every((f) => f.kind === 'assumption') ? 'assumed' : derived ? 'derived' : 'reported',
    samples: total,
    unit: shape.unit === 'USD' ? ctx.money.code : shape.unit,
    per: shape.per,
    formula,
    inputs: facts.map((f) => factRef(f)),
    facts,
    ...(note ? { note } : {}),
  };
}

/** The middle of a fact's period, in months since year 0 (fractional), or null without a period. */
function midMonth(f: Fact): number | null {
  if (!f.period) return null;
  const t = (Date.parse(`${f.period.start}T00:00:00Z`) + Date.parse(`${f.period.end}T00:00:00Z`) + 86_400_000) / 2;
  return t / (86_400_000 * DAYS_PER_MONTH);
}

/** The latest run-rate fact whose period lies at least a month before `rate`'s (middle to middle), if any. */
function earlierRate(rates: readonly Fact[], rate: Fact): Fact | undefined {
  const at = midMonth(rate);
  if (at === null) return undefined;
  let best: Fact | undefined, bestAt = -Infinity;
  for (const f of rates) {
    const m = midMonth(f);
    if (f === rate || m === null || at - m < 1) continue;
    if (m > bestAt || (m === bestAt && f.kind === 'reported' && best?.kind !== 'reported')) { best = f; bestAt = m; }
  }
  return best;
}

/**
 * Monthly growth from two rates, draw by draw:
 * (later / earlier)^(1 / months between their periods' middles) - 1, so the
 * uncertainty of both figures carries into it. Null when the earlier rate
 * can be 0 or less (no growth rate from nothing).
 */
function ratioGrowth(name: 'revenueGrowth' | 'costGrowth', laterInput: HealthInput, earlierInput: HealthInput, laterPeriod: Period, earlierPeriod: Period, facts: readonly Fact[], ratio: string): HealthInput | null {
  const e = earlierInput.samples;
  if (!e.every((v) => v > 0)) return null;
  const months = Math.round(monthsBetween(mid(earlierPeriod), mid(laterPeriod)) * 100) / 100;
  const growth = derivedInput(name, `${ratio}^(1 / ${months} months) - 1, a month`, [laterInput, earlierInput], (l, x) => Math.pow(l / x, 1 / months) - 1);
  return {
    ...growth,
    inputs: facts.map((f) => factRef(f)),
    facts,
    note: {
      en: `from ${earlierPeriod.text} to ${laterPeriod.text}, ${months} months apart${earlierInput.note ? `; ${earlierInput.note.en}` : ''}`,
      zh: `从 ${earlierPeriod.text} 到 ${laterPeriod.text}，相隔 ${months} 个月${earlierInput.note ? `；${earlierInput.note.zh}` : ''}`,
    },
  };
}

/** Growth of a rate from an earlier fact of the same kind ({@link ratioGrowth}); the earlier one drawn from streams of its own. */
function growthInput(ctx: Ctx, name: 'revenueGrowth', later: Fact, earlier: Fact, laterInput: HealthInput): HealthInput | null {
  const before = sumInput(ctx, name, [earlier], true);
  return ratioGrowth(name, laterInput, { ...before, ...(before.note ? { note: { en: `${earlier.id}: ${before.note.en}`, zh: `${earlier.id}：${before.note.zh}` } } : {}) }, later.period!, earlier.period!, [later, earlier], `(${later.id} / ${earlier.id})`);
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

/** An assumption read and checked (a rate where an amount belongs, growth in money ...), before any is used: a bad one is refused even where the ledger makes it unnecessary. */
function readAssumption(a: HealthAssumptionInput): { v: ReturnType<typeof readValueText>; isGrowth: boolean; where: string } {
  const shape = HEALTH_INPUT_SHAPE[a.input];
  const isGrowth = a.input === 'revenueGrowth' || a.input === 'costGrowth';
  const where = a.where ?? a.input;
  const v = readValueText(a.value, { name: where, defaultUnit: isGrowth ? 'percent' : 'USD', ...(shape.per ? { defaultPer: shape.per } : {}) });
  if (!shape.per && v.per) {
    throw inputError(where, `${where}: ${a.input === 'cash' ? 'cash is an amount on hand' : `${shape.label.en} is an amount`}, not a rate; got "${a.value}"`);
  }
  if (isGrowth && v.unit !== 'percent' && v.unit !== 'count') {
    throw inputError(where, `${where}: expected growth as a fraction a month ("3%", "normal(0.03, 0.01)"), got a figure in ${v.unit}: "${a.value}"`);
  }
  if (isGrowth && v.per && v.per !== 'month') {
    throw inputError(where, `${where}: write growth per month ("3% a month" or "normal(0.03, 0.01)"), got "${a.value}"`);
  }
  return { v, isGrowth, where };
}

function assumedInput(ctx: Ctx, a: HealthAssumptionInput): HealthInput {
  const shape = HEALTH_INPUT_SHAPE[a.input];
  const { v, isGrowth, where } = readAssumption(a);
  let k = 1;
  if (!isGrowth && shape.per && v.per && v.per !== 'month') k = perMonthFactor(v.per);
  let how = '';
  const { money } = ctx;
  if (!isGrowth && v.unit !== 'USD' && v.unit !== money.code) {
    if (!isCurrency(v.unit) || !ctx.asOf) {
      throw inputError(where, `${where}: write the assumption in US dollars ("$5B", "4B to 9B")${isCurrency(v.unit) ? ' or give an as-of date to convert it at' : ''}, got "${a.value}" (${v.unit})`);
    }
    const c = convertCurrency({ value: 1, unit: v.unit, per: null }, 'USD', ctx.asOf, ctx.fx);
    k *= c.quantity.value;
    how = ` (${c.note})`;
    ctx.conversions.set(`${a.input}|${c.note}`, { en: `${shape.label.en} assumed "${a.value}": ${c.note}`, zh: `${shape.label.zh}的假设“${a.value}”：${c.noteZh}` });
  }
  // Money in the currency computed in: as written when it is that currency, else from US dollars at its one rate.
  if (!isGrowth && v.unit !== money.code && money.rate) {
    k *= money.perUsd;
    how += ` (USD->${money.code} at ${money.rate})`;
  }
  const samples = draw(ctx, scaleSpec(v.spec, k), `${a.input}/assumed`);
  const id = `health.assumption.${a.input}`;
  const assumption: Assumption = {
    id,
    text: { en: `${shape.label.en}: ${a.value}`, zh: `${shape.label.zh}：${a.value}` },
    rationale: { en: a.rationale + (a.source ? ` (source: ${a.source})` : ''), zh: (a.rationaleZh ?? a.rationale) + (a.source ? `（来源：${a.sourceZh ?? a.source}）` : '') },
    value: { text: a.value, spec: v.spec, unit: isGrowth ? 'percent' : v.unit, per: shape.per },
  };
  return {
    name: a.input,
    status: 'assumed',
    samples,
    unit: shape.unit === 'USD' ? money.code : shape.unit,
    per: shape.per,
    formula: `assumed: ${a.value}${how}`,
    inputs: [{ kind: 'assumption', id, label: `assumed ${shape.label.en}` }],
    facts: [],
    assumption,
  };
}

function inputError(path: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_assumption', path: [path], message }], status: 400 });
}
