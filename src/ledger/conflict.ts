import { convertCurrency, currencyNameZh, formatValue, isCurrency, periodYear, ShakeoutError, toNominalDollars } from '../core/index.js';
import type { CpiTable, FxTable, Quantity } from '../core/index.js';
import type { Fact } from './fact.js';
import { figureGroups, type FigureGroup } from './figure-groups.js';
import { BASIS_ZH, scopeName } from './vocabulary.js';
import { derivedOneFromOther, sameSubject, sameThingIndex } from './same-thing-index.js';

/** One fact's value put in nominal US dollars of its period, with how. */
export interface NominalUsd {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** Each conversion applied, naming the rate: 'CNY->USD at 7.0797 CNY per USD (2023: mean of the 12 monthly averages of 2023-01 to 2023-12; ...)'. */
  readonly notes: readonly string[];
  /** The same, for a Chinese reader. */
  readonly notesZh: readonly string[];
}

/** One way two facts differ, written for each language (not translated word for word). */
export interface Difference {
  /** 'source' | 'definition' | 'currency' | 'currency_year' | 'scope' | 'basis' | 'period' | 'kind' | 'qualifier' | 'none' | 'nominal_usd'. */
  readonly kind: string;
  readonly en: string;
  readonly zh: string;
}

/** Two current facts on the same entity, metric and period that disagree beyond their uncertainty. */
export interface Conflict {
  readonly entity: string;
  readonly metric: string;
  /** Canonical period text of the first fact. */
  readonly period: string;
  readonly a: Fact;
  readonly b: Fact;
  /** p5..p95 of each in nominal USD of the period (or in their own unit when not money). */
  readonly aInterval: NominalUsd;
  readonly bInterval: NominalUsd;
  /** b's median over a's. */
  readonly ratio: number;
  /** The ways the two facts differ: 'source: CB Insights vs Our World in Data (Quid via Stanford AI Index)'. */
  readonly differences: readonly string[];
  /** The same differences in English and Chinese, for reports. */
  readonly differencesText: readonly Difference[];
  /**
   * When a and b are in one group of reports of one figure (`figureGroups`:
   * joined by `same_as` links, or because their figures overlap another
   * member's): the ids of every member. A group is listed once, by its two
   * furthest-apart members; `check` and the analyses group alike.
   */
  readonly sameAs?: readonly string[];
  /** With `sameAs`: the members in no link set, each with the member whose figure it overlaps (why it is in the group). */
  readonly overlapOnly?: readonly (readonly [string, string])[];
}

/**
 * Puts a fact's p5, p50 and p95 in nominal US dollars of its period: another
 * currency at the FX table's rate for the period, constant dollars to nominal
 * with the CPI of the period's year (without a CPI table they stay constant
 * dollars). Non-money facts keep their unit. Throws when a table lacks the
 * rate needed.
 */
export function toNominalUsd(f: Fact, fx: FxTable, cpi?: CpiTable): NominalUsd {
  const notes: string[] = [];
  const notesZh: string[] = [];
  let qs: Quantity[] = [f.figure.p5, f.figure.p50, f.figure.p95].map((value) => ({ value, unit: f.figure.unit, per: f.figure.per }));
  if (isCurrency(f.figure.unit) && f.period) {
    if (f.figure.unit !== 'USD') {
      const c = qs.map((q) => convertCurrency(q, 'USD', f.period!, fx));
      qs = c.map((x) => x.quantity);
      notes.push(c[0]!.note);
      notesZh.push(c[0]!.noteZh);
    }
    if (f.priceYear !== null && cpi) {
      const year = periodYear(f.period) ?? Number(f.period.end.slice(0, 4));
      const c = qs.map((q) => toNominalDollars(q, f.priceYear!, year, cpi));
      qs = c.map((x) => x.quantity);
      notes.push(c[0]!.note);
      notesZh.push(c[0]!.noteZh);
    }
  }
  return { p5: qs[0]!.value, p50: qs[1]!.value, p95: qs[2]!.value, notes, notesZh };
}

/**
 * Relative allowance for a figure converted from another currency at the
 * average rate of its period: the source converted (or was converted) at the
 * day's rate, and a major pair such as EUR/USD rarely moves more than 3%
 * within a month. The same for every company and currency.
 */
export const FX_AGREEMENT_TOLERANCE = 0.03;

