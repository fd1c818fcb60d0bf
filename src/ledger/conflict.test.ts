import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpiTable, FxTable } from '../core/index.js';
import { agreementRange, conflictsReport, describeDifferences, findConflicts, MAX_CONFLICTS_PER_SUBJECT, roundingHalfUnit, sameThing } from './conflict.js';
import type { Fact } from './fact.js';
import { figureGroups } from './figure-groups.js';
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

  it('groups as check and the analyses do (figureGroups): a report not linked but overlapping a linked one is in the group, listed once with it (trial T13)', async () => {
    const { fx, cpi } = await store.tables();
    const p = { ...round, period: '2024-07' };
    const a = await store.addFact({ ...p, value: '€450 million', source: { publisher: 'Handelsblatt' } });
    const b = await store.addFact({ ...p, value: '$440 million', source: { publisher: 'Wire A' }, sameAs: a.id });
    const c = await store.addFact({ ...p, value: '$500 million', source: { publisher: 'Wire B' } });
    const cs = findConflicts([a, b, c], fx, cpi);
    // before: b-c listed as a pair of its own, and the linked set a-b again
    expect(cs).toHaveLength(1);
    expect([cs[0]!.a.id, cs[0]!.b.id].sort()).toEqual([b.id, c.id].sort());
    expect(cs[0]!.sameAs).toEqual([a.id, b.id, c.id]);
    expect(cs[0]!.overlapOnly).toEqual([[c.id, a.id]]);
    const g = figureGroups([a, b, c], fx);
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0]!.apart).toEqual([c.id, b.id]);
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

