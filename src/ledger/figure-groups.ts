import { isCurrency } from '../core/index.js';
import type { FxTable } from '../core/index.js';
import { agreementRange, type AgreementRange } from './conflict.js';
import type { Fact } from './fact.js';
import { sameAsSets } from './same-as.js';
import { derivedOneFromOther, sameThingIndex } from './same-thing-index.js';

/** A member's range in the group's common unit (US dollars for money), as `agreementRange` gives it. */
export interface MemberRange extends AgreementRange {
  readonly factId: string;
}

/** Facts that report one figure, as `figureGroups` finds them; grouping only (economics' `groupFacts` adds the preferred fact). */
export interface FigureGroup {
  /** The members, in the order of the facts given. */
  readonly members: readonly Fact[];
  /** The members joined by `same_as` links: one list of ids (two or more, in the order given) per set of linked facts. */
  readonly linkedSets: readonly (readonly string[])[];
  /** Members in no link set, each with a member whose range its own meets: why it is in the group. */
  readonly overlapOnly: readonly (readonly [string, string])[];
  /**
   * Two members whose ranges do not meet (the one with the highest low end,
   * the one with the lowest high end), possible through a link or a chain of
   * overlaps; null when every two agree or fewer than two could be converted.
   */
  readonly apart: readonly [string, string] | null;
}

/** What `figureGroups` gives: the groups, and each fact's range (null when it cannot be converted). */
export interface FigureGroups {
  readonly groups: readonly FigureGroup[];
  /** The group of each fact id. */
  readonly groupOf: ReadonlyMap<string, FigureGroup>;
  readonly ranges: ReadonlyMap<string, MemberRange | null>;
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

/** Whether two facts can be compared at all: same price basis, and both money or the same unit. */
export function commensurable(a: Fact, b: Fact): boolean {
  if (a.priceYear !== b.priceYear) return false;
  return (isCurrency(a.figure.unit) && isCurrency(b.figure.unit)) || a.figure.unit === b.figure.unit;
}

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

/**
 * The one grouping of facts that report the same figure, which `facts
 * conflicts`, `check` and every analysis's totals share (economics'
 * `groupFacts` adds the fact to use). Two facts are one group when a
 * `same_as` link joins them, or, without a link, when they speak of the same
 * thing (`sameThing`: entity, metric, scope, period) with the same price
 * basis and their agreement ranges meet (`agreementRange` in US dollars of
 * the period's rate, no CPI: a group never mixes price years). Grouping is
 * transitive, so a group can hold two members that do not agree (`apart`):
 * one linked to a figure another merely overlaps. Groups come in the order
 * of their first member in `facts`.
 *
 * @example
 * // a €450M round linked to "$440 million", and "$500 million" unlinked: one group, $440M and $500M apart
 * figureGroups([handelsblatt, wireA, wireB], fx).groups[0].apart // [wireB.id, wireA.id]
 */
export function figureGroups(facts: readonly Fact[], fx: FxTable): FigureGroups {
  const linkRoot = sameAsSets(facts);
  const ranges = new Map<string, MemberRange | null>(facts.map((f) => [f.id, rangeOf(f, fx)]));
  const { buckets, pairs } = sameThingIndex(facts, (f) => String(f.priceYear), commensurable);
  const agreeing: [string, string][] = [];
  // a loop, not push(...pairs): a spread past ~120k arguments throws RangeError, and one bucket can hold more
  for (const [x, y] of pairs) for (const pair of agreeingPairs(facts, ranges, buckets[x]!.members, x === y ? [] : buckets[y]!.members)) agreeing.push(pair);
  const partner = new Map<string, string>();
  for (const [x, y] of agreeing) {
    if (!partner.has(x)) partner.set(x, y);
    if (!partner.has(y)) partner.set(y, x);
  }
  const root = sameAsSets(facts, agreeing);
  const members = new Map<string, Fact[]>();
  for (const f of facts) {
    const r = root.get(f.id)!;
    (members.get(r) ?? members.set(r, []).get(r)!).push(f);
  }
  const groupOf = new Map<string, FigureGroup>();
  const groups = [...members.values()].map((ms): FigureGroup => {
    const sets = new Map<string, string[]>();
    for (const f of ms) {
      const r = linkRoot.get(f.id)!;
      (sets.get(r) ?? sets.set(r, []).get(r)!).push(f.id);
    }
    const linkedSets = [...sets.values()].filter((s) => s.length > 1);
    const inSets = new Set(linkedSets.flat());
    const overlapOnly = ms.length > 1 ? ms.filter((f) => !inSets.has(f.id)).map((f): [string, string] => [f.id, partner.get(f.id)!]) : [];
    const base = ms[0]!;
    const rs = ms.filter((f) => commensurable(f, base)).map((f) => ranges.get(f.id)).filter((r): r is MemberRange => !!r);
    const g = { members: ms, linkedSets, overlapOnly, apart: apartPair(rs) };
    for (const f of ms) groupOf.set(f.id, g);
    return g;
  });
  return { groups, groupOf, ranges };
}

/**
 * Two ranges that do not meet, if any: the one with the highest low end and
 * the one with the lowest high end (two ranges fail to meet exactly when
 * the highest low end is above the lowest high end); null when all meet.
 */
export function apartPair(rs: readonly MemberRange[]): readonly [string, string] | null {
  const highLow = rs.reduce<MemberRange | null>((m, r) => (!m || r.low > m.low ? r : m), null);
  const lowHigh = rs.reduce<MemberRange | null>((m, r) => (!m || r.high < m.high ? r : m), null);
  return highLow && lowHigh && highLow.low > lowHigh.high ? [highLow.factId, lowHigh.factId] : null;
}
