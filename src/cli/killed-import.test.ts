import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../app/index.js';

interface SyntheticLedger {
  syntheticFactsCsv(options: { n: number; seed?: number | string; prefix?: string; publishers?: number }): string;
  seededRandom(seed: number | string): () => number;
}
/** The benches' synthetic ledger (bench/synthetic-ledger.mjs), loaded by path as test fixtures are (bench/ is no layer of src). */
const { seededRandom, syntheticFactsCsv } = (await import(pathToFileURL(join(process.cwd(), 'bench', 'synthetic-ledger.mjs')).href)) as SyntheticLedger;

// A killed import commits nothing of itself and loses nothing committed before
// (issue 12). Each trial runs the built CLI, `shakeout --db X facts import
// FILE`, in a process of its own and kills it with SIGKILL after a seeded
// random delay, from 0 to 1.5 times the duration of an import measured first
// (in this run, on this machine: no time is written into the test). After each trial:
// the database is intact, the file's facts are all there or none of them
// (all of them when the process finished before the kill), and every fact
// committed before, with its history of corrections, reads back exactly as it
// did. The ledger grows over the trials, so a later trial's import is checked
// against every import that committed before it.
//
// The backend is a parameter: SQLite always; PostgreSQL when
// SHAKEOUT_TEST_PG_URL names a database this test may write to (its facts
// carry this run's own ids, so nothing else in the database is read or changed).

const TRIALS = 40;
/** Past this much time the trials stop, once at least `MIN_TRIALS` have run: a loaded machine makes each import several times longer. */
const BUDGET_MS = 300_000;
const MIN_TRIALS = 10;
/** Facts per killed import: enough that the transaction is a good part of the process's life. */
const FACTS_PER_IMPORT = 400;
const cli = join(process.cwd(), 'dist/bundle/shakeout.js');
const dir = mkdtempSync(join(tmpdir(), 'shakeout-killed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Backend {
  readonly name: string;
  /** Why the backend is not tested here, or null. */
  readonly skip: string | null;
  /** The `--db` of a ledger for this run. */
  readonly db: () => string;
  /** What the database's own check finds wrong: [] when it is intact. */
  readonly integrity: (db: string) => string[];
}

const pgUrl = process.env.SHAKEOUT_TEST_PG_URL;
const BACKENDS: readonly Backend[] = [
  {
    name: 'SQLite',
    skip: null,
    db: () => join(dir, 'killed.db'),
    integrity: (db) => {
      const d = new Database(db);
      try {
        const ok = d.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
        const fk = d.pragma('foreign_key_check') as unknown[];
        return [...ok.map((r) => r.integrity_check).filter((x) => x !== 'ok'), ...fk.map((r) => `foreign key: ${JSON.stringify(r)}`)];
      } finally {
        d.close();
      }
    },
  },
  {
    name: 'PostgreSQL',
    skip: pgUrl ? null : 'set SHAKEOUT_TEST_PG_URL=postgres://user@host:port/db to run the killed imports on PostgreSQL',
    db: () => pgUrl!,
    // PostgreSQL checks its constraints on every commit and recovers from its
    // write-ahead log on its own; what a killed client can break is what the
    // checks below read: a partial import or a lost fact.
    integrity: () => [],
  },
];

interface Ran {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly err: string;
  readonly ms: number;
}

/** Runs the CLI; with `killAfterMs`, sends SIGKILL that long after the spawn unless it has ended. */
function runCli(args: readonly string[], killAfterMs?: number): Promise<Ran> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, err, ms: performance.now() - t0 });
    });
  });
}

