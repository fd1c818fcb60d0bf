import type { DistSpec } from './distribution-spec.js';
import type { Per, Unit } from './quantity.js';

/** How a figure was qualified as written: 约 = about, 超 = over, ... */
export type Qualifier = 'exact' | 'about' | 'over' | 'under' | 'nearly' | 'range' | 'several' | 'almost_none';

export const QUALIFIERS: readonly Qualifier[] = ['exact', 'about', 'over', 'under', 'nearly', 'range', 'several', 'almost_none'];

/**
 * One figure as written ("超23亿美元", "nearly $1.8B"), read.
 *
 * - `value`: the number as written, in base units (2.3e9 for 超23亿美元; 0.15 for 15%).
 *   For a range it is the midpoint of the bounds; for "several" (数亿) the
 *   median of the implied distribution; for almost_none, 0.
 * - `low` / `high`: the bounds the text implies, null when open.
 * - `distribution`: what the qualifier implies (see `qualifier-table.ts`),
 *   and `p5` / `p50` / `p95` its quantiles.
 */
export interface Figure {
  readonly text: string;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly unit: Unit;
  readonly per: Per | null;
  /**
   * What a price is per besides time: 'seat' for "$40 per seat per month",
   * 'person' for 每人每月20美元; null for most figures.
   */
  readonly perItem: string | null;
  readonly qualifier: Qualifier;
  /** The measure word or noun that came with a count (笔, 起, 家, 个, deals), if any. */
  readonly measureWord: string | null;
  readonly distribution: DistSpec;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /**
   * Other readings of the same figure written beside it in brackets: "600
   * million euros ($645 million)" reads €600M, with the $645M here (its own
   * text, value, unit and qualifier as written; the period and per-item of the
   * main figure when it names none). Money for money, or the same unit
   * otherwise. Empty for most figures. Whether a reading agrees with the main
   * one (through FX at the fact's date) is for the caller to check.
   */
  readonly alternatives: readonly Figure[];
}
