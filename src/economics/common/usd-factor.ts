import { convertCurrency, ShakeoutError } from '../../core/index.js';
import type { Currency, FxTable } from '../../core/index.js';
import type { Fact } from '../../ledger/index.js';
import type { Text } from '../analysis.js';

/** How a money fact's figure becomes US dollars: the multiplier, the rate for a formula, the conversion note. */
export interface UsdFactor {
  /** USD per unit of the fact's currency (1 for USD). */
  readonly k: number;
  /** For a formula: 'EUR->USD at 0.9235 EUR per USD (2024-05)'; null for USD. */
  readonly rate: string | null;
  /** How the rate was made and its source, naming the fact: 'F7 (€9.99): ...' / 'F7（9.99欧元）：...'; null for USD. */
  readonly note: Text | null;
}

/**
 * The multiplier that puts a money fact in US dollars at the FX table's rate
 * for the fact's own period (core `convertCurrency`), with the note that says
 * which rate. A non-USD fact with no period has no rate to use: a 400 naming
 * the fact, never a guess; a rate the table lacks is core's 400, naming it.
 */
export function usdFactor(f: Fact, fx: FxTable): UsdFactor {
  if (f.figure.unit === 'USD') return { k: 1, rate: null, note: null };
  if (!f.period) {
    const message = `fact ${f.id}: ${f.figure.unit} with no period cannot be converted to USD (the rate is the one of the fact's own period); give the fact a period`;
    throw new ShakeoutError(message, { issues: [{ code: 'fx_no_period', path: [f.id, 'period'], message }], status: 400 });
  }
  const c = convertCurrency({ value: 1, unit: f.figure.unit, per: null }, 'USD', f.period, fx);
  const written = { en: f.valueTextEn ?? f.valueText, zh: f.valueText };
  return {
    k: c.quantity.value,
    rate: `${f.figure.unit}->USD at ${Number((1 / c.quantity.value).toFixed(4))} ${f.figure.unit} per USD (${f.period.text})`,
    note: { en: `${f.id} (${written.en}): ${c.note}`, zh: `${f.id}（${written.zh}）：${c.noteZh}` },
  };
}

/** The currency an analysis computes in: US dollars, or the one asked for at one month's rate (`displayCurrency`). */
export interface MoneyIn {
  readonly code: Currency;
  /** Units of `code` per US dollar at the display month (1 for USD). */
  readonly perUsd: number;
  /** For a formula: '0.8684 EUR per USD (2026-06)'; null for USD. */
  readonly rate: string | null;
}

/** US dollars, as analyses compute unless asked otherwise. */
export const MONEY_IN_USD: MoneyIn = { code: 'USD', perUsd: 1, rate: null };

/**
 * How a money fact's figure becomes the currency an analysis computes in
 * (docs/fx.md): a figure written in that currency as written (no round trip
 * through US dollars); any other into US dollars at the rate of its own period
 * (`usdFactor`), then at the one rate of `money`. `rates` are for a formula
 * ('EUR->USD at 0.9291 EUR per USD (2024-06)', 'USD->EUR at 0.8684 EUR per USD
 * (2026-06)'); `note` as `usdFactor`'s.
 *
 * @example moneyFactor(eur5_8B, fx, { code: 'EUR', ... }).k // => 1
 */
export function moneyFactor(f: Fact, fx: FxTable, money: MoneyIn): { readonly k: number; readonly rates: readonly string[]; readonly note: Text | null } {
  if (f.figure.unit === money.code) return { k: 1, rates: [], note: null };
  const u = usdFactor(f, fx);
  const rates = u.rate ? [u.rate] : [];
  if (money.code === 'USD') return { k: u.k, rates, note: u.note };
  return { k: u.k * money.perUsd, rates: [...rates, `USD->${money.code} at ${money.rate}`], note: u.note };
}
