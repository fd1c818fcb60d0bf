import type * as Echarts from 'echarts';
import { formatValue } from '../core/index.js';
import type { Lang, Unit } from '../core/index.js';
import type { ChartSpec } from './report-model.js';

/**
 * Font stack for chart text: Latin first, then CJK fonts for Chinese labels.
 * Names in single quotes: ECharts writes the stack into a double-quoted
 * `style` attribute without escaping it, and a double quote there ends the
 * attribute (the SVG is then not XML, and a browser shows nothing).
 */
export const CHART_FONT = "system-ui, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const PALETTE = ['#2f6db5', '#d9822b', '#3a9a5b', '#b8443c', '#7a5cae', '#8c6d3f', '#c4568f', '#5f6b7a', '#1f9aa8', '#9a9a2a'];

export interface ChartSvgOptions {
  readonly width?: number;
  readonly height?: number;
}

/**
 * ECharts, loaded on first use: it takes about half a second to load, which
 * every command would otherwise pay, and only reports draw charts.
 */
let echartsModule: Promise<typeof Echarts> | undefined;
function loadEcharts(): Promise<typeof Echarts> {
  echartsModule ??= import('echarts');
  return echartsModule;
}

/**
 * A chart of the report as an SVG string, rendered on the server by ECharts
 * (SVG renderer, server-side mode): axes labelled in the report's language,
 * values formatted in its units ("$20B" / "200亿美元", "50%"). The output is
 * deterministic: see {@link stableIds}.
 */
export async function renderChartSvg(spec: ChartSpec, lang: Lang, options: ChartSvgOptions = {}): Promise<string> {
  const echarts = await loadEcharts();
  const width = options.width ?? 760;
  const height = options.height ?? 420;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, lang, width) as Echarts.EChartsOption);
    return stableIds(chart.renderToSVGString(), spec.id);
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts names clip paths, classes and gradients with process-wide counters
 * ("zr3-c0", "zr3-cls-17"): they change with every chart made before this one.
 * Each such name is replaced by the chart's id, its kind and its order of
 * first appearance ("funding-by-year-c0", "funding-by-year-cls-0"), so the
 * same chart always gives the same SVG and several charts can share one page.
 */
export function stableIds(svg: string, id: string): string {
  const names = new Map<string, string>();
  const perKind = new Map<string, number>();
  return svg.replace(/\bzr\d+-([a-z]+-?)(\d+)\b/g, (m, kind: string) => {
    let name = names.get(m);
    if (!name) {
      const n = perKind.get(kind) ?? 0;
      perKind.set(kind, n + 1);
      name = `${id}-${kind}${n}`;
      names.set(m, name);
    }
    return name;
  });
}

const axisFormatter = (unit: Unit, lang: Lang) => (v: number): string => formatValue(v, unit, lang, null, 3);

/** The ECharts option of a chart spec (exported for tests). */
export function chartOption(spec: ChartSpec, lang: Lang, width = 760): Record<string, unknown> {
  const text = { fontFamily: CHART_FONT, color: '#333' };
  const two = spec.y2Label !== undefined;
  const logRange = (axis: 0 | 1): { min: number; max: number } => {
    const xs = spec.series.filter((s) => (s.axis ?? 0) === axis).flatMap((s) => s.values.filter((v): v is number => v !== null && v > 0));
    if (!xs.length) return { min: 1, max: 10 };
    return { min: 10 ** Math.floor(Math.log10(Math.min(...xs))), max: 10 ** Math.ceil(Math.log10(Math.max(...xs))) };
  };
  const yAxis = (name: string, unit: Unit, log: boolean, right: boolean) => ({
    type: log ? 'log' : 'value',
    ...(log ? { logBase: 10, ...logRange(right ? 1 : 0) } : {}),
    name,
    nameLocation: 'middle',
    nameGap: right ? 62 : 66,
    nameTextStyle: { ...text, fontSize: 12 },
    position: right ? 'right' : 'left',
    axisLabel: { ...text, fontSize: 11, formatter: axisFormatter(unit, lang) },
    splitLine: { show: !right, lineStyle: { color: '#e3e6eb' } },
    ...(spec.kind === 'survival' ? { min: 0, max: 1 } : {}),
  });
  const isLine = spec.kind === 'line' || spec.kind === 'survival';
  const n = spec.categories.length;
  const series = spec.series.map((s, k) => {
    const base = { name: s.name, data: [...s.values], yAxisIndex: s.axis ?? 0, itemStyle: { color: PALETTE[k % PALETTE.length] } };
    if (isLine) {
      return {
        ...base,
        type: 'line',
        connectNulls: true,
        showSymbol: spec.kind === 'line',
        symbolSize: 6,
        lineStyle: { width: 2, type: s.dashed ? 'dashed' : 'solid', color: PALETTE[k % PALETTE.length] },
      };
    }
    const hist = spec.kind === 'histogram';
    return {
      ...base,
      type: 'bar',
      ...(hist ? { barGap: '-100%', barCategoryGap: '0%', itemStyle: { color: PALETTE[k % PALETTE.length], opacity: 0.55 } } : { barMaxWidth: 36 }),
      ...(k === 0 && spec.markers?.length
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#222', type: 'dashed', width: 1.5 },
              label: { ...text, formatter: '{b}', position: 'end' },
              data: spec.markers.map((m) => ({ name: m.label, xAxis: spec.categories[m.at] })),
            },
          }
        : {}),
    };
  });
  // A series' band: the lower line, then the width stacked on it with the area filled (ECharts' confidence-band pattern), under the lines.
  const bands = isLine
    ? spec.series.flatMap((s, k) => {
        if (!s.band) return [];
        const color = PALETTE[k % PALETTE.length];
        const edge = { type: 'line', name: s.band.name, stack: `band-${k}`, yAxisIndex: s.axis ?? 0, showSymbol: false, silent: true, z: 1, itemStyle: { color }, lineStyle: { width: 0.75, opacity: 0.6, color } };
        return [
          { ...edge, data: [...s.band.lower] },
          { ...edge, data: s.band.upper.map((u, i) => u - s.band!.lower[i]!), areaStyle: { color, opacity: 0.15 } },
        ];
      })
    : [];
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: text,
    title: { text: spec.title, left: 'center', top: 8, textStyle: { ...text, fontSize: 15, fontWeight: 'bold' } },
    legend: { top: 34, left: 'center', width: '88%', textStyle: { ...text, fontSize: 11 }, itemWidth: 18, itemHeight: 10, itemGap: 24, ...(bands.length ? { data: spec.series.map((s) => s.name) } : {}) },
    grid: { left: 88, right: two ? 88 : 28, top: spec.series.length > 5 ? 100 : 84, bottom: 64 },
    xAxis: {
      type: 'category',
      data: [...spec.categories],
      name: spec.xLabel,
      nameLocation: 'middle',
      nameGap: 40,
      nameTextStyle: { ...text, fontSize: 12 },
      boundaryGap: !isLine,
      axisLabel: { ...text, fontSize: 11, interval: n > 24 ? Math.ceil(n / 12) - 1 : 0, hideOverlap: true, ...(isLine || spec.kind === 'histogram' ? {} : { width: Math.max(40, Math.floor((width - (two ? 176 : 116)) / Math.max(1, n)) - 10), overflow: 'break' }) },
    },
    yAxis: two ? [yAxis(spec.yLabel, spec.yUnit, !!spec.yLog, false), yAxis(spec.y2Label!, spec.y2Unit ?? spec.yUnit, !!spec.yLog, true)] : yAxis(spec.yLabel, spec.yUnit, !!spec.yLog, false),
    series: [...bands, ...series],
  };
}
