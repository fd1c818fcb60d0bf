import type { Per, Unit } from '../../core/index.js';
import type { Env } from '../../estimate/index.js';
import type { Fact, Store } from '../../ledger/index.js';
import type { Analysis, Assumption, Estimate, InputRef, Text } from '../analysis.js';
import { DEFAULT_ANALYSIS_ENV } from '../common/default-env.js';
import { estimateOf, combine } from '../common/estimate-of.js';
import { burnMultipleBand, type BurnMultipleBand } from './burn-multiple.js';
import { defaultAliveValue } from './default-alive.js';
import { collectHealthInputs, HEALTH_INPUT_SHAPE, type HealthAssumptionInput, type HealthInput, type HealthInputName, type InputStatus } from './health-inputs.js';

export interface HealthOptions {
  /** Sample count and seed; default 10,000 draws, seed 'shakeout'. */
  readonly env?: Env;
  /** Values for inputs the ledger lacks, each with its rationale (they never replace a fact). */
  readonly assumptions?: readonly HealthAssumptionInput[];
}

/** One input of the analysis and where it came from. */
export interface HealthInputRow {
  readonly name: HealthInputName;
  readonly label: Text;
  readonly status: InputStatus;
  /** Id of its estimate in `estimates`, when found. */
  readonly estimateId: string | null;
  readonly factIds: readonly string[];
}

/** What is particular to a health analysis. */
export interface HealthDetails {
  readonly company: { readonly id: string; readonly nameEn: string; readonly nameZh: string | null; readonly kind: string };
  readonly inputs: readonly HealthInputRow[];
  /** Which revenue the multiple and efficiency rest on: the company's, its mobile store revenue only, or none. */
  readonly revenueBasis: 'company' | 'mobile-store' | 'to-date' | null;
  /** Sacks' band of the median burn multiple, when computed. */
  readonly burnMultipleBand: BurnMultipleBand | null;
  /** Share of draws that are default alive (C <= cash), when computed. */
  readonly probabilityDefaultAlive: number | null;
  /** Share of draws passing the rule of 40, when computed. */
  readonly probabilityRuleOf40: number | null;
  /** What is missing to answer better, one line each. */
  readonly missing: readonly Text[];
}

const t = (en: string, zh: string): Text => ({ en, zh });

/**
 * How healthy a company is, from whatever the ledger holds about it (and its
 * products): net and gross burn, runway = cash / net burn, revenue multiple
 * = valuation / annualised revenue, capital efficiency = revenue per dollar
 * raised, burn multiple = net burn / net new ARR (with Sacks' band), rule of
 * 40, and default alive by Trevor Blackwell's formula. Every input carries
 * its uncertainty (a fact's qualifier becomes a distribution) and says
 * whether it is reported, derived or assumed; what cannot be computed is
 * listed with what to record to compute it.
 *
 * Mobile store revenue (app-store subscriptions of the company's products)
 * is never taken for company revenue: when it is all there is, the multiple
 * is computed on it and labelled so (the article's point about OpenAI: a
 * valuation near $100B against a mobile run rate near $0.2B).
 *
 * @example
 * const a = await analyzeHealth(store, 'OpenAI', { env: { sampleCount: 10_000, seed: 1 } });
 * a.estimates.find((e) => e.id === 'revenue_multiple')?.p50; // ≈ 540 (x, on mobile store revenue only)
 */
