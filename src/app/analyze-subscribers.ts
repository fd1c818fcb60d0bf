import { analyzeSubscribers, withAsOf } from '../economics/index.js';
import type { Analysis, OptionHint, SubscribersDetails } from '../economics/index.js';
import type { Basis, Store } from '../ledger/index.js';
import { saveDerived } from './save-derived.js';
import { inRequestedCurrency, requestedCurrency, type CurrencyRequest } from './in-currency.js';
import type { DerivedFactSpec, SavedFact } from './save-derived.js';

export interface SubscribersRequest extends CurrencyRequest {
  readonly product: string;
  readonly basis?: Basis;
  readonly samples?: number;
  readonly seed?: string | number;
  /** Write the gross and net-by-the-rules results back to the ledger as derived facts. */
  readonly save?: boolean;
  /** How advice names the way to act: the CLI's flags, the API's fields or neither (default). */
  readonly hint?: OptionHint;
}

/** `shakeout analyze subscribers`: the analysis and, with `save`, the facts written. */
export async function runSubscribersAnalysis(store: Store, req: SubscribersRequest): Promise<{ analysis: Analysis<SubscribersDetails>; saved: SavedFact[] }> {
  const currency = requestedCurrency(req);
  const analysis = withAsOf(store, await analyzeSubscribers(store, req.product, {
    ...(req.basis ? { basis: req.basis } : {}),
    ...(req.hint ? { hint: req.hint } : {}),
    env: { sampleCount: req.samples ?? 10_000, seed: req.seed ?? 'shakeout' },
  }));
  const saved = req.save ? await saveDerived(store, analysis, subscriberFactSpecs(analysis)) : [];
  return { analysis: await inRequestedCurrency(store, analysis, currency, req.fxMonth), saved };
}

/**
 * What `--save` writes: for the gross reading and the net reading by the rules
 * (the bounding 30% / 15% readings are not saved), subscribers on the price's
 * entity and the annual run rate on the revenue's entity.
 */
export function subscriberFactSpecs(a: Analysis<SubscribersDetails>): DerivedFactSpec[] {
  const d = a.details;
  const priceFact = a.facts.find((f) => f.id === d.price.factId)!;
  const revenueFact = a.facts.find((f) => f.id === d.stores[0]!.factId)!;
  const scope = d.stores.map((s) => s.store).join('+');
  const inputs = [...d.stores.map((s) => s.factId), d.price.factId];
  const out: DerivedFactSpec[] = [];
  for (const r of d.readings.filter((x) => x.id === 'gross' || x.id === 'net_rules')) {
    const subs = a.estimates.find((e) => e.id === `subscribers.${r.id}`)!;
    const annual = a.estimates.find((e) => e.id === `run_rate.${r.id}`)!;
    const note = `reading: ${r.label.en}; commission ${Object.entries(r.commission).map(([k, v]) => `${k} ${v}`).join(', ')}; each store figure x vendor error (~30%)`;
    out.push(
      { estimate: subs, entity: priceFact.entity, metric: 'subscribers', period: d.period, scope, basis: 'gross', inputs, formula: r.formula.subscribers, notes: note },
      { estimate: annual, entity: revenueFact.entity, metric: 'revenue', period: d.period, scope, basis: 'gross', inputs: inputs.filter((i) => i !== d.price.factId), formula: r.formula.annualRunRate, notes: `annual run rate; ${note}` },
    );
  }
  return out;
}
