import { describe, expect, it } from 'vitest';
import { APP_LAUNCHES, appLaunchFor, monthsBetween, tenureShareAt } from './app-launches.js';

describe('app launches and the share past a first paid year', () => {
  it('knows the launches of ChatGPT and Claude by store, through the product chain', () => {
    expect(appLaunchFor(['chatgpt-plus', 'chatgpt', 'openai'], 'app_store')?.launched).toBe('2023-05-18');
    expect(appLaunchFor(['chatgpt'], 'google_play')?.launched).toBe('2023-07-25');
    expect(appLaunchFor(['claude', 'anthropic'], 'app_store')?.launched).toBe('2024-05-01');
    expect(appLaunchFor(['kimi', 'moonshot-ai'], 'app_store')).toBeNull();
    for (const l of APP_LAUNCHES) {
      expect(l.launched).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(l.source.length).toBeGreaterThan(10);
    }
  });
  it('counts whole months between dates', () => {
    expect(monthsBetween('2023-05-18', '2024-05-20')).toBe(12);
    expect(monthsBetween('2023-05-18', '2024-05-17')).toBe(11);
    expect(monthsBetween('2024-05-01', '2024-05-31')).toBe(0);
    expect(monthsBetween('2024-05-01', '2024-04-30')).toBe(-1);
  });
  it('no subscriber past a year before the app is a year old; up to 25% in its second year, 50% after', () => {
    expect(tenureShareAt('2024-05-01', '2024-05-31')).toEqual({ monthsSinceLaunch: 0, spec: { family: 'pointMass', value: 0 }, high: 0 });
    expect(tenureShareAt('2023-05-18', '2024-05-17').high).toBe(0);
    expect(tenureShareAt('2023-05-18', '2024-05-20')).toEqual({ monthsSinceLaunch: 12, spec: { family: 'uniform', low: 0, high: 0.25 }, high: 0.25 });
    expect(tenureShareAt('2021-01-01', '2024-05-20').high).toBe(0.5);
    expect(tenureShareAt(null, '2024-05-20')).toEqual({ monthsSinceLaunch: null, spec: { family: 'pointMass', value: 0 }, high: 0 });
  });
});
