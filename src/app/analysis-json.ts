import type { Analysis } from '../economics/index.js';
import { withoutSamples } from '../economics/index.js';

/** An analysis ready for JSON: estimates without their draws. */
export function analysisJson<D>(a: Analysis<D>): Analysis<D> {
  return { ...a, estimates: a.estimates.map(withoutSamples) };
}
