import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FxTable } from '../../core/index.js';
import { agreementRange, openStore, sameAsSets, sameThing } from '../../ledger/index.js';
import type { Fact, FactInput, Store } from '../../ledger/index.js';
import { groupApartText, groupFacts, groupJoinedText } from './fact-group.js';

let store: Store;
let fx: FxTable;
beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: false });
  fx = (await store.tables()).fx;
});
afterAll(async () => {
  await store.close();
});

const round = (over: Partial<FactInput> & { publisher: string }): Promise<Fact> => {
  const { publisher, ...rest } = over;
  return store.addFact({ entity: 'Baichuan AI', metric: 'funding', scope: 'round', value: '$1', period: '2024-07', source: { publisher, published: '2024-07-25' }, ...rest });
};

describe('groupFacts', () => {
  it('makes one group of one round written by three outlets in yuan and dollars, so a total counts it once', async () => {
    const yuan = await round({ value: '50亿元', publisher: 'Bloomberg (mirror)' });
    const usd = await round({ value: '$691 million', publisher: 'Reuters' });
    const usd2 = await round({ value: '$690mn', publisher: 'Financial Times', period: '2024-07-25' });
    const earlier = await round({ value: '$300 million', publisher: 'The Bamboo Works', period: '2023-10' });
    const groups = groupFacts([yuan, usd, usd2, earlier], fx);
    expect(groups).toHaveLength(2);
    const g = groups.find((x) => x.members.length === 3)!;
    expect(new Set(g.members.map((f) => f.id))).toEqual(new Set([yuan.id, usd.id, usd2.id]));
    expect(g.linked).toBe(false);
    expect(g.linkedSets).toEqual([]);
    expect(g.overlapOnly).toHaveLength(3);
    expect(groupJoinedText(g, 'cli')).toEqual({ en: ' (none linked as the same by --same-as: grouped because their figures overlap)', zh: '（均未标注为同一数字，因数值重叠归为一组）' });
    expect(groupJoinedText(g, 'api').en).toBe(' (none linked as the same (sameAs): grouped because their figures overlap)');
    expect(groupJoinedText(g).en).toBe(' (none linked as the same: grouped because their figures overlap)');
    expect(g.disagree).toBe(false);
    // 2024-07-25 ends before 2024-07 does; within 2024-07 the primary source comes before the mirror
    expect(g.preferred).toBe(usd);
    expect(g.corroboration.map((c) => [c.fact.id, c.criterion])).toEqual([
      [yuan.id, 'primary_source'],
      [usd2.id, 'period'],
    ]);
    const yuanRange = g.ranges.find((r) => r.factId === yuan.id)!;
    expect(yuanRange.notes[0]).toMatch(/^CNY->USD at /);
    expect(g.spread!.unit).toBe('USD');
    expect(g.spread!.ratio).toBeGreaterThan(1);
    expect(g.spread!.ratio).toBeLessThan(1.05);
    // the total of rounds: each group once, by its preferred fact
    const total = groups.reduce((a, x) => a + x.preferred.figure.value, 0);
    expect(total).toBe(991e6);
  });

  it("makes one group of a Mistral round written by three outlets in euros and dollars, and a total counts each round once", async () => {
    await store.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', nameZh: null, aliases: [], kind: 'company', parent: null, notes: null } as never);
    const m = (value: string, period: string, publisher: string, published: string): Promise<Fact> =>
      store.addFact({ entity: 'Mistral AI', metric: 'funding', scope: 'round', value, period, source: { publisher, published } });
    const echos = await m("385 millions d'euros", '2023-12', 'Les Echos', '2023-12-10');
    const tc = await m('€385 million', '2023-12', 'TechCrunch', '2023-12-11');
    const reuters = await m('600 million euros ($645 million)', '2024-06', 'Reuters', '2024-06-11');
    const tcUsd = await m('$640 million', '2024-06', 'TechCrunch', '2024-06-11');
    const sifted = await m('€600M', '2024-06', 'Sifted (via Yahoo Finance)', '2024-06-12');
    const groups = groupFacts([echos, tc, reuters, tcUsd, sifted], fx);
    expect(groups.map((g) => g.members.length)).toEqual([2, 3]);
    const b = groups[1]!;
    expect(b.disagree).toBe(false);
    expect(new Set(b.members.map((f) => f.id))).toEqual(new Set([reuters.id, tcUsd.id, sifted.id]));
    // the euro figures are converted at June 2024's rate, and name it
    expect(b.ranges.find((r) => r.factId === reuters.id)!.notes[0]).toMatch(/^EUR->USD at /);
    expect(b.spread!.ratio).toBeLessThan(1.02);
    // the primary sources first; the same period, kind and day: the publisher by name (Reuters before TechCrunch), never the time recorded
    expect(b.preferred).toBe(reuters);
    expect(b.corroboration.find((c) => c.fact.id === tcUsd.id)!.criterion).toBe('publisher');
    expect(b.corroboration.find((c) => c.fact.id === sifted.id)!.criterion).toBe('primary_source');
    // the total of rounds in dollars: each group once, by its preferred fact at its period's rate
    const inUsd = (f: Fact): number => b.ranges.concat(groups[0]!.ranges).find((r) => r.factId === f.id)!.p50;
    const total = groups.reduce((a, g) => a + inUsd(g.preferred), 0);
    expect(total).toBeGreaterThan(640e6 + 385e6 * 1.05);
    expect(total).toBeLessThan(640e6 + 385e6 * 1.12);
  });

  it('keeps apart figures of one period that do not agree, unless a same_as link joins them; then it flags the group', async () => {
    const a = await round({ value: '$400 million', publisher: 'Outlet A', period: '2024-05' });
    const b = await round({ value: '$250 million', publisher: 'Outlet B', period: '2024-05' });
    expect(groupFacts([a, b], fx)).toHaveLength(2);
    const c = await round({ value: '$250 million', publisher: 'Outlet C', period: '2024-05', sameAs: a.id });
    const gs = groupFacts([a, b, c], fx);
    expect(gs).toHaveLength(1); // c is linked to a and agrees with b: one group
    const g = gs[0]!;
    expect(g.linked).toBe(true);
    expect(g.linkedSets.map((ids) => [...ids].sort())).toEqual([[a.id, c.id].sort()]);
    expect(g.overlapOnly).toEqual([b.id]); // b is in the group by agreeing with c, not by a link
    expect(g.overlaps).toEqual([[b.id, c.id]]); // ... by agreeing with c, which it names
    expect(groupJoinedText(g, 'cli').en).toMatch(new RegExp(`^ \\((${a.id} and ${c.id}|${c.id} and ${a.id}) linked as the same by --same-as; ${b.id} not linked, grouped because its figure overlaps ${c.id}'s\\)$`));
    expect(groupJoinedText(g).zh).toMatch(new RegExp(`^（(${a.id}、${c.id}|${c.id}、${a.id})已标注为同一数字；${b.id}未标注，因数值与${c.id}重叠归入）$`));
    // the two that do not agree: a ($400M) and b ($250M), not b and c, which overlap
    expect(g.apart).toEqual([a.id, b.id]);
    expect(groupApartText(g)!.en).toBe(`Yet ${a.id} and ${b.id} do not agree within their stated precision (a group holds figures joined by links or by a chain of overlaps): check which one holds.`);
    expect(g.disagree).toBe(true);
    expect(g.spread).toMatchObject({ unit: 'USD', low: 250e6, high: 400e6 });
    expect(g.spread!.ratio).toBeCloseTo(1.6, 10);
  });

  it('does not group facts of different scope, metric or entity, nor a month with a year', async () => {
    const r = await round({ value: '$100 million', publisher: 'P', period: '2022-03' });
    const other = await round({ value: '$100 million', publisher: 'Q', period: '2022-03', scope: 'debt' });
    const year = await round({ value: '$100 million', publisher: 'R', period: '2022' });
    const val = await store.addFact({ entity: 'Baichuan AI', metric: 'valuation', value: '$100 million', period: 'as of 2022-03', source: { publisher: 'S' } });
    const elsewhere = await store.addFact({ entity: 'Zhipu AI', metric: 'funding', scope: 'round', value: '$100 million', period: '2022-03', source: { publisher: 'T' } });
    expect(groupFacts([r, other, year, val, elsewhere], fx).map((g) => g.members.length)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('groupFacts through the ledger index', () => {
  /** Groups as the rule reads, every pair compared: same thing, same price basis, ranges that meet. */
  const naiveGroups = (facts: readonly Fact[]): string[][] => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < facts.length; i++) {
      for (let j = i + 1; j < facts.length; j++) {
        const a = facts[i]!;
        const b = facts[j]!;
        if (!sameThing(a, b) || a.priceYear !== b.priceYear) continue;
        const ra = agreementRange(a, fx);
        const rb = agreementRange(b, fx);
        if (ra.low <= rb.high && rb.low <= ra.high) pairs.push([a.id, b.id]);
      }
    }
    const root = sameAsSets(facts, pairs);
    const by = new Map<string, string[]>();
    for (const f of facts) (by.get(root.get(f.id)!) ?? by.set(root.get(f.id)!, []).get(root.get(f.id)!)!).push(f.id);
    return [...by.values()].map((g) => g.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
  };
  const groupsOf = (facts: readonly Fact[]): string[][] => groupFacts(facts, fx).map((g) => g.members.map((m) => m.id).sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));

  it('makes the groups that comparing every pair makes, across periods, scopes, currencies and a derived fact', async () => {
    const values = ['$74 million', '$73.6 million', '$72 million', '5亿元', '$700 million', '€650 million', '$80M', '$75M'];
    const periods = ['2021-06', '2021-06-15', '2021-Q2', '2021', 'as of 2021-06'];
    const facts: Fact[] = [];
    let k = 0;
    for (const period of periods) for (const scope of [null, 'round']) for (const value of values) facts.push(await round({ value, period, scope, publisher: `G${k++}` }));
    facts.push(await round({ value: '$74 million', period: '2021-06', publisher: 'derived', derivedFrom: { inputs: [facts[0]!.id], formula: `${facts[0]!.id} * 1` } }));
    const want = naiveGroups(facts);
    expect(want.some((g) => g.length > 2)).toBe(true);
    expect(groupsOf(facts)).toEqual(want);
  });

  it('groups 3,000 figures of one round from 30 texts as comparing every pair does, and flags disagreement by the ranges', async () => {
    const templates: Fact[] = [];
    for (let v = 0; v < 30; v++) templates.push(await round({ value: `$${(100 + v * 3).toFixed(0)} million`, period: '2020-03', publisher: `S${v}` }));
    const facts = Array.from({ length: 3000 }, (_, i): Fact => ({ ...templates[i % 30]!, id: `many-${i}` }));
    const want = naiveGroups(templates).map((g) => g.length);
    const gs = groupFacts(facts, fx);
    expect(gs.map((g) => g.members.length).sort((a, b) => a - b)).toEqual(want.map((n) => n * 100).sort((a, b) => a - b));
    for (const g of gs) {
      const disagreeByPairs = g.ranges.some((a) => g.ranges.some((b) => a.low > b.high));
      expect(g.disagree).toBe(disagreeByPairs);
    }
  });

  it('groups 200,000 agreeing figures of one round in one bucket (past what a spread into push or Math.max can take)', async () => {
    const template = await round({ value: '$500 million', period: '2019-05', publisher: 'Bulk' });
    const facts = Array.from({ length: 200_000 }, (_, i): Fact => ({ ...template, id: `bulk-${i}` }));
    const gs = groupFacts(facts, fx);
    expect(gs).toHaveLength(1);
    expect(gs[0]!.members).toHaveLength(200_000);
    expect(gs[0]!.disagree).toBe(false);
  });
});
