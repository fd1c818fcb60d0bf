import type { Per, Unit } from '../../core/index.js';
import type { Env } from '../../estimate/index.js';
import type { Fact, Store } from '../../ledger/index.js';
import type { Analysis, Assumption, Estimate, InputRef, Text } from '../analysis.js';
import { DEFAULT_ANALYSIS_ENV } from '../common/default-env.js';
import { optionName, type OptionHint } from '../common/option-hint.js';
import type { DisplayCurrency } from '../analysis-in-currency.js';
import { MONEY_IN_USD, type MoneyIn } from '../common/usd-factor.js';
import { CURRENCY_TABLE, ShakeoutError, type Currency } from '../../core/index.js';
import { estimateOf, combine } from '../common/estimate-of.js';
import { metricName, periodText } from '../plausibility/describe-fact.js';
import { inputsStart, type InputsStart, type StartBasis, type StartFile } from '../common/inputs-start.js';
import { burnMultipleBand, type BurnMultipleBand } from './burn-multiple.js';
import { defaultAliveValue } from './default-alive.js';
import { collectHealthInputs, conversionNotes, HEALTH_INPUT_SHAPE, type HealthAssumptionInput, type HealthInput, type HealthInputName, type InputStatus } from './health-inputs.js';

export interface HealthOptions {
  /** Sample count and seed; default 10,000 draws, seed 'shakeout'. */
  readonly env?: Env;
  /** Values for inputs the ledger lacks, each with its rationale (they never replace a fact). */
  readonly assumptions?: readonly HealthAssumptionInput[];
  /** The date the inputs should describe ('2024-05'): later facts are left aside (see `collectHealthInputs`). */
  readonly asOf?: string | null;
  /**
   * Where `asOf` comes from, said with the figures (`details.start`): default
   * 'given' when `asOf` is set, else 'latest'; `file` is the assumptions file
   * that set it, or that was read and does not name the company.
   */
  readonly start?: { readonly basis: StartBasis; readonly file: StartFile | null };
  /**
   * Compute money in this currency (`displayCurrency`; default US dollars):
   * a figure written in it is shown as written, with no round trip through
   * US dollars; any other converts to US dollars at its own period's rate,
   * then at this one rate (docs/fx.md). Recorded in `analysis.currency`.
   */
  readonly currency?: DisplayCurrency;
  /** How advice names the way to act: the command line's flags, the request's fields, or neither (default; see {@link OptionHint}). */
  readonly hint?: OptionHint;
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
  /** The date the inputs describe (ISO), or null when no input has a period. */
  readonly asOf: string | null;
  /** Why the inputs describe that date (the as-of day, the assumptions' start, a date asked for, or the latest facts) and the later facts it left aside, in a sentence to show beside the figures. */
  readonly start: InputsStart;
  /** What is missing to answer better, one line each. */
  readonly missing: readonly Text[];
  /** Every currency conversion the inputs rest on: fact, rate, its period and source (see `HealthInputs.conversions`). */
  readonly conversions: readonly Text[];
  /**
   * Estimates with infinite draws (no burn, never profitable, no new ARR):
   * the share of such draws and what they mean. The mean of such an estimate
   * is not defined; its quantiles are of all draws, infinite ones included.
   */
  readonly unbounded: readonly HealthUnbounded[];
}

/** An estimate some of whose draws are infinite, and what an infinite draw means. */
export interface HealthUnbounded {
  readonly estimateId: string;
  /** Share of draws that are +Infinity, in (0, 1]. */
  readonly share: number;
  /** What such a draw means, short: 'not burning', 'never'. */
  readonly meaning: Text;
  /** Why it happens: 'net burn <= 0'. */
  readonly when: Text;
}

