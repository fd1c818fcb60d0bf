import { convertCurrency, formatValue, isCurrency, latestFxMonth, parsePeriod, quantileOfSpec, ShakeoutError, type Currency, type DistSpec, type FxTable, type Per, type Unit } from '../../core/index.js';
import { sampleSpec, streamOf, type Env } from '../../estimate/index.js';
import type { Fact } from '../../ledger/index.js';
import type { Analysis, Assumption, Estimate, InputRef, Text } from '../analysis.js';
import { DEFAULT_ANALYSIS_ENV } from '../common/default-env.js';
import { estimateOf, combine } from '../common/estimate-of.js';
import { factRef } from '../common/fact-ref.js';
import { factSpec } from '../common/fact-spec.js';
import { perMonthFactor } from '../common/per-month.js';
import { readValueText, scaleSpec } from '../common/value-text.js';
import { breakEvenSubscribers, marginPerUser, netPrice, paybackMonths } from './unit-margin.js';

/**
 * One input: text as the user writes it (a figure such as "19.99美元/月" or
 * "about $5 a month", or a model expression such as "2 to 8"), a stated
 * assumption (text with its rationale, in Chinese too when `rationaleZh` is
 * given), or a fact of the ledger.
 *
 * Money is never taken to be US dollars because nothing else is written: the
 * text names its currency ("$14.99/month", "€14.99 a month", "2 to 8 USD",
 * "2至8美元"), or a stated assumption names it in `currency`. A number alone
 * ("14.99/month", "2 to 8") for money is refused (code `missing_currency`).
 */
export type UnitInput =
  | string
  | { readonly text: string; readonly rationale: string; readonly rationaleZh?: string; readonly currency?: Currency }
  | { readonly fact: Fact; readonly label?: string; readonly labelZh?: string };

export interface UnitEconomicsInputs {
  /** Price of the plan a month (USD). */
  readonly price: UnitInput;
  /** Share of the price the store keeps, a fraction or a percent ('30%', '0.15 to 0.3'). */
  readonly storeShare: UnitInput;
  /** Inference cost per paying user a month (USD); or give queriesPerUser and costPerQuery. */
  readonly inferenceCost?: UnitInput;
  /** Queries per paying user a month. */
  readonly queriesPerUser?: UnitInput;
  /** Inference cost per query (USD): input tokens x input price + output tokens x output price. */
  readonly costPerQuery?: UnitInput;
  /** Other fixed costs a month (USD); a figure with another period is converted. */
  readonly fixedCosts?: UnitInput;
  /** One training run's cost (USD), amortised over `amortiseMonths`. */
  readonly trainingCost?: UnitInput;
  /** Other readings of the training cost (Epoch's cloud rental and hardware acquisition costs), for comparison. */
  readonly alternativeTrainingCosts?: readonly { readonly label: string; readonly labelZh?: string; readonly input: UnitInput }[];
  /** Months the training cost is spread over (default 12). */
  readonly amortiseMonths?: number;
  /** Paying subscribers, for the payback of the training run. */
  readonly subscribers?: UnitInput;
  /**
   * The FX table, to take money in another currency ('€14.99/month'): a fact
   * at the rate of its own period, a figure written without a date at the
   * latest month the table has (read as a current price); each conversion is
   * named in the notes. Without it, money must be in US dollars.
   */
  readonly fx?: FxTable;
}

/** One input as used. */
export interface UnitInputRow {
  readonly name: string;
  readonly status: 'given' | 'assumed' | 'reported' | 'derived';
  readonly text: string;
  readonly factId: string | null;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly unit: Unit;
  readonly per: Per | null;
}

export interface UnitEconomicsDetails {
  readonly amortiseMonths: number;
  readonly inputs: readonly UnitInputRow[];
  /** Share of draws where a paying user loses money (margin <= 0): no number of subscribers breaks even there. */
  readonly probabilityNegativeMargin: number;
  /** Share of draws where the given subscribers never pay back the training run; null without a payback. */
  readonly probabilityNeverPaysBack: number | null;
  /** The answer in one sentence: how many subscribers pay for the training run. */
  readonly answer: Text | null;
  /** Break-even subscribers for each reading of the training cost (median), main reading first. */
  readonly breakEvenByTrainingCost: readonly { readonly label: string; readonly labelText?: Text; readonly trainingCost: number; readonly subscribers: number }[];
}

