import { describe, expect, it } from 'vitest';
import { countNoun } from './count-noun.js';

describe('countNoun', () => {
  it('agrees in number', () => {
    expect(countNoun(1, 'company', 'companies')).toBe('1 company');
    expect(countNoun(2, 'company', 'companies')).toBe('2 companies');
    expect(countNoun(0, 'month')).toBe('0 months');
    expect(countNoun(1, 'month')).toBe('1 month');
  });
});
