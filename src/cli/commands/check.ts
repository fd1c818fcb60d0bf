import type { Command } from 'commander';
import { analysisContext, analysisJson, runAnalysis, withLedger } from '../../app/index.js';
import type { PlausibilityFlag } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';
import { toJson } from '../output.js';
import { renderAsOfFooter, withAsOfHeader } from '../render-analysis.js';

/**
 * `shakeout check [--json]`: flags what does not add up in the ledger.
 *
 * Exit code: 1 when at least one flag has severity `error` (a figure is
 * probably wrong), like a linter, so scripts and CI can stop on it; 0 when
 * there are only warnings and infos (their count is printed). Usage errors
 * are 2 as everywhere.
 */
export function registerCheck(program: Command, io: Output): void {
  program
    .command('check')
    .description('plausibility checks: conflicting sources, mixed periods, unknown basis, figures out of line, stored values that break the value rules; exit 1 on errors')
    .option('--json', 'print the analysis as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const db = ledgerOptions(cmd);
      const a = await withLedger(db, (store) => runAnalysis('checks', analysisContext(store, { hint: 'cli' }), {}));
      const { flags, counts } = a.details;
      if (opts.json) io.out(toJson(analysisJson(a)));
      else {
        const mark: Record<PlausibilityFlag['severity'], string> = { error: 'ERROR', warning: 'warn ', info: 'info ' };
        const lines = flags.map((f) => `${mark[f.severity]} [${f.check}] ${f.title.en}\n      facts: ${f.facts.join(', ')}\n      ${f.explanation.en}`);
        lines.push('', `${flags.length} flag${flags.length === 1 ? '' : 's'}: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info`);
        if (a.asOf) lines.push('', renderAsOfFooter(a.asOf));
        io.out(withAsOfHeader(a.asOf, lines.join('\n')));
      }
      if (counts.error > 0) process.exitCode = 1;
    });
}
