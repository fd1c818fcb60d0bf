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
  /** The rationale and source written in Chinese, when there are (the English ones stand in otherwise). */
  readonly rationaleZh?: string | null;
  readonly sourceZh?: string | null;
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
  /**
   * Assumptions not used: the ledger has the input, or it can be derived from
   * the ledger (gross burn = net burn + revenue, ...); `reason` says which.
   */
  readonly ignoredAssumptions: readonly (HealthAssumptionInput & { readonly reason?: Text })[];
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
 * first (revenue growth comes from the latest run rate and the latest one at
 * least a month before it) (funding facts are summed: each is a round or a total to date, and a
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
    const f = choose(own.filter((x) => x.metric === metric && isCurrency(x.figure.unit)), name, notes);
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
  const rate = choose(rates, 'revenue', notes);
  if (rate) found.revenue = rateInput(ctx, 'revenue', [rate]);
  const earlier = rate ? earlierRate(rates, rate) : undefined;
  if (rate && earlier) {
    const growth = growthInput(ctx, rate, earlier, found.revenue!);
    if (growth) found.revenueGrowth = growth;
    else {
      notes.push({
        en: `Revenue growth is not derived from ${earlier.id} and ${rate.id}: ${earlier.id} can be 0 or less, and growth from nothing has no rate.`,
        zh: `未从 ${earlier.id} 与 ${rate.id} 推算营收增速：${earlier.id} 可能为 0 或更低，从零起步的增长没有增速可言。`,
      });
    }
  }
  const toDate = choose(revenue.filter((f) => !rates.includes(f)), 'revenueToDate', notes);
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
  const burn = own.filter((x) => x.metric === 'burn' && isCurrency(x.figure.unit));
  const gap = own.filter((x) => x.metric === 'revenue_spending_gap' && isCurrency(x.figure.unit));
  const net = choose([...burn, ...gap], 'netBurn', notes, true);
  if (net) found.netBurn = rateInput(ctx, 'netBurn', [net]);
  const spend = choose(own.filter((x) => x.metric === 'spend' && isCurrency(x.figure.unit)), 'grossBurn', notes, true);
  if (spend) found.grossBurn = rateInput(ctx, 'grossBurn', [spend]);

  // Assumptions fill only what the ledger neither holds nor implies. Burn
  // comes last: net burn, gross burn and revenue are tied by
  // gross = net + revenue, so when two of them are known the third is
  // derived from them (in analyzeHealth), never assumed beside them.
  const ignored: (HealthAssumptionInput & { reason?: Text })[] = [];
  const order = (a: HealthAssumptionInput): number => (a.input === 'netBurn' || a.input === 'grossBurn' ? 1 : 0);
  for (const a of [...assumptions].sort((x, y) => order(x) - order(y))) {
    if (found[a.input]) {
      ignored.push(a);
      continue;
    }
    const implied = impliedBy(found, a.input);
    if (implied) {
      ignored.push({ ...a, reason: implied });
      continue;
    }
    found[a.input] = assumedInput(ctx, a);
  }
  return { entity, found, notes, ignoredAssumptions: ignored };
}

/** Why an input need not be assumed: the other two of gross burn = net burn + revenue are known, one from the ledger at least. */
function impliedBy(found: Partial<Record<HealthInputName, HealthInput>>, input: HealthInputName): Text | null {
  const fromLedger = (k: HealthInputName): boolean => !!found[k] && found[k]!.status !== 'assumed';
  if (input === 'grossBurn' && found.netBurn && found.revenue && (fromLedger('netBurn') || fromLedger('revenue'))) {
    return { en: 'derived instead as net burn + revenue, so that net burn, gross burn and revenue agree', zh: '改由净烧钱 + 营收推算，使净烧钱、总支出与营收三者一致' };
  }
  if (input === 'netBurn' && found.grossBurn && found.revenue && (fromLedger('grossBurn') || fromLedger('revenue'))) {
    return { en: 'derived instead as gross burn - revenue, so that net burn, gross burn and revenue agree', zh: '改由总支出 - 营收推算，使净烧钱、总支出与营收三者一致' };
  }
  return null;
}

/**
 * The fact to use among several candidates for one input, and a note naming
 * the ones left aside and why. Order: (with `firstHandFirst`, facts the
 * ledger reports before ones derived by an analysis), the latest period,
 * reported before derived before assumed, the most recently published
 * source, the most recently recorded. A derived fact computed from the
 * chosen one (a net burn saved by `--save`) is not named: it agrees by
 * construction.
 */
