import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { CURRENCIES } from '../app/index.js';

/** Most samples a run may ask for (the engine's limit). */
export const MAX_SAMPLES = 50_000_000;

/** `--lang zh|en`: the language of a report, or of the text a figure comes from. A bad value is a usage error (exit code 2). */
export function language(text: string): 'zh' | 'en' {
  if (text !== 'zh' && text !== 'en') throw new InvalidArgumentError(`expected zh or en, got "${text}"`);
  return text;
}

/**
 * An option parser for a whole number in [min, max], written as people write
 * counts: "10000", "1e6", "100_000" or "100,000". A bad value is a usage error
 * (exit code 2) that says what was expected.
 *
 * @example
 * program.option('--samples <n>', 'draws', wholeNumber('--samples', 1, MAX_SAMPLES))
 */
export function wholeNumber(name: string, min: number, max: number): (text: string) => number {
  return (text: string) => {
    const n = Number(text.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
    }
    return n;
  };
}

/** `--samples N`: Monte Carlo draws. */
export const sampleCount = wholeNumber('--samples', 1, MAX_SAMPLES);

/** `--currency CODE` and `--fx-month YYYY-MM` as every analysis takes them (the use-case checks the values). */
export interface CurrencyOpts { currency?: string; fxMonth?: string }

/**
 * Adds `--currency` (any of the 14; default USD) and, unless `perPeriod`
 * (funding converts each figure at its own period's rate), `--fx-month`.
 */
export function currencyOptions(cmd: Command, perPeriod = false): Command {
  cmd.option('--currency <code>', `show money in this currency: ${CURRENCIES.join(', ')} (default USD)${perPeriod ? '; each figure at the rate of its own period' : ''}`);
  if (!perPeriod) cmd.option('--fx-month <month>', 'with --currency: convert at the average rate of this month (default: the latest month of the FX table)');
  return cmd;
}

/** The request fields of the currency options. */
export function currencyRequest(opts: CurrencyOpts): { currency?: string; fxMonth?: string } {
  return { ...(opts.currency !== undefined ? { currency: opts.currency } : {}), ...(opts.fxMonth !== undefined ? { fxMonth: opts.fxMonth } : {}) };
}
