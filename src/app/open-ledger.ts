import { asOfStore, defaultDbPath, openStore, redactLocation, resolveDbPath, type Store } from '../ledger/index.js';

export { resolveDbPath };

/** The ledger a command uses (see `resolveDbPath`), as shown to the user: a URL's password is `***`. */
export function ledgerLocation(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return redactLocation(resolveDbPath(option, env));
}

/** Which ledger to open: the database file and whether a fresh one gets the bundled data. */
export interface LedgerOptions {
  readonly db?: string | undefined;
  /** Load the bundled data into a fresh database (default true). */
  readonly bundled?: boolean | undefined;
  /**
   * See the ledger as it stood on this day ('YYYY-MM-DD', `--as-of`): the
   * store handed over is a read-only `asOfStore` view, so every use-case
   * reads only what was published by then.
   */
  readonly asOf?: string | undefined;
  /** With `asOf`: take in facts whose source gives no publication date (`--include-undated`). */
  readonly includeUndated?: boolean | undefined;
}

/**
 * Opens the ledger (a fresh database is loaded with the bundled data on first
 * use), runs `fn`, and closes it whatever happens. With `asOf`, `fn` gets the
 * ledger as it stood on that day (read-only; see {@link openLedger}).
 */
export async function withLedger<T>(db: string | LedgerOptions | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openLedger(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Opens the ledger: `--db`, else `$SHAKEOUT_DB`, else a postgres://
 * `$DATABASE_URL`, else the default; a fresh
 * database gets the bundled data. With `asOf`, the store is the ledger as it
 * stood on that day (a read-only `asOfStore` view; closing it closes the
 * database): the one place an as-of view is made, for withLedger and for a
 * command that opens the ledger only when it turns out to need it (`run`).
 * The caller closes it (the server keeps one store for its life).
 */
export async function openLedger(db?: string | LedgerOptions): Promise<Store> {
  const o: LedgerOptions = typeof db === 'object' ? db : { db };
  const path = resolveDbPath(o.db);
  // Only the default location is created on first use; a --db or $SHAKEOUT_DB in a missing folder is a typo to report.
  const store = await openStore({ path, loadBundled: o.bundled ?? true, createFolder: path === defaultDbPath() });
  if (o.asOf === undefined) return store;
  try {
    return await asOfStore(store, { asOf: o.asOf, includeUndated: o.includeUndated ?? false, optionNames: { asOf: '--as-of', includeUndated: '--include-undated' } });
  } catch (e) {
    await store.close();
    throw e;
  }
}
