import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataDir } from './data-dir.js';
import { loadBundledData } from './load-bundled.js';
import { openStore } from '../open-store.js';
import type { LedgerStore } from '../ledger-store.js';
import type { Store } from '../store.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

describe('bundled company outcomes (data/company-outcomes.csv)', () => {
  const rows = parse(readFileSync(join(bundledDataDir(), 'company-outcomes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];

  it('loads every row into a fresh ledger, with its source as written', async () => {
    const all = await store.listOutcomes();
    expect(all).toHaveLength(rows.length);
    const row = rows.find((r) => r['entity'] === 'Stability AI' && r['type'] === 'recapitalization')!;
    const o = (await store.listOutcomes({ entity: 'Stability AI' })).find((x) => x.type === 'recapitalization')!;
    expect(o).toMatchObject({ date: row['date'], detail: row['detail'], out: null });
    expect(o.source).toMatchObject({ publisher: row['publisher'], url: row['url'], published: row['published'], publishedEstimated: row['published_estimated'] === 'yes' });
  });

  it('loading the bundled data again adds no outcome', async () => {
    const before = await store.listOutcomes();
    const r = await loadBundledData(store as LedgerStore, bundledDataDir());
    expect(r.outcomes).toBe(0);
    expect(await store.listOutcomes()).toEqual(before);
  });
});
