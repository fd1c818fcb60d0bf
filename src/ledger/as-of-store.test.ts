import { describe, expect, it } from 'vitest';
import { asOfStore, latestPublicationDay, readAsOfDate } from './as-of-store.js';
import { openStore } from './open-store.js';
import { rejection } from './store-contract.js';
import type { Fact } from './fact.js';
import type { FactFilter, Store } from './store.js';

/** A small ledger with facts published before, on and after 2024-05-20, one undated, and a later correction. */
async function ledger() {
  const s = await openStore({ path: ':memory:', loadBundled: false });
  await s.addFact({ id: 'early', entity: 'anthropic', metric: 'funding', value: '$750M', period: '2023-12', source: { publisher: 'A', published: '2024-01-05' } });
  await s.addFact({ id: 'on-day', entity: 'anthropic', metric: 'revenue_run_rate', value: '$100M', period: '2024-04', source: { publisher: 'B', published: '2024-05-20' } });
  await s.addFact({ id: 'month-only', entity: 'anthropic', metric: 'headcount', value: '500', period: '2024-05', source: { publisher: 'C', published: '2024-05' } });
  await s.addFact({ id: 'later', entity: 'anthropic', metric: 'funding', value: '$4B', period: '2024-11', source: { publisher: 'D', published: '2024-11-22' } });
  await s.addFact({ id: 'undated', entity: 'anthropic', metric: 'revenue', value: '$200M', period: '2023', source: { publisher: 'E' } });
  await s.correctFact('early', { value: '$800M', source: { publisher: 'F', published: '2024-06-01' } });
  return s;
}

describe('asOfStore', () => {
  it('sees only facts published by the day; a later correction does not exist yet', async () => {
    const base = await ledger();
    const v = await asOfStore(base, { asOf: '2024-05-20' });
    const ids = (await v.listFacts()).map((f) => f.id).sort();
    // month-only (published 2024-05) counts as published at the month's end: not yet
    expect(ids).toEqual(['early', 'on-day']);
    const early = await v.getFact('early');
    expect(early.supersededBy).toBeNull();
    expect(early.valueText).toBe('$750M');
    expect(v.asOfInfo).toMatchObject({ asOf: '2024-05-20', includeUndated: false, undated: ['undated'] });
    expect([...v.asOfInfo.later].sort()).toEqual(['later', 'month-only', (await base.getFact('early')).supersededBy].sort());
    expect((await v.history('early')).map((f) => f.id)).toEqual(['early']);
    const e = await rejection(v.getFact('later'));
    expect(e.status).toBe(404);
    expect(e.message).toContain('published 2024-11-22, after 2024-05-20');
    // the whole ledger still has the correction as current
    expect((await base.listFacts({ metric: 'funding' })).map((f) => f.valueText).sort()).toEqual(['$4B', '$800M']);
    await base.close();
  });

  it('names the option that takes an undated fact in as the caller\'s surface does: the flag, the request field, or none (trial T13)', async () => {
    const base = await ledger();
    const said = async (optionNames?: { asOf: string; includeUndated: string }) =>
      (await rejection((await asOfStore(base, { asOf: '2024-05-20', ...(optionNames ? { optionNames } : {}) })).getFact('undated'))).message;
    expect(await said({ asOf: '--as-of', includeUndated: '--include-undated' })).toBe('fact undated is not in the ledger as of 2024-05-20: its source gives no publication date (--include-undated takes such facts in)');
    expect(await said({ asOf: 'asOf', includeUndated: 'includeUndated=true' })).toBe('fact undated is not in the ledger as of 2024-05-20: its source gives no publication date (includeUndated=true takes such facts in)');
    expect(await said()).not.toMatch(/--|includeUndated/);
    await base.close();
  });

  it('takes undated facts in when asked, and later views see the correction', async () => {
    const base = await ledger();
    const v = await asOfStore(base, { asOf: '2024-06-30', includeUndated: true });
    const facts = await v.listFacts();
    expect(facts.map((f) => f.id)).toContain('undated');
    expect(facts.map((f) => f.id)).toContain('month-only');
    expect(facts.find((f) => f.metric === 'funding')!.valueText).toBe('$800M');
    expect((await v.listFacts({ includeSuperseded: true })).find((f) => f.id === 'early')!.supersededBy).not.toBeNull();
    const sum = await v.summary();
    expect(sum.facts).toEqual({ current: 4, superseded: 1 });
    await base.close();
  });

  it('reads through: a fact added later to the ledger is seen only if published by the day', async () => {
    const base = await ledger();
    const v = await asOfStore(base, { asOf: '2024-05-20' });
    const before = await v.listFacts();
    await base.addFact({ entity: 'anthropic', metric: 'cash', value: '$5B', period: 'as of 2024-09', source: { publisher: 'G', published: '2024-09-30' } });
    expect(await v.listFacts()).toEqual(before);
    await base.addFact({ id: 'old-news', entity: 'anthropic', metric: 'cash', value: '$1B', period: 'as of 2024-03', source: { publisher: 'H', published: '2024-04-01' } });
    expect((await v.listFacts()).map((f) => f.id)).toContain('old-news');
    await base.close();
  });

  it('uses exchange rates and CPI only of months ended by the day', async () => {
    const base = await ledger();
    const v = await asOfStore(base, { asOf: '2024-05-20' });
    const { fx, cpi } = await v.tables();
    const months = new Set(fx.rates.map((r) => r.month));
    expect(months.has('2024-04')).toBe(true);
    expect(months.has('2024-05')).toBe(false);
    expect(cpi.months.at(-1)!.month).toBe('2024-04');
    expect(fx.name).toContain('ended by 2024-05-20');
    await base.close();
  });

  it('hides outcomes, events and sources published after the day, and refuses writes', async () => {
    const base = await ledger();
    await base.importOutcomes([
      { entity: 'anthropic', date: '2024-03-01', type: 'raised', detail: 'a round', publisher: 'P', url: 'https://example.com/a', published: '2024-03-02' },
      { entity: 'anthropic', date: '2024-11-22', type: 'raised', detail: 'another round', publisher: 'Q', url: 'https://example.com/b', published: '2024-11-22' },
    ]);
    const v = await asOfStore(base, { asOf: '2024-05-20' });
    expect((await v.listOutcomes()).map((o) => o.date)).toEqual(['2024-03-01']);
    expect((await v.listSources()).map((x) => x.publisher).sort()).toEqual(['A', 'B', 'P']);
    const w = await rejection(v.addFact({ entity: 'anthropic', metric: 'cash', value: '$1', period: '2024', source: { publisher: 'X' } }));
    expect(w.status).toBe(409);
    expect(w.message).toContain('read-only');
    expect((await base.listFacts({ metric: 'cash' })).length).toBe(0);
    await base.close();
  });

  it('refuses a date that is not a day, naming what came', async () => {
    expect(readAsOfDate('2024-05-20')).toBe('2024-05-20');
    expect(() => readAsOfDate('2024-05')).toThrow(/expected a day written YYYY-MM-DD \(2024-05-20\), got "2024-05" is a month, not a day/);
    expect(() => readAsOfDate('2024-02-30')).toThrow(/day 30 is not in 2024-02/);
    expect(() => readAsOfDate('yesterday')).toThrow(/got "yesterday"/);
    expect(latestPublicationDay('2024-05')).toBe('2024-05-31');
    expect(latestPublicationDay('2024')).toBe('2024-12-31');
    expect(latestPublicationDay(null)).toBeNull();
  });
});

