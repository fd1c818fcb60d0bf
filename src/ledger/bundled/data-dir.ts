import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShakeoutError } from '../../core/index.js';

let found: string | undefined;

/**
 * The package's data/ folder: the nearest folder above this module that
 * holds data/SOURCES.md. That is the same folder from src/ (tests), from
 * dist/ (tsc's output) and from the bundled CLI (dist/bundle/shakeout.js),
 * whose modules sit at different depths.
 */
export function bundledDataDir(): string {
  if (found !== undefined) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'SOURCES.md'))) return (found = join(dir, 'data') + sep);
    if (dirname(dir) === dir) break;
  }
  throw new ShakeoutError(`the bundled data (a data/ folder with SOURCES.md) was not found in any folder above ${start}; reinstall shakeout`, { status: 500 });
}
