import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { analysisContext, analysisJson, formatValue, runAnalysis, ShakeoutError, withLedger } from '../../app/index.js';
import type { Analysis, AnalysisOptions, UnitEconomicsDetails } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';
import { currencyOptions, currencyRequest, sampleCount, type CurrencyOpts } from '../options.js';
import { toJson } from '../output.js';
import { renderAnalysisFooter, renderEstimates, withAsOfHeader } from '../render-analysis.js';
import { renderTable } from '../table.js';

interface Opts extends CurrencyOpts {
  price?: string; storeShare?: string; inferenceCost?: string; queriesPerUser?: string; costPerQuery?: string;
  fixedCosts?: string; trainingModel?: string; trainingCost?: string; amortiseMonths?: number; subscribers?: string;
  samples?: number; seed?: string; json?: boolean;
}

function positive(name: string, max: number): (text: string) => number {
  return (text: string) => {
    const n = Number(text);
    if (!(n > 0 && n <= max)) throw new InvalidArgumentError(`${name}: expected a number above 0 and at most ${max}, got "${text}"`);
    return n;
  };
}
/** `shakeout analyze unit-economics`: margin per paying user, break-even subscribers, payback. */
export function addUnitEconomicsCommand(analyze: Command, io: Output): void {
  currencyOptions(analyze
    .command('unit-economics')
    .description('margin per paying user, break-even subscribers and payback of a training run (each input a figure or a model expression)')
    .option('--price <value>', 'price a month, e.g. "19.99美元/月" (default: the ledger\'s ChatGPT Plus price, F21)')
    .option('--store-share <value>', 'share the store keeps, e.g. "30%" or "0.15 to 0.3" (default "15% to 30%")')
    .option('--inference-cost <value>', 'inference cost per paying user a month, with its currency, e.g. "about $5 a month" or "2 to 8 USD" (default 2 to 8 US dollars)')
    .option('--queries-per-user <value>', 'queries per paying user a month (with --cost-per-query, instead of --inference-cost)')
    .option('--cost-per-query <value>', 'inference cost per query, with its currency, e.g. "$0.004 to $0.012"')
    .option('--fixed-costs <value>', 'other fixed costs a month, e.g. "$50M a month"')
    .option('--training-model <name>', 'a model of the Epoch table whose training cost is amortised (default GPT-4; "none" for none)')
    .option('--training-cost <value>', 'a training cost written out, instead of a model\'s')
    .option('--amortise-months <n>', 'months the training cost is spread over (default 12)', positive('amortise months', 600))
    .option('--subscribers <value>', 'paying subscribers, for the payback (default: the ledger\'s ChatGPT Plus store subscribers, F22, when the price is the ledger\'s)')
    .option('--samples <n>', 'Monte Carlo draws (default 10000)', sampleCount)
    .option('--seed <seed>', 'random seed (default "shakeout")')
    .option('--json', 'print the analysis as JSON (without samples)'))
    .action(async (opts: Opts, cmd: Command) => {
      const req: AnalysisOptions<'unit-economics'> = {
        ...(opts.price ? { price: opts.price } : {}),
        ...(opts.storeShare ? { storeShare: opts.storeShare } : {}),
        ...(opts.inferenceCost ? { inferenceCost: opts.inferenceCost } : {}),
        ...(opts.queriesPerUser ? { queriesPerUser: opts.queriesPerUser } : {}),
        ...(opts.costPerQuery ? { costPerQuery: opts.costPerQuery } : {}),
        ...(opts.fixedCosts ? { fixedCosts: opts.fixedCosts } : {}),
        ...(opts.trainingModel ? { trainingModel: opts.trainingModel } : {}),
        ...(opts.trainingCost ? { trainingCost: opts.trainingCost } : {}),
        ...(opts.amortiseMonths !== undefined ? { amortiseMonths: opts.amortiseMonths } : {}),
        ...(opts.subscribers ? { subscribers: opts.subscribers } : {}),
        ...currencyRequest(opts),
      };
      if ((opts.queriesPerUser === undefined) !== (opts.costPerQuery === undefined)) {
        throw new InvalidArgumentError('give --queries-per-user and --cost-per-query together');
      }
      const a = await withLedger(ledgerOptions(cmd), (store) => runAnalysis('unit-economics', analysisContext(store, { samples: opts.samples, seed: opts.seed, hint: 'cli' }), req)).catch((e: unknown) => {
        throw withOptionName(e);
      });
      io.out(opts.json ? toJson(analysisJson(a)) : withAsOfHeader(a.asOf, renderUnitEconomics(a)));
    });
}

