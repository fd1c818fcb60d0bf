import type { Outcome, OutcomeType } from '../../ledger/index.js';

/**
 * What an outcome says about a company's place in the race (docs/outcomes.md):
 * - `out`: out of the race;
 * - `in`: still in (it raised money or listed);
 * - `signal`: a sign of trouble or change, not an outcome;
 * - `undecided`: the type alone does not decide and the record does not say,
 *   or the record's `out` contradicts its type. Never guessed.
 */
export type OutcomeClass = 'out' | 'in' | 'signal' | 'undecided';

/** What decided the class: the type, the record's `out` column, or why nothing could. */
export type OutcomeDecidedBy = 'type' | 'out_column' | 'out_column_missing' | 'out_column_contradicts_type' | 'same_event' | 'records_disagree';

export interface OutcomeVerdict {
  readonly class: OutcomeClass;
  readonly decidedBy: OutcomeDecidedBy;
}

/**
 * What each type means on its own: `out` or `in` when the type decides,
 * `signal` for types that are signals, `needs_out` where it depends on the
 * company's state, stated by the record's `out` column (an acquisition or
 * recapitalization of a distressed company, a pivot away from its own models).
 */
export const OUTCOME_TYPE_MEANING: Readonly<Record<OutcomeType, 'out' | 'in' | 'signal' | 'needs_out'>> = {
  raised: 'in',
  ipo: 'in',
  acquihire_license: 'out',
  shutdown: 'out',
  acquisition: 'needs_out',
  recapitalization: 'needs_out',
  pivot: 'needs_out',
  leadership_exit: 'signal',
  layoffs: 'signal',
  restructured: 'signal',
};

/**
 * The one rule of docs/outcomes.md. Where the type decides, an `out` column
 * that agrees changes nothing and one that disagrees makes the outcome
 * undecided (the record contradicts itself). Where the type does not decide,
 * `out: yes` is out, `out: no` a signal, and no `out` undecided.
 */
export function outcomeClass(o: Pick<Outcome, 'type' | 'out'>): OutcomeVerdict {
  const meaning = OUTCOME_TYPE_MEANING[o.type];
  if (meaning === 'needs_out') {
    if (o.out === null) return { class: 'undecided', decidedBy: 'out_column_missing' };
    return { class: o.out ? 'out' : 'signal', decidedBy: 'out_column' };
  }
  const typeSaysOut = meaning === 'out';
  if (o.out !== null && o.out !== typeSaysOut) return { class: 'undecided', decidedBy: 'out_column_contradicts_type' };
  return { class: meaning, decidedBy: 'type' };
}

/**
 * Each outcome's verdict, judged with the other records of the same event
 * (one entity, type and date, reported by several sources): a record that
 * does not say `out` takes the verdict of those that decide it and agree
 * (`same_event`), so an undecided duplicate never overrides a decided
 * record; records of one event that decide it differently, or one that
 * contradicts its type, leave the whole event undecided (`records_disagree`)
 * until they are mended. An event with one record is judged as
 * {@link outcomeClass} judges it. Keyed by outcome id.
 */
export function outcomeVerdicts(outcomes: readonly Pick<Outcome, 'id' | 'entity' | 'type' | 'date' | 'out'>[]): Map<string, OutcomeVerdict> {
  const events = new Map<string, (typeof outcomes)[number][]>();
  for (const o of outcomes) {
    const k = JSON.stringify([o.entity, o.type, o.date]);
    events.set(k, [...(events.get(k) ?? []), o]);
  }
  const out = new Map<string, OutcomeVerdict>();
  for (const records of events.values()) {
    const own = records.map((o) => ({ o, v: outcomeClass(o) }));
    if (own.length === 1) {
      out.set(own[0]!.o.id, own[0]!.v);
      continue;
    }
    const decided = own.filter((x) => x.v.decidedBy === 'type' || x.v.decidedBy === 'out_column');
    const classes = new Set(decided.map((x) => x.v.class));
    const broken = own.some((x) => x.v.decidedBy === 'out_column_contradicts_type');
    for (const { o, v } of own) {
      if (broken || classes.size > 1) out.set(o.id, { class: 'undecided', decidedBy: 'records_disagree' });
      else if (classes.size === 1 && v.decidedBy === 'out_column_missing') out.set(o.id, { class: decided[0]!.v.class, decidedBy: 'same_event' });
      else out.set(o.id, v);
    }
  }
  return out;
}
