import type { Fact } from './fact.js';
import type { Source } from './source.js';
import type { Summary } from './store.js';

/**
 * The ledger's summary from its facts (current and superseded, each with its
 * `supersededBy` as the reader sees it), sources, counts of entities and
 * events, and the source of each outcome: one computation for every view of
 * a ledger (the whole of it, or as of a date).
 */
export function summarizeLedger(input: {
  readonly facts: readonly Fact[];
  readonly sources: readonly Source[];
  readonly entities: number;
  readonly events: number;
  readonly outcomeSourceIds: readonly string[];
}): Summary {
  const current = input.facts.filter((f) => !f.supersededBy);
  const count = (key: (f: Fact) => string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const f of current) out[key(f)] = (out[key(f)] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  };
  const bySource = count((f) => f.source.id);
  const withPeriod = current.filter((f) => f.period);
  const byOutcomeSource = new Map<string, number>();
  for (const id of input.outcomeSourceIds) byOutcomeSource.set(id, (byOutcomeSource.get(id) ?? 0) + 1);
  return {
    facts: { current: current.length, superseded: input.facts.length - current.length },
    byKind: count((f) => f.kind),
    byMetric: count((f) => f.metric),
    byEntity: count((f) => f.entity),
    entities: input.entities,
    events: input.events,
    outcomes: input.outcomeSourceIds.length,
    sources: input.sources.map((source) => ({ source, facts: bySource[source.id] ?? 0, outcomes: byOutcomeSource.get(source.id) ?? 0 })),
    periods: withPeriod.length
      ? { start: withPeriod.reduce((m, f) => (f.period!.start < m ? f.period!.start : m), '9999'), end: withPeriod.reduce((m, f) => (f.period!.end > m ? f.period!.end : m), '0000') }
      : null,
    byYear: count((f) => (f.period ? f.period.start.slice(0, 4) : 'none')),
  };
}
