// One writer of bench/concurrent-writers.mjs: opens the ledger through the
// Store (app's openLedger, as the server does) and adds `count` facts one by
// one, each its own transaction; every tenth fact it corrects right after
// adding it (a correction is a fact of its own that supersedes the first),
// and halfway it imports `IMPORTED` facts in one transaction. Prints
// {added, corrected, imported, corrections, errors, start, end} as JSON.
//   node bench/child-writer.mjs DB COUNT PREFIX
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Facts each writer imports in one transaction, halfway through its adds. */
const IMPORTED = 20;

const [db, count, prefix] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { openLedger } = await import(pathToFileURL(join(root, 'dist', 'app', 'index.js')).href);

const store = await openLedger({ db, bundled: false });
const errors = [];
let added = 0;
let imported = 0;
/** Ids of the facts this writer corrected. */
const corrected = [];
const source = { publisher: `Writer ${prefix}`, published: '2025-01-15' };
const now = () => performance.timeOrigin + performance.now();
const attempt = async (fn) => {
  try {
    await fn();
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
};
const start = now();
for (let i = 1; i <= Number(count); i++) {
  const id = `${prefix}-${i}`;
  await attempt(async () => {
    await store.addFact({ id, entity: 'openai', metric: 'revenue', value: `$${i} million`, period: `2024-${String((i % 12) + 1).padStart(2, '0')}`, source });
    added++;
  });
  if (i % 10 === 0) {
    await attempt(async () => {
      await store.correctFact(id, { value: `$${i}.5 million` });
      corrected.push(id);
    });
  }
  if (i === Math.ceil(Number(count) / 2)) {
    const records = Array.from({ length: IMPORTED }, (_, k) => ({ id: `${prefix}-imp-${k + 1}`, entity: 'openai', metric: 'revenue', value_as_written: `$${k + 1} billion`, period: '2023', publisher: source.publisher, published: source.published }));
    await attempt(async () => {
      imported += (await store.importFacts(records, { file: `${prefix}.csv` })).added.length;
    });
  }
}
const end = now();
await store.close();
process.stdout.write(JSON.stringify({ added, corrected: corrected.length, corrections: corrected, imported, errors, start, end }) + '\n');
