import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { ShakeoutError } from '../../core/index.js';
import { MIGRATIONS, migrationProvider } from './index.js';

/** Kysely's table of applied migrations (and its lock table beside it). */
export const MIGRATION_TABLE = 'kysely_migration';
export const MIGRATION_LOCK_TABLE = 'kysely_migration_lock';

/**
 * Runs the ledger's migrations to the latest with Kysely's Migrator, the
 * same for every backend (the Migrator takes a lock, so two processes
 * opening a new PostgreSQL ledger at once migrate it once). Returns the
 * names of the migrations it applied. A failure names the migration and
 * leaves the database as the failed migration found it (each runs in a
 * transaction where the dialect has transactional DDL). `schema`: where the
 * migration tables are (PostgreSQL's current schema); SQLite has none.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateLedger(db: Kysely<any>, location: string, schema?: string): Promise<string[]> {
  // With a schema (PostgreSQL's current one), the Migrator looks for its tables there only, not in any schema of the database.
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    if (error instanceof ShakeoutError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new ShakeoutError(`cannot migrate the database ${location}${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message ?? error}`, { status: 500, cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The names of the migrations applied to the database (none for an empty one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function appliedMigrations(db: Kysely<any>, schema?: string): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE && !t.isView && (schema === undefined || t.schema === schema))) return [];
  const from = schema === undefined ? db : db.withSchema(schema);
  const rows = (await from.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute()) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Refuses (and closes) a database that lacks some of the ledger's
 * migrations, when it is not to be migrated: a read-only one (403), or one
 * opened with `migrate: false` (409: run `shakeout db migrate`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function refuseUnmigrated(db: Kysely<any>, location: string, readOnly: boolean, schema?: string): Promise<void> {
  const applied = new Set(await appliedMigrations(db, schema));
  const missing = Object.keys(MIGRATIONS).filter((m) => !applied.has(m));
  if (!missing.length) return;
  await db.destroy();
  const upgrades = `${missing.length} upgrade${missing.length === 1 ? '' : 's'} (${missing.join(', ')})`;
  const message = readOnly
    ? `cannot open the database ${location}: it is read-only and needs ${upgrades} that would write to it; open it once with write access`
    : `cannot open the database ${location}: it needs ${upgrades}; run shakeout db migrate --db ${location}`;
  throw new ShakeoutError(message, { status: readOnly ? 403 : 409, issues: [{ code: readOnly ? 'read_only' : 'needs_migration', path: ['db'], message }] });
}

/**
 * Refuses a database that another application made: it has tables, and
 * either no Kysely migration table or migrations that are not Shakeout's.
 * An empty database, or one made by Shakeout, passes. `what` says what it is
 * ('an SQLite file', 'a PostgreSQL database'); `hint` what to do instead.
 */
export function refuseForeignTables(location: string, what: string, tables: readonly string[], applied: readonly string[], hint: string): void {
  if (!tables.length) return;
  const ours = new Set(Object.keys(MIGRATIONS));
  const foreign = applied.filter((m) => !ours.has(m));
  if (applied.length && !foreign.length) return;
  const own = [MIGRATION_TABLE, MIGRATION_LOCK_TABLE];
  const shown = tables.filter((t) => !own.includes(t)).slice(0, 5);
  const message = `${location} is not a Shakeout database: it is ${what} of another application (${applied.length ? `migrations ${foreign.slice(0, 3).join(', ')}` : `tables ${shown.join(', ')}${tables.length > shown.length ? ', ...' : ''}`}, and no Shakeout ledger tables); it was left unchanged. ${hint}`;
  throw new ShakeoutError(message, { status: 400, issues: [{ code: 'not_shakeout', path: ['db'], message }] });
}
