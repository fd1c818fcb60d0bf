import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFactText } from './io/fact-files.js';
import { openStore } from './open-store.js';

interface SyntheticLedger {
  syntheticFactsCsv(options: { n: number; seed?: number | string; prefix?: string; publishers?: number }): string;
  seededRandom(seed: number | string): () => number;
}
/** The benches' synthetic ledger (bench/synthetic-ledger.mjs), loaded by path as test fixtures are (bench/ is no layer of src). */
const { syntheticFactsCsv } = (await import(pathToFileURL(join(process.cwd(), 'bench', 'synthetic-ledger.mjs')).href)) as SyntheticLedger;

describe('KyselyPersistence inserts many rows a statement', () => {
  it('imports facts, sources and derivation inputs across several chunks exactly as written, in order, each source once', async () => {
    const store = await openStore({ path: ':memory:', loadBundled: false });
    const file = parseFactText(syntheticFactsCsv({ n: 1300, seed: 'chunks' }), 'csv', 'big.csv');
    // Derived facts whose inputs lie in other chunks, after them.
    const derived = Array.from({ length: 600 }, (_, i) => ({
      id: `d-${i}`, entity: 'openai', metric: 'revenue', value_as_written: '$1 billion', period: '2024', publisher: 'Derived',
      derived_from: `syn-${i + 1};syn-${1300 - i}`, formula: `syn-${i + 1} + syn-${1300 - i}`,
    }));
    const records: Record<string, string>[] = [...(file.records as Record<string, string>[]), ...derived];
    const r = await store.importFacts(records, { file: 'big.csv', lines: [...file.lines, ...derived.map((_, i) => 1302 + i)] });
    expect(r.added).toHaveLength(1900);

    const out = await store.exportFacts();
    expect(out.map((x) => x.id)).toEqual(records.map((x) => x.id));
    const given = (x: Record<string, unknown>, k: string) => (x[k] === '' || x[k] === undefined ? null : x[k]);
    for (const [i, x] of out.entries()) {
      const rec = records[i] as Record<string, unknown>;
      for (const k of ['entity', 'metric', 'value_as_written', 'period', 'publisher', 'title', 'url', 'published', 'supersedes', 'same_as', 'formula']) {
        expect(given(x as unknown as Record<string, unknown>, k), `${rec.id} ${k}`).toEqual(given(rec, k));
      }
      expect(x.derived_from ?? null, String(rec.id)).toEqual(given(rec, 'derived_from'));
    }
    const sources = new Set(records.map((x) => [x.publisher, x.title, x.url, x.published].join('|')));
    expect(await store.listSources()).toHaveLength(sources.size);
    const corrected = records.find((x) => x.supersedes)!;
    expect((await store.history(String(corrected.id))).map((f) => f.id)).toEqual([corrected.supersedes, corrected.id]);
    expect((await store.getFact('d-0')).derivedFrom).toEqual({ inputs: ['syn-1', 'syn-1300'], formula: 'syn-1 + syn-1300' });

    // Again: all of it already there, nothing added.
    const again = await store.importFacts(records, { file: 'big.csv' });
    expect(again).toEqual({ added: [], unchanged: records.map((x) => x.id) });
    await store.close();
  });
});
