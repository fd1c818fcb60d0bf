/**
 * Constants shared by every layer, in one place so that two analyses never
 * use two values of the same thing.
 */

/**
 * Φ⁻¹(0.95), the z of a 90% interval's upper end, correctly rounded: a
 * normal's 5th and 95th percentiles lie at mean ∓ 1.6448536269514722 sd.
 */
export const Z95 = 1.6448536269514722;

/**
 * Days in the mean Gregorian year: 97 leap years in 400 (365 + 97/400). The
 * calendar the ledger's dates are in, so a span of dates counted in days and
 * divided by this agrees with counting its whole months over 400 years.
 */
export const DAYS_PER_YEAR = 365.2425;

/**
 * Average days in a month: 365.2425 / 12 = 30.436875. The Gregorian mean,
 * not the Julian 365.25 / 12 = 30.4375 (which counts a leap day every four
 * years, three too many per 400): `periodMonths` divides days by this, and a
 * per-day rate turned per month must use the same length, or a rate and its
 * period disagree by 0.002%.
 *
 * @example 491_000 * DAYS_PER_MONTH // => 14_944_505.6, $491K a day as a month
 */
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/** Average weeks in a month: 30.436875 / 7. */
export const WEEKS_PER_MONTH = DAYS_PER_MONTH / 7;