/** What an infinite draw of each estimate means. */
const UNBOUNDED: Readonly<Record<string, { meaning: Text; when: Text }>> = {
  runway: { meaning: { en: 'not burning', zh: '不烧钱' }, when: { en: 'net burn <= 0: cash does not run down', zh: '净烧钱 <= 0：现金不会耗尽' } },
  burn_multiple: { meaning: { en: 'no new ARR', zh: '无新增年化收入' }, when: { en: 'burning with revenue growth <= 0: no net new ARR to divide by', zh: '在烧钱而营收增速 <= 0：没有新增年化收入可作分母' } },
  revenue_multiple: { meaning: { en: 'no revenue', zh: '无营收' }, when: { en: 'revenue <= 0', zh: '营收 <= 0' } },
  'default_alive.months_to_profit': { meaning: { en: 'never', zh: '永不盈利' }, when: { en: 'costs above revenue and revenue growth <= 0: never profitable', zh: '支出高于营收且营收增速 <= 0：永远无法盈利' } },
  'default_alive.cash_needed': { meaning: { en: 'never profitable', zh: '永不盈利' }, when: { en: 'never profitable, so no amount of cash is enough', zh: '永远无法盈利，多少现金都不够' } },
};

const t = (en: string, zh: string): Text => ({ en, zh });
/** Metrics by their Chinese names for a "missing" line, the last joined by 或: '支出、烧钱速度或收支缺口'. */
const zhMetrics = (...ids: string[]): string => {
  const names = ids.map((id) => metricName(id, 'zh'));
  return names.length > 1 ? `${names.slice(0, -1).join('、')}或${names[names.length - 1]}` : names.join('');
};

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
  const shown = options.currency && options.currency.code !== 'USD' ? options.currency : null;
  const money: MoneyIn = shown ? { code: shown.code, perUsd: shown.perUsd, rate: shown.rate } : MONEY_IN_USD;
  const collect = (m: MoneyIn) => collectHealthInputs(store, company, env, options.assumptions ?? [], { asOf: options.asOf ?? null, money: m, ...(options.hint ? { hint: options.hint } : {}) });
  const got = await collect(money);
  const { entity, found } = got;
  // Ratios of two money amounts (runway, the multiples, capital efficiency, rule of 40, default alive) are computed
  // from the inputs in US dollars, each figure at its own period's rate, whatever the display currency: in the
  // display currency a figure written in it is taken as written while the others convert at the display month's
  // rate, so two amounts would be converted at different rates and the ratio would move with --currency (docs/fx.md).
  const base = shown ? await ratioBase(() => collect(MONEY_IN_USD)) : found;
  const n = env.sampleCount;
  const estimates: Estimate[] = [];
  const notes: Text[] = [...got.notes, ...conversionNotes(got.conversions)];
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
  /** An input's draws for a ratio: in US dollars at each figure's own period's rate (`base`). */
  const B = (k: HealthInputName): Float64Array | undefined => (base ?? found)[k]?.samples;
  const perRaised = raisedUnit(shown?.code ?? 'USD');
  /** Said after a ratio's formula when the amounts are shown in another currency. */
  const inUsd = shown && base ? ', in US dollars at each figure\'s own period\'s rate' : '';
  if (shown && base) {
    notes.push(t(
      `Ratios (runway, the multiples, capital efficiency, rule of 40, default alive) are computed in US dollars, each figure converted at the rate of its own period, so they are the same in every display currency; only the amounts are shown in ${CURRENCY_TABLE[shown.code].pluralEn}.`,
      `比率（现金跑道、各倍数、资本效率、40 法则、默认存活）按美元计算，每个数字按其自身期间的汇率换算，因此与显示币种无关；只有金额以${CURRENCY_TABLE[shown.code].nameZh}显示。`,
    ));
  } else if (shown) {
    notes.push(t(
      `Ratios are computed in ${CURRENCY_TABLE[shown.code].pluralEn} here, not in US dollars as in every other display currency: an assumption is written in ${CURRENCY_TABLE[shown.code].pluralEn} with no as-of date to convert it at, so the ratios may differ slightly from another currency's.`,
      `此处比率按${CURRENCY_TABLE[shown.code].nameZh}计算，而非像其他显示币种那样按美元计算：有一项假设以${CURRENCY_TABLE[shown.code].nameZh}写成且没有可据以换算的截至日期，因此比率可能与其他币种下略有不同。`,
    ));
  }
  const R = (k: HealthInputName): InputRef => ref(`input.${k}`, HEALTH_INPUT_SHAPE[k].label.en);

  // Revenue run rates.
  const revenue = S('revenue');
  const mobile = S('mobileRevenue');
  /** The run rate a ratio divides by: `samples` in the display currency, `ratio` in US dollars (`B`). */
  let annual: { samples: Float64Array; ratio: Float64Array; id: string; basis: 'company' | 'mobile-store' } | null = null;
  if (revenue) {
    const e = add('revenue.annual', t('revenue run rate (company)', '年化营收（公司）'), money.code, 'year', 'revenue a month x 12', [R('revenue')], map([revenue], (r) => r * 12));
    annual = { samples: e.samples!, ratio: map([B('revenue')!], (r) => r * 12), id: e.id, basis: 'company' };
  }
  if (mobile) {
    const e = add(
      'revenue.mobile_annual',
      t('mobile store revenue run rate (not total revenue)', '移动应用商店收入年化（非总营收）'),
      money.code, 'year', 'mobile store revenue a month x 12', [R('mobileRevenue')], map([mobile], (r) => r * 12),
    );
    if (!annual) annual = { samples: e.samples!, ratio: map([B('mobileRevenue')!], (r) => r * 12), id: e.id, basis: 'mobile-store' };
    if (!revenue) {
      notes.push(t(
        `Mobile store revenue is what users paid through the App Store and Google Play for ${name}'s products: it is not ${name}'s total revenue (web subscriptions, API and enterprise sales are not in it).`,
        `移动应用商店收入是用户通过 App Store 与 Google Play 为${entity.nameZh ?? name}的产品支付的金额，并非其总营收（网页订阅、API 与企业销售不在其中）。`,
      ));
    }
  }

  // Burn: the collector derives net and gross burn from each other and revenue when it can.
  const netBurn = S('netBurn');
  const netBurnId = netBurn ? 'input.netBurn' : null;
  const grossBurn = S('grossBurn');
  const grossBurnId = grossBurn ? 'input.grossBurn' : null;
  if (found.netBurn && found.netBurn.facts.some((f) => f.metric === 'revenue_spending_gap')) {
    const gap = found.netBurn.facts.find((f) => f.metric === 'revenue_spending_gap')!;
    notes.push(t(
      `Net burn is read from ${gap.id}, the gap between revenue and spending (${gap.valueTextEn ?? gap.valueText}, ${gap.period?.text ?? 'period not stated'}), spread evenly over its months.`,
      `净烧钱取自 ${gap.id}，即营收与支出之间的差距（${gap.valueText}，${gap.period ? periodText(gap.period.text, 'zh') : '期间未说明'}），按月平均。`,
    ));
  }
  if (!netBurn) {
    missing.push(t(
      'no spending, burn or revenue-spending gap: net burn and runway cannot be computed; record a spend, burn or revenue_spending_gap fact',
      `没有支出、烧钱或营收支出差距的数据：无法计算净烧钱与跑道；请补充${zhMetrics('spend', 'burn', 'revenue_spending_gap')}数据`,
    ));
  }

  // Runway.
  const cash = S('cash');
  if (cash && netBurn) {
    add('runway', t('runway (months)', '现金跑道（月）'), 'count', null, `cash / net burn a month${inUsd}`, [R('cash'), ref(netBurnId!, 'net burn')], map([B('cash')!, B('netBurn')!], (c, b) => (c <= 0 ? 0 : b > 0 ? c / b : Infinity)));
  } else if (!cash) {
    missing.push(t('no cash figure: runway cannot be computed; record a cash fact', `没有现金数据：无法计算现金跑道；请补充${zhMetrics('cash')}数据`));
  }

  // Revenue multiple.
  const valuation = S('valuation');
  if (valuation && annual) {
    const onMobile = annual.basis === 'mobile-store';
    const revKey: HealthInputName = onMobile ? 'mobileRevenue' : 'revenue';
    const positive = share(annual.samples, (x) => x > 0);
    if (positive < 1 - MAX_SHARE_NO_REVENUE) {
      missing.push(t(
        `the revenue multiple is not computed: revenue is 0 or less in ${pct(1 - positive)} of draws, and a multiple of no revenue has no value`,
        `未计算营收倍数：${pct(1 - positive)}的抽样中营收为 0 或更低，对零营收求倍数没有意义`,
      ));
    } else {
      const v = positive < 1 ? keep(B('valuation')!, annual.ratio) : B('valuation')!;
      const r = positive < 1 ? keep(annual.ratio, annual.ratio) : annual.ratio;
      add(
        'revenue_multiple',
        onMobile ? t('revenue multiple on mobile store revenue only', '估值/移动商店年化收入倍数（仅移动商店收入）') : t('revenue multiple', '营收倍数'),
        'multiple', null, `valuation / ${onMobile ? 'mobile store revenue run rate' : 'revenue run rate'}${positive < 1 ? ', over the draws with revenue > 0' : ''}${inUsd}`, [R('valuation'), ref(annual.id, 'annual revenue')],
        map([v, r], (a, b) => a / b),
      );
      if (positive < 1) {
        notes.push(t(
          `Revenue multiple: revenue is 0 or less in ${pct(1 - positive)} of draws; the multiple is summarised over the other ${pct(positive)} (a multiple of no revenue has no value).`,
          `营收倍数：${pct(1 - positive)}的抽样中营收为 0 或更低；倍数按其余 ${pct(positive)} 的抽样汇总（对零营收求倍数没有意义）。`,
        ));
      }
    }
    const dv = datesOf(found.valuation?.facts ?? []);
    const dr = datesOf(found[revKey]?.facts ?? []);
    if (dv.end && dr.end && dv.end.slice(0, 7) !== dr.end.slice(0, 7)) {
      notes.push(t(
        `The revenue multiple divides a valuation of ${dv.text} by ${onMobile ? 'mobile store revenue' : 'revenue'} of ${dr.text}: inputs of different dates.`,
        `营收倍数以${dv.textZh}的估值除以${dr.textZh}的${onMobile ? '移动商店收入' : '营收'}：两者日期不同。`,
      ));
    }
    if (onMobile) {
      notes.push(t(
        `The multiple divides the valuation by mobile store revenue alone, the article's comparison; ${name}'s total revenue is larger, so its true revenue multiple is lower.`,
        `该倍数以估值除以移动商店收入，即原文的比较；${entity.nameZh ?? name}的总营收更高，真实营收倍数更低。`,
      ));
    }
  } else if (!valuation) {
    missing.push(t('no valuation: the revenue multiple cannot be computed; record a valuation fact', `没有估值数据：无法计算营收倍数；请补充${zhMetrics('valuation')}数据`));
  } else {
    missing.push(t('no revenue: the revenue multiple cannot be computed; record a revenue fact', `没有营收数据：无法计算营收倍数；请补充${zhMetrics('revenue')}数据`));
  }

  // Capital efficiency.
  const funding = S('funding');
  const toDate = S('revenueToDate');
  let revenueBasis: HealthDetails['revenueBasis'] = annual?.basis ?? null;
  if (funding) {
    if (toDate && (!annual || annual.basis !== 'company' || found.revenue?.status === 'derived')) {
      revenueBasis = 'to-date';
      add('capital_efficiency', t(`capital efficiency: revenue to date per ${perRaised.en} raised`, `资本效率：每融资 1 ${perRaised.zh}的累计营收`), 'multiple', null, `revenue to date / funding raised${inUsd}`, [R('revenueToDate'), R('funding')], map([B('revenueToDate')!, B('funding')!], (r, f) => (f > 0 ? r / f : NaN)));
    } else if (annual) {
      add(
        'capital_efficiency',
        annual.basis === 'company' ? t(`capital efficiency: annual revenue per ${perRaised.en} raised`, `资本效率：每融资 1 ${perRaised.zh}的年化营收`) : t('capital efficiency on mobile store revenue only', '资本效率（仅移动商店收入）'),
        'multiple', null, `revenue run rate / funding raised${inUsd}`, [ref(annual.id, 'annual revenue'), R('funding')], map([annual.ratio, B('funding')!], (r, f) => (f > 0 ? r / f : NaN)),
      );
    } else {
      missing.push(t('no revenue: capital efficiency cannot be computed; record a revenue fact', `没有营收数据：无法计算资本效率；请补充${zhMetrics('revenue')}数据`));
    }
  } else {
    missing.push(t('no funding figure: capital efficiency cannot be computed; record a funding fact', `没有融资数据：无法计算资本效率；请补充${zhMetrics('funding')}数据`));
  }

  // Growth-based metrics: burn multiple, rule of 40, default alive.
  const growth = S('revenueGrowth');
  let band: BurnMultipleBand | null = null;
  let pRule40: number | null = null;
  let pAlive: number | null = null;
  if (!growth) {
    missing.push(t(
      `no revenue growth: burn multiple, rule of 40 and default alive cannot be computed; record two revenue run rates at least a month apart (growth is derived from them), or give a revenue growth assumption (${growthAssumptionWhere(options.hint)})`,
      '没有营收增速：无法计算烧钱倍数、40 法则与“默认存活”；请记录相隔至少一个月的两期营收（据此推算增速），或给出营收增速假设（写入假设文件，或采用自带假设）',
    ));
  } else if (!revenue) {
    missing.push(t(
      'no company revenue: burn multiple, rule of 40 and default alive need the company\'s revenue (mobile store revenue is not enough); record a revenue fact',
      `没有公司营收：烧钱倍数、40 法则与“默认存活”需要公司营收（移动商店收入不够）；请补充${zhMetrics('revenue')}数据`,
    ));
  } else {
    if (netBurn) {
      const e = add(
        'burn_multiple', t('burn multiple', '烧钱倍数'), 'multiple', null,
        `net burn a month / net new ARR a month, net new ARR = 12 x revenue a month x monthly growth${inUsd}`,
        [ref(netBurnId!, 'net burn'), R('revenue'), R('revenueGrowth')],
        map([B('netBurn')!, B('revenue')!, growth], (b, r, g) => (b <= 0 ? 0 : r * g > 0 ? b / (12 * r * g) : Infinity)),
      );
      band = burnMultipleBand(e.p50) ?? null;
    } else {
      missing.push(t('no net burn: the burn multiple cannot be computed', '没有净烧钱：无法计算烧钱倍数'));
    }
    if (grossBurn) {
      const score = add(
        'rule_of_40', t('rule of 40 score (points)', '40 法则得分（百分点）'), 'count', null,
        `100 x (annual growth + profit margin), annual growth = (1 + g)^12 - 1, margin = (revenue - costs) / revenue${inUsd}`,
        [R('revenue'), R('revenueGrowth'), ref(grossBurnId!, 'gross burn')],
        map([B('revenue')!, growth, B('grossBurn')!], (r, g, c) => 100 * (Math.pow(1 + g, 12) - 1 + (r > 0 ? (r - c) / r : -Infinity))),
      );
      pRule40 = share(score.samples!, (x) => x >= 40);
      if (cash) {
        const tm = new Float64Array(n);
        const cn = new Float64Array(n);
        const alive = new Float64Array(n);
        const [rB, cB, cashB] = [B('revenue')!, B('grossBurn')!, B('cash')!];
        for (let i = 0; i < n; i++) {
          // C in the display currency, as an amount; T and C <= cash from the US-dollar inputs, as ratios are.
          cn[i] = defaultAliveValue(revenue[i]!, grossBurn[i]!, growth[i]!).cashNeeded;
          const d = defaultAliveValue(rB[i]!, cB[i]!, growth[i]!);
          tm[i] = d.periods;
          alive[i] = d.cashNeeded <= cashB[i]! ? 1 : 0;
        }
        const ins = [R('revenue'), ref(grossBurnId!, 'gross burn'), R('revenueGrowth'), R('cash')];
        add('default_alive.months_to_profit', t('months to profitability (default alive, T)', '距盈利月数（T）'), 'count', null, `T = ln(E / R0) / ln(1 + g); 0 when R0 >= E; infinite when g <= 0${inUsd}`, ins, tm);
        add('default_alive.cash_needed', t('cash needed to reach profitability (C)', '实现盈利所需现金（C）'), money.code, null, 'C = E T - (E - R0) / ln(1 + g)', ins, cn);
        const p = add('default_alive.probability', t('probability default alive (C <= cash)', '默认存活概率（C <= 现金）'), 'percent', null, `share of draws with C <= cash${inUsd}`, ins, alive);
        pAlive = p.mean;
      } else {
        missing.push(t('no cash figure: default alive cannot be decided; record a cash fact', `没有现金数据：无法判断“默认存活”；请补充${zhMetrics('cash')}数据`));
      }
    } else {
      missing.push(t('no costs: rule of 40 and default alive need spending; record a spend fact', `没有支出数据：40 法则与“默认存活”需要支出；请补充${zhMetrics('spend')}数据`));
    }
  }

  for (const a of got.ignoredAssumptions) {
    notes.push(a.reason
      ? t(
        `The assumption for ${a.input} ("${a.value}") was not used: ${a.reason.en}.`,
        `${HEALTH_INPUT_SHAPE[a.input].label.zh}的假设（“${a.value}”）未采用：${a.reason.zh}。`,
      )
      : t(
        `The assumption for ${a.input} ("${a.value}") was not used: the ledger has a figure for it.`,
        `${HEALTH_INPUT_SHAPE[a.input].label.zh}的假设（“${a.value}”）未采用：账本已有该数据。`,
      ));
  }

  // Infinite draws: say how often and what they mean, instead of a mean of infinity.
  const unbounded: HealthUnbounded[] = [];
  for (const e of estimates) {
    const u = UNBOUNDED[e.id];
    if (!u || !e.samples) continue;
    const k = share(e.samples, (x) => x === Infinity);
    if (k === 0) continue;
    unbounded.push({ estimateId: e.id, share: k, ...u });
    const p = `${+(k * 100).toPrecision(3)}%`;
    notes.push(t(
      `${cap(e.label.en)}: ${u.meaning.en} in ${p} of draws (${u.when.en}); its mean is not defined, its median and 90% interval are of all draws${k > 0.05 ? ', so the upper end reads "' + u.meaning.en + '"' : ''}.`,
      `${e.label.zh}：${p}的抽样为“${u.meaning.zh}”（${u.when.zh}）；其均值无定义，中位数与 90% 区间按全部抽样计算${k > 0.05 ? `，因此区间上端为“${u.meaning.zh}”` : ''}。`,
    ));
  }

  const inputs: HealthInputRow[] = (Object.keys(HEALTH_INPUT_SHAPE) as HealthInputName[]).map((k) => {
    const inp: HealthInput | undefined = found[k];
    return {
      name: k,
      label: HEALTH_INPUT_SHAPE[k].label,
      status: inp?.status ?? 'missing',
      estimateId: inputEst[k]?.id ?? null,
      factIds: [...new Set(inp?.facts.map((f) => f.id) ?? [])],
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
    // the currency's note last, as analysisInCurrency puts it
    notes: shown ? [...notes, shown.noteAsWritten] : notes,
    env: { sampleCount: env.sampleCount, seed: env.seed },
    details: {
      company: { id: entity.id, nameEn: entity.nameEn, nameZh: entity.nameZh, kind: entity.kind },
      inputs,
      revenueBasis,
      burnMultipleBand: band,
      probabilityDefaultAlive: pAlive,
      probabilityRuleOf40: pRule40,
      asOf: got.asOf,
      start: inputsStart({ date: options.asOf ?? null, basis: options.start?.basis ?? (options.asOf ? 'given' : 'latest') }, options.start?.file ?? null, got.asOf, got.leftAside),
      missing,
      conversions: got.conversions,
      unbounded,
    },
    ...(shown ? { currency: { code: shown.code, perUsd: shown.perUsd, month: shown.month, note: shown.noteAsWritten } } : {}),
  };
}

/** Where a revenue growth assumption goes, in the surface's words: a file or the shipped ones by flag, a request's text or field, or a file. */
function growthAssumptionWhere(hint: OptionHint = 'none'): string {
  if (hint === 'cli') return `revenue_growth in an assumptions file, or ${optionName('withAssumptions', hint)} for the shipped ones`;
  if (hint === 'api') return `revenue_growth in assumptionsText, or ${optionName('withAssumptions', hint)} for the shipped ones`;
  return 'revenue_growth in a survival assumptions file';
}

/**
 * The inputs in US dollars that ratios are computed from, when the display
 * currency is another: `collectUsd`'s, or null when it refuses an assumption
 * written in the display currency with no as-of date to convert it at (the
 * ratios are then computed in the display currency, and a note says so).
 */
async function ratioBase(collectUsd: () => ReturnType<typeof collectHealthInputs>): Promise<Partial<Record<HealthInputName, HealthInput>> | null> {
  try {
    return (await collectUsd()).found;
  } catch (e) {
    if (e instanceof ShakeoutError && e.issues.some((i) => i.code === 'invalid_assumption')) return null;
    throw e;
  }
}

/** The money "raised" is counted in, for a ratio's label: 'dollar' / '美元', 'euro' / '欧元'. */
function raisedUnit(code: Currency): Text {
  return code === 'USD' ? { en: 'dollar', zh: '美元' } : { en: CURRENCY_TABLE[code].nameEn, zh: CURRENCY_TABLE[code].suffixZh };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function statusZh(s: InputStatus): string {
  return { reported: '报道', derived: '推算', assumed: '假设', missing: '缺失' }[s];
}

function share(x: Float64Array, f: (v: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < x.length; i++) if (f(x[i]!)) k++;
  return k / x.length;
}

/** The largest share of revenue draws that may be 0 or less: beyond it the revenue multiple is refused, below it summarised over the positive draws. */
const MAX_SHARE_NO_REVENUE = 0.05;

/** The values of `x` at the draws where `by` is above 0. */
function keep(x: Float64Array, by: Float64Array): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < by.length; i++) if (by[i]! > 0) out.push(x[i]!);
  return Float64Array.from(out);
}

function pct(x: number): string {
  return `${+(x * 100).toPrecision(3)}%`;
}

/** The periods facts cover, as text, and the latest end. */
function datesOf(facts: readonly Fact[]): { text: string; textZh: string; end: string | null } {
  const ps = facts.filter((f) => f.period);
  const periods = [...new Set(ps.map((f) => f.period!.text))];
  const end = ps.reduce<string | null>((m, f) => (m === null || f.period!.end > m ? f.period!.end : m), null);
  return { text: periods.join(', '), textZh: periods.map((p) => periodText(p, 'zh')).join('、'), end };
}

function uniqueFacts(facts: readonly Fact[]): Fact[] {
  const seen = new Map<string, Fact>();
  for (const f of facts) if (!seen.has(f.id)) seen.set(f.id, f);
  return [...seen.values()];
}
