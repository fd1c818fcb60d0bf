import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledDataDir, openStore, type Store } from '../../ledger/index.js';
import { analyzeSurvival } from './analyze-survival.js';
import { readSurvivalAssumptions } from './survival-assumptions.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

const bundled = () => readSurvivalAssumptions(parse(readFileSync(join(bundledDataDir(), 'survival-assumptions.yaml'), 'utf8')), 'survival-assumptions.yaml');

describe('survival assumptions file', () => {
  it('ships the article\'s eight companies, each given input with a rationale, and only what the facts do not give', () => {
    const a = bundled();
    expect(a.companies.map((c) => c.company)).toEqual(['OpenAI', 'Anthropic', 'Inflection AI', 'Moonshot AI', 'MiniMax', 'Zhipu AI', 'Baichuan AI', 'Stability AI']);
    for (const c of a.companies) for (const k of ['cash', 'revenue', 'revenueGrowth', 'costs', 'costGrowth'] as const) if (c[k]) expect(c[k]!.rationale.length).toBeGreaterThan(10);
    const given = (name: string) => (['cash', 'revenue', 'revenueGrowth', 'costs', 'costGrowth'] as const).filter((k) => a.companies.find((c) => c.company === name)![k] !== null);
    expect(given('MiniMax')).toEqual([]);
    expect(given('Zhipu AI')).toEqual([]);
    expect(given('Anthropic')).toEqual(['revenueGrowth', 'costGrowth']);
    expect(a.asOf).toBe('2024-05');
  });
  it('collects every problem with where it is', () => {
    let err: unknown;
    try {
      readSurvivalAssumptions({ as_of: '2024-05', companies: [{ company: 'X', cash: '5B', revenue: { value: '1M' } }] }, 'mine.yaml');
    } catch (e) {
      err = e;
    }
    const issues = (err as { issues: { message: string }[] }).issues.map((i) => i.message);
    expect(issues).toContain('mine.yaml companies[0].cash: expected {value, rationale} with value a figure or a model expression, got "5B"');
    expect(issues).toContain('mine.yaml companies[0].revenue.rationale: every assumption needs a rationale (why this value)');
    expect(() => readSurvivalAssumptions({ as_of: '2024-05', companies: [{ company: 'X', burn: { value: '1M', rationale: 'r' } }] }, 'mine.yaml')).toThrow(/mine\.yaml companies\[0\]\.burn: unknown field/);
    // inputs are optional: the ledger gives the others
    expect(readSurvivalAssumptions({ as_of: '2024-05', companies: [{ company: 'X' }] }, 'mine.yaml').companies[0]!.costs).toBeNull();
  });
});

