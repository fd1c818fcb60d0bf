import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { analysisContext, analysisJson, formatValue, runAnalysis, runSubscribersAnalysis, withLedger } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';
import { currencyOptions, currencyRequest, sampleCount, type CurrencyOpts } from '../options.js';
import { toJson } from '../output.js';
import { renderAnalysisFooter, renderEstimates, withAsOfHeader } from '../render-analysis.js';
import { renderTable } from '../table.js';

const BASES = ['gross', 'net', 'unknown'] as const;
type BasisOpt = (typeof BASES)[number];

interface Opts extends CurrencyOpts { basis?: BasisOpt; samples?: number; seed?: string; json?: boolean; save?: boolean }

function basis(text: string): BasisOpt {
  if (!(BASES as readonly string[]).includes(text)) throw new InvalidArgumentError(`expected gross, net or unknown, got "${text}"`);
  return text as BasisOpt;
}

/** `shakeout analyze subscribers PRODUCT`: paying subscribers and run rate from app-store revenue. */
export function addSubscribersCommand(analyze: Command, io: Output): void {
  currencyOptions(analyze
    .command('subscribers')
    .description('paying subscribers through the app stores and the annual run rate, from store revenue and price')
    .argument('<product>', 'the product (ChatGPT) or any name of it')
    .option('--basis <basis>', 'read store revenue as gross, net or unknown (both readings); default: as the facts record it', basis)
    .option('--samples <n>', 'Monte Carlo draws (default 10000)', sampleCount)
    .option('--seed <seed>', 'random seed (default "shakeout")')
    .option('--json', 'print the analysis as JSON (without samples)')
    .option('--save', 'write the results back to the ledger as derived facts (in US dollars)'))
    .action(async (product: string, opts: Opts, cmd: Command) => {
      const db = ledgerOptions(cmd, opts.save ? { writes: 'analyze subscribers --save' } : {});
      const options = { product, ...(opts.basis ? { basis: opts.basis } : {}), ...currencyRequest(opts) };
      // --save writes derived facts: the write use-case; otherwise the registry's analysis
      const { analysis: a, saved } = await withLedger(db, async (store) => opts.save
        ? runSubscribersAnalysis(store, { ...options, ...(opts.samples ? { samples: opts.samples } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}), save: true, hint: 'cli' })
        : { analysis: await runAnalysis('subscribers', analysisContext(store, { samples: opts.samples, seed: opts.seed, hint: 'cli' }), options), saved: [] });
      if (opts.json) {
        io.out(toJson(opts.save ? { ...analysisJson(a), saved } : analysisJson(a)));
        return;
      }
      const d = a.details;
      const lines: string[] = [];
      lines.push(`${a.title.en}`);
      lines.push(`period ${d.period} (${d.months} month${d.months === 1 ? '' : 's'}), price ${formatValue(d.price.monthly.value, 'USD', 'en', 'month')} (${d.price.factId}), basis: ${d.basis.used}${d.basis.requested ? ' (as asked)' : ` (as recorded: ${d.basis.recorded.join(', ')})`}`);
      lines.push('');
      lines.push(
        renderTable(d.stores, [
          { header: 'store', get: (s) => s.store },
          { header: 'fact', get: (s) => s.factId },
          { header: 'a month', get: (s) => formatValue(s.monthly.value, 'USD', 'en'), align: 'right' },
          { header: 'basis', get: (s) => s.basis },
          { header: 'commission (1st year / after)', get: (s) => `${s.commission.firstYear.rate * 100}% / ${s.commission.afterFirstYear.rate * 100}%` },
        ]),
      );
      lines.push('');
      lines.push('Readings (figures as written):');
      lines.push(
        renderTable(d.readings, [
          { header: 'reading', get: (r) => r.label.en },
          { header: 'commission', get: (r) => Object.entries(r.commission).map(([k, v]) => `${k} ${v}`).join(', '), max: 60 },
          { header: 'gross a month', get: (r) => formatValue(r.point.grossMonthly.value, 'USD', 'en'), align: 'right' },
          { header: 'subscribers', get: (r) => formatValue(r.point.subscribers, 'count', 'en'), align: 'right' },
          { header: 'a year', get: (r) => formatValue(r.point.annualRunRate.value, 'USD', 'en'), align: 'right' },
        ]),
      );
      lines.push('');
      lines.push(`Estimates with vendor error (${a.env!.sampleCount} draws, seed ${String(a.env!.seed)}):`);
      lines.push(renderEstimates(a.estimates));
      lines.push('');
      lines.push(renderAnalysisFooter(a));
      if (opts.save) {
        lines.push('');
        lines.push('Saved to the ledger:\n' + saved.map((s) => `  ${s.estimateId} -> ${s.factId}${s.added ? '' : ' (already there)'}`).join('\n'));
      }
      io.out(withAsOfHeader(a.asOf, lines.join('\n')));
    });
}
