import type { Inline } from './report-model.js';

/** Footnote refs without repeats, in order (a chart caption citing each fact once). */
export function dedupeRefs(refs: readonly Inline[]): Inline[] {
  const seen = new Set<number>();
  return refs.filter((r) => r.t === 'ref' && !seen.has(r.fn) && !!seen.add(r.fn));
}
