import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { extractArticle, extractionJson, formatValue, readArticleFile, withLedger, type ExtractedFigure } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import { type Output, toJson } from '../output.js';
import { renderTable } from '../table.js';

function langOption(text: string): 'zh' | 'en' | 'auto' {
  if (text === 'zh' || text === 'en' || text === 'auto') return text;
  throw new InvalidArgumentError(`expected zh, en or auto, got "${text}"`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The value of a figure for a reader: '$2.3B (over)'. */
function shown(f: ExtractedFigure): string {
  const { low, high, qualifier, per } = f.figure;
  const v = (qualifier === 'range' || qualifier === 'several') && low !== null && high !== null
    ? `${formatValue(low, f.unit, 'en')} to ${formatValue(high, f.unit, 'en', per)}`
    : formatValue(f.figure.value, f.unit, 'en', per);
  return qualifier === 'exact' ? v : `${v} (${qualifier})`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function registerExtract(program: Command, io: Output): void {
  program
    .command('extract')
    .description('find the figures of an article (text, Markdown or HTML) and propose each as a fact to review (see docs/extract.md)')
    .argument('<file>', 'the article; - reads it from standard input')
    .option('--source <publisher>', 'who published the article: the publisher of every fact')
    .option('--url <url>', 'where the article is')
    .option('--published <date>', 'when it was published (YYYY-MM-DD): relative periods (今年, last year, 过去一个月) are read against it; default: the date the article gives')
    .option('--title <title>', 'the title of the article (default: the one it gives)')
    .option('--lang <lang>', 'the language of the article: zh, en or auto', langOption)
    .option('--format <format>', 'text, markdown or html (default: from the extension, else from the content)')
    .option('--out <file>', 'write the review file (YAML that `shakeout facts import` takes once reviewed)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { source?: string; url?: string; published?: string; title?: string; lang?: 'zh' | 'en' | 'auto'; format?: string; out?: string; json?: boolean }, cmd: Command) => {
      if (opts.format !== undefined && !['text', 'markdown', 'html'].includes(opts.format)) {
        throw new InvalidArgumentError(`--format: expected text, markdown or html, got "${opts.format}"`);
      }
      const content = file === '-' ? await readStdin() : await readArticleFile(file);
      const result = await withLedger(ledgerOptions(cmd), (store) =>
        extractArticle(store, content, {
          name: file === '-' ? null : file,
          ...(opts.format ? { format: opts.format as 'text' | 'markdown' | 'html' } : {}),
          lang: opts.lang ?? 'auto',
          source: opts.source ?? null, url: opts.url ?? null, published: opts.published ?? null, title: opts.title ?? null,
        }),
      );
      if (opts.out) await writeFile(opts.out, result.review);
      if (opts.json) {
        io.out(toJson(extractionJson(result)));
        return;
      }
      const x = result.extraction;
      const table = renderTable(x.figures, [
        { header: '#', get: (f) => String(x.figures.indexOf(f) + 1), align: 'right' },
        { header: 'as written', get: (f) => f.text, max: 22 },
        { header: 'value', get: shown, align: 'right', max: 28 },
        { header: 'entity', get: (f) => f.entity?.id ?? 'unknown', max: 24 },
        { header: 'metric', get: (f) => f.metric ?? 'unknown' },
        { header: 'period', get: (f) => f.period ?? '-', max: 26 },
        { header: 'kind', get: (f) => f.kind + (f.forecast ? ' (forecast)' : '') + (f.via ? ` via ${f.via}` : ''), max: 26 },
        { header: 'conf', get: (f) => f.confidence.toFixed(2) + (f.unsure.length ? ' ?' : ''), align: 'right' },
      ]);
      const reasons = Object.entries(x.skippedByReason).map(([r, n]) => `  ${n} ${r}`).join('\n');
      const unknown = x.figures.filter((f) => !f.entity || !f.metric).length;
      io.out(
        (x.figures.length ? table + '\n' : 'no figures found\n') +
          `${plural(x.numbersSeen, 'number')} seen: ${plural(x.figures.length, 'figure')}, ${x.skipped.length} left out${reasons ? `:\n${reasons}` : ''}\n` +
          (x.figures.some((f) => f.unsure.length) ? '? the reading is unsure: see the review file\n' : '') +
          (opts.out
            ? `review file: ${opts.out} (${unknown} row${unknown === 1 ? '' : 's'} with an unknown entity or metric); fix or delete rows, then: shakeout facts import ${opts.out}`
            : 'write the review file with --out review.yaml'),
      );
    });
}
