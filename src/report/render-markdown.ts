import { escapeMarkdown } from './escape-markdown.js';
import { fillText } from './report-text.js';
import type { Block, Footnote, Inline, Report } from './report-model.js';

export interface MarkdownOptions {
  /**
   * Folder of the chart SVGs relative to the Markdown file ('report-charts');
   * null when the charts are not written (the report goes to stdout).
   */
  readonly chartDir: string | null;
  /** Where each chart's image is, by chart id, instead of `<chartDir>/<id>.svg` (a data: URI for a file that holds its charts). */
  readonly chartHref?: (id: string) => string;
}

/** Code span that survives backticks in its text. */
function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

function inline(x: Inline): string {
  switch (x.t) {
    case 'text':
      return escapeMarkdown(x.text);
    case 'strong':
      return `**${escapeMarkdown(x.text)}**`;
    case 'code':
      return codeSpan(x.text);
    case 'num':
      return `${escapeMarkdown(x.text)}[^${x.fn}]`;
    case 'ref':
      return `[^${x.fn}]`;
  }
}

const inlines = (xs: readonly Inline[]): string => xs.map(inline).join('');

function block(b: Block, report: Report, options: MarkdownOptions): string {
  switch (b.t) {
    case 'p':
      return inlines(b.content);
    case 'list':
      return b.items.map((i) => `- ${inlines(i)}`).join('\n');
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
      return [row(b.head.map(escapeMarkdown)), row(b.align.map((a) => (a === 'right' ? '---:' : '---'))), ...b.rows.map((r) => row(r.map(inlines)))].join('\n');
    }
    case 'chart': {
      const k = report.charts.findIndex((c) => c.id === b.chart);
      const spec = report.charts[k]!;
      const head = `*${escapeMarkdown(fillText(report.labels.chart, { n: k + 1, title: spec.title }))}*`;
      const caption = `${head} ${inlines(b.caption)}`;
      if (options.chartDir === null && !options.chartHref) return `${caption}${report.lang === "zh" ? "" : " "}${escapeMarkdown(report.labels.chartNotWritten)}`;
      return `![${escapeMarkdown(spec.title)}](${options.chartHref ? options.chartHref(spec.id) : `${options.chartDir}/${spec.id}.svg`})\n\n${caption}`;
    }
  }
}

function footnote(f: Footnote): string {
  const head = `[^${f.n}]: **${escapeMarkdown(f.label)}**${f.formula ? ` ${codeSpan(f.formula)}` : ''}`;
  return [head, ...f.lines.map((l) => `    ${escapeMarkdown(l)}`)].join('\n');
}

/**
 * The report as GitHub-flavoured Markdown: headings, paragraphs, lists,
 * tables, charts as images beside the file, and one `[^n]` footnote per
 * derivation with the facts (source and date), the formula and the
 * assumptions. All text is escaped, so text from sources cannot add markup.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const parts: string[] = [`# ${escapeMarkdown(report.title)}`, `*${escapeMarkdown(report.subtitle)}*`];
  if (report.asOf) parts.push(`**${escapeMarkdown(report.asOf.text)}**`);
  for (const s of report.sections) {
    parts.push(`## ${escapeMarkdown(s.title)}`);
    for (const b of s.blocks) parts.push(block(b, report, options));
  }
  if (report.footnotes.length) parts.push(report.footnotes.map(footnote).join('\n'));
  return parts.join('\n\n') + '\n';
}
