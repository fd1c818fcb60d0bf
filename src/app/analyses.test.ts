import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShakeoutError } from '../core/index.js';
import type { Analysis, HealthDetails } from '../economics/index.js';
import { asOfStore, type Store } from '../ledger/index.js';
import { analysisCatalogue, analysisContext, analysisEntry, ANALYSIS_NAMES, runAnalysis } from './analyses.js';
import { runFundingAnalysis } from './analyze-funding.js';
import { runHealthAnalysis } from './analyze-health.js';
import { runBacktest } from './backtest.js';
import { openLedger } from './open-ledger.js';
import { runSurvivalSimulation } from './simulate-survival.js';

let ledger: Store;
beforeAll(async () => {
  ledger = await openLedger({ db: ':memory:' });
});
afterAll(async () => ledger.close());

const issuesOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ShakeoutError);
  return (e as ShakeoutError).issues;
};

describe('the analyses registry', () => {
  it('lists the seven analyses with a summary and the JSON Schema of their options', () => {
    expect(ANALYSIS_NAMES).toEqual(['subscribers', 'funding', 'health', 'survival', 'unit-economics', 'checks', 'backtest']);
    const health = analysisCatalogue().find((a) => a.name === 'health')!;
    expect(health.summary).toMatch(/runway/);
    expect(health.options).toMatchObject({ type: 'object', required: ['company'] });
    expect(Object.keys(health.options.properties as object)).toContain('assumptionsText');
  });

  it('gives what the use-cases give, with the context\'s samples and seed', async () => {
    const ctx = analysisContext(ledger, { samples: 2000, seed: 9 });
    const viaRegistry = await runAnalysis('health', ctx, { company: 'Zhipu AI' });
    const direct = (await runHealthAnalysis(ledger, { company: 'Zhipu AI', samples: 2000, seed: 9 })).analysis;
    expect(viaRegistry.estimates.map((e) => [e.id, e.p50])).toEqual(direct.estimates.map((e) => [e.id, e.p50]));
    expect(viaRegistry.env).toEqual({ sampleCount: 2000, seed: 9 });
    const survival = await runAnalysis('survival', ctx, { companies: 'OpenAI, Anthropic', horizon: '24', climate: 'cold' });
    const sameSurvival = await runSurvivalSimulation(ledger, { companies: ['OpenAI', 'Anthropic'], horizonMonths: 24, paths: 2000, seed: 9, climate: 'cold' });
    expect(survival.details.companies.map((c) => c.pOutWithin)).toEqual(sameSurvival.details.companies.map((c) => c.pOutWithin));
    const funding = await runAnalysis('funding', ctx, { region: 'China', constantYear: 2021 });
    const sameFunding = await runFundingAnalysis(ledger, { region: 'China', constantYear: 2021, env: { sampleCount: 2000, seed: 9 } });
    expect(funding.details).toEqual(sameFunding.details);
    // funding's averages and growth multiples are drawn with the context's samples and seed
    expect(funding.estimates.map((e) => [e.id, e.p5, e.p50, e.p95])).toEqual(sameFunding.estimates.map((e) => [e.id, e.p5, e.p50, e.p95]));
    expect(funding.env).toEqual({ sampleCount: 2000, seed: 9 });
    // health's inputs as of a date (the report's: the simulation's as_of), as the use-case's asOf
    const dated = await runAnalysis('health', ctx, { company: 'Zhipu AI', date: '2024-05' });
    const sameDated = (await runHealthAnalysis(ledger, { company: 'Zhipu AI', samples: 2000, seed: 9, asOf: '2024-05' })).analysis;
    expect(dated.estimates.map((e) => [e.id, e.p50])).toEqual(sameDated.estimates.map((e) => [e.id, e.p50]));
    expect(dated.notes).toEqual(sameDated.notes);
    await expect(runAnalysis('health', ctx, { company: 'Zhipu AI', date: 'May 2024' })).rejects.toThrow(/options\.date: expected a month or a day such as 2024-05 or 2024-05-20, got "May 2024"/);
  });

  it('reads options from a query string as from a command line: numbers, yes/no and lists as text', async () => {
    const ctx = analysisContext(ledger, { samples: 500 });
    const a = (await runAnalysis('health', ctx, { company: 'OpenAI', assumptions: 'true' })) as Analysis<HealthDetails>;
    expect(a.details.inputs.some((r) => r.status === 'assumed')).toBe(true);
    const b = await runAnalysis('backtest', analysisContext(ledger, { samples: 300, asOf: '2024-05-20' }), { horizon: '24', companies: 'Inflection AI,Anthropic', today: '2026-06-01' });
    const direct = await runBacktest(ledger, { asOf: '2024-05-20', horizonMonths: 24, companies: ['Inflection AI', 'Anthropic'], paths: 300, today: '2026-06-01' });
    expect(b.companies.map((c) => c.pOut)).toEqual(direct.companies.map((c) => c.pOut));
  });

  it('takes survival assumptions as text (the text form of --assumptions FILE), and names the field of a bad one', async () => {
    const ctx = analysisContext(ledger, { samples: 300 });
    const issues = await issuesOf(runAnalysis('survival', ctx, { assumptionsText: 'companies: [unclosed' }));
    expect(issues[0]).toMatchObject({ code: 'invalid_yaml', path: ['options.assumptionsText'] });
  });

  it('says the default climate\'s reason with the command line\'s options, or without them (climateHint false, the report\'s); a set climate is said the same either way', async () => {
    const ctx = analysisContext(ledger, { samples: 200, hint: 'cli' });
    const hinted = await runAnalysis('survival', ctx, { companies: 'OpenAI', horizon: 12 });
    const plain = await runAnalysis('survival', ctx, { companies: 'OpenAI', horizon: 12, climateHint: 'false' });
    const reason = (a: typeof plain) => a.assumptions.find((x) => x.id === 'survival.climate')!.rationale;
    expect(reason(hinted).en).toMatch(/^default: neutral \(--climate auto derives it/);
    expect(reason(plain)).toEqual({ en: 'the default climate of the simulation', zh: '模拟的默认融资环境' });
    expect(plain.details.climate.name).toBe('neutral');
    // only the words differ: the same simulation
    expect(plain.details.companies.map((c) => c.pOutWithin)).toEqual(hinted.details.companies.map((c) => c.pOutWithin));
    const cold = await runAnalysis('survival', ctx, { companies: 'OpenAI', horizon: 12, climate: 'cold', climateHint: false });
    expect(reason(cold).en).toBe('chosen for this run: cold');
    expect((await issuesOf(runAnalysis('survival', ctx, { climateHint: 'no' })))[0]).toMatchObject({ path: ['options', 'climateHint'], message: expect.stringMatching(/got "no"$/) });
  });

  it('names the request\'s fields, never a flag, in a context of the API (hint api); names neither with no hint (trial: dashboard texts)', async () => {
    const api = analysisContext(ledger, { samples: 200, hint: 'api' });
    const reason = (a: Analysis) => a.assumptions.find((x) => x.id === 'survival.climate')!.rationale;
    const overHttp = reason(await runAnalysis('survival', api, { companies: 'OpenAI', horizon: 12 }));
    expect(overHttp.en).toBe('default: neutral (the funding climate "from the ledger", climate=auto, derives it from the ledger\'s funding figures; or set climate, or fundingGrowth)');
    expect(overHttp.zh).toBe('默认：中性（融资环境选“由账本推得”，即 climate=auto，可由账本中的融资数据推得；也可设定 climate 或 fundingGrowth）');
    const unsaid = reason(await runAnalysis('survival', analysisContext(ledger, { samples: 200 }), { companies: 'OpenAI', horizon: 12 }));
    expect(unsaid.en).toBe('the default climate of the simulation');
    // the check that advises reading the basis as unknown (Sensor Tower's store revenue, recorded as gross)
    const disputed = (a: Analysis) => (a.details as { flags: { check: string; explanation: { en: string; zh: string } }[] }).flags.find((f) => f.check === 'disputed_basis')!.explanation;
    const cli = disputed(await runAnalysis('checks', analysisContext(ledger, { hint: 'cli' }), {}));
    expect(cli.en).toMatch(/Run the analysis with --basis unknown to carry both readings\.$/);
    expect(cli.zh).toMatch(/分析时加 --basis unknown 可同时看两种理解。$/);
    const http = disputed(await runAnalysis('checks', api, {}));
    expect(http.en).toMatch(/Run the subscribers analysis with the basis unknown \(basis=unknown\) to carry both readings\.$/);
    expect(http.zh).toMatch(/订阅用户分析把口径设为“未知”（basis=unknown），可同时看两种理解。$/);
    const plain = disputed(await runAnalysis('checks', analysisContext(ledger), {}));
    // with no surface named (a report's), the advice is left out: the text says what holds
    expect(plain.en).toMatch(/net \/ \(1 - commission\): 18-43% more\.$/);
    expect(plain.zh).toMatch(/要高出18%-43%。$/);
    for (const t of [http, plain]) expect(`${t.en} ${t.zh}`).not.toMatch(/--[a-z]/);
    // the subscribers analysis's note on Sensor Tower's figures recorded as gross
    const note = (a: Analysis) => a.notes.find((n) => n.en.includes('Sensor Tower\'s help centre'))!;
    expect(note(await runAnalysis('subscribers', api, { product: 'ChatGPT' })).en).toMatch(/\(basis=unknown\) to carry both readings\.$/);
    expect(note(await runAnalysis('subscribers', analysisContext(ledger, { samples: 200, hint: 'cli' }), { product: 'ChatGPT' })).zh).toMatch(/分析时加 --basis unknown 可同时看两种理解。$/);
  });

  it('refuses bad options with the field, what was expected and what came; an unknown option and an unknown analysis', async () => {
    const ctx = analysisContext(ledger, { samples: 300 });
    expect((await issuesOf(runAnalysis('survival', ctx, { horizon: '700' })))[0]).toMatchObject({ path: ['options', 'horizon'], message: expect.stringMatching(/got "700"$/) });
    expect((await issuesOf(runAnalysis('survival', ctx, { assumptionsFile: '/etc/passwd' })))[0]).toMatchObject({ code: 'unrecognized_keys', message: expect.stringMatching(/no field "assumptionsFile"/) });
    expect((await issuesOf(runAnalysis('health', ctx, {})))[0]).toMatchObject({ path: ['options', 'company'], message: expect.stringMatching(/got nothing$/) });
    expect(() => analysisEntry('helth')).toThrow(/did you mean "?health"?/);
    expect((await issuesOf(runAnalysis('backtest', ctx, {})))[0]).toMatchObject({ path: ['asOf'] });
  });

  it('reads the as-of day from an as-of store', async () => {
    const view = await asOfStore(ledger, { asOf: '2024-05-20' });
    expect(analysisContext(view).asOf).toBe('2024-05-20');
    expect(analysisContext(ledger).asOf).toBeNull();
  });

  it('an aborted context stops the simulation with code aborted', async () => {
    const controller = new AbortController();
    let months = 0;
    const ctx = analysisContext(ledger, { samples: 2000, signal: controller.signal, onProgress: (done) => { months = done; if (done === 5) controller.abort(); } });
    const issues = await issuesOf(runAnalysis('survival', ctx, { companies: ['OpenAI', 'Anthropic'] }));
    expect(issues[0]!.code).toBe('aborted');
    expect(months).toBe(5); // of 2 x 60
  });
});
