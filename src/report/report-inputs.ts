import type {
  Analysis,
  FundingDetails,
  HealthDetails,
  PlausibilityDetails,
  SubscribersDetails,
  SurvivalDetails,
  UnitEconomicsDetails,
} from '../economics/index.js';
import type { Entity, Fact } from '../ledger/index.js';

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
  readonly facts: readonly Fact[];
  readonly entities: readonly Entity[];
  /** Sample count and seed the analyses were run with. */
  readonly env: { readonly samples: number; readonly seed: string | number };
  /** Lines to add to the method section (companies left out of the simulation, analyses that failed). */
  readonly notes?: readonly { readonly en: string; readonly zh: string }[];
}
