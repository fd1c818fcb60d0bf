#!/usr/bin/env node
// The bundled CLI's entry (dist/bundle/shakeout.js, `bin` and `npm start`):
// compiles the bundle's files with the V8 code cache the build made
// (src/cli/code-cache.ts), then runs the CLI. SHAKEOUT_CODE_CACHE=off
// compiles without it; =write is the build's warm-up that makes it; =report
// uses it and prints, at exit on stderr, which files it served
// (`{"used":[...],"rejected":[...],"missing":[...]}`).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheStats, installCodeCache, type CodeCacheOptions } from './code-cache.js';

const mode = process.env.SHAKEOUT_CODE_CACHE;
// `module` exists when this runs as CommonJS (the bundle); tsc's output is ES
// modules, which Node 20 cannot cache: it runs without.
const cjs = typeof module === 'object' && module !== null ? (module.constructor as CodeCacheOptions['Module']) : null;
if (cjs && mode !== 'off') installCodeCache({ dir: dirname(fileURLToPath(import.meta.url)), Module: cjs, write: mode === 'write' });
if (mode === 'report') process.on('exit', () => process.stderr.write(JSON.stringify(codeCacheStats()) + '\n'));
void import('./main.js');
