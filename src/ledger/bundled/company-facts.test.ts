import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataDir } from './data-dir.js';
import { companyFacts } from './adapters.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store.js';
import { toMetric } from '../vocabulary.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

describe('bundled company facts (data/company-facts.csv)', () => {
  const rows = parse(readFileSync(join(bundledDataDir(), 'company-facts.csv'), 'utf8'), { columns: true }) as Record<string, string>[];

  it('accounts for every row: loaded into a fresh ledger, or listed as unread with its line and the reader\'s reason', async () => {
    expect(rows).toHaveLength(47);
    const c = companyFacts(bundledDataDir());
    expect(c.records.length + c.unread.length).toBe(47);
    for (const u of c.unread) {
      expect(u.file).toBe('company-facts.csv');
      expect(u.line).toBeGreaterThan(1);
      expect(u.reason).toContain(JSON.stringify(u.value));
      expect(rows[u.line - 2]!['value_as_written']).toBe(u.value);
    }
    const ids = c.records.map((r) => (r as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = (await store.listFacts()).filter((f) => f.id.startsWith('co-'));
    expect(stored.map((f) => f.id).sort()).toEqual([...ids].sort());
  });

  it('keeps published_estimated on the source, and the date as written', async () => {
    const facts = (await store.listFacts({ entity: 'Stability AI' })).filter((f) => f.id.startsWith('co-'));
    const cash = facts.find((f) => f.metric === 'cash')!;
    expect(cash.source).toMatchObject({ publisher: 'The Register (citing Forbes)', published: '2024-04-03', publishedEstimated: false });
    const round = facts.find((f) => f.metric === 'funding' && f.period?.text === '2022-08')!;
    expect(round.source).toMatchObject({ published: '2024-03-25', publishedEstimated: true });
    const sources = await store.listSources();
    expect(sources.find((s) => s.id === round.source.id)!.publishedEstimated).toBe(true);
  });

  it('reads a run rate as a rate a year and the monthly revenue the source calls monthly as a month', async () => {
    const anth = await store.listFacts({ entity: 'Anthropic' });
    const arr = anth.find((f) => f.metric === 'revenue_run_rate')!;
    expect(arr.figure).toMatchObject({ value: 100e6, per: 'year' });
    const monthly = anth.find((f) => f.metric === 'revenue' && f.id.startsWith('co-'))!;
    expect(monthly.figure).toMatchObject({ value: 8e6, per: 'month', qualifier: 'about' });
  });

  it('knows the new metrics by their usual names', () => {
    expect(toMetric('ARR')).toBe('revenue_run_rate');
    expect(toMetric('annualized revenue')).toBe('revenue_run_rate');
    expect(toMetric('net loss')).toBe('net_loss');
    expect(toMetric('MAU')).toBe('users');
    expect(toMetric('users')).toBe('users');
  });

  it('exports published_estimated and reads it back; refuses a value that is not yes or no', async () => {
    const s = await openStore({ path: ':memory:', loadBundled: false });
    try {
      const rec = { entity: 'OpenAI', metric: 'arr', value_as_written: '$1.6 billion', period: 'as of 2023-12', publisher: 'Some Wire', published: '2024-01', published_estimated: 'yes' };
      await s.importFacts([rec]);
      const [f] = await s.listFacts({ entity: 'OpenAI', metric: 'revenue_run_rate' });
      expect(f!.source.publishedEstimated).toBe(true);
      expect(f!.figure.per).toBe('year');
      const out = (await s.exportFacts()).find((r) => r.id === f!.id)!;
      expect(out.published_estimated).toBe('yes');
      await expect(s.importFacts([{ ...rec, value_as_written: '$1.7 billion', published_estimated: 'maybe' }], { file: 'mine.csv' }))
        .rejects.toThrow(/expected yes, no or nothing .*got "maybe"/);
    } finally {
      await s.close();
    }
  });
});
