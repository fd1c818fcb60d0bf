import type { Command } from 'commander';
import { addFxRate, importFxRatesFile, listFxRates, storeAsOf, withLedger } from '../../app/index.js';
import type { FxImportResult, FxRate } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import { asOfOutput } from '../render-analysis.js';
import type { Output } from '../output.js';
import { toJson } from '../output.js';
import { renderTable } from '../table.js';

interface AddOpts { currency: string; month: string; perUsd: string; source: string; replace?: boolean; json?: boolean }

const rateLine = (r: FxRate): string => `${r.currency} ${r.month}: ${r.perUsd} ${r.currency} per USD (${r.source})`;

function renderResult(r: FxImportResult): string {
  const lines: string[] = [];
  for (const x of r.added) lines.push(`added ${rateLine(x)}`);
  for (const x of r.replaced) lines.push(`replaced ${rateLine(x.rate)}; was ${x.was}`);
  for (const x of r.unchanged) lines.push(`unchanged ${rateLine(x)}`);
  lines.push(`${r.added.length} added, ${r.replaced.length} replaced, ${r.unchanged.length} unchanged. Your rates override the bundled table's month, and every conversion that uses one says so.`);
  return lines.join('\n');
}

/**
 * `shakeout fx add | import | list`: the exchange rates conversions use. The
 * bundled table is the Federal Reserve's H.10 monthly averages (13 currencies
 * per US dollar, 2015-01 to 2026-06); rates a user adds are kept in the
 * ledger and override the bundled month.
 */
export function registerFx(program: Command, io: Output): void {
  const fx = program.command('fx').description('exchange rates: monthly averages per US dollar (bundled: Federal Reserve H.10), and the rates you add');
  fx
    .command('add')
    .description('add the average rate of one month, in units of the currency per US dollar')
    .requiredOption('--currency <code>', 'the currency, e.g. EUR')
    .requiredOption('--month <month>', 'the month the rate is the average of, e.g. 2026-07')
    .requiredOption('--per-usd <rate>', 'units of the currency one US dollar buys, e.g. 0.91 (decimal point)')
    .requiredOption('--source <text>', 'who published the rate, e.g. "ECB euro reference rate, monthly average"')
    .option('--replace', 'replace a rate you added before for this currency and month')
    .option('--json', 'print the result as JSON')
    .action(async (opts: AddOpts, cmd: Command) => {
      const r = await withLedger(ledgerOptions(cmd, { writes: 'fx add' }), (s) => addFxRate(s, { currency: opts.currency, month: opts.month, perUsd: opts.perUsd, source: opts.source, replace: opts.replace === true }));
      io.out(opts.json ? toJson(r) : renderResult(r));
    });
  fx
    .command('import')
    .description('add rates from a CSV (header month,currency,per_usd,source), JSON or YAML file, all or nothing')
    .argument('<file>', 'the file (.csv, .json, .yaml or .yml)')
    .option('--replace', 'replace rates you added before for the same currency and month')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { replace?: boolean; json?: boolean }, cmd: Command) => {
      const r = await withLedger(ledgerOptions(cmd, { writes: 'fx import' }), (s) => importFxRatesFile(s, file, { replace: opts.replace === true }));
      io.out(opts.json ? toJson(r) : renderResult(r));
    });
  fx
    .command('list')
    .description('what the table covers for each currency, your rates and the latest rate; with --currency, every month of it')
    .option('--currency <code>', 'one currency: every monthly rate, yours in place of the bundled')
    .option('--json', 'print as JSON')
    .action(async (opts: { currency?: string; json?: boolean }, cmd: Command) => {
      const { r, asOf } = await withLedger(ledgerOptions(cmd), async (s) => ({ r: await listFxRates(s, opts.currency !== undefined ? { currency: opts.currency } : {}), asOf: storeAsOf(s) }));
      if (opts.json) {
        io.out(toJson({ ...(opts.currency !== undefined ? r : { coverage: r.coverage }), ...(asOf ? { asOf } : {}) }));
        return;
      }
      const lines: string[] = [];
      lines.push(renderTable(r.coverage, [
        { header: 'currency', get: (c) => c.currency },
        { header: 'bundled (H.10)', get: (c) => (c.bundled ? `${c.bundled.from} to ${c.bundled.to} (${c.bundled.months} months)` : '-') },
        { header: 'your rates', get: (c) => (c.user.length ? c.user.map((u) => u.month).join(', ') : '-'), max: 40 },
        { header: 'latest', get: (c) => (c.latest ? `${c.latest.month}: ${c.latest.perUsd}` : '-'), align: 'right' },
      ]));
      if (r.rates.length) {
        lines.push('');
        lines.push(renderTable(r.rates, [
          { header: 'month', get: (x) => x.month },
          { header: `${r.rates[0]!.currency} per USD`, get: (x) => String(x.perUsd), align: 'right' },
          { header: 'origin', get: (x) => (x.origin === 'user' ? `yours${x.overrides !== undefined ? ` (bundled ${x.overrides})` : ''}` : 'bundled') },
          { header: 'source', get: (x) => x.source, max: 50 },
        ]));
      }
      lines.push('');
      lines.push('A figure converts at the mean of the monthly rates of its own period (a quarter: its three months); add a missing month with shakeout fx add.');
      io.out(asOfOutput(asOf, false, 'fx', r, () => lines.join('\n')));
    });
}
