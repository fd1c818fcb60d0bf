import type { Store } from '../ledger/index.js';
import { checkPlausibility, withAsOf } from '../economics/index.js';
import type { Analysis, PlausibilityDetails } from '../economics/index.js';

/** `shakeout check`. */
export async function runPlausibilityCheck(store: Store): Promise<Analysis<PlausibilityDetails>> {
  return withAsOf(store, await checkPlausibility(store));
}