/** Every fact of the ledger, superseded ones too, as exported (the records keep history: supersedes, same_as, created_at). */
async function exported(db: string): Promise<Map<string, string>> {
  const store = await openLedger({ db, bundled: false });
  try {
    return new Map((await store.exportFacts({ includeSuperseded: true })).map((r) => [String(r.id), JSON.stringify(r)]));
  } finally {
    await store.close();
  }
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`a killed import on ${backend.name}${backend.skip ? ` (skipped: ${backend.skip})` : ''}`, () => {
    it(`commits nothing of itself and loses nothing committed, over ${TRIALS} imports killed at random moments (at least ${MIN_TRIALS} on a slow machine)`, { timeout: 900_000 }, async () => {
      const db = backend.db();
      // This run's ids: a PostgreSQL database may hold other runs' facts.
      const run = `k${Date.now().toString(36)}`;
      const file = (name: string, n: number, seed: string) => {
        const path = join(dir, `${name}.csv`);
        writeFileSync(path, syntheticFactsCsv({ n, seed, prefix: `${run}-${name}` }));
        return path;
      };

      // Before: facts committed with a history (corrections in the file, and one made by `facts correct`).
      const base = await runCli(['--db', db, '--no-bundled-data', 'facts', 'import', file('base', 300, 'base')]);
      expect(base.err).toBe('');
      // base-1 is a count (users, mau, by the seed 'base'): a count it stays, or the ledger refuses the correction
      const fix = await runCli(['--db', db, '--no-bundled-data', 'facts', 'correct', `${run}-base-1`, '--value', 'about 8 million', '--notes', 'corrected before the trials']);
      expect(fix.err).toBe('');
      const committed = await exported(db);
      expect([...committed.values()].filter((r) => (JSON.parse(r) as { supersedes?: string }).supersedes).length).toBeGreaterThan(1);

      // How long an import takes here, now: the kills are spread over it.
      const measured = await runCli(['--db', db, '--no-bundled-data', 'facts', 'import', file('measure', FACTS_PER_IMPORT, 'measure')]);
      expect(measured.err).toBe('');
      expect(measured.code).toBe(0);
      for (const [id, r] of await exported(db)) if (id.startsWith(`${run}-measure-`)) committed.set(id, r);
      expect(committed.size).toBe(300 + 1 + FACTS_PER_IMPORT);

      const rnd = seededRandom('killed-import');
      const outcomes = { absent: 0, present: 0, finished: 0 };
      const started = performance.now();
      let trials = 0;
      for (let k = 0; k < TRIALS && (k < MIN_TRIALS || performance.now() - started < BUDGET_MS); k++) {
        trials++;
        const name = `t${k}`;
        const path = file(name, FACTS_PER_IMPORT, name);
        // Delays from 0 to 1.5 times the import measured: before it starts, inside its transaction, after its commit (the machine's load moves each import's length).
        const r = await runCli(['--db', db, '--no-bundled-data', 'facts', 'import', path], rnd() * measured.ms * 1.5);
        const where = `trial ${k} (${r.signal ?? `exit ${r.code}`})`;
        expect(r.err, where).toBe('');
        expect(r.signal === 'SIGKILL' || r.code === 0, where).toBe(true);

        expect(backend.integrity(db), where).toEqual([]);
        const now = await exported(db);
        const mine = [...now.keys()].filter((id) => id.startsWith(`${run}-${name}-`));
        expect([0, FACTS_PER_IMPORT], where).toContain(mine.length);
        if (r.code === 0) expect(mine.length, where).toBe(FACTS_PER_IMPORT);
        const lost = [...committed].filter(([id, rec]) => now.get(id) !== rec).map(([id]) => id);
        expect(lost, where).toEqual([]);
        for (const id of mine) committed.set(id, now.get(id)!);
        // Nothing of this run's beyond what committed (a PostgreSQL database may hold other runs' facts).
        expect([...now.keys()].filter((id) => id.startsWith(`${run}-`) || committed.has(id)).length, where).toBe(committed.size);
        outcomes[r.code === 0 ? 'finished' : mine.length ? 'present' : 'absent']++;
      }
      // What the kills hit, for the log (which moments they hit depends on the machine's load, so it is not asserted).
      console.log(`${backend.name}: ${trials} imports of ${FACTS_PER_IMPORT} facts, an import measured at ${measured.ms.toFixed(0)} ms: ${outcomes.absent} killed before their commit, ${outcomes.present} killed after it, ${outcomes.finished} finished first`);
    });
  });
}
