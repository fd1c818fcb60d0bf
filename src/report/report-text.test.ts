import { describe, expect, it } from 'vitest';
import { fill, placeholders } from './report-text.js';
import { TEXT_EN } from './text-en.js';
import { TEXT_ZH } from './text-zh.js';

describe('the report texts', () => {
  const en = TEXT_EN as Record<string, string>;
  const zh = TEXT_ZH as Record<string, string>;

  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty text', () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages (order may differ)', () => {
    for (const k of Object.keys(en)) expect(placeholders(zh[k]!).sort(), k).toEqual(placeholders(en[k]!).sort());
  });

  it('are written for each reader: the Chinese text is Chinese, not a copy of the English', () => {
    const prose = Object.keys(en).filter((k) => en[k]!.length > 40);
    for (const k of prose) {
      expect(zh[k], k).not.toBe(en[k]);
      expect(/[\u4e00-\u9fff]/.test(zh[k]!), k).toBe(true);
    }
  });
});

describe('fill', () => {
  it('puts inlines and text where the placeholders are', () => {
    const num = { t: 'num' as const, text: '750k', fn: 3, value: 750000, unit: 'count' as const, per: null };
    expect(fill('{n} subscribers, {who}', { n: num, who: 'ChatGPT' })).toEqual([num, { t: 'text', text: ' subscribers, ChatGPT' }]);
  });
  it('throws naming a placeholder without a value', () => {
    expect(() => fill('{a} and {b}', { a: 'x' })).toThrow(/\{b\}/);
  });
});
