import type { Command } from 'commander';
import { addOutcome, importOutcomesFile, listOutcomes, OUTCOME_TYPES, storeAsOf, withLedger } from '../../app/index.js';
import type { ClassifiedOutcome, Outcome, OutcomeImportResult, OutcomeVerdict } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import { asOfOutput } from '../render-analysis.js';
import type { Output } from '../output.js';
import { toJson } from '../output.js';
import { renderTable } from '../table.js';

interface AddOpts { entity: string; type: string; date: string; detail: string; source: string; title?: string; url: string; published: string; publishedEstimated?: string; out?: string; json?: boolean }

const outcomeLine = (o: Outcome): string => `${o.entity} ${o.date} ${o.type}: ${o.detail} (${o.source.publisher}, ${o.source.published}) [${o.id}]`;

function renderResult(r: OutcomeImportResult): string {
  const lines: string[] = [];
  for (const o of r.added) lines.push(`added ${outcomeLine(o)}`);
  for (const o of r.unchanged) lines.push(`unchanged ${outcomeLine(o)}`);
  lines.push(`${r.added.length} added, ${r.unchanged.length} unchanged.`);
  return lines.join('\n');
}

/** The class of an outcome as the list shows it, with why where the type does not decide. */
function verdictText(v: OutcomeVerdict): string {
  if (v.decidedBy === 'out_column_missing') return 'undecided (no out column)';
  if (v.decidedBy === 'out_column_contradicts_type') return 'undecided (out contradicts type)';
  if (v.decidedBy === 'records_disagree') return 'undecided (its records disagree)';
  if (v.decidedBy === 'same_event') return `${v.class} (another record of the event)`;
  return v.decidedBy === 'out_column' ? `${v.class} (out column)` : v.class;
}

/**
 * `shakeout outcomes add | import | list`: what happened to a company (a
 * round, a listing, a licence-and-hire deal, a shutdown...), with its source,
 * and what the rule of docs/outcomes.md makes of it.
 */
export function registerOutcomes(program: Command, io: Output): void {
  const cmd = program.command('outcomes').description('what happened to a company (rounds, listings, licensing deals, recapitalisations, pivots, shutdowns), with sources');
  cmd
    .command('add')
    .description('add one outcome with its source')
    .requiredOption('--entity <name>', 'the company, by any name the ledger knows')
    .requiredOption('--type <type>', `one of ${OUTCOME_TYPES.join(', ')}`)
    .requiredOption('--date <date>', 'when it happened, YYYY-MM-DD (or YYYY-MM)')
    .requiredOption('--detail <text>', 'what happened, in a few words')
    .requiredOption('--source <publisher>', 'who reported it')
    .requiredOption('--url <url>', 'the address of the report')
    .requiredOption('--published <date>', 'when the report was published')
    .option('--title <text>', 'the title of the report')
    .option('--published-estimated <yes|no>', 'yes when the page showed no date and --published is inferred')
    .option('--out <yes|no>', 'whether it put the company out of the race; needed for acquisition, recapitalization and pivot (docs/outcomes.md)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: AddOpts, c: Command) => {
      const r = await withLedger(ledgerOptions(c, { writes: 'outcomes add' }), (s) =>
        addOutcome(s, {
          entity: opts.entity, type: opts.type, date: opts.date, detail: opts.detail, source: opts.source, url: opts.url, published: opts.published,
          ...(opts.title !== undefined ? { title: opts.title } : {}),
          ...(opts.publishedEstimated !== undefined ? { publishedEstimated: opts.publishedEstimated } : {}),
          ...(opts.out !== undefined ? { out: opts.out } : {}),
        }));
      io.out(opts.json ? toJson(r) : renderResult(r));
    });
  cmd
    .command('import')
    .description('add outcomes from a CSV (the columns of company-outcomes.csv), JSON or YAML file, all or nothing')
    .argument('<file>', 'the file (.csv, .json, .yaml or .yml)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, c: Command) => {
      const r = await withLedger(ledgerOptions(c, { writes: 'outcomes import' }), (s) => importOutcomesFile(s, file));
      io.out(opts.json ? toJson(r) : renderResult(r));
    });
  cmd
    .command('list')
    .description('the outcomes, by company and date, each with its class: out of the race, still in, a signal, or undecided')
    .option('--entity <name>', 'one company')
    .option('--json', 'print as JSON')
    .action(async (opts: { entity?: string; json?: boolean }, c: Command) => {
      const { r, asOf } = await withLedger(ledgerOptions(c), async (s) => ({ r: await listOutcomes(s, opts.entity !== undefined ? { entity: opts.entity } : {}), asOf: storeAsOf(s) }));
      if (opts.json) {
        io.out(asOfOutput(asOf, true, 'outcomes', r, () => ''));
        return;
      }
      const lines = [renderTable<ClassifiedOutcome>(r, [
        { header: 'entity', get: (o) => o.entity, max: 20 },
        { header: 'date', get: (o) => o.date },
        { header: 'type', get: (o) => o.type },
        { header: 'class', get: (o) => verdictText(o.verdict) },
        { header: 'detail', get: (o) => o.detail, max: 50 },
        { header: 'source', get: (o) => `${o.source.publisher}, ${o.source.published}${o.source.publishedEstimated ? ' (date inferred)' : ''}`, max: 40 },
      ])];
      lines.push('');
      lines.push(`${r.length} outcome${r.length === 1 ? '' : 's'}. Which types mean out of the race: docs/outcomes.md; add --out yes|no where the type does not decide.`);
      io.out(asOfOutput(asOf, false, 'outcomes', r, () => lines.join('\n')));
    });
}
