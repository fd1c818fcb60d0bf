import { useEffect, useState } from 'preact/hooks';
import { formulaText } from '../../formula-text.js';
import { api, query, type ApiError } from '../../api.js';
import { Chart } from '../../chart.js';
import { FactLinks } from '../../fact-link.js';
import { bi, formatInterval, formatValue } from '../../format.js';
import { lang, t, tOr } from '../../i18n.js';
import { ErrorBox } from '../ledger/error-box.js';

type Bi = { en: string; zh: string };
interface Scores { brier: number | null; logLoss: number | null; auc: number | null }
/** One input of a company's forecast at the as-of day (src/economics/survival/forecast-inputs.ts ForecastInputRow). */
interface ForecastInput { input: 'cash' | 'revenue' | 'costs' | 'revenueGrowth' | 'costGrowth'; status: 'reported' | 'derived' | 'default'; formula: string; p50: number }

/**
 * The JSON of GET /api/analyses/backtest (the app layer's BacktestResult, which
 * the CLI prints too): forecasts as of a day beside what happened, scores,
 * calibration. Read-only, so that a BacktestResult is one.
 */
export interface BacktestJson extends Scores {
  asOf: string; horizonMonths: number; windowEnd: string; paths: number; seed: string | number;
  companies: readonly {
    entity: string; name: string; nameZh: string | null; pOut: number | null; observed: string; reason: Bi; factIds: readonly string[];
    /** Whole months from the latest round to the as-of day: the months baseline's input (a company with no dated round is not forecast). */
    monthsSinceLastRound: number;
    baselines: { baseRate: number | null; monthsSinceRound: number | null };
    inputs?: readonly ForecastInput[]; notes?: readonly Bi[];
  }[];
  baselines: { baseRate: Scores; monthsSinceRound: Scores };
  /** The bins with a scored company in them, as the CLI prints them (empty bins are not in it). */
  calibration: readonly { low: number; high: number; count: number; meanPredicted: number; observedShare: number }[];
  verdict: Bi;
  assumptions: readonly { id: string; text: Bi; rationale: Bi }[];
  /** Companies not forecast: out before the day, or lacking an input at it (the CLI lists them too). */
  leftOut?: {
    readonly outBefore: readonly { entity: string; name: string; nameZh: string | null; outcomeType: string; outcomeDate: string }[];
    readonly lacking: readonly { entity: string; name: string; nameZh: string | null; error: string | null; how: readonly Bi[] }[];
  };
}

/** The report's calibration chart is drawn for the report's backtest: the same chart only when its bars are this backtest's. */
export function sameCalibration(option: Record<string, unknown>, calibration: BacktestJson['calibration']): boolean {
  const series = (option.series ?? []) as { data?: unknown[] }[];
  const values = (s: { data?: unknown[] } | undefined) => (s?.data ?? []).map((d) => (typeof d === 'object' && d !== null ? (d as { value: unknown }).value : d));
  const close = (a: unknown[], b: number[]) => a.length === b.length && a.every((x, i) => typeof x === 'number' && Math.abs(x - b[i]!) < 1e-9);
  return close(values(series[0]), calibration.map((b) => b.meanPredicted)) && close(values(series[1]), calibration.map((b) => b.observedShare));
}

const PERCENT = { unit: 'percent', per: null };
const COUNT = { unit: 'count', per: null };
const pct = (x: number | null) => formatValue(x, PERCENT);
const score = (x: number | null) => (x === null ? '–' : x.toFixed(3));

/**
 * The backtest: each company's forecast chance of being out beside what
 * happened and the months since its last round (the months baseline's
 * input), the scores against the two baselines, and the calibration: its
 * table (the bins the CLI prints: count, mean forecast, share out) and the
 * chart, the report's own (GET /api/charts/track-record-calibration), shown
 * when it is drawn from this very backtest.
 */
