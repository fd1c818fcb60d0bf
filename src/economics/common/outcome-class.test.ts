import { describe, expect, it } from 'vitest';
import { OUTCOME_TYPES } from '../../ledger/index.js';
import type { OutcomeType } from '../../ledger/index.js';
import { OUTCOME_TYPE_MEANING, outcomeClass } from './outcome-class.js';

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
