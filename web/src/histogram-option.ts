import { formatValue, type Unit } from './format.js';
import { t } from './i18n.js';

type Option = Record<string, unknown>;

const COUNT: Unit = { unit: 'count', per: null };

/**
 * A histogram as an ECharts bar option: one bar per bin, labelled by its
 * middle in `unit` (the playground's outputs are plain numbers, a fact's
 * draws are in its currency or unit).
 */
export function histogramOption(name: string, h: { edges: readonly number[]; counts: readonly number[] }, unit: Unit = COUNT): Option {
  const mids = h.counts.map((_, i) => (h.edges[i]! + h.edges[i + 1]!) / 2);
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: mids.map((m) => formatValue(m, unit)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: t('count') },
    series: [{ type: 'bar', name, data: [...h.counts], barCategoryGap: '2%', itemStyle: { color: '#1f5fa8' } }],
  };
}

/**
 * One value as a single mark (an exact figure): one bar at the value with its
 * label, and no axis of counts, so no spread is drawn that the figure does not have.
 */
export function pointOption(name: string, value: number, unit: Unit): Option {
  const label = formatValue(value, unit);
  return {
    animation: false,
    grid: { left: 16, right: 16, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: [label] },
    yAxis: { type: 'value', show: false, max: 1 },
    series: [{ type: 'bar', name, data: [1], barWidth: 6, itemStyle: { color: '#1f5fa8' }, label: { show: true, position: 'top', formatter: t('exactValue') } }],
  };
}
