/** The result of {@link ruleOf40}. */
export interface RuleOf40 {
  /** Growth plus profit margin, in percentage points. */
  readonly score: number;
  readonly passes: boolean;
}

/**
 * Rule of 40: annual revenue growth % + profit margin % >= 40. Both are
 * fractions (0.5 is 50%); the score is in percentage points.
 * Margin = (revenue - costs) / revenue, so a company with revenue of $1 for
 * $10 of costs has a margin of -900%.
 *
 * @example ruleOf40(0.6, -0.1) // { score: 50, passes: true }
 */
export function ruleOf40(annualGrowth: number, profitMargin: number): RuleOf40 {
  const score = (annualGrowth + profitMargin) * 100;
  return { score, passes: score >= 40 };
}
