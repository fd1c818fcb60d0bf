import { ShakeoutError } from '../core/index.js';
import type { Fact, FactFilter, Store } from '../ledger/index.js';

/** How a page of facts is ordered. */
export const FACT_SORTS = ['entity', 'metric', 'period', 'value', 'published', 'recorded', 'id'] as const;
export type FactSort = (typeof FACT_SORTS)[number];

/** A page of facts: the filters of `Store.listFacts`, plus text search, sort and a cursor. */
export interface FactQuery extends FactFilter {
  /** Words that must all appear (ignoring case) in the fact's id, entity, metric, text as written, source, definition or notes. */
  readonly q?: string;
  /** Default 'entity' (entity, metric, period start, then id). */
  readonly sort?: FactSort;
  readonly order?: 'asc' | 'desc';
  /** 1 to 500; default 50. */
  readonly limit?: number;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string;
}

export interface FactPage {
  /** Facts matching the filters and the search, over all pages. */
  readonly total: number;
  readonly items: readonly Fact[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Largest page. */
export const MAX_FACT_PAGE = 500;

/**
 * One page of facts. The cursor names the last fact of the page before (its
 * sort key and id), so a page does not shift when facts are added before it
 * (the ledger only grows). A bad cursor or limit is a 400 naming the field.
 */
export async function listFactPage(store: Store, query: FactQuery = {}): Promise<FactPage> {
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FACT_PAGE) throw fieldError('limit', `expected a whole number from 1 to ${MAX_FACT_PAGE}, got ${limit}`);
  const sort = query.sort ?? 'entity';
  const dir = query.order === 'desc' ? -1 : 1;
  const filter: FactFilter = {
    ...(query.entity !== undefined ? { entity: query.entity } : {}),
    ...(query.includeProducts !== undefined ? { includeProducts: query.includeProducts } : {}),
    ...(query.metric !== undefined ? { metric: query.metric } : {}),
    ...(query.period !== undefined ? { period: query.period } : {}),
    ...(query.kind !== undefined ? { kind: query.kind } : {}),
    ...(query.includeSuperseded !== undefined ? { includeSuperseded: query.includeSuperseded } : {}),
  };
  let facts = await store.listFacts(filter);
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) facts = facts.filter((f) => {
    const hay = searchText(f);
    return words.every((w) => hay.includes(w));
  });
  // Each sort is on its key, then the id: a total order, so a cursor is exact.
  const keyed = facts.map((f) => ({ f, k: sortKey(f, sort) }));
  keyed.sort((a, b) => dir * (compare(a.k, b.k) || compare(a.f.id, b.f.id)));
  let start = 0;
  if (query.cursor !== undefined) {
    const c = readCursor(query.cursor);
    if (c.sort !== sort || c.order !== (dir === 1 ? 'asc' : 'desc')) throw fieldError('cursor', `expected a cursor of a page sorted by ${sort} ${dir === 1 ? 'asc' : 'desc'}, got one of a page sorted by ${c.sort} ${c.order}`);
    const at = keyed.findIndex((x) => dir * (compare(x.k, c.key) || compare(x.f.id, c.id)) > 0);
    start = at === -1 ? keyed.length : at;
  }
  const page = keyed.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < keyed.length;
  return {
    total: keyed.length,
    items: page.map((x) => x.f),
    nextCursor: more && last ? writeCursor({ sort, order: dir === 1 ? 'asc' : 'desc', key: last.k, id: last.f.id }) : null,
  };
}

function searchText(f: Fact): string {
  return [f.id, f.entity, f.metric, f.valueText, f.valueTextEn, f.period?.text, f.scope, f.source.publisher, f.source.title, f.source.url, f.definition, f.notes]
    .filter(Boolean).join(' \u0000 ').toLowerCase();
}

type Key = string | number;

function sortKey(f: Fact, sort: FactSort): Key {
  switch (sort) {
    case 'entity': return `${f.entity}\u0000${f.metric}\u0000${f.period?.start ?? ''}`;
    case 'metric': return `${f.metric}\u0000${f.entity}`;
    case 'period': return f.period?.start ?? '';
    case 'value': return f.figure.value;
    case 'published': return f.source.published ?? '';
    case 'recorded': return f.createdAt;
    case 'id': return f.id;
  }
}

function compare(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a), y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

interface Cursor { readonly sort: string; readonly order: string; readonly key: Key; readonly id: string }

function writeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.order, c.key, c.id]), 'utf8').toString('base64url');
}

function readCursor(text: string): Cursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 4 && typeof v[0] === 'string' && typeof v[1] === 'string' && (typeof v[2] === 'string' || typeof v[2] === 'number') && typeof v[3] === 'string') {
      return { sort: v[0], order: v[1], key: v[2], id: v[3] };
    }
  } catch {
    // reported below
  }
  throw fieldError('cursor', `expected the nextCursor of a page before, got "${text.length > 40 ? text.slice(0, 40) + '…' : text}"`);
}

function fieldError(field: string, message: string): ShakeoutError {
  return new ShakeoutError(`${field}: ${message}`, { issues: [{ code: 'invalid_field', path: [field], message }], status: 400 });
}
