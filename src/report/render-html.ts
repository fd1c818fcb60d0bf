import { escapeHtml } from './escape-html.js';
import { fillText } from './report-text.js';
import type { Block, Inline, Report } from './report-model.js';
import { REPORT_CSS } from './report-css.js';

/**
 * A number's text, escaped, with its interval in a part of its own
 * ('540x (90% CI 469x–553x)'): each part stays on one line, and a narrow
 * table cell may break between them, so wide tables fit the page.
 */
function numText(text: string): string {
  const m = /^(.+?)(\s?[（(].*)$/.exec(text);
  if (!m) return escapeHtml(text);
  return `<span class="v">${escapeHtml(m[1]!)}</span><wbr><span class="ci">${escapeHtml(m[2]!)}</span>`;
}

/**
 * The report as one self-contained HTML page: inline CSS, the charts as
 * inline SVG, no scripts and nothing fetched from the network. Each number
 * shows its derivation on hover (the `title` of the number and of its
 * footnote mark) and links to its footnote (`#fn-n`), which links back to the
 * first place that cites it. All text is escaped.
 *
 * `charts` maps a chart id to its SVG (see `renderChartSvg`).
 */
export function renderHtml(report: Report, charts: ReadonlyMap<string, string>): string {
  const hover = new Map(report.footnotes.map((f) => [f.n, f.hover]));
  const seen = new Map<number, number>();
  const mark = (fn: number): string => {
    const k = (seen.get(fn) ?? 0) + 1;
    seen.set(fn, k);
    const id = k === 1 ? `fnref-${fn}` : `fnref-${fn}-${k}`;
    return `<sup class="fnref"><a href="#fn-${fn}" id="${id}" title="${escapeHtml(hover.get(fn) ?? '')}">${fn}</a></sup>`;
  };
  const inline = (x: Inline): string => {
    switch (x.t) {
      case 'text':
        return escapeHtml(x.text);
      case 'strong':
        return `<strong>${escapeHtml(x.text)}</strong>`;
      case 'code':
        return `<code>${escapeHtml(x.text)}</code>`;
      case 'num':
        return `<span class="num" title="${escapeHtml(hover.get(x.fn) ?? '')}">${numText(x.text)}</span>${mark(x.fn)}`;
      case 'ref':
        return mark(x.fn);
    }
  };
  const inlines = (xs: readonly Inline[]): string => xs.map(inline).join('');
  const block = (b: Block): string => {
    switch (b.t) {
      case 'p':
        return `<p>${inlines(b.content)}</p>`;
      case 'list':
        return `<ul>${b.items.map((i) => `<li>${inlines(i)}</li>`).join('')}</ul>`;
      case 'table': {
        const cls = (k: number) => (b.align[k] === 'right' ? ' class="r"' : '');
        const head = `<thead><tr>${b.head.map((h, k) => `<th${cls(k)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
        const body = `<tbody>${b.rows.map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${inlines(c)}</td>`).join('')}</tr>`).join('')}</tbody>`;
        return `<table>${head}${body}</table>`;
      }
      case 'chart': {
        const k = report.charts.findIndex((c) => c.id === b.chart);
        const spec = report.charts[k]!;
        const svg = charts.get(spec.id) ?? '';
        return `<figure class="chart" id="chart-${escapeHtml(spec.id)}" data-chart="${escapeHtml(spec.id)}">${svg}<figcaption><strong>${escapeHtml(fillText(report.labels.chart, { n: k + 1, title: spec.title }))}</strong> ${inlines(b.caption)}</figcaption></figure>`;
      }
    }
  };
  const sections = report.sections.map((s) => `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}</section>`);
  const toc = `<nav><ol>${report.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('')}<li><a href="#footnotes">${escapeHtml(report.labels.footnotes)}</a></li></ol></nav>`;
  const notes = report.footnotes.map((f) => {
    const formula = f.formula ? ` <code>${escapeHtml(f.formula)}</code>` : '';
    const lines = f.lines.map((l) => `<span class="line">${escapeHtml(l)}</span>`).join('');
    const back = seen.has(f.n) ? ` <a class="back" href="#fnref-${f.n}" title="${escapeHtml(report.labels.backToText)}">↩</a>` : '';
    return `<li id="${f.id}"><strong>${escapeHtml(f.label)}</strong>${formula}${back}${lines}</li>`;
  });
  const lang = report.lang === 'zh' ? 'zh-CN' : 'en';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body data-charts="${report.charts.length}" data-footnotes="${report.footnotes.length}">
<main>
<header><h1>${escapeHtml(report.title)}</h1><p class="subtitle">${escapeHtml(report.subtitle)}</p>${report.asOf ? `<p class="as-of"><strong>${escapeHtml(report.asOf.text)}</strong></p>` : ''}</header>
${toc}
${sections.join('\n')}
<section id="footnotes" class="footnotes"><h2>${escapeHtml(report.labels.footnotes)}</h2><ol>
${notes.join('\n')}
</ol></section>
</main>
</body>
</html>
`;
}
