import { describe, expect, it } from 'vitest';
import { ShakeoutError } from '../../core/index.js';
import { commissionFor } from './commission-for.js';
import { COMMISSION_RULES } from './commission-rules.js';

describe('commissionFor', () => {
  it('Apple: 30% in a first paid year, 15% after it', () => {
    expect(commissionFor('app_store', '2024-05-20').rate.value).toBe(0.3);
    expect(commissionFor('app_store', '2024-05-20').rule.id).toBe('apple-standard');
    const after = commissionFor('app_store', '2024-05-20', { subscriberTenureYears: 1 });
    expect(after.rate).toEqual({ value: 0.15, unit: 'percent', per: null });
    expect(after.rule.id).toBe('apple-subscription-after-first-year');
  });
  it('Apple: 15% for a small business from 2021, not before; the 85/15 split starts 2016-06-13', () => {
    expect(commissionFor('app_store', '2021-01-01', { smallBusiness: true }).rule.id).toBe('apple-small-business');
    expect(commissionFor('app_store', '2020-12-31', { smallBusiness: true }).rate.value).toBe(0.3);
    expect(commissionFor('app_store', '2016-06-12', { subscriberTenureYears: 2 }).rate.value).toBe(0.3);
    expect(commissionFor('app_store', '2016-06-13', { subscriberTenureYears: 2 }).rate.value).toBe(0.15);
  });
  it('a large company such as OpenAI pays 30% on first-year App Store subscriptions', () => {
    expect(commissionFor('app_store', '2024-05-01', { smallBusiness: false }).rate.value).toBe(0.3);
  });
  it('Google Play: 15% on all subscriptions since 2022-01-01, 30% in the first year before', () => {
    expect(commissionFor('google_play', '2022-01-01').rate.value).toBe(0.15);
    expect(commissionFor('google_play', '2022-01-01').rule.id).toBe('play-subscriptions-15');
    expect(commissionFor('google_play', '2021-12-31').rate.value).toBe(0.3);
    expect(commissionFor('google_play', '2021-12-31', { subscriberTenureYears: 1 }).rate.value).toBe(0.15);
    expect(commissionFor('google_play', '2017-12-31', { subscriberTenureYears: 1 }).rate.value).toBe(0.3);
  });
  it('Google Play: other in-app sales 30%, 15% for enrolled developers from 2021-07-01', () => {
    expect(commissionFor('google_play', '2024-05-01', { kind: 'in_app' }).rate.value).toBe(0.3);
    expect(commissionFor('google_play', '2024-05-01', { kind: 'in_app', smallBusiness: true }).rate.value).toBe(0.15);
    expect(commissionFor('google_play', '2021-06-30', { kind: 'in_app', smallBusiness: true }).rate.value).toBe(0.3);
  });
  it('accepts a Date', () => {
    expect(commissionFor('google_play', new Date('2024-05-20T12:00:00Z')).rate.value).toBe(0.15);
  });
  it('rejects bad dates, unknown stores and dates before any rule, saying what was expected', () => {
    expect(() => commissionFor('app_store', '2024-13-01')).toThrow(/expected a date such as 2024-05-20, got "2024-13-01"/);
    expect(() => commissionFor('steam' as never, '2024-01-01')).toThrow(ShakeoutError);
    expect(() => commissionFor('app_store', '2007-01-01')).toThrow(/no app_store commission rule/);
  });
  it('every rule is dated and sourced', () => {
    for (const r of COMMISSION_RULES) {
      expect(r.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source.url).toMatch(/^https:/);
      expect(r.text.zh.length).toBeGreaterThan(0);
    }
  });
});
