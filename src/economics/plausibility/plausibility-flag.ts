import type { Text } from '../analysis.js';

export type FlagSeverity = 'error' | 'warning' | 'info';

/** One thing that does not add up, with the facts involved and why. */
export interface PlausibilityFlag {
  /** Stable: 'out_of_line:F19:ref-chatgpt-downloads-...'. */
  readonly id: string;
  /** error: a figure is probably wrong; warning: it needs care before use; info: worth knowing. */
  readonly severity: FlagSeverity;
  /** 'conflict' | 'uncompared' | 'mixed_periods' | 'unknown_basis' | 'disputed_basis' | 'out_of_line' | 'derivation' | 'value_rule' ... */
  readonly check: string;
  readonly title: Text;
  readonly explanation: Text;
  /** Ids of the facts involved. */
  readonly facts: readonly string[];
}

export interface PlausibilityDetails {
  readonly flags: readonly PlausibilityFlag[];
  readonly counts: Readonly<Record<FlagSeverity, number>>;
}
