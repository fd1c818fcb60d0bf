#!/usr/bin/env node
// npm run bench: Models A and B of issue 3 at 1e3..1e6 samples in Shakeout
// (from dist/), Squiggle 0.10.0 and a hand-written Float64Array loop, side
// by side. Each cell runs in a fresh child process that computes the model
// end to end (parse, sample, summarise) many times in a row, by the same
// protocol for every runner (child-harness.mjs): the first run is "cold"
// (JIT compilation, worker start-up: what a one-shot CLI pays); warm-up runs
// follow and are discarded; the median of the measured runs after them is
// "warm" (what a long-lived process pays per run); "early" is the median of
// runs 2..10 (the first benchmark's protocol, warm-up included). Peak memory
// is the peak RSS (process.resourceUsage().maxRSS) of a separate child that
// runs the model once. The bar of issue 3 is judged on warm times; cold and
// early times are printed beside them.
// Options:
//   --quick            skip Squiggle at 1e6 (slow) for development
//   --warmup-runs N    at least N warm-up runs after the cold one (default 3)
//   --warmup-ms T      and at least T ms of them (default 500)
//   --runs N           at least N measured runs (default 5)
//   --ms T             and at least T ms of them (default 1000)
//   --repeats N        child processes per cell; medians are reported (default 1)
//   --sizes a,b,..     sample counts (default 1000,10000,100000,1000000)
//   --models A,B       models (default A,B)
//   --no-prune         run Shakeout on every node of the model, as the hand loop does
//   --json FILE        also write the measurements as JSON
//   --no-survival      skip the survival simulation benchmark (bench/survival.mjs)
//   --no-kernels       skip the engine's kernels against their plain peers (bench/kernels.mjs)
//   --no-extract       skip the article extraction measure (bench/extract.mjs)
//   --no-startup       skip the CLI's start-up as whole processes (bench/startup.mjs)
//   --startup-repeats N  processes per command in bench/startup.mjs (default 7)
//   --no-load          skip the API under load (bench/load.mjs)
//   --no-ledger-scale  skip the ledger at 1k, 10k and 100k facts (bench/ledger-scale.mjs)
//   --ledger-sizes a,b,..  ledger sizes in bench/ledger-scale.mjs (default 1000,10000,100000)
//   --no-writers       skip the concurrent writers (bench/concurrent-writers.mjs; PostgreSQL too with --pg URL or SHAKEOUT_TEST_PG_URL)
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const noPrune = args.includes('--no-prune');
const repeats = Number(opt('--repeats', '1'));
const protocol = {
  warmupRuns: Number(opt('--warmup-runs', '3')),
  warmupMs: Number(opt('--warmup-ms', '500')),
  runs: Math.max(1, Number(opt('--runs', '5'))),
  ms: Number(opt('--ms', '1000')),
};
const sizes = opt('--sizes', '1000,10000,100000,1000000').split(',').map(Number);
const models = opt('--models', 'A,B').split(',');
const jsonOut = opt('--json', undefined);

