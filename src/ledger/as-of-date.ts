// In a module of its own: every command reads --as-of (src/cli/globals.ts), and
// this needs only the period reader, not the as-of view and the ledger behind it.
import { safeParsePeriod, ShakeoutError } from '../core/index.js';

/**
 * Reads `asOf` as a day ('2024-05-20'): a month or a year is refused, since
 * which of its days is meant changes what was known.
 */
export function readAsOfDate(text: string, field = 'as-of'): string {
  const t = text.trim();
  const p = safeParsePeriod(t);
  if (!p.ok || p.period.kind !== 'day') {
    // The period reader's own detail ('day 30 is not in 2024-02') is kept; its list of period shapes is not, since only a day will do.
    const detail = p.ok ? ` is a ${p.period.kind}, not a day` : (/ got "[^"]*"( \(.*\))?$/.exec(p.error.message)?.[1] ?? '');
    const message = `${field}: expected a day written YYYY-MM-DD (2024-05-20), got "${t}"${detail}`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_as_of', path: [field], message }], status: 400 });
  }
  return p.period.start;
}
