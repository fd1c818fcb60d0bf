// One writer of bench/concurrent-writers.mjs: opens the ledger through the
// Store (app's openLedger, as the server does) and adds `count` facts one by
// one, each its own transaction, then prints {added, errors, ms} as JSON.
//   node bench/child-writer.mjs DB COUNT PREFIX
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [db, count, prefix] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { openLedger } = await import(pathToFileURL(join(root, 'dist', 'app', 'index.js')).href);

const store = await openLedger({ db, bundled: false });
const errors = [];
let added = 0;
const now = () => performance.timeOrigin + performance.now();
const start = now();
for (let i = 1; i <= Number(count); i++) {
  try {
    await store.addFact({
      id: `${prefix}-${i}`, entity: 'openai', metric: 'revenue', value: `$${i} million`, period: `2024-${String((i % 12) + 1).padStart(2, '0')}`,
      source: { publisher: `Writer ${prefix}`, published: '2025-01-15' },
    });
    added++;
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
}
const end = now();
await store.close();
process.stdout.write(JSON.stringify({ added, errors, start, end }) + '\n');
