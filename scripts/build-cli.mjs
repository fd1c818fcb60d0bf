#!/usr/bin/env node
// Bundles the CLI into one file, dist/bundle/shakeout.js, with the engine's
// worker beside it (dist/bundle/plan-worker.js, found by the worker pool as
// ./plan-worker.js next to the module that starts it). `npm run build` runs
// this after tsc. Why: a one-shot command otherwise pays for Node loading
// about 200 ES modules one by one (issue 11, "The CLI starts fast").
//
// - Libraries are bundled too, except better-sqlite3 (a native addon) and
//   echarts (large, and loaded only when a chart is drawn): both stay
//   ordinary imports from node_modules.
// - Whitespace and syntax are minified, names are kept, so a stack trace
//   still names the functions it passes through; a source map sits beside.
// - The CommonJS libraries (commander) call require(), which an ES module
//   does not have: the banner makes one with createRequire.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

export const EXTERNAL = ['better-sqlite3', 'echarts'];

await build({
  absWorkingDir: root,
  entryPoints: { shakeout: 'src/cli/main.ts', 'plan-worker': 'src/estimate/plan-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  banner: { js: "import { createRequire as __shakeoutRequire } from 'node:module'; const require = __shakeoutRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync(join(outdir, 'shakeout.js'), 0o755);
