/**
 * The arithmetic of a subscription, on plain numbers (sample by sample).
 * Money in one currency, a month.
 */

/** What the company keeps of a subscription a month: price x (1 - store share). */
export function netPrice(price: number, storeShare: number): number {
  return price * (1 - storeShare);
}

/** Contribution margin per paying user a month: net price - inference cost per user. */
export function marginPerUser(price: number, storeShare: number, inferenceCost: number): number {
  return netPrice(price, storeShare) - inferenceCost;
}

/**
 * Subscribers needed to cover fixed costs a month: fixed / margin; Infinity
 * when the margin is not positive (no number of subscribers pays).
 *
 * @example breakEvenSubscribers(3.39e6, 10.5) // ≈ 323k
 */
export function breakEvenSubscribers(fixedPerMonth: number, margin: number): number {
  if (fixedPerMonth <= 0) return 0;
  return margin > 0 ? fixedPerMonth / margin : Infinity;
}

/**
 * Months for `subscribers` to pay back a one-off cost (a training run) from
 * what is left after the other fixed costs: cost / (subscribers x margin -
 * other fixed a month); Infinity when that is not positive.
 */
export function paybackMonths(oneOffCost: number, subscribers: number, margin: number, otherFixedPerMonth = 0): number {
  if (oneOffCost <= 0) return 0;
  const left = subscribers * margin - otherFixedPerMonth;
  return left > 0 ? oneOffCost / left : Infinity;
}
