import type { Store } from '../ledger/index.js';
import { checkPlausibility, withAsOf } from '../economics/index.js';
import type { Analysis, OptionHint, PlausibilityDetails } from '../economics/index.js';

/** `shakeout check`; `hint` says how advice names the way to act (the CLI's flags, the API's fields, neither). */
export async function runPlausibilityCheck(store: Store, req: { readonly hint?: OptionHint } = {}): Promise<Analysis<PlausibilityDetails>> {
  return withAsOf(store, await checkPlausibility(store, req.hint ? { hint: req.hint } : {}));
}
