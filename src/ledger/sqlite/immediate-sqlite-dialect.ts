import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { ShakeoutError } from '../../core/index.js';

/**
 * How long a writer waits for another process's write to finish before it
 * gives up, in milliseconds (SQLite's busy timeout). A large import holds the
 * write lock for a few seconds; a minute covers it on a slow disk. The same
 * for every command; docs/limits.md.
 */
export const BUSY_TIMEOUT_MS = 60_000;

/**
 * Kysely's SQLite driver, with transactions that take the write lock when
 * they begin (`BEGIN IMMEDIATE`) instead of at their first write. A deferred
 * transaction that reads and then writes cannot wait for another writer
 * (SQLite returns "database is locked" at once, to avoid a deadlock); an
 * immediate one waits in the busy handler, up to `BUSY_TIMEOUT_MS`, and
 * then proceeds. Every transaction of the store writes, so all are immediate.
 *
 * A rollback after SQLite already rolled the transaction back itself (a full
 * disk, an I/O error) is skipped, so that the error the caller sees is the
 * cause ("database or disk is full"), not "cannot rollback - no transaction
 * is active".
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: Database.Database;
  readonly #path: string;
  constructor(database: Database.Database, path: string) {
    super({ database });
    this.#database = database;
    this.#path = path;
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    const c = await super.acquireConnection();
    const path = this.#path;
    return {
      async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        try {
          return await c.executeQuery<R>(q);
        } catch (e) {
          throw sqliteFault(e, path);
        }
      },
      streamQuery: c.streamQuery.bind(c),
    };
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#database.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
}

/** `SqliteDialect` over better-sqlite3 with `ImmediateSqliteDriver`. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: Database.Database;
  readonly #path: string;
  constructor(database: Database.Database, path: string) {
    super({ database });
    this.#database = database;
    this.#path = path;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#database, this.#path);
  }
}

/**
 * An SQLite error that has a cause outside Shakeout, as a ShakeoutError that
 * names it: the disk is full (507), the file or its disk is read-only (403),
 * another process holds the write lock past the busy timeout (503). Other
 * errors pass unchanged.
 */
export function sqliteFault(e: unknown, path: string): unknown {
  const code = (e as { code?: string } | null)?.code ?? '';
  const said = (e as Error | null)?.message ?? String(e);
  const fault = (status: number, issue: string, message: string): ShakeoutError =>
    new ShakeoutError(message, { status, issues: [{ code: issue, path: ['db'], message: `SQLite: ${said}` }], cause: e });
  if (code === 'SQLITE_FULL') return fault(507, 'disk_full', `cannot write to the database ${path}: the disk is full; nothing of this command was saved (free some space and run it again)`);
  if (code.startsWith('SQLITE_READONLY') || (code.startsWith('SQLITE_CANTOPEN') && /read/i.test(said))) {
    return fault(403, 'read_only', `cannot write to the database ${path}: it is read-only (the file, its folder or its disk does not allow writing); nothing was changed. Commands that only read it work`);
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return fault(503, 'busy', `the database ${path} is busy: another process has been writing to it for more than ${BUSY_TIMEOUT_MS / 1000} s; nothing of this command was saved (run it again)`);
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) return fault(500, 'io_error', `cannot read or write the database ${path}: an input/output error (${said}); nothing of this command was saved`);
  return e;
}
