import { conflictsReport, type ConflictsReport, type Store } from '../ledger/index.js';

/** What `listConflicts` lists. */
export interface ConflictsQuery {
  /** Any name or alias of an entity: only the conflicts of its own facts (and its facts that could not be compared). Default every entity. */
  readonly entity?: string;
}

/**
 * `shakeout facts conflicts` and `GET /api/conflicts`: the ledger's
 * conflicts (`conflictsReport`, over the store's FX and CPI tables), or
 * those of one entity. The entity's are found among the whole ledger's, so
 * they are the very groups the unfiltered list shows for it.
 *
 * An unknown entity is the store's 404; the edges say it at the field that
 * named it (`unknownEntityAt`: `query.entity`, `--entity`).
 */
export async function listConflicts(store: Store, query: ConflictsQuery = {}): Promise<ConflictsReport> {
  const entity = query.entity === undefined ? null : await store.resolveEntity(query.entity);
  const { fx, cpi } = await store.tables();
  const r = conflictsReport(await store.listFacts(), fx, cpi);
  if (!entity) return r;
  return {
    conflicts: r.conflicts.filter((c) => c.entity === entity.id),
    uncompared: r.uncompared.filter((u) => u.fact.entity === entity.id),
    omitted: r.omitted.filter((o) => o.entity === entity.id),
  };
}

