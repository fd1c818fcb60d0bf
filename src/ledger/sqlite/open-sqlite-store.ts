import { existsSync, mkdirSync } from 'node:fs';
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
export async function openSqliteStore(path: string, tables: () => { fx: FxTable; cpi: CpiTable }, options: { createFolder?: boolean } = {}): Promise<KyselyStore> {
  if (path !== ':memory:' && !path.startsWith('file:')) {
    const folder = dirname(path);
    if (options.createFolder) mkdirSync(folder, { recursive: true });
    else if (!existsSync(folder)) {
      throw new ShakeoutError(`cannot open the database ${path}: the folder ${folder} does not exist (create it, or choose another --db)`, {
        status: 400, issues: [{ code: 'no_folder', path: ['db'], message: `folder ${folder} does not exist` }],
      });
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new ShakeoutError(`${path} is not a Shakeout database: it is not an SQLite file (expected a ledger made by shakeout, or a new file name)`, {
        status: 400, issues: [{ code: 'not_a_database', path: ['db'], message: 'not an SQLite file' }], cause: e,
      });
    }
    throw new ShakeoutError(`cannot open the database ${path}: ${(e as Error).message}`, { status: 500, cause: e });
  }
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
