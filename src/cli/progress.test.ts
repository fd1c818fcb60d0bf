import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressBar } from './progress.js';

const fakeStream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => { writes.push(s); return true; } } as unknown as NodeJS.WriteStream };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('ProgressBar', () => {
  it('draws on a terminal after a second, only when its text changes, and clears itself', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const { writes, stream } = fakeStream(true);
    const bar = new ProgressBar('m.sq', stream);
    bar.update(1, 100);
    expect(writes).toEqual([]); // under a second
    vi.setSystemTime(new Date('2026-01-01T00:00:01.200Z'));
    for (let k = 0; k < 50; k++) bar.update(40, 100); // the engine reports every chunk
    bar.update(40, 100);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^\rm\.sq \[█{12}░{18}\] 40%, 1\.2 s$/);
    bar.update(41, 100);
    expect(writes).toHaveLength(2);
    bar.stop();
    expect(writes[2]).toBe('\r\x1b[2K');
  });

  it('writes nothing when the output is not a terminal', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const { writes, stream } = fakeStream(false);
    const bar = new ProgressBar('m.sq', stream);
    vi.setSystemTime(new Date('2026-01-01T00:00:05Z'));
    bar.update(50, 100);
    bar.stop();
    expect(writes).toEqual([]);
  });
});
