import type { Figure, Per, Period, Unit } from '../core/index.js';
import type { Basis, FactKind, Metric } from './vocabulary.js';
import type { Source, SourceInput } from './source.js';

/**
 * The figure of a fact as read by core's `parseFigure` (base units: 2.3e9 for
 * 超23亿美元); its distribution is read again from the text when needed.
 */
export type FactValue = Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'per' | 'qualifier' | 'p5' | 'p50' | 'p95'>;

/** For a derived fact: the facts it was computed from and how. */
export interface Derivation {
  readonly inputs: readonly string[];
  /** Formula as text, naming the inputs by id: '(F18 + F20) / F21'. */
  readonly formula: string;
}

/**
 * One sourced figure. Facts are never changed or deleted: a correction is a
 * new fact whose `supersedes` names the old one.
 */
export interface Fact {
  /** Stable id: 'F11' for the article's figures, a slug for bundled data, 'fact-<hash>' otherwise. */
  readonly id: string;
  /** Entity id (see `Entity.id`). */
  readonly entity: string;
  readonly metric: Metric;
  /** The value as written, exactly: '超23亿美元'. */
  readonly valueText: string;
  /** An English rendering of the value as written, if any: 'over $2.3B'. */
  readonly valueTextEn: string | null;
  /** Unit assumed when the text writes none (近千亿 of OpenAI: USD). */
  readonly defaultUnit: Unit | null;
  readonly figure: FactValue;
  /** Null when the source gives no period (Epoch's per-model costs). */
  readonly period: Period | null;
  readonly scope: string | null;
  readonly basis: Basis;
  readonly kind: FactKind;
  /** Money in constant dollars of this year (OWID: 2021); null = nominal. */
  readonly priceYear: number | null;
  readonly source: Source;
  /** What exactly is counted, when sources may differ: 'private investment as recorded by Quid'. */
  readonly definition: string | null;
  readonly notes: string | null;
  readonly supersedes: string | null;
  /**
   * Id of a fact that reports the same thing (one round written by another
   * outlet, in another currency): the two belong to one group, counted once
   * in totals (see economics' `groupFacts`). Same entity and metric.
   */
  readonly sameAs: string | null;
  /** Id of the fact that corrects this one (computed), null when current. */
  readonly supersededBy: string | null;
  readonly derivedFrom: Derivation | null;
  /** ISO timestamp. */
  readonly createdAt: string;
}

/** What `addFact` takes. Entity and metric accept any name or alias. */
export interface FactInput {
  readonly id?: string;
  readonly entity: string;
  readonly metric: string;
  /** The value as written: '超23亿美元', '$3.6B'. */
  readonly value: string;
  readonly valueEn?: string | null;
  readonly defaultUnit?: Unit | null;
  /** The period of a rate when the text does not say it (19.99美元 a month). */
  readonly per?: Per | null;
  /** '2023', '2024-Q1', '2024-05', '2024-02/2024-11', 'as of 2024-05'; null when unknown. */
  readonly period: string | null;
  readonly scope?: string | null;
  readonly basis?: Basis;
  readonly kind?: FactKind;
  readonly priceYear?: number | null;
  readonly source: SourceInput;
  readonly definition?: string | null;
  readonly notes?: string | null;
  readonly supersedes?: string | null;
  /** Id of a fact of the same entity and metric that reports the same thing. */
  readonly sameAs?: string | null;
  readonly derivedFrom?: Derivation | null;
  readonly createdAt?: string;
}
