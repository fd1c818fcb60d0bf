import { convertCurrency, ShakeoutError } from '../../core/index.js';
import type { FxTable } from '../../core/index.js';
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