/** The option that sets each input of the analysis. */
const OPTION_OF: Readonly<Record<string, string>> = {
  price: '--price',
  storeShare: '--store-share',
  inferenceCost: '--inference-cost',
  queriesPerUser: '--queries-per-user',
  costPerQuery: '--cost-per-query',
  fixedCosts: '--fixed-costs',
  trainingCost: '--training-cost',
  subscribers: '--subscribers',
  amortiseMonths: '--amortise-months',
};

/** An input error of the analysis ('storeShare: expected ...') as the option the user typed ('--store-share: expected ...'). */
function withOptionName(e: unknown): unknown {
  if (!(e instanceof ShakeoutError)) return e;
  const name = e.issues[0]?.path[0];
  const option = typeof name === 'string' ? OPTION_OF[name] : undefined;
  if (option === undefined || !e.message.startsWith(`${String(name)}: `)) return e;
  const message = `${option}: ${e.message.slice(String(name).length + 2)}`;
  return new ShakeoutError(message, { status: e.status, issues: e.issues.map((i) => ({ ...i, message: i.message.startsWith(`${String(name)}: `) ? message : i.message })) });
}

/** The human rendering of a unit-economics analysis. */
export function renderUnitEconomics(a: Analysis<UnitEconomicsDetails>): string {
  const d = a.details;
  const val = (x: number, unit: Parameters<typeof formatValue>[1], per: Parameters<typeof formatValue>[3]) => formatValue(x, unit, 'en', per);
  const lines: string[] = [a.title.en, ''];
  if (d.answer) lines.push(d.answer.en, '');
  lines.push('Inputs:');
  lines.push(
    renderTable(d.inputs, [
      { header: 'input', get: (r) => r.name },
      { header: 'as written', get: (r) => r.text, max: 40 },
      { header: 'status', get: (r) => r.status + (r.factId ? ` (${r.factId})` : '') },
      { header: 'median', get: (r) => val(r.p50, r.unit, r.per), align: 'right' },
      { header: '90% interval', get: (r) => (r.p5 === r.p95 ? 'exact' : `${val(r.p5, r.unit, null)} to ${val(r.p95, r.unit, null)}`) },
    ]),
  );
  lines.push('');
  lines.push(`Results (${a.env?.sampleCount ?? 0} draws, seed ${String(a.env?.seed ?? '-')}; training amortised over ${d.amortiseMonths} months):`);
  lines.push(renderEstimates(a.estimates));
  if (d.breakEvenByTrainingCost.length > 1) {
    lines.push('');
    lines.push('Break-even by reading of the training cost (medians):');
    lines.push(
      renderTable(d.breakEvenByTrainingCost, [
        { header: 'training cost reading', get: (r) => r.label, max: 60 },
        { header: 'cost', get: (r) => val(r.trainingCost, 'USD', null), align: 'right' },
        { header: 'subscribers', get: (r) => val(r.subscribers, 'count', null), align: 'right' },
      ]),
    );
  }
  if (d.probabilityNegativeMargin > 0) lines.push('', `A paying user loses money in ${(d.probabilityNegativeMargin * 100).toFixed(1)}% of draws: no number of subscribers breaks even there.`);
  if (d.probabilityNeverPaysBack) lines.push(`The subscribers never pay back the training run in ${(d.probabilityNeverPaysBack * 100).toFixed(1)}% of draws.`);
  lines.push('');
  lines.push(renderAnalysisFooter(a));
  return lines.join('\n');
}