/** The most the written rounding may account for, relative to the figure: a writer who rounds further says "about". */
export const ROUNDING_CAP = 0.05;

/**
 * What the rounding of a figure as written leaves open: half a unit of its
 * last written digit, at most `ROUNDING_CAP` of the value. The digits are
 * counted in the text when it writes them ("$74 million": two digits, so
 * 73.5M to 74.5M; "$400mn": three, 399.5M to 400.5M; "$1.525 billion": four),
 * else in the value without its trailing zeros (五十亿: one digit).
 *
 * @example roundingHalfUnit(74e6, '$74 million') // => 5e5
 * @example roundingHalfUnit(2e9, '$2 billion') // => 1e8 (half a billion, capped at 5%)
 */
export function roundingHalfUnit(value: number, written?: string): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const half = 0.5 * 10 ** (exponent - writtenDigits(value, written) + 1);
  return Math.min(half, ROUNDING_CAP * Math.abs(value));
}

/**
 * How many digits a figure is written to: counted in the text when it
 * writes them ("$73.6 million" 3, "$74 million" 2, "$1.525 billion" 4), else
 * in the value without its trailing zeros (五十亿: 1). At least 1.
 */
export function writtenDigits(value: number, written?: string): number {
  const token = written?.match(/\d(?:[\d,.\s']*\d)?/)?.[0];
  const digits = token
    ? token.replace(/[^\d]/g, '').replace(/^0+/, '')
    : Math.abs(value).toPrecision(12).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** A fact's range for telling whether it agrees with another: its 90% range in nominal USD, widened. */
export interface AgreementRange extends NominalUsd {
  /** p5 and p95 widened by half a unit of the written figure's last digit and, when converted, by `FX_AGREEMENT_TOLERANCE`. */
  readonly low: number;
  readonly high: number;
}

/**
 * The range within which a fact's figure agrees with another's (both of the
 * same thing): p5..p95 in nominal USD (`toNominalUsd`), less and plus half
 * a unit of the last written digit ("$74 million" and "$73.6 million" agree;
 * "$74 million" and "$72 million" do not), and, for a figure converted from
 * another currency, `FX_AGREEMENT_TOLERANCE` more on each side. Two facts
 * agree when their ranges meet. Throws when a table lacks the rate needed.
 */
export function agreementRange(f: Fact, fx: FxTable, cpi?: CpiTable): AgreementRange {
  const n = toNominalUsd(f, fx, cpi);
  const k = f.figure.p50 !== 0 ? n.p50 / f.figure.p50 : 1;
  const half = roundingHalfUnit(f.figure.value, f.valueText) * Math.abs(k);
  const fxTol = isCurrency(f.figure.unit) && f.figure.unit !== 'USD' ? FX_AGREEMENT_TOLERANCE : 0;
  const low = n.p5 - half;
  const high = n.p95 + half;
  return { ...n, low: low - Math.abs(low) * fxTol, high: high + Math.abs(high) * fxTol };
}

/**
 * Whether two facts speak of the same thing, so that their figures should
 * agree: same entity and metric; periods that overlap, both points in time
 * ('as of') or both spans, of about the same length (within 10%) or one
 * inside the other when the longer is at most a month (a round dated
 * 2024-01-05 by one outlet and 2024-01 by another); the same scope when both
 * state one; the same `per`; money in any currency, else the same unit; and
 * neither derived from the other.
 */
export function sameThing(a: Fact, b: Fact): boolean {
  return sameSubject(a, b) && !derivedOneFromOther(a, b);
}

const sourceName = (f: Fact): string => f.source.publisher + (f.source.title ? ` ("${f.source.title}")` : '');
/** Money's price basis ('nominal USD', 'constant 2021 USD'); a unit that is not money has none, and is named as itself ('count', 'count of 2021' when a row edited by hand gives it a price year). */
const priceBasis = (f: Fact): string =>
  isCurrency(f.figure.unit)
    ? f.priceYear === null ? `nominal ${f.figure.unit}` : `constant ${f.priceYear} ${f.figure.unit}`
    : f.priceYear === null ? f.figure.unit : `${f.figure.unit} of ${f.priceYear}`;
const fmt = (x: number): string => (Math.abs(x) >= 1e9 ? `${(x / 1e9).toFixed(2)}B` : Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x.toPrecision(4));

/** A publisher for a Chinese reader: 'IT Juzi (IT桔子)' -> 'IT桔子', 'public data (公开数据)' -> 公开数据. */
const publisherZh = (p: string): string => p.match(/^.+?\s*\(([^()]*[\u4e00-\u9fff][^()]*)\)$/)?.[1] ?? p;
const unitZh = currencyNameZh;
/** 金额的币值口径（名义美元、2021年不变价美元）；非金额单位没有“名义”之说，按原样写出（count；手工改过、带价格年份的写作“2021年count”）。 */
const priceBasisZh = (f: Fact): string =>
  isCurrency(f.figure.unit)
    ? f.priceYear === null ? `名义${unitZh(f.figure.unit)}` : `${f.priceYear}年不变价${unitZh(f.figure.unit)}`
    : f.priceYear === null ? f.figure.unit : `${f.priceYear}年${f.figure.unit}`;
const KIND_ZH: Readonly<Record<string, string>> = { reported: '报道值', derived: '推算值', assumption: '假设' };
const QUALIFIER_ZH: Readonly<Record<string, string>> = { exact: '精确值', about: '约数', over: '下限（“超”）', under: '上限（“不足”）', nearly: '接近值（“近”）', several: '模糊数（“数”）', range: '区间', almost_none: '几乎为零' };
const written = (f: Fact): string => (/^-?\d+(\.\d+)?$/.test(f.valueText.trim()) ? '数据文件中的数值' : `“${f.valueText}”`);

/** The ways two facts on the same thing differ, in both languages: source, definition, currency and currency year, scope, basis, period, kind, qualifier. */
export function describeDifferences(a: Fact, b: Fact): Difference[] {
  const out: Difference[] = [];
  if (a.source.publisher !== b.source.publisher) {
    out.push({ kind: 'source', en: `source: ${sourceName(a)} vs ${sourceName(b)}`, zh: `来源不同：${publisherZh(a.source.publisher)}与${publisherZh(b.source.publisher)}` });
  }
  if ((a.definition ?? '') !== (b.definition ?? '')) {
    out.push({
      kind: 'definition',
      en: `definition: ${a.definition ? `"${a.definition}"` : '(not stated)'} vs ${b.definition ? `"${b.definition}"` : '(not stated)'}`,
      zh: a.definition && b.definition ? '统计对象的定义不同' : `统计对象的定义不同（${a.definition ? '后者' : '前者'}未说明统计口径）`,
    });
  }
  if (a.figure.unit !== b.figure.unit) out.push({ kind: 'currency', en: `currency: ${a.figure.unit} vs ${b.figure.unit}`, zh: `币种不同：${unitZh(a.figure.unit)}与${unitZh(b.figure.unit)}` });
  if (a.priceYear !== b.priceYear) out.push({ kind: 'currency_year', en: `currency year: ${priceBasis(a)} vs ${priceBasis(b)}`, zh: `前者为${priceBasisZh(a)}，后者为${priceBasisZh(b)}` });
  if (a.scope !== b.scope) out.push({ kind: 'scope', en: `scope: ${a.scope ?? '(not stated)'} vs ${b.scope ?? '(not stated)'}`, zh: `范围不同：${a.scope ? scopeName(a.scope, 'zh') : '未说明'}与${b.scope ? scopeName(b.scope, 'zh') : '未说明'}` });
  if (a.basis !== b.basis) out.push({ kind: 'basis', en: `basis: ${a.basis} vs ${b.basis}`, zh: `收入口径不同：${BASIS_ZH[a.basis] ?? a.basis}与${BASIS_ZH[b.basis] ?? b.basis}` });
  if (a.period?.text !== b.period?.text) out.push({ kind: 'period', en: `period: ${a.period?.text} vs ${b.period?.text}`, zh: `时段不同：${a.period?.text ?? '未注明'}与${b.period?.text ?? '未注明'}` });
  if (a.kind !== b.kind) out.push({ kind: 'kind', en: `kind: ${a.kind} vs ${b.kind}`, zh: `性质不同：${KIND_ZH[a.kind] ?? a.kind}与${KIND_ZH[b.kind] ?? b.kind}` });
  if (a.figure.qualifier !== b.figure.qualifier) {
    out.push({
      kind: 'qualifier',
      en: `qualifier: ${a.figure.qualifier} ("${a.valueText}") vs ${b.figure.qualifier} ("${b.valueText}")`,
      zh: `前者${written(a)}是${QUALIFIER_ZH[a.figure.qualifier] ?? a.figure.qualifier}，后者${written(b)}是${QUALIFIER_ZH[b.figure.qualifier] ?? b.figure.qualifier}`,
    });
  }
  if (!out.length) out.push({ kind: 'none', en: 'same source, definition and currency year: one of the two is probably a mistake', zh: '来源、定义和币值年份都相同：两者之一很可能有误' });
  return out;
}

/** The ways two facts on the same thing differ (English, as the CLI prints them). */
export function differences(a: Fact, b: Fact): string[] {
  return describeDifferences(a, b).map((d) => d.en);
}

/** The differences, and the two intervals in nominal US dollars as the last one. */
function withNominal(ds: Difference[], ia: NominalUsd, ib: NominalUsd): { differences: string[]; differencesText: Difference[] } {
  const zhRange = (x: NominalUsd): string => (x.p5 === x.p95 ? formatValue(x.p50, 'USD', 'zh') : `${formatValue(x.p5, 'USD', 'zh')}至${formatValue(x.p95, 'USD', 'zh')}`);
  const all: Difference[] = [
    ...ds,
    { kind: 'nominal_usd', en: `in nominal USD: ${fmt(ia.p5)}..${fmt(ia.p95)} vs ${fmt(ib.p5)}..${fmt(ib.p95)}`, zh: `折合当期名义美元，前者为${zhRange(ia)}，后者为${zhRange(ib)}` },
  ];
  return { differences: all.map((d) => d.en), differencesText: all };
}

/** An agreement range without its widening, as conflicts show it. */
function nominalOf(r: AgreementRange): NominalUsd {
  const { low: _low, high: _high, ...n } = r;
  void _low;
  void _high;
  return n;
}

/** A fact `conflictsReport` could not compare, and why (a rate the tables lack). */
export interface Uncompared {
  readonly fact: Fact;
  readonly reason: string;
  /** The reason in Chinese, short: '汇率表缺少2024-03的欧元汇率'. */
  readonly reasonZh: string;
}

/** Why a fact could not be put in nominal US dollars, in Chinese, from the error's issue code. */
function uncomparedZh(e: unknown): string {
  const issue = e instanceof ShakeoutError ? e.issues[0] : undefined;
  if (issue?.code === 'fx_rate_missing') return `汇率表缺少${String(issue.path[2] ?? '')}的${currencyNameZh(String(issue.path[1] ?? ''))}汇率`;
  if (issue?.code === 'cpi_year_missing') return `物价指数表缺少${String(issue.path[1] ?? '')}年的数据`;
  return '无法换算为美元';
}

/**
 * The most conflicts `conflictsReport` lists for one entity and metric. Past
 * it, the pairs are counted, not listed (`omitted`): a thousand figures of
 * one thing that disagree make half a million pairs, which no reader reads
 * and no memory holds. The same for every entity and metric.
 */
export const MAX_CONFLICTS_PER_SUBJECT = 100;

/** Conflicts of one entity and metric counted but not listed, past `MAX_CONFLICTS_PER_SUBJECT`. */
export interface OmittedConflicts {
  readonly entity: string;
  readonly metric: string;
  /** How many are listed: `MAX_CONFLICTS_PER_SUBJECT`. */
  readonly listed: number;
  /** How many there are. */
  readonly total: number;
}

/** What `conflictsReport` gives: the conflicts, the facts it could not compare, and the conflicts counted but not listed. */
export interface ConflictsReport {
  readonly conflicts: Conflict[];
  readonly uncompared: Uncompared[];
  readonly omitted: OmittedConflicts[];
}

/**
 * Pairs of facts on the same thing (`sameThing`: entity, metric, period,
 * scope and unit) whose ranges do not meet (`agreementRange`: p5..p95 in
 * nominal USD of the period, widened by the written rounding and, for a
 * converted figure, the FX allowance). Each pair says how the facts differ.
 * Facts whose conversion needs a rate the tables lack are left out; `conflictsReport` names them.
 */
export function findConflicts(facts: readonly Fact[], fx: FxTable, cpi: CpiTable): Conflict[] {
  return conflictsReport(facts, fx, cpi).conflicts;
}

/** A fact's range as sorted numbers, for the sweep in `conflictsReport`. */
interface Sorted {
  readonly idx: Int32Array;
  readonly low: Float64Array;
}

/** The members whose range is known, sorted by the low end of their range. */
function sortByLow(members: readonly number[], ranges: readonly (AgreementRange | null)[]): Sorted {
  const known = members.filter((i) => ranges[i]);
  known.sort((x, y) => ranges[x]!.low - ranges[y]!.low || x - y);
  return { idx: Int32Array.from(known), low: Float64Array.from(known, (i) => ranges[i]!.low) };
}

/** The first position in `low` whose value is above `x`. */
function firstAbove(low: Float64Array, x: number): number {
  let lo = 0;
  let hi = low.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (low[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether b lies wholly above a, beyond a relative tolerance of 1e-9 for rounding in the conversions. */
function above(a: AgreementRange, b: AgreementRange): boolean {
  const eps = 1e-9 * Math.max(Math.abs(a.high), Math.abs(b.high), 1);
  return a.high + eps < b.low;
}

/**
 * `findConflicts`, the facts that could not be compared with the others of
 * the same thing because a table lacks a rate they need (each with the
 * reason, so that none is left out silently), and, for an entity and metric
 * with more than `MAX_CONFLICTS_PER_SUBJECT` conflicts, how many were not
 * listed.
 *
 * The pairs are found through `sameThingIndex`, not by comparing every fact
 * with every other: within two buckets of facts on the same thing, each
 * fact's range is looked up in the other bucket sorted by the low end, so
 * the work grows with the facts and the conflicts found, and stops listing
 * at the limit. Conflicts are listed by entity, metric and period, each pair
 * in the order of `facts` (the earlier fact is `a`); a `same_as` set comes
 * after the pairs of its period.
 */
export function conflictsReport(facts: readonly Fact[], fx: FxTable, cpi: CpiTable): ConflictsReport {
  const uncompared = new Map<number, Uncompared>();
  // The one grouping `check` and the analyses use (`figureGroups`): same_as links, and figures of one thing that overlap.
  const grouped = figureGroups(facts, fx);
  const index = new Map(facts.map((f, i) => [f.id, i]));
  const setMembers = new Map<string, number[]>();
  const groupOf = new Map<string, FigureGroup>();
  for (const g of grouped.groups) {
    if (g.members.length < 2) continue;
    setMembers.set(g.members[0]!.id, g.members.map((f) => index.get(f.id)!));
    groupOf.set(g.members[0]!.id, g);
  }
  /** The group of each fact when it has more than one member, else -1. */
  const setOf = Int32Array.from(facts, () => -1);
  let setCount = 0;
  for (const m of setMembers.values()) {
    for (const i of m) setOf[i] = setCount;
    setCount++;
  }
  /** Facts some pair of which is left out of the sweep: in a group, derived, or the input of a derived fact. */
  const inputs = new Set(facts.flatMap((f) => f.derivedFrom?.inputs ?? []));
  const special = Uint8Array.from(facts, (f, i) => (setOf[i] !== -1 || f.derivedFrom || inputs.has(f.id) ? 1 : 0));
  const ranges: (AgreementRange | null)[] = [];
  const get = (i: number): AgreementRange | null => {
    if (ranges[i] === undefined) {
      const f = facts[i]!;
      try {
        ranges[i] = agreementRange(f, fx, cpi);
      } catch (e) {
        ranges[i] = null;
        uncompared.set(i, { fact: f, reason: e instanceof Error ? e.message : String(e), reasonZh: uncomparedZh(e) });
      }
    }
    return ranges[i]!;
  };
  const build = (i: number, j: number, set: string | null): Conflict => {
    const a = facts[i]!;
    const b = facts[j]!;
    const ia = nominalOf(get(i)!);
    const ib = nominalOf(get(j)!);
    return {
      entity: a.entity,
      metric: a.metric,
      period: a.period!.text,
      a,
      b,
      aInterval: ia,
      bInterval: ib,
      ratio: ib.p50 / ia.p50,
      ...withNominal(describeDifferences(a, b), ia, ib),
      ...(set ? { sameAs: setMembers.get(set)!.map((k) => facts[k]!.id), overlapOnly: groupOf.get(set)!.overlapOnly } : {}),
    };
  };

  // Pairs on the same thing, not linked: by bucket pairs of the index, counted per entity and metric, listed up to the limit.
  const { buckets, pairs } = sameThingIndex(facts);
  const subjects = new Map<string, { entity: string; metric: string; listed: [number, number][]; total: number }>();
  for (const [x, y] of pairs) {
    const P = buckets[x]!.members;
    const Q = buckets[y]!.members;
    if (x === y && P.length < 2) continue;
    for (const i of P) get(i);
    if (x !== y) for (const i of Q) get(i);
    const f0 = facts[P[0]!]!;
    const key = `${f0.entity}\u0000${f0.metric}`;
    const subject = subjects.get(key) ?? subjects.set(key, { entity: f0.entity, metric: f0.metric, listed: [], total: 0 }).get(key)!;
    const sweep = (from: readonly number[], to: Sorted): void => {
      let hmax = 1;
      for (const j of to.idx) hmax = Math.max(hmax, Math.abs(ranges[j]!.high));
      for (const i of from) {
        const ri = ranges[i];
        if (!ri) continue;
        const t0 = firstAbove(to.low, ri.high);
        if (!special[i] && subject.listed.length >= MAX_CONFLICTS_PER_SUBJECT) {
          // Only counting, for a fact no pair of which is left out: all above the tolerance conflict, those within it are checked.
          const t1 = firstAbove(to.low, ri.high + 1e-9 * Math.max(Math.abs(ri.high), hmax));
          subject.total += to.idx.length - t1;
          for (let t = t0; t < t1; t++) if (above(ri, ranges[to.idx[t]!]!)) subject.total++;
          continue;
        }
        for (let t = t0; t < to.idx.length; t++) {
          const j = to.idx[t]!;
          if (!above(ri, ranges[j]!)) continue;
          if (setOf[i] !== -1 && setOf[i] === setOf[j]) continue;
          if (derivedOneFromOther(facts[i]!, facts[j]!)) continue;
          subject.total++;
          if (subject.listed.length < MAX_CONFLICTS_PER_SUBJECT) subject.listed.push(i < j ? [i, j] : [j, i]);
        }
      }
    };
    sweep(P, sortByLow(Q, ranges));
    if (x !== y) sweep(Q, sortByLow(P, ranges));
  }
  const out: Conflict[] = [];
  const omitted: OmittedConflicts[] = [];
  for (const s of subjects.values()) {
    s.listed.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    for (const [i, j] of s.listed) out.push(build(i, j, null));
    if (s.total > s.listed.length) omitted.push({ entity: s.entity, metric: s.metric, listed: s.listed.length, total: s.total });
  }

  // A group (same_as links, overlapping figures) is listed once, by its furthest-apart pair of one entity and metric, whatever sameThing says.
  const spread = (ra: AgreementRange, rb: AgreementRange): number => {
    const r = rb.p50 / ra.p50;
    return Math.max(r, 1 / r);
  };
  const bySet: { first: [number, number]; best: [number, number]; set: string }[] = [];
  for (const [set, ms] of setMembers) {
    if (ms.length < 2) continue;
    let first: [number, number] | null = null;
    let best: [number, number] | null = null;
    let bestSpread = -Infinity;
    for (let p = 0; p < ms.length; p++) {
      const a = facts[ms[p]!]!;
      if (!a.period) continue;
      for (let q = p + 1; q < ms.length; q++) {
        const b = facts[ms[q]!]!;
        if (!b.period || a.entity !== b.entity || a.metric !== b.metric) continue;
        const ra = get(ms[p]!);
        const rb = get(ms[q]!);
        if (!ra || !rb || !(above(ra, rb) || above(rb, ra))) continue;
        first ??= [ms[p]!, ms[q]!];
        const sp = spread(ra, rb);
        if (sp > bestSpread) {
          bestSpread = sp;
          best = [ms[p]!, ms[q]!];
        }
      }
    }
    if (first && best) bySet.push({ first, best, set });
  }
  bySet.sort((x, y) => x.first[0] - y.first[0] || x.first[1] - y.first[1]);
  for (const s of bySet) out.push(build(s.best[0], s.best[1], s.set));

  const conflicts = out.sort((x, y) => x.entity.localeCompare(y.entity) || x.metric.localeCompare(y.metric) || x.period.localeCompare(y.period));
  return { conflicts, uncompared: [...uncompared.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]), omitted };
}
