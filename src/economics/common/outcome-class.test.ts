import { describe, expect, it } from 'vitest';
import { OUTCOME_TYPES } from '../../ledger/index.js';
import type { Outcome, OutcomeType } from '../../ledger/index.js';
import { OUTCOME_TYPE_MEANING, outcomeClass, outcomeVerdicts } from './outcome-class.js';

const cls = (type: OutcomeType, out: boolean | null = null): string => {
  const v = outcomeClass({ type, out });
  return `${v.class} by ${v.decidedBy}`;
};

describe('outcomeClass: which outcomes put a company out of the race', () => {
  it('has a meaning for every outcome type', () => {
    expect(Object.keys(OUTCOME_TYPE_MEANING).sort()).toEqual([...OUTCOME_TYPES].sort());
  });

  it('a licence-and-hire deal and a shutdown are out; a round and a listing are still in; the type decides', () => {
    expect(cls('acquihire_license')).toBe('out by type');
    expect(cls('shutdown')).toBe('out by type');
    expect(cls('raised')).toBe('in by type');
    expect(cls('ipo')).toBe('in by type');
    expect(cls('shutdown', true)).toBe('out by type');
    expect(cls('ipo', false)).toBe('in by type');
  });

  it('a leadership exit, layoffs and a restructuring are signals, not outcomes', () => {
    for (const t of ['leadership_exit', 'layoffs', 'restructured'] as const) expect(cls(t)).toBe('signal by type');
    expect(cls('layoffs', false)).toBe('signal by type');
  });

  it('an acquisition, recapitalization or pivot is decided by the record\'s out column, and undecided without it', () => {
    for (const t of ['acquisition', 'recapitalization', 'pivot'] as const) {
      expect(cls(t, true)).toBe('out by out_column');
      expect(cls(t, false)).toBe('signal by out_column');
      expect(cls(t, null)).toBe('undecided by out_column_missing');
    }
  });

  it('an out column that contradicts a type that decides makes the outcome undecided, not either guess', () => {
    expect(cls('shutdown', false)).toBe('undecided by out_column_contradicts_type');
    expect(cls('raised', true)).toBe('undecided by out_column_contradicts_type');
    expect(cls('leadership_exit', true)).toBe('undecided by out_column_contradicts_type');
  });
});

describe('outcomeVerdicts: the records of one event judged together', () => {
  const o = (id: string, type: Outcome['type'], out: boolean | null, date = '2024-09') => ({ id, entity: 'acme', type, date, out });
  it('a record silent on out takes the verdict of the records that decide the event; alone, it stays undecided', () => {
    const v = outcomeVerdicts([o('a', 'pivot', false), o('b', 'pivot', null), o('c', 'pivot', null, '2024-10'), o('d', 'acquihire_license', null)]);
    expect(v.get('a')).toEqual({ class: 'signal', decidedBy: 'out_column' });
    expect(v.get('b')).toEqual({ class: 'signal', decidedBy: 'same_event' });
    expect(v.get('c')).toEqual({ class: 'undecided', decidedBy: 'out_column_missing' });
    expect(v.get('d')).toEqual({ class: 'out', decidedBy: 'type' });
  });
  it('records that disagree, or one that contradicts its type, leave the event undecided', () => {
    const v = outcomeVerdicts([o('a', 'pivot', false), o('b', 'pivot', true), o('c', 'raised', null), o('d', 'raised', true)]);
    expect([...v.values()]).toEqual(Array(4).fill({ class: 'undecided', decidedBy: 'records_disagree' }));
  });
});
