import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the ledger lives when neither --db nor $SHAKEOUT_DB says:
 * `$XDG_DATA_HOME/shakeout/shakeout.db` when XDG_DATA_HOME is set, else
 * `~/.shakeout/shakeout.db`. The CLI resolves --db, then $SHAKEOUT_DB, then this.
 */
export function defaultDbPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env['XDG_DATA_HOME']) return join(env['XDG_DATA_HOME'], 'shakeout', 'shakeout.db');
  return join(homedir(), '.shakeout', 'shakeout.db');
}

/** --db, else $SHAKEOUT_DB, else `defaultDbPath()`. */
export function resolveDbPath(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return flag || env['SHAKEOUT_DB'] || defaultDbPath(env);
}
