import { parseFigure, Z95 } from '../../core/index.js';
import type { DistSpec } from '../../core/index.js';
import { sampleSpec, streamOf, type Env } from '../../estimate/index.js';
import type { Fact } from '../../ledger/index.js';
import { scaleSpec } from './value-text.js';

/**
 * The distribution of a fact's figure: the one way a fact becomes draws, for
 * `fact()` in a model (through the app) and for every analysis.
 *
 * It is what core's figure reader reads in the text (so "超23亿美元" is 2.3e9
 * plus a positive excess, "1200万美元" a point; docs/qualifiers.md). When the
 * text does not read back to the stored median (a fact entered in another
 * form, a text the reader of this version reads differently), the
 * distribution is fitted to the stored p5, p50 and p95 instead: a point when
 * p5 = p95, a lognormal through p5 and p95 when both are positive, else a
 * normal with the same 90% width.
 *
 * `scale` multiplies the figure (a currency conversion, a rate put per month).
 *
 * @example factSpec(F18) // { family: 'pointMass', value: 12000000 }
 */
export function factSpec(fact: Fact, scale = 1): DistSpec {
  const { p5, p50, p95 } = fact.figure;
  try {
    const f = parseFigure(fact.valueText, fact.defaultUnit ? { defaultUnit: fact.defaultUnit } : {});
    if (Math.abs(f.p50 - p50) <= 1e-9 * Math.max(1, Math.abs(p50))) return scaleSpec(f.distribution, scale);
  } catch {
    // fall through to the fit below
  }
  return scaleSpec(fitSpec(p5, p50, p95), scale);
}

/**
 * A fact's draws, times `scale` (a currency conversion, a rate put per
 * month), from the random stream of `id` under `env` ({@link streamOf}):
 * `factSpec` sampled. Two calls with the same fact, env and id give the
 * same draws.
 *
 * @example factDraws(F18, { sampleCount: 10_000, seed: 'shakeout' }, 'subscribers/chatgpt/app_store/F18') // 10,000 draws of $12M
 */
export function factDraws(fact: Fact, env: Env, id: string, scale = 1): Float64Array {
  return sampleSpec(factSpec(fact, scale), env, streamOf(id)).samples;
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
