import { describe, expect, it } from 'vitest';
import { climateColumns, decodeColumns, encodeColumns, type Column } from './scenario-link.js';

/** Assumptions of the bundled file's form, eight companies long (the bundled file has eight). */
const bundled = `as_of: '2024-05'\ncompanies:\n${['OpenAI', 'Anthropic', 'Inflection AI', 'Moonshot AI', 'MiniMax', 'Zhipu AI', 'Baichuan AI', 'Stability AI'].map((c) => `  - company: ${c}
    cash:
      value: 5B to 15B
      rationale: a multi-year commitment and earlier rounds, less spending to date; no cash figure is public
      rationale_zh: 多年期投资承诺加上此前各轮融资，扣除迄今的开支；没有公开现金数字
    cost_growth:
      value: normal(0.03, 0.015)
      rationale: compute spending rises with each model generation but slower than revenue on average
      rationale_zh: 算力开支随每一代模型上升，但平均而言涨得比营收慢
`).join('')}`;

describe('the scenarios link', () => {
  it('carries the columns, their labels and texts (Chinese included) through the address and back, deflated', async () => {
    const columns: Column[] = [
      { label: '', climate: 'neutral', text: null },
      { label: 'OpenAI 现金减半', climate: 'neutral', text: bundled.replace('value: 5B to 15B', 'value: 2.5B to 7.5B') },
      { label: 'cold', climate: 'cold', text: null },
    ];
    const param = await encodeColumns(columns);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    // a third of the text as a plain query parameter
    expect(param.length).toBeLessThan(encodeURIComponent(bundled).length / 3);
    expect(await decodeColumns(param)).toEqual({ columns });
  });

  it('refuses a link cut short or made by hand, with the reason, rather than read part of it', async () => {
    const param = await encodeColumns([{ label: 'a', climate: 'hot', text: bundled }, { label: 'b', climate: 'cold', text: null }]);
    const cut = await decodeColumns(param.slice(0, param.length - 40));
    expect('error' in cut && cut.error).toMatch(/cannot be read/);
    const one = await decodeColumns(await encodeColumns([{ label: 'a', climate: 'hot', text: null }]));
    expect(one).toEqual({ error: 'the link\'s columns: expected 2 to 4 columns, got 1' });
    const odd = await decodeColumns(await encodeColumns([{ label: 'a', climate: 'hot', text: null }, { label: 'b', climate: 'tepid' as 'hot', text: null }]));
    expect('error' in odd && odd.error).toMatch(/column 2: expected \[label, climate \(cold, neutral, hot, auto\)/);
  });

  it('reads the first links of the page (climates=cold,hot) as climate columns', () => {
    expect(climateColumns('cold,warm,hot')).toEqual([{ label: '', climate: 'cold', text: null }, { label: '', climate: 'hot', text: null }]);
  });
});
