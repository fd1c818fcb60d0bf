#!/usr/bin/env node
// Bundles the CLI (issue 11, "The CLI starts fast"): `npm run build` runs
// this after tsc. Without it, a one-shot command pays for Node loading about
// 200 ES modules one by one, most of which it never uses.
//
// Out: dist/bundle/shakeout.js, the entry (`bin`, `npm start`), with its
// chunks beside it, and the engine's worker as one file,
// dist/bundle/plan-worker.js: the worker pool starts ./plan-worker.js from
// beside the module that holds it, which is one of those chunks, so all of
// them sit in one folder. The bundled data is found from there
// (bundledDataDir looks for data/ in the folders above).
//
// Why chunks and not one file: the entry loads only the command it runs
// (src/cli/program.ts imports each command when asked for), so `shakeout
// parse` reads the figure reader and commander, not the ledger, the engine,
// the analyses or the libraries behind them (kysely, zod, yaml, csv). One
// file holding all of it (1.8 MB) costs more to read and compile than Node
// takes to start, whichever part a command runs.
//
// Why rolldown: it leaves out of a command's chunks the modules of a layer's
// index.ts that the command does not use (our modules do nothing on import
// but define things); esbuild's splitting keeps a whole index with all it
// re-exports in one chunk shared by every command.
//
// - better-sqlite3 (a native addon), pg (CommonJS that may require its
//   optional native binding; loaded only for a postgres:// ledger) and
//   echarts (large, loaded only when a chart is drawn) stay imports from
//   node_modules.
// - CommonJS, not ES modules (dist/bundle/package.json says so): Node's
//   CommonJS loader starts faster, and on Node 20 only scripts can be compiled
//   from a V8 code cache. The entry (src/cli/bin.ts) compiles the other files
//   with the cache this build makes at the end (src/cli/code-cache.ts). Both
//   together: `shakeout run` at 1e5 samples starts about 30 ms sooner
//   (bench/README.md, "start-up").
// - ASCII only (non-ASCII characters as \u escapes): a file with one Chinese
//   character is held by V8 at two bytes a character, twice what it reads,
//   copies and collects while the command starts.
// - Minified but for names (a stack trace and a profile still name the
//   functions), with a source map beside each file.
import { rolldown } from 'rolldown';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/**
 * The CommonJS libraries (commander, yaml) require() Node's builtins: the
 * bundle would build a require() at start-up (createRequire) for them.
 * process.getBuiltinModule (Node >= 20.16) returns the same modules without
 * it. And commander's require('node:child_process'), used only to run
 * executable subcommands (Shakeout has none), would load child processes,
 * sockets and streams into every command: it is taken when a subcommand is
 * spawned. The build fails if commander's source no longer reads as
 * expected, rather than bundle it unchanged.
 */
const builtinsWithoutRequire = {
  name: 'shakeout-builtins-without-require',
  transform(code, id) {
    if (!id.includes('/node_modules/') || !code.includes('require(')) return null;
    if (/\/node_modules\/commander\/lib\/command\.js$/.test(id)) {
      const eager = "const childProcess = require('node:child_process');";
      if (!code.includes(eager)) throw new Error(`${id}: expected the line ${eager} (commander changed: see scripts/build-cli.mjs)`);
      code = code.replace(eager, "const childProcess = { spawn: (...args) => globalThis.process.getBuiltinModule('node:child_process').spawn(...args) };");
    }
    // globalThis: commander names a local `process` (require('node:process')).
    const out = code.replace(/\brequire\((['"])([a-z_:/]+)\1\)/g, (call, _q, name) => (isBuiltin(name) ? `globalThis.process.getBuiltinModule('${name}')` : call));
    return out === code ? null : { code: out, map: null };
  },
};

const input = {
  cwd: root,
  plugins: [builtinsWithoutRequire],
  platform: 'node',
  external: ['better-sqlite3', 'pg', 'echarts', /^node:/],
  // Our modules have no effect on import, but for the CLI's main (which the
  // entry imports to run it); a library's may.
  treeshake: { moduleSideEffects: (id, external) => external || id.includes('/node_modules/') || /[\\/]src[\\/]cli[\\/]main\.ts$/.test(id) },
  logLevel: 'warn',
};
const output = { dir: outdir, format: 'cjs', minify: { compress: true, mangle: false, codegen: { removeWhitespace: true, asciiOnly: true } }, sourcemap: true };

rmSync(outdir, { recursive: true, force: true });
const cli = await rolldown({ ...input, input: { shakeout: 'src/cli/bin.ts' } });
// src/core (the figure reader, number formats) in a chunk of its own: left to
// itself rolldown put it into the large chunk the analyses share, and `shakeout
// parse` read 874 kB for groupThousands (and every command for readAsOfDate,
// which the global --as-of reads and needs only core).
await cli.write({ ...output, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', codeSplitting: {
    groups: [
      { name: 'core', test: /[\\/]src[\\/](core[\\/]|ledger[\\/]as-of-date\.ts)/ },
      // The ledger's pure parts that `shakeout run` reaches for a model without
      // fact() (where the bundled data lives, how a figure was written, a
      // ledger's as-of day): without this group they sit in the 810 kB chunk
      // the analyses share, and compiling it was a third of run's start-up.
      { name: 'ledger-pure', test: /[\\/]src[\\/]ledger[\\/](as-of-store|conflict|same-as|same-thing-index|summarize|bundled[\\/]data-dir)\.ts$/ },
    ],
  },
});
const worker = await rolldown({ ...input, input: { 'plan-worker': 'src/estimate/plan-worker.ts' } });
await worker.write({ ...output, entryFileNames: '[name].js', codeSplitting: false });
chmodSync(join(outdir, 'shakeout.js'), 0o755);
// The bundle is CommonJS (Node's CommonJS loader starts faster than its ES
// module loader, and Node 20 can cache compiled code only for scripts):
// package.json here says so for the .js files of this folder.
writeFileSync(join(outdir, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');

// The code cache (src/cli/code-cache.ts): run the one-shot commands whose
// start-up matters once each, saving the code of every function they compile.
// Each command adds to what the ones before it saved. Made with this Node; a
// Node with another V8 rejects it and compiles as if there were none.
mkdirSync(join(outdir, 'code-cache'));
const warm = mkdtempSync(join(tmpdir(), 'shakeout-code-cache-'));
const model = join(warm, 'model.sq');
writeFileSync(model, 'ios = 11M to 13M; android = 2.5M to 3.5M; price = 19.99\nsubs = (ios + android) / price; annual = subs * price * 12\n{subs, annual}\n');
for (const args of [['run', model, '--samples', '100000'], ['run', model, '--samples', '2000', '--json'], ['parse', '超23亿美元'], ['parse', '--json', 'nearly $1.8B'], ['--help']]) {
  const r = spawnSync(process.execPath, [join(outdir, 'shakeout.js'), ...args], {
    env: { ...process.env, SHAKEOUT_CODE_CACHE: 'write', SHAKEOUT_DB: join(warm, 'never-created.db') },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build-cli: the code cache warm-up \`shakeout ${args.join(' ')}\` failed (${r.status}): ${r.stderr}`);
}
rmSync(warm, { recursive: true, force: true });
