import { describe, expect, it } from 'vitest';
import { formulaText } from './formula-text.js';
import { lang } from './i18n.js';

// The phrase table itself is src/report/formula-zh.ts (tested there): one table for the report and the pages.
describe('formulaText', () => {
  it('an English page shows the formula as the API gave it', () => {
    lang.value = 'en';
    expect(formulaText('cash / net burn a month')).toBe('cash / net burn a month');
    lang.value = 'zh';
    expect(formulaText('cash / net burn a month')).toBe('现金 / 月净烧钱');
    expect(formulaText(null)).toBe('');
    lang.value = 'en';
  });
});
