import { isCurrency } from '../../core/index.js';
import type { FxTable, Unit } from '../../core/index.js';
import { agreementRange, derivedOneFromOther, sameAsSets, sameThingIndex, type AgreementRange } from '../../ledger/index.js';
import type { Fact } from '../../ledger/index.js';
import type { Text } from '../analysis.js';
import { chooseFact, type ChooseOptions, type LeftAside } from './choose-fact.js';
import { GROUP_TEXT_EN, type GroupText } from './group-text-en.js';
import { GROUP_TEXT_ZH } from './group-text-zh.js';

/** A member's range in the group's common unit (US dollars for money), as ledger's `agreementRange` gives it. */
export interface MemberRange extends AgreementRange {
  readonly factId: string;
}

/** Facts that report the same thing, counted once. */
export interface FactGroup {
  /** The preferred fact's id. */
  readonly id: string;
  /** The fact to use, by the choose rule (`chooseFact`). */
  readonly preferred: Fact;
  /** Every member, the preferred one first. */
  readonly members: readonly Fact[];
  /** The other members, as corroboration, with why each is not the preferred one. */
  readonly corroboration: readonly LeftAside[];
  /** True when a `same_as` link joined (some of) the members. */
  readonly linked: boolean;
  /** The members joined by `same_as` links, one list of ids (two or more, in member order) per set of linked facts. */
  readonly linkedSets: readonly (readonly string[])[];
  /** The members in no link set: in the group only because their figures overlap another member's. */
  readonly overlapOnly: readonly string[];
  /** True when two members do not agree within their stated uncertainty (after FX): the group needs a look. */
  readonly disagree: boolean;
  /** The members' medians in `unit` (USD for money): lowest, highest and their ratio; null for a group of one. */
  readonly spread: { readonly unit: Unit; readonly low: number; readonly high: number; readonly ratio: number } | null;
  /** Each member's range in `spread.unit`, for the members that could be converted. */
  readonly ranges: readonly MemberRange[];
  /** Members whose figure could not be put in the common unit (no FX rate, another price year): their agreement is not known. */
  readonly unconverted: readonly string[];
}

/** A fact's agreement range in US dollars (for money), or null when it cannot be put there (no rate, or no period to take one for). */
function rangeOf(f: Fact, fx: FxTable): MemberRange | null {
  if (isCurrency(f.figure.unit) && f.figure.unit !== 'USD' && !f.period) return null;
  try {
    return { factId: f.id, ...agreementRange(f, fx) };
  } catch {
    return null;
  }
}

const meet = (a: MemberRange, b: MemberRange): boolean => a.low <= b.high && b.low <= a.high;

/**
 * Pairs of facts whose ranges meet, enough to join every two that meet into
 * one group (a spanning set, not every pair): within one bucket of
 * `sameThingIndex` (`q` empty) or between two (`p` and `q`). Sorted by the low
 * end, a fact meets a fact before it exactly when its low end is at most the
 * highest high end before it, so each fact is paired with the one holding
 * that high end. When a fact of the buckets is derived from another of them
 * (they are then not the same thing), every pair is tried instead.
 */
function agreeingPairs(facts: readonly Fact[], ranges: ReadonlyMap<string, MemberRange | null>, p: readonly number[], q: readonly number[]): [string, string][] {
  const all = [...p, ...q];
  const ids = new Set(all.map((i) => facts[i]!.id));
  const out: [string, string][] = [];
  if (all.some((i) => facts[i]!.derivedFrom?.inputs.some((d) => ids.has(d)))) {
    const pairsOf = q.length ? p.flatMap((i) => q.map((j) => [i, j] as const)) : p.flatMap((i, k) => p.slice(k + 1).map((j) => [i, j] as const));
    for (const [i, j] of pairsOf) {
      const a = facts[i]!;
      const b = facts[j]!;
      const ra = ranges.get(a.id);
      const rb = ranges.get(b.id);
      if (ra && rb && !derivedOneFromOther(a, b) && meet(ra, rb)) out.push([a.id, b.id]);
    }
    return out;
  }
  const inQ = new Set(q);
  const known = all.filter((i) => ranges.get(facts[i]!.id)).map((i) => ({ i, side: inQ.has(i) ? 1 : 0, r: ranges.get(facts[i]!.id)! }));
  known.sort((a, b) => a.r.low - b.r.low || a.i - b.i);
  // The member with the highest high end so far, per side (one side when within a bucket).
  const top: ({ i: number; r: MemberRange } | null)[] = [null, null];
  for (const x of known) {
    const other = q.length ? top[1 - x.side] : top[0];
    if (other && x.r.low <= other.r.high) out.push([facts[other.i]!.id, facts[x.i]!.id]);
    const mine = top[x.side];
    if (!mine || x.r.high > mine.r.high) top[x.side] = x;
  }
  return out;
}

/** Whether two facts can be compared at all: same price basis, and both money or the same unit. */
function commensurable(a: Fact, b: Fact): boolean {
  if (a.priceYear !== b.priceYear) return false;
  return (isCurrency(a.figure.unit) && isCurrency(b.figure.unit)) || a.figure.unit === b.figure.unit;
}

