import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { ShakeoutError } from '../../core/index.js';
import type { Backend, BackendOpenOptions, LedgerDialect, OpenedDatabase } from '../backend.js';
import { MIGRATION_TABLE, migrateLedger, refuseForeignTables, refuseUnmigrated } from '../migrations/migrate-ledger.js';
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

/**
 * Refuses a database that another application made (see
 * `refuseForeignTables`). Nothing is written, so the other application's
 * file stays as it was (no WAL switch, no migration).
 */
function refuseForeign(sqlite: Database.Database, path: string): void {
  const tables = (sqlite.prepare("select name from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  const applied = tables.includes(MIGRATION_TABLE) ? (sqlite.prepare(`select name from ${MIGRATION_TABLE}`).all() as { name: string }[]).map((r) => r.name) : [];
  refuseForeignTables(path, 'an SQLite file', tables, applied, 'Give --db a new file name or a Shakeout ledger');
}

/**
 * SQLite's side of the dialect: every writing transaction is `BEGIN
 * IMMEDIATE` (the driver's), so writers wait their turn in the busy handler
 * (`BUSY_TIMEOUT_MS`) and never fail half-way; text sorts byte by byte already.
 */
export const sqliteDialect: LedgerDialect = {
  name: 'sqlite',
  write: (db, fn) => db.transaction().execute(fn),
  sortKey: (column) => sql.ref(column),
};

/**
 * Opens (creating if needed) a SQLite ledger file with better-sqlite3: WAL
 * journal, foreign keys on, migrations run to the latest. ':memory:' gives a
 * private in-memory database. A file this process may not write is opened
 * read-only (as a snapshot), and refused if it needs a migration.
 */
async function openSqlite(path: string, options: BackendOpenOptions = {}): Promise<OpenedDatabase> {
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
  if (readOnly || options.migrate === false) {
    await refuseUnmigrated(db, path, readOnly);
    return { db, dialect: sqliteDialect, location: path, migrated: [] };
  }
  return { db, dialect: sqliteDialect, location: path, migrated: await migrateLedger(db, path) };
}

/** The SQLite backend: a file path, or ':memory:'. */
export const sqliteBackend: Backend = { name: 'sqlite', open: openSqlite };
