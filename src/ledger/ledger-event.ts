import type { Period } from '../core/index.js';
import type { Source } from './source.js';

/** Something the article reports that has no figure (layoffs, a CEO leaving, investors pausing). */
export interface LedgerEvent {
  readonly id: string;
  /** Entity ids the event is about. */
  readonly entities: readonly string[];
  readonly period: Period;
  readonly textZh: string;
  readonly textEn: string;
  readonly source: Source;
  readonly notes: string | null;
}
