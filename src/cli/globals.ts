import type { Command } from 'commander';
import type { LedgerOptions } from '../app/index.js';

/** The ledger the global options name: `--db PATH` and `--no-bundled-data`. */
export function ledgerOptions(cmd: Command): LedgerOptions {
  const g = cmd.optsWithGlobals() as { db?: string; bundledData?: boolean };
  return { db: g.db, bundled: g.bundledData !== false };
}
