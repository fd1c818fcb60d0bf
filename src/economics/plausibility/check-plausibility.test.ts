import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictsReport, openStore } from '../../ledger/index.js';
import type { Fact, Store } from '../../ledger/index.js';
import { checkPlausibility } from './check-plausibility.js';
import { evaluateFormula } from './evaluate-formula.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

describe('evaluateFormula', () => {
  const v = (id: string): number => ({ F18: 12e6, F20: 3e6, F21: 19.99, F3: 20.4e9, F4: 3.6e9 })[id]!;
  it('computes the derivations of the ledger', () => {
    expect(evaluateFormula('(F18 + F20) * 12', v)).toBe(1.8e8);
    expect(evaluateFormula('(F18 + F20) / F21', v)).toBeCloseTo(750375.19, 1);
    expect(evaluateFormula('F3 / F4', v)).toBeCloseTo(5.6667, 4);
    expect(evaluateFormula('(F18 + F20) x 12', v)).toBe(1.8e8);
    expect(evaluateFormula('-F20 + 2 * (F18 - F20)', v)).toBe(15e6);
  });
  it('says where a formula is wrong', () => {
    expect(() => evaluateFormula('(F18 + F20', v)).toThrow(/expected "\)", got the end/);
    expect(() => evaluateFormula('F18 +', v)).toThrow(/expected a number, a fact id or "\("/);
  });
});

