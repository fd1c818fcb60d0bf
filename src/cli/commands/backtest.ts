import type { Command } from 'commander';
import { analysisContext, countNoun, forecastInputMedian, runAnalysis, ShakeoutError, withLedger } from '../../app/index.js';
import type { BacktestResult, BacktestScores } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import { wholeNumber } from '../options.js';
import type { Output } from '../output.js';
import { toJson } from '../output.js';
import { renderTable } from '../table.js';


interface BacktestOpts { horizon?: number; companies?: string[]; json?: boolean; seed?: string; paths?: number; today?: string; inputs?: boolean }

const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);
const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, d = 3): string => (x === null ? '-' : x.toFixed(d));

/**
 * `shakeout backtest --as-of DATE --horizon N`: the forecast model run on the
 * ledger as it stood at DATE, each company's P(out within N months) beside
 * what happened, scored against two baselines (docs/backtest.md).
 */
export function registerBacktest(program: Command, io: Output): void {
  program
    .command('backtest')
    .description('forecasts made from what was known on the day of --as-of (required), set beside what happened, scored against two baselines (docs/backtest.md)')
    .option('--horizon <months>', 'months after the as-of day over which an outcome counts (default 24)', wholeNumber('--horizon', 1, 600))
    .option('--companies <list>', 'companies, comma-separated, by any name (default: every company with a fact known at the date)', list)
    .option('--paths <n>', 'paths per company (default 10000)', wholeNumber('--paths', 1, 1_000_000))
    .option('--seed <seed>', 'random seed (default "shakeout")')
    .option('--today <date>', 'the day outcomes are judged on, YYYY-MM-DD (default: the clock\'s date)')
    .option('--inputs', 'also print each company\'s inputs at the as-of day (formula, median, status) and the notes on how they were read')
    .option('--json', 'print as JSON (each company with its inputs and notes)')
    .action(async (opts: BacktestOpts, c: Command) => {
      // The global --as-of is the day the forecasts are made; the ledger itself is opened whole, since what
      // happened after that day (the outcomes) is what the forecasts are scored against. runBacktest reads the
      // day's view (asOfStore) for the forecasts itself.
      const { asOf, includeUndated, ...ledger } = ledgerOptions(c);
      if (asOf === undefined) throw new ShakeoutError('backtest: expected --as-of DATE, the day the forecasts are made (YYYY-MM-DD), got none', { issues: [{ code: 'invalid_option', path: ['--as-of'], message: 'expected --as-of DATE' }], status: 400 });
      const r = await withLedger(ledger, (s) =>
        runAnalysis('backtest', analysisContext(s, { asOf, samples: opts.paths, seed: opts.seed, hint: 'cli' }), {
          ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}),
          ...(opts.companies ? { companies: opts.companies } : {}),
          ...(opts.today !== undefined ? { today: opts.today } : {}),
          ...(includeUndated ? { includeUndated: true } : {}),
        }));
      io.out(opts.json ? toJson(r) : renderBacktest(r, { inputs: opts.inputs === true }));
    });
}

