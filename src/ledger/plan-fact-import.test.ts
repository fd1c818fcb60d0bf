import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShakeoutError } from '../core/index.js';
import { parseFactText } from './io/fact-files.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: false });
});
afterAll(async () => {
  await store.close();
});

const HEADER = 'entity,metric,value_as_written,period,scope,publisher,url,published,note';
const ROW = 'OpenAI,funding,$10 billion,2023-01,round,Sifted,https://sifted.eu/a,2023-01-23';
const importCsv = (text: string, dryRun = false) => {
  const parsed = parseFactText(text, 'csv', 'mine.csv');
  return store.importFacts(parsed.records, { ...parsed, dryRun });
};

describe('a row imported again with another note (trial T24)', () => {
  it('is refused at the column that differs, naming both values and how to correct the stored fact, not at an id column the file lacks', async () => {
    const first = await importCsv(`${HEADER}\n${ROW},Series A led by Earlybird\n`);
    const id = first.added[0]!;
    const e = (await importCsv(`${HEADER}\n${ROW},"Series A,\nled by Earlybird"\n`, true).then(() => null, (x: unknown) => x)) as ShakeoutError;
    expect(e.status).toBe(400);
    expect(e.issues).toHaveLength(1);
    const issue = e.issues[0]!;
    expect(issue).toMatchObject({ code: 'stored_fact_differs', path: ['mine.csv line 2', 'column note'], got: id, expected: 'note' });
    expect(issue.message).toBe(
      `this row is the stored fact ${id} (the same entity, metric, value, period and source); it differs in note: stored "Series A led by Earlybird", here "Series A,\\nled by Earlybird"; ` +
        `a stored fact is not changed by importing it again: to change it, give this row the column supersedes with ${id} (a correction, which keeps the old one in its history), or run shakeout facts correct ${id} (HTTP: POST /api/facts/${id}/corrections)`,
    );
  });

  it('goes in as a correction once the row names the fact it corrects', async () => {
    const [stored] = await store.listFacts({ entity: 'OpenAI' });
    const r = await importCsv(`${HEADER},supersedes\n${ROW},"Series A, led by Earlybird",${stored!.id}\n`);
    expect(r.added).toHaveLength(1);
    expect((await store.getFact(r.added[0]!)).notes).toBe('Series A, led by Earlybird');
    expect((await store.getFact(stored!.id)).supersededBy).toBe(r.added[0]);
  });

  it('with an id of its own, is refused at the id column and names the columns that differ', async () => {
    await importCsv(`id,${HEADER}\nmy-1,${ROW.replace('$10 billion', '$11 billion')},first\n`);
    const e = (await importCsv(`id,${HEADER}\nmy-1,${ROW.replace('$10 billion', '$11 billion')},second\n`).then(() => null, (x: unknown) => x)) as ShakeoutError;
    expect(e.issues[0]).toMatchObject({ code: 'id_conflict', path: ['mine.csv line 2', 'column id'], expected: 'note' });
    expect(e.issues[0]!.message).toContain('got different content; it differs in note: stored "first", here "second"; a stored fact is not changed by importing it again');
  });
});
