import { SampleSet } from '../estimate/index.js';

/** Bins shared by several sample sets, and each set's share of draws per bin. */
export interface SharedHistogram {
  /** Bin edges, bins + 1 of them. */
  readonly edges: readonly number[];
  /** Per sample set, the share of its draws in each bin (draws outside the range are left out). */
  readonly shares: readonly (readonly number[])[];
}

/**
 * Equal-width bins over the 0.5th to 99.5th percentile of all the sets
 * together (so one long tail does not squash the chart), and the share of
 * each set's draws in each bin.
 *
 * @example sharedHistogram([a, b], 40).shares[0].length // 40
 */
export function sharedHistogram(sets: readonly Float64Array[], bins: number): SharedHistogram {
  const ss = sets.map((s) => new SampleSet(s));
  const lo = Math.min(...ss.map((s) => s.quantile(0.005)));
  const hi = Math.max(...ss.map((s) => s.quantile(0.995)));
  const w = hi > lo ? (hi - lo) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, k) => lo + k * w);
  const shares = sets.map((s) => {
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < s.length; i++) {
      const x = s[i]!;
      if (!(x >= lo && x <= hi)) continue;
      counts[Math.min(bins - 1, Math.floor((x - lo) / w))]! += 1;
    }
    return counts.map((c) => c / s.length);
  });
  return { edges, shares };
}
