import { parseFigure } from '../../core/index.js';
import type { DistSpec } from '../../core/index.js';
import type { Fact } from '../../ledger/index.js';

/** 5th percentile of the standard normal, negated: 1.6448536269514722. */
const Z95 = 1.6448536269514722;

/**
 * The distribution of a fact's figure, as core's figure reader reads its text
 * (so "超23亿美元" is 2.3e9 plus a positive excess, "1200万美元" a point).
 * When the text does not read back to the stored median (a fact entered in
 * another form), the distribution is fitted to the stored p5, p50 and p95: a
 * point when p5 = p95, a lognormal through p5 and p95 when both are positive,
 * else a normal with the same 90% width.
 *
 * @example factSpec(F18) // { family: 'pointMass', value: 12000000 }
 */
export function factSpec(fact: Fact): DistSpec {
  const { p5, p50, p95 } = fact.figure;
  try {
    const f = parseFigure(fact.valueText, fact.defaultUnit ? { defaultUnit: fact.defaultUnit } : {});
    if (Math.abs(f.p50 - p50) <= 1e-9 * Math.max(1, Math.abs(p50))) return f.distribution;
  } catch {
    // fall through to the fit below
  }
  return fitSpec(p5, p50, p95);
}

/** A distribution through p5, p50 and p95 (see `factSpec`). */
export function fitSpec(p5: number, p50: number, p95: number): DistSpec {
  if (p5 === p95) return { family: 'pointMass', value: p50 };
  if (p5 > 0 && p95 > 0) {
    const a = Math.log(p5);
    const b = Math.log(p95);
    return { family: 'lognormal', mu: (a + b) / 2, sigma: (b - a) / (2 * Z95) };
  }
  return { family: 'normal', mean: p50, sd: (p95 - p5) / (2 * Z95) };
}
