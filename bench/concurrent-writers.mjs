#!/usr/bin/env node
// Concurrent writers (issue 12, "Load"): N processes (2, 4, 8) adding facts
// to one ledger at once,
//
//   - through the CLI: each writer runs `shakeout --db X facts add ...` again
//     and again (a process per fact: Node's start, opening the ledger, one
//     transaction), `--cli-adds` facts each;
//   - through the Store: each writer is one process that opens the ledger
//     (app's openLedger) and calls addFact `--store-adds` times, each its own
//     transaction, corrects every tenth fact right after adding it, and
//     imports 20 facts in one transaction halfway (bench/child-writer.mjs),
//     as several servers on one ledger would;
//
// against SQLite (a fresh file per cell) and, when SHAKEOUT_TEST_PG_URL is
// set or --pg URL is given, PostgreSQL (in a schema of this run's own,
// dropped at the end: the database is left as it was).
// For each cell: facts per second over the wall time of the whole cell (and,
// through the Store, while the writers were adding: from the first writer's
// first add to the last one's last, process start-up left out),
// errors (any failed write; must be zero), and what is read back through
// the Store: this cell's current facts (exactly those added and imported:
// nothing lost, nothing twice), its facts with the superseded ones (those
// plus one per correction), and the history of every corrected fact (the
// fact, then its one correction). With both backends, a second table puts
// them side by side, with the ratio PostgreSQL / SQLite.
//
// Standalone: node bench/concurrent-writers.mjs [--writers 2,4,8]
// [--cli-adds 5] [--store-adds 200] [--pg URL] (after `npm run build`).
// Exits 1 when a cell has an error or a wrong count.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownTable, option } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const opt = option;
const writers = opt('--writers', '2,4,8').split(',').map(Number);
const cliAdds = Number(opt('--cli-adds', '5'));
const storeAdds = Number(opt('--store-adds', '200'));
const pg = opt('--pg', process.env.SHAKEOUT_TEST_PG_URL);

const bundle = join(root, 'dist', 'bundle', 'shakeout.js');
if (!existsSync(bundle) || !existsSync(join(root, 'dist', 'app', 'index.js'))) {
  console.error('bench/concurrent-writers.mjs: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const { openLedger, createTestSchema } = await import(pathToFileURL(join(root, 'dist', 'app', 'index.js')).href);
const dir = mkdtempSync(join(tmpdir(), 'shakeout-writers-'));
const log = (t) => process.stderr.write(t + '\n');
const run = `w${Date.now().toString(36)}`;

/** Runs node with argv; resolves with its exit code and output. */
function node(argv) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

/** One writer through the CLI: `count` processes of `facts add`, one after the other. */
async function cliWriter(db, prefix, count) {
  const errors = [];
  for (let i = 1; i <= count; i++) {
    const r = await node([bundle, '--db', db, '--no-bundled-data', 'facts', 'add', '--id', `${prefix}-${i}`, '--entity', 'openai', '--metric', 'revenue',
      '--value', `$${i} million`, '--period', '2024-03', '--source', `Writer ${prefix}`, '--published', '2025-01-15']);
    if (r.code !== 0) errors.push(`exit ${r.code}: ${r.err.trim()}`);
  }
  return { added: count - errors.length, corrected: 0, corrections: [], imported: 0, errors };
}

/** One writer through the Store: a process adding `count` facts. */
async function storeWriter(db, prefix, count) {
  const r = await node([join(here, 'child-writer.mjs'), db, String(count), prefix]);
  if (r.code !== 0) return { added: 0, corrected: 0, corrections: [], imported: 0, errors: [`exit ${r.code}: ${r.err.trim()}`] };
  return JSON.parse(r.out.trim().split('\n').pop());
}

/** What a cell's ledger holds of its writers (by their sources: a correction's id is a hash of its content), and whether every history is whole. */
async function readBack(db, cell, results) {
  const store = await openLedger({ db, bundled: false });
  try {
    const mine = (f) => f.source.publisher.startsWith(`Writer ${cell}-`);
    const current = (await store.listFacts({ entity: 'openai', metric: 'revenue' })).filter(mine).length;
    const all = (await store.listFacts({ entity: 'openai', metric: 'revenue', includeSuperseded: true })).filter(mine).length;
    let brokenHistories = 0;
    for (const id of results.flatMap((r) => r.corrections)) {
      const h = await store.history(id);
      if (h.length !== 2 || h[0].id !== id || h[1].supersedes !== id || h[1].supersededBy !== null) brokenHistories++;
    }
    return { current, all, brokenHistories };
  } finally {
    await store.close();
  }
}

// PostgreSQL: a schema of this run's own (search_path in the URL), dropped at the end.
const pgSchema = `bench_${run}`;
const pgLedger = pg ? await createTestSchema(pg, pgSchema) : undefined;
const backends = [{ name: 'SQLite', db: (cell) => join(dir, `${cell}.db`) }, ...(pg ? [{ name: 'PostgreSQL', db: () => pgLedger }] : [])];
const rows = [];
let bad = false;
for (const backend of backends) {
  for (const mode of ['CLI', 'Store']) {
    for (const n of writers) {
      const cell = `${run}-${backend.name}-${mode}-${n}`.toLowerCase();
      const db = backend.db(cell);
      // The ledger exists before the clock starts (a fresh SQLite file is created and migrated here).
      await (await openLedger({ db, bundled: false })).close();
      const per = mode === 'CLI' ? cliAdds : storeAdds;
      log(`${backend.name}, ${n} writers through the ${mode}, ${per} facts each ...`);
      const t0 = performance.now();
      const results = await Promise.all(Array.from({ length: n }, (_, w) => (mode === 'CLI' ? cliWriter : storeWriter)(db, `${cell}-${w}`, per)));
      const ms = performance.now() - t0;
      const sum = (k) => results.reduce((s, r) => s + r[k], 0);
      const added = sum('added');
      const corrected = sum('corrected');
      const imported = sum('imported');
      const written = added + corrected + imported;
      const errors = results.flatMap((r) => r.errors);
      const back = await readBack(db, cell, results);
      // Through the Store, the rate while the writers were adding (from the first start to the last end), process start-up left out.
      const span = mode === 'Store' && results.every((r) => r.start) ? Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start)) : undefined;
      // every fact the writers say they added or imported is current once (nothing lost, nothing twice); with the superseded ones, one more per correction
      const expected = added + imported;
      const row = {
        backend: backend.name, mode, n, facts: written, ms, perSecond: written / (ms / 1000), writingPerSecond: span ? written / (span / 1000) : undefined,
        errors: errors.length, corrected, current: back.current, all: back.all, brokenHistories: back.brokenHistories,
        ok: errors.length === 0 && added === n * per && back.current === expected && back.all === expected + corrected && back.brokenHistories === 0,
      };
      if (!row.ok) bad = true;
      for (const e of errors.slice(0, 3)) log(`  error: ${e}`);
      log(`  ${added} added, ${corrected} corrected, ${imported} imported in ${(ms / 1000).toFixed(1)} s: ${row.perSecond.toFixed(1)} facts/s${row.writingPerSecond ? ` (${row.writingPerSecond.toFixed(1)} while writing)` : ''}, ${errors.length} errors, ${back.current} current and ${back.all} in all read back, ${back.brokenHistories} broken histories`);
      rows.push(row);
    }
  }
}
rmSync(dir, { recursive: true, force: true });
if (pg) {
  const { default: pgClient } = await import('pg');
  const c = new pgClient.Client({ connectionString: pg });
  await c.connect();
  await c.query(`drop schema ${pgSchema} cascade`);
  await c.end();
}

