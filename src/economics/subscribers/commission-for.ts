import { ShakeoutError } from '../../core/index.js';
import type { Quantity } from '../../core/index.js';
import { APP_STORES, COMMISSION_RULES } from './commission-rules.js';
import type { AppStore, CommissionRule, SaleKind } from './commission-rules.js';

/** Who is paying and for what, when it matters to the commission. */
export interface CommissionOptions {
  /** Years the subscriber has paid without a break (default 0: the first year). */
  readonly subscriberTenureYears?: number;
  /** The developer is in the store's small-business programme (default false). */
  readonly smallBusiness?: boolean;
  /** Default 'subscription'. */
  readonly kind?: SaleKind;
  /** Rules to use instead of the bundled ones (to model a change). */
  readonly rules?: readonly CommissionRule[];
}

/** The commission a store takes and the rule that sets it. */
export interface Commission {
  /** The store's share of what the user pays: `{ value: 0.15, unit: 'percent' }`. */
  readonly rate: Quantity;
  readonly rule: CommissionRule;
}

function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

/**
 * The commission of `store` on `date` (ISO date or Date) for a sale: among the
 * rules in force that day whose conditions hold, the lowest rate.
 *
 * @example
 * commissionFor('google_play', '2024-05-01').rate.value // 0.15 (all subscriptions since 2022)
 * commissionFor('google_play', '2021-05-01').rate.value // 0.30 (first year, before 2022)
 * commissionFor('app_store', '2024-05-01', { subscriberTenureYears: 1 }).rate.value // 0.15
 */
export function commissionFor(store: AppStore, date: string | Date, options: CommissionOptions = {}): Commission {
  if (!(APP_STORES as readonly string[]).includes(store)) {
    const message = `expected a store such as ${APP_STORES.join(' or ')}, got "${String(store)}"`;
    throw new ShakeoutError(message, { issues: [{ code: 'unknown_store', path: ['store'], message }] });
  }
  const day = typeof date === 'string' ? date : date.toISOString().slice(0, 10);
  if (!isDate(day)) {
    const message = `expected a date such as 2024-05-20, got "${day}"`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_date', path: ['date'], message }] });
  }
  const tenure = options.subscriberTenureYears ?? 0;
  const kind = options.kind ?? 'subscription';
  const candidates = (options.rules ?? COMMISSION_RULES).filter(
    (r) =>
      r.store === store &&
      r.from <= day &&
      (r.until === null || day <= r.until) &&
      r.appliesTo.includes(kind) &&
      (r.when.minTenureYears === undefined || tenure >= r.when.minTenureYears) &&
      (!r.when.smallBusiness || options.smallBusiness === true),
  );
  if (!candidates.length) {
    const message = `no ${store} commission rule for a ${kind} on ${day} (the rules start ${(options.rules ?? COMMISSION_RULES).filter((r) => r.store === store).map((r) => r.from).sort()[0] ?? 'nowhere'})`;
    throw new ShakeoutError(message, { issues: [{ code: 'no_commission_rule', path: ['date'], message }] });
  }
  const rule = candidates.reduce((best, r) => (r.rate.value < best.rate.value ? r : best));
  return { rate: rule.rate, rule };
}
