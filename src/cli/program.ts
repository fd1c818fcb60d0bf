import { Command, CommanderError } from 'commander';
import { ShakeoutError, formatIssues } from '../app/index.js';
import { type Output, processOutput } from './output.js';
import { registerParse } from './commands/parse.js';
import { registerFacts, registerEntities } from './commands/facts.js';
import { registerSummary } from './commands/summary.js';
import { registerRun } from './commands/run.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCheck } from './commands/check.js';
import { registerSimulate } from './commands/simulate.js';
import { registerReport } from './commands/report.js';
import { registerFx } from './commands/fx.js';
import { registerOutcomes } from './commands/outcomes.js';
import { registerServe } from './commands/serve.js';
import { asOfDay } from './globals.js';

/** Exit codes: 0 done; 1 something broke; 2 the input or the command line was wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Options every command understands. */
export interface GlobalOptions {
  db?: string;
  asOf?: string;
  includeUndated?: boolean;
}

export type Register = (program: Command, io: Output) => void;

const REGISTRY: Register[] = [
  registerParse,
  registerSummary,
  registerFacts,
  registerEntities,
  registerRun,
  registerAnalyze,
  registerCheck,
  registerSimulate,
  registerReport,
  registerFx,
  registerOutcomes,
  registerServe,
];

/** The whole command tree, writing to `io`. */
export function buildProgram(io: Output): Command {
  const program = new Command('shakeout')
    .description('Will an AI company make money before its money runs out? Sourced figures, uncertainty, analyses.')
    .option('--db <path>', 'database file (default: $SHAKEOUT_DB, else ~/.shakeout/shakeout.db)')
    .option('--no-bundled-data', 'do not load the bundled data into a fresh database (start empty)')
    .option('--as-of <date>', 'read the ledger as it stood on this day (YYYY-MM-DD): only facts, corrections, outcomes and sources published by then, FX and CPI months ended by then; read-only (see docs/as-of.md)', asOfDay)
    .option('--include-undated', 'with --as-of: take in facts whose source gives no publication date (left out by default)')
    .showHelpAfterError('(run shakeout --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  for (const register of REGISTRY) register(program, io);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Output = processOutput): Promise<number> {
  const program = buildProgram(io);
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    // A command may set process.exitCode to say "done, but with findings".
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    return reportError(e, io, argv.includes('--json'));
  }
}

/** Maps any error to a message on stderr and an exit code, in one place. */
export function reportError(e: unknown, io: Output, json = false): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (json && e instanceof ShakeoutError) {
    // --json asked for machine output: the error comes as JSON too (on stderr).
    io.err(JSON.stringify({ error: { message: e.message, status: e.status, issues: e.issues } }, null, 2));
    return e.status >= 500 ? EXIT.failure : EXIT.usage;
  }
  if (e instanceof ShakeoutError) {
    // Issues the message does not already say are listed below it.
    const extra = e.issues.filter((i) => !e.message.includes(i.message));
    const detail = extra.length ? '\n' + formatIssues(extra) : '';
    io.err(`error: ${e.message}${detail}`);
    return e.status >= 500 ? EXIT.failure : EXIT.usage;
  }
  io.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT.failure;
}
