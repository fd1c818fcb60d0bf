import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfStore, openStore, type Store } from '../../ledger/index.js';
import { forecastInputs, type CompanyForecastInputs } from './forecast-inputs.js';
import { COSTS_FROM_LAST_ROUND, ROUND_INTERVAL_MONTHS } from './forecast-parameters.js';

// Made-up companies (none is scored against an outcome anywhere), read as of 2024-05-20.
const AS_OF = '2024-05-20';
const COMPANIES = ['Patient Co'];
const fact = (entity: string, metric: string, value: string, period: string, published: string, scope = '') => ({
  entity, metric, value_as_written: value, period, scope, kind: 'reported',
  publisher: 'Wire', title: 'Wire report', url: `https://example.org/wire/${entity.toLowerCase().replace(/\W+/g, '-')}/${metric}/${published}`, published,
});
const FACTS = [
  // one round 21 months before the date, nothing else: within the typical interval between rounds
  fact('Patient Co', 'funding', '$27 million', '2022-07', '2022-07-15', 'round'),
];

let store: Store;
const read = async (company: string): Promise<CompanyForecastInputs> =>
  forecastInputs(await asOfStore(store, { asOf: AS_OF }), company, { asOf: AS_OF, env: { sampleCount: 4000, seed: 11 } });
const row = (g: CompanyForecastInputs, input: string) => g.rows.find((r) => r.input === input)!;

beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
  for (const name of COMPANIES) await store.addEntity({ id: name.toLowerCase().replace(/\W+/g, '-'), nameEn: name, nameZh: null, aliases: [], kind: 'company', parent: null, notes: null });
  await store.importFacts(FACTS, { file: 'made-up.csv' });
});
afterAll(async () => store.close());

describe('costs where no cost figure is known', () => {
  it('take the latest round to last the typical interval between rounds, the same 27 months the recency rule calls normal', async () => {
    expect(COSTS_FROM_LAST_ROUND.value).toBe(ROUND_INTERVAL_MONTHS.value);
    const g = await read('Patient Co');
    expect(g.lacking).toEqual([]);
    expect(row(g, 'costs').formula).toMatch(/\/ \(27 months x round-size factor\)/);
    // the median round-size factor is 1: $27M / 27 a month
    expect(row(g, 'costs').p50 / 1e6).toBeCloseTo(1, 1);
    // 21 months after its round the company is within the typical interval (recency factor 1), and by the
    // same interval it still has money at the median: the two rules agree (with 18 months it had none left)
    expect(g.monthsSinceLastRound).toBe(21);
    expect(g.fundability.recency).toBe(1);
    expect(row(g, 'cash').p50).toBeGreaterThan(3e6);
    expect(row(g, 'cash').p50).toBeLessThan(8e6);
  });
});
