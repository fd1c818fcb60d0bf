import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import type { LedgerStore } from '../ledger-store.js';
import type { KyselyPersistence } from '../kysely-persistence.js';

const dir = mkdtempSync(join(tmpdir(), 'shakeout-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const main = join(process.cwd(), 'dist/cli/main.js');

/** A CSV of `n` facts of one publisher, each its own figure. */
function factsCsv(name: string, n: number): string {
  const rows = ['entity,metric,value_as_written,period,publisher,published'];
  for (let i = 0; i < n; i++) rows.push(`OpenAI,revenue,$${i + 1} million,2023-${String((i % 12) + 1).padStart(2, '0')},${name} ${i},2024-01-01`);
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

/** Runs the CLI in another process; resolves with its exit code and output. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('SQLite writers and faults', () => {
  it('lets four processes import into one ledger at once, each waiting its turn, losing nothing', async () => {
    const path = join(dir, 'concurrent.db');
    expect((await run(['--db', path, '--no-bundled-data', 'summary'])).code).toBe(0);
    const files = ['alpha', 'beta', 'gamma', 'delta'].map((name) => factsCsv(name, 400));
    const results = await Promise.all([...files.map((f) => run(['--db', path, '--no-bundled-data', 'facts', 'import', f])), run(['--db', path, '--no-bundled-data', 'facts', 'add', '--entity', 'OpenAI', '--metric', 'revenue', '--value', '$7 billion', '--period', '2022', '--source', 'Solo'])]);
    for (const r of results) expect(r.err).toBe('');
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    const list = JSON.parse((await run(['--db', path, '--no-bundled-data', 'facts', 'list', '--json'])).out) as unknown[];
    expect(list).toHaveLength(4 * 400 + 1);
  });

  it('names a full disk as the cause, saves nothing of the import, and leaves the ledger usable', async () => {
    const path = join(dir, 'full.db');
    const store = (await openStore({ path, loadBundled: false })) as LedgerStore<KyselyPersistence>;
    const before = (await store.listFacts()).length;
    const pages = Number((await sql<{ page_count: number }>`PRAGMA page_count`.execute(store.persistence.kysely)).rows[0]!.page_count);
    await sql.raw(`PRAGMA max_page_count = ${pages + 3}`).execute(store.persistence.kysely);
    const records = Array.from({ length: 500 }, (_, i) => ({ entity: 'OpenAI', metric: 'revenue', value_as_written: `$${i + 1} million`, period: '2023', publisher: `Full ${i}`, notes: 'x'.repeat(400) }));
    const e = await store.importFacts(records).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 507, message: expect.stringContaining('the disk is full') });
    expect((e as Error).message).not.toContain('cannot rollback');
    expect((await store.listFacts()).length).toBe(before);
    await store.close();
  });

  it('refuses another application\'s SQLite file, leaving it byte for byte as it was, and accepts an empty one', async () => {
    const path = join(dir, 'other-app.db');
    const other = new Database(path);
    other.exec("create table users (id integer primary key, name text); insert into users (name) values ('ada')");
    other.close();
    const bytes = readFileSync(path);
    await expect(openStore({ path })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/is not a Shakeout database: .*another application .*users/) });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const r = await run(['--db', path, 'summary']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('users');
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const s = await openStore({ path: empty, loadBundled: false });
    expect(await s.listFacts()).toEqual([]);
    await s.close();
  });

  it('reads a ledger it may not write (summary works), and refuses a write with exit 2 naming the cause', async () => {
    const folder = join(dir, 'locked');
    mkdirSync(folder);
    const path = join(folder, 'ro.db');
    expect((await run(['--db', path, 'summary'])).code).toBe(0);
    chmodSync(path, 0o444);
    chmodSync(folder, 0o555);
    chmodSync(dir, 0o755);
    // root may write any file: run as nobody then
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const cli = (...args: string[]) => spawnSync(process.execPath, [main, '--db', path, ...args], { encoding: 'utf8', ...as });
    const summary = cli('summary');
    expect(summary.stderr).toBe('');
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/\d+ current facts/);
    const add = cli('facts', 'add', '--entity', 'OpenAI', '--metric', 'revenue', '--value', '$1B', '--period', '2024', '--source', 'X');
    expect(add.status).toBe(2);
    expect(add.stderr).toContain('it is read-only');
    expect(add.stderr).not.toMatch(/\n\s+at /);
    chmodSync(folder, 0o755);
  });
});
