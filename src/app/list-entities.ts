import { ShakeoutError } from '../core/index.js';
import { ENTITY_KINDS, entitiesWithFacts, isEntityKind, type Entity, type Store } from '../ledger/index.js';

/** What `listEntities` lists: `shakeout entities list` and `GET /api/entities`. */
export interface EntitiesQuery {
  /** Only the entities of this kind. */
  readonly kind?: string;
  /** Only the entities a fact is about, directly or through a product or model of theirs (`entitiesWithFacts`). */
  readonly withFacts?: boolean;
}

/**
 * The ledger's entities, filtered by kind and by having facts: one rule for
 * the CLI and the API. An unknown kind is a 400 on `field` (the CLI's
 * `--kind`; the API's schema refuses it first), naming the kinds.
 */
export async function listEntities(store: Store, query: EntitiesQuery = {}, field: readonly string[] = ['kind']): Promise<Entity[]> {
  const { kind, withFacts } = query;
  if (kind !== undefined && !isEntityKind(kind)) {
    const message = `expected one of ${ENTITY_KINDS.join(', ')}, got "${kind}"`;
    throw new ShakeoutError(`${field.join('.')}: ${message}`, { issues: [{ code: 'invalid_kind', path: [...field], message, got: kind }] });
  }
  const all = await store.listEntities();
  const about = withFacts ? entitiesWithFacts(all, await store.listFacts()) : null;
  return all.filter((e) => (kind === undefined || e.kind === kind) && (!about || about.has(e.id)));
}
