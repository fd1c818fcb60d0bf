import { ShakeoutError, type Lang } from '../core/index.js';
import { closest } from '../ledger/index.js';
import type { SurvivalDetails } from '../economics/index.js';
import { chartOption, survivalChartSpec, type Report } from '../report/index.js';

/**
 * The ECharts option of a simulation's survival curves: the report's own
 * chart (same spec, same option), for the dashboard to draw. Functions in it
 * (axis label formatters) do not survive JSON; the dashboard sets its own for
 * the unit (`yUnit`).
 */
export function survivalChartOption(d: SurvivalDetails, lang: Lang): Record<string, unknown> {
  const names = new Map(d.companies.map((c) => [c.id, lang === 'zh' && c.nameZh ? c.nameZh : c.name]));
  return chartOption(survivalChartSpec(d, lang, (id) => names.get(id) ?? id), lang);
}

/** The charts of a report: each one's name (its id, as in the Markdown's `<name>.svg`) and title. */
export function reportCharts(report: Report): { name: string; title: string }[] {
  return report.charts.map((c) => ({ name: c.id, title: c.title }));
}

/**
 * The ECharts option of one chart of a report, by name: the same spec the
 * report renders to SVG, through the same converter (`chartOption`). An
 * unknown name is a 404 naming the closest and listing the charts.
 */
export function reportChartOption(report: Report, name: string): Record<string, unknown> {
  const spec = report.charts.find((c) => c.id === name);
  if (!spec) {
    const names = report.charts.map((c) => c.id);
    const hint = closest(name, names);
    const message = `no chart "${name}" in this report${hint ? `; did you mean "${hint}"?` : ''} (its charts: ${names.join(', ') || 'none'})`;
    throw new ShakeoutError(message, { status: 404, issues: [{ code: 'unknown_chart', path: ['name'], message }] });
  }
  return chartOption(spec, report.lang);
}
