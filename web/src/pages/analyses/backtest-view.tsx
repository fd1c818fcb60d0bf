import { useEffect, useState } from 'preact/hooks';
import { api, query, type ApiError } from '../../api.js';
import { Chart } from '../../chart.js';
import { FactLinks } from '../../fact-link.js';
import { bi, formatValue } from '../../format.js';
import { lang, t, tOr } from '../../i18n.js';
import { ErrorBox } from '../ledger/error-box.js';

type Bi = { en: string; zh: string };
interface Scores { brier: number | null; logLoss: number | null; auc: number | null }
/** One input of a company's forecast at the as-of day (src/economics/survival/forecast-inputs.ts ForecastInputRow). */
interface ForecastInput { input: 'cash' | 'revenue' | 'costs' | 'revenueGrowth' | 'costGrowth'; status: 'reported' | 'derived' | 'default'; formula: string; p50: number }

/** The JSON of GET /api/analyses/backtest: forecasts as of a day beside what happened, scores, calibration. */
export interface BacktestJson extends Scores {
  asOf: string; horizonMonths: number; windowEnd: string; paths: number; seed: string | number;
  companies: {
    entity: string; name: string; nameZh: string | null; pOut: number | null; observed: string; reason: Bi; factIds: string[];
    baselines: { baseRate: number | null; monthsSinceRound: number | null };
    inputs?: ForecastInput[]; notes?: Bi[];
  }[];
  baselines: { baseRate: Scores; monthsSinceRound: Scores };
  calibration: { low: number; high: number; count: number; meanPredicted: number; observedShare: number }[];
  verdict: Bi;
  assumptions: { id: string; text: Bi; rationale: Bi }[];
}

/** The report's calibration chart is drawn for the report's backtest: the same chart only when its bars are this backtest's. */
export function sameCalibration(option: Record<string, unknown>, calibration: BacktestJson['calibration']): boolean {
  const series = (option.series ?? []) as { data?: unknown[] }[];
  const values = (s: { data?: unknown[] } | undefined) => (s?.data ?? []).map((d) => (typeof d === 'object' && d !== null ? (d as { value: unknown }).value : d));
  const close = (a: unknown[], b: number[]) => a.length === b.length && a.every((x, i) => typeof x === 'number' && Math.abs(x - b[i]!) < 1e-9);
  return close(values(series[0]), calibration.map((b) => b.meanPredicted)) && close(values(series[1]), calibration.map((b) => b.observedShare));
}

const pct = (x: number | null) => formatValue(x, { unit: 'percent', per: null });
const score = (x: number | null) => (x === null ? '–' : x.toFixed(3));

/**
 * The backtest: each company's forecast chance of being out beside what
 * happened, the scores against the two baselines, and the calibration chart,
 * the report's own (GET /api/charts/track-record-calibration), shown when it
 * is drawn from this very backtest.
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
      <div class="table-wrap">
        <table class="facts stack" data-testid="backtest-companies">
          <thead><tr><th>{t('company')}</th><th class="num">{t('pOutForecast')}</th><th class="num">{t('score_baseRate')}</th><th>{t('observed')}</th><th>{t('factsColumn')}</th></tr></thead>
          <tbody>
            {b.companies.map((c) => (
              <tr>
                <td>{zh && c.nameZh ? c.nameZh : c.name}</td>
                <td class="num">{pct(c.pOut)}</td>
                <td class="num">{pct(c.baselines.baseRate)}</td>
                <td>{tOr(`observed_${c.observed}`, c.observed)} <span class="muted small">{bi(c.reason)}</span></td>
                <td><FactLinks ids={c.factIds} />{c.inputs && c.inputs.length > 0 && <ForecastInputs inputs={c.inputs} notes={c.notes ?? []} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
function ForecastInputs({ inputs, notes }: { inputs: ForecastInput[]; notes: Bi[] }) {
  const value = (x: ForecastInput) => (x.input.endsWith('Growth')
    ? formatValue(x.p50, { unit: 'percent', per: 'month' })
    : formatValue(x.p50, { unit: 'USD', per: x.input === 'cash' ? null : 'month' }));
  return (
    <details class="small" data-testid="forecast-inputs">
      <summary>{t('forecastInputs')}</summary>
      <ul>
        {inputs.map((x) => <li>{t(`forecastInput_${x.input}`)}{t('listColon')}{value(x)} <span class="muted">({t(`inputStatus_${x.status}`)})</span> <code>{x.formula}</code></li>)}
      </ul>
      {notes.length > 0 && <ul class="muted">{notes.map((n) => <li>{bi(n)}</li>)}</ul>}
    </details>
  );
}
