import { useEffect, useRef } from 'preact/hooks';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

type Option = Record<string, unknown>;

/** y-axis labels for a unit: the report's option carries its formatter as a function, which JSON drops. */
function withFormatter(option: Option, unit: 'percent' | 'plain'): Option {
  const fmt = unit === 'percent' ? (v: number) => `${Math.round(v * 100)}%` : (v: number) => String(v);
  const axes = Array.isArray(option.yAxis) ? option.yAxis : option.yAxis ? [option.yAxis] : [];
  return {
    ...option,
    yAxis: axes.map((a: Option) => ({ ...a, axisLabel: { ...(a.axisLabel as Option | undefined), formatter: fmt } })),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? fmt(v) : String(v)) },
  };
}

/** A chart drawn by ECharts (canvas) from the option the API gives: the report's own chart. */
export function Chart(props: { option: Option; unit?: 'percent' | 'plain'; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption(withFormatter(props.option, props.unit ?? 'plain'));
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [props.option]);
  return <div class="chart" ref={el} role="img" aria-label={props.label} data-testid="chart" />;
}
