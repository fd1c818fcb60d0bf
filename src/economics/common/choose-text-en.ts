/**
 * Why the choose rule (`chooseFact`) left a fact aside, in English: one
 * entry per criterion. choose-text-zh.ts has the same keys, written for a
 * Chinese reader. Each reason speaks of "the one used" and "this one" (the
 * fact left aside).
 */
/** The keys of the choose rule's text; `used` and `other` are what the criterion compares. */
export interface ChooseText {
  readonly firstHand: () => string;
  readonly period: (used: string, other: string) => string;
  readonly primarySource: (used: string, other: string) => string;
  readonly dated: (used: string, other: string) => string;
  readonly kind: (used: string, other: string) => string;
  readonly uncertainty: (used: string, other: string) => string;
  readonly precision: (used: string, other: string) => string;
  readonly published: (used: string, other: string) => string;
  /** `finer` (a publisher) gives `finerText` in this one's currency and unit; the one used is in another, whose digits are not compared. */
  readonly precisionOther: (finer: string, finerText: string, other: string) => string;
  readonly publisher: (used: string, other: string) => string;
  readonly tie: () => string;
  readonly derivedFromUsed: () => string;
  readonly noPeriod: string;
  readonly undated: string;
  readonly kindName: Readonly<Record<string, string>>;
}

export const CHOOSE_TEXT_EN: ChooseText = {
  firstHand: () => 'the one used is stated by a source; this one was derived by an analysis',
  period: (used, other) => `the one used covers a later period (${used}; this one ${other})`,
  primarySource: (used, other) => `the one used comes from a primary source (${used}); this one at second hand (${other})`,
  dated: (used, other) => `the one used has a dated source (${used}); this one's source has no date (${other}), so it cannot be placed in time`,
  kind: (used, other) => `the one used is ${used}; this one ${other}`,
  uncertainty: (used, other) => `the one used is more precise (its 90% range is ${used} of its median; this one's ${other})`,
  precision: (used, other) => `the one used is written to more digits ("${used}"; this one "${other}", which may be it rounded)`,
  precisionOther: (finer, finerText, other) =>
    `${finer} writes it to more digits in the same currency and unit ("${finerText}"; this one "${other}", which may be it rounded); the one used is in another currency or unit, whose digits are not compared with these`,
  published: (used, other) => `the one used was published later (${used}; this one ${other})`,
  publisher: (used, other) =>
    `the two are equal on every earlier criterion of the rule; the one used comes first in the alphabetical order of publishers (${used}; this one ${other})`,
  tie: () => 'the two are equal on every criterion of the rule; the one used comes first by id',
  derivedFromUsed: () => 'this one was derived from the one used, so it agrees with it by construction',
  noPeriod: 'no period',
  undated: 'undated',
  kindName: { reported: 'reported by a source', derived: 'derived', assumption: 'an assumption' },
};
