/** ISO 4217 codes of the currencies the reader knows. */
export type Currency =
  | 'USD' | 'CNY' | 'EUR' | 'GBP' | 'JPY' | 'HKD' | 'CHF'
  | 'CAD' | 'AUD' | 'KRW' | 'INR' | 'SGD' | 'TWD' | 'SEK';

/** What a number measures: money (a currency code) or a dimensionless kind. */
export type Unit = Currency | 'count' | 'multiple' | 'percent';

/** The period a rate is expressed per ("19.99美元/月" is per month). */
export type Per = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const CURRENCIES: readonly Currency[] = ['USD', 'CNY', 'EUR', 'GBP', 'JPY', 'HKD', 'CHF', 'CAD', 'AUD', 'KRW', 'INR', 'SGD', 'TWD', 'SEK'];

export function isCurrency(unit: string): unit is Currency {
  return (CURRENCIES as readonly string[]).includes(unit);
}

/**
 * A number with its unit and, for rates, the period it is per. Money and
 * rates never travel as a bare number in a public signature.
 * Percentages are stored as fractions: 15% is `{ value: 0.15, unit: 'percent' }`.
 */
export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
  readonly per: Per | null;
}
