import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ path: ':memory:', loadBundled: false });
});
afterAll(async () => {
  await store.close();
});

describe('source dates', () => {
  const add = (published: string) => store.addFact({ entity: 'OpenAI', metric: 'revenue', value: '$1B', period: '2024', source: { publisher: `P ${published}`, published } });
  it('refuses dates that have the form of a date but are none, saying why, and stores nothing', async () => {
    await expect(add('9999-99-99')).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/published.*expected a date such as 2024-05-20.*"9999-99-99"/) });
    await expect(add('2024-02-30')).rejects.toMatchObject({ message: expect.stringContaining('day 30 is not in 2024-02') });
    await expect(add('2023-13')).rejects.toMatchObject({ message: expect.stringContaining('month 13 is not 1 to 12') });
    expect(await store.listFacts()).toEqual([]);
  });
  it('takes real days, months and years', async () => {
    for (const d of ['2024-02-29', '2024-05', '2023']) expect((await add(d)).source.published).toBe(d);
  });
});

describe('a figure the reader refuses', () => {
  it('is an invalid_figure issue with the reader\'s reason in words and as data, and stores nothing', async () => {
    const e = await store.addFact({ entity: 'OpenAI', metric: 'funding', value: '¥100', period: '2024', source: { publisher: 'X' } }).then(() => null, (x: unknown) => x as { issues: Record<string, unknown>[] });
    expect(e!.issues).toEqual([{
      code: 'invalid_figure',
      path: ['value'],
      message: expect.stringMatching(/got "¥100"; "¥" alone is the sign of both the Chinese yuan and the Japanese yen/),
      got: '¥100',
      reason: { code: 'ambiguous_yen_sign', params: { symbol: '¥' } },
    }]);
    expect(await store.listFacts({ entity: 'openai', metric: 'funding' })).toEqual([]);
  });
});

describe('an entity the ledger does not know (trial T7, T13)', () => {
  const refusal = async (entity: string, metric = 'funding'): Promise<string> => {
    const e = await store.addFact({ entity, metric, value: '$1B', period: '2024', source: { publisher: 'X' } }).then(() => null, (x: unknown) => x as { issues: { code: string; message: string }[] });
    return e!.issues.find((i) => i.code === 'unknown_entity')!.message;
  };
  it('suggests only a close name, and a company before an app or a model', async () => {
    expect(await refusal('Aleph Alpha')).not.toContain('did you mean'); // not "all apps"
    expect(await refusal('Mistral AI')).not.toContain('did you mean'); // not the model "Mistral Large"
    expect(await refusal('Antropic')).toContain('did you mean "Anthropic"?');
    expect(await refusal('百川智慧')).toContain('did you mean "百川智能"?');
  });
  it('for a training cost, suggests a model and says to add one with --kind model', async () => {
    const m = await refusal('Gemini 1.0 Ultr', 'training_cost');
    expect(m).toContain('did you mean "Gemini 1.0 Ultra"? If not, add it first: shakeout entities add --id gemini-1.0-ultr --name "Gemini 1.0 Ultr" --kind model');
    expect(m).toContain('"kind":"model"');
  });
  it('for a Chinese name, leaves the id and English name to the user and gives the name as the Chinese one', async () => {
    expect(await refusal('零一万物')).toContain('add it first: shakeout entities add --id <a lower-case id such as "baichuan-ai"> --name <its English name> --name-zh "零一万物"');
  });
});
