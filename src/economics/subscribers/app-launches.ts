import type { DistSpec } from '../../core/index.js';
import type { AppStore } from './commission-rules.js';

/** When a product's app opened in one store, with where that date comes from. */
export interface AppLaunch {
  /** The ledger's entity id of the product: 'chatgpt'. */
  readonly product: string;
  readonly store: AppStore;
  /** First day the app was available in the store (ISO date). */
  readonly launched: string;
  readonly source: string;
}

/**
 * App launch dates per product and store. A subscriber cannot have paid for a
 * year before the app is a year old, so the share of revenue past the first
 * paid year (which Apple charges 15% instead of 30%) depends on the app's
 * age: see `tenureShareAt`.
 *
 * - ChatGPT iOS: 2023-05-18 (US first); ChatGPT Android: 2023-07-25.
 * - Claude iOS: 2024-05-01 (with the Team plan); Claude Android: 2024-07-16.
 */
export const APP_LAUNCHES: readonly AppLaunch[] = [
  { product: 'chatgpt', store: 'app_store', launched: '2023-05-18', source: 'OpenAI, "Introducing the ChatGPT app for iOS", 2023-05-18' },
  { product: 'chatgpt', store: 'google_play', launched: '2023-07-25', source: 'OpenAI, "ChatGPT for Android is now available", 2023-07-25' },
  { product: 'claude', store: 'app_store', launched: '2024-05-01', source: 'Anthropic, "Introducing the Claude Team plan and iOS app", 2024-05-01' },
  { product: 'claude', store: 'google_play', launched: '2024-07-16', source: 'Anthropic, "Claude Android app", 2024-07-16' },
];

/**
 * The launch of the first product of `products` (the product, then its
 * parents) that the table knows in `store`; null when none.
 *
 * @example appLaunchFor(['chatgpt-plus', 'chatgpt', 'openai'], 'app_store')?.launched // '2023-05-18'
 */
export function appLaunchFor(products: readonly string[], store: AppStore, table: readonly AppLaunch[] = APP_LAUNCHES): AppLaunch | null {
  for (const p of products) {
    const hit = table.find((l) => l.product === p && l.store === store);
    if (hit) return hit;
  }
  return null;
}

/** The share of a store's subscription revenue from subscribers past their first paid year, at a date. */
export interface TenureShare {
  /** Whole months from the launch to the date; null when the launch is unknown. */
  readonly monthsSinceLaunch: number | null;
  /** The share s, a fraction: a point at 0 or a uniform. */
  readonly spec: DistSpec;
  /** Its upper end (0 when no subscriber can be past a year). */
  readonly high: number;
}

/** Whole months between two ISO dates (negative when `to` is before `from`). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * The share s of a store's subscription revenue that comes from subscribers
 * past their first paid year, from the app's age on `date`:
 *
 * - launch unknown, or the app younger than 12 months: s = 0 (no subscriber
 *   can have paid for a year: everyone pays the first-year rate);
 * - 12 to 23 months: s uniform from 0 to 25% (only the earliest subscribers
 *   who kept paying have passed a year);
 * - 24 months or more: s uniform from 0 to 50% (retained subscribers can be a
 *   large part of the revenue, but new ones keep arriving).
 *
 * @example tenureShareAt('2024-05-01', '2024-05-31').high // 0 (a month-old app)
 * @example tenureShareAt('2023-05-18', '2024-05-20').high // 0.25
 */
export function tenureShareAt(launched: string | null, date: string): TenureShare {
  if (launched === null) return { monthsSinceLaunch: null, spec: { family: 'pointMass', value: 0 }, high: 0 };
  const m = monthsBetween(launched, date);
  if (m < 12) return { monthsSinceLaunch: m, spec: { family: 'pointMass', value: 0 }, high: 0 };
  const high = m < 24 ? 0.25 : 0.5;
  return { monthsSinceLaunch: m, spec: { family: 'uniform', low: 0, high }, high };
}
