import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pearson, ranks } from '../../estimate/index.js';
import { openStore, type FactInput, type Store } from '../../ledger/index.js';
import { analyzeHealth } from './analyze-health.js';
import { collectHealthInputs } from './health-inputs.js';
import { analysisInCurrency, displayCurrency } from '../analysis-in-currency.js';
import { usdFactor } from '../common/usd-factor.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

const env = { sampleCount: 4000, seed: 7 };
type Est = { p50: number; p5: number; p95: number; mean: number; formula: string; label: { en: string }; samples?: Float64Array };
const est = (a: { estimates: readonly { id: string }[] }, id: string) => a.estimates.find((e) => e.id === id) as Est | undefined;
const statuses = (a: { details: { inputs: readonly { name: string; status: string }[] } }) => Object.fromEntries(a.details.inputs.map((r) => [r.name, r.status]));
const src = (publisher: string, published?: string) => ({ publisher, ...(published ? { published } : {}) });

/** A ledger with the bundled entities but none of the bundled facts, and the facts given. */
async function ledgerWith(facts: readonly (Omit<FactInput, 'source'> & { source?: FactInput['source'] })[]): Promise<Store> {
  const s = await openStore({ path: ':memory:', loadBundled: false });
  for (const f of facts) await s.addFact({ kind: 'reported', source: src('Test Wire', '2025-01-01'), ...f } as FactInput);
  return s;
}

