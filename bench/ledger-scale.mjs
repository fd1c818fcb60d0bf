#!/usr/bin/env node
// The ledger at scale (issue 12, "Load"): ledgers of 1k, 10k and 100k facts
// (bench/synthetic-ledger.mjs: several companies and metrics, overlapping
// periods, many facts on the same thing, conflicts, same_as links,
// corrections), and the commands a user runs on them, timed
//
//   - as whole processes (`node dist/bundle/shakeout.js --db X ...`: Node's
//     start, opening the ledger, the work, the output), the median of
//     --repeats runs, wall time and CPU time (user + system, from /proc);
//   - in-process (dist/cli/run-captured.js: the same command in this process,
//     its output captured): the first run (cold) and the median of the
//     --repeats runs after it (warm, what the server pays per request), wall
//     and CPU time;
//
// On a shared machine wall time is mostly waiting for a core: CPU time is
// printed beside it, and the ratios to the peer are of CPU time.
//
// for `facts list` (a table, and --json; as of a day, all and one metric), a text search (the words of
// listFactPage's `q`, what GET /api/facts?q= runs; the CLI has no search, so
// in-process only), `facts conflicts` and `check`. Beside them a peer with no
// Shakeout in it: better-sqlite3 reading every fact with its source
// (`SELECT * FROM fact JOIN source`) and writing it as JSON, in-process and
// as a process of its own, over the same database; the ratios say what
// Shakeout's own work costs on top of reading the rows.
//
// Ends with the largest ledger at which each command stays under a second.
//
// Standalone: node bench/ledger-scale.mjs [--sizes 1000,10000,100000]
// [--repeats 3] [--timeout-s 600] (after `npm run build`). The ledgers are built
// by `facts import` of a generated CSV (import time printed too) in a
// temporary folder, removed at the end (--keep DIR keeps them there, and
// reuses ledgers already built in it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { childrenCpuMs, markdownTable, median, option } from './common.mjs';
import { syntheticFactsCsv } from './synthetic-ledger.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const opt = option;
const sizes = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const repeats = Math.max(1, Number(opt('--repeats', '3')));
const timeoutMs = Number(opt('--timeout-s', '600')) * 1000;
const keep = opt('--keep', undefined);

const bundle = join(root, 'dist', 'bundle', 'shakeout.js');
const captured = join(root, 'dist', 'cli', 'run-captured.js');
const appIndex = join(root, 'dist', 'app', 'index.js');
if (!existsSync(bundle) || !existsSync(captured)) {
  console.error('bench/ledger-scale.mjs: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const { runCaptured } = await import(pathToFileURL(captured).href);
const { openLedger, listFactPage } = await import(pathToFileURL(appIndex).href);

const dir = keep ?? mkdtempSync(join(tmpdir(), 'shakeout-scale-'));
mkdirSync(dir, { recursive: true });
const log = (t) => process.stderr.write(t + '\n');

/** A process of its own: wall and CPU ms, or Infinity past the timeout. `check` exits 1 when it flags an error: that is an answer. */
function processRun(argv) {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 26 });
  const wall = performance.now() - t0;
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return { wall: Infinity, cpu: Infinity };
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${argv.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const cpu1 = childrenCpuMs();
  return { wall, cpu: cpu0 === null || cpu1 === null ? NaN : cpu1 - cpu0 };
}

/** The median of `repeats` processes (stopping at the first past the timeout). */
function processMedian(argv) {
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const r = processRun(argv);
    runs.push(r);
    if (r.wall === Infinity) break;
  }
  return { processMs: median(runs.map((r) => r.wall)), processCpu: median(runs.map((r) => r.cpu)) };
}

/** The peer: every fact with its source, read by better-sqlite3 and written as JSON. */
const PEER_SQL = 'SELECT * FROM fact JOIN source ON source.id = fact.source_id ORDER BY fact.entity_id, fact.metric, fact.period_start, fact.seq';
const peerScript = join(dir, 'peer.mjs');
writeFileSync(peerScript, `import Database from ${JSON.stringify(join(root, 'node_modules', 'better-sqlite3', 'lib', 'index.js'))};\nconst d = new Database(process.argv[2], { readonly: true });\nprocess.stdout.write(JSON.stringify(d.prepare(${JSON.stringify(PEER_SQL)}).all()));\nd.close();\n`);
function peerInProcess(db) {
  const d = new Database(db, { readonly: true });
  const text = JSON.stringify(d.prepare(PEER_SQL).all());
  d.close();
  return text.length;
}

/** In-process: the cold first run and the warm median after it, wall and CPU time (of this process: the work is on its main thread). */
async function inProcess(fn) {
  let t0 = performance.now();
  await fn();
  const cold = performance.now() - t0;
  const warm = [];
  const warmCpu = [];
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    t0 = performance.now();
    await fn();
    warm.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    warmCpu.push((c.user + c.system) / 1000);
  }
  return { cold, warm: median(warm), warmCpu: median(warmCpu) };
}

