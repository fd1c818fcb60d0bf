import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledDataDir } from '../bundled/data-dir.js';
import { loadBundledData } from '../bundled/load-bundled.js';
import { backendOf, redactLocation } from '../backends.js';
import { defaultDbPath, resolveDbPath } from '../default-db-path.js';
import { openBareStore, openStore } from '../open-store.js';
import { runStoreContract } from '../store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'shakeout-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite :memory:', ({ bundled }) => openStore({ path: ':memory:', loadBundled: bundled }));

let n = 0;
runStoreContract('sqlite file', ({ bundled }) => openStore({ path: join(dir, `contract-${n++}.db`), loadBundled: bundled }));

describe('sqlite backend', () => {
  it('uses WAL and foreign keys, and loads the bundled data once', async () => {
    const path = join(dir, 'nested', 'wal.db');
    await expect(openStore({ path })).rejects.toThrow(/the folder .*nested does not exist/);
    const s = await openStore({ path, createFolder: true });
    const count = (await s.summary()).facts.current;
    expect(count).toBeGreaterThan(24 + 6 + 48 + 7);
    await s.close();
    const raw = await openBareStore(path);
    expect((await sql`PRAGMA journal_mode`.execute(raw.persistence.kysely)).rows[0]).toEqual({ journal_mode: 'wal' });
    expect((await sql`PRAGMA foreign_keys`.execute(raw.persistence.kysely)).rows[0]).toEqual({ foreign_keys: 1 });
    // loading again changes nothing
    const again = await loadBundledData(raw, bundledDataDir());
    expect(again.added).toBe(0);
    expect(again.events).toBe(0);
    expect(again.unchanged).toBe(count);
    await raw.close();
    const reopened = await openStore({ path });
    expect((await reopened.summary()).facts.current).toBe(count);
    await reopened.close();
  });

  it('says so when the file is not a database, and changes nothing', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'garbage, not SQLite');
    await expect(openStore({ path })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('is not a Shakeout database') });
    expect(readFileSync(path, 'utf8')).toBe('garbage, not SQLite');
  });

  it('keeps corrections across reopening', async () => {
    const path = join(dir, 'reopen.db');
    const s = await openStore({ path });
    await s.correctFact('F24', { id: 'F24-fix', value: '近1000亿美元' });
    await s.close();
    const t = await openStore({ path });
    expect((await t.history('F24')).map((f) => f.id)).toEqual(['F24', 'F24-fix']);
    await t.close();
  });

  it('database path: --db, then $SHAKEOUT_DB, then the default', () => {
    expect(defaultDbPath({ HOME: '/h' })).toMatch(/\.shakeout[/\\]shakeout\.db$/);
    expect(defaultDbPath({ XDG_DATA_HOME: '/x' })).toBe(join('/x', 'shakeout', 'shakeout.db'));
    expect(resolveDbPath('/a.db', { SHAKEOUT_DB: '/b.db' })).toBe('/a.db');
    expect(resolveDbPath(undefined, { SHAKEOUT_DB: '/b.db' })).toBe('/b.db');
    expect(resolveDbPath(undefined, { XDG_DATA_HOME: '/x' })).toBe(join('/x', 'shakeout', 'shakeout.db'));
  });

  it('database path: a postgres:// $DATABASE_URL after $SHAKEOUT_DB; another kind is refused, its password unshown', () => {
    const url = 'postgres://u:pw@db.example:5432/ledger';
    expect(resolveDbPath(undefined, { DATABASE_URL: url, XDG_DATA_HOME: '/x' })).toBe(url);
    expect(resolveDbPath(undefined, { DATABASE_URL: url, SHAKEOUT_DB: '/b.db' })).toBe('/b.db');
    expect(resolveDbPath('/a.db', { DATABASE_URL: url })).toBe('/a.db');
    expect(() => resolveDbPath(undefined, { DATABASE_URL: 'mysql://u:secret@h/d' })).toThrow(/expected \$DATABASE_URL to be a postgres:\/\/ URL, got mysql:\/\/\.\.\./);
    expect(() => resolveDbPath(undefined, { DATABASE_URL: 'mysql://u:secret@h/d' })).not.toThrow(/secret/);
    expect(redactLocation(url)).toBe('postgres://u:***@db.example:5432/ledger');
    expect(backendOf(url)).toBe('postgres');
    expect(backendOf('postgresql://h/d')).toBe('postgres');
    expect(backendOf('/tmp/x.db')).toBe('sqlite');
    expect(backendOf(':memory:')).toBe('sqlite');
    expect(() => backendOf('mysql://h/d')).toThrow(/expected a SQLite file path or a postgres:\/\/ URL, got a mysql:\/\/ URL/);
  });
});
