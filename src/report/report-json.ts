import type { Report } from './report-model.js';

/**
 * The report model as JSON for machines: sections with every number (value,
 * unit, 90% interval, footnote), the footnotes with their facts and formulas,
 * the chart data and the sources. Non-finite numbers become strings.
 */
export function reportJson(report: Report): string {
  return JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? 'Infinity' : '-Infinity') : v), 2) + '\n';
}
