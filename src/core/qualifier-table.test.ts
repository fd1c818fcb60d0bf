import { readFileSync } from 'node:fs';
import { quantileOfSpec } from './quantile-of-spec.js';
import { describe, expect, it } from 'vitest';
import { QUALIFIERS } from './figure.js';
import type { Qualifier } from './figure.js';
import { parseFigure } from './parse-figure.js';
import { NEARLY_FLOOR, NEARLY_SHORTFALL, OVER_EXCESS, QUALIFIER_TABLE, UNDER_SHORTFALL, qualify } from './qualifier-table.js';
import type { QualifiedNumber } from './qualifier-table.js';

const close = (a: number | null, b: number, rel = 1e-12): void => {
  expect(a).not.toBeNull();
  expect(Math.abs(a! - b)).toBeLessThanOrEqual(Math.abs(b) * rel + 1e-12);
};
const quantiles = (r: QualifiedNumber): number[] => [r.p5, r.p50, r.p95];

/** The example of each row at v = 100, as docs/qualifiers.md shows it. */
const EXAMPLES: Readonly<Record<Qualifier, { text: string; p5: number; p50: number; p95: number }>> = {
  exact: { text: '100', p5: 100, p50: 100, p95: 100 },
  about: { text: '约100', p5: 100 / 1.1, p50: 100, p95: 110 },
  over: { text: '超100', p5: 102, p50: 110, p95: 150 },
  // Beta quantiles from SciPy 1.17 (beta.ppf); the shapes are fitted to 2 decimals, so p5 and p50 are
  // within 0.03 of the round figures 50 / 90 and 85 / 97.3.
  under: { text: '不到100', p5: 49.97781021450521, p50: 90.00392027802054, p95: 99.78858919383802 },
  nearly: { text: '近100', p5: 85.0060647021451, p50: 97.30301083050966, p95: 99.96098180115064 },
  range: { text: '50至200', p5: 50, p50: 100, p95: 200 },
  several: { text: '数百', p5: 200, p50: 100 * Math.sqrt(18), p95: 900 },
  almost_none: { text: '几乎没有', p5: 0, p50: 0, p95: 0 },
};

