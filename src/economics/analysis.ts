import type { Currency, DistSpec, Per, Unit } from '../core/index.js';
import type { Fact } from '../ledger/index.js';

/** A text in both of Shakeout's languages, each written for its reader. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** What a number rests on: a fact of the ledger, a stated assumption, or another estimate. */
export interface InputRef {
  readonly kind: 'fact' | 'assumption' | 'estimate';
  readonly id: string;
  /** Short name for formulas and footnotes: 'F18 App Store revenue'. */
  readonly label: string;
}

/**
 * Something an analysis takes as given that no source states. Shown to the
 * user with its rationale; when it is a number it says which distribution.
 */
export interface Assumption {
  readonly id: string;
  readonly text: Text;
  readonly rationale: Text;
  /** The value as written ('约30%', '$19.99 a month') and its distribution, when a number. */
  readonly value?: { readonly text: string; readonly spec: DistSpec; readonly unit: Unit; readonly per: Per | null };
  /** When the assumption is an `assumption` fact of the ledger, its id. */
  readonly factId?: string;
}

/**
 * One number an analysis computed, with its uncertainty and its derivation:
 * the formula and the inputs (facts, assumptions, other estimates) behind it.
 * A certain number has p5 = p50 = p95 = mean and sd 0.
 */
export interface Estimate {
  /** Stable within the analysis: 'subscribers.gross'. */
  readonly id: string;
  readonly label: Text;
  readonly unit: Unit;
  readonly per: Per | null;
  readonly mean: number;
  readonly sd: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** The formula over the inputs' labels or ids: '(F18 + F20) / F21'. */
  readonly formula: string;
  readonly inputs: readonly InputRef[];
  /** The draws behind it (for histograms and audit), absent for a certain number. Not serialised by default. */
  readonly samples?: Float64Array;
}

/** The kinds of analysis Shakeout runs. */
export type AnalysisKind = 'subscribers' | 'funding' | 'health' | 'survival' | 'unit-economics' | 'plausibility';

/**
 * What every analysis returns: its results as estimates, the formula, the
 * facts it used, every assumption it made, and notes (caveats, what is missing
 * to answer better). `details` holds what is particular to one analysis
 * (survival curves, funding tables). The CLI prints it; reports and the API
 * reuse it.
 */
export interface Analysis<D = unknown> {
  readonly kind: AnalysisKind;
  readonly title: Text;
  /** The entity analysed, when there is one. */
  readonly subject: string | null;
  readonly estimates: readonly Estimate[];
  /** Facts used, by id, in full so a report can cite them. */
  readonly facts: readonly Fact[];
  readonly assumptions: readonly Assumption[];
  readonly notes: readonly Text[];
  /** The sample count and seed the estimates were drawn with (null when nothing was sampled). */
  readonly env: { readonly sampleCount: number; readonly seed: string | number } | null;
  readonly details: D;
  /**
   * Set when the analysis's US-dollar results were put in another currency
   * for display (`analysisInCurrency`), or when it computed in that currency
   * itself (health: figures written in it as written, docs/fx.md): the
   * currency, the rate per US dollar, the month it is the average of, and the
   * note naming it. Amounts in `details` stay in US dollars; multiply them by
   * `perUsd` to show them.
   */
  readonly currency?: AnalysisCurrency;
  /**
   * Set when the analysis ran on the ledger as it stood on a day (`--as-of`,
   * `asOfStore`): the day, the undated facts left out (or taken in) and the
   * header every output shows. Absent for a run on today's ledger.
   */
  readonly asOf?: AnalysisAsOf;
}

/** What an as-of run saw and left out, for its header and footnotes (`analysisAsOf`). */
export interface AnalysisAsOf {
  /** 'YYYY-MM-DD': only facts, corrections, outcomes and rates published (or ended) by then. */
  readonly date: string;
  /** True when the undated facts were taken in (`--include-undated`). */
  readonly includeUndated: boolean;
  /** Ids of the facts whose source gives no publication date: left out, or taken in with `includeUndated`. */
  readonly undated: readonly string[];
  /** How many of the facts seen rest on an inferred publication date (the page showed none). */
  readonly estimatedDates: number;
  /** The header: 'as of 2024-05-20 (facts published by then; 54 undated facts left out)' / '截至2024年5月20日（…）'. */
  readonly text: Text;
}

/** How an analysis's money was put in another currency: one rate, of one month, named. */
export interface AnalysisCurrency {
  readonly code: Currency;
  readonly perUsd: number;
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly note: Text;
}
