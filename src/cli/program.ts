import { Command, CommanderError } from 'commander';
import { ABORTED_STATUS, ShakeoutError, formatIssues, unknownEntityAt } from '../app/index.js';
import { type Output, processOutput } from './output.js';
import { asOfDay } from './globals.js';

/** Exit codes: 0 done; 1 something broke; 2 the input or the command line was wrong. */
/** Exit codes: 130 is a run cancelled with Ctrl-C (128 + SIGINT, as shells count it). */
export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

/** Options every command understands. */
export interface GlobalOptions {
  db?: string;
  asOf?: string;
  includeUndated?: boolean;
}

export type Register = (program: Command, io: Output) => void;

/**
 * Every command, in the order of the help, with how to load it. A command's
 * module is loaded only when it runs (or for the help), so that a one-shot
 * command loads only the code it uses: `shakeout parse` no ledger, no engine
 * (in the bundle each is a chunk of its own; see scripts/build-cli.mjs).
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<Register>])[] = [
  ['parse', async () => (await import('./commands/parse.js')).registerParse],
  ['summary', async () => (await import('./commands/summary.js')).registerSummary],
  ['facts', async () => (await import('./commands/facts.js')).registerFacts],
  ['entities', async () => (await import('./commands/facts.js')).registerEntities],
  ['extract', async () => (await import('./commands/extract.js')).registerExtract],
  ['run', async () => (await import('./commands/run.js')).registerRun],
  ['analyze', async () => (await import('./commands/analyze.js')).registerAnalyze],
  ['check', async () => (await import('./commands/check.js')).registerCheck],
  ['simulate', async () => (await import('./commands/simulate.js')).registerSimulate],
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['fx', async () => (await import('./commands/fx.js')).registerFx],
  ['outcomes', async () => (await import('./commands/outcomes.js')).registerOutcomes],
  ['serve', async () => (await import('./commands/serve.js')).registerServe],
  ['db', async () => (await import('./commands/db.js')).registerDb],
  ['backtest', async () => (await import('./commands/backtest.js')).registerBacktest],
];

/**
 * The command `argv` names: its first word that is neither an option nor the
 * value of a global option that takes one (`--db PATH`); undefined if none.
 */
export function commandName(program: Command, argv: readonly string[]): string | undefined {
  const takesValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]).filter((f): f is string => !!f));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return argv[i + 1];
    if (takesValue.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * The command tree for `argv`, writing to `io`: the global options and the
 * command argv names; every command when argv names none or one that does
 * not exist (the help and the "did you mean" need them all).
 */
export async function buildProgram(io: Output, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('shakeout')
    .description('Will an AI company make money before its money runs out? Sourced figures, uncertainty, analyses.')
    .option('--db <path>', 'the ledger: a database file or a postgres:// URL (default: $SHAKEOUT_DB, else a postgres:// $DATABASE_URL, else ~/.shakeout/shakeout.db)')
    .option('--no-bundled-data', 'do not load the bundled data into a fresh database (start empty; the database remembers it, and later commands do not load it either)')
    .option('--as-of <date>', 'read the ledger as it stood on this day (YYYY-MM-DD): only facts, corrections, outcomes and sources published by then, FX and CPI months ended by then; read-only (see docs/as-of.md)', asOfDay)
    .option('--include-undated', 'with --as-of: take in facts whose source gives no publication date (left out by default)')
    .showHelpAfterError('(run shakeout --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  const name = commandName(program, argv);
  const named = COMMANDS.filter(([n]) => n === name);
  for (const [, load] of named.length ? named : COMMANDS) (await load())(program, io);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Output = processOutput): Promise<number> {
  const program = await buildProgram(io, argv);
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    // A command may set process.exitCode to say "done, but with findings".
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    // an unknown name given to an option is said at that option (--companies: expected ..., got ...)
    return reportError(unknownEntityAt(e, optionValues(argv)) ?? e, io, argv.includes('--json'));
  }
}

/** Each option given a value on the command line, as `[['--companies'], 'OpenAl,Anthropic']` (also `--x=v`). */
function optionValues(argv: readonly string[]): [readonly string[], string][] {
  const out: [readonly string[], string][] = [];
  argv.forEach((a, i) => {
    if (!a.startsWith('--')) return;
    const eq = a.indexOf('=');
    if (eq > 2) out.push([[a.slice(0, eq)], a.slice(eq + 1)]);
    else if (i + 1 < argv.length) out.push([[a], argv[i + 1]!]);
  });
  return out;
}

/**
 * Statuses of faults outside Shakeout that the message names and the user can
 * act on: the database busy past its timeout (503), the disk full (507).
 * They exit 2 like bad input, with the message, not 1 with a stack trace.
 */
const NAMED_FAULTS: ReadonlySet<number> = new Set([503, 507]);
const exitFor = (e: ShakeoutError): number => (e.status === ABORTED_STATUS ? EXIT.cancelled : e.status >= 500 && !NAMED_FAULTS.has(e.status) ? EXIT.failure : EXIT.usage);

/** Maps any error to a message on stderr and an exit code, in one place. */
export function reportError(e: unknown, io: Output, json = false): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (json && e instanceof ShakeoutError) {
    // --json asked for machine output: the error comes as JSON too (on stderr).
    io.err(JSON.stringify({ error: { message: e.message, status: e.status, issues: e.issues } }, null, 2));
    return exitFor(e);
  }
  if (e instanceof ShakeoutError) {
    // Issues the message does not already say are listed below it.
    const extra = e.issues.filter((i) => !e.message.includes(i.message));
    const detail = extra.length ? '\n' + formatIssues(extra) : '';
    io.err(`error: ${e.message}${detail}`);
    return exitFor(e);
  }
  io.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT.failure;
}
