import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { ShakeoutError } from '../core/index.js';
import { backendOf, redactLocation } from './backends.js';
import type { KyselyPersistence } from './kysely-persistence.js';
import { openPersistence } from './open-store.js';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE, appliedMigrations } from './migrations/migrate-ledger.js';

/**
 * The ledger's tables in an order where every row's references come before
 * it (entities before their names, sources and facts before what cites
 * them). Within a table, rows go in `ROW_ORDER`: facts by `seq`, which puts
 * a corrected fact before its correction and an input before what is derived
 * from it. A table a later migration adds and this list lacks is copied
 * after these, in name order.
 */
export const COPY_ORDER = ['entity', 'entity_name', 'source', 'fact', 'fact_input', 'event', 'event_entity', 'outcome', 'fx_rate', 'meta'] as const;
const ROW_ORDER: Readonly<Record<string, readonly string[]>> = {
  entity: ['id'],
  // none: an entity's aliases are listed in the order they were added, which is the table's own order
  // (SQLite's rowid; PostgreSQL's heap order, the same for this insert-only table)
  entity_name: [],
  source: ['id'],
  fact: ['seq'],
  fact_input: ['fact_id', 'position'],
  event: ['id'],
  event_entity: ['event_id', 'position'],
  outcome: ['id'],
  fx_rate: ['currency', 'month'],
  meta: ['key'],
};
/** Rows per INSERT: the widest table (fact, 33 columns) stays far below both dialects' limits on parameters. */
const BATCH_ROWS = 200;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any> | Transaction<any>;
type Row = Record<string, unknown>;

/** What `copyLedger` did: rows per table, in the order copied. */
export interface CopyResult {
  readonly from: string;
  readonly to: string;
  readonly tables: readonly { readonly table: string; readonly rows: number }[];
  /** Rows the target held before and that `replace` removed, per table (empty when it was empty). */
  readonly replaced: readonly { readonly table: string; readonly rows: number }[];
}

/** The store's schema where it has one (PostgreSQL's current schema; the introspection lists every schema's tables). */
async function schemaOf(store: KyselyPersistence): Promise<string | undefined> {
  if (store.backend !== 'postgres') return undefined;
  return (await sql<{ s: string }>`select current_schema() as s`.execute(store.kysely)).rows[0]?.s;
}

async function ledgerTables(db: AnyDb, schema: string | undefined): Promise<string[]> {
  const own = new Set([MIGRATION_TABLE, MIGRATION_LOCK_TABLE]);
  const names = new Set((await db.introspection.getTables()).filter((t) => !t.isView && !own.has(t.name) && (schema === undefined || t.schema === schema)).map((t) => t.name));
  return [...COPY_ORDER.filter((t) => names.has(t)), ...[...names].filter((t) => !(COPY_ORDER as readonly string[]).includes(t)).sort()];
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number((r as { n?: unknown } | undefined)?.n ?? 0);
}

/** Entities with a parent after the parent (ids sorted otherwise). */
function parentsFirst(rows: Row[]): Row[] {
  const byId = new Map(rows.map((r) => [String(r['id']), r]));
  const out: Row[] = [];
  const placed = new Set<string>();
  const place = (r: Row, depth: number): void => {
    const id = String(r['id']);
    if (placed.has(id) || depth > rows.length) return;
    const parent = r['parent_id'];
    if (typeof parent === 'string' && byId.has(parent)) place(byId.get(parent)!, depth + 1);
    placed.add(id);
    out.push(r);
  };
  for (const r of rows) place(r, 0);
  return out;
}

async function readRows(db: AnyDb, table: string): Promise<Row[]> {
  let q = db.selectFrom(table).selectAll();
  for (const c of ROW_ORDER[table] ?? []) q = q.orderBy(c);
  const rows = (await q.execute()) as Row[];
  return table === 'entity' ? parentsFirst(rows) : rows;
}

/**
 * Copies a whole ledger from one store to another, row for row, whatever
 * their backends (SQLite to PostgreSQL and back): every fact with its
 * history, entities and their names, sources, events, outcomes, the user's
 * exchange rates, and the ledger's meta. Both must be at the same migration.
 * The target must be empty, unless `replace`, which empties it first; both
 * happen in one transaction of the target, which checks the row count of
 * every table before it commits: a copy is whole or not at all.
 */
