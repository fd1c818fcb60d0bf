import type { Lang } from '../core/index.js';
import type { SurvivalDetails } from '../economics/index.js';
import { chartOption, survivalChartSpec } from '../report/index.js';

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
