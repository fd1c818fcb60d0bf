import { analysisInCurrency, displayCurrency, toCurrency } from '../economics/index.js';
import type { Analysis, DisplayCurrency, OptionHint } from '../economics/index.js';
import { ShakeoutError, isMonthText, type Currency } from '../core/index.js';
import type { Store } from '../ledger/index.js';

/** `--currency CODE` and `--fx-month YYYY-MM` of an analysis. */
export interface CurrencyRequest {
  /** Any of the 14 currencies (any case); default USD. */
  readonly currency?: string;
  /** The month whose average rate converts the results; default the latest month the FX table has for the currency. */
  readonly fxMonth?: string;
  /** How errors name these options: the flags ('cli': --currency, --fx-month) or the request's fields (otherwise: currency, fxMonth). */
  readonly hint?: OptionHint;
}

/** The currency asked for, checked before anything runs (an unknown code is a 400 listing the known ones). */
export function requestedCurrency(req: CurrencyRequest): Currency {
  const cli = req.hint === 'cli';
  const currency = req.currency === undefined ? 'USD' : toCurrency(req.currency, cli ? '--currency' : 'currency');
  if (req.fxMonth !== undefined) {
    const name = cli ? '--fx-month' : 'fxMonth';
    const bad = (message: string): ShakeoutError => new ShakeoutError(`${name}: ${message}`, { issues: [{ code: 'invalid_option', path: [name], message }] });
    if (currency === 'USD') throw bad(`expected it with ${cli ? '--currency CODE' : 'currency'} (another currency than USD): the analyses compute in US dollars, so there is nothing to convert`);
    if (!isMonthText(req.fxMonth)) throw bad(`expected a month written YYYY-MM such as 2024-05, got "${req.fxMonth}"`);
  }
  return currency;
}

/**
 * The rate of the currency asked for (`displayCurrency` with the store's FX
 * table), for an analysis that computes in it itself (health: a figure
 * written in that currency is shown as written). Undefined for USD.
 */
export async function requestedDisplay(store: Store, currency: Currency, fxMonth?: string): Promise<DisplayCurrency | undefined> {
  if (currency === 'USD') return undefined;
  const { fx } = await store.tables();
  return displayCurrency(currency, fx, fxMonth);
}

/**
 * The one place every use-case puts an analysis in the currency asked for:
 * `analysisInCurrency` with the store's FX table (bundled rates and the
 * user's). USD returns the analysis as computed, and so does an analysis
 * computed in the currency asked for (`requestedDisplay`).
 */
export async function inRequestedCurrency<D>(store: Store, a: Analysis<D>, currency: Currency, fxMonth?: string): Promise<Analysis<D>> {
  if (currency === 'USD') return a;
  const { fx } = await store.tables();
  return analysisInCurrency(a, currency, fx, fxMonth);
}
