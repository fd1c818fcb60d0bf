import { formatValue } from '../core/index.js';
import type { Lang, Per, Unit } from '../core/index.js';

/** True when p5 and p95 differ: the number is uncertain and shows its range. */
export function isUncertain(p5: number, p50: number, p95: number): boolean {
  return Number.isFinite(p5) && Number.isFinite(p95) && Math.abs(p95 - p5) > 1e-9 * Math.max(1, Math.abs(p50));
}

/**
 * A median with its 90% interval, for the report's language:
 * en "750k (90% CI 690k–805k)", "$183M a year (90% CI $110M–$315M)";
 * zh "75万（90%区间 69万–80.5万）". A certain number shows alone.
 *
 * @example formatRange(750000, 690000, 805000, 'count', null, 'zh') // "75万（90%区间 69万–80.5万）"
 */
export function formatRange(p50: number, p5: number, p95: number, unit: Unit, per: Per | null, lang: Lang): string {
  const mid = formatValue(p50, unit, lang, per);
  if (!isUncertain(p5, p50, p95)) return mid;
  const lo = formatValue(p5, unit, lang);
  const hi = formatValue(p95, unit, lang);
  return lang === 'zh' ? `${mid}（90%区间 ${lo}–${hi}）` : `${mid} (90% CI ${lo}–${hi})`;
}
