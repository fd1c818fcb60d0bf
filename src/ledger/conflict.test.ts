import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementRange, conflictsReport, findConflicts, roundingHalfUnit } from './conflict.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: false });
});
afterAll(async () => {
  await store.close();
});

describe('roundingHalfUnit', () => {
  it('is half a unit of the last written digit, at most 5% of the figure', () => {
    expect(roundingHalfUnit(74e6, '$74 million')).toBeCloseTo(0.5e6, 0);
    expect(roundingHalfUnit(400e6, '$400mn')).toBeCloseTo(0.5e6, 0);
    expect(roundingHalfUnit(1.525e9, 'a total of $1.525 billion')).toBeCloseTo(0.5e6, 0);
    expect(roundingHalfUnit(73.6e6, '$73.6 million')).toBeCloseTo(0.05e6, 0);
    expect(roundingHalfUnit(5e9, '50亿元')).toBeCloseTo(0.05e9, 0);
    expect(roundingHalfUnit(1.5e9, '1,5 Mrd. €')).toBeCloseTo(0.05e9, 0);
    expect(roundingHalfUnit(2e9, '$2 billion')).toBeCloseTo(0.1e9, 0); // half a billion, capped at 5%
    expect(roundingHalfUnit(750e6)).toBeCloseTo(5e6, 0); // no text: the value's digits
    expect(roundingHalfUnit(0, '0')).toBe(0);
  });
});

describe('agreementRange and findConflicts', () => {
  const round = { entity: 'Anthropic', metric: 'funding', scope: 'round', period: '2024-01' };

  it('lets "$74 million" and "$73.6 million" agree (the first is written to two digits) but not "$74 million" and "$72 million"', async () => {
    const { fx, cpi } = await store.tables();
    const a = await store.addFact({ ...round, value: '$74 million', source: { publisher: 'Bloomberg' } });
    const b = await store.addFact({ ...round, value: '$73.6 million', source: { publisher: 'TechCrunch' } });
    const c = await store.addFact({ ...round, value: '$72 million', source: { publisher: 'Other' } });
    const ra = agreementRange(a, fx, cpi);
    expect(ra.low).toBeCloseTo(73.5e6, 0);
    expect(ra.high).toBeCloseTo(74.5e6, 0);
    expect(findConflicts([a, b], fx, cpi)).toEqual([]);
    const cs = findConflicts([a, b, c], fx, cpi);
    expect(cs.map((x) => [x.a.id, x.b.id])).toEqual([[a.id, c.id], [b.id, c.id]]);
  });

  it('lists a same_as set whose members disagree once, by its furthest-apart pair, naming every member', async () => {
    const { fx, cpi } = await store.tables();
    const p = { ...round, period: '2024-03' };
    const a = await store.addFact({ ...p, value: '$2.75bn', source: { publisher: 'Silicon Republic' } });
    const b = await store.addFact({ ...p, value: '$2.5 billion', source: { publisher: 'X' }, sameAs: a.id });
    const c = await store.addFact({ ...p, value: '$4 billion', source: { publisher: 'Y' }, sameAs: b.id });
    const d = await store.addFact({ ...p, period: '2024-03-27', value: '$3 billion', source: { publisher: 'Z' }, sameAs: a.id });
    const cs = findConflicts([a, b, c, d], fx, cpi);
    expect(cs).toHaveLength(1);
    expect([cs[0]!.a.id, cs[0]!.b.id].sort()).toEqual([b.id, c.id].sort());
    expect(cs[0]!.sameAs).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('names the facts it could not compare for want of a rate, instead of leaving them out silently', async () => {
    const { fx, cpi } = await store.tables();
    const p = { ...round, period: '1960' };
    const usd = await store.addFact({ ...p, value: '$1 million', source: { publisher: 'A' } });
    const yuan = await store.addFact({ ...p, value: '100万元', source: { publisher: 'B' } });
    const r = conflictsReport([usd, yuan], fx, cpi);
    expect(r.conflicts).toEqual([]);
    expect(r.uncompared.map((u) => u.fact.id)).toEqual([yuan.id]);
    expect(r.uncompared[0]!.reason).toMatch(/CNY|1960/);
    expect(r.uncompared[0]!.reasonZh).toBe('汇率表缺少1960-01的人民币汇率');
  });
});
