import { spearman } from './correlation.js';
import { EstimateError } from './estimate-error.js';
import { quantileSorted } from './quantile-sorted.js';
import { argsortFloat64, sortFloat64 } from './radix-sort.js';
import { SampleSet } from './sample-set.js';

/** How much one input drives an output. */
export interface SensitivityEntry {
  readonly name: string;
  /** Spearman rank correlation of the input with the output, in [-1, 1]. */
  readonly spearman: number;
  /** The output's mean (or median) over the draws where the input is in its bottom `tail`. */
  readonly low: number;
  /** The same over the draws where the input is in its top `tail`. */
  readonly high: number;
  /** high - low: how far the output moves from the input's low end to its high end. */
  readonly swing: number;
}

export interface SensitivityOptions {
  /** Share of draws in each tail, in (0, 0.5]; default 0.05: the output below the input's p5 against above its p95. */
  readonly tail?: number;
  /** Statistic of the output within a tail; default 'mean'. */
  readonly statistic?: 'mean' | 'median';
}

/** An input to rank: a name and its samples from the same run as the output. */
export interface SensitivityInput {
  readonly name: string;
  readonly samples: SampleSet | Float64Array;
}

/**
 * Ranks inputs by how much they drive an output, from one run's samples (no
 * re-running: every index is one draw of the whole model, so conditioning on
 * an input's range is selecting indices).
 *
 * For each input: the Spearman rank correlation with the output, and the
 * swing: sort the draws by the input, take the bottom and top `tail` share of
 * them (default 5% each: below the input's p5 and above its p95; ties broken by index), and compare the
 * output's mean (or median) over the two groups: swing = high - low. A
 * positive swing means the output rises with the input. Inputs come back
 * sorted by |swing|, largest first: the first is the assumption that matters
 * most. An input that is constant has spearman NaN and swing 0.
 *
 * @example
 * sensitivity(run.values[runway], [{ name: 'cash', samples: run.values[cash] }, { name: 'burn', samples: run.values[burn] }]);
 * // [{ name: 'burn', spearman: -0.83, low: 19.1, high: 8.2, swing: -10.9 }, { name: 'cash', ... }]
 */
export function sensitivity(output: SampleSet | Float64Array, inputs: readonly SensitivityInput[], options: SensitivityOptions = {}): SensitivityEntry[] {
  const tail = options.tail ?? 0.05;
  if (!(tail > 0 && tail <= 0.5)) throw new EstimateError('sensitivity_tail', `sensitivity needs a tail share in (0, 0.5], got ${tail}`);
  const y = output instanceof SampleSet ? output.samples : output;
  const n = y.length;
  const k = Math.max(1, Math.floor(tail * n));
  const entries = inputs.map((input): SensitivityEntry => {
    const x = input.samples instanceof SampleSet ? input.samples.samples : input.samples;
    if (x.length !== n) {
      throw new EstimateError('length_mismatch', `sensitivity: input ${input.name} has ${x.length} samples, the output ${n}; both must come from one run`);
    }
    const order = argsortFloat64(x);
    if (x[order[0]] === x[order[n - 1]]) return { name: input.name, spearman: NaN, low: NaN, high: NaN, swing: 0 };
    const low = statistic(y, order, 0, k, options.statistic);
    const high = statistic(y, order, n - k, n, options.statistic);
    return { name: input.name, spearman: n >= 2 ? spearman(x, y) : NaN, low, high, swing: high - low };
  });
  return entries.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.name.localeCompare(b.name));
}

function statistic(y: Float64Array, order: Uint32Array, from: number, to: number, which: 'mean' | 'median' | undefined): number {
  if (which === 'median') {
    const part = new Float64Array(to - from);
    for (let j = from; j < to; j++) part[j - from] = y[order[j]];
    return quantileSorted(sortFloat64(part), 0.5);
  }
  let s = 0;
  for (let j = from; j < to; j++) s += y[order[j]];
  return s / (to - from);
}
