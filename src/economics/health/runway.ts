import { isCurrency, ShakeoutError, type Quantity } from '../../core/index.js';
import { perMonthFactor } from '../common/per-month.js';

/**
 * Runway in months: cash on hand / net burn per month (a16z). Infinity when
 * the company does not burn (net burn <= 0): it never runs out at today's
 * rates. Cash must be a stock (no period) and net burn a rate in the same
 * currency; a burn per year or per week is converted to a month first.
 *
 * @example
 * runwayMonths({ value: 3e9, unit: 'USD', per: null }, { value: 150e6, unit: 'USD', per: 'month' }) // 20
 */
export function runwayMonths(cash: Quantity, netBurnRate: Quantity): number {
  if (!isCurrency(cash.unit) || cash.unit !== netBurnRate.unit || cash.per !== null || netBurnRate.per === null) {
    const message = `runway: expected cash as money with no period and net burn as money per period in the same currency, got ${cash.unit}${cash.per ? ` per ${cash.per}` : ''} and ${netBurnRate.unit}${netBurnRate.per ? ` per ${netBurnRate.per}` : ' (no period)'}`;
    throw new ShakeoutError(message, { issues: [{ code: 'unit_mismatch', path: ['runway'], message }], status: 400 });
  }
  return runwayValue(cash.value, netBurnRate.value * perMonthFactor(netBurnRate.per));
}

/** The kernel of {@link runwayMonths}: cash / monthly net burn, Infinity when net burn <= 0, 0 when cash <= 0. */
export function runwayValue(cash: number, netBurnPerMonth: number): number {
  if (cash <= 0) return 0;
  return netBurnPerMonth > 0 ? cash / netBurnPerMonth : Infinity;
}
