import { describe, expect, it } from 'vitest';
import { BASIS_ZH, COMMON_SCOPES, scopeName } from './vocabulary.js';

describe('scopeName', () => {
  it('names every common scope in Chinese without its internal spelling', () => {
    for (const s of COMMON_SCOPES) {
      const zh = scopeName(s, 'zh');
      expect(zh, s).not.toMatch(/[_:]/);
      if (!['app_store', 'google_play', 'app_store+google_play'].includes(s)) expect(zh, s).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(scopeName('round', 'zh')).toBe('单轮');
    expect(scopeName('region:China', 'zh')).toBe('中国');
    expect(scopeName('wages_and_opex', 'zh')).toBe('工资及运营开支');
  });

  it('keeps the English names, and writes an unknown scope with spaces', () => {
    expect(scopeName('round', 'en')).toBe('round');
    expect(scopeName('segment:ai_production', 'en')).toBe('AI production');
    expect(scopeName('enterprise_seats', 'zh')).toBe('enterprise seats');
    expect(BASIS_ZH.net).toBe('净额');
  });
});
