#!/usr/bin/env node
// The API under load (issue 11), on loopback with autocannon: the fact
// listing (served from the result cache, and with the cache off) and a
// 10,000-sample model run (POST /api/models/run, model A of issue 3), each at
// 32 connections, beside a plain hono "hello" route on the same adapter (the
// floor: what Node, the adapter and hono cost with no work). Each server runs
// in its own process (bench/load-server.mjs), one at a time; each
// measurement follows a short warm-up that is discarded. Prints requests per
// second, p99 latency and errors (refused connections, timeouts and non-2xx
// answers: all must be zero), and the ratios to the floor.
// Options:
//   --duration S       seconds per measurement (default 10)
//   --warmup S         seconds of warm-up before each (default 2)
//   --connections N    concurrent connections (default 32)
//   --timeout S        a request not answered in S seconds is an error (default 30: on a
//                      shared 2-core machine 32 model runs queue behind each other)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { MODEL_A } from './models.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const duration = opt('--duration', 10);
const warmup = opt('--warmup', 2);
const connections = opt('--connections', 32);
const timeout = opt('--timeout', 30);

if (!existsSync(join(here, '..', 'dist', 'server', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(2);
}

/** Starts a load-server child and resolves with its port and a stop function. */
function startServer(kind) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'load-server.mjs'), kind], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ port: JSON.parse(line).port, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) });
    });
    child.once('exit', (code) => reject(new Error(`load-server ${kind} exited with ${code} before it listened`)));
  });
}

async function measure(port, request) {
  const base = { url: `http://127.0.0.1:${port}${request.path}`, connections, timeout, method: request.method ?? 'GET', headers: { 'content-type': 'application/json' }, ...(request.body ? { body: request.body } : {}) };
  if (warmup > 0) await autocannon({ ...base, duration: warmup });
  const r = await autocannon({ ...base, duration });
  // autocannon counts timeouts among its errors as well; non-2xx answers are errors here too
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx, detail: `${r.errors - r.timeouts} refused, ${r.timeouts} timed out, ${r.non2xx} non-2xx`, requests: r.requests.total };
}

const MODEL = JSON.stringify({ source: MODEL_A, samples: 10_000, seed: 'bench' });
const scenarios = [
  { name: 'floor: hono "hello" (GET /hello)', server: 'hello', request: { path: '/hello' } },
  { name: 'GET /api/facts?limit=50, result cache on', server: 'shakeout', request: { path: '/api/facts?limit=50' } },
  { name: 'POST /api/models/run, 10,000 samples', server: 'shakeout', request: { path: '/api/models/run', method: 'POST', body: MODEL } },
  { name: 'GET /api/facts?limit=50, result cache off', server: 'shakeout-nocache', request: { path: '/api/facts?limit=50' } },
];

console.log(`Load on 127.0.0.1: ${connections} connections, ${duration} s per measurement after ${warmup} s of warm-up, ${timeout} s timeout. Machine load at start: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores.`);
const results = [];
let running = null;
for (const s of scenarios) {
  if (!running || running.kind !== s.server) {
    if (running) await running.stop();
    running = { kind: s.server, ...(await startServer(s.server)) };
  }
  results.push({ ...s, ...(await measure(running.port, s.request)) });
}
if (running) await running.stop();

const floor = results[0];
const header = ['requests', 'req/s', 'p99 ms', 'errors', 'of which', 'req/s vs floor', 'p99 vs floor'];
const lines = results.map((r) => [
  r.name,
  r.rps.toFixed(0),
  String(r.p99),
  String(r.errors),
  r.detail,
  r === floor ? '-' : `${((r.rps / floor.rps) * 100).toFixed(r.rps / floor.rps < 0.01 ? 2 : 1)}%`,
  r === floor ? '-' : `${(r.p99 / Math.max(1, floor.p99)).toFixed(1)}x`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const row = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
console.log('');
console.log(row(header));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const l of lines) console.log(row(l));
const failed = results.filter((r) => r.errors > 0);
console.log(failed.length ? `\nFAIL: errors in ${failed.map((r) => r.name).join('; ')} (refused, timed out or non-2xx)` : '\nNo errors (refused, timed out or non-2xx) in any run.');
if (failed.length) process.exitCode = 1;