describe('QUALIFIER_TABLE', () => {
  it('has one row per qualifier, each with a reason and a distribution in words', () => {
    expect(Object.keys(QUALIFIER_TABLE).sort()).toEqual([...QUALIFIERS].sort());
    for (const q of QUALIFIERS) {
      const row = QUALIFIER_TABLE[q];
      expect(row.qualifier).toBe(q);
      expect(row.reason.length).toBeGreaterThan(20);
      expect(row.distribution.length).toBeGreaterThan(5);
      if (q !== 'exact') expect(row.zh.length + row.en.length).toBeGreaterThan(0);
    }
  });

  it('exact: a point mass at v', () => {
    const r = qualify('exact', { value: 100, unit: 'USD' });
    expect(r.distribution).toEqual({ family: 'pointMass', value: 100 });
    expect(quantiles(r)).toEqual([100, 100, 100]);
    expect([r.low, r.high]).toEqual([100, 100]);
  });

  it('about: lognormal with p5 = v/1.1, median v, p95 = 1.1v; normal for v < 0; point mass at 0', () => {
    const r = qualify('about', { value: 100, unit: 'USD' });
    expect(r.distribution.family).toBe('lognormal');
    close(r.p5, 100 / 1.1);
    close(r.p50, 100);
    close(r.p95, 110);
    expect([r.low, r.high]).toEqual([null, null]);
    const n = qualify('about', { value: -100, unit: 'CNY' });
    expect(n.distribution.family).toBe('normal');
    close(n.p5, -110);
    close(n.p50, -100);
    close(n.p95, -90);
    expect(qualify('about', { value: 0, unit: 'count' }).distribution).toEqual({ family: 'pointMass', value: 0 });
  });

  it('over: v + v · lognormal(0.02 to 0.5): p5 1.02v, p50 1.1v, p95 1.5v, low v', () => {
    const r = qualify('over', { value: 100, unit: 'USD' });
    expect(r.distribution).toEqual({ family: 'shifted', offset: 100, scale: 100, base: OVER_EXCESS });
    close(r.p5, 102);
    close(r.p50, 110);
    close(r.p95, 150);
    expect([r.low, r.high]).toEqual([100, null]);
    // Magnitude: over -100 lies below -100.
    const n = qualify('over', { value: -100, unit: 'CNY' });
    close(n.p5, -150);
    close(n.p95, -102);
    expect([n.low, n.high]).toEqual([null, -100]);
  });

  it('under: v - v · Beta(0.62, 3.35): strictly between 0 and v; p5 0.5v, p50 0.9v, p95 ≈ 0.998v, for every unit', () => {
    const r = qualify('under', { value: 100, unit: 'USD' });
    expect(r.distribution).toEqual({ family: 'shifted', offset: 100, scale: -100, base: UNDER_SHORTFALL });
    close(r.p5, 50, 1e-3);
    close(r.p50, 90, 1e-3);
    close(r.p95, 99.79, 1e-3);
    expect([r.low, r.high]).toEqual([0, 100]);
    // The support ends are 0 and v; no quantile strictly inside reaches them.
    expect(quantileOfSpec(r.distribution, 0)).toBe(0);
    expect(quantileOfSpec(r.distribution, 1e-9)).toBeGreaterThan(0);
    expect(quantileOfSpec(r.distribution, 1 - 1e-9)).toBeLessThan(100);
    for (const unit of ['count', 'percent', 'multiple'] as const) expect(qualify('under', { value: 5, unit }).low).toBe(0);
    // Magnitude: under -100 lies between -100 and 0.
    const n = qualify('under', { value: -100, unit: 'CNY' });
    expect([n.low, n.high]).toEqual([-100, 0]);
    close(n.p5, -99.79, 1e-3);
    close(n.p95, -50, 1e-3);
  });

  it('nearly: v - 0.3v · Beta(0.56, 3.18): strictly between the floor 0.7v and v; p5 0.85v, p50 0.973v, p95 ≈ 0.9996v', () => {
    expect(NEARLY_FLOOR).toBe(0.7);
    const r = qualify('nearly', { value: 100, unit: 'USD' });
    expect(r.distribution).toMatchObject({ family: 'shifted', offset: 100, base: NEARLY_SHORTFALL });
    close((r.distribution as { scale: number }).scale, -30);
    close(r.p5, 85, 1e-3);
    close(r.p50, 97.3, 1e-3);
    close(r.p95, 99.96, 1e-3);
    expect([r.low, r.high]).toEqual([70, 100]);
    expect(quantileOfSpec(r.distribution, 0)).toBeCloseTo(70, 12);
    expect(quantileOfSpec(r.distribution, 1e-9)).toBeGreaterThan(70);
    const n = qualify('nearly', { value: -100, unit: 'CNY' });
    expect([n.low, n.high]).toEqual([-100, -70]);
    close(n.p5, -99.96, 1e-3);
  });

  it('no qualifier of a positive figure reaches 0; nearly stays above its floor (exact quantiles deep in the tails)', () => {
    const v = 1e8;
    const readings = {
      exact: qualify('exact', { value: v, unit: 'USD' }),
      about: qualify('about', { value: v, unit: 'USD' }),
      over: qualify('over', { value: v, unit: 'USD' }),
      under: qualify('under', { value: v, unit: 'USD' }),
      nearly: qualify('nearly', { value: v, unit: 'USD' }),
      range: qualify('range', { value: 2e8, low: 1e8, high: 3e8, unit: 'USD' }),
      several: qualify('several', { value: v, magnitude: v, unit: 'USD' }),
    };
    for (const [q, r] of Object.entries(readings)) {
      for (const p of [1e-12, 1e-9, 1e-6, 1e-3]) expect(quantileOfSpec(r.distribution, p), `${q} at p = ${p}`).toBeGreaterThan(0);
    }
    for (const p of [1e-12, 1e-9, 1e-6]) expect(quantileOfSpec(readings.nearly.distribution, p)).toBeGreaterThan(NEARLY_FLOOR * v);
  });

  it("range: Squiggle's low to high, value the midpoint; uniform when low <= 0", () => {
    const r = qualify('range', { value: 125, low: 50, high: 200, unit: 'USD' });
    expect(r.distribution.family).toBe('lognormal');
    close(r.p5, 50);
    close(r.p50, 100);
    close(r.p95, 200);
    expect([r.value, r.low, r.high]).toEqual([125, 50, 200]);
    const u = qualify('range', { value: 0, low: -10, high: 10, unit: 'percent' });
    expect(u.distribution).toEqual({ family: 'uniform', low: -10, high: 10 });
    close(u.p5, -9);
    close(u.p95, 9);
    expect(() => qualify('range', { value: 0, low: 5, high: 3, unit: 'USD' })).toThrow(RangeError);
  });

  it('several: lognormal from 2m to 9m, value its median', () => {
    const r = qualify('several', { value: 1e8, magnitude: 1e8, unit: 'USD' });
    close(r.p5, 2e8);
    close(r.p50, Math.sqrt(18) * 1e8);
    close(r.p95, 9e8);
    expect([r.low, r.high]).toEqual([2e8, 9e8]);
    close(r.value, Math.sqrt(18) * 1e8);
    const n = qualify('several', { value: -1e8, magnitude: -1e8, unit: 'USD' });
    close(n.p5, -9e8);
    close(n.p95, -2e8);
    expect([n.low, n.high]).toEqual([-9e8, -2e8]);
    expect(() => qualify('several', { value: 0, unit: 'USD' })).toThrow(RangeError);
  });

  it('almost_none: a point mass at 0, low 0, high open', () => {
    const r = qualify('almost_none', { value: 123, unit: 'USD' });
    expect(r.distribution).toEqual({ family: 'pointMass', value: 0 });
    expect([r.value, r.low, r.high, ...quantiles(r)]).toEqual([0, 0, null, 0, 0, 0]);
  });

  it.each(QUALIFIERS.map((q) => [q]))('the parser gives the table quantiles for the %s example', (q) => {
    const e = EXAMPLES[q];
    const f = parseFigure(e.text);
    expect(f.qualifier).toBe(q);
    close(f.p5, e.p5, 1e-9);
    close(f.p50, e.p50, 1e-9);
    close(f.p95, e.p95, 1e-9);
  });

  it('every trigger word of a row reads as that row', () => {
    for (const q of ['about', 'over', 'under', 'nearly'] as const) {
      for (const w of [...QUALIFIER_TABLE[q].zh, ...QUALIFIER_TABLE[q].en]) {
        const candidates = [`${w}100`, `${w} 100`, `100${w}`, `100 ${w}`];
        const read = candidates.map((t) => {
          try {
            return parseFigure(t).qualifier;
          } catch {
            return null;
          }
        });
        expect(read, `${q}: ${w}`).toContain(q);
      }
    }
  });
});

describe('docs/qualifiers.md', () => {
  const doc = readFileSync(new URL('../../docs/qualifiers.md', import.meta.url), 'utf8');
  const fmt = (x: number): string => String(Number(x.toPrecision(3)));

  it.each(QUALIFIERS.map((q) => [q]))('lists %s with its example and quantiles at v = 100', (q) => {
    const line = doc.split('\n').find((l) => l.startsWith(`| ${q} |`));
    expect(line, `a table row for ${q}`).toBeDefined();
    const e = EXAMPLES[q];
    expect(line).toContain(`| ${e.text} | ${fmt(e.p5)} | ${fmt(e.p50)} | ${fmt(e.p95)} |`);
    for (const w of QUALIFIER_TABLE[q].zh.slice(0, 3)) expect(line).toContain(w);
  });
});
