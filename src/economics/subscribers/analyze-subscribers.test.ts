import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../ledger/index.js';
import type { Store } from '../../ledger/index.js';
import { analyzeSubscribers } from './analyze-subscribers.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

const env = { sampleCount: 20_000, seed: 42 };

describe('analyzeSubscribers on the bundled data (ChatGPT)', () => {
  it('reads the latest per-store revenue, the price and the facts own basis (gross)', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { env });
    expect(a.kind).toBe('subscribers');
    expect(a.subject).toBe('chatgpt');
    expect(a.details.stores.map((s) => s.factId)).toEqual(['F18', 'F20']);
    expect(a.details.price).toEqual({ factId: 'F21', monthly: { value: 19.99, unit: 'USD', per: 'month' } });
    expect(a.details.basis).toEqual({ requested: null, recorded: ['gross'], used: 'gross' });
    expect(a.details.months).toBe(1);
    expect(a.estimates.map((e) => e.id)).toEqual(['subscribers.gross', 'run_rate.gross']);
  });

  it('reproduces the article: 750k subscribers and $180M a year if gross', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { env });
    const g = a.details.readings[0]!;
    expect(g.point.subscribers).toBeCloseTo(15e6 / 19.99, 6); // 750,375
    expect(Math.round(g.point.subscribers)).toBe(750375);
    expect(g.point.annualRunRate).toEqual({ value: 1.8e8, unit: 'USD', per: 'year' });
    expect(g.formula.subscribers).toBe('(F18 + F20) / F21');
  });

  it('gives a 90% interval from the ~30% vendor error, around the point figure', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { env });
    const s = a.estimates.find((e) => e.id === 'subscribers.gross')!;
    // median within 5% of 750k (the sum of two lognormal errors nudges it up a little)
    expect(s.p50 / 750375).toBeGreaterThan(0.97);
    expect(s.p50 / 750375).toBeLessThan(1.05);
    expect(s.p5).toBeGreaterThan(350e3);
    expect(s.p5).toBeLessThan(550e3);
    expect(s.p95).toBeGreaterThan(1.1e6);
    expect(s.p95).toBeLessThan(1.6e6);
    expect(s.inputs.map((i) => i.id)).toEqual(['F18', 'F20', 'F21', 'vendor-error']);
    expect(a.assumptions.find((x) => x.id === 'vendor-error')!.value!.spec).toMatchObject({ family: 'lognormal', mu: 0 });
  });

  it('is deterministic under a seed', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { env });
    const b = await analyzeSubscribers(store, 'ChatGPT', { env });
    expect(a.estimates[0]!.p50).toBe(b.estimates[0]!.p50);
    const c = await analyzeSubscribers(store, 'ChatGPT', { env: { sampleCount: 20_000, seed: 43 } });
    expect(c.estimates[0]!.p50).not.toBe(a.estimates[0]!.p50);
  });

  it('if net: 1.07M at 30%, 883k at 15%, and the mixed reading by store between them', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { basis: 'net', env });
    const r = Object.fromEntries(a.details.readings.map((x) => [x.id, x]));
    expect(Object.keys(r)).toEqual(['net_30', 'net_15', 'net_rules']);
    expect(r.net_30!.point.subscribers).toBeCloseTo(15e6 / 0.7 / 19.99, 3); // 1,071,964
    expect(Math.round(r.net_30!.point.grossMonthly.value / 1e5) / 10).toBe(21.4);
    expect(r.net_15!.point.subscribers).toBeCloseTo(15e6 / 0.85 / 19.99, 3); // 882,794
    expect(Math.round(r.net_30!.point.subscribers / 1e4)).toBe(107);
    expect(Math.round(r.net_15!.point.subscribers / 1e3)).toBe(883);
    // App Store 30%/15% by tenure (mean share 12.5% past the first year), Play 15%
    const mid = 0.3 * 0.875 + 0.15 * 0.125;
    expect(r.net_rules!.point.subscribers).toBeCloseTo((12e6 / (1 - mid) + 3e6 / 0.85) / 19.99, 3);
    expect(r.net_rules!.commission.google_play).toMatch(/^15%/);
    expect(r.net_rules!.point.subscribers).toBeGreaterThan(r.net_15!.point.subscribers);
    expect(r.net_rules!.point.subscribers).toBeLessThan(r.net_30!.point.subscribers);
    const est = a.estimates.find((e) => e.id === 'subscribers.net_30')!;
    expect(est.p50 / 1.072e6).toBeGreaterThan(0.97);
    expect(est.p50 / 1.072e6).toBeLessThan(1.05);
  });

  it("basis 'unknown' carries both readings and says so", async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { basis: 'unknown', env });
    expect(a.details.readings.map((r) => r.id)).toEqual(['gross', 'net_30', 'net_15', 'net_rules']);
    expect(a.estimates).toHaveLength(8);
    expect(a.assumptions.map((x) => x.id)).toContain('basis-unknown');
  });

  it('states what the article left out, in English and Chinese', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { env });
    const ids = a.assumptions.map((x) => x.id);
    for (const id of ['one-monthly-plan', 'no-annual-plans', 'regional-prices', 'vat-in-prices', 'trials-refunds', 'web-subscriptions']) expect(ids).toContain(id);
    for (const x of a.assumptions) {
      expect(x.text.zh.length).toBeGreaterThan(0);
      expect(x.rationale.en.length).toBeGreaterThan(0);
    }
  });

  it('says the article rounds $180M to $200M (F23) and cross-checks Appfigures ($491K a day net ≈ $14.7M a month)', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { env });
    const f23 = a.details.articleFigures.find((c) => c.factId === 'F23')!;
    expect(f23.recorded).toBe(2e8);
    expect(f23.computed).toBe(1.8e8);
    expect(f23.text.en).toMatch(/\$200M.*\$180M/);
    expect(a.details.articleFigures.find((c) => c.factId === 'F22')!.ratio).toBeCloseTo(750000 / 750375, 6);
    const x = a.details.crossChecks[0]!;
    expect(x.factId).toMatch(/^ref-chatgpt-subscription-revenue-2024-05/);
    expect(x.monthly.value).toBeCloseTo(491000 * 30.436875, 0);
    expect(x.text.en).toContain('$14.7M');
    expect(a.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['F18', 'F20', 'F21', 'F23']));
  });

  it('finds the revenue from the plan (ChatGPT Plus) through its parent, and fails clearly without any', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT Plus', { env: { sampleCount: 100, seed: 1 } });
    expect(a.details.stores.map((s) => s.factId)).toEqual(['F18', 'F20']);
    await expect(analyzeSubscribers(store, 'MiniMax', { env: { sampleCount: 100, seed: 1 } })).rejects.toThrow(/no subscription_revenue facts with scope app_store or google_play/);
    await expect(analyzeSubscribers(store, 'ChatGTP', { env: { sampleCount: 100, seed: 1 } })).rejects.toThrow(/unknown entity/);
  });

  it('gives every commission text in English and Chinese', async () => {
    const a = await analyzeSubscribers(store, 'ChatGPT', { basis: 'unknown', env });
    const r = Object.fromEntries(a.details.readings.map((x) => [x.id, x]));
    expect(r.gross!.commissionText.app_store).toEqual({ en: '0% (gross)', zh: '0%（按总额计）' });
    expect(r.net_rules!.commissionText.app_store).toEqual({ en: '30%/15% by tenure (≈28.1%)', zh: '按订阅时长30%/15%（约28.1%）' });
    expect(r.net_rules!.commission.app_store).toBe('30%/15% by tenure (≈28.1%)');
    expect(r.net_rules!.commissionText.google_play!.zh).toBe('15%（不论订阅时长）');
    for (const x of a.details.readings) {
      for (const t of Object.values(x.commissionText)) expect(t!.zh).not.toMatch(/[A-Za-z]{4,}/);
    }
    const tenure = a.assumptions.find((x) => x.id === 'app-store-tenure-share')!;
    expect(tenure.text.zh).not.toMatch(/[A-Za-z]{12,}/);
    expect(tenure.rationale.en).toContain('2023-05-18');
    expect(a.details.stores[0]!.launch).toMatchObject({ launched: '2023-05-18', monthsSinceLaunch: 12, tenureShareHigh: 0.25 });
  });
});

