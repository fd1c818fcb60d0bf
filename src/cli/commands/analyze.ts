import type { Command } from 'commander';
import type { Output } from '../output.js';
import { addSubscribersCommand } from './analyze-subscribers.js';
import { addFundingCommand } from './analyze-funding.js';
import { addHealthCommand } from './analyze-health.js';
import { addUnitEconomicsCommand } from './analyze-unit-economics.js';

/**
 * `shakeout analyze ...`: the analyses of issue 4. Each subcommand lives in
 * its own file (analyze-<name>.ts) and is added here with one line.
 */
export function registerAnalyze(program: Command, io: Output): void {
  const analyze = program.command('analyze').description('run an analysis: subscribers, funding, health, unit-economics');
  addSubscribersCommand(analyze, io);
  addFundingCommand(analyze, io);
  addHealthCommand(analyze, io);
  addUnitEconomicsCommand(analyze, io);
}
