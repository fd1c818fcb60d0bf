// Reports: the analyses as documents (Markdown, HTML, JSON) with charts (SVG),
// every number with its derivation.
export * from './report-model.js';
export * from './report-inputs.js';
export { TEXT_EN, type ReportText, type ReportTextKey } from './text-en.js';
export { TEXT_ZH } from './text-zh.js';
export { reportText, fill, fillText, placeholders, plainText } from './report-text.js';
export { formatRange, isUncertain } from './format-range.js';
export { escapeHtml } from './escape-html.js';
export { escapeMarkdown } from './escape-markdown.js';
export { buildReport } from './build-report.js';
export { renderMarkdown, type MarkdownOptions } from './render-markdown.js';
export { renderHtml } from './render-html.js';
export { renderChartSvg, chartOption, stableIds, type ChartSvgOptions } from './render-chart-svg.js';
export { reportJson } from './report-json.js';
export { roundNumbers } from './round-numbers.js';
export { survivalChartSpec } from './survival-chart.js';
