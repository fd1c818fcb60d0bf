import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestDatabase, createTestSchema, dropTestDatabase, openLedger, pgTestServer, type Store } from '../app/index.js';

/** A backend the server's tests run on, and how to open a fresh ledger there (with the bundled data). */
export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh ledger: SQLite in memory; PostgreSQL in a schema of its own, in a database made for the test file. */
  open(options?: { bundled?: boolean }): Promise<Store>;
}

/**
 * Runs `suite` once per backend, as the ledger's contract suite does: on
 * SQLite always, on PostgreSQL when SHAKEOUT_TEST_PG_URL names a server
 * (skipped without it, and a failure under CI=true, where .ci/run starts one).
 * The suite names its describe blocks with `backend.name`.
 */
export function onEachBackend(title: string, suite: (backend: TestBackend) => void): void {
  describe(`${title} (sqlite)`, () => suite({ name: 'sqlite', open: (o = {}) => openLedger({ db: ':memory:', bundled: o.bundled ?? true }) }));
  const server = pgTestServer();
  if (!server.url) {
    if (server.mustRun) {
      it(`${title} (postgres) runs in CI`, () => {
        throw new Error(`CI=true, but ${server.skipReason}: .ci/run starts a cluster and sets it; a PostgreSQL test that cannot run fails in CI`);
      });
    } else {
      describe.skip(`${title} (postgres): skipped, ${server.skipReason}`, () => {
        it('runs on PostgreSQL', () => {});
      });
    }
    return;
  }
  const adminUrl = server.url;
  describe(`${title} (postgres)`, () => {
    let dbUrl = '';
    let n = 0;
    beforeAll(async () => {
      dbUrl = await createTestDatabase(adminUrl, 'server');
    });
    afterAll(async () => {
      if (dbUrl) await dropTestDatabase(adminUrl, dbUrl);
    });
    suite({ name: 'postgres', open: async (o = {}) => openLedger({ db: await createTestSchema(dbUrl, `s${n++}`), bundled: o.bundled ?? true }) });
  });
}
