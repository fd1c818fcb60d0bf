import { factDraws, factSpec } from '../economics/index.js';
import { SampleSet } from '../estimate/index.js';
import type { Fact } from '../ledger/index.js';
import { DEFAULT_ANALYSIS_SAMPLES, DEFAULT_ANALYSIS_SEED } from './analyses.js';

/** Bins of a fact's histogram: enough to show a lognormal's skew in a small panel. */
export const FACT_HISTOGRAM_BINS = 40;

/**
 * A fact's distribution as the engine reads it: the family of its `factSpec`,
 * and either the one value of a point figure ("1200万美元") or a histogram
 * of its draws (edges and counts, p1 to p99 with the draws left out on each
 * side in `below` and `above`), with the 5th, 50th and 95th percentiles of
 * the draws. The unit is the fact's own (no currency conversion).
 */
export interface FactDistribution {
  readonly fact: string;
  readonly family: string;
  readonly unit: string;
  readonly per: string | null;
  readonly sampleCount: number;
  readonly seed: string | number;
  /** The value of a point figure; null when the figure has a spread. */
  readonly point: number | null;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** The draws binned; null for a point figure (one value is not a spread). */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[]; readonly below: number; readonly above: number } | null;
}

/**
 * The distribution the analyses sample for a fact (`factSpec`, drawn by
 * `factDraws` from the stream `fact/<id>`), summarised for a picture: a range
 * "3 to 5 billion" is a lognormal whose p5 and p95 are 3 and 5 billion, "超23亿"
 * 2.3 billion plus a positive excess, an exact figure a point. The same fact,
 * sample count and seed give the same answer.
 *
 * @example factDistribution(f, { samples: 10_000, seed: 'shakeout' }).p95 // about 5e9 for "3 to 5 billion"
 */
export function factDistribution(fact: Fact, o: { samples?: number | undefined; seed?: string | number | undefined } = {}): FactDistribution {
  const env = { sampleCount: o.samples ?? DEFAULT_ANALYSIS_SAMPLES, seed: o.seed ?? DEFAULT_ANALYSIS_SEED };
  const spec = factSpec(fact);
  const head = { fact: fact.id, family: spec.family, unit: fact.figure.unit, per: fact.figure.per, sampleCount: env.sampleCount, seed: env.seed };
  if (spec.family === 'pointMass') return { ...head, point: spec.value, p5: spec.value, p50: spec.value, p95: spec.value, histogram: null };
  const set = new SampleSet(factDraws(fact, env, `fact/${fact.id}`));
  const [p5, p50, p95] = set.quantiles([0.05, 0.5, 0.95]) as [number, number, number];
  const h = set.summaryHistogram(FACT_HISTOGRAM_BINS);
  return { ...head, point: null, p5, p50, p95, histogram: { edges: [...h.edges], counts: [...h.counts], below: h.below, above: h.above } };
}
