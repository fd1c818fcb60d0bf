import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { readAsOfDate, ShakeoutError, type LedgerOptions } from '../app/index.js';

/** `--as-of DATE`: a day written YYYY-MM-DD; anything else is a usage error (exit code 2) saying what was expected and what came. */
export function asOfDay(text: string): string {
  try {
    return readAsOfDate(text, '--as-of');
  } catch (e) {
    throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The ledger the global options name: `--db PATH`, `--no-bundled-data`, and
 * `--as-of DATE` (with `--include-undated`), which makes every command read
 * the ledger as it stood on that day. A command that changes the ledger names
 * itself in `writes`: with `--as-of` it is refused before anything runs (the
 * past is read-only).
 */
export function ledgerOptions(cmd: Command, options: { writes?: string } = {}): LedgerOptions {
  const g = cmd.optsWithGlobals() as { db?: string; bundledData?: boolean; asOf?: string; includeUndated?: boolean };
  if (g.includeUndated && g.asOf === undefined) {
    throw usage('--include-undated', '--include-undated: expected it with --as-of DATE (it takes undated facts into an as-of run); without --as-of every fact counts already');
  }
  if (g.asOf !== undefined && options.writes) {
    throw usage('--as-of', `${options.writes} changes the ledger, but --as-of ${g.asOf} shows the ledger as it stood on that day, read-only: run ${options.writes} without --as-of`);
  }
  return { db: g.db, bundled: g.bundledData !== false, ...(g.asOf !== undefined ? { asOf: g.asOf, includeUndated: g.includeUndated === true } : {}) };
}

function usage(option: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_option', path: [option], message }], status: 400 });
}
