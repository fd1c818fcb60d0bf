import { loadCpiTable, loadFxTable } from './bundled/tables.js';
import { bundledDataDir } from './bundled/data-dir.js';
import { loadBundledData, seedBundledEntities } from './bundled/load-bundled.js';
import type { CpiTable, FxTable } from '../core/index.js';
import type { BackendName, BackendOpenOptions } from './backend.js';
import { backendFor } from './backends.js';
import { KyselyPersistence } from './kysely-persistence.js';
import { LedgerStore } from './ledger-store.js';
import { appliedMigrations } from './migrations/migrate-ledger.js';
import type { OpenStoreOptions, Store } from './store.js';

/** Meta key set once the bundled facts and events have been loaded. */
export const BUNDLED_META_KEY = 'bundled_data';
/** Bump when the bundled data changes, so older databases get the new facts (loading is idempotent). */
export const BUNDLED_VERSION = '3';
/** The meta value of a ledger created without the bundled data (`--no-bundled-data`): never loaded into it later. */
export const BUNDLED_DECLINED = 'declined';

/**
 * Opens the ledger at a location (a SQLite file, ':memory:', or a
 * postgres:// URL) through its backend, migrated, and nothing more: no
 * bundled entities or data. For moving and migrating ledgers (`shakeout db`)
 * and for tests; everything else opens with {@link openStore}.
 */
export async function openBareStore(location: string, options: BackendOpenOptions & { dataDir?: string; now?: () => string } = {}): Promise<LedgerStore<KyselyPersistence>> {
  const dataDir = options.dataDir ?? bundledDataDir();
  let tables: { fx: FxTable; cpi: CpiTable } | undefined;
  const getTables = (): { fx: FxTable; cpi: CpiTable } => (tables ??= { fx: loadFxTable(dataDir), cpi: loadCpiTable(dataDir) });
  return new LedgerStore(await openPersistence(location, options), getTables, options.now);
}

/**
 * The persistence seam at a location, opened by its backend (`backends.ts`)
 * and migrated: rows and transactions, no Store above it. For what moves
 * whole tables (`shakeout db copy`); everything else opens a Store.
 */
export async function openPersistence(location: string, options: BackendOpenOptions = {}): Promise<KyselyPersistence> {
  // the backend (better-sqlite3 or pg) and the query builder are loaded when a ledger is
  // first opened, not by every command that imports the ledger (shakeout parse needs neither)
  const opened = await (await backendFor(location)).open(location, options);
  return new KyselyPersistence(opened.db, opened.dialect);
}

/**
 * Opens the ledger at `path` (a SQLite file, ':memory:', or a postgres://
 * URL). Every database gets the bundled entities; a database that has not
 * had it yet also gets the bundled facts and events, unless `loadBundled:
 * false` (which a fresh database remembers: it is not filled later).
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const dataDir = options.dataDir ?? bundledDataDir();
  const store = await openBareStore(options.path, { dataDir, createFolder: options.createFolder ?? false, ...(options.now ? { now: options.now } : {}) });
  try {
    await seedBundledEntities(store, dataDir);
    const had = await store.getMeta(BUNDLED_META_KEY);
    if (options.loadBundled === false) {
      // a fresh ledger started empty stays so: a later open without the option does not fill it
      if (had === undefined) await store.setMeta(BUNDLED_META_KEY, BUNDLED_DECLINED);
    } else if (had !== BUNDLED_VERSION && had !== BUNDLED_DECLINED) {
      await loadBundledData(store, dataDir);
      await store.setMeta(BUNDLED_META_KEY, BUNDLED_VERSION);
    }
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** What `migrateLedgerAt` did. */
export interface MigrateResult {
  /** The ledger, a URL's password shown as `***`. */
  readonly location: string;
  readonly backend: BackendName;
  /** Migrations this run applied (none when it was up to date). */
  readonly migrated: readonly string[];
  /** Every migration the ledger now has. */
  readonly applied: readonly string[];
}

/**
 * `shakeout db migrate`: brings the ledger at `location` to the latest
 * schema (creating it when new), without loading any data.
 */
export async function migrateLedgerAt(location: string, options: { createFolder?: boolean } = {}): Promise<MigrateResult> {
  const backend = await backendFor(location);
  const opened = await backend.open(location, options);
  try {
    return { location: opened.location, backend: backend.name, migrated: opened.migrated, applied: await appliedMigrations(opened.db, opened.schema) };
  } finally {
    await opened.db.destroy();
  }
}
