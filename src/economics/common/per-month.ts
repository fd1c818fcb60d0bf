import { DAYS_PER_MONTH, WEEKS_PER_MONTH, periodMonths, type Per, type Period } from '../../core/index.js';

/**
 * How many of `per` make one month: a rate per `per` times this is the rate
 * per month ($491K a day x 30.436875 = $14.9M a month; $1.8B a year / 12).
 * Days per month are core's `DAYS_PER_MONTH` (365.2425 / 12).
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

/** Months in one `per`: a year is 12, a quarter 3, a day 1 / 30.436875. */
export function monthsPer(per: Per): number {
  return 1 / perMonthFactor(per);
}

/**
 * Months of a flow over `period` (a total with no `per`), whole when within
 * 5% of a whole number: "the past month" of 21 April to 20 May (1.0 by the
 * calendar within 5%) is one billing month.
 *
 * @example periodMonthsWhole(parsePeriod('2024-04-21/2024-05-20')) // => 1
 */
export function periodMonthsWhole(period: Period): number {
  const m = periodMonths(period);
  const whole = Math.round(m);
  return whole >= 1 && Math.abs(m - whole) <= 0.05 * whole ? whole : m;
}
