import { describe, expect, it } from 'vitest';
import { boardClaimTimes, boardFlags, claimUnit, closeBoard, finishStragglers, newWorkBoard, sharedNow } from './work-board.js';

describe('work board', () => {
  it('keeps flags and claim times apart in one shared buffer, and claims units in order', () => {
    for (const units of [1, 2, 3, 13]) {
      const buffer = newWorkBoard(units);
      const flags = boardFlags(buffer, units), times = boardClaimTimes(buffer, units);
      flags.fill(-1);
      expect(Array.from(times)).toEqual(new Array(units).fill(0));
      flags.fill(0);
      const before = sharedNow();
      expect(Array.from({ length: units + 2 }, () => claimUnit(flags, times))).toEqual(Array.from({ length: units + 2 }, (_, k) => k));
      expect(times.every((t) => t >= before && t <= sharedNow())).toBe(true);
      expect(Array.from(flags.subarray(1))).toEqual(new Array(units).fill(0));
    }
  });

  it('finishStragglers runs here at once a unit held for longer than a unit takes, and leaves done ones alone', () => {
    const buffer = newWorkBoard(3);
    const flags = boardFlags(buffer, 3), times = boardClaimTimes(buffer, 3);
    closeBoard(flags, 3); // every unit claimed
    times[0] = sharedNow() - 10_000; // held by a stalled thread for ten seconds
    flags[1 + 2] = 1; // unit 1 held, unit 2 done
    times[1] = sharedNow() - 10_000;
    const ran: number[] = [];
    const redone = finishStragglers(flags, times, 5, (u) => ran.push(u));
    expect(ran).toEqual([0, 1]);
    expect(redone).toBe(2);
    expect(Array.from(flags.subarray(1))).toEqual([1, 1, 1]);
  });
});
