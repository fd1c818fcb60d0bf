/** David Sacks' bands for the burn multiple. */
export type BurnMultipleBand = 'amazing' | 'great' | 'good' | 'suspect' | 'bad';

/**
 * The bands, upper bounds exclusive: < 1 amazing, 1 to 1.5 great, 1.5 to 2
 * good, 2 to 3 suspect, > 3 bad (Sacks, "The Burn Multiple", 2020). A company
 * that burns while ARR shrinks or stays flat is 'bad' (the multiple is
 * infinite or negative); one that does not burn is 'amazing'.
 */
export const BURN_MULTIPLE_BANDS: readonly { readonly band: BurnMultipleBand; readonly below: number }[] = [
  { band: 'amazing', below: 1 },
  { band: 'great', below: 1.5 },
  { band: 'good', below: 2 },
  { band: 'suspect', below: 3 },
  { band: 'bad', below: Infinity },
];

/**
 * Burn multiple: net burn / net new ARR over the same period. How many
 * dollars a company burns for each dollar of new annual recurring revenue.
 * Infinity when it burns and ARR did not grow; 0 when it does not burn.
 *
 * @example burnMultiple(150e6, 100e6) // 1.5
 */
export function burnMultiple(netBurnOverPeriod: number, netNewArr: number): number {
  if (netBurnOverPeriod <= 0) return 0;
  return netNewArr > 0 ? netBurnOverPeriod / netNewArr : Infinity;
}

/**
 * The band of a burn multiple. NaN has no band (undefined).
 *
 * @example burnMultipleBand(1.5) // 'good'  (1.5 is the first value of 'good')
 */
export function burnMultipleBand(multiple: number): BurnMultipleBand | undefined {
  if (Number.isNaN(multiple)) return undefined;
  if (multiple < 0) return 'bad';
  for (const b of BURN_MULTIPLE_BANDS) if (multiple < b.below) return b.band;
  return 'bad';
}
