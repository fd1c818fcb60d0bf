import type { Command } from 'commander';
import { groupThousands, readFigure, type Figure } from '../../app/index.js';
import { language } from '../options.js';
import type { Output } from '../output.js';
import { toJson } from '../output.js';
import { renderTable } from '../table.js';

/** The JSON shape of `shakeout parse --json`: the figure, and its second readings ("($645 million)") in the same shape. */
export function figureJson(f: Figure): Record<string, unknown> {
  return {
    text: f.text, value: f.value, low: f.low, high: f.high, unit: f.unit, per: f.per, perItem: f.perItem,
    qualifier: f.qualifier, measureWord: f.measureWord, p5: f.p5, p50: f.p50, p95: f.p95,
    distribution: f.distribution, alternatives: f.alternatives.map(figureJson),
  };
}

/** A number for a reader: 6 significant figures, thousands separated. */
function num(x: number | null): string {
  if (x === null) return '-';
  return groupThousands(Number(x.toPrecision(6)), 6);
}

export function registerParse(program: Command, io: Output): void {
  program
    .command('parse')
    .description('read one figure as written ("超23亿美元", "nearly $1.8B") and say what it is')
    .argument('<text...>', 'the figure, as written (a negative one too: shakeout parse -3亿元)')
    // "-3亿" and "−5%" are figures, not options
    .allowUnknownOption()
    .option('--json', 'print JSON')
    .option('--unit <unit>', 'unit to assume when the text names none (USD, CNY, EUR)')
    .option('--lang <lang>', 'language of the text the figure comes from, zh or en: zh reads a lone ¥ as yuan', language)
    .action((words: string[], opts: { json?: boolean; unit?: string; lang?: 'zh' | 'en' }) => {
      const f = readFigure(words.join(' '), {
        ...(opts.unit ? { defaultUnit: opts.unit.toUpperCase() as Figure['unit'] } : {}),
        ...(opts.lang ? { lang: opts.lang } : {}),
      });
      if (opts.json) {
        io.out(toJson(figureJson(f)));
        return;
      }
      const rows: [string, string][] = [
        ['text', f.text], ['value', num(f.value)], ['unit', f.unit + (f.perItem ? ` per ${f.perItem}` : '') + (f.per ? ` per ${f.per}` : '')],
        ['qualifier', f.qualifier], ['low', num(f.low)], ['high', num(f.high)],
        ['p5 / p50 / p95', `${num(f.p5)} / ${num(f.p50)} / ${num(f.p95)}`],
        ['distribution', JSON.stringify(f.distribution)],
      ];
      if (f.measureWord) rows.splice(3, 0, ['measure word', f.measureWord]);
      for (const a of f.alternatives) rows.push(['also written as', `${a.text.trim()}: ${num(a.value)} ${a.unit}${a.per ? ` per ${a.per}` : ''}, ${a.qualifier}`]);
      io.out(renderTable(rows, [{ header: 'field', get: (r) => r[0] }, { header: 'reading', get: (r) => r[1] }]));
    });
}
