import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { currencyOptions, type CurrencyOpts } from '../options.js';
import { analysisContext, analysisJson, formatValue, runAnalysis, withLedger } from '../../app/index.js';
import type { FundingRow } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';
import { toJson } from '../output.js';
import { renderAnalysisFooter, renderEstimates, withAsOfHeader } from '../render-analysis.js';
import { renderTable } from '../table.js';

interface Opts extends CurrencyOpts { region?: string; segment?: string; constantDollars?: number; since?: number; json?: boolean }

function year(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new InvalidArgumentError(`expected a year such as 2024, got "${text}"`);
  return n;
}

const src = (r: FundingRow): string => (r.source.startsWith('Our World in Data') ? 'OWID (Quid)' : r.source);

/** `shakeout analyze funding`: deals, totals, average deal, growth and shares per market and source. */
export function addFundingCommand(analyze: Command, io: Output): void {
  currencyOptions(analyze
    .command('funding'), true)
    .description('funding markets: totals, deals, average deal, growth, segment shares; sources side by side')
    .option('--region <region>', 'China, World, US, Europe (default all)')
    .option('--segment <segment>', 'ai_production, ai_industry_applications, generative_ai, all')
    .option('--constant-dollars <year>', 'show money in constant US dollars of this year (CPI table)', year)
    .option('--since <year>', 'table rows from this year on (default 2022; --json has every row)', year)
    .option('--json', 'print the analysis as JSON (without samples)')
    .action(async (opts: Opts, cmd: Command) => {
      const db = ledgerOptions(cmd);
      const a = await withLedger(db, (store) => runAnalysis('funding', analysisContext(store, { hint: 'cli' }), {
        ...(opts.region !== undefined ? { region: opts.region } : {}),
        ...(opts.segment !== undefined ? { segment: opts.segment } : {}),
        ...(opts.currency ? { currency: opts.currency } : {}),
        ...(opts.constantDollars !== undefined ? { constantYear: opts.constantDollars } : {}),
      }));
      if (opts.json) {
        io.out(toJson(analysisJson(a)));
        return;
      }
      const d = a.details;
      const since = String(opts.since ?? 2022);
      const rows = d.rows.filter((r) => r.period.slice(0, 4) >= since);
      const money = `${d.view.currency}${d.view.constantYear !== null ? ` (constant ${d.view.constantYear})` : ' (nominal)'}`;
      const lines: string[] = [a.title.en, ''];
      lines.push(
        renderTable(rows, [
          { header: 'region', get: (r) => r.region },
          { header: 'segment', get: (r) => r.segment },
          { header: 'source', get: (r) => src(r), max: 22 },
          { header: 'period', get: (r) => r.period },
          { header: 'as written', get: (r) => r.funding?.asWritten ?? '-', max: 14 },
          { header: money, get: (r) => (r.funding?.shown ? formatValue(r.funding.shown.value, r.funding.shown.unit, 'en') : r.funding ? 'n/a' : '-'), align: 'right' },
          { header: 'deals', get: (r) => (r.deals ? String(r.deals.count) : '-'), align: 'right' },
          { header: 'avg deal', get: (r) => (r.averageDeal ? formatValue(r.averageDeal.value, r.averageDeal.unit, 'en') : '-'), align: 'right' },
          { header: 'growth', get: (r) => (r.growth ? `${r.growth.multiple.toFixed(2)}x vs ${r.growth.over}` : '-') },
        ]),
      );
      const hidden = d.rows.length - rows.length;
      if (hidden) lines.push(`(${hidden} earlier row${hidden === 1 ? '' : 's'}: --since YEAR or --json)`);
      if (a.estimates.length) {
        lines.push('', 'Estimates:', renderEstimates(a.estimates));
      }
      if (d.conversions.length) lines.push('', 'Conversions:', ...d.conversions.map((c) => `  ${c}`));
      lines.push('', renderAnalysisFooter(a));
      io.out(withAsOfHeader(a.asOf, lines.join('\n')));
    });
}
