import type { Quantity } from '../../core/index.js';
import { sameMoneyRate } from './same-money-rate.js';

/**
 * Net burn: gross burn (cash out) minus revenue (cash in) over the same
 * period (a16z, "16 Startup Metrics"). Positive when the company loses money.
 * Both must be money rates in one currency and per the same period.
 *
 * @example
 * netBurn({ value: 200e6, unit: 'USD', per: 'month' }, { value: 50e6, unit: 'USD', per: 'month' }) // { value: 150e6, unit: 'USD', per: 'month' }
 */
export function netBurn(grossBurn: Quantity, revenue: Quantity): Quantity {
  sameMoneyRate(grossBurn, revenue, 'netBurn');
  return { value: netBurnValue(grossBurn.value, revenue.value), unit: grossBurn.unit, per: grossBurn.per };
}

/**
 * Gross burn from net burn and revenue: what the company spends when only
 * the gap is known (Anthropic's "revenue-spending gap" is a net burn).
 */
export function grossBurn(netBurnRate: Quantity, revenue: Quantity): Quantity {
  sameMoneyRate(netBurnRate, revenue, 'grossBurn');
  return { value: netBurnRate.value + revenue.value, unit: netBurnRate.unit, per: netBurnRate.per };
}

/** The kernel of {@link netBurn} on plain numbers (sample by sample). */
export function netBurnValue(gross: number, revenue: number): number {
  return gross - revenue;
}
