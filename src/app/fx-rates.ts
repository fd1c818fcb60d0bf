import { CURRENCIES, fxRateFor, isCurrency, latestFxMonth, parsePeriod, ShakeoutError, unknownCurrencyMessage } from '../core/index.js';
import type { Currency, FxRate } from '../core/index.js';
import { readFactFile, type FxImportResult, type Store } from '../ledger/index.js';

/** A rate as `shakeout fx add` takes it. */
export interface FxRateRequest {
  readonly currency: string;
  readonly month: string;
  /** Units of the currency per US dollar, as written ('0.91'). */
  readonly perUsd: string | number;
  readonly source: string;
  /** Replace a rate of yours already stored for the currency and month. */
  readonly replace?: boolean;
}

/** `shakeout fx add`: one rate, checked like a row of an import (errors name the option). */
export async function addFxRate(store: Store, req: FxRateRequest): Promise<FxImportResult> {
  return store.addFxRates([{ month: req.month, currency: req.currency, per_usd: req.perUsd, source: req.source }], {
    file: 'fx add',
    fieldNames: { month: '--month', currency: '--currency', per_usd: '--per-usd', source: '--source' },
    replace: req.replace ?? false,
  });
}

/**
 * `shakeout fx import FILE`: rates from CSV (header month,currency,per_usd,source),
 * JSON or YAML (a list of records with those keys), all or nothing; errors
 * name the file, line and column.
 */
export async function importFxRatesFile(store: Store, path: string, options: { replace?: boolean } = {}): Promise<FxImportResult> {
  const parsed = await readFactFile(path);
  return store.addFxRates(parsed.records, { ...parsed, replace: options.replace ?? false });
}

/** One currency's rates as `fx list` shows them: what the bundled table covers and what the user added. */
export interface FxCoverage {
  readonly currency: Currency;
  /** First and last month of the bundled table, null when it has none. */
  readonly bundled: { readonly from: string; readonly to: string; readonly months: number } | null;
  /** The user's rates, oldest first. */
  readonly user: readonly FxRate[];
  /** The latest month with a rate (bundled or user) and its rate. */
  readonly latest: FxRate | null;
}

/**
 * `shakeout fx list`: for each currency (or the one asked), the bundled
 * table's months, the user's rates and the latest rate; with `months`, every
 * monthly rate of the currency, the user's in place of the bundled.
 */
export async function listFxRates(store: Store, options: { currency?: string } = {}): Promise<{ coverage: FxCoverage[]; rates: FxRate[] }> {
  let only: Currency | undefined;
  if (options.currency !== undefined) {
    const c = options.currency.trim().toUpperCase();
    if (!isCurrency(c) || c === 'USD') {
      const message = c === 'USD' ? 'expected a currency other than USD: rates are per US dollar' : unknownCurrencyMessage(options.currency);
      throw new ShakeoutError(`--currency: ${message}`, { issues: [{ code: 'invalid_currency', path: ['currency'], message }] });
    }
    only = c;
  }
  const { fx } = await store.tables();
  const coverage: FxCoverage[] = [];
  for (const currency of CURRENCIES) {
    if (currency === 'USD' || (only && currency !== only)) continue;
    const mine = fx.rates.filter((r) => r.currency === currency);
    const bundledMonths = mine.filter((r) => r.origin === 'bundled' || r.overrides !== undefined).map((r) => r.month).sort();
    const last = latestFxMonth(fx, currency);
    coverage.push({
      currency,
      bundled: bundledMonths.length ? { from: bundledMonths[0]!, to: bundledMonths[bundledMonths.length - 1]!, months: bundledMonths.length } : null,
      user: mine.filter((r) => r.origin === 'user').sort((a, b) => a.month.localeCompare(b.month)),
      latest: last ? fxRateFor(fx, currency, parsePeriod(last)).months[0]! : null,
    });
  }
  const rates = only ? fx.rates.filter((r) => r.currency === only).slice().sort((a, b) => a.month.localeCompare(b.month)) : [];
  return { coverage, rates };
}
