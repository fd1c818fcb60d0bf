const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * A small text chart of values in [0, 1] (a survival curve): one character
 * per value, ' ' for 0, '▁' to '█' above it.
 *
 * @example sparkline([1, 0.8, 0.5, 0.2, 0]) // "█▆▄▂ "
 */
export function sparkline(values: readonly number[]): string {
  return values.map((v) => (v <= 0 ? ' ' : BARS[Math.min(BARS.length - 1, Math.max(0, Math.ceil(v * BARS.length) - 1))])).join('');
}

/** `points` values of a curve, evenly spaced from its first to its last. */
export function resample(curve: readonly number[], points: number): number[] {
  if (curve.length <= points) return [...curve];
  const out: number[] = [];
  for (let k = 0; k < points; k++) out.push(curve[Math.round((k * (curve.length - 1)) / (points - 1))]!);
  return out;
}
