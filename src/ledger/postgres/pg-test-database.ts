import { randomBytes } from 'node:crypto';
import type pg from 'pg';

/**
 * PostgreSQL for tests. `SHAKEOUT_TEST_PG_URL` names a server the tests may
 * create databases on (`scripts/pg-test-cluster.sh start` prints one; CI sets
 * it). Each test file gets its own database (`createTestDatabase`), dropped
 * at the end, so test files run in parallel without seeing each other;
 * within it, `schemaUrl` gives each store its own schema.
 */
export interface PgTestServer {
  /** The admin URL, or undefined when tests on PostgreSQL cannot run. */
  readonly url: string | undefined;
  /** Why they cannot (shown as the skipped suite's name), or undefined. */
  readonly skipReason: string | undefined;
  /** Under CI=true a missing server is a failure, not a skip. */
  readonly mustRun: boolean;
}

export function pgTestServer(env: NodeJS.ProcessEnv = process.env): PgTestServer {
  const url = env['SHAKEOUT_TEST_PG_URL']?.trim() || undefined;
  const mustRun = env['CI'] === 'true' || env['CI'] === '1';
  return {
    url,
    skipReason: url ? undefined : 'SHAKEOUT_TEST_PG_URL is unset: no PostgreSQL server to test against (scripts/pg-test-cluster.sh start prints one)',
    mustRun,
  };
}

/** The URL with another database name (its path). */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The URL with `search_path` set to `schema`, so that a store made from it lives in that schema only. */
export function schemaUrl(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  // pg is loaded here, not with the module: the ledger's index exports these helpers, and a SQLite user never loads pg
  const { Client } = (await import('pg')).default;
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Creates a fresh database `shakeout_test_<prefix>_<random>` on the server
 * and returns its URL. `icuLocale` ('en'): a database whose text sorts by
 * that language's rules, as a user's server may (the ledger must not depend
 * on it).
 */
export async function createTestDatabase(adminUrl: string, prefix: string, options: { icuLocale?: string } = {}): Promise<string> {
  const name = `shakeout_test_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const locale = options.icuLocale ? ` locale_provider icu icu_locale '${options.icuLocale.replace(/[^a-zA-Z0-9_-]/g, '')}'` : '';
  await admin(adminUrl, (c) => c.query(`create database ${name} template template0 encoding 'UTF8'${locale}`));
  return databaseUrl(adminUrl, name);
}

/** Creates a schema in the database and returns a URL whose search_path is it. */
export async function createTestSchema(dbUrl: string, schema: string): Promise<string> {
  await admin(dbUrl, (c) => c.query(`create schema ${schema.replace(/[^a-z0-9_]/gi, '_')}`));
  return schemaUrl(dbUrl, schema);
}

/** Drops a database made by `createTestDatabase` (its connections are ended first). */
export async function dropTestDatabase(adminUrl: string, dbUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(dbUrl).pathname.slice(1));
  await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}
