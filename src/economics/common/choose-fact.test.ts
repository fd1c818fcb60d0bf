import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../ledger/index.js';
import type { Fact, FactInput, Store } from '../../ledger/index.js';
import { chooseFact, relativeWidth, writtenPrecision } from './choose-fact.js';
import { isSecondHand, publisherName } from './source-hand.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: false });
});
afterAll(async () => {
  await store.close();
});

let n = 0;
/** A fact of OpenAI's funding, recorded in the order of the calls. */
async function fact(over: Partial<FactInput> & { publisher?: string; published?: string }): Promise<Fact> {
  n++;
  const { publisher, published, ...rest } = over;
  return store.addFact({
    entity: 'OpenAI',
    metric: 'funding',
    value: '$6.6 billion',
    period: '2024-10',
    scope: 'round',
    source: { publisher: publisher ?? `Outlet ${n}`, title: `story ${n}`, published: published ?? '2024-10-02' },
    createdAt: `2025-01-01T00:00:${String(n).padStart(2, '0')}.000Z`,
    ...rest,
  });
}

describe('isSecondHand and publisherName', () => {
  it('tells second-hand publishers from primary ones', () => {
    for (const p of ['Bloomberg (via NDTV Profit)', 'The Register (citing Forbes)', 'Reuters (mirror)', 'unidentified mirror', 'China Business Journal 中国经营报 (mirror)']) expect(isSecondHand(p), p).toBe(true);
    for (const p of ['Semafor', 'IT Juzi (IT桔子)', 'Our World in Data (Quid via Stanford AI Index)', 'cnyes 钜亨']) expect(isSecondHand(p), p).toBe(false);
  });
  it('says second hand in Chinese with no English words', () => {
    expect(publisherName('Bloomberg (via NDTV Profit)', 'zh')).toBe('Bloomberg（经NDTV Profit转载）');
    expect(publisherName('The Register (citing Forbes)', 'zh')).toBe('The Register（援引Forbes）');
    expect(publisherName('Reuters (mirror)', 'zh')).toBe('Reuters（镜像页面）');
    expect(publisherName('unidentified mirror', 'zh')).toBe('来源不明的镜像页面');
    expect(publisherName('IT Juzi (IT桔子)', 'zh')).toBe('IT桔子');
    expect(publisherName('IT Juzi (IT桔子)', 'en')).toBe('IT Juzi');
    expect(publisherName('Bloomberg (via NDTV Profit)', 'en')).toBe('Bloomberg (via NDTV Profit)');
  });
});

