import { formatValue, isCurrency, quantileOfSpec, ShakeoutError, type DistSpec, type Per, type Unit } from '../../core/index.js';
import { sampleSpec, type Env } from '../../estimate/index.js';
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
 * assumption (text with its rationale), or a fact of the ledger.
 */
export type UnitInput = string | { readonly text: string; readonly rationale: string } | { readonly fact: Fact; readonly label?: string };

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
  readonly alternativeTrainingCosts?: readonly { readonly label: string; readonly input: UnitInput }[];
  /** Months the training cost is spread over (default 12). */
  readonly amortiseMonths?: number;
  /** Paying subscribers, for the payback of the training run. */
  readonly subscribers?: UnitInput;
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
  /** Share of draws where a paying user loses money (margin <= 0). */
  readonly probabilityNegativeMargin: number;
  /** The answer in one sentence: how many subscribers pay for the training run. */
  readonly answer: Text | null;
  /** Break-even subscribers for each reading of the training cost (median), main reading first. */
  readonly breakEvenByTrainingCost: readonly { readonly label: string; readonly trainingCost: number; readonly subscribers: number }[];
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
  let stream = 0;

  interface Read { samples: Float64Array; ref: InputRef; label: string }
  const read = (name: string, input: UnitInput, kind: 'money-month' | 'money' | 'share' | 'count-month' | 'count'): Read => {
    const s = stream++;
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
      const v = readValueText(text, { name, defaultUnit: isMoney ? 'USD' : kind === 'share' ? 'percent' : 'count', ...(monthly ? { defaultPer: 'month' as const } : {}) });
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
        assumptions.push({ id, text: t(what.en, what.zh), rationale: t(input.rationale, input.rationale), value: { text, spec, unit, per } });
        ref = { kind: 'assumption', id, label: name };
      }
    }
    if (isMoney && unit !== 'USD') {
      throw inputError(name, `${name}: expected US dollars ("$19.99 a month", "2 to 8"), got "${text}" (${unit})`);
    }
    if (kind === 'share' && unit !== 'percent' && unit !== 'count') throw inputError(name, `${name}: expected a share such as "30%" or "0.15 to 0.3", got "${text}"`);
    if (monthly && per && per !== 'month') {
      spec = scaleSpec(spec, perMonthFactor(per));
      notes.push(t(`${name} "${text}" is per ${per}; converted to a month.`, `${name}“${text}”按${per}计，已换算为每月。`));
      per = 'month';
    }
    if (monthly && !per) per = 'month';
    if (kind === 'money' && per) throw inputError(name, `${name}: expected a one-off amount, got a rate "${text}"`);
    rows.push({ name, status, text, factId, p5: quantileOfSpec(spec, 0.05), p50: quantileOfSpec(spec, 0.5), p95: quantileOfSpec(spec, 0.95), unit: isCurrency(unit) ? unit : kind === 'share' ? 'percent' : unit, per });
    return { samples: sampleSpec(spec, env, s).samples, ref, label: name };
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
  const breakEvenBy: { label: string; trainingCost: number; subscribers: number }[] = [];
  let answer: Text | null = null;
  let monthlyFixed: Estimate | null = null;
  if (fixed || training) {
    const parts = [fixed ? 'fixed costs a month' : null, training ? `training cost / ${amortise}` : null].filter(Boolean).join(' + ');
    const zero = new Float64Array(n);
    monthlyFixed = add(
      'fixed_per_month', t(`fixed costs a month${training ? ` (training amortised over ${amortise} months)` : ''}`, `每月固定成本${training ? `（训练成本按 ${amortise} 个月摊销）` : ''}`),
      'USD', 'month', parts, [...(fixed ? [fixed.ref] : []), ...(training ? [training.ref] : [])],
      map([fixed?.samples ?? zero, training?.samples ?? zero], (f, c) => f + c / amortise),
    );
    const be = add(
      'break_even_subscribers', t('break-even paying subscribers', '收支平衡所需付费订阅者'), 'count', null, 'fixed costs a month / margin per paying user (infinite when the margin <= 0)',
      [eref(monthlyFixed), eref(margin)], map([monthlyFixed.samples!, margin.samples!], breakEvenSubscribers),
    );
    if (training) {
      breakEvenBy.push({ label: rows.find((r) => r.name === 'trainingCost')!.text, trainingCost: median(training.samples), subscribers: be.p50 });
      for (const [i, alt] of (inputs.alternativeTrainingCosts ?? []).entries()) {
        const r = read(`trainingCost.${i + 1}`, alt.input, 'money');
        const e = add(
          `break_even_subscribers.alt${i + 1}`, t(`break-even paying subscribers if training cost is ${alt.label}`, `若训练成本为${alt.label}，收支平衡所需订阅者`), 'count', null,
          `(fixed costs a month + ${alt.label} / ${amortise}) / margin per paying user`, [r.ref, eref(margin), ...(fixed ? [fixed.ref] : [])],
          map([fixed?.samples ?? zero, r.samples, margin.samples!], (f, c, m) => breakEvenSubscribers(f + c / amortise, m)),
        );
        breakEvenBy.push({ label: alt.label, trainingCost: median(r.samples), subscribers: e.p50 });
      }
      const p = median(price.samples);
      const trainLabel = rows.find((r) => r.name === 'trainingCost')!.text;
      answer = t(
        `At ${formatValue(p, 'USD', 'en', 'month')}, about ${formatValue(be.p50, 'count', 'en')} paying subscribers (90%: ${formatValue(be.p5, 'count', 'en')} to ${formatValue(be.p95, 'count', 'en')}) pay for a ${formatValue(median(training.samples), 'USD', 'en')} training run (${trainLabel}) amortised over ${amortise} months${fixed ? ' and the other fixed costs' : ''}, after the store's share (${rows.find((r) => r.name === 'storeShare')!.text}) and inference costs (${rows.find((r) => r.name === 'inferenceCost')?.text ?? 'from queries'} a paying user a month).`,
        `按${formatValue(p, 'USD', 'zh', 'month')}计，约 ${formatValue(be.p50, 'count', 'zh')} 名付费订阅者（90% 区间 ${formatValue(be.p5, 'count', 'zh')} 至 ${formatValue(be.p95, 'count', 'zh')}）可在 ${amortise} 个月内覆盖 ${formatValue(median(training.samples), 'USD', 'zh')} 的训练成本${fixed ? '及其他固定成本' : ''}（已扣除商店分成与推理成本）。`,
      );
    }
  }
  if (inputs.subscribers !== undefined && training) {
    const subs = read('subscribers', inputs.subscribers, 'count');
    const zero = new Float64Array(n);
    const pb = add(
      'payback_months', t('months for these subscribers to pay back the training run', '这些订阅者收回训练成本所需月数'), 'count', null,
      'training cost / (subscribers x margin - other fixed costs a month)', [training.ref, subs.ref, eref(margin), ...(fixed ? [fixed.ref] : [])],
      map([training.samples, subs.samples, margin.samples!, fixed?.samples ?? zero], paybackMonths),
    );
    if (answer) {
      const who = formatValue(median(subs.samples), 'count', 'en');
      const whoZh = formatValue(median(subs.samples), 'count', 'zh');
      answer = t(
        `${answer.en} ${who} paying subscribers (${rows.find((r) => r.name === 'subscribers')!.text}) would pay it back in about ${pb.p50.toFixed(1)} months (90%: ${pb.p5.toFixed(1)} to ${Number.isFinite(pb.p95) ? pb.p95.toFixed(1) : 'never'}).`,
        `${answer.zh}${whoZh} 名付费订阅者约 ${pb.p50.toFixed(1)} 个月即可收回（90% 区间 ${pb.p5.toFixed(1)} 至 ${Number.isFinite(pb.p95) ? pb.p95.toFixed(1) : '无法收回'}）。`,
      );
    }
  } else if (inputs.subscribers !== undefined) {
    notes.push(t('Subscribers were given but no training cost: there is nothing to pay back.', '给出了订阅者数但没有训练成本：无需回本。'));
  }
  if (!training) notes.push(t('No training cost given: break-even covers the fixed costs only. Name a model of the Epoch table to compare with a training run.', '未给出训练成本：收支平衡只覆盖固定成本。'));

  return {
    kind: 'unit-economics',
    title: t('Unit economics of a paid subscription', '付费订阅的单位经济'),
    subject: null,
    estimates,
    facts,
    assumptions,
    notes,
    env: { sampleCount: env.sampleCount, seed: env.seed },
    details: { amortiseMonths: amortise, inputs: rows, probabilityNegativeMargin: pNeg, answer, breakEvenByTrainingCost: breakEvenBy },
  };
}

function median(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
}

function inputError(path: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_input', path: [path], message }], status: 400 });
}
