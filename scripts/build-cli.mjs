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
// - better-sqlite3 (a native addon) and echarts (large, loaded only when a
//   chart is drawn) stay imports from node_modules.
// - Minified, with a source map beside each file.
import { rolldown } from 'rolldown';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

const input = {
  cwd: root,
  platform: 'node',
  external: ['better-sqlite3', 'echarts', /^node:/],
  // Our modules have no effect on import; a library's may.
  treeshake: { moduleSideEffects: (id, external) => external || id.includes('/node_modules/') },
  logLevel: 'warn',
};
const output = { dir: outdir, format: 'esm', minify: { compress: true, mangle: false, codegen: true }, sourcemap: true };

rmSync(outdir, { recursive: true, force: true });
const cli = await rolldown({ ...input, input: { shakeout: 'src/cli/main.ts' } });
await cli.write({ ...output, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
const worker = await rolldown({ ...input, input: { 'plan-worker': 'src/estimate/plan-worker.ts' } });
await worker.write({ ...output, entryFileNames: '[name].js', codeSplitting: false });
chmodSync(join(outdir, 'shakeout.js'), 0o755);