const header = ['backend', 'through', 'writers', 'facts written', 'seconds', 'facts/s', 'facts/s while writing', 'errors', 'corrected', 'current', 'in all', 'broken histories', 'check'];
const lines = rows.map((r) => [r.backend, r.mode, String(r.n), String(r.facts), (r.ms / 1000).toFixed(1), r.perSecond.toFixed(1), r.writingPerSecond?.toFixed(1) ?? '-', String(r.errors), String(r.corrected), String(r.current), String(r.all), String(r.brokenHistories), r.ok ? 'ok' : 'FAIL']);
console.log(`\nConcurrent writers: ${cliAdds} facts per writer through the CLI (a process each), ${storeAdds} per writer through the Store (one process each, a transaction per fact, every tenth corrected, a batch of 20 imported in one transaction); Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at the end.${pg ? '' : ' PostgreSQL not measured (no SHAKEOUT_TEST_PG_URL or --pg URL).'}\n`);
console.log(markdownTable(header, lines));
if (pg) {
  // side by side: the same cell on each backend, and PostgreSQL's rate over SQLite's
  const cellOf = (b, mode, n) => rows.find((r) => r.backend === b && r.mode === mode && r.n === n);
  const rate = (r) => r.writingPerSecond ?? r.perSecond;
  const side = rows.filter((r) => r.backend === 'SQLite').map((s) => {
    const p = cellOf('PostgreSQL', s.mode, s.n);
    return [s.mode, String(s.n), rate(s).toFixed(1), rate(p).toFixed(1), (rate(p) / rate(s)).toFixed(2)];
  });
  console.log('\nSide by side (facts/s while writing through the Store, over the whole cell through the CLI):\n');
  console.log(markdownTable(['through', 'writers', 'SQLite facts/s', 'PostgreSQL facts/s', 'PostgreSQL / SQLite'], side));
}
if (bad) {
  console.log('\nSome cells lost facts or had errors (see above).');
  process.exit(1);
}
console.log('\nEvery cell: no errors, every fact added, corrected and imported read back once, every history whole.');
