import { checkPlausibility, withAsOf } from '../economics/index.js';
import type { Analysis, PlausibilityDetails } from '../economics/index.js';
import { withLedger } from './open-ledger.js';
import type { LedgerOptions } from './open-ledger.js';

/** `shakeout check`. */
export async function runPlausibilityCheck(db: string | LedgerOptions | undefined): Promise<Analysis<PlausibilityDetails>> {
  return withLedger(db, async (store) => withAsOf(store, await checkPlausibility(store)));
}
