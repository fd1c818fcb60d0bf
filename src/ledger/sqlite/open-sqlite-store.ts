import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { ShakeoutError } from '../../core/index.js';
import type { CpiTable, FxTable } from '../../core/index.js';
import { KyselyStore } from '../kysely-store.js';
import { migrationProvider } from '../migrations/index.js';
import type { LedgerDatabase } from '../schema.js';

/**
 * Opens (creating if needed) a SQLite ledger file with better-sqlite3: WAL
 * journal, foreign keys on, migrations run to the latest. ':memory:' gives a
 * private in-memory database.
 */
export async function openSqliteStore(path: string, tables: () => { fx: FxTable; cpi: CpiTable }): Promise<KyselyStore> {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
  } catch (e) {
    throw new ShakeoutError(`cannot open the database ${path}: ${(e as Error).message}`, { status: 500, cause: e });
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new ShakeoutError(`cannot migrate the database ${path}${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message ?? error}`, { status: 500, cause: error });
  }
  return new KyselyStore(db, tables);
}
