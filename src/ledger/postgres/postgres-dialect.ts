import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { ShakeoutError } from '../../core/index.js';
import type { LedgerDialect } from '../backend.js';

/**
 * SQLSTATE codes after which a writing transaction is run again from the
 * start: another writer's transaction made ours unserializable (40001), a
 * deadlock (40P01), or a key another writer inserted first (23505; every
 * write checks its keys first, so the retry sees the row and says why in
 * its own words: "already exists", "already corrected by ...").
 */
export const RETRY_CODES: ReadonlySet<string> = new Set(['40001', '40P01', '23505']);

/**
 * How many times a writing transaction runs at most before the command
 * gives up with "busy" (exit 2). The wait between tries grows with each try
 * and is randomised, so that writers that collided do not collide again.
 * The same for every command; docs/postgres.md.
 */
export const MAX_WRITE_ATTEMPTS = 30;
/**
 * How long a writer waits for the ledger's writer lock (an advisory lock
 * on its schema) before it gives up with "busy": the busy timeout of
 * SQLite (docs/limits.md), so both backends wait alike.
 */
export const WRITER_LOCK_TIMEOUT_MS = 60_000;
const BASE_WAIT_MS = 10;
const MAX_WAIT_MS = 1000;

const codeOf = (e: unknown): string => String((e as { code?: unknown } | null)?.code ?? '');

/**
 * A PostgreSQL error whose cause lies outside Shakeout, as a ShakeoutError
 * that names it: cannot connect or connection lost (503), the disk is full
 * (507), read-only or not allowed (403). Other errors pass unchanged.
 */
export function postgresFault(e: unknown, location: string): unknown {
  if (e instanceof ShakeoutError) return e;
  const code = codeOf(e);
  const said = (e as Error | null)?.message ?? String(e);
  const fault = (status: number, issue: string, message: string): ShakeoutError =>
    new ShakeoutError(message, { status, issues: [{ code: issue, path: ['db'], message: `PostgreSQL: ${said}` }], cause: e });
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code.startsWith('08') || code === '57P01' || code === '57P03') {
    return fault(503, 'unreachable', `cannot reach the PostgreSQL ledger ${location}: ${said}; nothing of this command was saved (is the server running, and the URL right?)`);
  }
  if (code === '28P01' || code === '28000') return fault(403, 'auth_failed', `cannot log in to the PostgreSQL ledger ${location}: ${said} (check the user and password in the URL)`);
  if (code === '3D000') return fault(400, 'no_database', `the PostgreSQL ledger ${location} does not exist: ${said} (create it first: createdb, or CREATE DATABASE)`);
  if (code === '53100') return fault(507, 'disk_full', `cannot write to the PostgreSQL ledger ${location}: the server's disk is full; nothing of this command was saved`);
  if (code === '25006' || code === '42501') return fault(403, 'read_only', `cannot write to the PostgreSQL ledger ${location}: ${said}; nothing was changed. Commands that only read it work`);
  return e;
}

/**
 * PostgreSQL's side of the dialect. Writers take turns, as on SQLite: each
 * holds the ledger's writer lock (an advisory lock on its schema, taken by
 * the connection before its transaction begins, so the transaction's
 * snapshot holds every earlier writer's commit) for the length of its
 * transaction; without it a long write (an import reads every fact) lost
 * to a stream of short ones until it gave up. Writing transactions are also SERIALIZABLE:
 * PostgreSQL then guarantees that concurrent writers have the effect of
 * running one after the other, and aborts one of them (40001) when it
 * cannot; the transaction then runs again from the start, reading what the
 * other committed (so an import that raced another import of the same file
 * finds its facts "unchanged", and a second correction of one fact is
 * refused as "already corrected"). Text sorts with `COLLATE "C"`, byte by
 * byte, and nulls first, as in SQLite.
 */
export function postgresDialect(location: string): LedgerDialect {
  return {
    name: 'postgres',
    async write(db, fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.connection().execute(async (conn) => {
            // Writers take turns, as on SQLite: the ledger's lock is held by the connection before the
            // transaction starts, so its snapshot already holds every earlier writer's commit.
            await sql`select set_config('lock_timeout', ${String(WRITER_LOCK_TIMEOUT_MS)}, false)`.execute(conn);
            try {
              await sql`select pg_advisory_lock(hashtext(current_schema()))`.execute(conn);
            } finally {
              await sql`select set_config('lock_timeout', '0', false)`.execute(conn);
            }
            try {
              return await conn.transaction().setIsolationLevel('serializable').execute(fn);
            } finally {
              // a connection lost meanwhile has released the lock with its session
              await sql`select pg_advisory_unlock(hashtext(current_schema()))`.execute(conn).catch(() => undefined);
            }
          });
        } catch (e) {
          if (codeOf(e) === '55P03') {
            const message = `the PostgreSQL ledger ${location} is busy: another writer held it for more than ${WRITER_LOCK_TIMEOUT_MS / 1000} s; nothing of this command was saved (run it again)`;
            throw new ShakeoutError(message, { status: 503, issues: [{ code: 'busy', path: ['db'], message: `PostgreSQL: ${(e as Error).message}` }], cause: e });
          }
          if (!RETRY_CODES.has(codeOf(e))) throw postgresFault(e, location);
          if (attempt >= MAX_WRITE_ATTEMPTS) {
            const message = `the PostgreSQL ledger ${location} is busy: this command's write collided with other writers ${attempt} times in a row; nothing of it was saved (run it again)`;
            throw new ShakeoutError(message, { status: 503, issues: [{ code: 'busy', path: ['db'], message: `PostgreSQL: ${(e as Error).message}` }], cause: e });
          }
          await sleep(Math.min(MAX_WAIT_MS, BASE_WAIT_MS * 2 ** Math.min(attempt, 7)) * Math.random());
        }
      }
    },
    // NULLS FIRST: SQLite's order for ascending sorts (PostgreSQL's default puts them last)
    sortKey: (column) => sql`${sql.ref(column)} collate "C" nulls first`,
  };
}
