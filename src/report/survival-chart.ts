import type { Lang } from '../core/index.js';
import type { SurvivalDetails } from '../economics/index.js';
import type { ChartSpec } from './report-model.js';
import { fillText, reportText } from './report-text.js';

/**
 * The survival curves S(t) of a simulation as a chart, each with its 90%
 * band (`band90`: the Monte Carlo error over the paths, docs/survival-bands.md):
 * the report's chart and the dashboard's are this one spec (rendered to SVG on the server, or
 * drawn by ECharts in the browser from `chartOption`).
 */
export function survivalChartSpec(d: SurvivalDetails, lang: Lang, name: (id: string) => string): ChartSpec {
  const T = reportText(lang);
  return {
    id: 'survival-curves',
    kind: 'survival',
    title: T['chart.survival.title'],
    xLabel: fillText(T['chart.survival.x'], { asOf: d.asOf }),
    yLabel: T['chart.survival.y'],
    yUnit: 'percent',
    categories: Array.from({ length: d.horizonMonths + 1 }, (_, t) => String(t)),
    series: d.companies.map((c) => ({
      name: name(c.id),
      values: [...c.survival],
      band: { name: fillText(T['chart.survival.band'], { name: name(c.id) }), lower: [...c.band90.lower], upper: [...c.band90.upper] },
    })),
  };
}
