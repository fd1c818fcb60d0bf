import { homedir } from 'node:os';
import { join } from 'node:path';
import { ShakeoutError } from '../core/index.js';
import { redactLocation } from './backends.js';

/**
 * Where the ledger lives when neither --db nor $SHAKEOUT_DB says:
 * `$XDG_DATA_HOME/shakeout/shakeout.db` when XDG_DATA_HOME is set, else
 * `~/.shakeout/shakeout.db`. The CLI resolves --db, then $SHAKEOUT_DB, then this.
 */
export function defaultDbPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env['XDG_DATA_HOME']) return join(env['XDG_DATA_HOME'], 'shakeout', 'shakeout.db');
  return join(homedir(), '.shakeout', 'shakeout.db');
}

/**
 * The ledger a command uses: `--db` (a file or a postgres:// URL), else
 * `$SHAKEOUT_DB`, else `$DATABASE_URL` when it is a postgres:// URL (the
 * usual name on hosts that provide a database), else `defaultDbPath()`.
 * A `$DATABASE_URL` of another kind (mysql://) is refused rather than
 * passed over in silence: the user meant some database, not the default
 * file.
 */
export function resolveDbPath(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (flag && flag.trim()) return flag;
  if (env['SHAKEOUT_DB'] && env['SHAKEOUT_DB'].trim()) return env['SHAKEOUT_DB'];
  const url = env['DATABASE_URL']?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      const message = `expected $DATABASE_URL to be a postgres:// URL, got ${redactLocation(url).replace(/^([a-z][a-z0-9+.-]*:\/\/).*$/i, '$1...')}; to use another ledger, give --db or $SHAKEOUT_DB (they come first)`;
      throw new ShakeoutError(message, { status: 400, issues: [{ code: 'invalid_database_url', path: ['DATABASE_URL'], message }] });
    }
    return url;
  }
  return defaultDbPath(env);
}
