import { FactLinks } from './fact-link.js';
import { bi, formatInterval, formatValue } from './format.js';
import { formulaText } from './formula-text.js';
import { t } from './i18n.js';

type Bi = { en: string; zh: string };
export interface EstimateJson { id: string; label: Bi; unit: string; per: string | null; formula: string; inputs: { kind: string; id: string }[]; p5: number | null; p50: number | null; p95: number | null }
/** The one JSON shape of every analysis (the API's `Analysis`). */
export interface AnalysisJson {
  kind: string; title: Bi; subject: string | null;
  estimates: EstimateJson[]; facts: { id: string }[];
  assumptions: { id: string; text: Bi; rationale: Bi }[]; notes: Bi[];
  env: { sampleCount: number; seed: string | number } | null;
  asOf?: { text: Bi };
}

/** The facts an estimate rests on, through the estimates it is computed from. */
export function factsOf(e: EstimateJson, all: readonly EstimateJson[], seen = new Set<string>()): string[] {
  if (seen.has(e.id)) return [];
  seen.add(e.id);
  return e.inputs.flatMap((i) => {
    if (i.kind === 'fact') return [i.id];
    const up = all.find((x) => x.id === i.id);
    return up ? factsOf(up, all, seen) : [];
  });
}

/** A figure of an analysis: its median, and its 90% interval beside it and on hover. */
export function EstimateFigure({ e }: { e: EstimateJson }) {
  return (
    <>
      <span class="num" title={`${t('interval')}: ${formatInterval(e.p5, e.p95, e)}`}>{formatValue(e.p50, e)}</span>
      <span class="muted small"> ({formatInterval(e.p5, e.p95, e)})</span>
    </>
  );
}

/** Any analysis: each estimate with its interval, formula and facts; the assumptions with their reasons; the notes. */
export function AnalysisView({ a }: { a: AnalysisJson }) {
  return (
    <div class="analysis" data-testid="analysis">
      <h2>{bi(a.title)}</h2>
      {a.asOf && <p class="asof">{bi(a.asOf.text)}</p>}
      {a.estimates.length > 0 && (
        <div class="table-wrap">
          <table class="facts stack" data-testid="estimates">
            <thead><tr><th>{t('measure')}</th><th class="num">{t('median')}</th><th>{t('formula')}</th><th>{t('factsColumn')}</th></tr></thead>
            <tbody>
              {a.estimates.map((e) => (
                <tr data-estimate={e.id}>
                  <td>{bi(e.label)}</td>
                  <td class="num-cell"><EstimateFigure e={e} /></td>
                  <td class="mono" data-testid="formula">{formulaText(e.formula)}</td>
                  <td><FactLinks ids={factsOf(e, a.estimates)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {a.env && <p class="muted small">{t('method')} {a.env.sampleCount} {t('samples')}, {t('seed')} {String(a.env.seed)}.</p>}
      {a.assumptions.length > 0 && (
        <>
          <h3>{t('assumptions')}</h3>
          <ul class="assumptions">{a.assumptions.map((x) => <li>{formulaText(bi(x.text))} — <span class="muted">{bi(x.rationale)}</span></li>)}</ul>
        </>
      )}
      {a.notes.length > 0 && <details><summary>{t('notes')}</summary><ul class="small">{a.notes.map((n) => <li>{bi(n)}</li>)}</ul></details>}
    </div>
  );
}

/**
 * A rank correlation as a bar cell: its length the strength, red when the
 * input works against the outcome; empty when the correlation is undefined.
 */
export function DriverBar({ r }: { r: number | null }) {
  if (r === null || !Number.isFinite(r)) return <td class="bar-cell" />;
  return <td class="bar-cell"><span class={`bar ${r < 0 ? 'neg' : ''}`} style={{ width: `${Math.round(Math.abs(r) * 100)}%` }} /></td>;
}

/**
 * A rank correlation as a number cell, to two decimals. A correlation with a
 * constant (an exact figure) is undefined, sent by the API as null: shown
 * as "–" with a title that says why, never as 0.
 */
export function RankCorrelation({ r }: { r: number | null }) {
  if (r === null || !Number.isFinite(r)) return <td class="num" title={t('correlationUndefined')} data-undefined="true">–</td>;
  return <td class="num">{r.toFixed(2)}</td>;
}