describe('analyzeHealth on the bundled data: what is derived from sourced facts and what is still assumed', () => {
  // What the bundled facts give each of the article's eight companies, with no
  // assumptions. A fact of data/company-facts.csv that the figure reader does
  // not read yet ("reached the $2 billion mark", "$1-billion", "$8 milioni al
  // mese") changes these rows when it is read: see the notes under each.
  it('OpenAI: cash from the October 2024 round less net burn; costs from revenue + net loss of 2024; revenue from the run rate', async () => {
    const a = await analyzeHealth(store, 'OpenAI', { env });
    expect(statuses(a)).toMatchObject({ valuation: 'reported', funding: 'reported', cash: 'derived', revenue: 'derived', grossBurn: 'derived', netBurn: 'derived', mobileRevenue: 'derived' });
    expect(est(a, 'input.cash')!.formula).toMatch(/^co-openai-funding-2024-10-round - net burn x 2 months \(2024-10 to 2024-12\)$/);
    expect(est(a, 'input.grossBurn')!.formula).toMatch(/co-openai-revenue-2024 \+ co-openai-net-loss-2024 \(revenue \+ net loss\)/);
    // ($3.7B + $5B) a year / 12, about $725M a month
    expect(est(a, 'input.grossBurn')!.p50).toBeGreaterThan(6.5e8);
    expect(est(a, 'input.grossBurn')!.p50).toBeLessThan(8e8);
    // revenue: the run rate of June 2024, $3.4B a year
    expect(est(a, 'input.revenue')!.p50).toBeCloseTo(3.4e9 / 12, -6);
    expect(a.details.revenueBasis).toBe('company');
    expect(a.notes.some((n) => /The revenue multiple divides a valuation of as of 2024-10 by revenue of as of 2024-06: inputs of different dates/.test(n.en))).toBe(true);
    expect(a.notes.some((n) => /营收倍数以截至2024年10月的估值除以截至2024年6月的营收：两者日期不同/.test(n.zh))).toBe(true);
    expect(a.assumptions).toEqual([]);
  });

  it('Anthropic: cash from its 2024 rounds less net burn; costs = net burn (F16) + revenue; the round inside the yearly total counted once', async () => {
    const a = await analyzeHealth(store, 'Anthropic', { env });
    expect(statuses(a)).toMatchObject({ valuation: 'reported', funding: 'derived', cash: 'derived', revenue: 'derived', netBurn: 'derived', grossBurn: 'derived' });
    expect(est(a, 'input.netBurn')!.formula).toMatch(/^F16 /);
    expect(est(a, 'input.netBurn')!.p50).toBeCloseTo(1.8e9 / 12, -8);
    expect(est(a, 'input.grossBurn')!.formula).toBe('net burn + revenue');
    expect(est(a, 'input.cash')!.formula).toMatch(/^\(co-anthropic-funding-2024-01-round \+ co-anthropic-funding-2024-03-round\) - net burn x \d+(\.\d+)? months/);
    // $7.3B over 2023-02/2024-02 holds the $750M round of 2024-01: $7.3B + $2.75B
    expect(est(a, 'input.funding')!.p50).toBeCloseTo(7.3e9 + 2.75e9, -6);
    expect(a.notes.some((n) => /counts co-anthropic-funding-2024-01-round once/.test(n.en))).toBe(true);
    expect(statuses(a).revenueGrowth).toBe('missing');
  });

  it('Inflection AI: costs from its 70 staff x a stated cost per head (a floor), cash from its 2023 round; no revenue, so no multiple', async () => {
    const a = await analyzeHealth(store, 'Inflection', { env });
    expect(statuses(a)).toMatchObject({ funding: 'reported', cash: 'derived', grossBurn: 'derived', netBurn: 'derived', revenue: 'derived', revenueToDate: 'reported' });
    expect(est(a, 'input.funding')!.p50).toBe(1.5e9);
    expect(est(a, 'input.grossBurn')!.formula).toMatch(/co-inflection-ai-headcount-as-of-2024-03 x cost per head \(150K to 450K USD a year\) \/ 12 \(staff costs only\)/);
    expect(a.assumptions.map((x) => x.id)).toEqual(['health.assumption.costPerHead']);
    expect(a.assumptions[0]!.rationale.en).toMatch(/Levels\.fyi.*a floor/);
    expect(a.notes.some((n) => /compute is not in it, so this is a floor/.test(n.en))).toBe(true);
    expect(est(a, 'revenue_multiple')).toBeUndefined();
    expect(a.details.missing.some((m) => /revenue multiple is not computed: revenue is 0 or less in 100% of draws/.test(m.en))).toBe(true);
    expect(est(a, 'capital_efficiency')!.p50).toBe(0);
    expect(a.details.revenueBasis).toBe('to-date');
  });

  it('Stability AI: cash reported ($4M), net burn reported ("$8 milioni al mese"), costs from its two spending parts of 2023 summed', async () => {
    const a = await analyzeHealth(store, 'Stability AI', { env });
    expect(statuses(a)).toMatchObject({ cash: 'reported', grossBurn: 'derived', netBurn: 'reported', revenue: 'derived', funding: 'derived' });
    expect(est(a, 'input.netBurn')!.p50).toBe(8e6);
    expect(est(a, 'input.cash')!.p50).toBe(4e6);
    // about $99M a year of compute + $54M of wages and opex, a month
    expect(est(a, 'input.grossBurn')!.p50).toBeCloseTo((99e6 + 54e6) / 12, -6);
    expect(a.notes.some((n) => /Costs are spending reported in parts .*cloud_compute.*wages_and_opex/.test(n.en))).toBe(true);
    expect(est(a, 'runway')!.p50).toBeLessThan(1);
  });

  it('Moonshot AI: its valuation and its $1B round; no revenue or costs, so cash cannot be spent down without assumptions (it says why)', async () => {
    const a = await analyzeHealth(store, 'Moonshot AI', { env });
    expect(statuses(a)).toMatchObject({ valuation: 'reported', funding: 'reported', cash: 'missing', revenue: 'missing', grossBurn: 'missing', netBurn: 'missing' });
    expect(a.notes.some((n) => /Cash is not derived from the rounds \(co-moonshot-ai-funding-2024-02-round\): no net burn/.test(n.en))).toBe(true);
  });

  it('MiniMax: revenue, costs and both growths from its prospectus figures of 2023 and 2024; cash from its 2024 round', async () => {
    const a = await analyzeHealth(store, 'MiniMax', { env });
    expect(statuses(a)).toMatchObject({ valuation: 'reported', funding: 'reported', cash: 'derived', revenue: 'derived', revenueGrowth: 'derived', grossBurn: 'derived', costGrowth: 'derived', netBurn: 'derived' });
    // $3.46M in 2023 to $30.52M in 2024: (30.52 / 3.46)^(1/12) - 1 a month
    expect(est(a, 'input.revenueGrowth')!.p50).toBeCloseTo(Math.pow(30.52 / 3.46, 1 / 12.02) - 1, 3);
    expect(est(a, 'input.costGrowth')!.p50).toBeCloseTo(Math.pow((30.52e6 + 465e6) / (3.46e6 + 269e6), 1 / 12.02) - 1, 3);
    expect(est(a, 'burn_multiple')).toBeDefined();
    expect(a.assumptions).toEqual([]);
  });

  it('Zhipu AI: costs from revenue + net loss in yuan, converted at the year\'s rate; the compute spending left aside as a part of them', async () => {
    const a = await analyzeHealth(store, '智谱AI', { env });
    const b = await analyzeHealth(store, 'Zhipu AI', { env });
    expect(est(a, 'input.valuation')!.p50).toBe(est(b, 'input.valuation')!.p50);
    expect(statuses(a)).toMatchObject({ cash: 'derived', revenue: 'derived', revenueGrowth: 'derived', grossBurn: 'derived', costGrowth: 'derived' });
    // (3.124亿 + 29.58亿元) a year at the mean of 2024's monthly CNY rates (data/fx-monthly-per-usd.csv), a month
    const cny2024 = [7.1707, 7.1935, 7.2015, 7.2374, 7.2327, 7.2547, 7.2609, 7.1475, 7.076, 7.0881, 7.2063, 7.2807].reduce((x, y) => x + y) / 12;
    expect(est(a, 'input.grossBurn')!.p50).toBeCloseTo((3.124e8 + 29.58e8) / cny2024 / 12, -5);
    expect(a.notes.some((n) => /spending facts \(co-zhipu-ai-spend-2024-compute, compute\) are a part of them and are left aside/.test(n.en))).toBe(true);
  });

  it('Baichuan AI: costs from its 170 staff; cash not derived without revenue to net the costs against (it says why)', async () => {
    const a = await analyzeHealth(store, 'Baichuan AI', { env });
    expect(statuses(a)).toMatchObject({ valuation: 'reported', grossBurn: 'derived', cash: 'missing', revenue: 'missing' });
    expect(a.notes.some((n) => /Cash is not derived from the rounds .*no net burn/.test(n.en))).toBe(true);
  });

  it('with the bundled assumptions file and its as-of date, each company says which inputs are still assumptions', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { parse } = await import('yaml');
    const { bundledDataDir } = await import('../../ledger/index.js');
    const { readSurvivalAssumptions, healthAssumptions } = await import('../survival/index.js');
    const file = readSurvivalAssumptions(parse(readFileSync(join(bundledDataDir(), 'survival-assumptions.yaml'), 'utf8')), 'survival-assumptions.yaml');
    const expected: Record<string, Record<string, string>> = {
      OpenAI: { cash: 'assumed', revenue: 'derived', revenueGrowth: 'assumed', grossBurn: 'derived', costGrowth: 'assumed' },
      Anthropic: { cash: 'derived', revenue: 'derived', revenueGrowth: 'assumed', grossBurn: 'derived', costGrowth: 'assumed' },
      'Inflection AI': { cash: 'derived', revenue: 'derived', revenueGrowth: 'assumed', grossBurn: 'derived', costGrowth: 'assumed' },
      // cash reported as of 2023-10, moved to the as-of month by the reported net burn: derived
      'Stability AI': { cash: 'derived', revenue: 'derived', revenueGrowth: 'assumed', grossBurn: 'derived', costGrowth: 'assumed' },
      MiniMax: { cash: 'derived', revenue: 'derived', revenueGrowth: 'derived', grossBurn: 'derived', costGrowth: 'derived' },
      'Zhipu AI': { cash: 'derived', revenue: 'derived', revenueGrowth: 'derived', grossBurn: 'derived', costGrowth: 'derived' },
      'Baichuan AI': { cash: 'derived', revenue: 'assumed', revenueGrowth: 'assumed', grossBurn: 'derived', costGrowth: 'assumed' },
      'Moonshot AI': { cash: 'derived', revenue: 'assumed', revenueGrowth: 'assumed', grossBurn: 'assumed', costGrowth: 'assumed' },
    };
    for (const ca of file.companies) {
      const a = await analyzeHealth(store, ca.company, { env, assumptions: healthAssumptions(ca, file.file), asOf: file.asOf });
      const got = statuses(a);
      for (const k of ['cash', 'revenue', 'revenueGrowth', 'grossBurn', 'costGrowth']) expect(got[k], `${ca.company}.${k}`).not.toBe('missing');
      if (expected[ca.company]) expect(got, ca.company).toMatchObject(expected[ca.company]!);
      // every assumption used is named with its rationale; none stands where the ledger gives a value
      for (const r of a.details.inputs.filter((x) => x.status === 'assumed')) expect(a.assumptions.some((x) => x.id === `health.assumption.${r.name}`)).toBe(true);
      expect(a.details.asOf! <= '2024-05-31').toBe(true);
      // the Chinese notes carry no English formula words
      for (const n of a.notes) expect(n.zh, `${ca.company}: ${n.zh}`).not.toMatch(/net burn|\d months|revenue \+ net loss|capex|debt/);
    }
  });

  it('names an unknown company with a suggestion', async () => {
    await expect(analyzeHealth(store, 'OpenAl', { env })).rejects.toThrow(/OpenAI/);
  });
});

