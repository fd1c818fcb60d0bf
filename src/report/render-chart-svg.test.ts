import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './report-model.js';
import { chartOption, renderChartSvg } from './render-chart-svg.js';

const spec = (kind: ChartSpec['kind']): ChartSpec => ({
  id: `test-${kind}`,
  kind,
  title: kind === 'histogram' ? '订阅用户' : 'Funding',
  xLabel: 'Year',
  yLabel: 'US dollars',
  yUnit: kind === 'survival' || kind === 'histogram' ? 'percent' : 'USD',
  categories: ['2022', '2023', '2024'],
  series: [
    { name: 'A', values: kind === 'survival' ? [1, 0.9, 0.8] : [3.6e9, 2.04e10, null] },
    { name: 'B', values: kind === 'survival' ? [1, 0.7, 0.5] : [3.98e9, 2.86e10, 3.39e10] },
  ],
  ...(kind === 'histogram' ? { markers: [{ at: 1, label: 'the article: 750k' }] } : {}),
});

describe('renderChartSvg', () => {
  for (const kind of ['line', 'bar', 'histogram', 'survival'] as const) {
    it(`renders a ${kind} chart with data`, async () => {
      const svg = await renderChartSvg(spec(kind), 'en');
      expect(svg.startsWith('<svg')).toBe(true);
      expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(3);
    });
  }

  it('is deterministic: the same spec gives the same SVG, ids named after the chart', async () => {
    const a = await renderChartSvg(spec('line'), 'en');
    await renderChartSvg(spec('bar'), 'en');
    const b = await renderChartSvg(spec('line'), 'en');
    expect(b).toBe(a);
    expect(a).not.toMatch(/\bzr\d+-/);
    expect(a).toContain('test-line-');
  });

  it('labels the axes in the report language and units', async () => {
    const en = await renderChartSvg(spec('bar'), 'en');
    expect(en).toMatch(/\$\d+B/);
    expect(en).toContain('US dollars');
    const zh = await renderChartSvg({ ...spec('bar'), yLabel: '融资额（美元）' }, 'zh');
    expect(zh).toMatch(/\d+亿美元/);
    expect(zh).toContain('融资额（美元）');
    expect(await renderChartSvg(spec('survival'), 'en')).toMatch(/>\s*\d+%\s*</);
  });

  it('draws a series\' 90% band as two thin lines with the area between, under the lines and out of the legend', async () => {
    const banded: ChartSpec = { ...spec('survival'), series: [{ name: 'A', values: [1, 0.9, 0.8], band: { name: 'A: 90% band', lower: [1, 0.85, 0.7], upper: [1, 0.95, 0.9] } }, { name: 'B', values: [1, 0.7, 0.5] }] };
    const o = chartOption(banded, 'en') as { series: { name: string; type: string; data: number[]; stack?: string; areaStyle?: unknown }[]; legend: { data?: string[] } };
    expect(o.series.map((s) => s.name)).toEqual(['A: 90% band', 'A: 90% band', 'A', 'B']);
    const [lower, width] = o.series;
    expect(lower!.data).toEqual([1, 0.85, 0.7]);
    expect(width!.data.map((x, i) => x + lower!.data[i]!)).toEqual([1, 0.95, 0.9]);
    expect(lower!.stack).toBe(width!.stack);
    expect(lower!.areaStyle).toBeUndefined();
    expect(width!.areaStyle).toBeDefined();
    expect(o.legend.data).toEqual(['A', 'B']);
    expect((chartOption(spec('survival'), 'en') as { series: unknown[] }).series).toHaveLength(2);
    const svg = await renderChartSvg(banded, 'en');
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan((await renderChartSvg(spec('survival'), 'en')).match(/<path /g)!.length);
  });
});
