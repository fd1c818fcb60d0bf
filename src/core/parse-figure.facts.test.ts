import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Qualifier } from './figure.js';
import { parseFigure } from './parse-figure.js';
import type { Per, Unit } from './quantity.js';

// Every value_as_written of the sourced fact files (copies of
// ../shared/data/company-facts.csv and reference-facts.csv in test/fixtures),
// read to the value written down here by hand, row by row.

type Row = Record<string, string>;
const rows = (file: string): Row[] =>
  // The files mix CRLF and LF line ends: one kind, so that the parser does not take a whole line for a field.
  parse(readFileSync(new URL(`../../test/fixtures/${file}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n'), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];

type Expected = [value: number, unit: Unit, qualifier: Qualifier, per?: Per];

/** company-facts.csv, in file order: entity, metric and the text as written, with its reading. */
const COMPANY_FACTS: ReadonlyArray<[entity: string, metric: string, text: string, expected: Expected]> = [
  ['OpenAI', 'revenue_run_rate', 'reached the $2 billion mark', [2e9, 'USD', 'over']],
  ['OpenAI', 'revenue_run_rate', '$3.4 billion', [3.4e9, 'USD', 'exact']],
  ['OpenAI', 'valuation', '$86 billion', [8.6e10, 'USD', 'exact']],
  ['OpenAI', 'funding', '$13 billion', [1.3e10, 'USD', 'exact']],
  ['OpenAI', 'funding', '$6.6 billion', [6.6e9, 'USD', 'exact']],
  ['OpenAI', 'valuation', '$157 billion', [1.57e11, 'USD', 'exact']],
  ['OpenAI', 'revenue', 'about $3.7 billion', [3.7e9, 'USD', 'about']],
  ['OpenAI', 'net_loss', 'roughly $5 billion', [5e9, 'USD', 'about']],
  ['OpenAI', 'headcount', 'over 1000', [1000, 'count', 'over']],
  ['Anthropic', 'funding', '$7.3 billion', [7.3e9, 'USD', 'exact']],
  ['Anthropic', 'valuation', '$15 billion', [1.5e10, 'USD', 'exact']],
  ['Anthropic', 'revenue', 'about $8 million', [8e6, 'USD', 'about']],
  ['Anthropic', 'funding', '$750 million', [7.5e8, 'USD', 'exact']],
  ['Anthropic', 'valuation', 'between $15 billion and $20 billion', [1.75e10, 'USD', 'range']],
  ['Anthropic', 'revenue_run_rate', '$100 million', [1e8, 'USD', 'exact']],
  ['Anthropic', 'funding', '$2.75bn', [2.75e9, 'USD', 'exact']],
  ['Inflection AI', 'funding', '$1.3 billion', [1.3e9, 'USD', 'exact']],
  ['Inflection AI', 'valuation', 'about $4 billion', [4e9, 'USD', 'about']],
  ['Inflection AI', 'funding', 'a total of $1.525 billion', [1.525e9, 'USD', 'exact']],
  ['Inflection AI', 'headcount', '70', [70, 'count', 'exact']],
  ['Stability AI', 'funding', '$101mn', [1.01e8, 'USD', 'exact']],
  ['Stability AI', 'funding', 'just under $50 million', [5e7, 'USD', 'nearly']],
  ['Stability AI', 'cash', '$4 million', [4e6, 'USD', 'exact']],
  ['Stability AI', 'spend', 'around $99 million a year', [9.9e7, 'USD', 'about', 'year']],
  ['Stability AI', 'spend', '$54 million', [5.4e7, 'USD', 'exact']],
  ['Stability AI', 'revenue', '$11 million', [1.1e7, 'USD', 'exact']],
  ['Stability AI', 'burn', '$8 milioni al mese', [8e6, 'USD', 'exact', 'month']],
  ['Moonshot AI', 'funding', '$1-billion', [1e9, 'USD', 'exact']],
  ['Moonshot AI', 'valuation', 'some $2.5 billion', [2.5e9, 'USD', 'about']],
  ['MiniMax', 'funding', 'at least US$600 million', [6e8, 'USD', 'over']],
  ['MiniMax', 'valuation', 'more than $2.5 billion', [2.5e9, 'USD', 'over']],
  ['MiniMax', 'revenue', '346万美元', [3.46e6, 'USD', 'exact']],
  ['MiniMax', 'revenue', '3052万美元', [3.052e7, 'USD', 'exact']],
  ['MiniMax', 'net_loss', '2.69亿美元', [2.69e8, 'USD', 'exact']],
  ['MiniMax', 'net_loss', '4.65亿美元', [4.65e8, 'USD', 'exact']],
  ['Zhipu AI', 'funding', '$400mn', [4e8, 'USD', 'exact']],
  ['Zhipu AI', 'valuation', 'about $3bn', [3e9, 'USD', 'about']],
  ['Zhipu AI', 'headcount', 'more than 800', [800, 'count', 'over']],
  ['Zhipu AI', 'revenue', '1.245亿元', [1.245e8, 'CNY', 'exact']],
  ['Zhipu AI', 'revenue', '3.124亿元', [3.124e8, 'CNY', 'exact']],
  ['Zhipu AI', 'net_loss', '7.88亿元', [7.88e8, 'CNY', 'exact']],
  ['Zhipu AI', 'net_loss', '29.58亿元', [2.958e9, 'CNY', 'exact']],
  ['Zhipu AI', 'spend', '15.53亿元', [1.553e9, 'CNY', 'exact']],
  ['Baichuan AI', 'funding', '$300 million', [3e8, 'USD', 'exact']],
  ['Baichuan AI', 'headcount', '170', [170, 'count', 'exact']],
  ['Baichuan AI', 'valuation', '$1.2 billion', [1.2e9, 'USD', 'exact']],
  ['Baichuan AI', 'funding', '5 billion yuan', [5e9, 'CNY', 'exact']],
];

/** reference-facts.csv, in file order. */
const REFERENCE_FACTS: ReadonlyArray<[entity: string, metric: string, text: string, expected: Expected]> = [
  ['ChatGPT', 'downloads', 'about 130M', [1.3e8, 'count', 'about']],
  ['ChatGPT', 'subscription_revenue', '$491K a day', [4.91e5, 'USD', 'exact', 'day']],
  ['Claude', 'subscription_revenue', '$31K', [3.1e4, 'USD', 'exact']],
  ['AI chatbot apps', 'consumer_spending', '$1.1B', [1.1e9, 'USD', 'exact']],
  ['All mobile apps', 'consumer_spending', '$150B', [1.5e11, 'USD', 'exact']],
  ['China AI sector', 'financing', '1052.51亿元', [105251000000, 'CNY', 'exact']],
  ['China AI sector', 'deals', '696起', [696, 'count', 'exact']],
];

describe.each([
  ['company-facts.csv', COMPANY_FACTS],
  ['reference-facts.csv', REFERENCE_FACTS],
] as const)('parseFigure on every value_as_written of %s', (file, expected) => {
  const data = rows(file);

  it('has one expected reading per row, in file order', () => {
    expect(data.map((r) => [r.entity, r.metric, r.value_as_written])).toEqual(expected.map(([e, m, t]) => [e, m, t]));
  });

  it.each(expected.map(([entity, metric, text, e], i) => [i + 2, entity, metric, text, e] as const))(
    'line %i: %s %s %j',
    (_line, _entity, _metric, text, [value, unit, qualifier, per]) => {
      const f = parseFigure(text);
      expect(Math.abs(f.value - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-12);
      expect(f.unit).toBe(unit);
      expect(f.qualifier).toBe(qualifier);
      expect(f.per).toBe(per ?? null);
      expect(f.alternatives).toEqual([]);
    },
  );
});