describe('checkPlausibility on the bundled data', () => {
  it("flags the article's 90M Google Play downloads in one month against Appfigures' ~13M a month (~7x) as an error", async () => {
    const a = await checkPlausibility(store);
    const f = a.details.flags.find((x) => x.check === 'out_of_line' && x.facts.includes('F19'))!;
    expect(f.severity).toBe('error');
    expect(f.facts).toEqual(['F19', 'ref-chatgpt-downloads-2024-02-2024-11-google-play-appfigures']);
    expect(f.title.en).toMatch(/6\.9x/);
    expect(f.explanation.en).toMatch(/90M downloads a month/);
    expect(f.explanation.en).toMatch(/13M downloads a month/);
    expect(f.explanation.zh.length).toBeGreaterThan(0);
  });

  it("questions the article's unsourced 约232笔 (2023), not IT Juzi's sourced 696 (2024), and says the periods differ", async () => {
    const a = await checkPlausibility(store);
    const f = a.details.flags.find((x) => x.check === 'out_of_line' && x.facts.includes('F1'))!;
    expect(f.facts[0]).toBe('F1');
    expect(f.title.zh).toMatch(/^F1：中国AI领域投融资事件数/);
    expect(f.explanation.en).toMatch(/periods differ/);
    expect(f.explanation.en).toMatch(/F1 names no provider/);
    expect(f.explanation.zh).toMatch(/F1没有注明数据提供方/);
    expect(f.explanation.zh).not.toMatch(/使用ref-/);
  });
  it('writes flags in Chinese without entity ids, metric keys or English units', async () => {
    const a = await checkPlausibility(store);
    for (const f of a.details.flags) {
      const zh = f.title.zh + f.explanation.zh;
      expect(zh).not.toMatch(/chatgpt|china-ai-sector|genai-startups|google_play|\bmonths\b|\bvs\b|nominal USD|currency year/);
    }
  });
  it('surfaces the conflicts across sources (China 2023, generative AI 2023)', async () => {
    const a = await checkPlausibility(store);
    const conflicts = a.details.flags.filter((x) => x.check === 'conflict');
    expect(conflicts.map((c) => c.facts.join(' '))).toEqual(expect.arrayContaining(['F2 owid-ai-china-2023', 'F3 owid-genai-world-2023']));
    expect(conflicts.every((c) => c.severity === 'warning')).toBe(true);
    expect(conflicts.find((c) => c.facts.includes('F2'))!.explanation.en).toMatch(/currency year/);
  });

  it('flags F23: $200M written against (F18 + F20) x 12 = $180M, and a yearly rate made from one month', async () => {
    const a = await checkPlausibility(store);
    const d = a.details.flags.find((x) => x.check === 'derivation' && x.facts[0] === 'F23')!;
    expect(d.title.en).toBe('F23 is written $200M but its formula gives $180M');
    expect(d.explanation.en).toMatch(/\+11\.1%/);
    const m = a.details.flags.find((x) => x.check === 'mixed_periods' && x.facts[0] === 'F23')!;
    expect(m.facts).toEqual(['F23', 'F18', 'F20']);
    expect(m.explanation.en).toMatch(/run rate/);
    // F22 (75万 vs 750,375) and F5 (over 5x vs 5.67) are consistent
    expect(a.details.flags.some((x) => x.check === 'derivation' && (x.facts[0] === 'F22' || x.facts[0] === 'F5'))).toBe(false);
  });

  it("flags Sensor Tower's store revenue recorded as gross (disputed basis)", async () => {
    const a = await checkPlausibility(store);
    const ids = a.details.flags.filter((x) => x.check === 'disputed_basis').map((x) => x.facts[0]);
    expect(ids).toEqual(['F18', 'F20']);
  });

  it('counts by severity, errors first, and lists the facts involved', async () => {
    const a = await checkPlausibility(store);
    const { flags, counts } = a.details;
    expect(counts.error + counts.warning + counts.info).toBe(flags.length);
    expect(flags[0]!.severity).toBe('error');
    expect(a.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['F19', 'F23']));
    expect(new Set(flags.map((f) => f.id)).size).toBe(flags.length);
  });

  it('says which facts it could not compare with other sources, and why (en and zh), from the conflict report', async () => {
    const s = await openStore({ path: ':memory:', loadBundled: false });
    try {
      const round = { entity: 'zhipu-ai', metric: 'funding', scope: 'round', period: '1960' } as const;
      await s.addFact({ ...round, value: '$1 million', source: { publisher: 'A' } });
      const yuan = await s.addFact({ ...round, value: '100万元', source: { publisher: 'B' } });
      const { fx, cpi } = await s.tables();
      expect(conflictsReport(await s.listFacts(), fx, cpi).uncompared.map((u) => u.fact.id)).toEqual([yuan.id]);
      const a = await checkPlausibility(s);
      const u = a.details.flags.filter((x) => x.check === 'uncompared');
      expect(u).toHaveLength(1);
      expect(u[0]!.severity).toBe('info');
      expect(u[0]!.facts).toEqual([yuan.id]);
      expect(u[0]!.title.en).toBe('1 fact not compared with other sources: a table lacks a rate they need');
      expect(u[0]!.title.zh).toBe('1条事实未与其他来源比对：换算所需的汇率或物价数据缺失');
      expect(u[0]!.explanation.en).toMatch(/no CNY rate for 1960-01/);
      expect(u[0]!.explanation.zh).toMatch(/“100万元”.*：汇率表缺少1960-01的人民币汇率/);
      expect(a.details.counts.info).toBeGreaterThanOrEqual(1);
    } finally {
      await s.close();
    }
  });

  it('flags revenue of unknown basis and out-of-line figures that are added later', async () => {
    const s = await openStore({ path: ':memory:' });
    try {
      await s.addFact({ entity: 'Claude', metric: 'subscription_revenue', value: '$40K', period: '2024-05', scope: 'app_store', source: { publisher: 'Some vendor' } });
      await s.addFact({ entity: 'Claude', metric: 'downloads', value: '1000万', period: '2024-05', scope: 'app_store', source: { publisher: 'Vendor A' } });
      await s.addFact({ entity: 'Claude', metric: 'downloads', value: '300万', period: '2024-05', scope: 'app_store', source: { publisher: 'Vendor B' } });
      const a = await checkPlausibility(s);
      const unknown = a.details.flags.find((x) => x.check === 'unknown_basis' && x.facts.length === 1 && x.title.en.includes('subscription revenue'))!;
      expect(unknown.severity).toBe('warning');
      const ool = a.details.flags.filter((x) => x.check === 'out_of_line' && x.title.en.includes('Claude'));
      // 1000万 vs 300万 in the same month: a conflict (they do not overlap), reported once, not twice
      expect(ool).toHaveLength(0);
      expect(a.details.flags.some((x) => x.check === 'conflict' && x.title.en.includes('Claude downloads'))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('raises on the article data the flags it raised before (the report depends on them)', async () => {
    const a = await checkPlausibility(store);
    expect(a.details.flags.map((f) => `${f.severity} ${f.id}`).sort()).toEqual([
      'error out_of_line:F19:ref-chatgpt-downloads-2024-02-2024-11-google-play-appfigures',
      // the article's 超百亿元 (over CNY 10B, ~$1.4B) against Bloomberg's "about $3bn" of the same month (bundled company facts)
      'warning conflict:F13:co-zhipu-ai-valuation-as-of-2024-05',
      'warning conflict:F2:owid-ai-china-2023',
      'warning conflict:F3:owid-genai-world-2023',
      'warning conflict:F4:owid-genai-world-2022',
      'warning conflict:owid-ai-china-2024:ref-china-ai-sector-financing-2024-it-juzi-it桔子',
      'warning derivation:F23:F18:F20',
      'warning disputed_basis:F18',
      'warning disputed_basis:F20',
      'warning mixed_periods:F23:F18:F20',
      'warning out_of_line:F1:ref-china-ai-sector-deals-2024-it-juzi-it桔子',
    ]);
    // app-store wording stays with app-store figures; deals are not an app-intelligence estimate
    const f1 = a.details.flags.find((x) => x.id.startsWith('out_of_line:F1:'))!;
    expect(f1.explanation.en).not.toMatch(/error of such estimates|Android/);
    expect(f1.explanation.en).toMatch(/A 3\.0x gap is more than such figures move from one period to the next/);
    expect(a.details.flags.find((x) => x.id.startsWith('out_of_line:F19:'))!.explanation.en).toMatch(/another scope such as all Android stores/);
  });
});

describe('checkPlausibility on funding rounds', () => {
  let s: Store;
  beforeAll(async () => {
    s = await openStore({ path: ':memory:', loadBundled: false });
  });
  afterAll(async () => {
    await s.close();
  });
  const round = (value: string, period: string, publisher: string, over: Record<string, unknown> = {}) =>
    s.addFact({ entity: 'Baichuan AI', metric: 'funding', scope: 'round', value, period, source: { publisher, published: `${period.slice(0, 7)}-28` }, ...over });

  it('never compares two rounds of one company as monthly rates', async () => {
    await round('$300 million', '2023-10', 'The Bamboo Works');
    await round('$5 million', '2024-02', 'Angel Weekly');
    // and a company funding fact without scope: also an event
    await s.addFact({ entity: 'Zhipu AI', metric: 'funding', value: '$400mn', period: '2024-05', source: { publisher: 'Bloomberg' } });
    await s.addFact({ entity: 'Zhipu AI', metric: 'funding', value: '$10mn', period: '2023-07', source: { publisher: 'Other' } });
    const a = await checkPlausibility(s);
    expect(a.details.flags.filter((x) => x.check === 'out_of_line')).toEqual([]);
    expect(a.details.flags.some((x) => /Android|app store|a month/i.test(x.title.en + x.explanation.en))).toBe(false);
  });

  it('flags one round whose linked sources disagree once, naming every source and the one analyses use', async () => {
    const a1 = await round('$691 million', '2024-07', 'Reuters');
    const a2 = await round('50亿元', '2024-07', 'Bloomberg (mirror)', { sameAs: a1.id });
    const a3 = await round('$900 million', '2024-07', 'Tech Blog', { sameAs: a1.id, source: { publisher: 'Tech Blog', published: '2024-07-02' } });
    const a = await checkPlausibility(s);
    const flags = a.details.flags.filter((x) => x.facts.includes(a3.id));
    expect(flags).toHaveLength(1);
    const f = flags[0]!;
    expect(f.check).toBe('conflict');
    expect([...f.facts].sort()).toEqual([a1.id, a2.id, a3.id].sort());
    expect(f.title.en).toMatch(/^Sources of one figure disagree: Baichuan AI funding \(round\), Jul 2024 \(1\.\d\dx apart\), 3 sources$/);
    for (const p of ['Reuters', 'Bloomberg', 'Tech Blog']) expect(f.explanation.en).toContain(p);
    expect(f.explanation.en).toContain('(all linked as the same)');
    expect(f.explanation.en).toMatch(/\. Yet Tech Blog and (Reuters|Bloomberg) do not agree within their stated precision/);
    expect(f.explanation.en).not.toMatch(/--/);
    const cli = (await checkPlausibility(s, { hint: 'cli' })).details.flags.find((x) => x.id === f.id)!;
    expect(cli.explanation.en).toContain('(all linked as the same by --same-as)');
    const api = (await checkPlausibility(s, { hint: 'api' })).details.flags.find((x) => x.id === f.id)!;
    expect(api.explanation.en).toContain('(all linked as the same (sameAs))');
    expect(f.explanation.zh).toContain('（均已标注为同一数字）');
    expect(f.explanation.en).toMatch(/Analyses count it once, using Reuters by the choose rule \(not Tech Blog: .*; not Bloomberg \(mirror\): the one used comes from a primary source/);
    expect(f.explanation.zh).toContain('分析只计一次');
    expect(f.title.zh + f.explanation.zh).not.toMatch(/same_as|mirror|via|round/);
    expect(f.title.zh).toMatch(/^同一数字的3个来源不一致：2024年7月/);
  });

  it("compares a figure's two readings through FX and flags a gap beyond 10%", async () => {
    const ok = await s.addFact({ entity: 'Moonshot AI', metric: 'funding', scope: 'round', value: '5 billion yuan ($691 million)', period: '2024-07', source: { publisher: 'A' } });
    const bad = await s.addFact({ entity: 'Moonshot AI', metric: 'funding', scope: 'round', value: '5 billion yuan ($900 million)', period: '2024-08', source: { publisher: 'B' } });
    const a = await checkPlausibility(s);
    const alt = a.details.flags.filter((x) => x.check === 'alternative_reading');
    expect(alt.map((x) => x.facts[0])).toEqual([bad.id]);
    expect(alt[0]!.severity).toBe('warning');
    expect(alt[0]!.explanation.en).toMatch(/reads (CN)?¥5B and, in brackets, \$900M; converted CNY->USD at [\d.]+ CNY per USD .*, the first is \$(69|70)\dM, 2\d% below the second/);
    expect(alt[0]!.explanation.zh).toContain('两者之一读错或写错');
    expect(a.details.flags.some((x) => x.facts.includes(ok.id))).toBe(false);
  });

  it('reads "600 million euros ($645 million)" as agreeing at June 2024\'s rate, and "600 million euros ($800 million)" as not', async () => {
    await s.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', nameZh: null, aliases: [], kind: 'company', parent: null, notes: null } as never);
    const ok = await s.addFact({ entity: 'Mistral AI', metric: 'funding', scope: 'round', value: '600 million euros ($645 million)', period: '2024-06', source: { publisher: 'Reuters' } });
    const bad = await s.addFact({ entity: 'Mistral AI', metric: 'valuation', value: '600 million euros ($800 million)', period: 'as of 2024-06', source: { publisher: 'Somewhere' } });
    const a = await checkPlausibility(s);
    const alt = a.details.flags.filter((x) => x.check === 'alternative_reading' && [ok.id, bad.id].includes(x.facts[0]!));
    expect(alt.map((x) => x.facts[0])).toEqual([bad.id]);
    expect(alt[0]!.explanation.en).toMatch(/converted EUR->USD at .*, the first is \$64\dM, 19% below the second/);
    expect(alt[0]!.explanation.zh).not.toMatch(/EUR->USD|converted/);
  });
});

describe('checkPlausibility on stored facts that break the value rules', () => {
  /**
   * The store with some of its facts as a ledger written by an older version,
   * or edited by hand, holds them: the rows are read as they are (new input
   * like them is refused, so they are made here by changing facts read back).
   */
  function withEdited(s: Store, edit: (f: Fact) => Fact | null): Store {
    return new Proxy(s, {
      get(target, p) {
        if (p === 'listFacts') return async (filter?: Parameters<Store['listFacts']>[0]) => (await target.listFacts(filter)).map((f) => edit(f) ?? f);
        const v = Reflect.get(target, p, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }

  it('flags each one as an error naming the rule it breaks, in English and Chinese; the bundled ledger has none', async () => {
    expect((await checkPlausibility(store)).details.flags.filter((f) => f.check === 'value_rule')).toEqual([]);
    const edited = withEdited(store, (f) => {
      if (f.id === 'F21') return { ...f, valueText: '19.99', figure: { ...f.figure, unit: 'count' } }; // a price with no currency
      if (f.id === 'F22') return { ...f, valueText: '$750,000', figure: { ...f.figure, unit: 'USD' } }; // subscribers in money
      if (f.id === 'F11') return { ...f, valueText: '-23亿美元', figure: { ...f.figure, value: -f.figure.value } }; // a valuation below zero
      if (f.id === 'F5') return { ...f, valueText: '-5.67倍', figure: { ...f.figure, value: -f.figure.value } }; // a multiple below zero
      return null;
    });
    const flags = (await checkPlausibility(edited)).details.flags.filter((f) => f.check === 'value_rule');
    expect(flags.map((f) => [f.facts[0], f.severity])).toEqual([['F11', 'error'], ['F21', 'error'], ['F22', 'error'], ['F5', 'error']].sort((a, b) => `value_rule:${a[0]}`.localeCompare(`value_rule:${b[0]}`)));
    const of = (id: string) => flags.find((f) => f.facts[0] === id)!;
    // the rule's own message (valueRuleProblem over METRIC_VALUE), as new input is refused with
    expect(of('F21').title.en).toBe('F21: price recorded as a number with no currency');
    expect(of('F21').explanation.en).toMatch(/expected price as money with its currency, such as "\$500 million".*got "19\.99", read as a number with no currency: a number alone is not taken as US dollars\. The ledger refuses such a value on new input/);
    expect(of('F21').explanation.zh).toMatch(/价格应为带币种的金额，例如“5亿元”.*这里记为“19\.99”，读作不带币种的数字：单独的数字不当作美元。账本对新录入的这种数值会拒绝/);
    expect(of('F22').explanation.en).toMatch(/expected subscribers as a count, .*got "\$750,000", read as money \(USD\)/);
    expect(of('F22').explanation.zh).toMatch(/应为数量，例如“250”“约120万”（不是金额、百分比或倍数），这里记为“\$750,000”，读作金额（美元）/);
    expect(of('F11').title).toEqual({ en: 'F11: valuation recorded below zero', zh: 'F11：估值记为负数' });
    expect(of('F11').explanation.en).toMatch(/expected valuation of at least 0 \(a valuation cannot be below zero\), got "-23亿美元"/);
    expect(of('F11').explanation.zh).toMatch(/估值不应小于0，这里记为“-23亿美元”/);
    // growth may be below zero as a percent (a decline), never as a multiple
    expect(of('F5').explanation.en).toMatch(/\(a multiple is never below zero\), got "-5\.67倍"/);
    expect(of('F5').explanation.zh).toMatch(/不应小于0（倍数不会是负数），这里记为“-5\.67倍”/);
    for (const f of flags) expect(f.explanation.zh).not.toMatch(/[a-z]{4,}_[a-z]+|expected|got /);
  });
});
