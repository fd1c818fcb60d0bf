import type { Per } from '../../core/index.js';

/** Average days in a month (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;
/** Average weeks in a month (365.25 / 7 / 12). */
export const WEEKS_PER_MONTH = DAYS_PER_MONTH / 7;

/**
 * How many of `per` make one month: a rate per `per` times this is the rate
 * per month ($491K a day x 30.4375 = $14.9M a month; $1.8B a year / 12).
 *
 * @example perMonthFactor('year') // 1 / 12
 */
export function perMonthFactor(per: Per): number {
  switch (per) {
    case 'day':
      return DAYS_PER_MONTH;
    case 'week':
      return WEEKS_PER_MONTH;
    case 'month':
      return 1;
    case 'quarter':
      return 1 / 3;
    case 'year':
      return 1 / 12;
  }
}
