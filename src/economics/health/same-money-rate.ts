import { isCurrency, ShakeoutError, type Quantity } from '../../core/index.js';

/** Throws unless a and b are money in one currency, per the same period. */
export function sameMoneyRate(a: Quantity, b: Quantity, where: string): void {
  if (!isCurrency(a.unit) || a.unit !== b.unit || a.per !== b.per) {
    const show = (q: Quantity) => `${q.unit}${q.per ? ` per ${q.per}` : ''}`;
    const message = `${where}: expected two money rates in one currency and per the same period, got ${show(a)} and ${show(b)}; convert first`;
    throw new ShakeoutError(message, { issues: [{ code: 'unit_mismatch', path: [where], message }], status: 400 });
  }
}
