import type { Kysely, Transaction } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { LedgerDatabase } from './schema.js';

/** The names of the store backends, one folder each (`sqlite/`, `postgres/`). */
export type BackendName = 'sqlite' | 'postgres';

/**
 * What differs between the SQL dialects the ledger runs on, and nothing
 * else: the one query code (`KyselyPersistence`) asks its dialect for these. In
 * the spirit of Kysely's `DialectAdapter` (`src/dialect/dialect-adapter.ts`).
 */
export interface LedgerDialect {
  readonly name: BackendName;
  /**
   * Runs `fn` in a transaction that writes, atomically with respect to every
   * other writer, and returns its result. SQLite: `BEGIN IMMEDIATE` (writers
   * wait their turn). PostgreSQL: SERIALIZABLE, retried from the start on a
   * serialization failure (docs/postgres.md). `fn` may run more than once, so
   * it must only touch the database and its own locals.
   */
  write<T>(db: Kysely<LedgerDatabase>, fn: (trx: Transaction<LedgerDatabase>) => Promise<T>): Promise<T>;
  /**
   * A text column to sort by, compared byte by byte as SQLite does
   * (PostgreSQL sorts by the database's collation otherwise, and 'F10' and
   * 'f2' would come in another order on another server).
   */
  sortKey(column: string): RawBuilder<unknown>;
}

/** A ledger database opened by a backend: migrated (unless read-only), not yet seeded. */
export interface OpenedDatabase {
  readonly db: Kysely<LedgerDatabase>;
  readonly dialect: LedgerDialect;
  /** Where it is, for messages: the file, or the URL without its password. */
  readonly location: string;
  /** Where the migration tables are: PostgreSQL's current schema; none on SQLite. */
  readonly schema?: string;
  /** Migrations this opening applied, in order (none when the database was up to date). */
  readonly migrated: readonly string[];
}

/** Options every backend takes. */
export interface BackendOpenOptions {
  /** SQLite: create the file's folder when missing (the default location only). */
  readonly createFolder?: boolean;
  /** Run the migrations (default true). False: refuse a database that needs one. */
  readonly migrate?: boolean;
}

/**
 * A store backend: opens its kind of location (a file path, ':memory:', a
 * URL) as a migrated ledger database. Everything else (import ordering,
 * conflicts, summaries, bundled data) is the same code above it.
 */
export interface Backend {
  readonly name: BackendName;
  open(location: string, options?: BackendOpenOptions): Promise<OpenedDatabase>;
}