describe('collectHealthInputs: costs, cash, equity and debt, assumptions', () => {
  it('a capex plan is not monthly costs; the user\'s cost assumption is used then, and the output says so', async () => {
    const s = await ledgerWith([
      { entity: 'stability-ai', metric: 'spend', value: '€1 billion', period: '2025', scope: 'capex', notes: 'earmarked for capex' },
      { entity: 'stability-ai', metric: 'revenue', value: '$12M', period: '2024' },
    ]);
    try {
      const got = await collectHealthInputs(s, 'Stability AI', env, [{ input: 'grossBurn', value: '$5M', rationale: 'my estimate of monthly costs' }]);
      expect(got.found.grossBurn!.status).toBe('assumed');
      expect(got.found.grossBurn!.samples[0]).toBe(5e6);
      expect(got.notes.some((n) => /Not counted as costs: \S+ \(€1 billion, capex\): capital expenditure \(a plan or a purchase\) is not monthly costs/.test(n.en))).toBe(true);
      expect(got.found.netBurn!.formula).toBe('gross burn - revenue');
      expect(got.found.netBurn!.inputs.some((i) => i.kind === 'assumption')).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('a cost assumption is not used where the ledger gives costs, and says why', async () => {
    const s = await ledgerWith([
      { entity: 'minimax', metric: 'revenue', value: '$30M', period: '2024' },
      { entity: 'minimax', metric: 'net_loss', value: '$450M', period: '2024' },
    ]);
    try {
      const got = await collectHealthInputs(s, 'MiniMax', env, [{ input: 'grossBurn', value: '$5M', rationale: 'mine' }]);
      expect(got.found.grossBurn!.status).toBe('derived');
      expect(got.found.grossBurn!.samples[0]).toBeCloseTo((30e6 + 450e6) / 12, 0);
      expect(got.ignoredAssumptions.map((a) => a.input)).toEqual(['grossBurn']);
      const a = await analyzeHealth(s, 'MiniMax', { env, assumptions: [{ input: 'grossBurn', value: '$5M', rationale: 'mine' }] });
      expect(a.notes.some((n) => /The assumption for grossBurn \("\$5M"\) was not used: the ledger has a figure for it/.test(n.en))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('a debt facility is not equity raised: left out of funding and of cash, and named', async () => {
    const s = await ledgerWith([
      { entity: 'openai', metric: 'funding', value: '$4 billion', period: '2024-10', scope: 'debt', notes: 'revolving credit facility' },
      { entity: 'openai', metric: 'funding', value: '$6.6 billion', period: '2024-10', scope: 'round' },
      { entity: 'openai', metric: 'burn', value: '$400M a month', period: '2024' },
    ]);
    try {
      const got = await collectHealthInputs(s, 'OpenAI', env);
      expect(got.found.funding!.samples[0]).toBe(6.6e9);
      expect(got.found.cash!.formula).toMatch(/^\S+ - net burn x 2 months \(2024-10 to 2024-12\)$/);
      expect(got.found.cash!.samples[0]).toBeCloseTo(6.6e9 - 2 * 4e8, -3);
      expect(got.notes.some((n) => /Left out of funding raised: \S+ \(\$4 billion, debt\), debt rather than equity/.test(n.en))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('an as-of date leaves later facts aside, names them, and spends cash down to it', async () => {
    const s = await ledgerWith([
      { entity: 'zhipu-ai', metric: 'funding', value: '$400mn', period: '2024-01', scope: 'round' },
      { entity: 'zhipu-ai', metric: 'funding', value: '$300mn', period: '2024-09', scope: 'round' },
      { entity: 'zhipu-ai', metric: 'burn', value: '$20M a month', period: '2023' },
    ]);
    try {
      const got = await collectHealthInputs(s, 'Zhipu AI', env, [], { asOf: '2024-05' });
      expect(got.asOf).toBe('2024-05-31');
      expect(got.notes[0]!.en).toMatch(/^As of 2024-05: left aside 1 fact of later periods \(\S+, 2024-09\)/);
      expect(got.found.cash!.samples[0]).toBeCloseTo(4e8 - 20e6 * 4, -3);
      expect(got.found.cash!.formula).toMatch(/- net burn x 4 months \(2024-01 to 2024-05\)$/);
    } finally {
      await s.close();
    }
  });

  it('one round written by two outlets counts once in funding and in cash, and the note names both', async () => {
    const s = await ledgerWith([
      { entity: 'minimax', metric: 'funding', value: '$74 million', period: '2024-01', scope: 'round', source: src('TechCrunch', '2024-01-04') },
      { entity: 'minimax', metric: 'funding', value: '$74 million', period: '2024-01', scope: 'round', source: src('Bloomberg', '2024-01-04') },
      { entity: 'minimax', metric: 'burn', value: '$2M a month', period: '2024' },
    ]);
    try {
      const got = await collectHealthInputs(s, 'MiniMax', env);
      expect(got.found.funding!.samples[0]).toBe(74e6);
      expect(got.found.cash!.samples[0]).toBeCloseTo(74e6 - 11 * 2e6, -3);
      expect(got.notes.map((n) => n.en).join('\n')).toMatch(/^Counted once: \S+ \(\S+, \$74 million, 2024-01\) and \S+ \(\S+, \$74 million\) report the same figure \(none linked as the same: grouped because their figures overlap\); \S+ is used\./m);
      expect(got.notes.some((n) => /^只计一次：.*报道的是同一数字（均未标注为同一数字，因数值重叠归为一组）；/.test(n.zh))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('one round reported by two outlets whose figures disagree counts once, by the choose rule, and the note says so (trial of session 10)', async () => {
    const s = await ledgerWith([
      { id: 'r-early', entity: 'minimax', metric: 'funding', value: '$30 million', period: '2024-01', scope: 'round', source: src('YBX', '2024-01-20') },
      { id: 'r-bb', entity: 'minimax', metric: 'funding', value: 'more than $100 million', period: '2024-09', scope: 'round', source: src('Bloomberg', '2024-09-04') },
      { id: 'r-wpn', entity: 'minimax', metric: 'funding', value: 'approximately $200 million', period: '2024-09', scope: 'round', source: src('WebProNews', '2024-09-05') },
      { entity: 'minimax', metric: 'burn', value: '$2M a month', period: '2024' },
    ]);
    try {
      const got = await collectHealthInputs(s, 'MiniMax', env);
      // $30M + one of the two September figures, never both: the median is $30M + about $200M (the more precise one)
      const funding = Float64Array.from(got.found.funding!.samples).sort();
      expect(funding[funding.length >> 1]! / 1e6).toBeGreaterThan(200);
      expect(funding[funding.length >> 1]! / 1e6).toBeLessThan(260);
      expect(got.found.funding!.facts.map((f) => f.id).sort()).toEqual(['r-early', 'r-wpn']);
      expect(got.found.cash!.facts.map((f) => f.id)).not.toContain('r-bb');
      const en = got.notes.map((n) => n.en).find((n) => n.includes('r-bb'))!;
      expect(en).toMatch(/^Counted once: r-wpn \(WebProNews, approximately \$200 million\) and r-bb \(Bloomberg, more than \$100 million\) are each a round of 2024-09 with the same scope, but their figures do not agree within their stated precision, so they are taken as one round reported differently, not 2 rounds; r-wpn is used \(the one used is more precise/);
      const zh = got.notes.map((n) => n.zh).find((n) => n.includes('r-bb'))!;
      expect(zh).toMatch(/^只计一次：r-wpn（WebProNews，approximately \$200 million）与 r-bb（Bloomberg，more than \$100 million）.*视为同一轮融资的不同报道，而非 2 轮；采用 r-wpn/);
    } finally {
      await s.close();
    }
  });

  it('two rounds of one month with scopes of their own are two rounds', async () => {
    const s = await ledgerWith([
      { id: 'r-a', entity: 'minimax', metric: 'funding', value: '$100 million', period: '2024-09', scope: 'series_a', source: src('Bloomberg', '2024-09-04') },
      { id: 'r-b', entity: 'minimax', metric: 'funding', value: '$200 million', period: '2024-09', scope: 'series_b', source: src('WebProNews', '2024-09-05') },
    ]);
    try {
      const got = await collectHealthInputs(s, 'MiniMax', env);
      expect(got.found.funding!.samples[0]).toBe(300e6);
      expect(got.notes.some((n) => n.en.startsWith('Counted once:'))).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('the note says which reports of one round are linked (in the surface\'s words) and which joined by overlapping which, and which two disagree (trial T11, T13)', async () => {
    const s = await ledgerWith([
      { id: 'aa-welt', entity: 'minimax', metric: 'funding', value: '500 Millionen Dollar', period: '2023-11', scope: 'round', source: src('Welt', '2023-11-06') },
      { id: 'aa-own', entity: 'minimax', metric: 'funding', value: 'more than $500 million', period: '2023-11', scope: 'round', sameAs: 'aa-welt', source: src('Aleph Alpha', '2023-11-06') },
      { id: 'aa-x', entity: 'minimax', metric: 'funding', value: '$600 million', period: '2023-11', scope: 'round', source: src('X') },
    ]);
    try {
      const note = async (hint?: 'cli' | 'api') => (await collectHealthInputs(s, 'MiniMax', env, [], hint ? { hint } : {})).notes.find((n) => n.en.startsWith('Counted once:'))!;
      const cli = await note('cli');
      expect(cli.en).toMatch(/report the same figure \((aa-welt and aa-own|aa-own and aa-welt) linked as the same by --same-as; aa-x not linked, grouped because its figure overlaps aa-own's\); /);
      // the two that do not agree are named, so the overlap and the disagreement are not read as one claim
      expect(cli.en).toMatch(/ Yet aa-x and aa-welt do not agree within their stated precision \(a group holds figures joined by links or by a chain of overlaps\): check which one holds\.$/);
      expect(cli.zh).toMatch(/报道的是同一数字（(aa-welt、aa-own|aa-own、aa-welt)已标注为同一数字；aa-x未标注，因数值与aa-own重叠归入）；/);
      expect(cli.zh).toMatch(/但 aa-x 与 aa-welt 本身在标称精度内并不一致/);
      // over HTTP the request's field, in a report (no hint) neither
      expect((await note('api')).en).toMatch(/linked as the same \(sameAs\); aa-x not linked/);
      const none = await note();
      expect(none.en).toMatch(/linked as the same; aa-x not linked/);
      expect(none.en + none.zh).not.toMatch(/--|sameAs/);
    } finally {
      await s.close();
    }
  });

  it('draws each company\'s inputs from streams of their own: two companies\' cash are independent, and an unrelated fact leaves them be', async () => {
    const cash = { metric: 'cash', value: 'about $1B', period: '2024-12' } as const;
    const s = await ledgerWith([{ entity: 'minimax', ...cash }, { entity: 'zhipu-ai', ...cash }]);
    const t = await ledgerWith([{ entity: 'minimax', ...cash }, { entity: 'zhipu-ai', ...cash }, { entity: 'minimax', metric: 'valuation', value: '$2.5B', period: '2024-03' }, { entity: 'minimax', metric: 'revenue', value: 'about $30M', period: '2024' }]);
    try {
      const a = (await collectHealthInputs(s, 'MiniMax', env)).found.cash!.samples;
      const b = (await collectHealthInputs(s, 'Zhipu AI', env)).found.cash!.samples;
      // the same figure, so a shared stream would give the same draws (correlation 1); independent ones are within 5 standard errors of 0
      let same = 0;
      for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
      expect(same).toBe(0);
      const ra = ranks(a), rb = ranks(b);
      expect(Math.abs(pearson(ra, rb))).toBeLessThan(5 / Math.sqrt(env.sampleCount));
      // a valuation and a revenue added to MiniMax: its cash draws stay as they were
      expect(Array.from((await collectHealthInputs(t, 'MiniMax', env)).found.cash!.samples)).toEqual(Array.from(a));
    } finally {
      await s.close();
      await t.close();
    }
  });

  it('refuses an as-of date it cannot read', async () => {
    await expect(collectHealthInputs(store, 'OpenAI', env, [], { asOf: 'soon' })).rejects.toThrow(/as-of date: expected a month or a date such as "2024-05"/);
  });
});

describe('analyzeHealth: revenue multiple guard', () => {
  it('summarises the multiple over the draws with revenue > 0 and says so; refuses when many draws have none', async () => {
    const t = await ledgerWith([{ entity: 'anthropic', metric: 'valuation', value: '$15 billion', period: 'as of 2024-02' }]);
    try {
      const few = await analyzeHealth(t, 'Anthropic', { env, assumptions: [{ input: 'revenue', value: 'normal(100M, 40M)', rationale: 't' }] });
      const m = est(few, 'revenue_multiple')!;
      expect(Number.isFinite(m.p95)).toBe(true);
      expect(m.samples!.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
      expect(few.notes.some((n) => /Revenue multiple: revenue is 0 or less in \d+(\.\d+)?% of draws; the multiple is summarised over the other/.test(n.en))).toBe(true);
      const many = await analyzeHealth(t, 'Anthropic', { env, assumptions: [{ input: 'revenue', value: 'normal(10M, 40M)', rationale: 't' }] });
      expect(est(many, 'revenue_multiple')).toBeUndefined();
      expect(many.details.missing.some((x) => /the revenue multiple is not computed: revenue is 0 or less in \d+(\.\d+)?% of draws/.test(x.en))).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('analyzeHealth: conflicting facts, infinite draws', () => {
  let s: Store;
  beforeAll(async () => {
    s = await ledgerWith([
      { entity: 'anthropic', metric: 'revenue_spending_gap', value: '近18亿美元', period: '2024' },
      { entity: 'anthropic', metric: 'revenue', value: '约8.5亿美元', period: '2024', source: src('Some Wire', '2024-12-01') },
      { entity: 'anthropic', metric: 'revenue', value: '1亿美元', period: '2024', source: src('X') },
    ]);
  });
  afterAll(async () => {
    await s.close();
  });

  it('gross burn is net burn + revenue, with or without an assumption for it', async () => {
    const survivalLike = [
      { input: 'cash' as const, value: '3B to 8B', rationale: 'commitments less spending', rationaleZh: '承诺投资减去开支' },
      { input: 'grossBurn' as const, value: '150M to 250M', rationale: 'ignored: derived from the gap and revenue' },
    ];
    const without = await analyzeHealth(s, 'Anthropic', { env });
    const withA = await analyzeHealth(s, 'Anthropic', { env, assumptions: survivalLike });
    for (const a of [without, withA]) {
      const gross = est(a, 'input.grossBurn')!;
      expect(gross.formula).toBe('net burn + revenue');
      expect(gross.p50).toBeCloseTo(est(a, 'input.netBurn')!.p50 + est(a, 'input.revenue')!.p50, -7);
      expect(a.details.inputs.find((r) => r.name === 'grossBurn')).toMatchObject({ status: 'derived', estimateId: 'input.grossBurn' });
    }
    expect(est(withA, 'input.grossBurn')!.p50).toBe(est(without, 'input.grossBurn')!.p50);
    expect(withA.assumptions.map((x) => x.id)).not.toContain('health.assumption.grossBurn');
    expect(withA.notes.some((n) => /grossBurn \("150M to 250M"\) was not used: derived instead as net burn \+ revenue/.test(n.en))).toBe(true);
    expect(withA.notes.some((n) => /总支出的假设（“150M to 250M”）未采用：改由净烧钱 \+ 营收推算/.test(n.zh))).toBe(true);
    expect(withA.assumptions.find((x) => x.id === 'health.assumption.cash')!.rationale.zh).toBe('承诺投资减去开支');
  });

  it('names the fact chosen among conflicting ones, the ones left aside and why (en and zh), by the one choose rule', async () => {
    // Same period, both primary sources, both reported: the rule's next criterion is a dated source, so 约8.5亿美元
    // (Some Wire, 2024-12-01) is used over the exact 1亿美元 of an undated page, though the latter is narrower
    // (docs/ledger.md: an undated source cannot be placed in time).
    const a = await analyzeHealth(s, 'Anthropic', { env });
    expect(est(a, 'input.revenue')!.p50 * 12).toBeCloseTo(8.5e8, -7);
    const note = a.notes.find((n) => /^Revenue \(company\): used/.test(n.en))!;
    expect(note.en).toMatch(/used \S+ \(约8\.5亿美元, 2024; Some Wire, 2024-12-01, reported\); left aside \S+ \(1亿美元, 2024; X, undated, reported\): the one used has a dated source .*\. Sources disagree for the same period/);
    expect(note.zh).toMatch(/^营收（公司）：采用 \S+（约8\.5亿美元，2024年；Some Wire，2024-12-01，报道）；未采用 \S+（1亿美元，2024年；X，无日期，报道）：所采用的事实来源注明了日期（Some Wire，2024-12-01）/);
  });

  it('infinite draws (never profitable, no new ARR) are counted and explained, not averaged', async () => {
    const a = await analyzeHealth(s, 'Anthropic', { env, assumptions: [{ input: 'cash', value: '$5B', rationale: 't' }, { input: 'revenueGrowth', value: 'normal(0.01, 0.02)', rationale: 't' }] });
    const never = a.details.unbounded.find((u) => u.estimateId === 'default_alive.months_to_profit')!;
    expect(never.meaning.en).toBe('never');
    expect(never.share).toBeGreaterThan(0.2); // P(g <= 0) for normal(0.01, 0.02) ≈ 31%
    expect(never.share).toBeLessThan(0.4);
    expect(a.details.unbounded.map((u) => u.estimateId)).toEqual(expect.arrayContaining(['burn_multiple', 'default_alive.cash_needed']));
    expect(a.notes.some((n) => /^Months to profitability \(default alive, T\): never in \d+(\.\d+)?% of draws/.test(n.en))).toBe(true);
    expect(a.notes.some((n) => /距盈利月数（T）：\d+(\.\d+)?%的抽样为“永不盈利”/.test(n.zh))).toBe(true);
    const b = await analyzeHealth(s, 'Anthropic', { env, assumptions: [{ input: 'cash', value: '$5B', rationale: 't' }, { input: 'revenueGrowth', value: '5%', rationale: 't' }] });
    expect(b.details.unbounded.filter((u) => u.estimateId !== 'runway')).toEqual([]);
  });
});

describe('analyzeHealth: growth from two rates', () => {
  let s: Store;
  beforeAll(async () => {
    s = await ledgerWith([
      { entity: 'anthropic', metric: 'revenue', value: '$100M', period: '2023', source: src('Wire A', '2024-01-15') },
      { entity: 'anthropic', metric: 'revenue', value: '约8.5亿美元', period: '2024', source: src('Wire B', '2024-12-01') },
      { entity: 'anthropic', metric: 'revenue_spending_gap', value: '近18亿美元', period: '2024' },
      { entity: 'inflection-ai', metric: 'revenue', value: '$0', period: '2023', source: src('Wire C') },
      { entity: 'inflection-ai', metric: 'revenue', value: '$2M', period: '2024-Q1', source: src('Wire C') },
      { entity: 'openai', metric: 'revenue_run_rate', value: '$1.6 billion', period: 'as of 2023-12' },
      { entity: 'openai', metric: 'revenue_run_rate', value: '$3.4 billion', period: 'as of 2024-06' },
      { entity: 'openai', metric: 'revenue', value: '$3.7 billion', period: '2024' },
    ]);
  });
  afterAll(async () => {
    await s.close();
  });

  it('derives monthly growth draw by draw, (later / earlier)^(1 / months) - 1, and computes what needs it', async () => {
    const a = await analyzeHealth(s, 'Anthropic', { env, assumptions: [{ input: 'revenueGrowth', value: '1%', rationale: 'not used: derived' }] });
    const g = est(a, 'input.revenueGrowth')!;
    // $100M in 2023 to $850M in 2024, twelve months apart (middle to middle)
    expect(g.p50).toBeCloseTo(Math.pow(8.5, 1 / 12) - 1, 2);
    expect(g.p5).toBeLessThan(g.p50); // the uncertainty of "约" carries into it
    expect(g.formula).toMatch(/^\(\S+ \/ \S+\)\^\(1 \/ 12(\.\d+)? months\) - 1, a month$/);
    const row = a.details.inputs.find((r) => r.name === 'revenueGrowth')!;
    expect(row.status).toBe('derived');
    expect(row.factIds).toHaveLength(2);
    expect(est(a, 'burn_multiple')).toBeDefined();
    expect(a.details.missing.some((m) => /no revenue growth/.test(m.en))).toBe(false);
    expect(a.assumptions.map((x) => x.id)).not.toContain('health.assumption.revenueGrowth');
  });

  it('reads revenue from run rates first (annualised, / 12) and growth from two of them', async () => {
    const a = await analyzeHealth(s, 'OpenAI', { env });
    expect(est(a, 'input.revenue')!.p50).toBeCloseTo(3.4e9 / 12, -3);
    expect(est(a, 'input.revenueGrowth')!.p50).toBeCloseTo(Math.pow(3.4 / 1.6, 1 / 6) - 1, 2);
    expect(a.notes.some((n) => /Revenue is read from the run rate \S+ \(annualised revenue as of 2024-06\); revenue over periods \(\S+\) is used for costs/.test(n.en))).toBe(true);
  });

  it('says why growth is not derived from a rate that can be zero, and how to give it', async () => {
    const a = await analyzeHealth(s, 'Inflection', { env });
    expect(est(a, 'input.revenueGrowth')).toBeUndefined();
    expect(a.notes.some((n) => /Revenue growth is not derived from \S+ and \S+: \S+ can be 0 or less/.test(n.en))).toBe(true);
    expect(a.notes.some((n) => /未从 \S+ 与 \S+ 推算营收增速/.test(n.zh))).toBe(true);
    expect(a.details.missing.some((m) => /record two revenue run rates at least a month apart/.test(m.en))).toBe(true);
  });
});

describe('analyzeHealth: what is missing, in Chinese', () => {
  // Every metric id a "missing" line could name; the Chinese line names them in Chinese (metricName).
  const ids = /\b(spend|burn|revenue_spending_gap|net_loss|cash|revenue|valuation|funding|revenue_run_rate|revenue_growth|headcount)\b|--/;
  const cases: [string, Parameters<typeof ledgerWith>[0], Parameters<typeof collectHealthInputs>[3]][] = [
    ['nothing recorded', [], []],
    ['revenue, valuation and funding but no costs', [
      { entity: 'minimax', metric: 'revenue', value: '$30M', period: '2024' },
      { entity: 'minimax', metric: 'valuation', value: '$2.5B', period: '2024-03' },
      { entity: 'minimax', metric: 'funding', value: '$600M', period: '2024-03', scope: 'round' },
    ], [{ input: 'revenueGrowth', value: '5% to 10%', rationale: 'mine' }]],
  ];
  for (const [what, facts, assumptions] of cases) {
    it(`${what}: the zh lines name metrics in Chinese, no Latin ids`, async () => {
      const s = await ledgerWith(facts);
      try {
        const a = await analyzeHealth(s, 'MiniMax', { env, assumptions });
        expect(a.details.missing.length).toBeGreaterThan(1);
        for (const m of a.details.missing) {
          expect(m.zh, m.zh).not.toMatch(ids);
          expect(m.zh, m.zh).not.toMatch(/[A-Za-z]{2,}/);
          expect(m.en, m.en).toMatch(/\b(cash|spend|valuation|revenue|funding|burn)\b/);
        }
        const zh = a.details.missing.map((m) => m.zh).join('\n');
        if (!facts.length) expect(zh).toMatch(/请补充支出、烧钱速度或收支缺口数据/);
        else expect(zh).toMatch(/请补充支出数据/);
      } finally {
        await s.close();
      }
    });
  }

  it('a product, a model or an aggregate is named by its kind in Chinese in the zh note, in English in the en one (trial of session 10)', async () => {
    const note = async (name: string) => (await analyzeHealth(store, name, { env })).notes.find((n) => /not a company/.test(n.en))!;
    const product = await note('ChatGPT');
    expect(product.en).toMatch(/^ChatGPT is a product, not a company/);
    expect(product.zh).toMatch(/^ChatGPT 是产品而非公司/);
    const aggregate = await note('Global generative-AI startups');
    expect(aggregate.en).toMatch(/^Global generative-AI startups is an aggregate, not a company/);
    expect(aggregate.zh).toMatch(/^全球生成式AI初创企业 是汇总类别而非公司/);
    for (const n of [product, aggregate]) expect(n.zh, n.zh).not.toMatch(/product|aggregate|model/);
  });
});

describe('analyzeHealth in another currency (trial T20)', () => {
  // A new user's trial: Mistral's €5.8B valuation, shown with --currency EUR, went to USD at its
  // month's rate and back at the latest month's: €5.42B, labelled exact.
  const mistral = async (facts: readonly (Omit<FactInput, 'source' | 'entity'> & { source?: FactInput['source'] })[]): Promise<Store> => {
    const s = await openStore({ path: ':memory:', loadBundled: false });
    await s.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', nameZh: null, aliases: ['Mistral'], kind: 'company', parent: null, notes: null } as never);
    for (const f of facts) await s.addFact({ kind: 'reported', source: src('Les Echos', '2024-06-11'), entity: 'mistral-ai', ...f } as FactInput);
    return s;
  };

  it('a figure written in the currency asked for is shown as written; one in US dollars converts at the one display rate', async () => {
    const s = await mistral([
      { metric: 'valuation', value: '€5.8 billion', period: '2024-06' },
      { metric: 'funding', value: '$640 million', period: '2024-06', scope: 'round', source: src('Bloomberg', '2024-06-11') },
    ]);
    try {
      const { fx } = await s.tables();
      const eur = displayCurrency('EUR', fx, '2026-06');
      const a = await analyzeHealth(s, 'Mistral', { env, currency: eur });
      const v = a.estimates.find((e) => e.id === 'input.valuation')!;
      expect(v.unit).toBe('EUR');
      expect([v.p5, v.p50, v.p95]).toEqual([5.8e9, 5.8e9, 5.8e9]);
      expect(v.formula).not.toMatch(/USD/);
      expect(statuses(a).valuation).toBe('reported');
      const f = a.estimates.find((e) => e.id === 'input.funding')!;
      expect(f.unit).toBe('EUR');
      expect(f.p50).toBeCloseTo(640e6 * eur.perUsd, 0);
      expect(f.formula).toContain(`USD->EUR at ${eur.rate}`);
      expect(statuses(a).funding).toBe('reported');
      expect(a.currency).toEqual({ code: 'EUR', perUsd: eur.perUsd, month: '2026-06', note: eur.noteAsWritten });
      expect(a.notes.map((n) => n.en)).toContain(eur.noteAsWritten.en);
      expect(eur.noteAsWritten.en).toMatch(/^Money in euros \(EUR\): figures written in euros are taken as written; figures in other currencies are converted to US dollars at the rate of their own period, then at one rate, of the month asked for: USD->EUR at 0\.\d+ EUR per USD \(monthly average of 2026-06; /);
      // Shown again in euros, it is left as it is: no second conversion.
      expect(analysisInCurrency(a, 'EUR', fx, '2026-06')).toBe(a);
      // In US dollars, the euro figure converts at its own month's rate, as before.
      const usd = await analyzeHealth(s, 'Mistral', { env });
      const vu = usd.estimates.find((e) => e.id === 'input.valuation')!;
      expect(vu.unit).toBe('USD');
      expect(vu.formula).toContain('EUR->USD at ');
      expect(vu.formula).toContain('(2024-06)');
      expect(usd.currency).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('a ratio of two amounts does not move with the display currency, and its label names the currency asked for (trial T13, Helsing)', async () => {
    // A euro round by two outlets, dollar revenue (two run rates, so growth), euro cash, dollar burn and spending, a euro valuation.
    const s = await mistral([
      { metric: 'funding', value: '€450 million', period: '2024-07', scope: 'round', source: src('Handelsblatt', '2024-07-11') },
      { metric: 'funding', value: "450 millions d'euros", period: '2024-07', scope: 'round', source: src('Les Echos', '2024-07-11') },
      { metric: 'valuation', value: '€4.5 billion', period: '2024-07', source: src('Handelsblatt', '2024-07-11') },
      { metric: 'revenue_run_rate', value: '$40 million', period: 'as of 2024-06', source: src('Sifted', '2024-07-01') },
      { metric: 'revenue_run_rate', value: '$60 million', period: 'as of 2024-12', source: src('Sifted', '2025-01-10') },
      { metric: 'cash', value: '€400 million', period: 'as of 2024-12', source: src('Handelsblatt', '2025-01-10') },
      { metric: 'spend', value: '$20 million', period: '2024-12', source: src('Sifted', '2025-01-10') },
    ]);
    try {
      const { fx } = await s.tables();
      const eur = displayCurrency('EUR', fx, '2026-06');
      const usd = await analyzeHealth(s, 'Mistral', { env });
      const inEur = await analyzeHealth(s, 'Mistral', { env, currency: eur });
      const ratios = ['runway', 'revenue_multiple', 'capital_efficiency', 'burn_multiple', 'rule_of_40', 'default_alive.months_to_profit', 'default_alive.probability'];
      for (const id of ratios) {
        const a = est(usd, id);
        const b = est(inEur, id);
        expect(a, id).toBeDefined();
        expect([b!.p5, b!.p50, b!.p95, b!.mean], id).toEqual([a!.p5, a!.p50, a!.p95, a!.mean]);
      }
      // The amounts themselves are in euros: the round as written, the revenue at the one display rate.
      expect(est(inEur, 'input.funding')!.p50).toBe(450e6);
      expect(est(inEur, 'revenue.annual')!.p50).toBeCloseTo(60e6 * eur.perUsd, 0);
      const ce = inEur.estimates.find((e) => e.id === 'capital_efficiency')!;
      expect(ce.label.en).toBe('capital efficiency: annual revenue per euro raised');
      expect(ce.label.zh).toBe('资本效率：每融资 1 欧元的年化营收');
      expect(ce.formula).toBe("revenue run rate / funding raised, in US dollars at each figure's own period's rate");
      expect(est(usd, 'capital_efficiency')!.label.en).toBe('capital efficiency: annual revenue per dollar raised');
      expect(inEur.notes.map((n) => n.en)).toContain('Ratios (runway, the multiples, capital efficiency, rule of 40, default alive) are computed in US dollars, each figure converted at the rate of its own period, so they are the same in every display currency; only the amounts are shown in euros.');
      // the currency's plural from the table: yen is invariable, not "yens" (trial of session 11)
      const inJpy = await analyzeHealth(s, 'Mistral', { env, currency: displayCurrency('JPY', fx, '2026-06') });
      expect(inJpy.notes.map((n) => n.en).find((n) => n.startsWith('Ratios'))).toMatch(/only the amounts are shown in Japanese yen\.$/);
    } finally {
      await s.close();
    }
  });

  it('the advice on revenue growth names the flag on the command line, the request\'s fields over HTTP, neither in a report (trial T13)', async () => {
    const s = await mistral([{ metric: 'revenue', value: '$10 million', period: '2024' }]);
    try {
      const growth = async (hint?: 'cli' | 'api') => (await analyzeHealth(s, 'Mistral', { env, ...(hint ? { hint } : {}) })).details.missing.find((m) => m.en.startsWith('no revenue growth'))!.en;
      expect(await growth('cli')).toMatch(/\(revenue_growth in an assumptions file, or --with-assumptions for the shipped ones\)$/);
      expect(await growth('api')).toMatch(/\(revenue_growth in assumptionsText, or assumptions=yes for the shipped ones\)$/);
      expect(await growth()).toMatch(/\(revenue_growth in a survival assumptions file\)$/);
    } finally {
      await s.close();
    }
  });

  it('a mobile store revenue fact left aside is named in its own currency, not with "$" before euros (trial T13)', async () => {
    const s = await mistral([
      { metric: 'subscription_revenue', value: '$2 million', period: '2024-06', scope: 'app_store', basis: 'gross' },
      { metric: 'subscription_revenue', value: '€3 million', period: '2024-05', scope: 'app_store', basis: 'gross' },
    ]);
    try {
      const a = await analyzeHealth(s, 'Mistral', { env });
      const en = a.notes.map((n) => n.en).find((n) => n.startsWith('Also in the ledger'))!;
      const zh = a.notes.map((n) => n.zh).find((n) => n.startsWith('账本中另有'))!;
      expect(en).toContain('€3 million, about €3M a month;');
      expect(en).not.toMatch(/\$3/);
      expect(zh).toMatch(/约每月3(\.0+)?百万欧元|约每月300万欧元/);
      expect(zh).not.toMatch(/美元/);
    } finally {
      await s.close();
    }
  });

  it('a sum of figures in two currencies says the rates of each: the other currency\'s own month, then the display rate', async () => {
    const s = await mistral([
      { metric: 'funding', value: '€385 million', period: '2023-12', scope: 'round' },
      { metric: 'funding', value: '$640 million', period: '2024-06', scope: 'round', source: src('Bloomberg', '2024-06-11') },
      { metric: 'funding', value: '1.2亿元', period: '2024-09', scope: 'round', source: src('36Kr', '2024-09-02') },
    ]);
    try {
      const { fx } = await s.tables();
      const eur = displayCurrency('EUR', fx, '2026-06');
      const a = await analyzeHealth(s, 'Mistral', { env, currency: eur });
      const f = a.estimates.find((e) => e.id === 'input.funding')!;
      expect(f.unit).toBe('EUR');
      expect(statuses(a).funding).toBe('derived');
      const cny = a.facts.find((x) => x.figure.unit === 'CNY')!;
      const cnyPerUsd = 1 / usdFactor(cny, fx).k;
      expect(f.p50).toBeCloseTo(385e6 + 640e6 * eur.perUsd + (1.2e8 / cnyPerUsd) * eur.perUsd, -1);
      expect(f.formula).toMatch(/: USD->EUR at 0\.\d+ EUR per USD \(2026-06\)/);
      expect(f.formula).toMatch(/: CNY->USD at 7\.\d+ CNY per USD \(2024-09\); USD->EUR at 0\.\d+ EUR per USD \(2026-06\)/);
      expect(f.formula).not.toMatch(/EUR->USD/);
      expect(a.notes.map((n) => n.en).join('\n')).toMatch(/^Converted: \S+ \(1\.2亿元\): CNY->USD at .*2024-09/m);
    } finally {
      await s.close();
    }
  });
});
