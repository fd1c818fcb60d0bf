import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../ledger/index.js';
import { openLedger } from './open-ledger.js';
import { loadSurvivalAssumptions, runHealthAnalysis } from './analyze-health.js';
import { runSurvivalSimulation } from './simulate-survival.js';
import { runUnitEconomicsAnalysis } from './analyze-unit-economics.js';

let ledger: Store;
beforeAll(async () => {
  ledger = await openLedger({ db: ':memory:' });
});
afterAll(async () => ledger.close());

describe('survival use-case', () => {
  it('loads the bundled assumptions and runs them, neutral by default', async () => {
    expect(loadSurvivalAssumptions().companies).toHaveLength(8);
    const a = await runSurvivalSimulation(ledger, { companies: ['OpenAI'], paths: 300, horizonMonths: 12, hint: 'cli' });
    expect(a.details.climate.name).toBe('neutral');
    expect(a.details.climateReason!.en).toMatch(/default: neutral/);
    expect(a.details.companies[0]!.survival).toHaveLength(13);
    const hot = await runSurvivalSimulation(ledger, { companies: ['OpenAI'], paths: 300, horizonMonths: 12, fundingGrowth: 5.67 });
    expect(hot.details.climate.name).toBe('hot');
    const set = await runSurvivalSimulation(ledger, { companies: ['OpenAI'], paths: 300, horizonMonths: 12, fundingGrowth: 5.67, climate: 'cold' });
    expect(set.details.climate.name).toBe('cold'); // a named climate wins
    expect(set.details.climateReason!.zh).toBe('本次运行选定：寒冷');
  });
  it('climate auto: derived from the ledger\'s funding series, the facts cited with the analysis', async () => {
    const a = await runSurvivalSimulation(ledger, { companies: ['OpenAI'], paths: 300, horizonMonths: 12, climate: 'auto', hint: 'cli' });
    expect(a.details.climate.name).toBe('neutral');
    expect(a.details.climateFactIds).toEqual(['owid-genai-world-2023', 'owid-genai-world-2024']);
    expect(a.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['owid-genai-world-2023', 'owid-genai-world-2024']));
    expect(a.assumptions.find((x) => x.id === 'survival.climate')!.rationale.en).toMatch(/^derived from the ledger \(--climate auto\)/);
    const none = await runSurvivalSimulation(ledger, { companies: ['OpenAI'], paths: 100, horizonMonths: 12, hint: 'cli' });
    expect(none.details.climateFactIds).toEqual([]);
    expect(none.details.climateReason!.en).toMatch(/--climate auto derives it/);
  });
  it('health with the assumptions: the file\'s as_of cuts only a company it names, and the start is said (trial T2)', async () => {
    const named = (await runHealthAnalysis(ledger, { company: 'OpenAI', assumptions: true, samples: 200 })).analysis;
    expect(named.details.start).toMatchObject({ date: '2024-05', basis: 'assumptions', file: 'data/survival-assumptions.yaml' });
    expect(named.details.start.text.en).toMatch(/^Inputs as of 2024-05, the start of the simulation \(set by the shipped assumptions, data\/survival-assumptions\.yaml\): 4 later facts left aside: co-openai-funding-as-of-2024-10 \(funding, as of Oct 2024, "\$13 billion"\)/);
    await ledger.addEntity({ id: 'newco', nameEn: 'NewCo', nameZh: 'NewCo', aliases: [], kind: 'company', parent: null, notes: null } as never);
    await ledger.addFact({ entity: 'NewCo', metric: 'funding', scope: 'round', period: '2023-12', value: '€385 million', source: { publisher: 'Reuters', published: '2023-12-11' } });
    await ledger.addFact({ entity: 'NewCo', metric: 'funding', scope: 'round', period: '2024-06', value: '€600 million', source: { publisher: 'Reuters', published: '2024-06-11' } });
    const other = (await runHealthAnalysis(ledger, { company: 'NewCo', assumptions: true, samples: 200 })).analysis;
    expect(other.details.start).toMatchObject({ basis: 'latest', date: '2024-06', leftAside: [] });
    expect(other.details.start.text.en).toBe('Inputs from its own latest facts (to 2024-06): data/survival-assumptions.yaml does not name it, so its start (2024-05) does not cut its facts.');
    expect(other.details.inputs.find((r) => r.name === 'funding')!.factIds).toHaveLength(2);
  });
  it('says what is wrong with an assumptions file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shakeout-assume-'));
    expect(() => loadSurvivalAssumptions(join(dir, 'nope.yaml'))).toThrow(/cannot read the assumptions file/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'as_of: [unclosed');
    expect(() => loadSurvivalAssumptions(bad)).toThrow(/not valid YAML or JSON/);
  });
});

describe('unit-economics use-case', () => {
  it('defaults to the ledger price, GPT-4 training costs and F22 subscribers', async () => {
    const a = await runUnitEconomicsAnalysis(ledger, { samples: 500 });
    expect(a.facts.map((f) => f.id)).toContain('F21');
    expect(a.facts.map((f) => f.id)).toContain('F22');
    expect(a.details.breakEvenByTrainingCost.map((r) => r.label)).toEqual([
      'GPT-4, amortised hardware capex + energy (Epoch main method)',
      'GPT-4, cloud rental',
      'GPT-4, hardware acquisition',
    ]);
    await expect(runUnitEconomicsAnalysis(ledger, { trainingModel: 'ChatGPT' })).rejects.toThrow(/no training_cost facts for ChatGPT/);
    const none = await runUnitEconomicsAnalysis(ledger, { samples: 200, trainingModel: 'none', fixedCosts: '$10M' });
    expect(none.details.answer).toBeNull();
  });
  it('names a training cost recorded under a scope that is none of Epoch\'s methods by the scope\'s name, in Chinese on zh pages, never by its id (trial: zh formulas)', async () => {
    const own = await openLedger({ db: ':memory:' });
    try {
      await own.addFact({ entity: 'GPT-4', metric: 'training_cost', scope: 'round', period: '2023', value: '$60M', source: { publisher: 'Some Wire', published: '2024-01-01' } });
      const a = await runUnitEconomicsAnalysis(own, { samples: 200 });
      const row = a.details.breakEvenByTrainingCost.find((r) => r.label === 'GPT-4, round')!;
      expect(row.labelText).toEqual({ en: 'GPT-4, round', zh: 'GPT-4（单轮）' });
      const e = a.estimates.find((x) => x.formula.startsWith('training cost (GPT-4, round)'))!;
      expect(e.label.zh).toBe('若训练成本按GPT-4（单轮）计，收支平衡所需付费订阅者');
      // the formula names the scope in English words, which formulaZh says in Chinese by the same table (formula-zh.test.ts)
      expect(e.formula).toMatch(/^training cost \(GPT-4, round\) \/ 12 \//);
      // a scope the table does not name is written in words, not as an id
      await own.addFact({ entity: 'GPT-4', metric: 'training_cost', scope: 'single_run', period: '2023', value: '$70M', source: { publisher: 'Other Wire', published: '2024-02-01' } });
      const b = await runUnitEconomicsAnalysis(own, { samples: 200 });
      expect(b.estimates.map((x) => x.formula).join(' ')).not.toContain('single_run');
      expect(b.details.breakEvenByTrainingCost.map((r) => r.labelText?.zh)).toContain('GPT-4（single run）');
    } finally {
      await own.close();
    }
  });
});
