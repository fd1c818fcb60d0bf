import { ShakeoutError } from '../core/index.js';
import { conflictsReport, type ConflictsReport, type Entity, type Store } from '../ledger/index.js';

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
 * An unknown entity is a 400 on the field that named it (`field`: the CLI's
 * `['--entity']`, the API's `['query', 'entity']`), saying what was expected,
 * what came and the closest known name:
 * `query.entity: expected an entity the ledger knows (any name or alias), got "Stabilty AI"; did you mean "Stability AI"?`
 */
export async function listConflicts(store: Store, query: ConflictsQuery = {}, field: readonly string[] = ['entity']): Promise<ConflictsReport> {
  const entity = query.entity === undefined ? null : await entityOf(store, query.entity, field);
  const { fx, cpi } = await store.tables();
  const r = conflictsReport(await store.listFacts(), fx, cpi);
  if (!entity) return r;
  return {
    conflicts: r.conflicts.filter((c) => c.entity === entity.id),
    uncompared: r.uncompared.filter((u) => u.fact.entity === entity.id),
    omitted: r.omitted.filter((o) => o.entity === entity.id),
  };
}

/** The entity of a filter, or a 400 on its field (the store's 404 is for a name in a path). */
async function entityOf(store: Store, name: string, field: readonly string[]): Promise<Entity> {
  try {
    return await store.resolveEntity(name);
  } catch (e) {
    const issue = e instanceof ShakeoutError ? e.issues.find((i) => i.code === 'unknown_entity') : undefined;
    if (!issue) throw e;
    const expected = 'an entity the ledger knows';
    const message = `expected ${expected} (any name or alias), got "${name}"${issue.suggestion ? `; did you mean "${issue.suggestion}"?` : ''}`;
    throw new ShakeoutError(`${field.join('.')}: ${message}`, {
      status: 400,
      issues: [{ code: 'unknown_entity', path: field, message, expected, got: name, ...(issue.suggestion ? { suggestion: issue.suggestion } : {}) }],
    });
  }
}
