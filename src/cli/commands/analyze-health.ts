import type { Command } from 'commander';
import { analysisContext, analysisJson, formatValue, runAnalysis, runHealthAnalysis, withLedger } from '../../app/index.js';
import type { Analysis, Estimate, HealthDetails } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';
import { currencyOptions, currencyRequest, sampleCount, type CurrencyOpts } from '../options.js';
import { assumptionsFile } from '../assumptions-file.js';
import { toJson } from '../output.js';
import { renderAnalysisFooter, withAsOfHeader } from '../render-analysis.js';
import { renderTable } from '../table.js';

interface Opts extends CurrencyOpts { samples?: number; seed?: string; json?: boolean; save?: boolean; withAssumptions?: boolean; assumptions?: string }

const v = (e: Estimate, x: number): string => formatValue(x, e.unit, 'en', e.per);

/** A value of an estimate that may have infinite draws: the word for infinity ('never', 'not burning'), never '∞' or 'Infinityx'. */
function val(e: Estimate, x: number, d: HealthDetails): string {
  if (Number.isFinite(x)) return v(e, x);
  const u = d.unbounded?.find((b) => b.estimateId === e.id);
  return x > 0 ? (u?.meaning.en ?? 'unbounded') : Number.isNaN(x) ? '-' : '-unbounded';
}

/** `shakeout analyze health COMPANY`: burn, runway, multiples, default alive, from what the ledger holds. */
export function addHealthCommand(analyze: Command, io: Output): void {
  currencyOptions(analyze
    .command('health')
    .description('company health: net burn, runway, revenue multiple, capital efficiency, burn multiple, rule of 40, default alive; with --as-of DATE, the ledger as of that day and cash spent down to it (default: the assumptions file\'s as_of, else the latest facts)')
    .argument('<company>', 'the company, by any name or alias (OpenAI, 月之暗面)')
    .option('--samples <n>', 'Monte Carlo draws (default 10000)', sampleCount)
    .option('--seed <seed>', 'random seed (default "shakeout")')
    .option('--with-assumptions', 'fill inputs the ledger lacks (cash, revenue, growth, costs) from data/survival-assumptions.yaml')
    .option('--assumptions <file>', 'fill inputs the ledger lacks from this survival assumptions file')
    .option('--json', 'print the analysis as JSON (without samples)')
    .option('--save', 'write net burn back to the ledger as a derived fact (when it rests on facts only, in US dollars)'))
    .action(async (company: string, opts: Opts, cmd: Command) => {
      // --as-of (global) is both the ledger as of that day and the day the inputs describe: cash is spent down to it.
      // --save writes a derived fact: the write use-case; otherwise the registry's analysis
      const assumptions = opts.assumptions ? assumptionsFile(opts.assumptions) : opts.withAssumptions ? { assumptions: true } : {};
      const { analysis: a, saved, unsaved } = await withLedger(ledgerOptions(cmd, opts.save ? { writes: 'analyze health --save' } : {}), async (store) => opts.save
        ? runHealthAnalysis(store, {
          company,
          ...(opts.samples ? { samples: opts.samples } : {}),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          ...(opts.assumptions ? { assumptions: opts.assumptions } : opts.withAssumptions ? { assumptions: true } : {}),
          save: true,
          hint: 'cli',
          ...currencyRequest(opts),
        })
        : { analysis: await runAnalysis('health', analysisContext(store, { samples: opts.samples, seed: opts.seed, hint: 'cli' }), { company, ...assumptions, ...currencyRequest(opts) }), saved: [], unsaved: null });
      if (opts.json) {
        io.out(toJson(opts.save ? { ...analysisJson(a), saved } : analysisJson(a)));
        return;
      }
      const lines = [renderHealth(a)];
      if (opts.save) {
        lines.push('');
        lines.push(saved.length ? 'Saved to the ledger:\n' + saved.map((s) => `  ${s.estimateId} -> ${s.factId}${s.added ? '' : ' (already there)'}`).join('\n') : `Saved to the ledger: ${unsaved ?? 'nothing'}`);
      }
      io.out(withAsOfHeader(a.asOf, lines.join('\n')));
    });
}

/** The human rendering of a health analysis. */
export function renderHealth(a: Analysis<HealthDetails>): string {
  const d = a.details;
  const byId = new Map(a.estimates.map((e) => [e.id, e]));
  const lines: string[] = [];
  lines.push(`${a.title.en}${d.company.nameZh && d.company.nameZh !== d.company.nameEn ? ` (${d.company.nameZh})` : ''}`);
  lines.push('');
  lines.push('Inputs:');
  lines.push(
    renderTable(d.inputs, [
      { header: 'input', get: (r) => r.label.en },
      { header: 'status', get: (r) => r.status },
      { header: 'median', get: (r) => { const e = r.estimateId ? byId.get(r.estimateId) : undefined; return e ? val(e, e.p50, d) : '-'; }, align: 'right' },
      { header: '90% interval', get: (r) => { const e = r.estimateId ? byId.get(r.estimateId) : undefined; return e ? (e.p5 === e.p95 ? 'exact' : `${val(e, e.p5, d)} to ${val(e, e.p95, d)}`) : '-'; } },
      { header: 'facts', get: (r) => r.factIds.join(', ') || '-' },
    ]),
  );
  const results = a.estimates.filter((e) => !e.id.startsWith('input.'));
  if (results.length) {
    lines.push('');
    lines.push(`Results (${a.env?.sampleCount ?? 0} draws, seed ${String(a.env?.seed ?? '-')}):`);
    lines.push(renderTable(results, [
      { header: 'estimate', get: (e) => e.label.en, max: 70 },
      { header: 'mean', get: (e) => (Number.isFinite(e.mean) ? v(e, e.mean) : '-'), align: 'right' },
      { header: 'p5', get: (e) => val(e, e.p5, d), align: 'right' },
      { header: 'p50', get: (e) => val(e, e.p50, d), align: 'right' },
      { header: 'p95', get: (e) => val(e, e.p95, d), align: 'right' },
    ]));
    const unbounded = d.unbounded ?? [];
    for (const u of unbounded) {
      const e = byId.get(u.estimateId);
      if (e) lines.push(`  ${e.label.en}: ${u.meaning.en} in ${pct(u.share)} of draws (mean not defined)`);
    }
  }
  const verdicts: string[] = [];
  if (d.burnMultipleBand) verdicts.push(`burn multiple: ${d.burnMultipleBand} (Sacks: <1 amazing, 1-1.5 great, 1.5-2 good, 2-3 suspect, >3 bad)`);
  if (d.probabilityRuleOf40 !== null) verdicts.push(`rule of 40: passes in ${pct(d.probabilityRuleOf40)} of draws`);
  if (d.probabilityDefaultAlive !== null) verdicts.push(`default alive: in ${pct(d.probabilityDefaultAlive)} of draws (C <= cash)`);
  if (verdicts.length) lines.push('', ...verdicts);
  if (d.missing.length) {
    lines.push('');
    lines.push('Missing to answer better:');
    for (const m of d.missing) lines.push(`  - ${m.en}`);
  }
  lines.push('');
  lines.push(renderAnalysisFooter(a));
  return lines.join('\n');
}

function pct(x: number): string {
  return `${+(x * 100).toPrecision(3)}%`;
}
