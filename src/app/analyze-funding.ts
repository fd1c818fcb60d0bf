import { analyzeFunding } from '../economics/index.js';
import type { Analysis, FundingDetails, FundingOptions } from '../economics/index.js';
import { withLedger } from './open-ledger.js';
import type { LedgerOptions } from './open-ledger.js';

/** `shakeout analyze funding`. */
export async function runFundingAnalysis(db: string | LedgerOptions | undefined, options: FundingOptions): Promise<Analysis<FundingDetails>> {
  return withLedger(db, (store) => analyzeFunding(store, options));
}