describe('conflictsReport at scale', () => {
  /**
   * Every pair compared one by one, as the rule reads: same thing, ranges that do not meet, not in one group
   * (`figureGroups`: figures joined by a chain of overlaps are one group, listed once, apart from the pairs).
   */
  const naive = (facts: readonly Fact[], fx: FxTable, cpi: CpiTable): [string, string][] => {
    const out: { e: string; m: string; p: string; ids: [string, string] }[] = [];
    const { groupOf } = figureGroups(facts, fx);
    for (let i = 0; i < facts.length; i++) {
      for (let j = i + 1; j < facts.length; j++) {
        const a = facts[i]!;
        const b = facts[j]!;
        if (!sameThing(a, b) || groupOf.get(a.id) === groupOf.get(b.id)) continue;
        const ra = agreementRange(a, fx, cpi);
        const rb = agreementRange(b, fx, cpi);
        const eps = 1e-9 * Math.max(Math.abs(ra.high), Math.abs(rb.high), 1);
        if (ra.high + eps < rb.low || rb.high + eps < ra.low) out.push({ e: a.entity, m: a.metric, p: a.period!.text, ids: [a.id, b.id] });
      }
    }
    return out.sort((x, y) => x.e.localeCompare(y.e) || x.m.localeCompare(y.m) || x.p.localeCompare(y.p)).map((x) => x.ids);
  };

  it('finds through its index exactly the pairs that comparing every pair finds, in the same order', async () => {
    const { fx, cpi } = await store.tables();
    const values = ['$74 million', '$73.6 million', '$72 million', '5亿元', '$1 billion', '€900 million', '$80M'];
    const periods = ['2023-06', '2023-06-15', '2023-Q2', '2023', 'as of 2023-06', '2023-05/2023-07'];
    const scopes = [null, 'round', 'debt'];
    const facts: Fact[] = [];
    let k = 0;
    for (const period of periods) {
      for (const scope of scopes) {
        for (const value of values) {
          if (k++ % 2) continue;
          facts.push(await store.addFact({ entity: k % 3 ? 'Anthropic' : 'OpenAI', metric: k % 5 ? 'funding' : 'valuation', scope, value, period, source: { publisher: `P${k}` } }));
        }
      }
    }
    const derived = await store.addFact({ entity: 'Anthropic', metric: 'funding', value: '$10 million', period: '2023-06', source: { publisher: 'us' }, derivedFrom: { inputs: [facts[0]!.id], formula: `${facts[0]!.id} / 7` } });
    const all = [...facts, derived];
    const want = naive(all, fx, cpi);
    expect(want.length).toBeGreaterThan(20);
    expect(Math.max(...['anthropic', 'openai'].flatMap((e) => ['funding', 'valuation'].map((m) => want.filter(([a]) => all.some((f) => f.id === a && f.entity === e && f.metric === m)).length)))).toBeLessThan(MAX_CONFLICTS_PER_SUBJECT);
    expect(want.some(([a, b]) => a === facts[0]!.id && b === derived.id)).toBe(false);
    const got = conflictsReport(all, fx, cpi);
    expect(got.conflicts.filter((c) => !c.sameAs).map((c) => [c.a.id, c.b.id])).toEqual(want);
    // each group whose members do not all agree is listed once, by two members that do not meet
    const { groups } = figureGroups(all, fx);
    const apart = groups.filter((g) => g.apart);
    const listed = got.conflicts.filter((c) => c.sameAs);
    expect(listed.map((c) => [...c.sameAs!].sort())).toEqual(expect.arrayContaining(apart.map((g) => g.members.map((f) => f.id).sort())));
    expect(listed).toHaveLength(apart.length);
    for (const c of listed) expect(c.aInterval.p95 < c.bInterval.p5 || c.bInterval.p95 < c.aInterval.p5).toBe(true);
    expect(got.omitted).toEqual([]);
  });

  it(`lists at most ${MAX_CONFLICTS_PER_SUBJECT} conflicts of one entity and metric among 3,000 disagreeing facts, and counts the rest exactly`, async () => {
    const { fx, cpi } = await store.tables();
    const base = { entity: 'Anthropic', metric: 'revenue', period: '2022-Q3' };
    const templates: Fact[] = [];
    for (let v = 0; v < 30; v++) templates.push(await store.addFact({ ...base, value: `$${(1 + v * 0.13).toFixed(2)} billion`, source: { publisher: `T${v}` } }));
    // 3,000 facts, 100 of each template: the same figure from 100 outlets
    const facts = Array.from({ length: 3000 }, (_, i): Fact => ({ ...templates[i % 30]!, id: `scale-${i}`, source: { ...templates[i % 30]!.source, publisher: `Outlet ${i}` } }));
    let expected = 0;
    for (let x = 0; x < 30; x++) {
      for (let y = x + 1; y < 30; y++) {
        const rx = agreementRange(templates[x]!, fx, cpi);
        const ry = agreementRange(templates[y]!, fx, cpi);
        if (rx.high < ry.low || ry.high < rx.low) expected += 100 * 100;
      }
    }
    expect(expected).toBeGreaterThan(1_000_000);
    const r = conflictsReport(facts, fx, cpi);
    expect(r.conflicts).toHaveLength(MAX_CONFLICTS_PER_SUBJECT);
    expect(r.omitted).toEqual([{ entity: 'anthropic', metric: 'revenue', listed: MAX_CONFLICTS_PER_SUBJECT, total: expected }]);
    for (const c of r.conflicts) expect(agreementRange(c.a, fx, cpi).high < agreementRange(c.b, fx, cpi).low || agreementRange(c.b, fx, cpi).high < agreementRange(c.a, fx, cpi).low).toBe(true);
  });
});

describe('describeDifferences on a row edited by hand', () => {
  it('names a unit that is not money as itself, with no "nominal" (名义) before it, in en and zh (trial T13)', async () => {
    const a = await store.addFact({ entity: 'Anthropic', metric: 'headcount', value: '500', period: '2024', source: { publisher: 'Wire A' } });
    // A row edited by hand in SQLite: a head count given a price year, which no input path accepts.
    const b = { ...(await store.addFact({ entity: 'Anthropic', metric: 'headcount', value: '520', period: '2024', source: { publisher: 'Wire B' } })), priceYear: 2021 } as Fact;
    const d = describeDifferences(a, b).find((x) => x.kind === 'currency_year')!;
    expect(d.en).toBe('currency year: count vs count of 2021');
    expect(d.zh).toBe('前者为count，后者为2021年count');
    expect(d.zh).not.toMatch(/名义/);
    // Money keeps its price basis.
    const m = await store.addFact({ entity: 'Anthropic', metric: 'revenue', value: '$1 billion', period: '2024', source: { publisher: 'Wire A' } });
    const n = { ...m, id: 'hand-edited', priceYear: 2021 } as Fact;
    expect(describeDifferences(m, n).find((x) => x.kind === 'currency_year')!.zh).toBe('前者为名义美元，后者为2021年不变价美元');
  });
});
