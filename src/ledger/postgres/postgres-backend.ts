import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ShakeoutError } from '../../core/index.js';
import type { Backend, BackendOpenOptions, OpenedDatabase } from '../backend.js';
import { redactLocation } from '../backends.js';
import { MIGRATION_TABLE, migrateLedger, refuseForeignTables, refuseUnmigrated } from '../migrations/migrate-ledger.js';
import type { LedgerDatabase } from '../schema.js';
import { postgresDialect, postgresFault } from './postgres-dialect.js';

/**
 * Connections one process keeps to the server: a command uses one at a
 * time, the HTTP server a few. pg's default is 10.
 */
export const POOL_SIZE = 5;

/**
 * Opens a PostgreSQL ledger (`postgres://user:password@host:port/database`)
 * with pg's Pool and Kysely's PostgresDialect: checks that the server
 * answers and that the database is empty or Shakeout's (in its current
 * schema, `search_path`), then runs the same migrations as SQLite.
 */
async function openPostgres(url: string, options: BackendOpenOptions = {}): Promise<OpenedDatabase> {
  const location = redactLocation(url);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 10_000 });
  // an idle connection the server drops (restart, timeout) must not crash the process: the next query reconnects
  pool.on('error', () => {});
  const db = new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool }) });
  let schema: string;
  try {
    schema = (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? '';
    if (!schema) throw new ShakeoutError(`cannot open the PostgreSQL ledger ${location}: its search_path names no schema that exists (create the schema, or fix options=-c search_path=...)`, { status: 400, issues: [{ code: 'no_schema', path: ['db'], message: 'no current schema' }] });
    const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)).rows.map((r) => r.name);
    const applied = tables.includes(MIGRATION_TABLE) ? (await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db)).rows.map((r) => r.name) : [];
    refuseForeignTables(location, 'a PostgreSQL database', tables, applied, 'Give --db an empty database (or another schema) or a Shakeout ledger');
  } catch (e) {
    await db.destroy();
    throw postgresFault(e, location);
  }
  const dialect = postgresDialect(location);
  if (options.migrate === false) {
    await refuseUnmigrated(db, location, false, schema);
    return { db, dialect, location, schema, migrated: [] };
  }
  try {
    return { db, dialect, location, schema, migrated: await migrateLedger(db, location, schema) };
  } catch (e) {
    throw postgresFault(e, location);
  }
}

/** The PostgreSQL backend: a postgres:// or postgresql:// URL. */
export const postgresBackend: Backend = { name: 'postgres', open: openPostgres };
