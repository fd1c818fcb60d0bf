import { describe, expect, it } from 'vitest';
import { prepareOutcome } from './outcome.js';
import { openStore } from './open-store.js';

const where = (c: string) => ['outcomes.csv line 2', `column ${c}`];
const known = () => ({ id: 'aleph-alpha' });
const pivot = { entity: 'Aleph Alpha', type: 'pivot', date: '2024-09', detail: 'turns to enterprise support', publisher: 'Sifted', url: 'https://sifted.eu/a', published: '2024-09-05', out: 'no' };

describe('an outcome\'s source date (trial T28)', () => {
  it('refuses a source published before the outcome happened: an announcement of one to come is not one yet', () => {
    const r = prepareOutcome({ ...pivot, publisher: 'X', published: '2023-01-05', out: '' }, where, known, '2026-12-02');
    expect(r).toEqual({
      ok: false,
      issues: [{
        code: 'published_before_outcome', path: ['outcomes.csv line 2', 'column published'], expected: '2024-09-01', got: '2023-01-05',
        message: 'expected a publication date on or after 2024-09-01, the first day the outcome (2024-09) can have happened (an outcome is recorded once it has happened; an announcement of one to come is not one yet), got "2023-01-05"',
      }],
    });
  });

  it('refuses a source published after today, and takes one of the day or month it happened', () => {
    const future = prepareOutcome({ ...pivot, date: '2026-11-30', published: '2027-01' }, where, known, '2026-12-02');
    expect(future.ok ? [] : future.issues.map((i) => [i.code, i.expected])).toEqual([['published_in_future', '2026-12-02']]);
    expect(prepareOutcome(pivot, where, known, '2026-12-02').ok).toBe(true);
    expect(prepareOutcome({ ...pivot, date: '2024-09-05', published: '2024-09' }, where, known, '2026-12-02').ok).toBe(true);
  });

  it('is checked by the store on its clock, and nothing is stored', async () => {
    const store = await openStore({ path: ':memory:', loadBundled: false, now: () => '2024-10-01T00:00:00.000Z' });
    try {
      await store.addEntity({ id: 'aleph-alpha', nameEn: 'Aleph Alpha', kind: 'company' });
      await expect(store.addOutcome({ ...pivot, date: '2024-12-01', published: '2024-12-02' })).rejects.toMatchObject({ status: 400, issues: [{ code: 'published_in_future', expected: '2024-10-01' }] });
      await expect(store.addOutcome({ ...pivot, published: '2024-08-30' })).rejects.toMatchObject({ status: 400, issues: [{ code: 'published_before_outcome' }] });
      expect(await store.listOutcomes()).toEqual([]);
      expect((await store.addOutcome(pivot)).added).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
