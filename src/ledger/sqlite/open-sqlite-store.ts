import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { ShakeoutError } from '../../core/index.js';
import type { CpiTable, FxTable } from '../../core/index.js';
import { KyselyStore } from '../kysely-store.js';
import { MIGRATIONS, migrationProvider } from '../migrations/index.js';
import { BUSY_TIMEOUT_MS, ImmediateSqliteDialect, sqliteFault } from './immediate-sqlite-dialect.js';
import type { LedgerDatabase } from '../schema.js';

/** Whether this process may write the file (and make the WAL files beside it). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A ledger this process may not write, read as a snapshot in memory: SQLite
 * cannot read a WAL database in place without making its shared-memory file
 * beside it, which a read-only folder forbids. The snapshot is the file as
 * it is (its header switched from WAL to a rollback journal, which changes
 * nothing of the data), opened read-only. A write-ahead log left beside the
 * file holds changes the file lacks, so it is refused then, saying why.
 */
function readOnlySnapshot(path: string): Database.Database {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    const message = `cannot read the database ${path}: it is read-only, and its write-ahead log ${wal} holds changes that only a process with write access can fold in; open it once with write access`;
    throw new ShakeoutError(message, { status: 403, issues: [{ code: 'read_only', path: ['db'], message }] });
  }
  const bytes = readFileSync(path);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}

/** Tables every Shakeout ledger has, from its first migration on. */
const OWN_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/**
 * Refuses a database that another application made: it has tables, and
 * either no Kysely migration table or migrations that are not Shakeout's.
 * An empty file, or one made by Shakeout, passes. Nothing is written, so the
 * other application's file stays as it was (no WAL switch, no migration).
 */
function refuseForeign(sqlite: Database.Database, path: string): void {
  const tables = (sqlite.prepare("select name from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  if (!tables.length) return;
  const ours = new Set(Object.keys(MIGRATIONS));
  const applied = tables.includes(OWN_TABLES[0]!) ? (sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name) : [];
  const foreign = applied.filter((m) => !ours.has(m));
  if (applied.length && !foreign.length) return;
  const shown = tables.filter((t) => !OWN_TABLES.includes(t)).slice(0, 5);
  const message = `${path} is not a Shakeout database: it is an SQLite file of another application (${applied.length ? `migrations ${foreign.slice(0, 3).join(', ')}` : `tables ${shown.join(', ')}${tables.length > shown.length ? ', ...' : ''}`}, and no Shakeout ledger tables); it was left unchanged. Give --db a new file name or a Shakeout ledger`;
  throw new ShakeoutError(message, { status: 400, issues: [{ code: 'not_shakeout', path: ['db'], message }] });
}

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
  // A file that cannot be written is opened for reading: commands that only read work, a write says why it cannot.
  const readOnly = path !== ':memory:' && !path.startsWith('file:') && existsSync(path) && !writable(path);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = readOnly ? readOnlySnapshot(path) : new Database(path, { timeout: BUSY_TIMEOUT_MS });
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    refuseForeign(sqlite, path);
  } catch (e) {
    sqlite?.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new ShakeoutError(`${path} is not a Shakeout database: it is not an SQLite file (expected a ledger made by shakeout, or a new file name)`, {
        status: 400, issues: [{ code: 'not_a_database', path: ['db'], message: 'not an SQLite file' }], cause: e,
      });
    }
    const fault = sqliteFault(e, path);
    if (fault instanceof ShakeoutError) throw fault;
    throw new ShakeoutError(`cannot open the database ${path}: ${(e as Error).message}`, { status: 500, cause: e });
  }
  if (!readOnly) {
    try {
      sqlite.pragma('journal_mode = WAL');
    } catch (e) {
      sqlite.close();
      throw sqliteFault(e, path);
    }
  }
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<LedgerDatabase>({ dialect: new ImmediateSqliteDialect(sqlite, path) });
  if (readOnly) {
    const applied = new Set((sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").all().length ? sqlite.prepare('select name from kysely_migration').all() : []).map((r) => (r as { name: string }).name));
    const missing = Object.keys(MIGRATIONS).filter((m) => !applied.has(m));
    if (missing.length) {
      await db.destroy();
      const message = `cannot open the database ${path}: it is read-only and needs ${missing.length} upgrade${missing.length === 1 ? '' : 's'} (${missing.join(', ')}) that would write to it; open it once with write access`;
      throw new ShakeoutError(message, { status: 403, issues: [{ code: 'read_only', path: ['db'], message }] });
    }
    return new KyselyStore(db, tables);
  }
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    if (error instanceof ShakeoutError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new ShakeoutError(`cannot migrate the database ${path}${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message ?? error}`, { status: 500, cause: error });
  }
  return new KyselyStore(db, tables);
}
