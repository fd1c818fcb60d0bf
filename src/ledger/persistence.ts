import type { Currency, FxRate } from '../core/index.js';
import type { BackendName } from './backend.js';
import type { Entity } from './entity.js';
import type { Fact } from './fact.js';
import type { LedgerEvent } from './ledger-event.js';
import type { Outcome } from './outcome.js';
import type { Source } from './source.js';
import type { EntityKind, FactKind, Metric } from './vocabulary.js';

/**
 * The narrow seam under the ledger: rows in, rows out, and a transaction.
 * Written once over Kysely's dialects (`KyselyPersistence`); a backend
 * folder (`sqlite/`, `postgres/`) only opens its dialect. It knows nothing
 * of files, lines, names as users write them, validation, conflicts or
 * summaries: those are `LedgerStore`, above it, written once for every
 * backend (docs/ledger-seam.md).
 *
 * Ids given to it are resolved ids (an entity's id, not one of its names);
 * what it is given to write has been checked above it.
 */
export interface PersistenceReader {
  /** Every entity (with its aliases, in the order added), by id, and every name that finds one. */
  entities(): Promise<{ readonly entities: readonly Entity[]; readonly names: readonly EntityName[] }>;
  /** Facts matching the query (all of them when it is empty), in its order. */
  facts(query?: FactQuery): Promise<Fact[]>;
  /** Every fact's id, current or superseded. */
  factIds(): Promise<string[]>;
  /** Sources by publisher then id. */
  sources(): Promise<Source[]>;
  /** Events by period start then id, with the entities each is about in their order. */
  events(): Promise<LedgerEvent[]>;
  /** Outcomes by entity, date, id. */
  outcomes(filter?: { readonly entityId?: string }): Promise<Outcome[]>;
  /** Exchange rates users added, by currency then month. */
  fxRates(filter?: { readonly currency?: Currency }): Promise<FxRate[]>;
  /** How many entities and events the ledger holds. */
  counts(): Promise<{ readonly entities: number; readonly events: number }>;
  getMeta(key: string): Promise<string | undefined>;
}

/** The writes, given only inside `Persistence.write`'s transaction. */
export interface PersistenceWriter extends PersistenceReader {
  /** An entity with its names (each with its key); its aliases come in `names`, not in `entity.aliases`. */
  insertEntity(entity: Omit<Entity, 'aliases'>, names: readonly Omit<EntityName, 'entityId'>[]): Promise<void>;
  /** Ties an entity to a parent (null: none) or changes its kind; fields left out stay. */
  updateEntity(id: string, change: { readonly parent?: string | null; readonly kind?: EntityKind }): Promise<void>;
  insertNames(entityId: string, names: readonly Omit<EntityName, 'entityId'>[]): Promise<void>;
  /** Facts in the order given (what a fact refers to comes first), with their sources and derivation inputs, many rows a statement. */
  insertFacts(facts: readonly { readonly fact: Fact; readonly perGiven: string | null }[]): Promise<void>;
  insertEvent(event: LedgerEvent): Promise<void>;
  insertOutcome(outcome: Outcome, createdAt: string): Promise<void>;
  insertFxRate(rate: FxRate, createdAt: string): Promise<void>;
  deleteFxRate(currency: Currency, month: string): Promise<void>;
  setMeta(key: string, value: string): Promise<void>;
  /** Raises the ledger's revision by one (every write that changes the ledger does, in its own transaction). */
  bumpRevision(): Promise<void>;
}

/** A ledger database behind the seam. */
export interface Persistence extends PersistenceReader {
  readonly backend: BackendName;
  /**
   * Runs `fn` in one transaction that writes, atomically with respect to
   * every other writer; an error thrown by `fn` rolls everything back.
   * `fn` may run more than once (PostgreSQL retries a serialization
   * failure), so it must only read and write through `tx` and its own locals.
   */
  write<T>(fn: (tx: PersistenceWriter) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A name that finds an entity: its id, English or Chinese name, or an alias. */
export interface EntityName {
  readonly entityId: string;
  readonly name: string;
  /** `nameKey(name)`: what lookups compare. */
  readonly key: string;
  readonly type: 'id' | 'en' | 'zh' | 'alias';
}

/** Which facts `facts()` reads. Every field narrows; none given: every fact. */
export interface FactQuery {
  readonly id?: string;
  readonly entityIds?: readonly string[];
  readonly metric?: Metric;
  /** Facts whose period overlaps these days (inclusive). */
  readonly overlaps?: { readonly start: string; readonly end: string };
  readonly kind?: FactKind;
  /** Only facts no other fact corrects. Default false. */
  readonly currentOnly?: boolean;
  /** 'subject': entity, metric, period start, then creation (the default); 'creation': the order they were stored. */
  readonly order?: 'subject' | 'creation';
}
