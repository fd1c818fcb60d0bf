import { fileURLToPath } from 'node:url';

/** The package's data/ folder (works from src/ and from dist/). */
export function bundledDataDir(): string {
  return fileURLToPath(new URL('../../../data/', import.meta.url));
}
