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
  /** When the as-of day overrides an assumptions file's own `as_of`; `asOf` names the option on the surface read (`--as-of`, `asOf`), or null. */
  readonly overridesFile: (date: string, file: string, fileAsOf: string, asOf: string | null) => string;
  /**
   * The climate from the ledger with no series of dated funding figures by the day: the default, and why;
   * `takeIn` names the option that takes undated facts in on the surface read (`--include-undated`,
   * `includeUndated=true`), or null to name none.
   */
  readonly climateFallback: (date: string, market: string, climate: string, undatedLeftOut: boolean, takeIn: string | null) => string;
  /** A fact left aside because its period starts after the start: id, metric, period and value as written. */
  readonly laterFact: (id: string, metric: string, period: string, value: string) => string;
  /** The start set by an assumptions file's `as_of`, and the facts it left aside (each from `laterFact`). */
  readonly startFromFile: (date: string, file: string, later: readonly string[]) => string;
  /** The start set by the as-of day (`--as-of`), and the facts of later periods it left aside. */
  readonly startFromAsOf: (date: string, later: readonly string[]) => string;
  /** A date asked for (`--date`), and the facts of later periods it left aside. */
  readonly startGiven: (date: string, later: readonly string[]) => string;
  /** No start date given: the company's own latest facts; `file` is the assumptions file that does not name it (null: none read). */
  readonly startLatest: (latest: string | null, file: string | null, fileAsOf: string | null) => string;
  /** The inputs of a simulation in words, for what a company lacks. */
  readonly input: { readonly cash: string; readonly revenue: string; readonly revenueGrowth: string; readonly costs: string; readonly costGrowth: string };
  /** A company left out of a simulation for lack of inputs (`inputs` from `input`, joined by the table). */
  readonly lacking: (name: string, inputs: readonly string[], date: string | null) => string;
  /** An outcome type in words. */
  readonly outcomeType: (type: string) => string;
  /** A company out of the race on or before the start: not simulated. */
  readonly outSince: (name: string, date: string, type: string, publisher: string) => string;
}

export const AS_OF_TEXT_EN: AsOfText = {
  date: (date) => date,
  header: (date, n, includeUndated) =>
    `as of ${date} (facts published by then${n ? `; ${n} undated fact${n === 1 ? '' : 's'} ${includeUndated ? 'taken in' : 'left out'}` : ''})`,
  footnote: (date) => `As of ${date}: only facts published by then count.`,
  overridesFile: (date, file, fileAsOf, asOf) =>
    `The simulation stands on ${date} (${asOf ?? 'the as-of day'}), not on the as_of of ${file} (${fileAsOf}): cash is spent down to ${date} and only facts published by then are read.`,
  climateFallback: (date, market, climate, undatedLeftOut, takeIn) =>
    `default: ${climate}, because as of ${date} the ledger has no yearly funding figures of ${market} from one source for two consecutive years published by then` +
    (undatedLeftOut ? ` (facts whose source gives no publication date, such as the bundled OWID series, are left out of an as-of run${takeIn ? `; ${takeIn} takes them in` : ''})` : ''),
  laterFact: (id, metric, period, value) => `${id} (${metric}, ${period}, "${value}")`,
  startFromFile: (date, file, later) =>
    `Inputs as of ${date}, the start of the simulation (set by ${file === 'data/survival-assumptions.yaml' ? 'the shipped assumptions, ' : ''}${file})` +
    (later.length ? `: ${later.length} later fact${later.length === 1 ? '' : 's'} left aside: ${later.join('; ')}.` : '; no later fact left aside.'),
  startFromAsOf: (date, later) =>
    `Inputs as of ${date}, the as-of day` + (later.length ? `: ${later.length} fact${later.length === 1 ? '' : 's'} of later periods left aside: ${later.join('; ')}.` : '.'),
  startGiven: (date, later) =>
    `Inputs as of ${date}, the date asked for` + (later.length ? `: ${later.length} fact${later.length === 1 ? '' : 's'} of later periods left aside: ${later.join('; ')}.` : '.'),
  startLatest: (latest, file, fileAsOf) =>
    `Inputs from its own latest facts${latest ? ` (to ${latest})` : ''}` +
    (file ? `: ${file} does not name it, so its start (${fileAsOf}) does not cut its facts.` : '.'),
  input: { cash: 'cash', revenue: 'revenue', revenueGrowth: 'revenue growth', costs: 'costs', costGrowth: 'cost growth' },
  lacking: (name, inputs, date) => `${name}: not enough facts to simulate${date ? ` as of ${date}` : ' yet'}: missing ${listEn(inputs)}.`,
  outcomeType: (type) => OUTCOME_EN[type] ?? type.replace(/_/g, ' '),
  outSince: (name, date, type, publisher) => `${name}: out since ${date} (${type}, ${publisher}): not simulated.`,
};

/** 'a', 'a and b', 'a, b and c'. */
function listEn(xs: readonly string[]): string {
  return xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}

/** The same words as the report's (src/report/text-en.ts, track.type.*). */
const OUTCOME_EN: Readonly<Record<string, string>> = {
  raised: 'raised', ipo: 'listed', acquihire_license: 'licence and staff to a larger company', acquisition: 'acquired',
  recapitalization: 'recapitalised', pivot: 'pivot', leadership_exit: 'leader left', layoffs: 'layoffs', restructured: 'restructured', shutdown: 'shut down',
};
