import { describe, expect, it } from 'vitest';
import { NEARLY_FLOOR, parseFigure } from '../core/index.js';
import { sampleSpec } from './sample-spec.js';

// The qualifier table (core/qualifier-table.ts, docs/qualifiers.md) promises
// that no qualifier of a positive figure draws 0 or less, and that "nearly v"
// never draws at or below its floor 0.7v. Drawn here through the engine
// itself, a million samples each, over several seeds.
const N = 1_000_000;
const SEEDS = [1, 20240520];

/** The smallest draw of the figure's distribution over the seeds. */
function minDraw(text: string): number {
  const spec = parseFigure(text).distribution;
  let min = Infinity;
  for (const seed of SEEDS) {
    const draws = sampleSpec(spec, { sampleCount: N, seed }).samples;
    for (let i = 0; i < draws.length; i++) {
      const x = draws[i]!;
      if (Number.isNaN(x)) throw new Error(`${text}: a NaN draw (seed ${seed}, index ${i})`);
      if (x < min) min = x;
    }
  }
  return min;
}

describe('qualifier draws', () => {
  it.each(['just under $100M', 'nearly $1.8B', '近18亿美元', 'almost 5%'])('%s: no draw at or below 0.7 of the figure', (text) => {
    const f = parseFigure(text);
    const min = minDraw(text);
    expect(min).toBeGreaterThan(NEARLY_FLOOR * f.value);
    expect(min).toBeLessThan(f.value);
  });

  it.each(['under $100M', '不到1亿美元', 'less than 50 deals', '低于5%', 'about $20M', 'over $2.3B', '3亿至5亿美元', '数亿美元', '$3.6B'])(
    '%s: no draw at or below 0',
    (text) => {
      expect(minDraw(text)).toBeGreaterThan(0);
    },
  );
});
