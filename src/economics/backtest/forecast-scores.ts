import { ShakeoutError } from '../../core/index.js';

/** One scored forecast: the probability given to the event, and whether it happened (1) or not (0). */
export interface ScoredForecast {
  readonly p: number;
  readonly y: 0 | 1;
}

/**
 * Probabilities are clipped to [LOG_LOSS_CLIP, 1 - LOG_LOSS_CLIP] before the
 * log loss only: a forecast of exactly 0 or 1 from a finite number of paths is
 * no surer than the paths allow, and one confident miss then costs at most
 * ln(100) ≈ 4.6 instead of infinity. Brier, AUC and calibration use the
 * forecasts as given.
 */
export const LOG_LOSS_CLIP = 0.01;

/**
 * Brier score: the mean of (p - y)^2 over the forecasts; 0 is perfect, 0.25 is
 * what p = 0.5 for everything scores.
 *
 * @example brierScore([{ p: 0.8, y: 1 }, { p: 0.3, y: 0 }]) // (0.04 + 0.09) / 2 = 0.065
 */
export function brierScore(forecasts: readonly ScoredForecast[]): number {
  check(forecasts, 'brierScore');
  let s = 0;
  for (const f of forecasts) s += (f.p - f.y) ** 2;
  return s / forecasts.length;
}

/**
 * Log loss: the mean of -[y ln p + (1 - y) ln(1 - p)], with p clipped to
 * [{@link LOG_LOSS_CLIP}, 1 - {@link LOG_LOSS_CLIP}].
 *
 * @example logLoss([{ p: 0.8, y: 1 }, { p: 0.3, y: 0 }]) // (-ln 0.8 - ln 0.7) / 2 ≈ 0.2899
 */
export function logLoss(forecasts: readonly ScoredForecast[]): number {
  check(forecasts, 'logLoss');
  let s = 0;
  for (const f of forecasts) {
    const p = Math.min(1 - LOG_LOSS_CLIP, Math.max(LOG_LOSS_CLIP, f.p));
    s -= f.y === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / forecasts.length;
}

/**
 * Area under the ROC curve: over every pair of one forecast whose event
 * happened and one whose did not, the share where the first got the higher
 * probability, a tie counting half. `auc` is null when there is no such pair
 * (every event happened, or none did); `pairs` says how many pairs it rests on.
 *
 * @example areaUnderCurve([{ p: 0.9, y: 1 }, { p: 0.4, y: 1 }, { p: 0.4, y: 0 }, { p: 0.1, y: 0 }]) // { auc: 3.5 / 4 = 0.875, pairs: 4 }
 */
export function areaUnderCurve(forecasts: readonly ScoredForecast[]): { auc: number | null; pairs: number } {
  check(forecasts, 'areaUnderCurve');
  return rankingAuc(forecasts.map((f) => ({ score: f.p, y: f.y })));
}

/**
 * The AUC of any score that ranks (months since a round, say): over every
 * (y = 1, y = 0) pair, the share where the y = 1 one scored higher, ties
 * counting half. Null without a pair. Scores need only be finite numbers.
 */
export function rankingAuc(items: readonly { readonly score: number; readonly y: 0 | 1 }[]): { auc: number | null; pairs: number } {
  items.forEach((f, i) => {
    if (!Number.isFinite(f.score)) throw scoreError('scores', `rankingAuc: score ${i}: expected a finite number, got ${f.score}`);
  });
  const pos = items.filter((f) => f.y === 1);
  const neg = items.filter((f) => f.y === 0);
  const pairs = pos.length * neg.length;
  if (!pairs) return { auc: null, pairs: 0 };
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a.score > b.score ? 1 : a.score === b.score ? 0.5 : 0;
  return { auc: wins / pairs, pairs };
}

/** One bin of a calibration table. */
export interface CalibrationBin {
  /** The bin's range of forecasts: [low, high), the last bin [low, 1]. */
  readonly low: number;
  readonly high: number;
  readonly count: number;
  /** Mean forecast in the bin. */
  readonly meanPredicted: number;
  /** Share of the bin's forecasts whose event happened. */
  readonly observedShare: number;
}

/** Default number of equal-width calibration bins: five of width 0.2, since a backtest holds tens of companies, not thousands. */
export const CALIBRATION_BINS = 5;

/**
 * A calibration table: forecasts in `bins` equal-width bins over [0, 1] (the
 * last bin closed at 1), each with its count, mean forecast and observed
 * share. Empty bins are left out.
 *
 * @example calibrationTable([{ p: 0.1, y: 0 }, { p: 0.15, y: 1 }, { p: 0.9, y: 1 }], 5)
 * // [{ low: 0, high: 0.2, count: 2, meanPredicted: 0.125, observedShare: 0.5 }, { low: 0.8, high: 1, count: 1, meanPredicted: 0.9, observedShare: 1 }]
 */
export function calibrationTable(forecasts: readonly ScoredForecast[], bins = CALIBRATION_BINS): CalibrationBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw scoreError('bins', `calibrationTable: bins must be a whole number >= 1, got ${bins}`);
  check(forecasts, 'calibrationTable');
  const sums = Array.from({ length: bins }, () => ({ n: 0, p: 0, y: 0 }));
  for (const f of forecasts) {
    const b = sums[Math.min(bins - 1, Math.floor(f.p * bins))]!;
    b.n++;
    b.p += f.p;
    b.y += f.y;
  }
  const out: CalibrationBin[] = [];
  sums.forEach((b, i) => {
    if (b.n) out.push({ low: i / bins, high: (i + 1) / bins, count: b.n, meanPredicted: b.p / b.n, observedShare: b.y / b.n });
  });
  return out;
}

function check(forecasts: readonly ScoredForecast[], name: string): void {
  if (!forecasts.length) throw scoreError('forecasts', `${name}: expected at least one forecast with a known outcome, got none`);
  forecasts.forEach((f, i) => {
    if (!(f.p >= 0 && f.p <= 1)) throw scoreError('forecasts', `${name}: forecast ${i}: expected a probability in [0, 1], got ${f.p}`);
    if (f.y !== 0 && f.y !== 1) throw scoreError('forecasts', `${name}: forecast ${i}: expected an outcome 0 or 1, got ${String(f.y)}`);
  });
}

function scoreError(path: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_forecasts', path: [path], message }], status: 400 });
}