const t = (en: string, zh: string): Text => ({ en, zh });
const DEFAULT_AMORTISE_MONTHS = 12;
const INPUT_NAMES: Record<string, Text> = {
  price: t('price a month', '月价格'),
  storeShare: t("store's share of the price", '商店分成比例'),
  inferenceCost: t('inference cost per paying user a month', '每付费用户每月推理成本'),
  queriesPerUser: t('queries per paying user a month', '每付费用户每月查询数'),
  costPerQuery: t('inference cost per query', '每次查询推理成本'),
  fixedCosts: t('other fixed costs a month', '其他每月固定成本'),
  trainingCost: t('training cost of one run', '单次训练成本'),
  subscribers: t('paying subscribers', '付费订阅者'),
};
const PER_ZH: Readonly<Record<Per, string>> = { day: '每日', week: '每周', month: '每月', quarter: '每季度', year: '每年' };

/** What an input must be, beyond its unit: prices and costs positive, shares in [0, 1), counts not negative. */
type Bound = 'positive' | 'share' | 'non-negative';
const BOUND_OF: Readonly<Record<string, Bound>> = {
  price: 'positive',
  storeShare: 'share',
  inferenceCost: 'positive',
  costPerQuery: 'positive',
  fixedCosts: 'positive',
  trainingCost: 'positive',
  queriesPerUser: 'non-negative',
  subscribers: 'non-negative',
};
const pctText = (x: number): string => `${Number((x * 100).toPrecision(4))}%`;

/** Months as text: '4.7', or 'never' / '无法收回' for a draw that never pays back. */
function monthsText(x: number, lang: 'en' | 'zh'): string {
  return Number.isFinite(x) ? x.toFixed(1) : lang === 'en' ? 'never' : '永不';
}
/** Subscribers as text, or 'no number' / '无论多少都不够' when the margin is not positive. */
function subscribersText(x: number, lang: 'en' | 'zh'): string {
  return Number.isFinite(x) ? formatValue(x, 'count', lang) : lang === 'en' ? 'no number' : '无论多少都不够';
}
function shareOfInfinite(x: Float64Array): number {
  let k = 0;
  for (const v of x) if (!Number.isFinite(v)) k++;
  return x.length ? k / x.length : 0;
}

/**
 * Unit economics of a paid AI subscription: margin per paying user a month =
 * price x (1 - store share) - inference cost per user; break-even
 * subscribers = (fixed costs a month + training cost / amortisation months)
 * / margin; payback months of the training run for a number of subscribers.
 * Each input may be a figure with a qualifier, a model expression or a
 * ledger fact, and carries its uncertainty through the draws.
 *
 * The article's question, "how many subscribers at $19.99 pay for a
 * training run like GPT-4's", is `{price: F21, storeShare: '15% to 30%',
 * inferenceCost: '2 to 8', trainingCost: GPT-4's Epoch cost, amortiseMonths: 12}`.
 *
 * @example
 * analyzeUnitEconomics({ price: '$19.99 a month', storeShare: '30%', inferenceCost: '$5 a month', trainingCost: '$40.7M' }, env)
 * // margin ≈ $8.99 a user a month; break-even ≈ 377k subscribers over 12 months
 */