export async function copyLedger(from: KyselyPersistence, to: KyselyPersistence, options: { fromLocation: string; toLocation: string; replace?: boolean }): Promise<CopyResult> {
  const fromName = redactLocation(options.fromLocation);
  const toName = redactLocation(options.toLocation);
  const fail = (status: number, code: string, message: string): ShakeoutError => new ShakeoutError(message, { status, issues: [{ code, path: ['db'], message }] });
  const fromSchema = await schemaOf(from);
  const toSchema = await schemaOf(to);
  const fromMigrations = await appliedMigrations(from.kysely, fromSchema);
  const toMigrations = await appliedMigrations(to.kysely, toSchema);
  if (fromMigrations.join() !== toMigrations.join()) {
    throw fail(409, 'migration_mismatch', `cannot copy ${fromName} to ${toName}: they are at different migrations (${fromMigrations.at(-1) ?? 'none'} and ${toMigrations.at(-1) ?? 'none'}); run shakeout db migrate on each first`);
  }
  const tables = await ledgerTables(from.kysely, fromSchema);
  const targetTables = new Set(await ledgerTables(to.kysely, toSchema));
  const missing = tables.filter((t) => !targetTables.has(t));
  if (missing.length) throw fail(409, 'missing_tables', `cannot copy ${fromName} to ${toName}: the target lacks the tables ${missing.join(', ')}`);
  // Read the source in one snapshot (a transaction), so that a writer during the copy cannot give half of its change.
  const data = await from.ledgerDialect.write(from.kysely, async (trx) => {
    const out: { table: string; rows: Row[] }[] = [];
    for (const table of tables) out.push({ table, rows: await readRows(trx, table) });
    return out;
  });
  return to.ledgerDialect.write(to.kysely, async (ledgerTrx) => {
    const trx = ledgerTrx as AnyDb;
    // The meta table holds what migrations put there (the revision counter) even in a new ledger: it does
    // not make a target "not empty", and it is always replaced by the source's.
    const held: { table: string; rows: number }[] = [];
    for (const table of tables) {
      const n = table === 'meta' ? 0 : await countRows(trx, table);
      if (n) held.push({ table, rows: n });
    }
    if (held.length && !options.replace) {
      throw fail(409, 'target_not_empty', `cannot copy to ${toName}: it is not empty (${held.map((h) => `${h.rows} ${h.table}`).join(', ')}); nothing was changed. Give --replace to empty it first, or copy to an empty database`);
    }
    for (const table of [...tables].reverse()) if (table === 'meta' || held.some((h) => h.table === table)) await trx.deleteFrom(table).execute();
    for (const { table, rows } of data) {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) await trx.insertInto(table).values(rows.slice(i, i + BATCH_ROWS)).execute();
    }
    for (const { table, rows } of data) {
      const n = await countRows(trx, table);
      if (n !== rows.length) throw fail(500, 'copy_incomplete', `copying ${fromName} to ${toName}: table ${table} holds ${n} rows after the copy, expected ${rows.length}; nothing was saved`);
    }
    return { from: fromName, to: toName, tables: data.map((d) => ({ table: d.table, rows: d.rows.length })), replaced: held };
  });
}


/**
 * `shakeout db copy`: opens the ledger at `fromLocation` (which must exist
 * and be up to date; it is only read) and the one at `toLocation` (created
 * and migrated if new), copies with {@link copyLedger}, and closes both.
 */
export async function copyLedgerBetween(fromLocation: string, toLocation: string, options: { replace?: boolean } = {}): Promise<CopyResult> {
  if (backendOf(fromLocation) === 'sqlite' && fromLocation !== ':memory:' && !existsSync(fromLocation)) {
    const message = `cannot copy from ${fromLocation}: no such file (expected a Shakeout ledger file or a postgres:// URL)`;
    throw new ShakeoutError(message, { status: 404, issues: [{ code: 'no_ledger', path: ['from'], message }] });
  }
  if (redactLocation(fromLocation) === redactLocation(toLocation)) {
    const message = `cannot copy ${redactLocation(fromLocation)} onto itself: give --to another database`;
    throw new ShakeoutError(message, { status: 400, issues: [{ code: 'same_ledger', path: ['to'], message }] });
  }
  const from = await openPersistence(fromLocation, { migrate: false });
  try {
    const to = await openPersistence(toLocation);
    try {
      return await copyLedger(from, to, { fromLocation, toLocation, ...options });
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
