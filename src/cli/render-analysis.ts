import { formatValue } from '../app/index.js';
import type { Analysis, AnalysisAsOf, Estimate } from '../app/index.js';
import { toJson } from './output.js';
import { renderTable } from './table.js';

const v = (e: Estimate, x: number): string => formatValue(x, e.unit, 'en', e.per);

/**
 * A US-dollar result kept in an analysis's `details`, in the currency the
 * analysis is shown in (`--currency`: `analysis.currency`), at the same rate
 * as its estimates.
 */
export function detailMoney(a: Analysis, usd: number): string {
  return formatValue(usd * (a.currency?.perUsd ?? 1), a.currency?.code ?? 'USD', 'en');
}

/** How many undated fact ids the text output names before sending the reader to --json. */
const UNDATED_NAMED = 5;

/**
 * An as-of run's header ('As of 2024-05-20 (facts published by then; 54
 * undated facts left out)') above `text`; `text` alone for a run on today's
 * ledger.
 */
export function withAsOfHeader(asOf: AnalysisAsOf | null | undefined, text: string): string {
  if (!asOf) return text;
  const h = asOf.text.en;
  return `${h.charAt(0).toUpperCase()}${h.slice(1)}\n${text}`;
}

/**
 * What an as-of run saw and left out, for the foot of its text output: the
 * day, and the undated facts by count and the first few ids (all of them are
 * in --json), with the option that takes them in.
 */
export function renderAsOfFooter(asOf: AnalysisAsOf): string {
  const lines = [`As of ${asOf.date}: only facts, corrections, outcomes and sources published by then count, and FX and CPI months ended by then.`];
  const n = asOf.undated.length;
  if (n) {
    const named = asOf.undated.slice(0, UNDATED_NAMED).join(', ') + (n > UNDATED_NAMED ? `, ... (see --json for all ${n})` : '');
    lines.push(asOf.includeUndated
      ? `${n} fact${n === 1 ? '' : 's'} with no publication date taken in (--include-undated): ${named}.`
      : `${n} fact${n === 1 ? '' : 's'} with no publication date left out: ${named}; --include-undated takes them in.`);
  }
  return 'As of:\n' + lines.map((l) => `  ${l}`).join('\n');
}

/** The estimates as a table: label, mean, p5, p50, p95. */
export function renderEstimates(estimates: readonly Estimate[]): string {
  return renderTable(estimates, [
    { header: 'estimate', get: (e) => e.label.en, max: 70 },
    { header: 'mean', get: (e) => v(e, e.mean), align: 'right' },
    { header: 'p5', get: (e) => v(e, e.p5), align: 'right' },
    { header: 'p50', get: (e) => v(e, e.p50), align: 'right' },
    { header: 'p95', get: (e) => v(e, e.p95), align: 'right' },
  ]);
}

/** Formulas by estimate id, one a line (the same formula is printed once). */
export function renderFormulas(estimates: readonly Estimate[]): string {
  const seen = new Map<string, string[]>();
  for (const e of estimates) (seen.get(e.formula) ?? seen.set(e.formula, []).get(e.formula)!).push(e.id);
  return [...seen.entries()].map(([f, ids]) => `  ${ids.join(', ')} = ${f}`).join('\n');
}

/**
 * The parts every analysis prints after its own tables: the formulas, the
 * facts used with their source and date, the assumptions, the notes and,
 * for an as-of run, what it left out.
 */
export function renderAnalysisFooter(a: Analysis, options: { formulas?: boolean } = {}): string {
  const parts: string[] = [];
  if (options.formulas !== false && a.estimates.length) parts.push('Formulas:\n' + renderFormulas(a.estimates));
  if (a.facts.length) {
    parts.push(
      'Facts used:\n' +
        renderTable(a.facts, [
          { header: 'id', get: (f) => f.id, max: 40 },
          { header: 'entity', get: (f) => f.entity, max: 30 },
          { header: 'metric', get: (f) => f.metric },
          { header: 'as written', get: (f) => f.valueText, max: 24 },
          { header: 'period', get: (f) => f.period?.text ?? '-' },
          { header: 'source', get: (f) => f.source.publisher, max: 40 },
          { header: 'date', get: (f) => f.source.published ?? '-' },
        ]),
    );
  }
  if (a.assumptions.length) {
    parts.push('Assumptions:\n' + a.assumptions.map((x) => `  - [${x.id}] ${x.text.en}${x.value ? ` (${x.value.text})` : ''}\n      why: ${x.rationale.en}`).join('\n'));
  }
  if (a.notes.length) parts.push('Notes:\n' + a.notes.map((n) => `  - ${n.en}`).join('\n'));
  if (a.asOf) parts.push(renderAsOfFooter(a.asOf));
  return parts.join('\n\n');
}

/**
 * A read command's output on an as-of ledger: JSON wraps the value as
 * `{ asOf, <key>: value }` (the day and every undated fact left out), text
 * gets the header above and the as-of lines below. On today's ledger both
 * are unchanged.
 */
export function asOfOutput(asOf: AnalysisAsOf | null, json: boolean | undefined, key: string, value: unknown, text: () => string): string {
  if (json) return toJson(asOf ? { asOf, [key]: value } : value);
  return asOf ? withAsOfHeader(asOf, `${text()}\n\n${renderAsOfFooter(asOf)}`) : text();
}
