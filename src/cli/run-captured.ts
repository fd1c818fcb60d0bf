import type { Output } from './output.js';
import { runCli } from './program.js';

/**
 * Runs the CLI in this process and returns its exit code and what it printed
 * (for tests, and for embedding the CLI in another program).
 */
export async function runCaptured(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const line = (t: string) => (t.endsWith('\n') ? t : t + '\n');
  const io: Output = { out: (t) => void (out += line(t)), err: (t) => void (err += line(t)) };
  const code = await runCli(args, io);
  return { code, out, err };
}
