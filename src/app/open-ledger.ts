import { defaultDbPath, openStore, type Store } from '../ledger/index.js';

/**
 * The database a command uses: `--db PATH`, else `$SHAKEOUT_DB`, else the
 * default (`~/.shakeout/shakeout.db`, see docs/ledger.md).
 */
export function resolveDbPath(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option && option.trim()) return option;
  if (env.SHAKEOUT_DB && env.SHAKEOUT_DB.trim()) return env.SHAKEOUT_DB;
  return defaultDbPath();
}

/**
 * Opens the ledger (a fresh database is loaded with the bundled data on first
 * use), runs `fn`, and closes it whatever happens.
 */
export async function withLedger<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ path: resolveDbPath(db) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
