import type { Per, Unit } from '../../core/index.js';
import { SampleSet } from '../../estimate/index.js';
import type { Estimate, InputRef, Text } from '../analysis.js';

/** What an estimate is, without its numbers. */
export interface EstimateHead {
  readonly id: string;
  readonly label: Text;
  readonly unit: Unit;
  readonly per: Per | null;
  readonly formula: string;
  readonly inputs: readonly InputRef[];
}

/** An estimate from its draws: mean, sd and the type 7 quantiles p5, p50, p95. */
export function estimateOf(head: EstimateHead, samples: Float64Array): Estimate {
  const s = new SampleSet(samples).summary();
  return { ...head, mean: s.mean, sd: s.sd, p5: s.p5, p50: s.p50, p95: s.p95, samples };
}

/** A certain number: p5 = p50 = p95 = mean, sd 0, no samples. */
export function certainEstimate(head: EstimateHead, value: number): Estimate {
  return { ...head, mean: value, sd: 0, p5: value, p50: value, p95: value };
}

/** Index-by-index combination of sample arrays of one run (same length). */
export function combine(arrays: readonly Float64Array[], f: (...xs: number[]) => number): Float64Array {
  const n = arrays[0]!.length;
  const out = new Float64Array(n);
  const xs = new Array<number>(arrays.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < arrays.length; k++) xs[k] = arrays[k]![i]!;
    out[i] = f(...xs);
  }
  return out;
}

/** An estimate without its draws (for JSON and the ledger). */
export function withoutSamples(e: Estimate): Estimate {
  if (!e.samples) return e;
  const { samples: _omit, ...rest } = e;
  void _omit;
  return rest;
}
