import type { Fact, Store } from '../../ledger/index.js';

/** A fact an assumption cites, followed through its corrections. */
export interface CitedFact {
  /** The fact as cited (possibly superseded). */
  readonly cited: Fact;
  /** The current fact of its correction chain (the cited one when never corrected). */
  readonly current: Fact;
  /** True when the figure of the current fact differs from the cited one. */
  readonly figureChanged: boolean;
}

/**
 * Resolves a fact id an assumption cites to the current fact: a correction
 * (`facts correct`) supersedes a fact without overwriting it, so an
 * assumption written against F11 must be read against what replaced F11.
 * Follows `supersededBy` to the end of the chain (guarding against cycles).
 *
 * @example
 * const c = await currentFact(store, 'F11');
 * c.current.id; // 'fact-72b6…' after `facts correct F11 --value 约25亿美元`
 * c.figureChanged; // true
 */
export async function currentFact(store: Store, id: string): Promise<CitedFact> {
  const cited = await store.getFact(id);
  let current = cited;
  const seen = new Set([cited.id]);
  while (current.supersededBy && !seen.has(current.supersededBy)) {
    seen.add(current.supersededBy);
    current = await store.getFact(current.supersededBy);
  }
  const a = cited.figure;
  const b = current.figure;
  const figureChanged = current !== cited && (a.value !== b.value || a.low !== b.low || a.high !== b.high || a.unit !== b.unit || a.per !== b.per || a.qualifier !== b.qualifier || cited.valueText !== current.valueText);
  return { cited, current, figureChanged };
}