function choose(facts: readonly Fact[], input: HealthInputName, notes: Text[], firstHandFirst = false): Fact | undefined {
  if (!facts.length) return undefined;
  const kindRank = (f: Fact): number => (f.kind === 'reported' ? 2 : f.kind === 'derived' ? 1 : 0);
  const end = (f: Fact): string => f.period?.end ?? '';
  const pub = (f: Fact): string => f.source.published ?? '';
  const cmp = (a: Fact, b: Fact): number => {
    if (firstHandFirst && (a.kind !== 'derived') !== (b.kind !== 'derived')) return a.kind !== 'derived' ? -1 : 1;
    if (end(a) !== end(b)) return end(a) > end(b) ? -1 : 1;
    if (kindRank(a) !== kindRank(b)) return kindRank(b) - kindRank(a);
    if (pub(a) !== pub(b)) return pub(a) > pub(b) ? -1 : 1;
    return a.createdAt === b.createdAt ? 0 : a.createdAt > b.createdAt ? -1 : 1;
  };
  const sorted = [...facts].sort(cmp);
  const chosen = sorted[0]!;
  const rejected = sorted.slice(1).filter((f) => !(f.derivedFrom?.inputs.includes(chosen.id)));
  if (!rejected.length) return chosen;
  const why = (f: Fact): Text => {
    if (firstHandFirst && chosen.kind !== 'derived' && f.kind === 'derived') return { en: 'is stated by a source rather than derived by an analysis', zh: '由来源直接给出，而非分析推算' };
    if (end(chosen) !== end(f)) return { en: 'covers a later period', zh: '期间更晚' };
    if (kindRank(chosen) !== kindRank(f)) return { en: `is ${chosen.kind}, the other ${f.kind}`, zh: `属${KIND_ZH[chosen.kind]}，优先于${KIND_ZH[f.kind]}` };
    if (pub(chosen) !== pub(f)) return { en: 'covers the same period in a more recently published source', zh: '期间相同，但来源发表得更晚' };
    return { en: 'covers the same period, same source date, and was recorded later', zh: '期间与来源日期都相同，但记录得更晚' };
  };
  const desc = (f: Fact, lang: 'en' | 'zh'): string => {
    const value = lang === 'en' ? (f.valueTextEn ?? f.valueText) : f.valueText;
    const when = f.period?.text ?? (lang === 'en' ? 'no period' : '无期间');
    const date = pub(f) || (lang === 'en' ? 'undated' : '无日期');
    return lang === 'en' ? `${f.id} (${value}, ${when}; ${f.source.publisher}, ${date}, ${f.kind})` : `${f.id}（${value}，${when}；${f.source.publisher}，${date}，${KIND_ZH[f.kind]}）`;
  };
  const label = HEALTH_INPUT_SHAPE[input].label;
  const samePeriod = rejected.filter((f) => end(f) === end(chosen));
  const conflict = samePeriod.length ? ' Sources disagree for the same period: check which one holds.' : '';
  const conflictZh = samePeriod.length ? '同一期间的来源相互矛盾，请核实哪一个成立。' : '';
  notes.push({
    en: `${cap(label.en)}: used ${desc(chosen, 'en')}; left aside ${rejected.map((f) => `${desc(f, 'en')}, as the one used ${why(f).en}`).join('; ')}.${conflict}`,
    zh: `${label.zh}：采用 ${desc(chosen, 'zh')}；未采用 ${rejected.map((f) => `${desc(f, 'zh')}，因为所采用的事实${why(f).zh}`).join('；')}。${conflictZh}`,
  });
  return chosen;
}

const KIND_ZH: Readonly<Record<string, string>> = { reported: '报道', derived: '推算', assumption: '假设' };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

/** A fact's draws in USD (per month with `asRate`) from stream `stream`, and how it was converted. */
function factDraws(ctx: Ctx, f: Fact, asRate: boolean, stream: number): { samples: Float64Array; how: string } {
  const { k, how } = toUsd(ctx, f, asRate);
  return { samples: draw(ctx, scaleSpec(factSpec(f), k), stream), how };
}

function sumInput(ctx: Ctx, name: HealthInputName, facts: readonly Fact[], asRate: boolean): HealthInput {
  const shape = HEALTH_INPUT_SHAPE[name];
  const total = new Float64Array(ctx.env.sampleCount);
  const hows: string[] = [];
  facts.forEach((f, i) => {
    const { samples: s, how } = factDraws(ctx, f, asRate, shape.stream + i);
    if (how) hows.push(`${f.id}: ${how}`);
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

/** The middle of a fact's period, in months since year 0 (fractional), or null without a period. */
function midMonth(f: Fact): number | null {
  if (!f.period) return null;
  const t = (Date.parse(`${f.period.start}T00:00:00Z`) + Date.parse(`${f.period.end}T00:00:00Z`) + 86_400_000) / 2;
  return t / (86_400_000 * 30.436875);
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
 * Monthly revenue growth from two run rates, draw by draw:
 * (later / earlier)^(1 / months between their periods' middles) - 1, so the
 * uncertainty of both figures carries into it. Null when the earlier rate
 * can be 0 or less (no growth rate from nothing).
 */
function growthInput(ctx: Ctx, later: Fact, earlier: Fact, laterInput: HealthInput): HealthInput | null {
  const shape = HEALTH_INPUT_SHAPE.revenueGrowth;
  // a stream of its own, so that the two rates are independent draws
  const { samples: e, how } = factDraws(ctx, earlier, true, shape.stream + 1);
  if (!e.every((v) => v > 0)) return null;
  const months = Math.round((midMonth(later)! - midMonth(earlier)!) * 100) / 100;
  const l = laterInput.samples;
  const samples = new Float64Array(l.length);
  for (let i = 0; i < l.length; i++) samples[i] = Math.pow(l[i]! / e[i]!, 1 / months) - 1;
  const formula = `(${later.id} / ${earlier.id})^(1 / ${months} months) - 1, a month`;
  return {
    name: 'revenueGrowth',
    status: 'derived',
    samples,
    unit: shape.unit,
    per: shape.per,
    formula,
    inputs: [factRef(later), factRef(earlier)],
    facts: [later, earlier],
    note: {
      en: `from ${earlier.id} (${earlier.period!.text}) to ${later.id} (${later.period!.text}), ${months} months apart${how ? `; ${earlier.id}: ${how}` : ''}`,
      zh: `从 ${earlier.id}（${earlier.period!.text}）到 ${later.id}（${later.period!.text}），相隔 ${months} 个月${how ? `；${earlier.id}：${how}` : ''}`,
    },
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
    rationale: { en: a.rationale + (a.source ? ` (source: ${a.source})` : ''), zh: (a.rationaleZh ?? a.rationale) + (a.source ? `（来源：${a.sourceZh ?? a.source}）` : '') },
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