if (!existsSync(join(here, '..', 'dist', 'lang', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(2);
}

function measure(runner, model, n, seed, runs = JSON.stringify(protocol)) {
  const script = join(here, `child-${runner}.mjs`);
  const extra = runner === 'shakeout' && noPrune ? ['--no-prune'] : [];
  const out = execFileSync(process.execPath, [script, model, String(n), seed, String(runs), ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
for (const model of models) {
  for (const n of sizes) {
    const runners = ['shakeout', 'hand', ...(quick && n >= 1e6 ? [] : ['squiggle'])];
    const samples = Object.fromEntries(runners.map((r) => [r, []]));
    // Interleave the runners so that a burst of load on the machine hits all of them.
    for (let k = 0; k < repeats; k++) {
      for (const r of runners) samples[r].push(measure(r, model, n, `bench-${k}`));
    }
    const row = { model, n };
    for (const r of runners) {
      row[r] = {
        ms: median(samples[r].map((s) => s.warmMs)),
        coldMs: median(samples[r].map((s) => s.coldMs)),
        earlyMs: median(samples[r].map((s) => s.earlyMs)),
        measuredRuns: samples[r][0].measuredRuns,
        // Peak memory of one end-to-end run, in a process of its own (the
        // timing processes run many times, so their peak includes garbage).
        rssMB: measure(r, model, n, 'bench-mem', 1).maxRSS / 1024,
        check: samples[r][0].check,
      };
    }
    results.push(row);
    process.stderr.write(`  ${model} ${n.toExponential(0)}: ${runners.map((r) => `${r} ${row[r].ms.toFixed(1)} ms (cold ${row[r].coldMs.toFixed(0)}, early ${row[r].earlyMs.toFixed(1)}, ${row[r].measuredRuns} runs)`).join(', ')}\n`);
    // A sanity check that all three computed the same model (first output's median within 5%).
    const ref = row.shakeout.check[0];
    for (const r of runners) {
      const v = row[r].check[0];
      if (Math.abs(v - ref) > 0.05 * Math.abs(ref)) console.warn(`warning: ${r} gives ${v} for model ${model}'s first output, Shakeout ${ref}`);
    }
  }
}

const fmtMs = (x) => (x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmtX = (x) => (x === undefined || !Number.isFinite(x) ? '-' : x >= 10 ? x.toFixed(0) + 'x' : x.toFixed(2) + 'x');
const header = ['model', 'n', 'shakeout ms', 'squiggle ms', 'hand ms', 'squiggle/shakeout', 'shakeout/hand', 'early: sq/sh', 'cold: shakeout', 'squiggle', 'hand', 'sq/sh', 'shakeout MB', 'squiggle MB', 'hand MB', 'shakeout/squiggle MB'];
const lines = results.map((r) => [
  r.model,
  r.n.toExponential(0).replace('+', ''),
  fmtMs(r.shakeout.ms),
  fmtMs(r.squiggle?.ms),
  fmtMs(r.hand.ms),
  fmtX(r.squiggle ? r.squiggle.ms / r.shakeout.ms : undefined),
  fmtX(r.shakeout.ms / r.hand.ms),
  fmtX(r.squiggle ? r.squiggle.earlyMs / r.shakeout.earlyMs : undefined),
  fmtMs(r.shakeout.coldMs),
  fmtMs(r.squiggle?.coldMs),
  fmtMs(r.hand.coldMs),
  fmtX(r.squiggle ? r.squiggle.coldMs / r.shakeout.coldMs : undefined),
  r.shakeout.rssMB.toFixed(0),
  r.squiggle ? r.squiggle.rssMB.toFixed(0) : '-',
  r.hand.rssMB.toFixed(0),
  r.squiggle ? ((r.shakeout.rssMB / r.squiggle.rssMB) * 100).toFixed(0) + '%' : '-',
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const row = (cells) => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
console.log(`\nWarm: median of the measured runs (at least ${protocol.runs} and ${protocol.ms} ms) after the cold run and a warm-up (at least ${protocol.warmupRuns} runs and ${protocol.warmupMs} ms), in one process; early: median of runs 2..10; cold: the first run${repeats > 1 ? ` (medians over ${repeats} processes)` : ''}. ${noPrune ? 'Shakeout on every node (--no-prune).' : 'Shakeout as shipped (nodes no output needs are dropped).'} Machine load at start: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores.\n`);
console.log(row(header));
console.log('|' + widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const l of lines) console.log(row(l));

// The bar of issue 3.
console.log('\nThe bar (issue 3), at 1e5 and 1e6 samples on both models, on warm times:');
let pass = true;
const verdict = (ok, text) => {
  if (ok === undefined) {
    console.log(`  skip  ${text}`);
    return;
  }
  if (!ok) pass = false;
  console.log(`  ${ok ? 'pass' : 'FAIL'}  ${text}`);
};
for (const r of results.filter((x) => x.n >= 1e5)) {
  const tag = `${r.model} at ${r.n.toExponential(0).replace('+', '')}`;
  const speed = r.squiggle ? r.squiggle.ms / r.shakeout.ms : undefined;
  verdict(speed === undefined ? undefined : speed >= 20, `${tag}: >= 20x faster than Squiggle (${fmtX(speed)})`);
  const hand = r.shakeout.ms / r.hand.ms;
  verdict(hand <= 1.5, `${tag}: within 1.5x of the hand loop (${fmtX(hand)})`);
  if (r.n >= 1e6) {
    const mem = r.squiggle ? r.shakeout.rssMB / r.squiggle.rssMB : undefined;
    verdict(mem === undefined ? undefined : mem <= 1 / 3, `${tag}: peak memory <= 1/3 of Squiggle's (${mem === undefined ? '-' : (mem * 100).toFixed(0) + '%'})`);
  }
}
const judged = results.some((x) => x.n >= 1e5);
console.log(!judged ? '\nNo criterion measured: the bar is at 1e5 and 1e6 samples.' : pass ? '\nAll measured criteria pass.' : '\nSome criteria FAIL (see above).');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ repeats, noPrune, results }, null, 2));

// The survival simulation of issue 4 against its naive peer, in the same run.
if (!args.includes('--no-survival')) {
  console.log('\nThe survival simulation (issue 4): 10 companies x 10,000 paths x 60 months');
  execFileSync(process.execPath, [join(here, 'survival.mjs')], { stdio: 'inherit' });
}

// The engine's kernels against their plain peers.
if (!args.includes('--no-kernels')) {
  console.log('');
  execFileSync(process.execPath, [join(here, 'kernels.mjs')], { stdio: 'inherit' });
}

// The CLI's start-up as whole processes (issue 11): run beside Squiggle, parse beside node -e 0.
if (!args.includes('--no-startup')) {
  console.log('\nThe CLI as whole processes (issue 11)');
  execFileSync(process.execPath, [join(here, 'startup.mjs'), '--repeats', opt('--startup-repeats', '7')], { stdio: 'inherit' });
}

// The API under load (issue 11): fact listing and a 10,000-sample model run at 32 connections, beside a plain hono route.
if (!args.includes('--no-load')) {
  console.log('\nThe API under load (issue 11)');
  execFileSync(process.execPath, [join(here, 'load.mjs')], { stdio: 'inherit' });
}

// Figures read from whole articles (issue 13): recall, and precision of entity and metric, per fixture.
if (!args.includes('--no-extract')) {
  console.log('\nArticles read by shakeout extract (issue 13)');
  execFileSync(process.execPath, [join(here, 'extract.mjs')], { stdio: 'inherit' });
}

// The ledger at scale and concurrent writers (issue 12).
if (!args.includes('--no-ledger-scale')) {
  console.log('\nThe ledger at 1k, 10k and 100k facts (issue 12)');
  execFileSync(process.execPath, [join(here, 'ledger-scale.mjs'), '--sizes', opt('--ledger-sizes', '1000,10000,100000')], { stdio: 'inherit' });
}
if (!args.includes('--no-writers')) {
  console.log('\nConcurrent writers (issue 12)');
  const pg = opt('--pg', undefined);
  execFileSync(process.execPath, [join(here, 'concurrent-writers.mjs'), ...(pg ? ['--pg', pg] : [])], { stdio: 'inherit' });
}
