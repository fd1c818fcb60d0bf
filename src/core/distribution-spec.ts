/**
 * A distribution described by its family and parameters, as plain data.
 *
 * `core` only describes distributions (and knows their quantiles in closed
 * form where one exists); `estimate` draws samples from them. The table that
 * maps a figure's qualifier to one of these lives in `qualifier-table.ts`.
 *
 * Families:
 * - `pointMass`  value
 * - `uniform`    low, high
 * - `normal`     mean, sd
 * - `lognormal`  mu, sigma (of the log); `a to b` is lognormal with p5 = a, p95 = b
 * - `beta`       alpha, beta
 * - `triangular` low, mode, high
 * - `pert`       low, mode, high, lambda (default 4)
 * - `shifted`    offset + scale * base: lets "over 2.3B" be 2.3B + a positive
 *                lognormal excess while staying plain data; an optional
 *                `floor` clamps draws below it to it (money and counts
 *                "under" or "nearly" v never go below 0).
 */
export type DistSpec =
  | { family: 'pointMass'; value: number }
  | { family: 'uniform'; low: number; high: number }
  | { family: 'normal'; mean: number; sd: number }
  | { family: 'lognormal'; mu: number; sigma: number }
  | { family: 'beta'; alpha: number; beta: number }
  | { family: 'triangular'; low: number; mode: number; high: number }
  | { family: 'pert'; low: number; mode: number; high: number; lambda?: number }
  | { family: 'shifted'; offset: number; scale: number; base: DistSpec; floor?: number };
