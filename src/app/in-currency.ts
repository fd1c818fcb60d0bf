import { analysisInCurrency, toCurrency } from '../economics/index.js';
import type { Analysis } from '../economics/index.js';
import type { Currency } from '../core/index.js';
import type { Store } from '../ledger/index.js';

/** `--currency CODE` and `--fx-month YYYY-MM` of an analysis. */
export interface CurrencyRequest {
  /** Any of the 14 currencies (any case); default USD. */
  readonly currency?: string;
  /** The month whose average rate converts the results; default the latest month the FX table has for the currency. */
  readonly fxMonth?: string;
}

/** The currency asked for, checked before anything runs (an unknown code is a 400 listing the known ones). */
export function requestedCurrency(req: CurrencyRequest): Currency {
  return req.currency === undefined ? 'USD' : toCurrency(req.currency, '--currency');
}

/**
 * The one place every use-case puts an analysis in the currency asked for:
 * `analysisInCurrency` with the store's FX table (bundled rates and the
 * user's). USD returns the analysis as computed.
 */
export async function inRequestedCurrency<D>(store: Store, a: Analysis<D>, currency: Currency, fxMonth?: string): Promise<Analysis<D>> {
  if (currency === 'USD') return a;
  const { fx } = await store.tables();
  return analysisInCurrency(a, currency, fx, fxMonth);
}
