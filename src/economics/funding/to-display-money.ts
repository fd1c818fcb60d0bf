import { convertCurrency, periodYear, toConstantDollars, toNominalDollars } from '../../core/index.js';
import type { CpiTable, Currency, FxTable, Period, Quantity } from '../../core/index.js';
import type { Text } from '../analysis.js';

/** How money is shown: a currency, nominal or in constant US dollars of a year. */
export interface MoneyView {
  readonly currency: Currency;
  /** Constant US dollars of this year; null = nominal money of each figure's period. */
  readonly constantYear: number | null;
}

/** A converted amount and each step that made it, or why it could not be converted. */
export type DisplayMoney =
  /** `notes` in English (as the CLI prints them); `notesText` the same steps in both languages. */
  | { readonly ok: true; readonly quantity: Quantity; readonly notes: readonly string[]; readonly notesText: readonly Text[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Puts money of a period (nominal, or constant dollars of `priceYear`) in the
 * view's currency at the FX table's rate for the period (see convertCurrency);
 * constant dollars to nominal dollars of the period's year, or any dollars to
 * constant dollars of `view.constantYear`, with the CPI table.
 */
export function toDisplayMoney(q: Quantity, period: Period, priceYear: number | null, view: MoneyView, fx: FxTable, cpi: CpiTable): DisplayMoney {
  const notes: Text[] = [];
  try {
    let cur = q;
    const year = periodYear(period) ?? Number(period.end.slice(0, 4));
    const needUsd = view.currency === 'USD' || view.constantYear !== null || priceYear !== null;
    if (needUsd && cur.unit !== 'USD') {
      const c = convertCurrency(cur, 'USD', period, fx);
      cur = c.quantity;
      notes.push({ en: c.note, zh: c.noteZh });
    }
    if (cur.unit === 'USD') {
      if (view.constantYear !== null) {
        const c = toConstantDollars(cur, priceYear ?? year, view.constantYear, cpi);
        cur = c.quantity;
        if ((priceYear ?? year) !== view.constantYear) notes.push({ en: c.note, zh: c.noteZh });
      } else if (priceYear !== null && priceYear !== year) {
        const c = toNominalDollars(cur, priceYear, year, cpi);
        cur = c.quantity;
        notes.push({ en: c.note, zh: c.noteZh });
      }
    }
    if (view.currency !== cur.unit) {
      const c = convertCurrency(cur, view.currency, period, fx);
      cur = c.quantity;
      notes.push({ en: c.note, zh: c.noteZh });
    }
    return { ok: true, quantity: cur, notes: notes.map((x) => x.en), notesText: notes };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
