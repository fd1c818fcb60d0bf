import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { analysisContext, analysisJson, formatValue, runAnalysis, withLedger } from '../../app/index.js';
import type { Analysis, ClimateName, SurvivalDetails } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';
import { currencyOptions, currencyRequest, wholeNumber, type CurrencyOpts } from '../options.js';
import { assumptionsFile } from '../assumptions-file.js';
import { toJson } from '../output.js';
import { detailMoney, renderAnalysisFooter, withAsOfHeader } from '../render-analysis.js';
import { resample, sparkline } from '../sparkline.js';
import { renderTable } from '../table.js';

interface Opts extends CurrencyOpts {
  companies?: string[]; ledgerCompanies?: boolean; horizon?: number; paths?: number; seed?: string; climate?: ClimateName | 'auto';
  climateMarket?: string; fundingGrowth?: number; assumptions?: string; json?: boolean;
}

function climate(text: string): ClimateName | 'auto' {
  if (text !== 'cold' && text !== 'neutral' && text !== 'hot' && text !== 'auto') throw new InvalidArgumentError(`expected auto, cold, neutral or hot, got "${text}"`);
  return text;
}
function ratio(text: string): number {
  const n = Number(text);
  if (!(n > 0 && Number.isFinite(n))) throw new InvalidArgumentError(`expected funding this year / last year as a positive number (0.7 = down 30%), got "${text}"`);
  return n;
}
function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `shakeout simulate ...`: simulations (survival: the shakeout). */
export function registerSimulate(program: Command, io: Output): void {
  const simulate = program.command('simulate').description('run a simulation: survival (the shakeout)');
  currencyOptions(simulate
    .command('survival')
    .description('the shakeout: month by month, who runs out of cash, with revenue, costs and funding rounds uncertain')
    .option('--companies <list>', 'companies, comma-separated, by any name (default: all of the assumptions file)', list)
    .option('--ledger-companies', 'with no --companies: also every other company the ledger has facts about, simulated on its own facts or listed as not simulated with the inputs it lacks (as the dashboard\'s board)')
    .option('--horizon <months>', 'months to simulate (default 60)', wholeNumber('--horizon', 1, 600))
    .option('--paths <n>', 'paths per company (default 10000)', wholeNumber('--paths', 1, 1_000_000))
    .option('--seed <seed>', 'random seed (default "shakeout")')
    .option('--climate <climate>', 'funding climate: auto derives it from the ledger (year-on-year growth of funding, one source, the latest year; below x0.8 cold, above x1.25 hot), or set it: cold, neutral, hot (default neutral)', climate)
    .option('--climate-market <name>', 'with --climate auto: the market whose funding sets the climate (default genai-startups-global)')
    .option('--funding-growth <ratio>', 'derive the climate from funding this year / last year you give (below 0.8 cold, above 1.25 hot)', ratio)
    .option('--assumptions <file>', 'assumptions file (YAML or JSON) instead of data/survival-assumptions.yaml')
    .option('--json', 'print the analysis as JSON'))
    .action(async (opts: Opts, cmd: Command) => {
      const assumptions = opts.assumptions ? assumptionsFile(opts.assumptions) : {};
      const a = await withLedger(ledgerOptions(cmd), (store) => runAnalysis('survival', analysisContext(store, { samples: opts.paths, seed: opts.seed, hint: 'cli' }), {
        ...(opts.companies ? { companies: opts.companies } : {}),
        ...(opts.ledgerCompanies ? { ledgerCompanies: true } : {}),
        ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}),
        ...(opts.climate ? { climate: opts.climate } : {}),
        ...(opts.climateMarket ? { climateMarket: opts.climateMarket } : {}),
        ...(opts.fundingGrowth !== undefined ? { fundingGrowth: opts.fundingGrowth } : {}),
        ...assumptions,
        ...currencyRequest(opts),
      }));
      io.out(opts.json ? toJson(analysisJson(a)) : withAsOfHeader(a.asOf, renderSurvival(a)));
    });
}

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(x > 0 && x < 0.01 ? 1 : 0)}%`);
const signed = (x: number): string => `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(2)}`;
const DRIVER_LABEL: Record<string, string> = {
  cash: 'cash', revenue: 'revenue', revenueGrowth: 'revenue growth', costs: 'costs', costGrowth: 'cost growth', roundSize: 'round size',
};

/** The human rendering of a survival analysis. */
export function renderSurvival(a: Analysis<SurvivalDetails>): string {
  const d = a.details;
  const H = d.horizonMonths;
  const lines: string[] = [a.title.en];
  lines.push(
    `climate ${d.climate.name}: a company seeking money closes a round with chance ${pct(d.climate.roundProbabilityPerMonth)} a month, rounds x${d.climate.sizeMultiplier}` +
      (d.climateReason ? ` (${d.climateReason.en})` : ''),
  );
  lines.push(`${d.paths} paths, seed ${String(d.seed)}, ${H} months from ${d.asOf}; assumptions: ${d.assumptionsFile}; simulated in ${d.elapsedMs.toFixed(0)} ms`);
  lines.push('');
  const months = survivalMonths(H);
  const within = ([12, 24, 36] as const).filter((m) => m <= H);
  lines.push('Survival S(t): share of paths with cash left after t months; P(out<=m): share out of cash within m months');
  lines.push(
    renderTable(d.companies, [
      { header: 'company', get: (c) => c.name },
      ...months.map((m) => ({ header: `S(${m})`, get: (c: (typeof d.companies)[number]) => pct(c.survival[m]), align: 'right' as const })),
      ...within.map((m) => ({ header: `P(out<=${m}m)`, get: (c: (typeof d.companies)[number]) => pct(c.pOutWithin[m]), align: 'right' as const })),
      { header: 'median month out', get: (c) => (c.medianMonthOut === null ? `beyond ${H}` : String(c.medianMonthOut)), align: 'right' },
      { header: `curve 0..${H}`, get: (c) => sparkline(resample(c.survival, 24)) },
    ]),
  );
  lines.push('');
  lines.push(`Ranking by P(survive ${d.rankedAt} months):`);
  lines.push(renderTable(d.ranking, [
    { header: '#', get: (r) => String(r.rank), align: 'right' },
    { header: 'company', get: (r) => r.name },
    { header: `P(survive ${d.rankedAt}m)`, get: (r) => pct(r.pSurvive), align: 'right' },
    { header: 'rounds / path', get: (r) => d.companies.find((c) => c.id === r.id)!.meanRounds.toFixed(2), align: 'right' },
    { header: 'raised / path', get: (r) => detailMoney(a, d.companies.find((c) => c.id === r.id)!.meanRaised), align: 'right' },
  ]));
  lines.push('');
  // where the inputs start, and who is not ranked: said with the figures (docs/as-of.md)
  lines.push('Start of the inputs:');
  for (const l of d.startLines) lines.push(`  ${l.en}`);
  if (d.out.length) {
    lines.push('Not ranked, out of the race (by their start; one on its own latest facts, by any outcome recorded):');
    for (const o of d.out) lines.push(`  ${o.text.en}`);
  }
  if (d.leftOut.length) {
    lines.push('Left out, lacking inputs at their start:');
    for (const x of d.leftOut) lines.push(`  ${x.text.en}`);
  }
  lines.push('');
  lines.push('What drives the risk (rank correlation with the month of running out; + keeps the company alive longer):');
  lines.push(renderTable(d.companies, [
    { header: 'company', get: (c) => c.name },
    { header: 'drivers, strongest first', get: (c) => (c.drivers.length ? c.drivers.slice(0, 4).map((x) => `${DRIVER_LABEL[x.input] ?? x.input} ${signed(x.spearman)}`).join(', ') : '-') },
  ]));
  lines.push('');
  lines.push(`Inputs (a month; growth a month${a.currency ? '; money in US dollars, as the inputs are given' : ''}):`);
  const rows = d.companies.flatMap((c) => c.inputs.map((r) => ({ c, r })));
  lines.push(renderTable(rows, [
    { header: 'company', get: ({ c, r }) => (r === c.inputs[0] ? c.name : '') },
    { header: 'input', get: ({ r }) => DRIVER_LABEL[r.input] ?? r.input },
    { header: 'status', get: ({ r }) => r.status + (r.factIds.length ? ` (${r.factIds[0]}${r.factIds.length > 1 ? ` +${r.factIds.length - 1}` : ''})` : '') },
    { header: 'as written', get: ({ r }) => r.text, max: 24 },
    { header: 'p5', get: ({ r }) => fmt(r.input, r.p5), align: 'right' },
    { header: 'p50', get: ({ r }) => fmt(r.input, r.p50), align: 'right' },
    { header: 'p95', get: ({ r }) => fmt(r.input, r.p95), align: 'right' },
  ]));
  // the backtest's model reads facts alone (its fallbacks, the same for every company): it may give another cash and costs
  if (rows.some(({ r }) => r.status === 'assumed')) {
    lines.push(`Inputs marked assumed are stated assumptions (${d.assumptionsFile}); \`shakeout backtest\` forecasts from facts alone, so its cash and costs for a company may differ (why: docs/backtest.md).`);
  }
  lines.push('');
  lines.push(renderAnalysisFooter({ ...a, estimates: [] }));
  return lines.join('\n');
}

/** The months of the S(t) columns: 6, 12, 24, 36 within the horizon, then the horizon itself, each once. */
export function survivalMonths(horizon: number): number[] {
  return [...new Set([...[6, 12, 24, 36].filter((m) => m <= horizon), horizon])];
}

function fmt(input: string, x: number): string {
  return input === 'revenueGrowth' || input === 'costGrowth' ? formatValue(x, 'percent', 'en') : formatValue(x, 'USD', 'en');
}