const COMMANDS = [
  { name: 'facts list', argv: ['facts', 'list'] },
  { name: 'facts list --json', argv: ['facts', 'list', '--json'] },
  { name: 'facts list --as-of 2024-06-30', argv: ['--as-of', '2024-06-30', 'facts', 'list'] },
  { name: 'facts list --metric funding (as of)', argv: ['--as-of', '2024-06-30', 'facts', 'list', '--metric', 'funding'] },
  { name: 'search "moonshot revenue"', q: 'moonshot revenue' },
  { name: 'facts conflicts', argv: ['facts', 'conflicts'] },
  { name: 'check', argv: ['check'] },
  { name: 'peer: better-sqlite3 SELECT * as JSON', peer: true },
];

const rows = [];
for (const n of sizes) {
  const db = join(dir, `ledger-${n}.db`);
  if (!existsSync(db)) {
    const csv = join(dir, `facts-${n}.csv`);
    writeFileSync(csv, syntheticFactsCsv({ n, seed: `scale-${n}`, prefix: `s${n}` }));
    log(`${n} facts: importing into ${db} ...`);
    const r = processRun([bundle, '--db', db, '--no-bundled-data', 'facts', 'import', csv]);
    log(`${n} facts: imported in ${(r.wall / 1000).toFixed(1)} s (${Math.round(n / (r.wall / 1000))} facts/s, one process)`);
    rows.push({ n, name: 'facts import (building the ledger)', processMs: r.wall, processCpu: r.cpu });
  }
  const base = ['--db', db, '--no-bundled-data'];
  let peer;
  for (const c of COMMANDS) {
    log(`${n} facts: ${c.name} ...`);
    const row = { n, name: c.name };
    if (c.peer) {
      Object.assign(row, processMedian([peerScript, db]));
      Object.assign(row, await inProcess(async () => peerInProcess(db)));
      peer = row;
    } else if (c.q) {
      // The server's search: one store for its life, a page of 50 per request.
      const store = await openLedger({ db, bundled: false });
      Object.assign(row, await inProcess(() => listFactPage(store, { q: c.q, limit: 50 })));
      await store.close();
    } else {
      Object.assign(row, processMedian([bundle, ...base, ...c.argv]));
      if (row.processMs !== Infinity) {
        Object.assign(row, await inProcess(async () => {
          const r = await runCaptured([...base, ...c.argv]);
          // `check` sets the exit code of the process it runs in (1 when it flags an error): not this bench's.
          process.exitCode = undefined;
          if (r.code !== 0 && r.code !== 1) throw new Error(`${c.name} exited with ${r.code}: ${r.err}`);
        }));
      }
    }
    rows.push(row);
    log(`  process ${fmt(row.processMs)} ms (cpu ${fmt(row.processCpu)}), in-process cold ${fmt(row.cold)} ms, warm ${fmt(row.warm)} ms (cpu ${fmt(row.warmCpu)})`);
  }
  for (const r of rows.filter((x) => x.n === n && !x.name.startsWith('peer') && !x.name.startsWith('facts import'))) {
    r.processRatio = r.processCpu / peer.processCpu;
    r.warmRatio = r.warmCpu / peer.warmCpu;
  }
}

function fmt(x) {
  if (x === undefined) return '-';
  if (x === Infinity) return `> ${timeoutMs / 1000} s`;
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}
const fmtX = (x) => (x === undefined || !Number.isFinite(x) ? '-' : x >= 10 ? x.toFixed(0) + 'x' : x.toFixed(1) + 'x');

const header = ['facts', 'command', 'process ms', 'process cpu ms', 'in-process cold ms', 'warm ms', 'warm cpu ms', 'process / peer (cpu)', 'warm / peer (cpu)'];
const lines = rows.map((r) => [String(r.n), r.name, fmt(r.processMs), fmt(r.processCpu), fmt(r.cold), fmt(r.warm), fmt(r.warmCpu), fmtX(r.processRatio), fmtX(r.warmRatio)]);
console.log(`\nThe ledger at scale: ${repeats} runs a cell (process: median; in-process: the first run cold, the median of the others warm), Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(1)} at the end.\n`);
console.log(markdownTable(header, lines));

console.log('\nThe largest ledger measured at which each stays under a second (wall time; CPU time, what a quiet machine would take about, in brackets):');
for (const c of COMMANDS) {
  const of = rows.filter((r) => r.name === c.name);
  const under = (key) => {
    const ok = of.filter((r) => r[key] !== undefined && r[key] < 1000).map((r) => r.n);
    return ok.length ? `${Math.max(...ok)}` : of.some((r) => r[key] !== undefined) ? 'none' : '-';
  };
  console.log(`  ${c.name.padEnd(40)} process: ${under('processMs')} (${under('processCpu')}) facts; in-process warm: ${under('warm')} (${under('warmCpu')}) facts`);
}
if (!keep) rmSync(dir, { recursive: true, force: true });
