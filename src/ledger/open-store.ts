import { loadCpiTable, loadFxTable } from './bundled/tables.js';
import { bundledDataDir } from './bundled/data-dir.js';
import { loadBundledData, seedBundledEntities } from './bundled/load-bundled.js';
import type { CpiTable, FxTable } from '../core/index.js';
import type { OpenStoreOptions, Store } from './store.js';

/** Meta key set once the bundled facts and events have been loaded. */
export const BUNDLED_META_KEY = 'bundled_data';
/** Bump when the bundled data changes, so older databases get the new facts (loading is idempotent). */
export const BUNDLED_VERSION = '3';

/**
 * Opens the ledger at `path` (a SQLite file, or ':memory:'). Every database
 * gets the bundled entities; a database that has not had it yet also gets the
 * bundled facts and events (unless `loadBundled: false`).
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const dataDir = options.dataDir ?? bundledDataDir();
  let tables: { fx: FxTable; cpi: CpiTable } | undefined;
  const getTables = (): { fx: FxTable; cpi: CpiTable } => (tables ??= { fx: loadFxTable(dataDir), cpi: loadCpiTable(dataDir) });
  // SQLite and the query builder are loaded when a ledger is first opened, not
  // by every command that imports the ledger (shakeout parse needs neither)
  const { openSqliteStore } = await import('./sqlite/open-sqlite-store.js');
  const store = await openSqliteStore(options.path, getTables, { createFolder: options.createFolder ?? false });
  try {
    await seedBundledEntities(store, dataDir);
    if (options.loadBundled !== false && (await store.getMeta(BUNDLED_META_KEY)) !== BUNDLED_VERSION) {
      await loadBundledData(store, dataDir);
      await store.setMeta(BUNDLED_META_KEY, BUNDLED_VERSION);
    }
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
