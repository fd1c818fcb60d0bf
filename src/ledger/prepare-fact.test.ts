import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: false });
});
afterAll(async () => {
  await store.close();
});

describe('source dates', () => {
  const add = (published: string) => store.addFact({ entity: 'OpenAI', metric: 'revenue', value: '$1B', period: '2024', source: { publisher: `P ${published}`, published } });
  it('refuses dates that have the form of a date but are none, saying why, and stores nothing', async () => {
    await expect(add('9999-99-99')).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/published.*expected a date such as 2024-05-20.*"9999-99-99"/) });
    await expect(add('2024-02-30')).rejects.toMatchObject({ message: expect.stringContaining('day 30 is not in 2024-02') });
    await expect(add('2023-13')).rejects.toMatchObject({ message: expect.stringContaining('month 13 is not 1 to 12') });
    expect(await store.listFacts()).toEqual([]);
  });
  it('takes real days, months and years', async () => {
    for (const d of ['2024-02-29', '2024-05', '2023']) expect((await add(d)).source.published).toBe(d);
  });
});