/** The backtest as text: the table, the scores beside the baselines, the calibration, who was left out, and the verdict. */
export function renderBacktest(r: BacktestResult, show: { inputs?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Backtest as of ${r.asOf}: P(out within ${r.horizonMonths} months) from the facts published by then, against what happened by ${r.windowEnd} (judged on ${r.today})`);
  lines.push(`${r.paths} paths, seed ${String(r.seed)}; climate ${r.climate.name}: ${r.climate.reason.en}`);
  lines.push(undatedLine(r));
  lines.push('');
  if (r.companies.length) {
    lines.push(renderTable(r.companies, [
      { header: 'company', get: (c) => c.name, max: 24 },
      { header: 'P(out)', get: (c) => pct(c.pOut), align: 'right' },
      { header: 'base rate', get: (c) => pct(c.baselines.baseRate), align: 'right' },
      { header: 'months baseline', get: (c) => pct(c.baselines.monthsSinceRound), align: 'right' },
      { header: 'months since round', get: (c) => String(c.monthsSinceLastRound), align: 'right' },
      { header: 'observed', get: (c) => c.observed },
      { header: 'outcome', get: (c) => (c.outcomeType ? `${c.outcomeType} ${c.outcomeDate}` : c.observed === 'survived' ? 'none recorded' : '') },
    ]));
    for (const c of r.companies.filter((x) => x.observed === 'unknown')) lines.push(`  ${c.name}: unknown: ${c.reason.en}`);
    const unrecorded = r.companies.filter((x) => x.observed === 'survived' && !x.outcomeType);
    if (unrecorded.length) lines.push(`  ${unrecorded.map((c) => c.name).join(', ')}: survived because no outcome is recorded in the window: the ledger's outcomes are taken as complete up to today (record what happened with \`outcomes add\`).`);
    if (show.inputs) for (const c of r.companies) lines.push('', ...renderInputs(c));
  } else lines.push('No company had the inputs at the as-of day.');
  lines.push('');
  lines.push(`Scored: ${r.scored} compan${r.scored === 1 ? 'y' : 'ies'}, ${r.out} out.`);
  const score = (name: string, s: BacktestScores): { name: string; s: BacktestScores } => ({ name, s });
  lines.push(renderTable([
    score('model', { brier: r.brier, logLoss: r.logLoss, auc: r.auc, pairs: r.pairs }),
    score('base rate (leave-one-out)', r.baselines.baseRate),
    score('months since last round (logistic, leave-one-out)', r.baselines.monthsSinceRound),
  ], [
    { header: 'forecaster', get: (x) => x.name },
    { header: 'Brier', get: (x) => num(x.s.brier), align: 'right' },
    { header: 'log loss', get: (x) => num(x.s.logLoss), align: 'right' },
    { header: 'AUC', get: (x) => num(x.s.auc, 2), align: 'right' },
    { header: 'pairs', get: (x) => String(x.s.pairs), align: 'right' },
  ]));
  lines.push('(AUC: the months baseline ranks by the months since the last round themselves, with no fit; a base rate ranks nothing.)');
  if (r.calibration.length) {
    lines.push('');
    lines.push('Calibration of the model:');
    lines.push(renderTable(r.calibration, [
      { header: 'P(out) bin', get: (b) => `${pct(b.low)}-${pct(b.high)}` },
      { header: 'companies', get: (b) => String(b.count), align: 'right' },
      { header: 'mean P(out)', get: (b) => pct(b.meanPredicted), align: 'right' },
      { header: 'share out', get: (b) => pct(b.observedShare), align: 'right' },
    ]));
  }
  if (r.leftOut.outBefore.length) {
    lines.push('');
    lines.push('Left out, already out by the as-of day:');
    for (const o of r.leftOut.outBefore) lines.push(`  ${o.name}: ${o.outcomeType} ${o.outcomeDate}`);
  }
  if (r.leftOut.lacking.length) {
    lines.push('');
    lines.push('Left out, lacking inputs at the as-of day:');
    for (const l of r.leftOut.lacking) lines.push(`  ${l.name}: ${l.error ?? `needs ${l.how.map((h) => h.en).join('; ')}`}`);
  }
  lines.push('');
  lines.push(r.verdict.en);
  return lines.join('\n');
}

/**
 * How many facts the run reads have no publication date, and whose: "6 facts
 * with no publication date left out (--include-undated takes them in): 6 of
 * Global generative-AI startups (the funding climate's market); none of the 2
 * companies of the run. 48 more of other entities, which this run does not read."
 */
function undatedLine(r: BacktestResult): string {
  const n = r.undatedFacts;
  const companies = r.companies.length + r.leftOut.outBefore.length + r.leftOut.lacking.length;
  const whose = r.undated.map((u) => `${u.factIds.length} of ${u.name}${u.role === 'climate' ? ' (the funding climate\'s market)' : ''}`);
  // one company "has none", not "none of the company"
  if (!r.undated.some((u) => u.role === 'company')) whose.push(companies === 1 ? 'the company of the run has none' : `none of the ${companies} companies of the run`);
  const head = n === 0
    ? 'No fact the run reads lacks a publication date'
    : `${countNoun(n, 'fact')} with no publication date ${r.includeUndated ? 'taken in (--include-undated)' : 'left out (--include-undated takes them in)'}: ${whose.join('; ')}`;
  const elsewhere = r.undatedElsewhere ? ` ${r.undatedElsewhere} more of other entities, which this run does not read.` : '';
  return `${head}.${elsewhere}`;
}

/** One company's forecast inputs at the as-of day, and the notes on how they were read. */
function renderInputs(c: BacktestResult['companies'][number]): string[] {
  const f = c.fundability;
  return [
    `${c.name}: P(out) ${pct(c.pOut)}; chance of a round x${f.value.toFixed(2)} (months since the last round x${f.recency.toFixed(2)}, size x${f.size.toFixed(2)})`,
    renderTable(c.inputs, [
      { header: 'input', get: (x) => x.input },
      { header: 'status', get: (x) => x.status },
      { header: 'median', get: (x) => forecastInputMedian(x, 'en'), align: 'right' },
      { header: 'formula', get: (x) => x.formula, max: 110 },
    ]),
    ...c.notes.map((n) => `  - ${n.en}`),
  ];
}