export function analyzeUnitEconomics(inputs: UnitEconomicsInputs, env: Env = DEFAULT_ANALYSIS_ENV): Analysis<UnitEconomicsDetails> {
  const amortise = inputs.amortiseMonths ?? DEFAULT_AMORTISE_MONTHS;
  if (!(amortise > 0 && Number.isFinite(amortise))) throw inputError('amortiseMonths', `amortise months must be a number > 0, got ${amortise}`);
  const n = env.sampleCount;
  const rows: UnitInputRow[] = [];
  const assumptions: Assumption[] = [];
  const facts: Fact[] = [];
  const estimates: Estimate[] = [];
  const notes: Text[] = [];
  interface Read { samples: Float64Array; ref: InputRef; label: string }
  const read = (name: string, input: UnitInput, kind: 'money-month' | 'money' | 'share' | 'count-month' | 'count'): Read => {
    let spec: DistSpec;
    let unit: Unit;
    let per: Per | null;
    let status: UnitInputRow['status'];
    let text: string;
    let ref: InputRef;
    let factId: string | null = null;
    const isMoney = kind === 'money' || kind === 'money-month';
    const monthly = kind === 'money-month' || kind === 'count-month';
    if (typeof input === 'object' && 'fact' in input) {
      const f = input.fact;
      spec = factSpec(f);
      unit = f.figure.unit;
      per = f.figure.per;
      status = f.kind === 'derived' ? 'derived' : f.kind === 'assumption' ? 'assumed' : 'reported';
      text = input.label ? (input.label.startsWith(`${f.id} `) ? input.label.slice(f.id.length + 1) : input.label) : (f.valueTextEn ?? f.valueText);
      ref = factRef(f, input.label ?? `${f.id} ${name}`);
      factId = f.id;
      if (!facts.some((x) => x.id === f.id)) facts.push(f);
    } else {
      text = typeof input === 'string' ? input : input.text;
      // money takes only the currency it is given; a bare share is a fraction ('0.15 to 0.3') and a bare count a count
      const given = typeof input === 'string' ? undefined : input.currency;
      const defaultUnit: Unit | undefined = isMoney ? given : 'count';
      const v = readValueText(text, { name, ...(defaultUnit ? { defaultUnit } : {}), ...(monthly ? { defaultPer: 'month' as const } : {}) });
      if (isMoney && !isCurrency(v.unit)) {
        const message = `${name}: expected money with its currency, such as "$14.99 a month", "€14.99/month", "2 to 8 USD" or "2至8美元", got "${text}", a number with no currency: it is not taken as US dollars`;
        throw new ShakeoutError(message, { issues: [{ code: 'missing_currency', path: [name], message, expected: 'money', got: text }], status: 400 });
      }
      spec = v.spec;
      unit = v.unit;
      per = v.per;
      if (typeof input === 'string') {
        status = 'given';
        ref = { kind: 'assumption', id: `input.${name}`, label: name };
      } else {
        status = 'assumed';
        const id = `unit-economics.${name}`;
        const what = INPUT_NAMES[name.replace(/\.\d+$/, '')] ?? t(name, name);
        assumptions.push({ id, text: t(what.en, what.zh), rationale: t(input.rationale, input.rationaleZh ?? input.rationale), value: { text, spec, unit, per } });
        ref = { kind: 'assumption', id, label: name };
      }
    }
    if (isMoney && unit !== 'USD' && isCurrency(unit) && inputs.fx) {
      const f = typeof input === 'object' && 'fact' in input ? input.fact : null;
      const month = f?.period ? null : latestFxMonth(inputs.fx, unit);
      const period = f?.period ?? (month ? parsePeriod(month) : null);
      if (!period) throw inputError(name, `${name}: no ${unit} rate in the FX table "${inputs.fx.name}" to convert "${text}" to US dollars; add one with shakeout fx add`);
      const c = convertCurrency({ value: 1, unit, per: null }, 'USD', period, inputs.fx);
      spec = scaleSpec(spec, c.quantity.value);
      const what = INPUT_NAMES[name.replace(/\.\d+$/, '')] ?? t(name, name);
      notes.push(t(
        `${what.en} "${text}" converted to US dollars${month ? ' at the latest month of the FX table (a figure written without a date is read as current)' : ` at the rate of its period (${f!.id})`}: ${c.note}.`,
        `${what.zh}“${text}”已折成美元${month ? '，按汇率表中最近一个月的汇率（未注明日期的数字视为当前价格）' : `，按其所属时段的汇率（${f!.id}）`}：${c.noteZh}。`,
      ));
      unit = 'USD';
    }
    if (isMoney && unit !== 'USD') {
      throw inputError(name, `${name}: expected US dollars ("$19.99 a month", "2 to 8 USD") or a currency the FX table converts, got "${text}" (${unit})`);
    }
    if (kind === 'share' && unit !== 'percent' && unit !== 'count') throw inputError(name, `${name}: expected a share such as "30%" or "0.15 to 0.3", got "${text}"`);
    if (monthly && per && per !== 'month') {
      spec = scaleSpec(spec, perMonthFactor(per));
      const what = INPUT_NAMES[name.replace(/\.\d+$/, '')] ?? t(name, name);
      notes.push(t(`${what.en} "${text}" is per ${per}; converted to a month.`, `${what.zh}“${text}”按${PER_ZH[per]}计，已换算为每月。`));
      per = 'month';
    }
    if (monthly && !per) per = 'month';
    if (kind === 'money' && per) throw inputError(name, `${name}: expected a one-off amount, got a rate "${text}"`);
    checkBounds(name, text, spec);
    rows.push({ name, status, text, factId, p5: quantileOfSpec(spec, 0.05), p50: quantileOfSpec(spec, 0.5), p95: quantileOfSpec(spec, 0.95), unit: isCurrency(unit) ? unit : kind === 'share' ? 'percent' : unit, per });
    return { samples: sampleSpec(spec, env, streamOf(`unit-economics/${name}`)).samples, ref, label: name };
  };
  const map = combine;
  const add = (id: string, label: Text, unit: Unit, per: Per | null, formula: string, ins: readonly InputRef[], samples: Float64Array): Estimate => {
    const e = estimateOf({ id, label, unit, per, formula, inputs: ins }, samples);
    estimates.push(e);
    return e;
  };
  const eref = (e: Estimate): InputRef => ({ kind: 'estimate', id: e.id, label: e.label.en });

  const price = read('price', inputs.price, 'money-month');
  const share = read('storeShare', inputs.storeShare, 'share');
  let inference: Read;
  if (inputs.inferenceCost !== undefined) inference = read('inferenceCost', inputs.inferenceCost, 'money-month');
  else if (inputs.queriesPerUser !== undefined && inputs.costPerQuery !== undefined) {
    const q = read('queriesPerUser', inputs.queriesPerUser, 'count-month');
    const c = read('costPerQuery', inputs.costPerQuery, 'money');
    const e = add('inference_cost', t('inference cost per paying user', '每付费用户推理成本'), 'USD', 'month', 'queries per user x cost per query', [q.ref, c.ref], map([q.samples, c.samples], (a, b) => a * b));
    inference = { samples: e.samples!, ref: eref(e), label: 'inference cost' };
  } else {
    throw inputError('inferenceCost', 'give the inference cost per paying user a month ("2 to 8"), or queries per user and cost per query');
  }

  const net = add('net_price', t('net price after the store\'s share', '扣除商店分成后的净价'), 'USD', 'month', 'price x (1 - store share)', [price.ref, share.ref], map([price.samples, share.samples], netPrice));
  const margin = add('margin_per_user', t('margin per paying user', '每付费用户毛利'), 'USD', 'month', 'price x (1 - store share) - inference cost', [price.ref, share.ref, inference.ref], map([price.samples, share.samples, inference.samples], marginPerUser));
  void net;
  let negative = 0;
  for (let i = 0; i < n; i++) if (margin.samples![i]! <= 0) negative++;
  const pNeg = negative / n;
  if (pNeg > 0) notes.push(t(`In ${(pNeg * 100).toFixed(1)}% of draws a paying user costs more to serve than they pay: no number of subscribers breaks even there.`, `在 ${(pNeg * 100).toFixed(1)}% 的抽样中，付费用户的服务成本高于其付费：此时多少订阅者都无法收支平衡。`));

  const fixed = inputs.fixedCosts !== undefined ? read('fixedCosts', inputs.fixedCosts, 'money-month') : null;
  const training = inputs.trainingCost !== undefined ? read('trainingCost', inputs.trainingCost, 'money') : null;
  const breakEvenBy: { label: string; labelText: Text; trainingCost: number; subscribers: number }[] = [];
  let answer: Text | null = null;
  let monthlyFixed: Estimate | null = null;
  let neverPaysBack: number | null = null;
  const trainLabel = training ? rows.find((r) => r.name === 'trainingCost')!.text : '';
  /** The monthly costs subscribers must cover, as a formula: 'other fixed costs a month + training cost (GPT-4, ...) / 12'. */
  const costsFormula = (trainingText: string | null): string => {
    const parts = [fixed ? 'other fixed costs a month' : null, trainingText !== null ? `training cost (${trainingText}) / ${amortise}` : null].filter((x): x is string => x !== null);
    return parts.length > 1 ? `(${parts.join(' + ')})` : parts[0]!;
  };
  const NEVER = 'no number of subscribers when the margin <= 0';
  if (fixed || training) {
    const zero = new Float64Array(n);
    monthlyFixed = add(
      'fixed_per_month', t(`fixed costs a month${training ? ` (training amortised over ${amortise} months)` : ''}`, `每月固定成本${training ? `（训练成本按 ${amortise} 个月摊销）` : ''}`),
      'USD', 'month', [fixed ? 'other fixed costs a month' : null, training ? `training cost (${trainLabel}) / ${amortise}` : null].filter(Boolean).join(' + '),
      [...(fixed ? [fixed.ref] : []), ...(training ? [training.ref] : [])],
      map([fixed?.samples ?? zero, training?.samples ?? zero], (f, c) => f + c / amortise),
    );
    const be = add(
      'break_even_subscribers', t('break-even paying subscribers', '收支平衡所需付费订阅者'), 'count', null,
      `${costsFormula(training ? trainLabel : null)} / margin per paying user (${NEVER})`,
      [eref(monthlyFixed), eref(margin)], map([monthlyFixed.samples!, margin.samples!], breakEvenSubscribers),
    );
    if (training) {
      const mainRow = inputs.trainingCost;
      const mainZh = typeof mainRow === 'object' && 'fact' in mainRow && mainRow.labelZh ? mainRow.labelZh : trainLabel;
      breakEvenBy.push({ label: trainLabel, labelText: t(trainLabel, mainZh), trainingCost: median(training.samples), subscribers: be.p50 });
      for (const [i, alt] of (inputs.alternativeTrainingCosts ?? []).entries()) {
        const r = read(`trainingCost.${i + 1}`, alt.input, 'money');
        const zh = alt.labelZh ?? alt.label;
        const e = add(
          `break_even_subscribers.alt${i + 1}`,
          t(`break-even paying subscribers if the training cost is ${alt.label} instead`, `若训练成本按${zh}计，收支平衡所需付费订阅者`), 'count', null,
          `${costsFormula(alt.label)} / margin per paying user (${NEVER})`, [r.ref, eref(margin), ...(fixed ? [fixed.ref] : [])],
          map([fixed?.samples ?? zero, r.samples, margin.samples!], (f, c, m) => breakEvenSubscribers(f + c / amortise, m)),
        );
        breakEvenBy.push({ label: alt.label, labelText: t(alt.label, zh), trainingCost: median(r.samples), subscribers: e.p50 });
      }
      const p = median(price.samples);
      const neverBe = shareOfInfinite(be.samples!);
      const beEn = Number.isFinite(be.p50)
        ? `about ${subscribersText(be.p50, 'en')} paying subscribers (90%: ${subscribersText(be.p5, 'en')} to ${subscribersText(be.p95, 'en')}${neverBe > 0 ? `; in ${pctText(neverBe)} of draws no number suffices, as the margin is not positive` : ''})`
        : `no number of paying subscribers (in ${pctText(neverBe)} of draws the margin per user is not positive)`;
      const beZh = Number.isFinite(be.p50)
        ? `约 ${subscribersText(be.p50, 'zh')} 名付费订阅者（90% 区间 ${subscribersText(be.p5, 'zh')} 至 ${subscribersText(be.p95, 'zh')}${neverBe > 0 ? `；${pctText(neverBe)} 的抽样中每用户毛利不为正，多少订阅者都不够` : ''}）`
        : `无论多少付费订阅者都不够（${pctText(neverBe)} 的抽样中每用户毛利不为正）`;
      const inferenceText = rows.find((r) => r.name === 'inferenceCost')?.text;
      answer = t(
        `At ${formatValue(p, 'USD', 'en', 'month')}, ${beEn} pay for a ${formatValue(median(training.samples), 'USD', 'en')} training run (${trainLabel}) amortised over ${amortise} months${fixed ? ' and the other fixed costs' : ''}, after the store's share (${rows.find((r) => r.name === 'storeShare')!.text}) and inference costs (${inferenceText !== undefined ? `${inferenceText} a paying user a month` : 'from queries x cost per query'}).`,
        `按${formatValue(p, 'USD', 'zh', 'month')}计，${beZh}可在 ${amortise} 个月内覆盖 ${formatValue(median(training.samples), 'USD', 'zh')} 的训练成本${fixed ? '及其他固定成本' : ''}（已扣除商店分成与推理成本）。`,
      );
    }
  }
  if (inputs.subscribers !== undefined && training) {
    const subs = read('subscribers', inputs.subscribers, 'count');
    const zero = new Float64Array(n);
    const pb = add(
      'payback_months', t('months for these subscribers to pay back the training run', '这些订阅者收回训练成本所需月数'), 'count', null,
      `training cost (${trainLabel}) / (subscribers x margin per paying user${fixed ? ' - other fixed costs a month' : ''}) (never when the divisor <= 0)`,
      [training.ref, subs.ref, eref(margin), ...(fixed ? [fixed.ref] : [])],
      map([training.samples, subs.samples, margin.samples!, fixed?.samples ?? zero], paybackMonths),
    );
    const never = shareOfInfinite(pb.samples ?? new Float64Array(0));
    neverPaysBack = pb.samples ? never : pb.p50 === Infinity ? 1 : 0;
    if (answer) {
      const who = formatValue(median(subs.samples), 'count', 'en');
      const whoZh = formatValue(median(subs.samples), 'count', 'zh');
      const subsText = rows.find((r) => r.name === 'subscribers')!.text;
      const nev = neverPaysBack;
      const en = Number.isFinite(pb.p50)
        ? `${who} paying subscribers (${subsText}) would pay it back in about ${monthsText(pb.p50, 'en')} months (90%: ${monthsText(pb.p5, 'en')} to ${monthsText(pb.p95, 'en')}${nev > 0 ? `; in ${pctText(nev)} of draws never` : ''}).`
        : `${who} paying subscribers (${subsText}) would never pay it back in ${pctText(nev)} of draws${Number.isFinite(pb.p5) ? ` (90%: ${monthsText(pb.p5, 'en')} months to never)` : ''}.`;
      const zh = Number.isFinite(pb.p50)
        ? `${whoZh} 名付费订阅者约 ${monthsText(pb.p50, 'zh')} 个月即可收回（90% 区间 ${monthsText(pb.p5, 'zh')} 至 ${Number.isFinite(pb.p95) ? monthsText(pb.p95, 'zh') : '永不收回'}${nev > 0 ? `；${pctText(nev)} 的抽样中永远无法收回` : ''}）。`
        : `${whoZh} 名付费订阅者在 ${pctText(nev)} 的抽样中永远无法收回${Number.isFinite(pb.p5) ? `（90% 区间 ${monthsText(pb.p5, 'zh')} 个月至永不收回）` : ''}。`;
      answer = t(`${answer.en} ${en}`, `${answer.zh}${zh}`);
    }
  } else if (inputs.subscribers !== undefined) {
    notes.push(t('Subscribers were given but no training cost: there is nothing to pay back.', '给出了订阅者数但没有训练成本：无需回本。'));
  }
  if (!training) notes.push(t('No training cost given: break-even covers the fixed costs only. Name a model of the Epoch table to compare with a training run.', '未给出训练成本：收支平衡只覆盖固定成本。可指定Epoch表中的某个模型，与一次训练的成本相比较。'));

  return {
    kind: 'unit-economics',
    title: t('Unit economics of a paid subscription', '付费订阅的单位经济'),
    subject: null,
    estimates,
    facts,
    assumptions,
    notes,
    env: { sampleCount: env.sampleCount, seed: env.seed },
    details: { amortiseMonths: amortise, inputs: rows, probabilityNegativeMargin: pNeg, probabilityNeverPaysBack: neverPaysBack, answer, breakEvenByTrainingCost: breakEvenBy },
  };
}

