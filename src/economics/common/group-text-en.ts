/**
 * How the members of a fact group (`groupFacts`) came to be one group, in
 * English: joined by `same_as` links (`facts add --same-as`, a `same_as`
 * column), or only because their figures overlap. group-text-zh.ts has the
 * same keys, written for a Chinese reader. Each entry takes lists of fact ids.
 */
export interface GroupText {
  /** Every member is in one link set. */
  readonly allLinked: () => string;
  /** No member is linked to another: the figures overlap. */
  readonly noneLinked: () => string;
  /** One set of members joined by links. */
  readonly linkedSet: (ids: readonly string[]) => string;
  /** Members in no link set, joined only because their figures overlap. */
  readonly overlapOnly: (ids: readonly string[]) => string;
  /** Between the clauses of a group with links and overlaps. */
  readonly clauseSeparator: string;
  /** Around the whole note, after "report the same figure". */
  readonly wrap: (clauses: string) => string;
}

const list = (ids: readonly string[]): string => (ids.length <= 2 ? ids.join(' and ') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`);

export const GROUP_TEXT_EN: GroupText = {
  allLinked: () => 'all linked as the same by --same-as',
  noneLinked: () => 'none linked by --same-as: grouped because their figures overlap',
  linkedSet: (ids) => `${list(ids)} linked as the same by --same-as`,
  overlapOnly: (ids) => `${list(ids)} not linked, grouped only because ${ids.length === 1 ? 'its figure overlaps' : 'their figures overlap'}`,
  clauseSeparator: '; ',
  wrap: (clauses) => ` (${clauses})`,
};
