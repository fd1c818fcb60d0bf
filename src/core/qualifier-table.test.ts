import { readFileSync } from 'node:fs';
import { quantileOfSpec } from './quantile-of-spec.js';
import { describe, expect, it } from 'vitest';
import { QUALIFIERS } from './figure.js';
import type { Qualifier } from './figure.js';
import { parseFigure } from './parse-figure.js';
import { NEARLY_SHORTFALL, OVER_EXCESS, QUALIFIER_TABLE, qualify } from './qualifier-table.js';
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
  under: { text: '不到100', p5: 50, p50: 90, p95: 98 },
  nearly: { text: '近100', p5: 85, p50: 100 - 100 * Math.sqrt(0.005 * 0.15), p95: 99.5 },
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

  it('under: v - v · lognormal(0.02 to 0.5): p5 0.5v, p50 0.9v, p95 0.98v, low 0 for money and counts', () => {
    const r = qualify('under', { value: 100, unit: 'USD' });
    expect(r.distribution).toEqual({ family: 'shifted', offset: 100, scale: -100, base: OVER_EXCESS, floor: 0 });
    // a percent (no floor) keeps the lognormal tail; money is floored at 0
    expect(qualify('under', { value: 0.5, unit: 'percent' }).distribution).not.toHaveProperty('floor');
    expect(quantileOfSpec(r.distribution, 0.001)).toBe(0);
    close(r.p5, 50);
    close(r.p50, 90);
    close(r.p95, 98);
    expect([r.low, r.high]).toEqual([0, 100]);
    expect(qualify('under', { value: 100, unit: 'count' }).low).toBe(0);
    expect(qualify('under', { value: 0.5, unit: 'percent' }).low).toBeNull();
    expect(qualify('under', { value: 5, unit: 'multiple' }).low).toBeNull();
  });

  it('nearly: v - v · lognormal(0.005 to 0.15): p5 0.85v, p50 ≈ 0.973v, p95 0.995v, high v', () => {
    const r = qualify('nearly', { value: 100, unit: 'USD' });
    expect(r.distribution).toEqual({ family: 'shifted', offset: 100, scale: -100, base: NEARLY_SHORTFALL, floor: 0 });
    close(r.p5, 85);
    close(r.p50, 100 - 100 * Math.sqrt(0.005 * 0.15));
    close(r.p95, 99.5);
    expect([r.low, r.high]).toEqual([0, 100]);
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
    close(f.p5, e.p5);
    close(f.p50, e.p50);
    close(f.p95, e.p95);
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
