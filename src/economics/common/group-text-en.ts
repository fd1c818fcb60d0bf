/**
 * How the members of a fact group (`groupFacts`) came to be one group, in
 * English: joined by `same_as` links (`facts add --same-as`, a `same_as`
 * column, `sameAs` in a request), or because a member's figure overlaps
 * another member's; and, when two members do not agree, which two.
 * group-text-zh.ts has the same keys, written for a Chinese reader. Each
 * entry takes lists of fact ids; `by` names how links are made on the
 * surface read (' by --same-as', ' (sameAs)', or '' for a report).
 */
export interface GroupText {
  /** Every member is in one link set. */
  readonly allLinked: (by: string) => string;
  /** No member is linked to another: the figures overlap. */
  readonly noneLinked: (by: string) => string;
  /** One set of members joined by links. */
  readonly linkedSet: (ids: readonly string[], by: string) => string;
  /** Members in no link set, each joined because its figure overlaps the member paired with it. */
  readonly overlapOnly: (pairs: readonly (readonly [string, string])[]) => string;
  /** Between the clauses of a group with links and overlaps. */
  readonly clauseSeparator: string;
  /** Around the whole note, after "report the same figure". */
  readonly wrap: (clauses: string) => string;
  /** Two members whose figures do not agree, though the group holds them (through a link or a chain of overlaps): a sentence. */
  readonly apart: (a: string, b: string) => string;
}

const list = (ids: readonly string[]): string => (ids.length <= 2 ? ids.join(' and ') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`);

export const GROUP_TEXT_EN: GroupText = {
  allLinked: (by) => `all linked as the same${by}`,
  noneLinked: (by) => `none linked as the same${by}: grouped because their figures overlap`,
  linkedSet: (ids, by) => `${list(ids)} linked as the same${by}`,
  overlapOnly: (pairs) =>
    pairs.length === 1
      ? `${pairs[0]![0]} not linked, grouped because its figure overlaps ${pairs[0]![1]}'s`
      : `${list(pairs.map((p) => p[0]))} not linked, grouped because their figures overlap other members' (${pairs.map(([x, y]) => `${x}: ${y}'s`).join(', ')})`,
  clauseSeparator: '; ',
  wrap: (clauses) => ` (${clauses})`,
  apart: (a, b) => `Yet ${a} and ${b} do not agree within their stated precision (a group holds figures joined by links or by a chain of overlaps): check which one holds.`,
};
