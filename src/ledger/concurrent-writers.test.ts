import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, pgTestServer } from './postgres/pg-test-database.js';

/**
 * Several processes of the built CLI (dist/bundle/shakeout.js) writing one
 * ledger at once, on each backend: importers (two of them the same file),
 * adders and correctors racing for the same facts. Afterwards the export
 * holds every fact once, each correction once, every history whole.
 */
const dir = mkdtempSync(join(tmpdir(), 'shakeout-writers-'));
const created: string[] = [];
const server = pgTestServer();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const url of created) await dropTestDatabase(server.url!, url);
});
const cli = join(process.cwd(), 'dist/bundle/shakeout.js');

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

function csv(name: string, rows: number, prefix: string): string {
  const lines = ['id,entity,metric,value_as_written,period,publisher,published'];
  for (let i = 0; i < rows; i++) lines.push(`${prefix}-${i},OpenAI,revenue,$${i + 1} million,2023-${String((i % 12) + 1).padStart(2, '0')},${prefix} ${i},2024-01-01`);
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Runs commands one after another in one "writer"; resolves with their results. */
async function serially(commands: string[][]): Promise<{ code: number | null; out: string; err: string }[]> {
  const out = [];
  for (const c of commands) out.push(await run(c));
  return out;
}

interface Exported { id: string; supersedes?: string | null }

async function writersRace(db: string): Promise<void> {
  const init = await run(['--db', db, '--no-bundled-data', 'summary']);
  expect(init.err).toBe('');
  expect(init.code).toBe(0);
  const base = await run(['--db', db, 'facts', 'import', csv('base', 3, 'base')]);
  expect(base.code, base.err).toBe(0);
  const shared = csv('shared', 80, 'shared');
  const files = [csv('one', 80, 'one'), csv('two', 80, 'two'), shared, shared];
  const add = (w: number, i: number): string[] => ['--db', db, 'facts', 'add', '--id', `add-${w}-${i}`, '--entity', 'Anthropic', '--metric', 'revenue', '--value', `$${w * 10 + i + 1}M`, '--period', '2024', '--source', `adder ${w}`, '--published', '2024-02-01'];
  const correct = (w: number, i: number): string[] => ['--db', db, 'facts', 'correct', `base-${i}`, '--id', `base-${i}-by-${w}`, '--value', `$${100 + w} million`];
  const [imports, adds, corrections] = await Promise.all([
    Promise.all(files.map((f) => run(['--db', db, 'facts', 'import', f]))),
    Promise.all([0, 1].map((w) => serially([0, 1, 2].map((i) => add(w, i))))),
    Promise.all([0, 1].map((w) => serially([0, 1, 2].map((i) => correct(w, i))))),
  ]);
  for (const r of [...imports, ...adds.flat()]) expect(r.code, r.err).toBe(0);
  // each base fact is corrected exactly once; the other corrector is told why, exit 2
  for (let i = 0; i < 3; i++) {
    const tries = corrections.map((w) => w[i]!);
    expect(tries.filter((r) => r.code === 0), tries.map((r) => r.err).join('\n')).toHaveLength(1);
    const refused = tries.find((r) => r.code !== 0)!;
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already corrected by base-\d-by-\d/);
  }
  const exported = await run(['--db', db, 'facts', 'export', '--format', 'json']);
  expect(exported.code, exported.err).toBe(0);
  const all = JSON.parse(exported.out) as Exported[];
  // every id once, the bundled facts too (the first commands loaded them at the same time)
  expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
  const ours = /^(base|one|two|shared|add)-/;
  const facts = all.filter((f) => ours.test(f.id));
  const ids = facts.map((f) => f.id);
  const expected = [
    ...[0, 1, 2].map((i) => `base-${i}`),
    ...['one', 'two', 'shared'].flatMap((p) => Array.from({ length: 80 }, (_, i) => `${p}-${i}`)),
    ...[0, 1].flatMap((w) => [0, 1, 2].map((i) => `add-${w}-${i}`)),
  ];
  for (const id of expected) expect(ids).toContain(id);
  const corrected = facts.filter((f) => f.supersedes);
  expect(corrected.map((f) => f.supersedes).sort()).toEqual(['base-0', 'base-1', 'base-2']);
  expect(ids.length).toBe(expected.length + 3);
  for (let i = 0; i < 3; i++) {
    const h = await run(['--db', db, 'facts', 'history', `base-${i}`, '--json']);
    expect(h.code, h.err).toBe(0);
    expect((JSON.parse(h.out) as { id: string }[]).map((f) => f.id)[0]).toBe(`base-${i}`);
    expect((JSON.parse(h.out) as unknown[]).length).toBe(2);
  }
}

describe('concurrent writers (processes of the built CLI)', () => {
  it('SQLite: importers, adders and correctors at once lose nothing and duplicate nothing', async () => {
    await writersRace(join(dir, 'writers.db'));
  }, 300_000);

  it.skipIf(!server.url && !server.mustRun)(`PostgreSQL: the same${server.url ? '' : ` (skipped: ${server.skipReason})`}`, async () => {
    if (!server.url) throw new Error(`CI=true, but ${server.skipReason}`);
    const url = await createTestDatabase(server.url, 'writers');
    created.push(url);
    await writersRace(url);
  }, 300_000);
});
