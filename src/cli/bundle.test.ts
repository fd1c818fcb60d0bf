import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { runCaptured } from './run-captured.js';
import { commandName } from './program.js';

// The shipped CLI is the bundle (`bin` and `npm start`: dist/bundle/shakeout.js,
// built by `npm run build`). These tests run it as a process, as a user does,
// and compare what it prints with the same command run in this process from
// the source, so that the bundle cannot drift from the code the other tests check.
const bundle = join(process.cwd(), 'dist/bundle/shakeout.js');
const dir = mkdtempSync(join(tmpdir(), 'shakeout-bundle-'));
const modelA = join(dir, 'model-a.sq');
writeFileSync(modelA, 'ios = 11M to 13M; android = 2.5M to 3.5M; price = 19.99;\nsubs = (ios + android) / price; annual = subs * price * 12\n{subs, annual}\n');

function runBundle(args: readonly string[], env: NodeJS.ProcessEnv = {}, entry = bundle): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { env: { ...process.env, SHAKEOUT_DB: join(dir, 'default.db'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** What SHAKEOUT_CODE_CACHE=report printed last on stderr. */
const cacheStats = (err: string) => JSON.parse(err.trim().split('\n').at(-1)!) as { used: string[]; rejected: string[]; missing: string[] };

/** Runs args through the bundle and in this process; both must agree. */
async function same(args: readonly string[], normalise: (text: string) => string = (t) => t) {
  const [b, s] = [await runBundle(args), await runCaptured(args)];
  expect(b.err, `bundle stderr for ${args.join(' ')}`).toBe(s.err);
  expect(normalise(b.out)).toBe(normalise(s.out));
  expect(b.code).toBe(s.code);
  return b;
}

describe('the bundled CLI (dist/bundle/shakeout.js)', () => {
  it('is built (npm run build, which npm test runs first)', () => {
    expect(existsSync(bundle), `${bundle} is missing: run npm run build`).toBe(true);
  });

  it('reads a figure as the source does, in text and JSON, and refuses a bad one alike', async () => {
    expect((await same(['parse', '超23亿美元'])).out).toContain('2,300,000,000');
    await same(['parse', '--json', 'nearly $1.8B']);
    expect((await same(['parse', 'n/a'])).code).toBe(2);
  });

  it('parse never opens the ledger: a database path that is not a database does not matter', async () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not sqlite');
    const r = await runBundle(['--db', junk, 'parse', '12.5亿元']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('1,250,000,000');
  });

  it('runs a model without fact() with no ledger: no database is created, not even a missing folder is noticed', async () => {
    const db = join(dir, 'no-such-folder', 'never.db');
    const r = await runBundle(['--db', db, 'run', modelA, '--samples', '20000', '--seed', '3', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    const s = await runCaptured(['--db', db, 'run', modelA, '--samples', '20000', '--seed', '3', '--json']);
    const outputs = (text: string) => (JSON.parse(text) as { outputs: unknown }).outputs;
    expect(outputs(r.out)).toEqual(outputs(s.out));
  });

  it('parse and a model without fact() load only what they use: not the ledger\'s database code, not the analyses', async () => {
    // Which of the bundle's files each command loads (the bundle is CommonJS:
    // the files in require's cache at exit, recorded by a preloaded script):
    // start-up is mostly reading and compiling code, so a command that pulls
    // in the 800 kB the analyses share (zod, the ledger, kysely) starts
    // slowly whatever it does. The markers are code those chunks must hold.
    const log = join(dir, 'loaded.txt');
    const hooks = join(dir, 'record-loads.cjs');
    writeFileSync(hooks, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, Object.keys(require('node:module')._cache).join('\\n')));\n`);
    const loaded = async (args: readonly string[]) => {
      writeFileSync(log, '');
      const r = await new Promise<{ code: number; err: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--require', hooks, bundle, ...args], { env: { ...process.env, SHAKEOUT_DB: join(dir, 'loads.db') }, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, err }));
      });
      expect(r.code, r.err).toBe(0);
      const files = readFileSync(log, 'utf8').split('\n').filter((u) => u.includes('/dist/bundle/'));
      expect(files.length, 'the hook saw the bundle load').toBeGreaterThan(0);
      return files.map((f) => readFileSync(f, 'utf8'));
    };
    for (const args of [['parse', '超23亿美元'], ['run', modelA, '--samples', '1000']]) {
      const code = await loaded(args);
      expect(code.some((c) => /class Kysely\b/.test(c)), `${args[0]} loads kysely`).toBe(false);
      expect(code.some((c) => c.includes('ZodError')), `${args[0]} loads zod`).toBe(false);
    }
    // and the check can fail: a command that opens the ledger loads both
    const summary = await loaded(['summary']);
    expect(summary.some((c) => /class Kysely\b/.test(c))).toBe(true);
  });

  it('runs a model with fact() on a fresh database loaded with the bundled data, found from the bundle', async () => {
    const db = join(dir, 'fresh.db');
    const r = await runBundle(['--db', db, 'run', 'models/moonshot-valuation.sq', '--samples', '5000']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('fact("月之暗面", "valuation") = F11 "超23亿美元"');
    expect(existsSync(db)).toBe(true);
    await same(['--db', db, 'facts', 'list', '--entity', 'Moonshot AI']);
    await same(['--db', db, 'summary']);
    await same(['--db', db, 'entities', 'list']);
    await same(['--db', db, 'outcomes', 'list', '--entity', 'Inflection AI']);
    await same(['--db', db, 'fx', 'list', '--currency', 'EUR']);
    await same(['--db', db, 'check', '--json']);
  });

  it('compiles its files with the code cache the build made (npm run build), and the same output comes without it', async () => {
    const args = ['run', modelA, '--samples', '20000', '--seed', '3', '--json'];
    const cached = await runBundle(args, { SHAKEOUT_CODE_CACHE: 'report' });
    expect(cached.code, cached.err).toBe(0);
    const s = cacheStats(cached.err);
    expect(s.rejected).toEqual([]);
    expect(s.missing).toEqual([]);
    expect(s.used.some((f) => f.startsWith('model-json-')), 'the engine chunk came from the cache').toBe(true);
    const plain = await runBundle(args, { SHAKEOUT_CODE_CACHE: 'off' });
    const outputs = (text: string) => (JSON.parse(text) as { outputs: unknown }).outputs;
    expect(outputs(cached.out)).toEqual(outputs(plain.out));
  });

  it('does not use a cache that no longer fits: a file changed since (even to the same length) or data V8 refuses', async () => {
    // A copy of the bundle, beside it (the bundled data is found from there).
    const copy = mkdtempSync(join(process.cwd(), 'dist', 'bundle-copy-'));
    try {
      cpSync(dirname(bundle), copy, { recursive: true, preserveTimestamps: true });
      const parseChunk = readdirSync(copy).find((f) => /^parse-.*\.js$/.test(f))!;
      const source = readFileSync(join(copy, parseChunk), 'utf8');
      expect(source).toContain('`reading`');
      // Same length, another word: run from a stale cache, the old word would show.
      writeFileSync(join(copy, parseChunk), source.replace('`reading`', '`READING`'));
      const core = readdirSync(copy).find((f) => /^core-.*\.js$/.test(f))!;
      // core's header (it fits the file) over another file's V8 data, as a
      // cache from elsewhere would be: V8 checks the source it was made from.
      const cacheFile = join(copy, 'code-cache', core + '.cache');
      const other = readFileSync(join(copy, 'code-cache', parseChunk + '.cache'));
      writeFileSync(cacheFile, Buffer.concat([readFileSync(cacheFile).subarray(0, 64), other.subarray(64)]));
      const r = await runBundle(['parse', '超23亿美元'], { SHAKEOUT_CODE_CACHE: 'report' }, join(copy, 'shakeout.js'));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('READING');
      expect(r.out).toContain('2,300,000,000');
      const s = cacheStats(r.err);
      expect(s.missing).toContain(parseChunk);
      expect(s.rejected, r.err).toContain(core);
      expect(s.used.length).toBeGreaterThan(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("starts the engine's worker from beside the bundle", async () => {
    const r = await runBundle(['run', modelA, '--samples', '1000000', '--threads', '2']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/1,000,000 samples, seed "shakeout", 2 threads/);
  });

  it('lists every command in the help, and suggests one for a typo, as the source does', async () => {
    const help = await same(['--help']);
    for (const name of ['parse', 'summary', 'facts', 'entities', 'run', 'analyze', 'check', 'simulate', 'report', 'fx', 'outcomes', 'serve']) {
      expect(help.out).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    expect((await same(['pares', '12亿'])).err).toContain('parse');
    await same(['run', '--help']);
  });

  it('writes a report with its charts (echarts, loaded from node_modules)', async () => {
    const db = join(dir, 'report.db');
    const r = await runBundle(['--db', db, 'report', '--format', 'html', '--out', join(dir, 'r.html')]);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('<svg');
  });
});

describe('the bundled CLI serving (npm start; npm run build builds web/dist too)', () => {
  it('serves the dashboard, found from the bundle, and the API, until stopped', async () => {
    const child = spawn(process.execPath, [bundle, '--db', join(dir, 'serve.db'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (t: string) => {
          out += t;
          const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
        child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Shakeout</title>');
      const api = await fetch(`${url}api/openapi.json`);
      expect(((await api.json()) as { openapi: string }).openapi).toBe('3.1.0');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('commandName', () => {
  const program = new Command('shakeout').option('--db <path>').option('--no-bundled-data');
  it.each([
    [['parse', '12亿'], 'parse'],
    [['--db', 'run', 'summary'], 'summary'],
    [['--db=x.db', '--no-bundled-data', 'facts', 'list'], 'facts'],
    [['--', 'run', 'x.sq'], 'run'],
    [['--help'], undefined],
    [[], undefined],
  ] as const)('%j names %s', (argv, name) => {
    expect(commandName(program, argv)).toBe(name);
  });
});
