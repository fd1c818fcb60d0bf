import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue, ShakeoutError } from '../core/index.js';
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
  const add = (published: string) => store.addFact({ entity: 'OpenAI', metric: 'revenue', value: '$1B', period: '2023', source: { publisher: `P ${published}`, published } });
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

describe('facts that cannot be right are refused, with the field, what was expected and what came (trial T15)', () => {
  const TODAY = '2026-12-02T10:00:00.000Z';
  let ledger: Store;
  beforeAll(async () => {
    ledger = await openStore({ path: ':memory:', loadBundled: false, now: () => TODAY });
  });
  afterAll(async () => {
    await ledger.close();
  });
  const refusal = async (input: Partial<Parameters<Store['addFact']>[0]>): Promise<Issue[]> => {
    const fact = { entity: 'OpenAI', metric: 'funding', value: '$1B', period: '2024', source: { publisher: 'Test Wire', published: '2024-06-01' }, ...input };
    const e = await ledger.addFact(fact).then(() => null, (x: unknown) => x as ShakeoutError);
    expect(e, JSON.stringify(input)).not.toBeNull();
    expect(e!.status).toBe(400);
    return [...e!.issues];
  };

  it('refuses money without a currency, a count in money, and a growth in money', async () => {
    expect(await refusal({ value: '500 million' })).toEqual([
      expect.objectContaining({ code: 'missing_currency', path: ['value'], expected: 'money', got: '500 million', message: expect.stringContaining('expected funding as money with its currency, such as "$500 million"') }),
    ]);
    expect((await refusal({ metric: 'valuation', value: '80B' }))[0]!.message).toContain('got "80B", read as a number with no currency: a number alone is not taken as US dollars');
    expect((await refusal({ metric: 'price', value: '14.99/month' }))[0]!.code).toBe('missing_currency');
    expect(await refusal({ metric: 'headcount', value: '$500' })).toEqual([
      expect.objectContaining({ code: 'not_a_count', path: ['value'], expected: 'count', got: '$500', message: 'expected headcount as a count, such as "250" or "about 1.2 million" (not money, a percent or a multiple), got "$500", read as money (USD)' }),
    ]);
    expect((await refusal({ metric: 'users', value: '30%' }))[0]!.code).toBe('not_a_count');
    expect((await refusal({ metric: 'growth', value: '$5B' }))[0]!.code).toBe('not_a_ratio');
    expect(await ledger.listFacts()).toEqual([]);
  });

  it('takes the unit column as the explicit way to say the currency', async () => {
    const f = await ledger.addFact({ entity: 'OpenAI', metric: 'funding', value: '500 million', defaultUnit: 'USD', period: '2024-01', source: { publisher: 'Unit Wire', published: '2024-02-01' } });
    expect(f.figure).toMatchObject({ unit: 'USD', value: 500e6 });
  });

  it('refuses a value below zero where none can be, and takes one where it means something', async () => {
    expect(await refusal({ metric: 'valuation', value: '-$5B' })).toEqual([
      expect.objectContaining({ code: 'negative_value', path: ['value'], expected: '0', got: '-$5B', message: 'expected valuation of at least 0 (a valuation cannot be below zero), got "-$5B"' }),
    ]);
    for (const [metric, value] of [['funding', '-$1B'], ['headcount', '-250'], ['price', '-$20'], ['growth', '-3x']] as const) {
      expect((await refusal({ metric, value }))[0], `${metric} ${value}`).toMatchObject({ code: 'negative_value' });
    }
    const profit = await ledger.addFact({ entity: 'OpenAI', metric: 'net_loss', value: '-$1B', period: '2023', source: { publisher: 'Profit Wire', published: '2024-01' } });
    expect(profit.figure.value).toBe(-1e9);
    const decline = await ledger.addFact({ entity: 'OpenAI', metric: 'growth', value: '-20%', period: '2023', source: { publisher: 'Decline Wire', published: '2024-01' } });
    expect(decline.figure.value).toBeCloseTo(-0.2, 12);
  });

  it('refuses a publication date after today, by the store\'s clock', async () => {
    expect(await refusal({ source: { publisher: 'Future Wire', published: '2027-03-01' } })).toEqual([
      expect.objectContaining({ code: 'published_in_future', path: ['published'], expected: '2026-12-02', got: '2027-03-01', message: 'expected a publication date on or before today (2026-12-02): a source cannot have been published later, got "2027-03-01"' }),
    ]);
    // written to the month or year, a date may be any day of it
    const f = await ledger.addFact({ entity: 'OpenAI', metric: 'funding', value: '$2B', period: '2026', source: { publisher: 'This Month', published: '2026-12' } });
    expect(f.source.published).toBe('2026-12');
  });

  it('refuses a reported figure or a round published before its period began; a derived fact or an assumption may be', async () => {
    const round = await refusal({ period: '2024-07', scope: 'round', source: { publisher: 'Early Wire', published: '2022-01-01' } });
    expect(round).toEqual([
      expect.objectContaining({ code: 'published_before_period', path: ['published'], expected: '2024-07-01', got: '2022-01-01', message: expect.stringContaining('expected a publication date on or after 2024-07-01, the start of the round of 2024-07 (a round is reported once it has happened), got "2022-01-01"') }),
    ]);
    const reported = await refusal({ metric: 'revenue', period: '2025', source: { publisher: 'Early Wire', published: '2024-09' } });
    expect(reported[0]!.message).toContain('a projection of a period to come is recorded as kind assumption, with the source in its note');
    // the year 2024 as a publication date may be late in 2024: not refused for a period of 2024-07
    expect((await ledger.addFact({ entity: 'OpenAI', metric: 'funding', value: '$3B', period: '2024-07', scope: 'round', source: { publisher: 'Year Wire', published: '2024' } })).id).toBeTruthy();
    const projection = await ledger.addFact({ entity: 'OpenAI', metric: 'revenue', value: '$11.6B', period: '2025', kind: 'assumption', source: { publisher: 'Projection Wire', published: '2024-09-27' }, notes: 'the company\'s projection' });
    expect(projection.kind).toBe('assumption');
  });

  it('says every problem of a record at once and stores nothing', async () => {
    const before = (await ledger.listFacts()).length;
    const issues = await refusal({ metric: 'valuation', value: '-5B', source: { publisher: 'Bad Wire', published: '2027-01-01' } });
    expect(issues.map((i) => i.code)).toEqual(['missing_currency', 'published_in_future']);
    expect((await ledger.listFacts()).length).toBe(before);
  });
});
