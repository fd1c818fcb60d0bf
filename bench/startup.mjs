#!/usr/bin/env node
// The CLI's start-up (issue 11, "The CLI starts fast"), measured as whole
// processes, what a user waits for at a prompt: Node's start, loading the
// code, the work, the output, the exit.
//
//   shakeout run of model A (bench/models.mjs) at 1e5 and 1e6 samples, beside
//     Squiggle 0.10.0 computing the same model once in a process of its own
//     (bench/child-squiggle.mjs with one run: import, run, mean and
//     quantiles of each output);
//   shakeout parse "超23亿美元", beside `node -e 0` (Node alone).
//
// Each command runs `--repeats` times (default 7; Squiggle at 1e6, about 3 s
// a run, 3 times), the runners interleaved so that a burst of load on the
// machine hits all of them; the figures are medians of the wall time (and of
// the CPU time the process used, user + system, where /proc tells it: on a
// shared machine it moves less than wall time). Both the bundled CLI
// (dist/bundle/shakeout.js, what `shakeout` runs) and tsc's output loaded
// module by module (dist/cli/main.js: the same code unbundled) are measured.
// The run has a database path that does not exist, and must not create it
// (a model without fact() opens no ledger).
//
// The bar: run >= 5x faster than Squiggle at 1e5 and >= 10x at 1e6; parse
// within 2x of `node -e 0`.
//
// Standalone: node bench/startup.mjs [--repeats N] [--sizes 100000,1000000]
// (npm run bench runs it after the models; `npm run build` first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES } from './models.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const repeats = Math.max(1, Number(opt('--repeats', '7')));
const sizes = opt('--sizes', '100000,1000000').split(',').map(Number);

const bundle = join(root, 'dist', 'bundle', 'shakeout.js');
const modules = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(bundle) || !existsSync(modules)) {
  console.error('bench/startup.mjs: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'shakeout-startup-'));
const model = join(dir, 'model-a.sq');
writeFileSync(model, SOURCES.A.shakeout);
const db = join(dir, 'never-created.db');
const env = { ...process.env, SHAKEOUT_DB: db };

/** CPU time of this process's waited-for children so far, in ms (Linux), else null. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/** Runs argv once as a process of its own: wall and CPU time in ms; throws if it fails. */
function once(argv) {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Measures each named command `n` times, interleaved; returns name -> {wall, cpu} medians. */
function measure(commands, n) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < n; i++) for (const [k, argv] of Object.entries(commands)) times[k].push(once(argv));
  return Object.fromEntries(Object.entries(times).map(([k, ts]) => [k, {
    wall: median(ts.map((t) => t.wall)),
    cpu: ts.every((t) => t.cpu !== null) ? median(ts.map((t) => t.cpu)) : null,
  }]));
}

const ms = (x) => (x === null ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(6);
const ratio = (a, b) => (a === null || b === null ? '-' : (a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2)) + 'x');
const verdicts = [];
const verdict = (ok, text) => verdicts.push(`  ${ok ? 'pass' : 'FAIL'}  ${text}`);

console.log(`Whole processes, medians of ${repeats} runs each (Squiggle at 1e6: ${Math.min(repeats, 3)}), wall ms (CPU ms, user + system); Node ${process.version}; machine load at start ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);

for (const n of sizes) {
  const run = (main) => [main, 'run', model, '--samples', String(n), '--seed', 'startup'];
  const m = measure({
    bundle: run(bundle),
    modules: run(modules),
  }, repeats);
  Object.assign(m, measure({ squiggle: [join(here, 'child-squiggle.mjs'), 'A', String(n), 'startup', '1'] }, n >= 1e6 ? Math.min(repeats, 3) : repeats));
  const goal = n >= 1e6 ? 10 : 5;
  const tag = n.toExponential(0).replace('+', '');
  console.log(`\nshakeout run, model A at ${tag} samples`);
  console.log(`  shakeout (bundle)          ${ms(m.bundle.wall)} (${ms(m.bundle.cpu)})`);
  console.log(`  shakeout (module by module)${ms(m.modules.wall)} (${ms(m.modules.cpu)})`);
  console.log(`  squiggle 0.10.0            ${ms(m.squiggle.wall)} (${ms(m.squiggle.cpu)})`);
  console.log(`  squiggle / shakeout: ${ratio(m.squiggle.wall, m.bundle.wall)} wall, ${ratio(m.squiggle.cpu, m.bundle.cpu)} CPU (module by module: ${ratio(m.squiggle.wall, m.modules.wall)} wall)`);
  verdict(m.squiggle.wall / m.bundle.wall >= goal, `run at ${tag}: >= ${goal}x faster than Squiggle as whole processes (${ratio(m.squiggle.wall, m.bundle.wall)})`);
}

const p = measure({
  node: ['-e', '0'],
  bundle: [bundle, 'parse', '超23亿美元'],
  modules: [modules, 'parse', '超23亿美元'],
}, Math.max(repeats, 11));
console.log('\nshakeout parse "超23亿美元"');
console.log(`  node -e 0                  ${ms(p.node.wall)} (${ms(p.node.cpu)})`);
console.log(`  shakeout (bundle)          ${ms(p.bundle.wall)} (${ms(p.bundle.cpu)})`);
console.log(`  shakeout (module by module)${ms(p.modules.wall)} (${ms(p.modules.cpu)})`);
console.log(`  shakeout / node -e 0: ${ratio(p.bundle.wall, p.node.wall)} wall, ${ratio(p.bundle.cpu, p.node.cpu)} CPU (module by module: ${ratio(p.modules.wall, p.node.wall)} wall)`);
verdict(p.bundle.wall / p.node.wall <= 2, `parse: within 2x of node -e 0 (${ratio(p.bundle.wall, p.node.wall)})`);

const created = existsSync(db);
verdict(!created, `run of a model without fact() created no database (${created ? 'it created ' + db : 'none'})`);
rmSync(dir, { recursive: true, force: true });

console.log('\nThe bar (issue 11), on wall times:');
for (const v of verdicts) console.log(v);
