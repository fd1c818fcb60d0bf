import { isCurrency, ShakeoutError, type Quantity } from '../../core/index.js';

/** Inputs of {@link defaultAlive}: rates per one period (a week, a month), cash on hand. */
export interface DefaultAliveInput {
  /** Revenue now, per period (R0). */
  readonly revenue: Quantity;
  /** Expenses per period, held flat (E). */
  readonly expenses: Quantity;
  /** Revenue growth per period, as a fraction: 0.025 is 2.5% a week (g). Unit 'percent', same period. */
  readonly growth: Quantity;
  /** Cash on hand (no period). */
  readonly cash: Quantity;
}

export interface DefaultAliveResult {
  /** Periods until revenue reaches expenses (T); 0 when already profitable, Infinity when never. */
  readonly periodsToProfit: number;
  /** Cash burned until then (C); 0 when already profitable, Infinity when never. */
  readonly cashNeeded: number;
  /** C <= cash. */
  readonly alive: boolean;
  /** cash - C: what is left at profitability (negative: the shortfall). */
  readonly margin: number;
  /** The period T and C are counted in ('week'). */
  readonly per: NonNullable<Quantity['per']>;
}

/**
 * "Default alive or default dead?" (Paul Graham, 2015), by Trevor Blackwell's
 * formula: revenue grows R(t) = R0 (1 + g)^t, expenses E stay flat,
 * r = ln(1 + g). Revenue reaches expenses at T = ln(E / R0) / r; the cash
 * burned until then is the integral of E - R(t) over [0, T]:
 * C = E T - (E - R0) / r. The company is default alive when C <= cash.
 *
 * Edge cases: R0 >= E (already profitable) gives T = 0, C = 0, alive;
 * g <= 0 with R0 < E never gets there: T = C = Infinity, dead whatever the
 * cash (unless cash is infinite); R0 <= 0 never grows either.
 *
 * @example
 * // Blackwell's reference case, in weeks:
 * defaultAlive({ revenue: { value: 100, unit: 'USD', per: 'week' }, expenses: { value: 1600, unit: 'USD', per: 'week' },
 *   growth: { value: 0.025, unit: 'percent', per: 'week' }, cash: { value: 150_000, unit: 'USD', per: null } });
 * // { periodsToProfit: 112.3, cashNeeded: 118_900, alive: true, ... }
 */
export function defaultAlive(input: DefaultAliveInput): DefaultAliveResult {
  const { revenue, expenses, growth, cash } = input;
  const per = revenue.per;
  const ok =
    per !== null && isCurrency(revenue.unit) && expenses.unit === revenue.unit && expenses.per === per &&
    growth.unit === 'percent' && growth.per === per && cash.unit === revenue.unit && cash.per === null;
  if (!ok) {
    const show = (q: Quantity) => `${q.unit}${q.per ? ` per ${q.per}` : ''}`;
    const message = `default alive: expected revenue and expenses as money per one period, growth as a percent per that period, and cash with no period, in one currency; got revenue ${show(revenue)}, expenses ${show(expenses)}, growth ${show(growth)}, cash ${show(cash)}`;
    throw new ShakeoutError(message, { issues: [{ code: 'unit_mismatch', path: ['defaultAlive'], message }], status: 400 });
  }
  const { periods, cashNeeded } = defaultAliveValue(revenue.value, expenses.value, growth.value);
  return { periodsToProfit: periods, cashNeeded, alive: cashNeeded <= cash.value, margin: cash.value - cashNeeded, per };
}

/**
 * The kernel of {@link defaultAlive} on plain numbers: T and C for R0, E, g.
 * Note C = E T - (E - R0) / r is exact for continuous growth at rate r =
 * ln(1 + g), which matches R(t) = R0 (1 + g)^t at every whole period.
 */
export function defaultAliveValue(r0: number, e: number, g: number): { periods: number; cashNeeded: number } {
  if (r0 >= e) return { periods: 0, cashNeeded: 0 };
  if (!(g > 0) || !(r0 > 0)) return { periods: Infinity, cashNeeded: Infinity };
  const r = Math.log1p(g);
  const t = Math.log(e / r0) / r;
  return { periods: t, cashNeeded: e * t - (e - r0) / r };
}