/**
 * Groups facts that report the same thing, so that a total counts each once.
 *
 * Two facts are one group when a `same_as` link joins them (`facts add
 * --same-as`, a `same_as` column), or, without a link, when they speak of
 * the same thing (ledger's `sameThing`: same entity, metric, scope and
 * period) and their ranges meet (ledger's `agreementRange`: the 90% range in
 * US dollars, widened by half a unit of the last written digit, $750M being
 * 745M to 755M, and for a figure converted from another currency at its
 * period's average rate by `FX_AGREEMENT_TOLERANCE`): exactly the pairs
 * that `facts conflicts` does not list. Grouping is transitive.
 *
 * Each group has a preferred fact by the choose rule (`chooseFact`, with
 * `options`), the others as corroboration, and `disagree` when two members'
 * ranges do not meet (possible through a link, or through a chain of
 * agreeing pairs), with the spread of their medians. Facts alone form groups
 * of one, so the sum of a metric is the sum of the groups' preferred facts.
 * Groups come in the order of their first member in `facts`.
 *
 * @example
 * // one Mistral round written by three outlets, in euros and in dollars
 * const gs = groupFacts([lesEchos_385M_EUR, reuters_415M_USD, bloomberg_385M_EUR], fx);
 * gs.length; // 1
 * gs[0].preferred; // by the rule: a primary source, the narrowest, the newest
 */
export function groupFacts(facts: readonly Fact[], fx: FxTable, options: ChooseOptions = {}): FactGroup[] {
  const linkRoot = sameAsSets(facts);
  const ranges = new Map<string, MemberRange | null>(facts.map((f) => [f.id, rangeOf(f, fx)]));
  // Automatic: same thing, and the ranges meet; found through the ledger's index, one spanning set of pairs per bucket pair.
  const { buckets, pairs } = sameThingIndex(facts, (f) => String(f.priceYear), commensurable);
  const agreeing: [string, string][] = [];
  // a loop, not push(...pairs): a spread past ~120k arguments throws RangeError, and one bucket can hold more
  for (const [x, y] of pairs) for (const pair of agreeingPairs(facts, ranges, buckets[x]!.members, x === y ? [] : buckets[y]!.members)) agreeing.push(pair);
  const root = sameAsSets(facts, agreeing);
  const members = new Map<string, Fact[]>();
  for (const f of facts) {
    const r = root.get(f.id)!;
    (members.get(r) ?? members.set(r, []).get(r)!).push(f);
  }
  return [...members.values()].map((ms): FactGroup => {
    const linkCount = new Map<string, number>();
    for (const f of ms) linkCount.set(linkRoot.get(f.id)!, (linkCount.get(linkRoot.get(f.id)!) ?? 0) + 1);
    const choice = chooseFact(ms, options)!;
    const ordered = [choice.chosen, ...choice.others.map((o) => o.fact)];
    const base = choice.chosen;
    const inCommon = ordered.filter((f) => commensurable(f, base));
    const rs = inCommon.map((f) => ranges.get(f.id)).filter((r): r is MemberRange => !!r);
    const converted = new Set(rs.map((r) => r.factId));
    const unconverted = ordered.filter((f) => !converted.has(f.id)).map((f) => f.id);
    // Two ranges fail to meet exactly when the highest low end is above the lowest high end.
    const disagree = rs.length > 1 && rs.reduce((m, r) => Math.max(m, r.low), -Infinity) > rs.reduce((m, r) => Math.min(m, r.high), Infinity);
    const p50s = rs.map((r) => r.p50);
    const low = p50s.reduce((m, x) => Math.min(m, x), Infinity);
    const high = p50s.reduce((m, x) => Math.max(m, x), -Infinity);
    const unit: Unit = isCurrency(base.figure.unit) ? 'USD' : base.figure.unit;
    const sets = new Map<string, string[]>();
    for (const f of ordered) if (linkCount.get(linkRoot.get(f.id)!)! > 1) (sets.get(linkRoot.get(f.id)!) ?? sets.set(linkRoot.get(f.id)!, []).get(linkRoot.get(f.id)!)!).push(f.id);
    const linkedSets = [...sets.values()];
    const inSets = new Set(linkedSets.flat());
    return {
      id: base.id,
      preferred: base,
      members: ordered,
      corroboration: choice.others,
      linked: linkedSets.length > 0,
      linkedSets,
      overlapOnly: ordered.filter((f) => !inSets.has(f.id)).map((f) => f.id),
      disagree,
      spread: ms.length > 1 && rs.length > 1 ? { unit, low, high, ratio: low > 0 ? high / low : Infinity } : null,
      ranges: rs,
      unconverted,
    };
  });
}

/**
 * How a group of two or more came together, for a note after "report the
 * same figure": which members `same_as` links join and which are in it only
 * because their figures overlap, in English and Chinese; '' for a group of one.
 *
 * @example
 * groupJoinedText(g).en
 * // ' (fact-a, fact-b and fact-c linked as the same by --same-as; fact-x not linked, grouped only because its figure overlaps)'
 */
export function groupJoinedText(g: Pick<FactGroup, 'members' | 'linkedSets' | 'overlapOnly'>): Text {
  const say = (t: GroupText): string => {
    if (g.members.length < 2) return '';
    if (!g.linkedSets.length) return t.wrap(t.noneLinked());
    if (g.linkedSets.length === 1 && !g.overlapOnly.length) return t.wrap(t.allLinked());
    const clauses = [...g.linkedSets.map((ids) => t.linkedSet(ids)), ...(g.overlapOnly.length ? [t.overlapOnly(g.overlapOnly)] : [])];
    return t.wrap(clauses.join(t.clauseSeparator));
  };
  return { en: say(GROUP_TEXT_EN), zh: say(GROUP_TEXT_ZH) };
}
