import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runCaptured as cli } from './run-captured.js';

describe('Ctrl-C during a run', () => {
  it('stops the run between chunks: "cancelled" on stderr, exit code 130, nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shakeout-cancel-'));
    const file = join(dir, 'big.sq');
    writeFileSync(file, 'a = 1 to 2\nb = normal(0, 1)\nc = a * b + a\nc\n');
    const running = cli(['run', file, '--samples', '5000000', '--threads', '1']);
    // the run listens for SIGINT once it has started; then Ctrl-C
    while (process.listenerCount('SIGINT') === 0) await tick();
    process.emit('SIGINT');
    const r = await running;
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/cancelled/);
    expect(r.out).toBe('');
    expect(process.listenerCount('SIGINT')).toBe(0);
  });
});
