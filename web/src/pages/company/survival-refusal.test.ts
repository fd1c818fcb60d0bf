import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../i18n.js';
import { companyHeading, survivalRefusalText } from './survival-refusal.js';

const missing = (input: string) => ({ code: 'missing_input', path: ['companies', 'mistral-ai', input], message: `Mistral AI: the survival simulation needs ${input} (give ...)` });

afterEach(() => {
  lang.value = 'en';
});

describe('the company page when the simulation cannot take the company (trial T3, T4)', () => {
  it('says what is missing in words, not field names, in each language', () => {
    lang.value = 'en';
    const issues = [missing('cash'), missing('revenueGrowth'), missing('costGrowth')];
    expect(survivalRefusalText(issues)).toBe('Not enough facts to simulate yet: missing cash, revenue growth, and cost growth.');
    lang.value = 'zh';
    expect(survivalRefusalText(issues)).toBe('事实尚不足，暂无法模拟：缺少现金、营收增速和支出增速。');
  });

  it('says when a company was out of the race, with its outcome in words', () => {
    lang.value = 'en';
    const out = { code: 'out_before_start', path: ['companies', 'inflection-ai'], message: 'Inflection AI: out since ...', got: '2024-03-19 acquihire_license DeepLearning.AI (The Batch)' };
    expect(survivalRefusalText([out])).toBe('Out since 2024-03-19 (acqui-hire by licence, DeepLearning.AI (The Batch)): not simulated.');
  });

  it('leaves any other refusal to the error box', () => {
    expect(survivalRefusalText([{ code: 'invalid_assumption', path: ['as_of'], message: 'bad' }])).toBeNull();
    expect(survivalRefusalText([missing('cash'), { code: 'invalid_assumption', path: ['as_of'], message: 'bad' }])).toBeNull();
    expect(survivalRefusalText([])).toBeNull();
  });

  it('shows the Chinese name beside the English one only when it differs', () => {
    lang.value = 'en';
    expect(companyHeading({ nameEn: 'Mistral AI', nameZh: 'Mistral AI' })).toEqual({ title: 'Mistral AI', other: null });
    expect(companyHeading({ nameEn: 'Moonshot AI', nameZh: '月之暗面' })).toEqual({ title: 'Moonshot AI', other: '月之暗面' });
    expect(companyHeading({ nameEn: 'Cohere', nameZh: null })).toEqual({ title: 'Cohere', other: null });
    lang.value = 'zh';
    expect(companyHeading({ nameEn: 'Moonshot AI', nameZh: '月之暗面' })).toEqual({ title: '月之暗面', other: null });
  });
});
