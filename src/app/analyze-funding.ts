import type { Store } from '../ledger/index.js';
import { analyzeFunding, withAsOf } from '../economics/index.js';
import type { Analysis, FundingDetails, FundingOptions } from '../economics/index.js';
import { requestedCurrency } from './in-currency.js';

/**
 * `shakeout analyze funding`. Unlike the other analyses, funding is a series
 * over years, so it does not take one rate for all its money: the analysis
 * converts each figure at the rate of its own period (`currency` of its
 * options; any of the 14, checked here before the ledger is opened).
 */
export async function runFundingAnalysis(store: Store, options: Omit<FundingOptions, 'currency'> & { readonly currency?: string }): Promise<Analysis<FundingDetails>> {
  const currency = requestedCurrency(options);
  return withAsOf(store, await analyzeFunding(store, { ...options, currency }));
}
