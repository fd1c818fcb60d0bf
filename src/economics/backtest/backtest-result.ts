import type { Assumption, Text } from '../analysis.js';
import type { ForecastInputRow, ForecastNeed } from '../survival/forecast-inputs.js';
import type { BacktestScores } from './backtest.js';
import type { CalibrationBin } from './forecast-scores.js';
import type { Observation } from './observe-outcome.js';

/** The backtest as the CLI prints it and `--json` returns it. */
export interface BacktestResult {
  readonly asOf: string;
  readonly horizonMonths: number;
  readonly companies: readonly {
    readonly entity: string;
    readonly pOut: number;
    readonly observed: Observation['observed'];
    readonly outcomeType: string | null;
    readonly outcomeDate: string | null;
    readonly name: string;
    readonly nameZh: string | null;
    readonly monthsSinceLastRound: number;
    /** The two baselines' forecasts for the company (null when it is not scored). */
    readonly baselines: { readonly baseRate: number | null; readonly monthsSinceRound: number | null };
    readonly reason: Text;
    /** The facts the company's forecast rests on (ids). */
    readonly factIds: readonly string[];
    /** The forecast's inputs at the as-of day: each with its status (reported, derived, the model's default), formula and median. */
    readonly inputs: readonly ForecastInputRow[];
    /** The multiplier of the climate's chance of a round: months since the last round x size. */
    readonly fundability: { readonly recency: number; readonly size: number; readonly value: number };
    /** What the inputs rest on and how they were read (moves to the as-of date, fallbacks, conditions), in both languages. */
    readonly notes: readonly Text[];
    /** The FX conversions the inputs rest on (fact, rate, month, source), in both languages; also the last of `notes`. */
    readonly conversions: readonly Text[];
  }[];
  readonly brier: number | null;
  readonly logLoss: number | null;
  readonly auc: number | null;
  readonly pairs: number;
  readonly baselines: { readonly baseRate: BacktestScores; readonly monthsSinceRound: BacktestScores };
  readonly calibration: readonly CalibrationBin[];
  /** Companies scored (observed out or survived), and how many of them were out. */
  readonly scored: number;
  readonly out: number;
  /** Whether the model's Brier score is below both baselines' (null when there is nothing to compare). */
  readonly beatsBothOnBrier: boolean | null;
  /** The verdict in a plain sentence. */
  readonly verdict: Text;
  readonly leftOut: {
    /** Out before the as-of day: nothing to forecast. */
    readonly outBefore: readonly { readonly entity: string; readonly name: string; readonly nameZh: string | null; readonly outcomeType: string; readonly outcomeDate: string }[];
    /** Lacking inputs at the as-of day, each named with how to give it. */
    readonly lacking: readonly { readonly entity: string; readonly name: string; readonly nameZh: string | null; readonly lacking: readonly ForecastNeed[]; readonly how: readonly Text[]; readonly error: string | null }[];
  };
  /** The window's last day and the day it was judged on. */
  readonly windowEnd: string;
  readonly today: string;
  readonly paths: number;
  readonly seed: string | number;
  readonly climate: { readonly name: string; readonly reason: Text };
  /**
   * Facts the run reads whose source has no publication date, left out (or
   * taken in, with includeUndated): those of the run's companies (and their
   * products) and of the funding climate's market; not the whole ledger's.
   */
  readonly undatedFacts: number;
  /** The same, by entity: which company (or the climate's market) and which facts. */
  readonly undated: readonly { readonly entity: string; readonly name: string; readonly nameZh: string | null; readonly role: 'company' | 'climate'; readonly factIds: readonly string[] }[];
  /** Undated facts of other entities, which the run does not read (left out or taken in all the same). */
  readonly undatedElsewhere: number;
  readonly includeUndated: boolean;
  /** The model's parameters, the same for every company. */
  readonly assumptions: readonly Assumption[];
}
