import type { DistSpec } from '../../core/index.js';

/**
 * An input's values on the paths: a distribution the simulation draws one
 * value per path from, or the draws themselves (one per path, as
 * `collectHealthInputs` gives them, so survival runs on the very draws the
 * health analysis shows).
 */
export type PathValues = DistSpec | Float64Array;

/**
 * What the survival simulation needs to know about one company. Each
 * uncertain input is a distribution (core's DistSpec) or its draws, one per
 * path. Money is in US dollars, rates per month.
 */
export interface CompanyInputs {
  /** Stable id ('openai'): it also seeds the company's random streams, so a company's draws do not depend on the others simulated. */
  readonly id: string;
  readonly name: string;
  /** Cash on hand at month 0. */
  readonly cash: PathValues;
  /** Revenue a month at month 0. */
  readonly revenue: PathValues;
  /** Monthly growth of revenue as a fraction (0.05 is 5% a month), held for the horizon on each path. */
  readonly revenueGrowth: PathValues;
  /** Costs (gross burn) a month at month 0. */
  readonly costs: PathValues;
  /** Monthly growth of costs as a fraction. */
  readonly costGrowth: PathValues;
  /**
   * How easily the company raises compared with the market: multiplies the
   * climate's monthly chance of closing a round (capped at 1). Default 1.
   */
  readonly fundability?: number;
}

/** The per-path inputs of a company, in the order the drivers report them. */
export const PATH_INPUTS = ['cash', 'revenue', 'revenueGrowth', 'costs', 'costGrowth', 'roundSize'] as const;
export type PathInput = (typeof PATH_INPUTS)[number];