describe('analyzeSubscribers takes the tenure mix from each app\'s launch', () => {
  let s2: Store;
  beforeAll(async () => {
    s2 = await openStore({ path: ':memory:' });
    await s2.addFact({
      entity: 'claude', metric: 'price', value: '20美元', per: 'month', period: 'as of 2024-05', scope: 'app_store', kind: 'reported',
      source: { publisher: 'Anthropic', title: 'Claude Pro pricing', published: '2024-05-01' },
    });
  });
  afterAll(async () => {
    await s2.close();
  });

  it('Claude (iOS app launched 2024-05-01): no subscriber past a year, so 30%, not 28.1%', async () => {
    const a = await analyzeSubscribers(s2, 'Claude', { basis: 'net', env: { sampleCount: 2000, seed: 1 } });
    const sr = a.details.stores.find((x) => x.store === 'app_store')!;
    expect(sr.launch).toMatchObject({ launched: '2024-05-01', tenureShareHigh: 0 });
    expect(sr.launch.monthsSinceLaunch).toBeLessThan(12);
    const rules = a.details.readings.find((x) => x.id === 'net_rules')!;
    expect(rules.commission.app_store).toBe('30% (app launched 2024-05-01: no subscriber past a first paid year)');
    expect(rules.commissionText.app_store!.zh).toBe('30%（应用于2024-05-01上线，尚无用户付费满一年）');
    const n30 = a.details.readings.find((x) => x.id === 'net_30')!;
    expect(rules.point.subscribers).toBeCloseTo(n30.point.subscribers, 9);
    expect(rules.formula.subscribers).not.toContain('c_app_store');
    const est = a.estimates.find((e) => e.id === 'subscribers.net_rules')!;
    expect(est.formula).not.toContain('s_app_store');
    const tenure = a.assumptions.find((x) => x.id === 'app-store-tenure-share')!;
    expect(tenure.text.en).toMatch(/no subscriber can have paid for a year: everyone pays the first-year 30%/);
    expect(tenure.text.zh).toMatch(/不可能有用户付费满一年/);
    expect(tenure.rationale.en).toContain('2024-05-01');
  });

  it('an app whose launch is unknown: says so and uses the first-year rate, with an assumption', async () => {
    await s2.addFact({
      entity: 'moonshot-ai', metric: 'subscription_revenue', value: '$100K', period: '2024-05', scope: 'app_store', basis: 'net', kind: 'reported',
      source: { publisher: 'Test', title: 'made up for the test', published: '2024-06-01' },
    });
    await s2.addFact({
      entity: 'moonshot-ai', metric: 'price', value: '$10', per: 'month', period: 'as of 2024-05', kind: 'reported',
      source: { publisher: 'Test', title: 'made up for the test', published: '2024-06-01' },
    });
    const a = await analyzeSubscribers(s2, 'Moonshot AI', { env: { sampleCount: 500, seed: 1 } });
    const rules = a.details.readings.find((x) => x.id === 'net_rules')!;
    expect(rules.commission.app_store).toBe('30% (first-year rate: app launch date unknown)');
    expect(rules.commissionText.app_store!.zh).toBe('30%（应用上线日期不明，按首年费率计）');
    const x = a.assumptions.find((y) => y.id === 'app-launch-unknown')!;
    expect(x.text.en).toMatch(/launch date of Moonshot AI's app in App Store is not known.*first paid year \(App Store 30%\)/);
    expect(x.text.zh).toContain('上线日期不明');
    expect(a.estimates.find((e) => e.id === 'subscribers.net_rules')!.inputs.map((i) => i.id)).toContain('app-launch-unknown');
  });

  it('a price in euros is put in dollars at the rate of its own period (2024-05: 0.9251 EUR per USD), and the notes say so', async () => {
    const src = { publisher: 'Test', title: 'made up for the test', published: '2024-06-01' };
    await s2.addFact({ entity: 'stability-ai', metric: 'subscription_revenue', value: '$100K', period: '2024-05', scope: 'app_store', basis: 'gross', kind: 'reported', source: src });
    const price = await s2.addFact({ entity: 'stability-ai', metric: 'price', value: '€9.99', per: 'month', period: 'as of 2024-05', kind: 'reported', source: src });
    const a = await analyzeSubscribers(s2, 'Stability AI', { env: { sampleCount: 500, seed: 1 } });
    const usdPrice = 9.99 / 0.9251;
    expect(a.details.price.factId).toBe(price.id);
    expect(a.details.price.monthly.unit).toBe('USD');
    expect(a.details.price.monthly.value).toBeCloseTo(usdPrice, 6);
    const g = a.details.readings.find((r) => r.id === 'gross')!;
    expect(g.point.subscribers).toBeCloseTo(100_000 / usdPrice, 3);
    // the draws are in dollars too: the median is near the point, not 8% off it
    expect(a.estimates.find((e) => e.id === 'subscribers.gross')!.p50 / g.point.subscribers).toBeGreaterThan(0.95);
    expect(a.estimates.find((e) => e.id === 'subscribers.gross')!.p50 / g.point.subscribers).toBeLessThan(1.05);
    const note = a.notes.find((n) => n.en.startsWith(`Converted: ${price.id} (€9.99)`))!;
    expect(note.en).toMatch(/2024-05/);
    expect(note.zh).toMatch(new RegExp(`^币种换算：${price.id}（€9.99）：.*欧元`));
  });

  it('a price in euros with no period is refused, naming the fact, not read as dollars', async () => {
    const src = { publisher: 'Test', title: 'made up for the test', published: '2024-06-01' };
    await s2.addFact({ entity: 'zhipu-ai', metric: 'subscription_revenue', value: '$50K', period: '2024-05', scope: 'app_store', basis: 'gross', kind: 'reported', source: src });
    const price = await s2.addFact({ entity: 'zhipu-ai', metric: 'price', value: '€9.99', per: 'month', period: null, kind: 'reported', source: src });
    await expect(analyzeSubscribers(s2, 'Zhipu AI', { env: { sampleCount: 200, seed: 1 } })).rejects.toThrow(new RegExp(`fact ${price.id}: EUR with no period cannot be converted to USD`));
  });

  it('chooses between two sources of one store and period by the choose rule, and says why', async () => {
    const base = { entity: 'baichuan-ai', metric: 'subscription_revenue', period: '2024-05', scope: 'app_store', basis: 'gross' as const, kind: 'reported' as const };
    const mirror = await s2.addFact({ ...base, value: '$200K', source: { publisher: 'Appfigures (mirror)', published: '2024-06-10' } });
    const primary = await s2.addFact({ ...base, value: '$210K', source: { publisher: 'Appfigures', published: '2024-06-02' } });
    await s2.addFact({ entity: 'baichuan-ai', metric: 'price', value: '$10', per: 'month', period: 'as of 2024-05', source: { publisher: 'Test', published: '2024-06-01' } });
    const a = await analyzeSubscribers(s2, 'Baichuan AI', { env: { sampleCount: 500, seed: 1 } });
    expect(a.details.stores.map((x) => x.factId)).toEqual([primary.id]);
    const note = a.notes.find((n) => n.en.startsWith('2 App Store revenue facts'))!;
    expect(note.en).toBe(`2 App Store revenue facts for 2024-05; used ${primary.id}, not ${mirror.id} (the one used comes from a primary source (Appfigures); this one at second hand (Appfigures (mirror)))`);
    expect(note.zh).toContain('此条是转载（Appfigures（镜像页面））');
  });
});

describe('analyzeSubscribers: how to add a missing fact, in the surface\'s words (trial T13)', () => {
  it('names the command on the command line, the request over HTTP, and what to record otherwise', async () => {
    const s = await openStore({ path: ':memory:', loadBundled: false });
    try {
      await s.addEntity({ id: 'le-chat', nameEn: 'Le Chat', nameZh: null, aliases: [], kind: 'product', parent: null, notes: null } as never);
      const message = async (hint?: 'cli' | 'api'): Promise<string> => {
        const e = await analyzeSubscribers(s, 'Le Chat', hint ? { hint } : {}).then(() => null, (x: Error) => x);
        return e!.message;
      };
      expect(await message('cli')).toMatch(/; add one with: shakeout facts add --entity "Le Chat" --metric subscription_revenue --scope app_store \.\.\.$/);
      const api = await message('api');
      expect(api).toMatch(/; add one with: POST \/api\/facts with entity "Le Chat", metric subscription_revenue, scope app_store \.\.\.$/);
      expect(api).not.toMatch(/--|shakeout /);
      expect(await message()).toMatch(/; record a subscription_revenue fact of Le Chat \(scope app_store\)$/);
    } finally {
      await s.close();
    }
  });
});
