#!/usr/bin/env node
// Checks that imports between the layers of src/ follow the arrows of
// ARCHITECTURE.md, and that one layer reaches another only through its
// index.ts. Exit code 1 and one line per violation when they do not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each layer may import (besides itself). */
export const ALLOWED = {
  core: [],
  estimate: ['core'],
  lang: ['core', 'estimate'],
  ledger: ['core'],
  extract: ['core', 'ledger'],
  economics: ['core', 'estimate', 'lang', 'ledger'],
  report: ['core', 'estimate', 'lang', 'ledger', 'economics'],
  app: ['core', 'estimate', 'lang', 'ledger', 'economics', 'report', 'extract'],
  cli: ['app', 'server'],
  server: ['app'],
};

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** Returns a list of violations for the tree rooted at srcDir. */
export function checkLayers(srcDir) {
  const problems = [];
  for (const file of walk(srcDir)) {
    const rel = relative(srcDir, file).split(sep);
    const layer = rel[0];
    if (!(layer in ALLOWED)) {
      if (rel.length > 1) problems.push(`${relative(process.cwd(), file)}: folder src/${layer} is not a layer of ARCHITECTURE.md`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      IMPORT_RE.lastIndex = 0;
      let m;
      while ((m = IMPORT_RE.exec(line))) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (!spec.startsWith('.')) continue;
        const target = relative(srcDir, resolve(dirname(file), spec)).split(sep);
        const tLayer = target[0];
        if (tLayer === layer) continue;
        const where = `${relative(process.cwd(), file)}:${i + 1}`;
        if (!(tLayer in ALLOWED)) {
          problems.push(`${where}: imports ${spec}, outside the layers`);
          continue;
        }
        if (!ALLOWED[layer].includes(tLayer)) {
          problems.push(`${where}: ${layer} may not import ${tLayer} (allowed: ${ALLOWED[layer].join(', ') || 'nothing'})`);
        } else if (!(target.length === 2 && /^index\.(js|ts)$/.test(target[1]))) {
          problems.push(`${where}: reaches into ${target.join('/')}; import ${tLayer}/index.js instead`);
        }
      }
    });
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = resolve(process.argv[2] ?? 'src');
  const problems = checkLayers(src);
  if (problems.length) {
    console.error(`Layer check failed (${problems.length}):\n` + problems.map((p) => '  ' + p).join('\n'));
    process.exit(1);
  }
  console.log('Layer check: all imports follow ARCHITECTURE.md');
}
