import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../core/index.js';
import { COSTS_FROM_LAST_ROUND, FRONTIER_COMPUTE_GROWTH, recencyFundability, ROUND_INTERVAL_FACTOR, ROUND_INTERVAL_SPREAD, sizeFundability } from './forecast-parameters.js';

/** Least squares of y on x with the slope's standard error. */
function fit(points: readonly (readonly [number, number])[]): { slope: number; se: number; n: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0, sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (const [x, y] of points) sse += (y - my - slope * (x - mx)) ** 2;
  return { slope, se: Math.sqrt(sse / (n - 2) / sxx), n };
}

describe('the frontier compute trend is the fit of the bundled Epoch table', () => {
  const rows = parse(readFileSync(join(import.meta.dirname, '../../../data/epoch-model-training-costs.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const years = (d: string): number => Date.parse(`${d}T00:00:00Z`) / (86_400_000 * 365.25) + 1970;

  it('every model has a publication date', () => {
    for (const r of rows) expect(r['publication_date'], r['Model']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('ln(cost) on date over the models published by 2024-05-20 gives 2.76x a year, 90% interval 2.45-3.11', () => {
    const pts = rows
      .filter((r) => r['Hardware_Capex_Energy_Cost'] && r['publication_date']! <= '2024-05-20')
      .map((r) => [years(r['publication_date']!), Math.log(Number(r['Hardware_Capex_Energy_Cost']))] as const);
    const f = fit(pts);
    expect(f.n).toBe(71);
    expect(Math.exp(f.slope - 1.645 * f.se)).toBeCloseTo(FRONTIER_COMPUTE_GROWTH.value.p5, 2);
    expect(Math.exp(f.slope + 1.645 * f.se)).toBeCloseTo(FRONTIER_COMPUTE_GROWTH.value.p95, 2);
    // Cottier et al. 2024: 2.4x (2.0-2.9) for frontier models; the intervals overlap.
    expect(FRONTIER_COMPUTE_GROWTH.value.p5).toBeLessThan(2.9);
  });
});

describe('fundability factors', () => {
  it('size: x0.62 below a typical Series A ($9.1M raised), x1 from there at any size (Mattermark: 31% seed to A, then about half at each stage)', () => {
    expect(sizeFundability(0)).toBe(0.62);
    expect(sizeFundability(3.2e6)).toBe(0.62);
    expect(sizeFundability(9.1e6 - 1)).toBe(0.62);
    expect(sizeFundability(9.1e6)).toBe(1);
    expect(sizeFundability(50e6)).toBe(1);
    expect(sizeFundability(13e9)).toBe(1);
  });
  it('months since the last round: 1 up to 27 months, then 27 / months', () => {
    expect(recencyFundability(3)).toBe(1);
    expect(recencyFundability(27)).toBe(1);
    expect(recencyFundability(54)).toBe(0.5);
  });
});

describe('how long a round lasts: the spread of the time between priced rounds (Carta, State of Seed, Winter 2025)', () => {
  it('puts the 75th percentile at 1,251 days over a median of 2.1 years (767 days): sigma 0.725, 5th to 95th percentile 0.30 to 3.3, median 1', () => {
    expect(ROUND_INTERVAL_SPREAD.value).toEqual({ medianDays: 767, p75Days: 1251 });
    expect(Math.round(2.1 * 365.25)).toBe(767);
    const { mu, sigma } = ROUND_INTERVAL_FACTOR;
    expect(mu).toBe(0);
    expect(Math.exp(mu + sigma * normalQuantile(0.75))).toBeCloseTo(1251 / 767, 9);
    expect(sigma).toBeCloseTo(0.725, 3);
    expect(Math.exp(sigma * normalQuantile(0.05))).toBeCloseTo(0.30, 2);
    expect(Math.exp(sigma * normalQuantile(0.95))).toBeCloseTo(3.3, 1);
    // every text says the percentiles the spec gives
    const p5 = Math.exp(sigma * normalQuantile(0.05)).toFixed(2), p95 = Math.exp(sigma * normalQuantile(0.95)).toFixed(1);
    expect(ROUND_INTERVAL_SPREAD.text.en).toContain(`${p5} to ${p95}`);
    expect(ROUND_INTERVAL_SPREAD.text.zh).toContain(`${p5} 至 ${p95}`);
    expect(COSTS_FROM_LAST_ROUND.text.en).toContain(`round-interval factor (${p5} to ${p95} before the condition)`);
    expect(COSTS_FROM_LAST_ROUND.text.zh).toContain(`融资间隔系数（条件前 ${p5} 至 ${p95}）`);
  });
});
