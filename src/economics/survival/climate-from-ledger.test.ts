import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../ledger/index.js';
import { climateFromLedger, DEFAULT_CLIMATE_MARKET } from './climate-from-ledger.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:' });
});
afterAll(async () => {
  await store.close();
});

describe('climateFromLedger', () => {
  it('by default: OWID generative-AI funding, 2024 over 2023, one source (not CB Insights 2023 over OWID 2022)', async () => {
    const c = await climateFromLedger(store);
    expect(DEFAULT_CLIMATE_MARKET).toBe('genai-startups-global');
    expect(c.year).toBe(2024);
    expect(c.facts.map((f) => f.id)).toEqual(['owid-genai-world-2023', 'owid-genai-world-2024']);
    expect(c.growth).toBeCloseTo(29317294424 / 25433174564, 6);
    expect(c.climate.name).toBe('neutral');
    expect(c.reason.en).toMatch(/owid-genai-world-2024 \(\$29\.3B\) \/ owid-genai-world-2023 \(\$25\.4B\), both Our World in Data/);
    expect(c.reason.en).toMatch(/up 15% year on year \(x1\.15\): neutral/);
    expect(c.reason.zh).toMatch(/同比增长 15%（1\.15 倍）：中性/);
  });

  it('another market by any name; a market without two consecutive years from one source is an error that says what to do', async () => {
    const china = await climateFromLedger(store, { market: 'china-ai-sector' });
    expect(china.facts.map((f) => f.id)).toEqual(['owid-ai-china-2023', 'owid-ai-china-2024']);
    await expect(climateFromLedger(store, { market: 'OpenAI' })).rejects.toThrow(/^the climate from the ledger: the ledger has no yearly funding figures of OpenAI from one source for two consecutive years; add them, or name a climate or a funding growth$/);
    await expect(climateFromLedger(store, { market: 'OpenAI', hint: 'cli' })).rejects.toThrow(/^--climate auto: .*; add them, or set --climate or --funding-growth$/);
    await expect(climateFromLedger(store, { market: 'OpenAI', hint: 'api' })).rejects.toThrow(/^climate=auto: .*; add them, or set climate or fundingGrowth$/);
  });

  it('a later year of another source wins, and a fall of more than 20% is cold', async () => {
    const s = await openStore({ path: ':memory:' });
    try {
      const src = { publisher: 'Test Data', title: 'series', published: '2026-01-10' };
      await s.addFact({ entity: 'genai-startups-global', metric: 'funding', value: '$30B', period: '2024', kind: 'reported', source: src });
      await s.addFact({ entity: 'genai-startups-global', metric: 'funding', value: '$15B', period: '2025', kind: 'reported', source: src });
      const c = await climateFromLedger(s);
      expect(c.year).toBe(2025);
      expect(c.growth).toBeCloseTo(0.5, 9);
      expect(c.climate.name).toBe('cold');
      expect(c.reason.en).toMatch(/both Test Data; .* down 50%/);
    } finally {
      await s.close();
    }
  });
});