describe('analyzeSurvival on the bundled data', () => {
  it('ranks the article\'s companies, deterministically, with curves and drivers', async () => {
    const opts = { assumptions: bundled(), horizonMonths: 48, paths: 2000, seed: 11, climate: 'cold' as const };
    const a = await analyzeSurvival(store, opts);
    const b = await analyzeSurvival(store, opts);
    expect(a.kind).toBe('survival');
    expect(a.details.ranking.map((r) => r.id)).toEqual(b.details.ranking.map((r) => r.id));
    expect(a.details.companies.map((c) => c.survival)).toEqual(b.details.companies.map((c) => c.survival));
    // Inflection AI was out (licence and staff to Microsoft, 2024-03-19) before the file's start, 2024-05: listed, not ranked
    expect(a.details.companies).toHaveLength(7);
    expect(a.details.out.map((o) => [o.id, o.date, o.type])).toEqual([['inflection-ai', '2024-03-19', 'acquihire_license']]);
    expect(a.details.out[0]!.text.en).toMatch(/^Inflection AI: out since 2024-03-19 \(licence and staff to a larger company, .+\): not simulated\.$/);
    expect(a.details.out[0]!.text.zh).toMatch(/^Inflection AI：自2024年3月19日起已出局（技术授权并被大公司挖走团队，来源：.+），不参与模拟。$/);
    expect(a.details.ranking.map((r) => r.id)).not.toContain('inflection-ai');
    expect(a.details.ranking[0]!.rank).toBe(1);
    const id = (name: string) => a.details.ranking.findIndex((r) => r.id === name);
    // OpenAI (billions of cash, strong backers) ranks above Stability AI (little cash, turmoil)
    expect(id('openai')).toBeLessThan(id('stability-ai'));
    const stab = a.details.companies.find((c) => c.id === 'stability-ai')!;
    expect(stab.pOutWithin[24]!).toBeGreaterThan(0.3);
    expect(stab.drivers).toHaveLength(6);
    expect(a.estimates.some((e) => e.id === 'survival.openai.p_out_24')).toBe(true);
    // the inputs rest on the bundled facts where they give a value
    const bai = a.details.companies.find((c) => c.id === 'baichuan-ai')!;
    expect(bai.inputs.find((r) => r.input === 'cash')).toMatchObject({ status: 'derived' });
    expect(bai.inputs.find((r) => r.input === 'costs')!.text).toMatch(/x cost per head/);
    expect(a.assumptions.some((x) => x.id === 'survival.baichuan-ai.costPerHead')).toBe(true);
    // the start is said where the figures are: the file's as_of, and the facts of later periods it left aside
    const oa = a.details.companies.find((c) => c.id === 'openai')!;
    expect(oa.start).toMatchObject({ date: '2024-05', basis: 'assumptions', file: 'survival-assumptions.yaml' });
    expect(oa.start.leftAside.map((f) => f.id)).toContain('co-openai-funding-2024-10-round');
    expect(oa.start.text.en).toMatch(/^Inputs as of 2024-05, the start of the simulation \(set by survival-assumptions\.yaml\): \d+ later facts left aside: .*co-openai-funding-2024-10-round \(funding, Oct 2024, "[^"]+"\)/);
    expect(oa.start.text.zh).toMatch(/^输入数据截至2024年5月，即模拟的起点（由假设文件 survival-assumptions\.yaml 设定）：未采用\d+条期间更晚的事实：.*co-openai-funding-2024-10-round（融资额，2024年10月，“/);
    expect(a.details.startLines.some((l) => l.en.startsWith('OpenAI: Inputs as of 2024-05'))).toBe(true);
    const mm = a.details.companies.find((c) => c.id === 'minimax')!;
    expect(mm.inputs.map((r) => r.status)).toEqual(['derived', 'derived', 'derived', 'derived', 'derived']);
    expect(a.assumptions.filter((x) => x.id.startsWith('survival.minimax.')).map((x) => x.id)).toEqual(['survival.minimax.fundability']);
    for (const c of a.details.companies) expect(c.beyondHorizon).toBe(c.medianMonthOut === null);
  });

  it('gives each curve a 90% band that holds it, agrees with P(out within m months) and narrows with more paths', async () => {
    const run = (paths: number) => analyzeSurvival(store, { assumptions: bundled(), companies: ['Anthropic', 'OpenAI'], horizonMonths: 36, paths, seed: 3, climate: 'neutral' });
    const a = await run(1000);
    for (const c of a.details.companies) {
      expect(c.band90.lower).toHaveLength(37);
      expect(c.band90.upper).toHaveLength(37);
      c.survival.forEach((s, t) => {
        expect(c.band90.lower[t]!).toBeLessThanOrEqual(s);
        expect(c.band90.upper[t]!).toBeGreaterThanOrEqual(s);
        expect(c.band90.lower[t]!).toBeGreaterThanOrEqual(0);
        expect(c.band90.upper[t]!).toBeLessThanOrEqual(1);
      });
      const p24 = a.estimates.find((e) => e.id === `survival.${c.id}.p_out_24`)!;
      expect(1 - c.band90.upper[24]!).toBeCloseTo(p24.p5, 12);
      expect(1 - c.band90.lower[24]!).toBeCloseTo(p24.p95, 12);
    }
    const stab = a.details.companies.find((c) => c.id === 'anthropic')!;
    const s24 = stab.survival[24]!;
    expect(s24).toBeGreaterThan(0.05);
    expect(s24).toBeLessThan(0.95);
    expect(stab.band90.upper[24]! - stab.band90.lower[24]!).toBeCloseTo(2 * 1.6448536269514722 * Math.sqrt((s24 * (1 - s24)) / 1000), 12);
    const b = (await run(16_000)).details.companies.find((c) => c.id === 'anthropic')!;
    const w = (c: typeof b) => c.band90.upper[24]! - c.band90.lower[24]!;
    // 16 times the paths: a band about a quarter as wide (the shares differ a little between the runs)
    expect(w(b) / w(stab)).toBeGreaterThan(0.2);
    expect(w(b) / w(stab)).toBeLessThan(0.3);
  });

  it('simulates a subset by any name; a company the file does not name runs on its facts alone, or is left out naming each input it lacks', async () => {
    const a = await analyzeSurvival(store, { assumptions: bundled(), companies: ['月之暗面', 'anthropic', 'TCV', 'inflection'], horizonMonths: 24, paths: 500, seed: 1 });
    expect(a.details.companies.map((c) => c.id)).toEqual(['moonshot-ai', 'anthropic']);
    // TCV (an investor with no facts of its own) is listed with what it lacks, in words; the others are simulated
    expect(a.details.leftOut.map((x) => [x.id, x.lacking])).toEqual([['tcv', ['cash', 'revenue', 'revenueGrowth', 'costs', 'costGrowth']]]);
    expect(a.details.leftOut[0]!.text.en).toBe('TCV: not enough facts to simulate yet: missing cash, revenue, revenue growth, costs and cost growth.');
    expect(a.details.leftOut[0]!.text.zh).toMatch(/：目前事实不足，无法模拟：缺少现金、营收、营收增速、支出、支出增速。$/);
    expect(a.details.out.map((o) => o.id)).toEqual(['inflection-ai']);
    // the file does not name TCV: its start is its own latest facts, not the file's 2024-05
    expect(a.details.leftOut[0]!.start).toBeNull();
    // none can be simulated: an error naming each input it lacks and how to give it
    await expect(analyzeSurvival(store, { assumptions: bundled(), companies: ['TCV'], paths: 100 })).rejects.toThrow(/^no company can be simulated: TCV: the survival simulation needs cash \(give a cash fact, or funding rounds and a burn, spend or net_loss fact; or `cash` in the assumptions file\); the ledger gives none; TCV: the survival simulation needs revenue/);
    // MiniMax's five inputs all come from its prospectus figures and rounds: a file that does not name it is enough
    const none = readSurvivalAssumptions({ as_of: '2024-12', companies: [] }, 'empty.yaml');
    const m = await analyzeSurvival(store, { assumptions: none, companies: ['MiniMax'], horizonMonths: 24, paths: 500, seed: 1 });
    expect(m.details.companies[0]!.inputs.map((i) => i.status)).toEqual(['derived', 'derived', 'derived', 'derived', 'derived']);
    expect(m.assumptions.filter((x) => x.id.startsWith('survival.minimax.'))).toEqual([]);
  });

  it('does not cut the facts of a company the file does not name at the file\'s as_of: its own latest facts, said so', async () => {
    const named = await analyzeSurvival(store, { assumptions: bundled(), companies: ['OpenAI'], horizonMonths: 12, paths: 200, seed: 1 });
    expect(named.details.companies[0]!.start.leftAside.map((f) => f.id)).toContain('co-openai-funding-2024-10-round');
    const other = { ...bundled(), file: 'other.yaml', companies: bundled().companies.filter((x) => x.company !== 'OpenAI') };
    const a = await analyzeSurvival(store, { assumptions: other, companies: ['OpenAI', 'Anthropic'], horizonMonths: 12, paths: 200, seed: 1 });
    expect(a.details.companies.map((c) => c.start.basis)).toEqual(['assumptions']);
    // OpenAI, which other.yaml does not name, is read on all its facts: cash now comes from its October 2024 round,
    // and only cost growth is lacking (at 2024-05 cash and revenue growth were lacking too)
    expect(a.details.leftOut.map((x) => [x.id, x.start, x.lacking])).toEqual([['openai', null, ['costGrowth']]]);
    expect(a.details.leftOut[0]!.text.en).toBe('OpenAI: not enough facts to simulate yet: missing cost growth.');
    const cut = { ...bundled(), companies: bundled().companies.map((x) => (x.company === 'OpenAI' ? { ...x, cash: null, revenueGrowth: null, costGrowth: null } : x)) };
    const b = await analyzeSurvival(store, { assumptions: cut, companies: ['OpenAI', 'Anthropic'], horizonMonths: 12, paths: 200, seed: 1 });
    expect(b.details.leftOut.map((x) => [x.id, x.start, x.lacking])).toEqual([['openai', '2024-05', ['cash', 'revenueGrowth', 'costGrowth']]]);
  });

  it('a colder climate never raises survival for the bundled companies (same seed)', async () => {
    const run = async (climate: 'cold' | 'neutral' | 'hot') => (await analyzeSurvival(store, { assumptions: bundled(), horizonMonths: 36, paths: 1000, seed: 3, climate })).details.companies;
    const [cold, neutral, hot] = await Promise.all([run('cold'), run('neutral'), run('hot')]);
    cold.forEach((c, i) => {
      c.survival.forEach((s, m) => {
        expect(s).toBeLessThanOrEqual(neutral[i]!.survival[m]!);
        expect(neutral[i]!.survival[m]!).toBeLessThanOrEqual(hot[i]!.survival[m]!);
      });
    });
  });
});

describe('analyzeSurvival: cited facts, Chinese texts', () => {
  // Moonshot AI's costs, an assumption (no fact gives them), written against its valuation F11.
  const citing = () => readSurvivalAssumptions({
    as_of: '2024-05',
    companies: [{
      company: 'Moonshot AI',
      revenue: { value: '0.2M to 3M', rationale: 'r' },
      revenue_growth: { value: '5%', rationale: 'r' },
      costs: { value: '25M to 70M', rationale: 'a company valued like F11 spends about this', rationale_zh: '估值如 F11 的公司大致如此开支', facts: ['F11'] },
      cost_growth: { value: '0', rationale: 'r' },
    }],
  }, 'mine.yaml');
  it('follows a correction of a cited fact to the current one and says the figure changed', async () => {
    const s = await openStore({ path: ':memory:' });
    try {
      await s.correctFact('F11', { id: 'F11-fix', value: '约25亿美元', source: { publisher: 'Some Wire', published: '2024-12-01' } });
      const a = await analyzeSurvival(s, { assumptions: citing(), companies: ['Moonshot AI'], horizonMonths: 12, paths: 200, seed: 1 });
      const ids = a.facts.map((f) => f.id);
      expect(ids).toContain('F11-fix');
      expect(ids).not.toContain('F11');
      const cash = a.assumptions.find((x) => x.id === 'survival.moonshot-ai.costs')!;
      expect(cash.rationale.en).toMatch(/F11 has since been corrected: F11-fix, 约25亿美元 \(was over \$2\.3B\)/);
      expect(cash.rationale.zh).toMatch(/F11 其后已更正为 F11-fix：约25亿美元（原为 超23亿美元）/);
      const note = a.notes.find((n) => /F11-fix/.test(n.en))!;
      expect(note.en).toMatch(/cites F11 \(over \$2\.3B\), since corrected by F11-fix \(约25亿美元\); the figure changed/);
      expect(note.zh).toMatch(/已被 F11-fix（约25亿美元）更正/);
    } finally {
      await s.close();
    }
  });

  it('cites the fact itself when it was never corrected, with no note', async () => {
    const a = await analyzeSurvival(store, { assumptions: citing(), companies: ['Moonshot AI'], horizonMonths: 12, paths: 200, seed: 1 });
    expect(a.facts.map((f) => f.id)).toContain('F11');
    expect(a.notes.some((n) => /corrected/.test(n.en))).toBe(false);
  });

  it('ledgerCompanies: a ledger company the file does not name is simulated on its facts or left out saying what it lacks', async () => {
    const own = await openStore({ path: ':memory:' });
    try {
      await own.addEntity({ id: 'sakana-ai', nameEn: 'Sakana AI', kind: 'company' });
      await own.addFact({ entity: 'Sakana AI', metric: 'funding', value: '200億円', period: '2024-09', scope: 'round', source: { publisher: 'Nikkei', published: '2024-09-04' } });
      // a company whose only figure is on its app: it has facts too, and is listed with what it lacks
      await own.addEntity({ id: 'hanul-labs', nameEn: 'Hanul Labs', kind: 'company' });
      await own.addEntity({ id: 'hanul-chat', nameEn: 'Hanul Chat', kind: 'product', parent: 'hanul-labs' });
      await own.addFact({ entity: 'Hanul Chat', metric: 'revenue', value: '$900,000', period: '2024-04', source: { publisher: 'Appfigures', published: '2024-05-02' } });
      const a = await analyzeSurvival(own, { assumptions: bundled(), ledgerCompanies: true, horizonMonths: 36, paths: 500, seed: 3, climate: 'cold' });
      // without the option, the file's companies only, as before
      const b = await analyzeSurvival(own, { assumptions: bundled(), horizonMonths: 36, paths: 500, seed: 3, climate: 'cold' });
      expect(b.details.leftOut.map((x) => x.id)).not.toContain('sakana-ai');
      const left = a.details.leftOut.find((x) => x.id === 'sakana-ai');
      expect(left, JSON.stringify(a.details.leftOut.map((x) => x.id))).toBeDefined();
      expect(left!.lacking.length).toBeGreaterThan(0);
      expect(left!.text.en).toMatch(/^Sakana AI/);
      expect(a.details.ranking.map((r) => r.id)).not.toContain('sakana-ai');
      expect(a.details.leftOut.find((x) => x.id === 'hanul-labs')?.lacking.length).toBeGreaterThan(0);
      // the bundled companies are as before: the file's, Inflection AI out
      expect(a.details.companies).toHaveLength(7);
    } finally {
      await own.close();
    }
  });

  it('titles a run of one company in the singular (en) and counts it in Chinese', async () => {
    const a = await analyzeSurvival(store, { assumptions: bundled(), companies: ['OpenAI'], horizonMonths: 36, paths: 500, seed: 3, climate: 'cold' });
    expect(a.title.en).toBe('The shakeout: survival of 1 company over 36 months (cold climate)');
    expect(a.title.zh).toBe('洗牌：1 家公司 36 个月的存活（融资环境：寒冷）');
    const b = await analyzeSurvival(store, { assumptions: bundled(), companies: ['OpenAI', 'Anthropic'], horizonMonths: 1, paths: 500, seed: 3, climate: 'cold' });
    expect(b.title.en).toBe('The shakeout: survival of 2 companies over 1 month (cold climate)');
  });

  it('carries Chinese rationales, Chinese climate names and the median month in Chinese', async () => {
    const file = bundled();
    for (const c of file.companies) {
      for (const k of ['cash', 'revenue', 'revenueGrowth', 'costs', 'costGrowth'] as const) if (c[k]) expect(c[k]!.rationaleZh, `${c.company}.${k}`).toMatch(/[\u4e00-\u9fff]/);
      expect(c.fundability?.rationaleZh).toMatch(/[\u4e00-\u9fff]/);
    }
    const a = await analyzeSurvival(store, { assumptions: file, horizonMonths: 60, paths: 1000, seed: 2, climate: 'cold' });
    for (const x of a.assumptions) {
      expect(x.rationale.zh, x.id).not.toMatch(/[A-Za-z]{12,}/);
      expect(x.rationale.zh, x.id).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(a.assumptions.find((x) => x.id === 'survival.openai.cash')!.rationale.zh).toMatch(/^微软的多年期投资承诺.*（来源：媒体报道，2023—2024 年（此处未核实））$/);
    expect(a.title.zh).toContain('融资环境：寒冷');
    expect(a.assumptions.find((x) => x.id === 'survival.climate')!.text.zh).toMatch(/^融资环境“寒冷”/);
    for (const c of a.details.companies) {
      if (c.medianMonthOut === null) expect(c.medianMonthOutText).toEqual({ en: 'beyond 60 months', zh: '60个月以后' });
      else expect(c.medianMonthOutText).toEqual({ en: `month ${c.medianMonthOut}`, zh: `第${c.medianMonthOut}个月` });
    }
    expect(a.details.companies.some((c) => c.medianMonthOut !== null)).toBe(true);
    for (const n of a.notes) expect(n.zh, n.zh).not.toMatch(/net burn|\d months|revenue \+ net loss/);
  });

  it('reads rationale_zh and source_zh, optional, and rejects them when not text', () => {
    const base = { value: '1M', rationale: 'because' };
    const doc = (extra: object) => ({ as_of: '2024-05', companies: [{ company: 'X', cash: { ...base, ...extra }, revenue: base, revenue_growth: { value: '1%', rationale: 'r' }, costs: base, cost_growth: { value: '0', rationale: 'r' } }] });
    const ok = readSurvivalAssumptions(doc({ rationale_zh: '因为', source: 'press', source_zh: '媒体' }), 'm.yaml');
    expect(ok.companies[0]!.cash).toMatchObject({ rationale: 'because', rationaleZh: '因为', source: 'press', sourceZh: '媒体' });
    expect(ok.companies[0]!.revenue!.rationaleZh).toBeNull();
    expect(() => readSurvivalAssumptions(doc({ rationale_zh: 3 }), 'm.yaml')).toThrow('m.yaml companies[0].cash.rationale_zh: expected the rationale in Chinese as text, got 3');
  });
});

describe('analyzeSurvival reads the inputs health shows', () => {
  it('the same draws as analyzeHealth with the same file, as-of date, seed and count', async () => {
    const { analyzeHealth } = await import('../health/index.js');
    const { healthAssumptions } = await import('./analyze-survival.js');
    const file = bundled();
    const a = await analyzeSurvival(store, { assumptions: file, horizonMonths: 12, paths: 1000, seed: 5 });
    for (const c of a.details.companies) {
      const ca = file.companies.find((x) => x.company === c.name)!;
      const h = await analyzeHealth(store, c.name, { env: { sampleCount: 1000, seed: 5 }, assumptions: healthAssumptions(ca, file.file), asOf: file.asOf });
      const of = { cash: 'cash', revenue: 'revenue', revenueGrowth: 'revenueGrowth', costs: 'grossBurn', costGrowth: 'costGrowth' } as const;
      for (const r of c.inputs) {
        const row = h.details.inputs.find((x) => x.name === of[r.input])!;
        expect(row.status, `${c.name}.${r.input}`).toBe(r.status);
        const e = h.estimates.find((x) => x.id === row.estimateId)!;
        expect(e.p50, `${c.name}.${r.input}`).toBeCloseTo(r.p50, 6);
        expect(row.factIds).toEqual(r.factIds);
      }
    }
  });

  it('refuses a company the ledger and the file leave without an input, naming it and how to give it', async () => {
    const file = readSurvivalAssumptions({ as_of: '2024-05', companies: [{ company: 'Moonshot AI', cash: { value: '1B', rationale: 'r' } }] }, 'mine.yaml');
    const refused = analyzeSurvival(store, { assumptions: file, paths: 100 });
    await expect(refused).rejects.toThrow(/Moonshot AI: the survival simulation needs revenue \(give a revenue or revenue_run_rate fact, or `revenue` in the assumptions file\)/);
    // one issue per input lacking, its path naming the company and the input
    await expect(refused).rejects.toMatchObject({ status: 400, issues: expect.arrayContaining([expect.objectContaining({ code: 'missing_input', path: ['companies', 'moonshot-ai', 'costGrowth'] })]) });
  });
});

describe("an assumptions file's cash beside the ledger's (trial T12)", () => {
  // Aleph Alpha's case on a company of the ledger: a round announced as an "investment package" of which
  // little was cash, and the user's own cash figure in the assumptions file.
  const file = () => readSurvivalAssumptions({
    as_of: '2024-06',
    companies: [{
      company: 'MiniMax',
      cash: { value: '90M to 130M', rationale: 'Capital: "rund 108 Mio. Euro" in the bank at the end of 2023' },
      revenue: { value: '0.05M to 0.3M', rationale: 'r' },
      costs: { value: '3M to 6M', rationale: 'r' },
      revenue_growth: { value: 'normal(0.03, 0.02)', rationale: 'r' },
      cost_growth: { value: 'normal(0.01, 0.01)', rationale: 'r' },
    }],
  }, 'aa.yaml');
  const round = { entity: 'MiniMax', metric: 'funding', scope: 'round', value: '$500 million', period: '2023-11', source: { publisher: 'Welt', published: '2023-11-06' } };

  it('derives cash from the rounds and says a cash fact with its source would be used instead; a cash fact then is', async () => {
    const s = await openStore({ path: ':memory:', loadBundled: false });
    try {
      await s.addFact(round);
      const before = await analyzeSurvival(s, { assumptions: file(), paths: 200, seed: 1 });
      const cash = before.details.companies[0]!.inputs.find((i) => i.input === 'cash')!;
      expect(cash.status).toBe('derived');
      const note = before.notes.find((n) => /MiniMax: cash is read from the ledger/.test(n.en))!;
      expect(note.en).toContain('not from the assumption "90M to 130M" of aa.yaml: derived instead from the rounds raised less net burn since');
      expect(note.en).toContain('a cash fact (metric cash, with its source) comes before this derivation');
      expect(note.zh).toContain('现金余额事实');
      expect(note.zh.replace(/fact-[0-9a-f]{12}/g, '')).not.toMatch(/metric|cash|fact|derived/);

      const fact = await s.addFact({ entity: 'MiniMax', metric: 'cash', value: 'rund 108 Mio. Euro', period: '2023-12', source: { publisher: 'Capital', published: '2024-01-15' } });
      const after = await analyzeSurvival(s, { assumptions: file(), paths: 200, seed: 1 });
      const used = after.details.companies[0]!.inputs.find((i) => i.input === 'cash')!;
      expect(used.factIds).toContain(fact.id);
      // about 108M euros at December 2023's rate, spent down to the as-of date: far below the $500M round
      expect(used.p50).toBeLessThan(130e6);
      expect(after.notes.find((n) => /MiniMax: cash is read from the ledger/.test(n.en))!.en).toContain(`not from the assumption "90M to 130M" of aa.yaml: the ledger has a figure for it (${fact.id}): sourced facts come before an assumption`);
    } finally {
      await s.close();
    }
  });
});