describe('chooseFact', () => {
  it('returns undefined for no facts, and a lone fact with nothing left aside', async () => {
    expect(chooseFact([])).toBeUndefined();
    const a = await fact({});
    expect(chooseFact([a])).toEqual({ chosen: a, others: [] });
  });

  it('takes the later period first, whatever else', async () => {
    const older = await fact({ period: '2024-01', publisher: 'Semafor' });
    const later = await fact({ period: '2024-10', publisher: 'Bloomberg (via NDTV Profit)', kind: 'assumption' });
    const c = chooseFact([older, later])!;
    expect(c.chosen).toBe(later);
    expect(c.others).toHaveLength(1);
    expect(c.others[0]!.criterion).toBe('period');
    expect(c.others[0]!.reason.en).toBe('the one used covers a later period (2024-10; this one 2024-01)');
    expect(c.others[0]!.reason.zh).toBe('所采用的事实期间更晚（2024年10月；此条为2024年1月）');
  });

  it('within a period: primary source, then reported over derived over assumed, then narrower, newer, publisher by name', async () => {
    const mirror = await fact({ publisher: 'Reuters (mirror)', published: '2024-12-01' });
    const assumed = await fact({ publisher: 'Analyst A', kind: 'assumption' });
    const derived = await fact({ publisher: 'Analyst B', kind: 'derived', derivedFrom: { inputs: [mirror.id], formula: mirror.id } });
    const wide = await fact({ publisher: 'Outlet W', value: 'about $6.6 billion' });
    const old = await fact({ publisher: 'Outlet O', published: '2024-10-01' });
    const best = await fact({ publisher: 'Outlet B', published: '2024-10-03' });
    const twin = await fact({ publisher: 'Outlet A', published: '2024-10-03' }); // recorded after best, first by name
    const all = [mirror, assumed, derived, wide, old, best, twin];
    for (const order of [all, [...all].reverse()]) {
      const c = chooseFact(order)!;
      expect(c.chosen).toBe(twin);
      expect(c.others.map((o) => [o.fact.id, o.criterion])).toEqual([
        [best.id, 'publisher'],
        [old.id, 'published'],
        [wide.id, 'uncertainty'],
        [derived.id, 'kind'],
        [assumed.id, 'kind'],
        [mirror.id, 'primary_source'],
      ]);
      const why = new Map(c.others.map((o) => [o.fact.id, o.reason]));
      expect(why.get(mirror.id)!.en).toBe('the one used comes from a primary source (Outlet A); this one at second hand (Reuters (mirror))');
      expect(why.get(mirror.id)!.zh).toBe('所采用的事实来自原始来源（Outlet A）；此条是转载（Reuters（镜像页面））');
      expect(why.get(best.id)!.en).toBe('the two are equal on every earlier criterion of the rule; the one used comes first in the alphabetical order of publishers (Outlet A; this one Outlet B)');
      expect(why.get(best.id)!.zh).toBe('两者在规则的前述各项标准上都相同，按来源名称的字母顺序取前者（Outlet A；此条为Outlet B）');
      expect(why.get(derived.id)!.en).toBe('the one used is reported by a source; this one derived');
      expect(why.get(assumed.id)!.zh).toBe('所采用的事实是来源报道值，此条是假设');
      expect(why.get(wide.id)!.en).toMatch(/^the one used is more precise \(its 90% range is 0% of its median; this one's \d+(\.\d+)?%\)$/);
      expect(why.get(old.id)!.en).toBe('the one used was published later (2024-10-03; this one 2024-10-01)');
    }
    expect(relativeWidth(wide)).toBeGreaterThan(0);
    expect(writtenPrecision(best)).toBe(writtenPrecision(twin));
  });

  it('takes a dated source before an undated one, even when the undated one is a point and the dated ones a range', async () => {
    // A new user's trial: "600.000.000 Euro" from an unknown, undated page beat four dated outlets' "close to $6.5 billion".
    const undated = await fact({ value: '$6.9 billion', source: { publisher: 'Some page' } });
    const dated = await fact({ publisher: 'Outlet D', value: 'close to $6.5 billion', published: '2024-10-05' });
    for (const order of [[undated, dated], [dated, undated]]) {
      const c = chooseFact(order)!;
      expect(c.chosen).toBe(dated);
      expect(c.others[0]!.criterion).toBe('dated');
      expect(c.others[0]!.reason.en).toBe("the one used has a dated source (Outlet D, 2024-10-05); this one's source has no date (Some page), so it cannot be placed in time");
      expect(c.others[0]!.reason.zh).toBe('所采用的事实来源注明了日期（Outlet D，2024-10-05）；此条来源无日期（Some page），无法确定其时间');
    }
  });

  it('takes the figure written to more digits before a newer or later-recorded one that may be it rounded', async () => {
    const fine = await fact({ publisher: 'TechCrunch', value: '$73.6 million', period: '2024-01', published: '2024-01-04' });
    const rounded = await fact({ publisher: 'Bloomberg', value: '$74 million', period: '2024-01', published: '2024-01-05' });
    for (const order of [[fine, rounded], [rounded, fine]]) {
      const c = chooseFact(order)!;
      expect(c.chosen).toBe(fine);
      expect(c.others[0]!.criterion).toBe('precision');
      expect(c.others[0]!.reason.en).toBe('the one used is written to more digits ("$73.6 million"; this one "$74 million", which may be it rounded)');
      expect(c.others[0]!.reason.zh).toBe('所采用的数字写得更精细（“$73.6 million”；此条为“$74 million”，可能是其四舍五入）');
    }
  });

  it('between outlets that agree, chooses by what the facts say, not by when they were recorded', async () => {
    // A new user's trial (T12): the same round by Reuters and Bloomberg, same day; re-importing in another order named the other source.
    const reuters = await fact({ publisher: 'Reuters', value: '$645 million', period: '2024-06', published: '2024-06-11', createdAt: '2025-03-01T00:00:00.001Z' });
    const bloomberg = await fact({ publisher: 'Bloomberg', value: '$640 million', period: '2024-06', published: '2024-06-11', createdAt: '2025-03-01T00:00:00.000Z' });
    const recordedFirst = chooseFact([reuters, bloomberg])!;
    expect(recordedFirst.chosen).toBe(bloomberg);
    expect(recordedFirst.others[0]!.criterion).toBe('publisher');
    const bloombergAgain = await fact({ publisher: 'Bloomberg', value: '$640 million', period: '2024-06', published: '2024-06-11', createdAt: '2025-03-02T00:00:00.000Z' });
    expect(chooseFact([bloombergAgain, reuters])!.chosen).toBe(bloombergAgain); // recorded later than Reuters now, still chosen
    // Later publication still comes first.
    const later = await fact({ publisher: 'Reuters', value: '$645 million', period: '2024-06', published: '2024-06-12' });
    expect(chooseFact([bloomberg, later])!.others[0]!.criterion).toBe('published');
  });

  it('compares digits only between figures of one currency and unit', async () => {
    // A new user's trial (T9): "> $500M" was "written to more digits" than "超5亿欧元".
    const usd = await fact({ publisher: 'TechCrunch', value: '> $500M', period: '2024-06', published: '2024-06-10' });
    const eur = await fact({ publisher: '36Kr', value: '超5亿欧元', period: '2024-06', published: '2024-06-11' });
    expect(relativeWidth(usd)).toBeCloseTo(relativeWidth(eur), 9);
    expect(writtenPrecision(usd)).toBeGreaterThan(writtenPrecision(eur));
    for (const order of [[usd, eur], [eur, usd]]) {
      const c = chooseFact(order)!;
      expect(c.chosen).toBe(eur);
      expect(c.others[0]!.criterion).toBe('published');
      expect(c.others[0]!.reason.en).toBe('the one used was published later (2024-06-11; this one 2024-06-10)');
    }
    // A count is not a sum of money either; the same currency per month and per year are not compared.
    const monthly = await fact({ metric: 'price', value: '$19.99/month', period: '2024-06', published: '2024-06-10', publisher: 'P1' });
    const yearly = await fact({ metric: 'price', value: '$200/year', period: '2024-06', published: '2024-06-11', publisher: 'P2' });
    expect(chooseFact([monthly, yearly])!.others[0]!.criterion).toBe('published');
  });

  it('names the finer figure of the same currency when the one used is in another, and never depends on the order', async () => {
    // Digits compared only within a currency make the pairwise order circular: $73.6M beats $74M on digits,
    // $74M beats €68M on date, €68M beats $73.6M on date. The rule runs on the set: each criterion keeps the best.
    const fine = await fact({ publisher: 'TechCrunch', value: '$73.6 million', period: '2024-01', published: '2024-01-04' });
    const rounded = await fact({ publisher: 'Bloomberg', value: '$74 million', period: '2024-01', published: '2024-01-06' });
    const euro = await fact({ publisher: 'Les Echos', value: '€68 million', period: '2024-01', published: '2024-01-05' });
    const orders = [[fine, rounded, euro], [fine, euro, rounded], [rounded, fine, euro], [rounded, euro, fine], [euro, fine, rounded], [euro, rounded, fine]];
    for (const order of orders) {
      const c = chooseFact(order)!;
      expect(c.chosen).toBe(euro);
      expect(c.others.map((o) => [o.fact.id, o.criterion])).toEqual([
        [fine.id, 'published'],
        [rounded.id, 'precision'],
      ]);
      const r = c.others[1]!;
      expect(r.setAsideFor).toBe(fine);
      expect(r.reason.en).toBe(
        'TechCrunch writes it to more digits in the same currency and unit ("$73.6 million"; this one "$74 million", which may be it rounded); the one used is in another currency or unit, whose digits are not compared with these',
      );
      expect(r.reason.zh).toBe('TechCrunch以相同币种和单位给出了写得更精细的数字（“$73.6 million”；此条为“$74 million”，可能是其四舍五入）；所采用的事实币种或单位不同，位数无从比较');
    }
  });

  it('orders the others as choosing again among what is left would, in any order of the input', async () => {
    const values = ['$73.6 million', '$74 million', '€68 million', '€68.2 million', '约5亿元', '$70 million', 'about $72 million'];
    const days = ['2024-01-04', '2024-01-05', '2024-01-06'];
    const pool: Fact[] = [];
    for (let i = 0; i < 21; i++) pool.push(await fact({ publisher: `Wire ${String.fromCharCode(65 + (i % 5))}`, value: values[i % values.length]!, period: '2024-01', published: days[i % days.length]! }));
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 20; round++) {
      const input = pool.filter(() => random() < 0.6).sort(() => random() - 0.5);
      if (!input.length) continue;
      const c = chooseFact(input)!;
      const again: Fact[] = [];
      for (let left = [...input]; left.length; ) {
        const next = chooseFact(left)!.chosen;
        again.push(next);
        left = left.filter((f) => f !== next);
      }
      expect([c.chosen, ...c.others.map((o) => o.fact)].map((f) => f.id)).toEqual(again.map((f) => f.id));
      expect(chooseFact([...input].reverse())!.chosen).toBe(c.chosen);
      // each reason is true of the one it names: the one used, or the finer figure of the same currency
      for (const o of c.others) {
        const by = o.setAsideFor ?? c.chosen;
        if (o.criterion === 'uncertainty') expect(relativeWidth(by)).toBeLessThan(relativeWidth(o.fact));
        if (o.criterion === 'precision') {
          expect(by.figure.unit).toBe(o.fact.figure.unit);
          expect(writtenPrecision(by)).toBeGreaterThan(writtenPrecision(o.fact));
        }
        if (o.criterion === 'published') expect(by.source.published! > o.fact.source.published!).toBe(true);
        if (o.criterion === 'publisher') expect(by.source.publisher.toLowerCase() < o.fact.source.publisher.toLowerCase()).toBe(true);
        expect(o.criterion).not.toBe('tie');
      }
    }
  });

  it('puts facts an analysis derived after first-hand ones when asked, and names what was derived from the one used', async () => {
    const reported = await fact({ period: '2024-06', publisher: 'Outlet R' });
    const saved = await fact({ period: '2024-10', publisher: 'Shakeout', kind: 'derived', derivedFrom: { inputs: [reported.id], formula: reported.id } });
    expect(chooseFact([reported, saved])!.chosen).toBe(saved);
    const c = chooseFact([reported, saved], { firstHandFirst: true })!;
    expect(c.chosen).toBe(reported);
    expect(c.others[0]!.criterion).toBe('derived_from_used');
    expect(c.others[0]!.reason.en).toBe('this one was derived from the one used, so it agrees with it by construction');
  });

  it("applies a caller's preference before the period, with the caller's reason", async () => {
    const a = await fact({ period: '2024-01', scope: 'main' });
    const b = await fact({ period: '2024-10', scope: 'other' });
    const c = chooseFact([a, b], { prefer: { rank: (f) => (f.scope === 'main' ? 0 : 1), reason: () => ({ en: 'main method first', zh: '主方法优先' }) } })!;
    expect(c.chosen).toBe(a);
    expect(c.others[0]).toMatchObject({ criterion: 'preference', reason: { en: 'main method first', zh: '主方法优先' } });
  });

  it('breaks a full tie (same publisher, same date) by id, so the order of the input does not matter', async () => {
    const at = '2025-02-01T00:00:00.000Z';
    const a = await fact({ id: 'tie-a', createdAt: at, publisher: 'Same', published: '2024-10-02' });
    const b = await fact({ id: 'tie-b', createdAt: at, publisher: 'Same', published: '2024-10-02' });
    expect(chooseFact([b, a])!.chosen.id).toBe('tie-a');
    expect(chooseFact([a, b])!.others[0]!.criterion).toBe('tie');
  });
});