export function BacktestView({ b }: { b: BacktestJson }) {
  const [chart, setChart] = useState<Record<string, unknown> | null>(null);
  const [chartError, setChartError] = useState<ApiError | null>(null);
  const [other, setOther] = useState(false);
  const zh = lang.value === 'zh';
  useEffect(() => {
    setChart(null);
    setOther(false);
    setChartError(null);
    if (b.calibration.length === 0) return;
    api.get<Record<string, unknown>>(`/api/charts/track-record-calibration${query({ lang: lang.value, seed: String(b.seed), samples: b.paths })}`)
      .then((o) => (sameCalibration(o, b.calibration) ? setChart(o) : setOther(true)), setChartError);
  }, [b, lang.value]);
  return (
    <div class="analysis" data-testid="backtest">
      <h2>{t('analysis_backtest')}: {b.asOf} → {b.windowEnd}</h2>
      <p>{bi(b.verdict)}</p>
      <div class="table-wrap">
        <table class="facts" data-testid="backtest-scores">
          <thead><tr><th /><th class="num">{t('brier')}</th><th class="num">{t('logLoss')}</th><th class="num">AUC</th></tr></thead>
          <tbody>
            {([['model', b], ['baseRate', b.baselines.baseRate], ['monthsSinceRound', b.baselines.monthsSinceRound]] as const).map(([k, s]) => (
              <tr><td>{t(`score_${k}`)}</td><td class="num">{score(s.brier)}</td><td class="num">{score(s.logLoss)}</td><td class="num">{score(s.auc)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('calibrationTitle')}</h3>
      {chartError && <ErrorBox error={chartError} />}
      {b.calibration.length === 0 && <p class="muted">{t('calibrationNone')}</p>}
      {b.calibration.length > 0 && !chart && !other && !chartError && <p class="muted">{t('loading')}</p>}
      {chart && <Chart option={chart} unit="percent" label={t('calibrationTitle')} />}
      {other && <p class="muted" data-testid="calibration-other">{t('calibrationOther')}</p>}
      {b.calibration.length > 0 && (
        <div class="table-wrap calibration">
          <table class="facts" data-testid="calibration-table">
            <thead><tr><th>{t('calibrationBin')}</th><th class="num">{t('calibrationCount')}</th><th class="num">{t('calibrationMean')}</th><th class="num">{t('calibrationShareOut')}</th></tr></thead>
            <tbody>
              {b.calibration.map((x) => (
                <tr><td>{formatInterval(x.low, x.high, PERCENT)}</td><td class="num">{formatValue(x.count, COUNT)}</td><td class="num">{pct(x.meanPredicted)}</td><td class="num">{pct(x.observedShare)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="table-wrap">
        <table class="facts stack" data-testid="backtest-companies">
          <thead><tr><th>{t('company')}</th><th class="num">{t('pOutForecast')}</th><th class="num">{t('score_baseRate')}</th><th class="num" title={t('monthsSinceRoundTitle')}>{t('monthsSinceRound')}</th><th class="num">{t('monthsBaselineForecast')}</th><th>{t('observed')}</th><th>{t('factsColumn')}</th></tr></thead>
          <tbody>
            {b.companies.map((c) => (
              <tr>
                <td>{zh && c.nameZh ? c.nameZh : c.name}</td>
                <td class="num">{pct(c.pOut)}</td>
                <td class="num">{pct(c.baselines.baseRate)}</td>
                <td class="num" data-testid="months-since-round">{formatValue(c.monthsSinceLastRound, COUNT)}</td>
                <td class="num" data-testid="months-baseline">{pct(c.baselines.monthsSinceRound)}</td>
                <td>{tOr(`observed_${c.observed}`, c.observed)} <span class="muted small">{bi(c.reason)}</span></td>
                <td><FactLinks ids={c.factIds} />{c.inputs && c.inputs.length > 0 && <ForecastInputs inputs={c.inputs} notes={c.notes ?? []} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {b.leftOut && (b.leftOut.outBefore.length > 0 || b.leftOut.lacking.length > 0) && (
        <div data-testid="backtest-left-out">
          <h3>{t('backtestLeftOut')}</h3>
          <ul class="small">
            {b.leftOut.outBefore.map((x) => <li>{zh && x.nameZh ? x.nameZh : x.name}{t('listColon')}{t('backtestOutBefore')} ({tOr(`outcome_${x.outcomeType}`, x.outcomeType)}, {x.outcomeDate})</li>)}
            {b.leftOut.lacking.map((x) => <li>{zh && x.nameZh ? x.nameZh : x.name}{t('listColon')}{x.error ?? `${t('backtestLacks')}${x.how.map((h) => bi(h)).join(zh ? '；' : '; ')}`}</li>)}
          </ul>
        </div>
      )}
      {b.assumptions.length > 0 && (
        <>
          <h3>{t('assumptions')}</h3>
          <ul class="assumptions">{b.assumptions.map((x) => <li>{bi(x.text)} — <span class="muted">{bi(x.rationale)}</span></li>)}</ul>
        </>
      )}
    </div>
  );
}

/** A company's forecast inputs at the as-of day, folded: each with its status, median and formula, then the notes on how they were read. */
function ForecastInputs({ inputs, notes }: { inputs: readonly ForecastInput[]; notes: readonly Bi[] }) {
  const value = (x: ForecastInput) => (x.input.endsWith('Growth')
    ? formatValue(x.p50, { unit: 'percent', per: 'month' })
    : formatValue(x.p50, { unit: 'USD', per: x.input === 'cash' ? null : 'month' }));
  return (
    <details class="small" data-testid="forecast-inputs">
      <summary>{t('forecastInputs')}</summary>
      <ul>
        {inputs.map((x) => <li>{t(`forecastInput_${x.input}`)}{t('listColon')}{value(x)} <span class="muted">({t(`inputStatus_${x.status}`)})</span> <code>{formulaText(x.formula)}</code></li>)}
      </ul>
      {notes.length > 0 && <ul class="muted">{notes.map((n) => <li>{bi(n)}</li>)}</ul>}
    </details>
  );
}
