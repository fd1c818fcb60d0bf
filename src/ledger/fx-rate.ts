import { isCurrency, isMonthText, unknownCurrencyMessage } from '../core/index.js';
import type { Currency, FxRate, FxTable, Issue } from '../core/index.js';

/** The columns of a user's rate, as a file or the command line writes them. */
export const FX_RATE_COLUMNS = ['month', 'currency', 'per_usd', 'source'] as const;
export type FxRateColumn = (typeof FX_RATE_COLUMNS)[number];

/** What `store.addFxRates` did with each rate. */
export interface FxImportResult {
  /** Rates for a currency and month the ledger had no user rate for. */
  readonly added: readonly FxRate[];
  /** Rates that replaced a different user rate (only with `replace`), with the rate replaced. */
  readonly replaced: readonly { readonly rate: FxRate; readonly was: number }[];
  /** Rates the ledger already held, same rate and source. */
  readonly unchanged: readonly FxRate[];
}

/** How far a rate may sit from the bundled table's before it reads as the inverse quote (dollars per unit). */
const INVERSE_TOLERANCE = Math.log(1.25);

/**
 * The bundled rate nearest in time to `month` for `currency`, to check a
 * user's rate against (never to convert with).
 */
function nearestBundled(bundled: FxTable, currency: Currency, month: string): FxRate | undefined {
  let best: FxRate | undefined;
  const t = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  for (const r of bundled.rates) {
    if (r.currency !== currency) continue;
    if (!best || Math.abs(t(r.month) - t(month)) < Math.abs(t(best.month) - t(month))) best = r;
  }
  return best;
}

/**
 * Checks one record of a user's rate: `month` ('2026-07'), `currency` (one
 * the product knows, not USD), `per_usd` (a positive number of the currency
 * per US dollar, decimal point) and `source` (who published it). Keys are
 * read case-insensitively. A rate that is much nearer the inverse of the
 * bundled rate than the rate itself is refused as a quote the wrong way
 * round (US dollars per euro instead of euros per dollar).
 *
 * `where(column)` gives the path of a field for issues: ['rates.csv line 3', 'column per_usd'].
 */
export function prepareFxRate(
  raw: unknown,
  where: (column: FxRateColumn) => (string | number)[],
  bundled: FxTable,
): { ok: true; rate: FxRate } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const push = (column: FxRateColumn, code: string, message: string): void => {
    issues.push({ code, path: where(column), message });
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ code: 'invalid_record', path: where('month').slice(0, -1), message: `expected a record with ${FX_RATE_COLUMNS.join(', ')}, got ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : typeof raw}` }] };
  }
  const fields = new Map<string, unknown>();
  for (const [k, v] of Object.entries(raw)) fields.set(k.trim().toLowerCase().replace(/[\s-]+/g, '_'), v);
  const text = (c: FxRateColumn): string => {
    const v = fields.get(c);
    return v === undefined || v === null ? '' : String(v).trim();
  };
  const unknown = [...fields.keys()].filter((k) => !(FX_RATE_COLUMNS as readonly string[]).includes(k));
  if (unknown.length) push('month', 'unknown_column', `expected only the columns ${FX_RATE_COLUMNS.join(', ')}, got also ${unknown.join(', ')}`);

  const month = text('month');
  if (!isMonthText(month)) push('month', 'invalid_month', `expected a month written YYYY-MM such as 2026-07, got "${month}"`);

  const currency = text('currency').toUpperCase();
  if (currency === 'USD') push('currency', 'invalid_currency', 'expected a currency other than USD: rates are per US dollar, so the dollar is 1 by definition');
  else if (!isCurrency(currency)) push('currency', 'invalid_currency', unknownCurrencyMessage(text('currency')));

  const rateText = text('per_usd');
  const perUsd = /^\d+(\.\d+)?$|^\.\d+$/.test(rateText) ? Number(rateText) : NaN;
  if (!(perUsd > 0 && Number.isFinite(perUsd))) {
    const why = /^\d+,\d+$/.test(rateText) ? ' (write the decimal with a point: 0.91, not 0,91)' : '';
    push('per_usd', 'invalid_rate', `expected a positive number of ${isCurrency(currency) ? currency : 'the currency'} per US dollar such as 0.91, got "${rateText}"${why}`);
  }

  const source = text('source');
  if (!source) push('source', 'missing_source', 'expected who published the rate (a central bank, a data service, a bank statement), got nothing');

  if (!issues.length) {
    const near = nearestBundled(bundled, currency as Currency, month);
    if (near) {
      const direct = Math.abs(Math.log(perUsd / near.perUsd));
      const inverse = Math.abs(Math.log(1 / perUsd / near.perUsd));
      if (direct > INVERSE_TOLERANCE && inverse < direct) {
        push('per_usd', 'inverted_rate', `expected ${currency} per US dollar (the bundled table has ${near.perUsd} for ${near.month}), got ${rateText}, which reads as US dollars per ${currency} (1 / ${rateText} = ${Number((1 / perUsd).toFixed(4))}); give the rate the other way round`);
      }
    }
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, rate: { month, currency: currency as Currency, perUsd, source, origin: 'user' } };
}
