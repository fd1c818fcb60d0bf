import type { Fact } from './fact.js';

/**
 * The sets of facts that `same_as` links join, as a map from each fact's id
 * to the id of its set's first member (in the order of `facts`). Links are
 * undirected and transitive: A same_as B and C same_as B put A, B and C in
 * one set. A link to a fact that was corrected counts for its correction
 * when the correction is among `facts`. Facts with no link map to themselves.
 *
 * @example
 * sameAsSets([a, b, c]) // with b.sameAs = a.id: Map { a -> a, b -> a, c -> c }
 */
export function sameAsSets(facts: readonly Fact[]): Map<string, string> {
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
  for (const f of facts) {
    if (!f.sameAs) continue;
    const target = current(f.sameAs);
    if (!parent.has(target)) continue;
    const a = root(f.id);
    const b = root(target);
    if (a === b) continue;
    if (order.get(a)! < order.get(b)!) parent.set(b, a);
    else parent.set(a, b);
  }
  return new Map(facts.map((f) => [f.id, root(f.id)]));
}
