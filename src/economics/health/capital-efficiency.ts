import { isCurrency, ShakeoutError, type Quantity } from '../../core/index.js';

/**
 * Capital efficiency: revenue per dollar raised (dimensionless). Pass the
 * revenue the question is about: a run rate a year (what each dollar raised
 * now brings in a year) or revenue to date. Inflection AI: about $0 for
 * $1.5B raised, 0 per dollar. NaN when nothing was raised.
 *
 * @example
 * capitalEfficiency({ value: 3e9, unit: 'USD', per: 'year' }, { value: 13e9, unit: 'USD', per: null }) // 0.23
 */
export function capitalEfficiency(revenue: Quantity, raised: Quantity): number {
  if (!isCurrency(revenue.unit) || revenue.unit !== raised.unit || raised.per !== null) {
    const message = `capital efficiency: expected revenue and money raised (no period) in one currency, got ${revenue.unit} and ${raised.unit}${raised.per ? ` per ${raised.per}` : ''}`;
    throw new ShakeoutError(message, { issues: [{ code: 'unit_mismatch', path: ['capitalEfficiency'], message }], status: 400 });
  }
  return capitalEfficiencyValue(revenue.value, raised.value);
}

/** The kernel: revenue / raised; NaN when raised <= 0. */
export function capitalEfficiencyValue(revenue: number, raised: number): number {
  return raised > 0 ? revenue / raised : NaN;
}
