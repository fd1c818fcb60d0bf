import type { Analysis, Estimate } from '../economics/index.js';
import type { Basis, Fact, FactInput, Store } from '../ledger/index.js';
import { ShakeoutError, Z95 } from '../core/index.js';
import type { Unit } from '../core/index.js';

/** One estimate to write back to the ledger as a `derived` fact. */
export interface DerivedFactSpec {
  readonly estimate: Estimate;
  readonly entity: string;
  readonly metric: string;
  readonly period: string | null;
  readonly scope: string | null;
  readonly basis: Basis;
  /** Fact ids the result is computed from, and the formula over them. */
  readonly inputs: readonly string[];
  readonly formula: string;
  readonly notes: string;
}

/** What `saveDerived` did for each estimate. */
export interface SavedFact {
  readonly estimateId: string;
  readonly factId: string;
  /** false when the same fact was already in the ledger. */
  readonly added: boolean;
}

/** The text a derived fact is stored as, and the interval it implies when read back. */
export interface DerivedValueText {
  /** The value text: '763000', '458000 to 1270000' (a 90% interval for core's figure reader). */
  readonly text: string;
  /** What the figure reader makes of it (docs/qualifiers.md): 'exact', 'lognormal range' or 'uniform range'. */
  readonly reading: 'exact' | 'lognormal range' | 'uniform range';
  /** The ends written (equal for exact). */
  readonly low: number;
  readonly high: number;
}

const plain = (x: number): string => (Math.abs(x) >= 1000 ? String(Math.round(x)) : String(Number(x.toPrecision(6))));
/** A number as the figure reader reads it back in `unit`: percents are written with '%'. */
const written = (x: number, unit: Unit): string => (unit === 'percent' ? `${plain(x * 100)}%` : plain(x));

/**
 * The value text that keeps an estimate's median when core's figure reader
 * reads it back. The text language has one way to say an interval, 'a to b',
 * read as a lognormal with p5 = a and p95 = b (median √(ab)) when a > 0 and as
 * uniform(a, b) (median (a + b) / 2) when a <= 0 (docs/qualifiers.md). Writing
 * the estimate's own p5 and p95 would move the median to √(p5·p95); instead:
 *
 * - positive estimate: a = p50 / k, b = p50 · k with k = √(p95 / p5), so the
 *   read-back median is p50 and the 90% interval has the estimate's width in
 *   log terms (centred on the median rather than skewed like the draws);
 * - an estimate whose p5 is <= 0: a uniform centred on p50 whose 5th-95th
 *   percentile span is p95 - p5 (b - a = (p95 - p5) / 0.9); if that would
 *   leave a > 0 (read as lognormal), a = 0 and b = 2·p50;
 * - a certain estimate: the number.
 *
 * The estimate's exact p5, p50 and p95 go in the fact's notes and formula.
 *
 * @example derivedValueText(457_653, 763_000, 1_312_968, 'count').text // '450599 to 1291967'
 */
export function derivedValueText(p5: number, p50: number, p95: number, unit: Unit): DerivedValueText {
  if (p5 === p95 || !(p95 > p5)) return { text: written(p50, unit), reading: 'exact', low: p50, high: p50 };
  if (p5 > 0 && p50 > 0) {
    const k = Math.sqrt(p95 / p5);
    const low = p50 / k;
    const high = p50 * k;
    return { text: `${written(low, unit)} to ${written(high, unit)}`, reading: 'lognormal range', low, high };
  }
  const h = (p95 - p5) / 0.9 / 2;
  let low = p50 - h;
  let high = p50 + h;
  if (low > 0) {
    low = 0;
    high = 2 * p50;
  }
  return { text: `${written(low, unit)} to ${written(high, unit)}`, reading: 'uniform range', low, high };
}

/** The read-back quantiles of a `derivedValueText`. */
export function readBackQuantiles(v: DerivedValueText): { p5: number; p50: number; p95: number } {
  if (v.reading === 'exact') return { p5: v.low, p50: v.low, p95: v.high };
  if (v.reading === 'lognormal range') {
    const mu = (Math.log(v.low) + Math.log(v.high)) / 2;
    const sigma = (Math.log(v.high) - Math.log(v.low)) / (2 * Z95);
    return { p5: Math.exp(mu - Z95 * sigma), p50: Math.exp(mu), p95: Math.exp(mu + Z95 * sigma) };
  }
  const w = v.high - v.low;
  return { p5: v.low + 0.05 * w, p50: (v.low + v.high) / 2, p95: v.low + 0.95 * w };
}

/** The estimate's summary, exactly: 'p5 457653.2, p50 763012.9, p95 1312968.4, mean 812345.1, sd 270000.3 (10000 draws, seed shakeout)'. */
export function drawsSummary(e: Estimate, analysis: Analysis): string {
  const env = analysis.env ? ` (${analysis.env.sampleCount} draws, seed ${String(analysis.env.seed)})` : '';
  return `p5 ${String(e.p5)}, p50 ${String(e.p50)}, p95 ${String(e.p95)}, mean ${String(e.mean)}, sd ${String(e.sd)}${env}`;
}

/**
 * Writes estimates back to the ledger as `derived` facts that name their
 * inputs (`derivedFrom: { inputs, formula }`). The value is written so that
 * the figure reader reads back the estimate's median (see
 * `derivedValueText`: a 90% interval centred on the median, "450599 to
 * 1291967"), or as a number when certain. The estimate's exact p5, p50, p95,
 * mean, sd, sample count and seed go in the notes and, after the formula, in
 * `derivedFrom.formula`. Saving the same result twice adds nothing.
 */
export async function saveDerived(store: Store, analysis: Analysis, specs: readonly DerivedFactSpec[]): Promise<SavedFact[]> {
  const out: SavedFact[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const s of specs) {
    const e = s.estimate;
    const certain = e.p5 === e.p95;
    const v = derivedValueText(e.p5, e.p50, e.p95, e.unit);
    const back = readBackQuantiles(v);
    const summary = drawsSummary(e, analysis);
    const stored = certain
      ? `stored as "${v.text}"`
      : `stored as "${v.text}", a ${v.reading} that reads back with p5 ${plain(back.p5)}, p50 ${plain(back.p50)}, p95 ${plain(back.p95)} (median kept; the draws' own 90% interval is ${plain(e.p5)} to ${plain(e.p95)})`;
    const input: FactInput = {
      entity: s.entity,
      metric: s.metric,
      value: v.text,
      valueEn: `${e.label.en}: median ${plain(e.p50)}${certain ? '' : `, 90% CI ${plain(e.p5)} to ${plain(e.p95)}`}`,
      defaultUnit: e.unit,
      per: e.per,
      period: s.period,
      scope: s.scope,
      basis: s.basis,
      kind: 'derived',
      source: { publisher: 'Shakeout', title: `${analysis.kind} analysis: ${e.id}`, published: today },
      notes: `${s.notes}; draws: ${summary}; ${stored}`,
      derivedFrom: { inputs: [...s.inputs], formula: `${s.formula} [draws: ${summary}]` },
    };
    try {
      const f: Fact = await store.addFact(input);
      out.push({ estimateId: e.id, factId: f.id, added: true });
    } catch (err) {
      if (err instanceof ShakeoutError && err.status === 409) {
        const m = /"([^"]+)"/.exec(err.message);
        out.push({ estimateId: e.id, factId: m?.[1] ?? '?', added: false });
      } else throw err;
    }
  }
  return out;
}
