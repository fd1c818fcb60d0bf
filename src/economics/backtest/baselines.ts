import { ShakeoutError } from '../../core/index.js';

/**
 * Everyone at the base rate, honestly: each company gets the share out among
 * the OTHER scored companies (leave-one-out), so its own outcome never enters
 * its forecast. With one scored company there are no others: null.
 *
 * @example baseRateLeaveOneOut([1, 0, 0, 0]) // [0, 1/3, 1/3, 1/3]
 */
export function baseRateLeaveOneOut(outcomes: readonly (0 | 1)[]): (number | null)[] {
  const n = outcomes.length;
  const out = outcomes.reduce<number>((s, y) => s + y, 0);
  return outcomes.map((y) => (n > 1 ? (out - y) / (n - 1) : null));
}

/**
 * Ridge penalty on the slope of the months-since-last-round logistic: the
 * log likelihood is reduced by RIDGE x slope^2 / 2. It keeps the slope
 * finite when the months separate the outcomes perfectly (a few companies
 * often do), and is small enough (0.01, per month squared) to leave a
 * slope of a few tenths per month almost unchanged. A fixed, stated
 * setting, the same for every fit.
 */
export const MONTHS_LOGISTIC_RIDGE = 0.01;

/** A logistic in months since the last round: P(out) = 1 / (1 + exp(-(intercept + slope x (months - centre)))). */
export interface MonthsLogistic {
  readonly intercept: number;
  readonly slope: number;
  /** The mean months of the companies fitted on (centring keeps Newton's steps well conditioned). */
  readonly centre: number;
}

/**
 * Fits P(out) = logistic(intercept + slope x (months - centre)) by maximum
 * likelihood (Newton's method), the intercept free and the slope under the
 * ridge {@link MONTHS_LOGISTIC_RIDGE}. Needs both outcomes among the
 * companies: when all were out or none was, the fit is the share itself
 * (returned as null; the caller uses the share).
 */
export function fitMonthsLogistic(months: readonly number[], outcomes: readonly (0 | 1)[]): MonthsLogistic | null {
  if (months.length !== outcomes.length) throw baselineError(`fitMonthsLogistic: expected one outcome per company, got ${months.length} months and ${outcomes.length} outcomes`);
  const n = months.length;
  const out = outcomes.reduce<number>((s, y) => s + y, 0);
  if (out === 0 || out === n) return null;
  const centre = months.reduce((s, m) => s + m, 0) / n;
  const x = months.map((m) => m - centre);
  let a = Math.log(out / (n - out));
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = -MONTHS_LOGISTIC_RIDGE * b, haa = 0, hab = 0, hbb = MONTHS_LOGISTIC_RIDGE;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(a + b * x[i]!)));
      const r = outcomes[i]! - p;
      const w = p * (1 - p);
      ga += r;
      gb += r * x[i]!;
      haa += w;
      hab += w * x[i]!;
      hbb += w * x[i]! * x[i]!;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { intercept: a, slope: b, centre };
}

/** The fitted logistic's probability at `months`. */
export function monthsLogisticAt(fit: MonthsLogistic, months: number): number {
  return 1 / (1 + Math.exp(-(fit.intercept + fit.slope * (months - fit.centre))));
}

/**
 * The months-since-last-round baseline, leave-one-out: for each company, the
 * logistic is fitted on the other scored companies and read at its months;
 * where the others are all out or all survived, the forecast is their share
 * (as the base rate). Null with fewer than two companies.
 *
 * @example monthsSinceRoundLeaveOneOut([2, 5, 30, 40], [0, 0, 1, 1]) // low for the first two, high for the last two
 */
export function monthsSinceRoundLeaveOneOut(months: readonly number[], outcomes: readonly (0 | 1)[]): (number | null)[] {
  if (months.length !== outcomes.length) throw baselineError(`monthsSinceRoundLeaveOneOut: expected one outcome per company, got ${months.length} months and ${outcomes.length} outcomes`);
  months.forEach((m, i) => {
    if (!(m >= 0 && Number.isFinite(m))) throw baselineError(`monthsSinceRoundLeaveOneOut: company ${i}: expected months since the last round >= 0, got ${m}`);
  });
  const share = baseRateLeaveOneOut(outcomes);
  return months.map((m, i) => {
    if (share[i] === null) return null;
    const others = months.filter((_, j) => j !== i);
    const ys = outcomes.filter((_, j) => j !== i);
    const fit = fitMonthsLogistic(others, ys);
    return fit ? monthsLogisticAt(fit, m) : share[i]!;
  });
}

function baselineError(message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_baseline_input', path: ['baselines'], message }], status: 400 });
}
