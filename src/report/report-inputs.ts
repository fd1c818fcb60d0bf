import type {
  Analysis,
  AnalysisAsOf,
  BacktestResult,
  DisplayCurrency,
  FundingDetails,
  HealthDetails,
  PlausibilityDetails,
  SubscribersDetails,
  SurvivalDetails,
  UnitEconomicsDetails,
} from '../economics/index.js';
import type { Entity, Fact } from '../ledger/index.js';
import type { Currency, FxTable } from '../core/index.js';

/**
 * What a report is built from: the analyses, run by the caller on one
 * ledger with one seed, and the ledger's facts and entities (to cite any
 * fact an estimate names and to name entities in the report's language).
 * An analysis that could not run is null and its section says so.
 */
export interface ReportInputs {
  /** Funding markets in nominal US dollars. */
  readonly funding: Analysis<FundingDetails>;
  /** The same in constant 2021 US dollars. */
  readonly funding2021: Analysis<FundingDetails> | null;
  /** Company health of each company of the valuations section, in order. */
  readonly health: readonly Analysis<HealthDetails>[];
  readonly subscribers: Analysis<SubscribersDetails> | null;
  readonly unitEconomics: Analysis<UnitEconomicsDetails> | null;
  readonly survival: Analysis<SurvivalDetails> | null;
  readonly plausibility: Analysis<PlausibilityDetails>;
  /** The backtest of the forecast model (the track record section), or null/absent when it was not run. */
  readonly trackRecord?: BacktestResult | null;
  readonly facts: readonly Fact[];
  readonly entities: readonly Entity[];
  /** Sample count and seed the analyses were run with. */
  readonly env: { readonly samples: number; readonly seed: string | number };
  /**
   * The companies the report is about, as entity ids in the order asked;
   * null (or absent) for the article's report, whose prose is the article's.
   */
  readonly companies?: readonly string[] | null;
  /** Companies asked for that an analysis could not take, each with why. */
  readonly leftOut?: readonly LeftOut[];
  /** The currency of the analyses' money (health, subscribers, unit economics, survival); default USD. Funding stays in US dollars. */
  readonly currency?: Currency;
  /** The rate of `currency` (absent for USD): the method section states from it which rule each analysis's money follows. */
  readonly display?: DisplayCurrency;
  /** The FX table the analyses converted with: a figure written as a bound ("over $479M") is shown with its bound converted at the same rates. */
  readonly fx?: FxTable;
  /**
   * Lines to add to the method section (analyses that failed); `detail` is
   * machine text (an error message) shown as code in either language.
   */
  readonly notes?: readonly { readonly en: string; readonly zh: string; readonly detail?: string }[];
  /**
   * Set when the analyses ran on the ledger as it stood on a day (`--as-of`):
   * the report says so under its title and in every footnote.
   */
  readonly asOf?: AnalysisAsOf | null;
}

/**
 * A company an analysis of the report left out, and why: `not_in_assumptions`
 * (the survival assumptions file, `detail`, has nothing on it), `lacking`
 * (its facts at its start and the file lack the inputs `lacking`, survival's
 * input names), `out` (out of the race by its start; `detail` says when and
 * how) or `failed` (the analysis refused its figures; `detail` is the error
 * message).
 */
export interface LeftOut {
  readonly company: string;
  readonly analysis: 'health' | 'survival';
  readonly reason: 'not_in_assumptions' | 'lacking' | 'out' | 'failed';
  readonly detail: string;
  readonly lacking?: readonly string[];
  /** With `lacking`: the date its inputs were read at (null or absent: its latest facts). */
  readonly start?: string | null;
  /** With `out`: when, how and who reported it. */
  readonly outcome?: { readonly date: string; readonly type: string; readonly publisher: string };
}