export async function analyzeHealth(store: Store, company: string, options: HealthOptions = {}): Promise<Analysis<HealthDetails>> {
  const env = options.env ?? DEFAULT_ANALYSIS_ENV;
  const got = await collectHealthInputs(store, company, env, options.assumptions ?? []);
  const { entity, found } = got;
  const n = env.sampleCount;
  const estimates: Estimate[] = [];
  const notes: Text[] = [...got.notes];
  const missing: Text[] = [];
  const name = entity.nameEn;

  const ref = (id: string, label: string): InputRef => ({ kind: 'estimate', id, label });
  const add = (id: string, label: Text, unit: Unit, per: Per | null, formula: string, inputs: readonly InputRef[], samples: Float64Array): Estimate => {
    const e = estimateOf({ id, label, unit, per, formula, inputs }, samples);
    estimates.push(e);
    return e;
  };
  const map = combine;

  // The inputs as estimates.
  const inputEst: Partial<Record<HealthInputName, Estimate>> = {};
  for (const key of Object.keys(HEALTH_INPUT_SHAPE) as HealthInputName[]) {
    const inp = found[key];
    if (!inp) continue;
    const shape = HEALTH_INPUT_SHAPE[key];
    const label = t(`${shape.label.en} (${inp.status})`, `${shape.label.zh}（${statusZh(inp.status)}）`);
    inputEst[key] = add(`input.${key}`, label, inp.unit, inp.per, inp.formula, inp.inputs, inp.samples);
  }
  const S = (k: HealthInputName): Float64Array | undefined => found[k]?.samples;
  const R = (k: HealthInputName): InputRef => ref(`input.${k}`, HEALTH_INPUT_SHAPE[k].label.en);

  // Revenue run rates.
  const revenue = S('revenue');
  const mobile = S('mobileRevenue');
  let annual: { samples: Float64Array; id: string; basis: 'company' | 'mobile-store' } | null = null;
  if (revenue) {
    const e = add('revenue.annual', t('revenue run rate (company)', '年化营收（公司）'), 'USD', 'year', 'revenue a month x 12', [R('revenue')], map([revenue], (r) => r * 12));
    annual = { samples: e.samples!, id: e.id, basis: 'company' };
  }
  if (mobile) {
    const e = add(
      'revenue.mobile_annual',
      t('mobile store revenue run rate (not total revenue)', '移动应用商店收入年化（非总营收）'),
      'USD', 'year', 'mobile store revenue a month x 12', [R('mobileRevenue')], map([mobile], (r) => r * 12),
    );
    if (!annual) annual = { samples: e.samples!, id: e.id, basis: 'mobile-store' };
    if (!revenue) {
      notes.push(t(
        `Mobile store revenue is what users paid through the App Store and Google Play for ${name}'s products: it is not ${name}'s total revenue (web subscriptions, API and enterprise sales are not in it).`,
        `移动应用商店收入是用户通过 App Store 与 Google Play 为${entity.nameZh ?? name}的产品支付的金额，并非其总营收（网页订阅、API 与企业销售不在其中）。`,
      ));
    }
  }

  // Burn.
  let netBurn = S('netBurn');
  let netBurnId = netBurn ? 'input.netBurn' : null;
  let grossBurn = S('grossBurn');
  let grossBurnId = grossBurn ? 'input.grossBurn' : null;
  if (!netBurn && grossBurn && revenue) {
    const e = add('burn.net', t('net burn', '净烧钱'), 'USD', 'month', 'gross burn - revenue', [R('grossBurn'), R('revenue')], map([grossBurn, revenue], (g, r) => g - r));
    netBurn = e.samples!;
    netBurnId = e.id;
  }
  if (!grossBurn && netBurn && revenue) {
    const e = add('burn.gross', t('gross burn (costs)', '总支出'), 'USD', 'month', 'net burn + revenue', [ref(netBurnId!, 'net burn'), R('revenue')], map([netBurn, revenue], (b, r) => b + r));
    grossBurn = e.samples!;
    grossBurnId = e.id;
  }
  if (found.netBurn && found.netBurn.facts.some((f) => f.metric === 'revenue_spending_gap')) {
    const gap = found.netBurn.facts.find((f) => f.metric === 'revenue_spending_gap')!;
    notes.push(t(
      `Net burn is read from ${gap.id}, the gap between revenue and spending (${gap.valueTextEn ?? gap.valueText}, ${gap.period?.text ?? 'period not stated'}), spread evenly over its months.`,
      `净烧钱取自 ${gap.id}，即营收与支出之间的差距（${gap.valueText}，${gap.period?.text ?? '期间未说明'}），按月平均。`,
    ));
  }
  if (!netBurn) {
    missing.push(t(
      'no spending, burn or revenue-spending gap: net burn and runway cannot be computed; record a spend, burn or revenue_spending_gap fact',
      '没有支出、烧钱或营收支出差距的数据：无法计算净烧钱与跑道；请记录 spend、burn 或 revenue_spending_gap 事实',
    ));
  }

  // Runway.
  const cash = S('cash');
  if (cash && netBurn) {
    add('runway', t('runway (months)', '现金跑道（月）'), 'count', null, 'cash / net burn a month', [R('cash'), ref(netBurnId!, 'net burn')], map([cash, netBurn], (c, b) => (c <= 0 ? 0 : b > 0 ? c / b : Infinity)));
  } else if (!cash) {
    missing.push(t('no cash figure: runway cannot be computed; record a cash fact', '没有现金数据：无法计算现金跑道；请记录 cash 事实'));
  }

  // Revenue multiple.
  const valuation = S('valuation');
  if (valuation && annual) {
    const onMobile = annual.basis === 'mobile-store';
    add(
      'revenue_multiple',
      onMobile ? t('revenue multiple on mobile store revenue only', '估值/移动商店年化收入倍数（仅移动商店收入）') : t('revenue multiple', '营收倍数'),
      'multiple', null, `valuation / ${onMobile ? 'mobile store revenue run rate' : 'revenue run rate'}`, [R('valuation'), ref(annual.id, 'annual revenue')],
      map([valuation, annual.samples], (v, r) => (r > 0 ? v / r : Infinity)),
    );
    if (onMobile) {
      notes.push(t(
        `The multiple divides the valuation by mobile store revenue alone, the article's comparison; ${name}'s total revenue is larger, so its true revenue multiple is lower.`,
        `该倍数以估值除以移动商店收入，即原文的比较；${entity.nameZh ?? name}的总营收更高，真实营收倍数更低。`,
      ));
    }
  } else if (!valuation) {
    missing.push(t('no valuation: the revenue multiple cannot be computed; record a valuation fact', '没有估值数据：无法计算营收倍数；请记录 valuation 事实'));
  } else {
    missing.push(t('no revenue: the revenue multiple cannot be computed; record a revenue fact', '没有营收数据：无法计算营收倍数；请记录 revenue 事实'));
  }

  // Capital efficiency.
  const funding = S('funding');
  const toDate = S('revenueToDate');
  let revenueBasis: HealthDetails['revenueBasis'] = annual?.basis ?? null;
  if (funding) {
    if (toDate && (!annual || annual.basis !== 'company' || found.revenue?.status === 'derived')) {
      revenueBasis = 'to-date';
      add('capital_efficiency', t('capital efficiency: revenue to date per dollar raised', '资本效率：每融资 1 美元的累计营收'), 'multiple', null, 'revenue to date / funding raised', [R('revenueToDate'), R('funding')], map([toDate, funding], (r, f) => (f > 0 ? r / f : NaN)));
    } else if (annual) {
      add(
        'capital_efficiency',
        annual.basis === 'company' ? t('capital efficiency: annual revenue per dollar raised', '资本效率：每融资 1 美元的年化营收') : t('capital efficiency on mobile store revenue only', '资本效率（仅移动商店收入）'),
        'multiple', null, 'revenue run rate / funding raised', [ref(annual.id, 'annual revenue'), R('funding')], map([annual.samples, funding], (r, f) => (f > 0 ? r / f : NaN)),
      );
    } else {
      missing.push(t('no revenue: capital efficiency cannot be computed; record a revenue fact', '没有营收数据：无法计算资本效率；请记录 revenue 事实'));
    }
  } else {
    missing.push(t('no funding figure: capital efficiency cannot be computed; record a funding fact', '没有融资数据：无法计算资本效率；请记录 funding 事实'));
  }

  // Growth-based metrics: burn multiple, rule of 40, default alive.
  const growth = S('revenueGrowth');
  let band: BurnMultipleBand | null = null;
  let pRule40: number | null = null;
  let pAlive: number | null = null;
  if (!growth) {
    missing.push(t(
      'no revenue growth: burn multiple, rule of 40 and default alive cannot be computed; record revenue for two periods or pass a growth assumption',
      '没有营收增速：无法计算烧钱倍数、40 法则与“默认存活”；请记录两个期间的营收或给出增速假设',
    ));
  } else if (!revenue) {
    missing.push(t(
      'no company revenue: burn multiple, rule of 40 and default alive need the company\'s revenue (mobile store revenue is not enough); record a revenue fact',
      '没有公司营收：烧钱倍数、40 法则与“默认存活”需要公司营收（移动商店收入不够）；请记录 revenue 事实',
    ));
  } else {
    if (netBurn) {
      const e = add(
        'burn_multiple', t('burn multiple', '烧钱倍数'), 'multiple', null,
        'net burn a month / net new ARR a month, net new ARR = 12 x revenue a month x monthly growth',
        [ref(netBurnId!, 'net burn'), R('revenue'), R('revenueGrowth')],
        map([netBurn, revenue, growth], (b, r, g) => (b <= 0 ? 0 : r * g > 0 ? b / (12 * r * g) : Infinity)),
      );
      band = burnMultipleBand(e.p50) ?? null;
    } else {
      missing.push(t('no net burn: the burn multiple cannot be computed', '没有净烧钱：无法计算烧钱倍数'));
    }
    if (grossBurn) {
      const score = add(
        'rule_of_40', t('rule of 40 score (points)', '40 法则得分（百分点）'), 'count', null,
        '100 x (annual growth + profit margin), annual growth = (1 + g)^12 - 1, margin = (revenue - costs) / revenue',
        [R('revenue'), R('revenueGrowth'), ref(grossBurnId!, 'gross burn')],
        map([revenue, growth, grossBurn], (r, g, c) => 100 * (Math.pow(1 + g, 12) - 1 + (r > 0 ? (r - c) / r : -Infinity))),
      );
      pRule40 = share(score.samples!, (x) => x >= 40);
      if (cash) {
        const tm = new Float64Array(n);
        const cn = new Float64Array(n);
        const alive = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const d = defaultAliveValue(revenue[i]!, grossBurn[i]!, growth[i]!);
          tm[i] = d.periods;
          cn[i] = d.cashNeeded;
          alive[i] = d.cashNeeded <= cash[i]! ? 1 : 0;
        }
        const ins = [R('revenue'), ref(grossBurnId!, 'gross burn'), R('revenueGrowth'), R('cash')];
        add('default_alive.months_to_profit', t('months to profitability (default alive, T)', '距盈利月数（T）'), 'count', null, 'T = ln(E / R0) / ln(1 + g); 0 when R0 >= E; infinite when g <= 0', ins, tm);
        add('default_alive.cash_needed', t('cash needed to reach profitability (C)', '实现盈利所需现金（C）'), 'USD', null, 'C = E T - (E - R0) / ln(1 + g)', ins, cn);
        const p = add('default_alive.probability', t('probability default alive (C <= cash)', '默认存活概率（C <= 现金）'), 'percent', null, 'share of draws with C <= cash', ins, alive);
        pAlive = p.mean;
      } else {
        missing.push(t('no cash figure: default alive cannot be decided; record a cash fact', '没有现金数据：无法判断“默认存活”；请记录 cash 事实'));
      }
    } else {
      missing.push(t('no costs: rule of 40 and default alive need spending; record a spend fact', '没有支出数据：40 法则与“默认存活”需要支出；请记录 spend 事实'));
    }
  }

  for (const a of got.ignoredAssumptions) {
    notes.push(t(
      `The assumption for ${a.input} ("${a.value}") was not used: the ledger has a figure for it.`,
      `${a.input} 的假设（“${a.value}”）未采用：账本已有该数据。`,
    ));
  }

  const inputs: HealthInputRow[] = (Object.keys(HEALTH_INPUT_SHAPE) as HealthInputName[]).map((k) => {
    const inp: HealthInput | undefined = found[k];
    return {
      name: k,
      label: HEALTH_INPUT_SHAPE[k].label,
      status: inp?.status ?? 'missing',
      estimateId: inputEst[k]?.id ?? null,
      factIds: inp?.facts.map((f) => f.id) ?? [],
    };
  });
  const facts = uniqueFacts(Object.values(found).flatMap((i) => i?.facts ?? []));
  const assumptions: Assumption[] = Object.values(found).flatMap((i) => (i?.assumption ? [i.assumption] : []));

  return {
    kind: 'health',
    title: t(`Company health: ${name}`, `公司财务健康：${entity.nameZh ?? name}`),
    subject: entity.id,
    estimates,
    facts,
    assumptions,
    notes,
    env: { sampleCount: env.sampleCount, seed: env.seed },
    details: {
      company: { id: entity.id, nameEn: entity.nameEn, nameZh: entity.nameZh, kind: entity.kind },
      inputs,
      revenueBasis,
      burnMultipleBand: band,
      probabilityDefaultAlive: pAlive,
      probabilityRuleOf40: pRule40,
      missing,
    },
  };
}

function statusZh(s: InputStatus): string {
  return { reported: '报道', derived: '推算', assumed: '假设', missing: '缺失' }[s];
}

function share(x: Float64Array, f: (v: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < x.length; i++) if (f(x[i]!)) k++;
  return k / x.length;
}

function uniqueFacts(facts: readonly Fact[]): Fact[] {
  const seen = new Map<string, Fact>();
  for (const f of facts) if (!seen.has(f.id)) seen.set(f.id, f);
  return [...seen.values()];
}
