import { isCurrency } from '../../core/index.js';
import type { FxTable, Unit } from '../../core/index.js';
import { apartPair, commensurable, figureGroups, type MemberRange } from '../../ledger/index.js';
import type { Fact } from '../../ledger/index.js';
import type { Text } from '../analysis.js';
import { chooseFact, type ChooseOptions, type LeftAside } from './choose-fact.js';
import { GROUP_TEXT_EN, type GroupText } from './group-text-en.js';
import { GROUP_TEXT_ZH } from './group-text-zh.js';
import { optionName, type OptionHint } from './option-hint.js';

export type { MemberRange } from '../../ledger/index.js';

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
  /** The members in no link set: in the group because their figures overlap another member's (`overlaps` names it). */
  readonly overlapOnly: readonly string[];
  /** Each member of `overlapOnly` with a member whose range its own meets. */
  readonly overlaps: readonly (readonly [string, string])[];
  /** Two members whose ranges do not meet when `disagree` (the highest low end, the lowest high end), else null. */
  readonly apart: readonly [string, string] | null;
  /** True when two members do not agree within their stated uncertainty (after FX): the group needs a look. */
  readonly disagree: boolean;
  /** The members' medians in `unit` (USD for money): lowest, highest and their ratio; null for a group of one. */
  readonly spread: { readonly unit: Unit; readonly low: number; readonly high: number; readonly ratio: number } | null;
  /** Each member's range in `spread.unit`, for the members that could be converted. */
  readonly ranges: readonly MemberRange[];
  /** Members whose figure could not be put in the common unit (no FX rate, another price year): their agreement is not known. */
  readonly unconverted: readonly string[];
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
  const { groups, ranges } = figureGroups(facts, fx);
  return groups.map((g): FactGroup => {
    const ms = g.members;
    const choice = chooseFact(ms, options)!;
    const ordered = [choice.chosen, ...choice.others.map((o) => o.fact)];
    const base = choice.chosen;
    const inCommon = ordered.filter((f) => commensurable(f, base));
    const rs = inCommon.map((f) => ranges.get(f.id)).filter((r): r is MemberRange => !!r);
    const converted = new Set(rs.map((r) => r.factId));
    const unconverted = ordered.filter((f) => !converted.has(f.id)).map((f) => f.id);
    const apart = rs.length > 1 ? apartPair(rs) : null;
    const p50s = rs.map((r) => r.p50);
    const low = p50s.reduce((m, x) => Math.min(m, x), Infinity);
    const high = p50s.reduce((m, x) => Math.max(m, x), -Infinity);
    const unit: Unit = isCurrency(base.figure.unit) ? 'USD' : base.figure.unit;
    const position = new Map(ordered.map((f, i) => [f.id, i]));
    const byOrder = (ids: readonly string[]): string[] => [...ids].sort((x, y) => position.get(x)! - position.get(y)!);
    const linkedSets = g.linkedSets.map(byOrder);
    const overlaps = [...g.overlapOnly].sort((x, y) => position.get(x[0])! - position.get(y[0])!);
    return {
      id: base.id,
      preferred: base,
      members: ordered,
      corroboration: choice.others,
      linked: linkedSets.length > 0,
      linkedSets,
      overlapOnly: overlaps.map((x) => x[0]),
      overlaps,
      disagree: apart !== null,
      apart,
      spread: ms.length > 1 && rs.length > 1 ? { unit, low, high, ratio: low > 0 ? high / low : Infinity } : null,
      ranges: rs,
      unconverted,
    };
  });
}

/**
 * How a group of two or more came together, for a note after "report the
 * same figure": which members `same_as` links join (named in the surface's
 * words, `hint`: ' by --same-as' on the command line, ' (sameAs)' over HTTP,
 * nothing in a report) and which are in it because their figure overlaps
 * another member's (named), in English and Chinese; '' for a group of one.
 *
 * @example
 * groupJoinedText(g, 'cli').en
 * // " (fact-a and fact-c linked as the same by --same-as; fact-b not linked, grouped because its figure overlaps fact-c's)"
 */
export function groupJoinedText(g: Pick<FactGroup, 'members' | 'linkedSets' | 'overlaps'>, hint: OptionHint = 'none'): Text {
  const by = hint === 'none' ? '' : hint === 'cli' ? ` by ${optionName('sameAs', hint)}` : ` (${optionName('sameAs', hint)})`;
  const say = (t: GroupText): string => {
    if (g.members.length < 2) return '';
    if (!g.linkedSets.length) return t.wrap(t.noneLinked(by));
    if (g.linkedSets.length === 1 && !g.overlaps.length) return t.wrap(t.allLinked(by));
    const clauses = [...g.linkedSets.map((ids) => t.linkedSet(ids, by)), ...(g.overlaps.length ? [t.overlapOnly(g.overlaps)] : [])];
    return t.wrap(clauses.join(t.clauseSeparator));
  };
  return { en: say(GROUP_TEXT_EN), zh: say(GROUP_TEXT_ZH) };
}

/**
 * When a group's members do not all agree: the sentence naming the two that
 * do not (`apart`), in English and Chinese, so that "grouped because its
 * figure overlaps" and "they disagree" are not read as one claim about the
 * same two figures; null when they all agree.
 *
 * Each member is named by its id, or by `name`.
 *
 * @example groupApartText(g)?.en // 'Yet fact-a and fact-b do not agree within their stated precision (...): check which one holds.'
 */
export function groupApartText(g: Pick<FactGroup, 'apart'>, name: (id: string) => Text = (id) => ({ en: id, zh: id })): Text | null {
  if (!g.apart) return null;
  const [a, b] = g.apart.map(name) as [Text, Text];
  return { en: GROUP_TEXT_EN.apart(a.en, b.en), zh: GROUP_TEXT_ZH.apart(a.zh, b.zh) };
}
