import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../migrations/index.js';
import { openBareStore, openStore } from '../open-store.js';
import { rejection, runStoreContract } from '../store-contract.js';
import { createTestDatabase, createTestSchema, dropTestDatabase, pgTestServer } from './pg-test-database.js';

const server = pgTestServer();

if (!server.url) {
  if (server.mustRun) {
    it('runs the Store contract on PostgreSQL in CI', () => {
      throw new Error(`CI=true, but ${server.skipReason}: .ci/run starts a cluster and sets it; a PostgreSQL test that cannot run fails in CI`);
    });
  } else {
    describe.skip(`PostgreSQL backend: skipped, ${server.skipReason}`, () => {
      it('runs the Store contract on PostgreSQL', () => {});
    });
  }
} else {
  const adminUrl = server.url;
  let dbUrl = '';
  beforeAll(async () => {
    dbUrl = await createTestDatabase(adminUrl, 'contract');
  });
  afterAll(async () => {
    if (dbUrl) await dropTestDatabase(adminUrl, dbUrl);
  });
  let n = 0;
  /** A fresh store in a schema of its own. */
  const fresh = async (bundled: boolean) => openStore({ path: await createTestSchema(dbUrl, `s${n++}`), loadBundled: bundled });

  runStoreContract('postgres', ({ bundled }) => fresh(bundled));

  describe('postgres backend', () => {
    it('runs the same migrations, and reads counts as numbers', async () => {
      const url = await createTestSchema(dbUrl, 'migrations');
      const bare = await openBareStore(url);
      const applied = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(bare.persistence.kysely)).rows.map((r) => r.name);
      expect(applied).toEqual(Object.keys(MIGRATIONS).sort());
      await bare.close();
      const s = await openStore({ path: url, loadBundled: false });
      await s.addFact({ id: 'c1', entity: 'anthropic', metric: 'revenue', value: '$1M', period: '2024', source: { publisher: 'P', published: '2024-01-01' } });
      const summary = await s.summary();
      expect(summary.entities).toBeTypeOf('number');
      expect(summary.entities).toBeGreaterThan(10);
      expect(summary.facts).toEqual({ current: 1, superseded: 0 });
      await s.close();
    });

    it('sorts text byte by byte as SQLite does, whatever the collation of the database', async () => {
      const english = await createTestDatabase(adminUrl, 'collation', { icuLocale: 'en' });
      try {
        const s = await openStore({ path: english, loadBundled: false });
        for (const [i, publisher] of ['b', 'B', 'a1', 'a-1', 'A'].entries()) {
          await s.addFact({ id: `x${i}`, entity: 'anthropic', metric: 'revenue', value: '$1M', period: '2024', source: { publisher, published: '2024-01-01' } });
        }
        // English collation would give a-1, a1, A, b, B
        expect((await s.listSources()).map((x) => x.publisher)).toEqual(['A', 'B', 'a-1', 'a1', 'b']);
        await s.close();
      } finally {
        await dropTestDatabase(adminUrl, english);
      }
    });

    it('refuses a database of another application, changing nothing', async () => {
      const url = await createTestSchema(dbUrl, 'other_app');
      const bare = await openBareStore(await createTestSchema(dbUrl, 'scratch'));
      await sql`create table other_app.users (id int primary key)`.execute(bare.persistence.kysely);
      await bare.close();
      const e = await rejection(openStore({ path: url }));
      expect(e.status).toBe(400);
      expect(e.message).toMatch(/is not a Shakeout database: it is a PostgreSQL database of another application \(tables users/);
      const again = await openBareStore(await createTestSchema(dbUrl, 'scratch2'));
      const tables = (await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'other_app'`.execute(again.persistence.kysely)).rows.map((r) => r.t);
      expect(tables).toEqual(['users']);
      await again.close();
    });

    it('says which server it cannot reach, without the password', async () => {
      const e = await rejection(openStore({ path: 'postgres://someone:s3cret@127.0.0.1:1/nowhere' }));
      expect(e.status).toBe(503);
      expect(e.message).toContain('cannot reach the PostgreSQL ledger postgres://someone:***@127.0.0.1:1/nowhere');
      expect(e.message).not.toContain('s3cret');
    });

    it('corrects a fact once when two connections correct it at the same moment', async () => {
      const url = await createTestSchema(dbUrl, 'race');
      const a = await openStore({ path: url, loadBundled: false });
      const b = await openStore({ path: url, loadBundled: false });
      await a.addFact({ id: 'r1', entity: 'anthropic', metric: 'revenue', value: '$1M', period: '2024', source: { publisher: 'P', published: '2024-01-01' } });
      const results = await Promise.allSettled([
        a.correctFact('r1', { id: 'r1-a', value: '$2M' }),
        b.correctFact('r1', { id: 'r1-b', value: '$3M' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(failed.reason).toMatchObject({ status: 409, message: expect.stringContaining('already corrected') });
      expect((await a.history('r1')).length).toBe(2);
      await a.close();
      await b.close();
    });

    it('makes a writer wait its turn while another holds the ledger\'s writer lock, then writes; reads do not wait', async () => {
      const url = await createTestSchema(dbUrl, 'turns');
      const store = await openStore({ path: url, loadBundled: false });
      const holder = await openBareStore(url);
      const db = holder.persistence.kysely;
      // another writer, in the middle of its transaction: it holds the lock on its own connection
      const release = await db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(hashtext(current_schema()))`.execute(conn);
        let done = false;
        const write = store.addFact({ id: 't1', entity: 'anthropic', metric: 'revenue', value: '$1M', period: '2024', source: { publisher: 'P', published: '2024-01-01' } }).finally(() => (done = true));
        // the write is queued behind the lock (PostgreSQL lists it as an advisory lock not granted) ...
        let waiting = 0;
        for (let polls = 0; waiting === 0 && polls < 3000; polls++) {
          waiting = Number((await sql<{ n: string }>`select count(*) as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(conn)).rows[0]!.n);
          if (!waiting) await new Promise((r) => setTimeout(r, 10));
        }
        expect(waiting).toBe(1);
        // ... while reading goes on, and nothing of it is written yet
        expect(await store.listFacts()).toEqual([]);
        expect(done).toBe(false);
        await sql`select pg_advisory_unlock(hashtext(current_schema()))`.execute(conn);
        return write;
      });
      expect((await release).id).toBe('t1');
      expect((await store.listFacts()).map((f) => f.id)).toEqual(['t1']);
      await holder.close();
      await store.close();
    });
  });
}