function median(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
}

/**
 * Checks an input's distribution against what it stands for: a price or a
 * cost must be above 0 (at its 5th percentile), a store's share at least 0
 * and under 100% (over its 90% interval), a count not negative.
 */
function checkBounds(name: string, text: string, spec: DistSpec): void {
  const bound = BOUND_OF[name.replace(/\.\d+$/, '')];
  if (!bound) return;
  const p5 = quantileOfSpec(spec, 0.05);
  const p95 = quantileOfSpec(spec, 0.95);
  if (bound === 'share' && !(p5 >= 0 && p95 < 1)) {
    throw inputError(name, `${name}: expected a share of the price from 0 up to (not including) 100%, such as "30%" or "15% to 30%", got "${text}"${p5 === p95 ? "" : ` (90% interval ${pctText(p5)} to ${pctText(p95)})`}`);
  }
  if (bound === 'positive' && !(p5 > 0)) {
    throw inputError(name, `${name}: expected an amount above 0, got "${text}"${p5 === p95 ? "" : ` (5th percentile ${Number(p5.toPrecision(4))})`}`);
  }
  if (bound === 'non-negative' && !(p5 >= 0)) {
    throw inputError(name, `${name}: expected a number of 0 or more, got "${text}"${p5 === p95 ? "" : ` (5th percentile ${Number(p5.toPrecision(4))})`}`);
  }
}

function inputError(path: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_input', path: [path], message }], status: 400 });
}
