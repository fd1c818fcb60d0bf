import fs from 'node:fs';
import type { Command } from 'commander';
import { runModelFile, formatCompact, groupThousands, modelRunJson, ShakeoutError, type RunModelFileResult, type Store } from '../../app/index.js';
import { type Output, toJson } from '../output.js';
import { ledgerOptions } from '../globals.js';
import { renderAsOfFooter, withAsOfHeader } from '../render-analysis.js';
import { renderTable } from '../table.js';
import { ProgressBar } from '../progress.js';
import { sparkline } from '../sparkline.js';
import { sampleCount, wholeNumber } from '../options.js';

/** A histogram as one line of block characters, scaled to its tallest bin: ▁▂▅█▆▃▁. */
function histogramLine(counts: readonly number[]): string {
  const max = Math.max(...counts, 1);
  return sparkline(counts.map((c) => c / max));
}

const n = (x: number) => formatCompact(x, 'en', 4);

/** The JSON of `shakeout run --json`: app's modelRunJson (the API's, without histograms). */
export const runJson = (r: RunModelFileResult) => modelRunJson(r);

function human(r: RunModelFileResult): string {
  const dists = r.outputs.filter((o) => o.type === 'dist');
  const scalars = r.outputs.filter((o) => o.type === 'scalar');
  const out: string[] = [];
  if (dists.length) {
    out.push(renderTable(dists, [
      { header: 'output', get: (o) => o.name },
      { header: 'mean', get: (o) => n(o.summary.mean), align: 'right' },
      { header: 'p5', get: (o) => n(o.summary.p5), align: 'right' },
      { header: 'p50', get: (o) => n(o.summary.p50), align: 'right' },
      { header: 'p95', get: (o) => n(o.summary.p95), align: 'right' },
      { header: 'histogram (p1 to p99)', get: (o) => `${n(o.histogram.edges[0]!)} ${histogramLine(o.histogram.counts)} ${n(o.histogram.edges[o.histogram.edges.length - 1]!)}` },
    ]));
    for (const o of dists) if (o.summary.nanCount) out.push(`warning: ${o.name} has ${o.summary.nanCount} samples that are not numbers (NaN), left out of its summary`);
  }
  for (const o of dists) {
    if (!o.drivers?.length) continue;
    out.push('', `what drives ${o.name} (its median below each input's p5 and above its p95; Spearman rank correlation):`);
    out.push(renderTable(o.drivers, [
      { header: 'input', get: (d) => d.name },
      { header: 'below p5', get: (d) => n(d.low), align: 'right' },
      { header: 'above p95', get: (d) => n(d.high), align: 'right' },
      { header: 'swing', get: (d) => (d.swing >= 0 ? '+' : '') + n(d.swing), align: 'right' },
      { header: 'spearman', get: (d) => (Number.isNaN(d.spearman) ? '-' : d.spearman.toFixed(2)), align: 'right' },
    ]));
  }
  if (scalars.length) {
    if (out.length) out.push('');
    out.push(renderTable(scalars, [{ header: 'output', get: (o) => o.name }, { header: 'value', get: (o) => String(Number(o.value.toPrecision(6))), align: 'right' }]));
  }
  if (r.resolved.length) {
    out.push('', 'facts read from the ledger:');
    for (const x of r.resolved) {
      out.push(`  fact("${x.request.entity}", "${x.request.metric}"${x.request.period ? `, "${x.request.period}"` : ''}) = ${x.fact.id} "${x.fact.valueText}" (${x.fact.figure.qualifier}; ${x.fact.source.publisher}${x.fact.source.published ? ', ' + x.fact.source.published : ''})${x.toUsd ? `, read in US dollars: ${x.toUsd.note}` : ''}` +
        x.leftAside.map((o) => `\n    also matched ${o.fact.id}, left aside: ${o.reason.en}`).join(''));
    }
  }
  out.push('', `${groupThousands(r.sampleCount)} samples, seed ${JSON.stringify(r.seed)}, ${r.threads} thread${r.threads > 1 ? 's' : ''}, ${r.timings.total.toFixed(0)} ms`);
  return out.join('\n');
}

/** Writes the raw samples of every distribution output as CSV: one column per output, one row per draw. */
export async function writeSamplesCsv(path: string, r: RunModelFileResult): Promise<void> {
  const dists = r.outputs.filter((o) => o.type === 'dist');
  if (!dists.length) throw new ShakeoutError(`--samples-out ${path}: the model has no distribution output to write`, { status: 400 });
  const lines: string[] = ['sample,' + dists.map((o) => (/[",\n]/.test(o.name) ? `"${o.name.replace(/"/g, '""')}"` : o.name)).join(',')];
  for (let i = 0; i < r.sampleCount; i++) {
    let row = String(i);
    for (const o of dists) row += ',' + o.samples[i]!;
    lines.push(row);
  }
  // fs.promises is loaded when first read: a run without --samples-out never needs it.
  await fs.promises.writeFile(path, lines.join('\n') + '\n');
}


export function registerRun(program: Command, io: Output): void {
  program
    .command('run')
    .description('run a model written in the core of Squiggle\'s language (fact("entity", "metric") reads the ledger)')
    .argument('<file>', 'model file, e.g. models/chatgpt-subscribers.sq')
    .option('--samples <n>', 'Monte Carlo samples (default 100000)', sampleCount, 100_000)
    .option('--seed <seed>', 'seed of the random numbers (same seed, same result)', 'shakeout')
    .option('--threads <n>', 'worker threads (default: both cores for large runs)', wholeNumber('--threads', 1, 64))
    .option('--json', 'print JSON')
    .option('--samples-out <file.csv>', 'write the raw samples of each output to a CSV file (an audit trail)')
    .option('--sensitivity', "rank each output's uncertain inputs by how much they drive it")
    .action(async (file: string, opts: { samples: number; seed: string; threads?: number; json?: boolean; samplesOut?: string; sensitivity?: boolean }, cmd: Command) => {
      const { samples, threads } = opts;
      const db = ledgerOptions(cmd);
      const progress = opts.json ? null : new ProgressBar(`${file}: ${groupThousands(samples)} samples`);
      let r: RunModelFileResult;
      // The ledger is opened only if the model reads a fact (and its code loaded only then).
      let ledger: Store | undefined;
      const store = async () => (ledger = await (await import('../../app/index.js')).openLedger(db));
      // Ctrl-C stops the run between chunks: 'cancelled', exit code 130 (see reportError).
      const cancel = new AbortController();
      const onSigint = () => cancel.abort();
      process.once('SIGINT', onSigint);
      try {
        r = await runModelFile(file, {
          store, sampleCount: samples, seed: opts.seed, ...(threads ? { threads } : {}), ...(opts.sensitivity ? { sensitivity: true } : {}),
          ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
          signal: cancel.signal,
        });
      } finally {
        process.removeListener('SIGINT', onSigint);
        progress?.stop();
        await ledger?.close();
      }
      if (opts.samplesOut) await writeSamplesCsv(opts.samplesOut, r);
      io.out(opts.json ? toJson(runJson(r)) : withAsOfHeader(r.asOf, human(r) + (r.asOf ? `\n\n${renderAsOfFooter(r.asOf)}` : '') + (opts.samplesOut ? `\nsamples written to ${opts.samplesOut}` : '')));
    });
}
