import type { Fact } from './fact.js';

/**
 * The sets of facts that `same_as` links join, as a map from each fact's id
 * to the id of its set's first member (in the order of `facts`). Links are
 * undirected and transitive: A same_as B and C same_as B put A, B and C in
 * one set. A link to a fact that was corrected counts for its correction
 * when the correction is among `facts`. Facts with no link map to themselves.
 * `alsoJoined` adds pairs of ids that a caller joins for its own reasons
 * (economics' `groupFacts`: facts that agree), under the same rules.
 *
 * @example
 * sameAsSets([a, b, c]) // with b.sameAs = a.id: Map { a -> a, b -> a, c -> c }
 */
export function sameAsSets(facts: readonly Fact[], alsoJoined: Iterable<readonly [string, string]> = []): Map<string, string> {
  const parent = new Map<string, string>(facts.map((f) => [f.id, f.id]));
  const order = new Map(facts.map((f, i) => [f.id, i]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const correctedBy = new Map<string, string>();
  for (const f of facts) if (f.supersedes) correctedBy.set(f.supersedes, f.id);
  const current = (id: string): string => {
    let at = id;
    const seen = new Set<string>();
    while (correctedBy.has(at) && !seen.has(at)) {
      seen.add(at);
      at = correctedBy.get(at)!;
    }
    return at;
  };
  const join = (x: string, y: string): void => {
    if (!parent.has(x) || !parent.has(y)) return;
    const a = root(x);
    const b = root(y);
    if (a === b) return;
    if (order.get(a)! < order.get(b)!) parent.set(b, a);
    else parent.set(a, b);
  };
  for (const f of facts) if (f.sameAs) join(f.id, current(f.sameAs));
  for (const [x, y] of alsoJoined) join(x, y);
  return new Map(facts.map((f) => [f.id, root(f.id)]));
}
