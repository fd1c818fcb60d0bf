import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../ledger/index.js';
import { observeOutcome, outBefore, windowEnd } from './observe-outcome.js';

const outcome = (type: Outcome['type'], date: string, out: boolean | null = null): Outcome => ({
  id: `outcome-${type}-${date}`,
  entity: 'acme',
  type,
  date,
  detail: 'x',
  out,
  source: { id: 's', publisher: 'P', title: null, url: 'https://example.org', published: date, publishedEstimated: false },
});

describe('the window and what happened in it', () => {
  it('ends the horizon months after the as-of day, a missing day falling back to the month end', () => {
    expect(windowEnd('2024-05-20', 24)).toBe('2026-05-20');
    expect(windowEnd('2024-01-31', 1)).toBe('2024-02-29');
    expect(windowEnd('2023-12-15', 2)).toBe('2024-02-15');
  });

  it('out: the first out outcome inside (as-of, end], with its type and date', () => {
    const o = observeOutcome([outcome('raised', '2024-08-01'), outcome('shutdown', '2025-03-01'), outcome('acquihire_license', '2025-06-01')], '2024-05-20', 24, '2026-12-01');
    expect(o).toMatchObject({ observed: 'out', outcomeType: 'shutdown', outcomeDate: '2025-03-01' });
  });

  it('an out outcome after the window does not count; the as-of day itself is not in the window', () => {
    expect(observeOutcome([outcome('shutdown', '2026-05-21')], '2024-05-20', 24, '2026-12-01').observed).toBe('survived');
    expect(observeOutcome([outcome('shutdown', '2026-05-20')], '2024-05-20', 24, '2026-12-01').observed).toBe('out');
    expect(observeOutcome([outcome('shutdown', '2024-05-20')], '2024-05-20', 24, '2026-12-01').observed).toBe('survived');
  });

  it('survived only once the window has ended by today; unknown before', () => {
    expect(observeOutcome([outcome('raised', '2024-10-01')], '2024-05-20', 24, '2026-05-20').observed).toBe('survived');
    const early = observeOutcome([outcome('raised', '2024-10-01')], '2024-05-20', 24, '2026-05-19');
    expect(early.observed).toBe('unknown');
    expect(early.reason.en).toBe('the window ends on 2026-05-20, after today (2026-05-19), and nothing has happened yet');
  });

  it('a survivor carries its first outcome of class in within the window (a round, a listing): why it counts as still in', () => {
    const s = observeOutcome([outcome('layoffs', '2024-06-01'), outcome('raised', '2024-06-11'), outcome('ipo', '2025-01-10'), outcome('raised', '2026-06-01')], '2024-05-20', 24, '2026-12-01');
    expect(s).toMatchObject({ observed: 'survived', outcomeType: 'raised', outcomeDate: '2024-06-11' });
    expect(s.reason).toEqual({ en: 'no outcome of class out by 2026-05-20; raised on 2024-06-11', zh: '截至 2026-05-20 没有出局记录；2024-06-11 融资' });
    // a round before the window, or after it, is not why it survived the window
    expect(observeOutcome([outcome('raised', '2024-05-01'), outcome('raised', '2026-06-01')], '2024-05-20', 24, '2026-12-01')).toMatchObject({ observed: 'survived', outcomeType: null, outcomeDate: null });
    // nothing recorded in the window at all: survived, and the reason says it rests on the record being complete
    expect(observeOutcome([], '2024-05-20', 24, '2026-12-01').reason.en).toBe("no outcome recorded by 2026-05-20: taken as survived, the ledger's outcomes being taken as complete up to today");
  });

  it('an undecided outcome in the window is unknown, never guessed; its out column decides it', () => {
    const u = observeOutcome([outcome('recapitalization', '2024-06-25')], '2024-05-20', 24, '2026-12-01');
    expect(u).toMatchObject({ observed: 'unknown', outcomeType: 'recapitalization', outcomeDate: '2024-06-25' });
    expect(observeOutcome([outcome('recapitalization', '2024-06-25', true)], '2024-05-20', 24, '2026-12-01').observed).toBe('out');
    expect(observeOutcome([outcome('recapitalization', '2024-06-25', false)], '2024-05-20', 24, '2026-12-01').observed).toBe('survived');
  });

  it('a month stands for its last day', () => {
    expect(observeOutcome([outcome('shutdown', '2024-05')], '2024-05-20', 24, '2026-12-01').observed).toBe('out');
    expect(outBefore([outcome('shutdown', '2024-05')], '2024-05-20')).toBeNull();
    expect(outBefore([outcome('shutdown', '2024-04')], '2024-05-20')).toEqual({ outcomeType: 'shutdown', outcomeDate: '2024-04' });
  });

  it('out before the as-of day: the earliest out outcome on or before it; signals and rounds are not', () => {
    expect(outBefore([outcome('leadership_exit', '2024-03-23'), outcome('raised', '2024-01-01')], '2024-05-20')).toBeNull();
    expect(outBefore([outcome('acquihire_license', '2024-03-19')], '2024-05-20')).toEqual({ outcomeType: 'acquihire_license', outcomeDate: '2024-03-19' });
  });
});

describe('several records of one event (trial T28)', () => {
  const record = (publisher: string, out: boolean | null): Outcome => ({ ...outcome('pivot', '2024-09', out), id: `outcome-pivot-${publisher}`, source: { id: publisher, publisher, title: null, url: 'https://example.org', published: '2024-09-05', publishedEstimated: false } });

  it('an undecided duplicate does not override the decided record, in either order', () => {
    for (const records of [[record('Sifted', false), record('X', null)], [record('X', null), record('Sifted', false)]]) {
      expect(observeOutcome(records, '2024-05-20', 24, '2026-12-01')).toMatchObject({ observed: 'survived' });
    }
    expect(observeOutcome([record('X', null), record('Sifted', true)], '2024-05-20', 24, '2026-12-01')).toMatchObject({ observed: 'out', outcomeType: 'pivot' });
    expect(outBefore([record('X', null), record('Sifted', true)], '2024-12-01')).toEqual({ outcomeType: 'pivot', outcomeDate: '2024-09' });
  });

  it('records that decide one event differently leave it unknown, and say so', () => {
    const o = observeOutcome([record('Sifted', false), record('X', true), record('Y', null)], '2024-05-20', 24, '2026-12-01');
    expect(o).toMatchObject({ observed: 'unknown', outcomeType: 'pivot' });
    expect(o.reason.en).toBe('pivot on 2024-09 is undecided: its records disagree on whether it put the company out (mend their out column)');
    expect(o.reason.zh).toBe('2024-09 的转型尚无定论：各条记录对是否使公司出局说法不一');
  });
});
