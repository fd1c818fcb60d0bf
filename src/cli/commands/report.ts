import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { runReport, ShakeoutError, type Lang, type ReportFormat, withLedger } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import { currencyOptions, currencyRequest, language, wholeNumber, type CurrencyOpts } from '../options.js';
import type { Output } from '../output.js';

interface Opts extends CurrencyOpts { lang?: Lang; format?: ReportFormat; out?: string; companies?: string[]; assumptions?: string; seed?: string; samples?: number }

function format(text: string): ReportFormat {
  if (text !== 'md' && text !== 'html' && text !== 'json') throw new InvalidArgumentError(`expected md, html or json, got "${text}"`);
  return text;
}
/** Draws per estimate and paths per company: at least 100 so the histogram and intervals mean something. */
const samples = wholeNumber('--samples', 100, 1_000_000);
function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

const EXTENSIONS: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json' };

/**
 * The format to write: --format, else the one --out's extension names. A
 * --format that contradicts the extension (Markdown into report.html) is a
 * usage error rather than a file that lies about its content.
 */
export function reportFormat(format: ReportFormat | undefined, out: string | undefined): ReportFormat | undefined {
  const ext = out ? /\.[^./\\]+$/.exec(out)?.[0]?.toLowerCase() : undefined;
  const implied = ext ? EXTENSIONS[ext] : undefined;
  const bad = (message: string) => new ShakeoutError(message, { status: 400, issues: [{ code: 'invalid_option', path: ['--out'], message }] });
  if (out && ext && !implied) throw bad(`--out ${out}: expected a file ending in .md, .html or .json, got "${ext}"`);
  if (format && implied && format !== implied) throw bad(`--out ${out} ends in ${ext} but --format is ${format}: drop --format or change the extension`);
  return format ?? implied;
}

/** `shakeout report`: the analysis as a document in Chinese or English, every number with its derivation. */
export function registerReport(program: Command, io: Output): void {
  currencyOptions(program
    .command('report')
    .description('the analysis as a report (Markdown, HTML or JSON) in Chinese or English, with charts; every number cites its facts and formula')
    .option('--lang <lang>', 'zh or en (default en)', language)
    .option('--format <format>', 'md, html or json (default md)', format)
    .option('--out <path>', 'write the report here (Markdown: charts in <name>-charts/ beside it); default: print it')
    .option('--companies <list>', 'companies the report is about, comma-separated, by any name; its title, introduction and summary come from their figures (default: the article\'s)', list)
    .option('--assumptions <file>', 'survival assumptions file (YAML or JSON, as for simulate survival) instead of data/survival-assumptions.yaml')
    .option('--seed <seed>', 'random seed (default "shakeout")')
    .option('--samples <n>', 'draws per estimate and paths per company (default 10000)', samples))
    .action(async (opts: Opts, cmd: Command) => {
      const fmt = reportFormat(opts.format, opts.out);
      const r = await withLedger(ledgerOptions(cmd), (store) => runReport(store, {
        ...(opts.lang ? { lang: opts.lang } : {}),
        ...(fmt ? { format: fmt } : {}),
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.companies ? { companies: opts.companies } : {}),
        ...(opts.assumptions ? { assumptions: opts.assumptions } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.samples !== undefined ? { samples: opts.samples } : {}),
        ...currencyRequest(opts),
        hint: 'cli',
      }));
      if (!opts.out) {
        io.out(r.text);
        return;
      }
      const charts = r.written.length - 1;
      io.out(`wrote ${r.written[0]}${charts ? ` and ${charts} chart${charts === 1 ? '' : 's'} in ${r.written[1]!.replace(/[\\/][^\\/]+$/, '')}` : ''}`);
    });
}
