import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../i18n.js';
import { missingParams } from './analyses-page.js';
import { ChecksView, type CheckFlag } from './checks-view.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();

// two flags as GET /api/analyses/checks gives them (details.flags), the warning first
const FLAGS: CheckFlag[] = [
  { id: 'conflict:F13:x', severity: 'warning', check: 'conflict', title: { en: 'Sources disagree: Zhipu AI valuation', zh: '来源不一致：智谱AI估值' }, explanation: { en: 'F13 and Bloomberg do not overlap.', zh: 'F13与Bloomberg不重合。' }, facts: ['F13', 'co-zhipu'] },
  { id: 'out_of_line:F19:y', severity: 'error', check: 'out_of_line', title: { en: 'F19: ChatGPT downloads, 6.9x above Appfigures', zh: 'F19：ChatGPT下载量是Appfigures数字的6.9倍' }, explanation: { en: 'F19 is probably wrong.', zh: 'F19很可能有误。' }, facts: ['F19'] },
];

afterEach(() => {
  lang.value = 'en';
});

describe('ChecksView', () => {
  it('shows each flag, worst first: severity, what, the explanation, the facts as links', () => {
    const html = renderToString(h(ChecksView, { flags: FLAGS }));
    const items = html.match(/<li[^>]*>.*?<\/li>/g)!.map(text);
    expect(items).toEqual([
      'error F19: ChatGPT downloads, 6.9x above Appfigures F19 is probably wrong. Facts: F19',
      'warning Sources disagree: Zhipu AI valuation F13 and Bloomberg do not overlap. Facts: F13 co-zhipu',
    ]);
    expect(html).toContain('href="#/ledger?fact=co-zhipu"');
    expect(html.match(/data-severity="(\w+)"/g)).toEqual(['data-severity="error"', 'data-severity="warning"']);
  });

  it('speaks Chinese on a Chinese page', () => {
    lang.value = 'zh';
    const t = text(renderToString(h(ChecksView, { flags: FLAGS })));
    expect(t).toContain('错误 F19：ChatGPT下载量是Appfigures数字的6.9倍 F19很可能有误。 所涉事实： F19');
    expect(t).toContain('警告 来源不一致：智谱AI估值');
  });

  it('says when nothing is flagged', () => {
    expect(text(renderToString(h(ChecksView, { flags: [] })))).toBe('Nothing flagged: every check passed.');
  });
});

describe('missingParams', () => {
  const params = [{ name: 'company', in: 'query', required: true }, { name: 'asOf', in: 'query' }];
  it('names the required parameters without a value, so the analysis is not asked for before they have one', () => {
    expect(missingParams(params, {}).map((p) => p.name)).toEqual(['company']);
    expect(missingParams(params, { company: '  ' }).map((p) => p.name)).toEqual(['company']);
    expect(missingParams(params, { company: 'OpenAI' })).toEqual([]);
  });
});
