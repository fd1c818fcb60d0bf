import { isCurrency, ShakeoutError, type Quantity } from '../../core/index.js';
import { perMonthFactor } from '../common/per-month.js';

/**
 * Revenue multiple: valuation / annualised revenue (the run rate). A revenue
 * per month is annualised x 12. Infinity when revenue is 0.
 *
 * @example
 * revenueMultiple({ value: 1e11, unit: 'USD', per: null }, { value: 15e6, unit: 'USD', per: 'month' }) // 555.6
 */
export function revenueMultiple(valuation: Quantity, revenue: Quantity): number {
  if (!isCurrency(valuation.unit) || valuation.unit !== revenue.unit || valuation.per !== null || revenue.per === null) {
    const message = `revenue multiple: expected a valuation (money, no period) and revenue per period in the same currency, got ${valuation.unit} and ${revenue.unit}${revenue.per ? ` per ${revenue.per}` : ' (no period)'}`;
    throw new ShakeoutError(message, { issues: [{ code: 'unit_mismatch', path: ['revenueMultiple'], message }], status: 400 });
  }
  return revenueMultipleValue(valuation.value, revenue.value * perMonthFactor(revenue.per) * 12);
}

/** The kernel: valuation / annual revenue; Infinity when revenue <= 0. */
export function revenueMultipleValue(valuation: number, annualRevenue: number): number {
  return annualRevenue > 0 ? valuation / annualRevenue : Infinity;
}
