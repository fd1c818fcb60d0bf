import type { Analysis, Estimate } from '../economics/index.js';
import type { Basis, Fact, FactInput, Store } from '../ledger/index.js';
import { ShakeoutError } from '../core/index.js';

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

const plain = (x: number): string => (Math.abs(x) >= 1000 ? String(Math.round(x)) : String(Number(x.toPrecision(6))));

/**
 * Writes estimates back to the ledger as `derived` facts that name their
 * inputs (`derivedFrom: { inputs, formula }`). The value is written as its
 * 90% interval ("457653 to 1312968", which the figure reader reads back as a
 * lognormal with those p5 and p95), or as a number when certain; the mean,
 * median, sample count and seed go in the notes. Saving the same result
 * twice adds nothing.
 */
export async function saveDerived(store: Store, analysis: Analysis, specs: readonly DerivedFactSpec[]): Promise<SavedFact[]> {
  const out: SavedFact[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const s of specs) {
    const e = s.estimate;
    const certain = e.p5 === e.p95;
    const input: FactInput = {
      entity: s.entity,
      metric: s.metric,
      value: certain ? plain(e.p50) : `${plain(e.p5)} to ${plain(e.p95)}`,
      valueEn: `${e.label.en}: median ${plain(e.p50)}${certain ? '' : `, 90% CI ${plain(e.p5)} to ${plain(e.p95)}`}`,
      defaultUnit: e.unit,
      per: e.per,
      period: s.period,
      scope: s.scope,
      basis: s.basis,
      kind: 'derived',
      source: { publisher: 'Shakeout', title: `${analysis.kind} analysis: ${e.id}`, published: today },
      notes: `${s.notes}; mean ${plain(e.mean)}, p50 ${plain(e.p50)}${analysis.env ? `; ${analysis.env.sampleCount} draws, seed ${String(analysis.env.seed)}` : ''}`,
      derivedFrom: { inputs: [...s.inputs], formula: s.formula },
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
