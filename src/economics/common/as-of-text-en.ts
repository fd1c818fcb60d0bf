/**
 * The words of an as-of run's header and notes, in English:
 * as-of-text-zh.ts has the same keys, written for a Chinese reader. `date`
 * is always 'YYYY-MM-DD'; each table writes it its own way.
 */
export interface AsOfText {
  /** The day as written in the language: '2024-05-20' / '2024年5月20日'. */
  readonly date: (date: string) => string;
  /** The header: 'as of 2024-05-20 (facts published by then; 54 undated facts left out)'. */
  readonly header: (date: string, undated: number, includeUndated: boolean) => string;
  /** A footnote's line: only what was published by the day counts. */
  readonly footnote: (date: string) => string;
  /** When `--as-of` overrides an assumptions file's own `as_of`. */
  readonly overridesFile: (date: string, file: string, fileAsOf: string) => string;
  /** `--climate auto` with no series of dated funding figures by the day: the default, and why. */
  readonly climateFallback: (date: string, market: string, climate: string, undatedLeftOut: boolean) => string;
}

export const AS_OF_TEXT_EN: AsOfText = {
  date: (date) => date,
  header: (date, n, includeUndated) =>
    `as of ${date} (facts published by then${n ? `; ${n} undated fact${n === 1 ? '' : 's'} ${includeUndated ? 'taken in' : 'left out'}` : ''})`,
  footnote: (date) => `As of ${date}: only facts published by then count.`,
  overridesFile: (date, file, fileAsOf) =>
    `The simulation stands on ${date} (--as-of), not on the as_of of ${file} (${fileAsOf}): cash is spent down to ${date} and only facts published by then are read.`,
  climateFallback: (date, market, climate, undatedLeftOut) =>
    `default: ${climate}, because as of ${date} the ledger has no yearly funding figures of ${market} from one source for two consecutive years published by then` +
    (undatedLeftOut ? ' (facts whose source gives no publication date, such as the bundled OWID series, are left out of an as-of run; --include-undated takes them in)' : ''),
};