describe('asOfStore reads what it lists', () => {
  /** The view as first written: the whole ledger read for every call (the oracle the narrower reads must match). */
  async function wholeLedgerView(base: Store, asOf: string): Promise<Map<string, Fact>> {
    const visible = (f: Fact) => (latestPublicationDay(f.source.published) ?? '9999') <= asOf;
    const seen = new Map((await base.listFacts({ includeSuperseded: true })).filter(visible).map((f) => [f.id, f]));
    return new Map([...seen.values()].map((f) => [f.id, f.supersededBy !== null && !seen.has(f.supersededBy) ? { ...f, supersededBy: null } : f]));
  }

  it.each([3, 70])('lists, gets and follows history as the whole-ledger view does, with %i corrections outside a filter', async (n) => {
    const base = await openStore({ path: ':memory:', loadBundled: false });
    for (let i = 0; i < n; i++) {
      const id = `f${i}`;
      await base.addFact({ id, entity: i % 2 ? 'openai' : 'anthropic', metric: 'funding', value: `$${i + 1}00M`, period: `2023-${String((i % 12) + 1).padStart(2, '0')}`, source: { publisher: `P${i}`, published: '2024-01-05' } });
      // Corrections of another metric (outside a metric filter), published before or after the day, some corrected again.
      const c = await base.correctFact(id, { metric: 'valuation', source: { publisher: `Q${i}`, published: i % 3 ? '2024-03-01' : '2024-09-01' } });
      if (i % 4 === 0) await base.correctFact(c.id, { value: `$${i + 2}00M`, source: { publisher: `R${i}`, published: '2024-04-01' } });
    }
    const v = await asOfStore(base, { asOf: '2024-05-20' });
    const oracle = await wholeLedgerView(base, '2024-05-20');
    const filters: FactFilter[] = [{}, { metric: 'funding' }, { metric: 'valuation' }, { entity: 'openai' }, { entity: 'anthropic', metric: 'funding' }, { period: '2023-Q1' }];
    for (const filter of filters) {
      for (const includeSuperseded of [false, true]) {
        const expected = (await base.listFacts({ ...filter, includeSuperseded: true }))
          .map((f) => oracle.get(f.id))
          .filter((f): f is Fact => !!f && (includeSuperseded || f.supersededBy === null));
        expect(await v.listFacts({ ...filter, includeSuperseded }), JSON.stringify({ filter, includeSuperseded })).toEqual(expected);
      }
    }
    for (const id of ['f0', 'f1', 'f2', (await base.getFact('f1')).supersededBy!]) {
      expect(await v.getFact(id)).toEqual(oracle.get(id));
      expect(await v.history(id)).toEqual((await base.history(id)).filter((f) => oracle.has(f.id)).map((f) => oracle.get(f.id)));
    }
    await base.close();
  });
});
