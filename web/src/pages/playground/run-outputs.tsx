import { Component, type ComponentChildren } from 'preact';
import { DriverBar, RankCorrelation } from '../../analysis-view.js';
import { Chart } from '../../chart.js';
import { FactLink } from '../../fact-link.js';
import { bi, formatValue } from '../../format.js';
import { histogramOption } from '../../histogram-option.js';
import { t } from '../../i18n.js';
import type { Output, OutputValue, RunResult } from './model-run.js';

const plain = { unit: 'count', per: null };

/** A sampled output (summary, histogram, drivers) as against a constant, which the API sends as a bare number. */
export function isSampled(o: OutputValue): o is Output {
  return o !== null && typeof o === 'object';
}

/**
 * The summary table of a run: each output's mean, percentiles and spread. A
 * constant output (`b = 3`, sent as a bare number) shows its value, said to
 * be exact, instead of five empty cells.
 */
export function OutputsSummary({ outputs }: { outputs: [string, OutputValue][] }) {
  return (
    <div class="table-wrap">
      <table class="facts" data-testid="summary">
        <thead><tr><th>{t('output')}</th><th class="num">{t('mean')}</th><th class="num">p5</th><th class="num">p50</th><th class="num">p95</th><th class="num">{t('sd')}</th></tr></thead>
        <tbody>
          {outputs.map(([name, o]) => isSampled(o)
            ? <tr><td class="mono">{name}</td><td class="num">{formatValue(o.mean, plain)}</td><td class="num">{formatValue(o.p5, plain)}</td><td class="num">{formatValue(o.p50, plain)}</td><td class="num">{formatValue(o.p95, plain)}</td><td class="num">{formatValue(o.sd, plain)}</td></tr>
            : <tr data-constant="true"><td class="mono">{name}</td><td class="num" title={t('constantOutputTitle')}>{formatValue(o, plain)}</td><td class="muted small" colSpan={4}>{o === null ? t('constantOutputNaN') : t('constantOutput')}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}

/** An output's drivers: each input's rank correlation with it, as a number and a bar; an undefined one is said as such. */
export function OutputDrivers({ drivers }: { drivers: NonNullable<Output['drivers']> }) {
  return (
    <table class="kv drivers" data-testid="model-drivers">
      <thead><tr><th>{t('driver')}</th><th class="num">{t('rankCorrelation')}</th><th /></tr></thead>
      <tbody>
        {drivers.map((d) => (
          <tr><td class="mono">{d.name}</td><RankCorrelation r={d.spearman} /><DriverBar r={d.spearman} /></tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Shows its children, or, when drawing them throws, says so in place: a
 * result the page cannot draw ends the run with a message rather than
 * leaving the page as it was (at "Running… 3 / 3"). `of` is the result
 * drawn: a new one is tried again.
 */
export class ResultBoundary extends Component<{ of: unknown; children?: ComponentChildren }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
  /** A new result (`of`) is drawn afresh. */
  override componentDidUpdate(prev: { of: unknown }) {
    if (prev.of !== this.props.of && this.state.error) this.setState({ error: null });
  }
  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <div class="error" role="alert" data-testid="result-error"><p>{t('resultNotShown')}</p><p class="mono small">{error.message}</p></div>;
  }
}

/** A finished run: samples and seed, the summary table, each sampled output's histogram and drivers, the facts it read. */
export function RunResultView({ result, samplesUrl }: { result: RunResult; samplesUrl: string | null }) {
  const outputs = Object.entries(result.outputs);
  return (
    <div class="results" data-testid="results">
      <p class="muted small">
        {t('samples')} {result.sampleCount.toLocaleString()}{t('listSep')}{t('seed')} {String(result.seed)}
        {samplesUrl && <> · <a href={samplesUrl} download="samples.csv" data-testid="samples-csv">{t('samplesCsv')}</a></>}
      </p>
      <OutputsSummary outputs={outputs} />
      {outputs.map(([name, o]) => isSampled(o) && (
        <div class="output">
          <h2 class="mono">{name}</h2>
          {o.histogram && o.histogram.counts.length > 1 && <Chart option={histogramOption(name, o.histogram)} label={`${t('histogramOf')} ${name}`} />}
          {o.drivers && o.drivers.length > 0 && <OutputDrivers drivers={o.drivers} />}
        </div>
      ))}
      {result.facts.length > 0 && (
        <>
          <h2>{t('factsUsed')}</h2>
          <ul class="facts-used" data-testid="facts-used">
            {result.facts.map((f) => (
              <li>
                <code>fact("{f.request.entity}", "{f.request.metric}")</code> → <FactLink id={f.fact} /> {f.valueText} — {f.source.publisher}{f.source.published ? `, ${f.source.published}` : ''}
                {f.leftAside.length > 0 && <ul class="small muted">{f.leftAside.map((l) => <li>{t('leftAside')} <FactLink id={l.fact} />: {bi(l.reason)}</li>)}</ul>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
