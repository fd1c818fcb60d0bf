import { useEffect, useState } from 'preact/hooks';
import { AnalysisView, type AnalysisJson } from '../../analysis-view.js';
import { api, openApi, query, type ApiError, type OpenApiDoc } from '../../api.js';
import { Chart } from '../../chart.js';
import { bi } from '../../format.js';
import { t, tOr } from '../../i18n.js';
import { go, href, route } from '../../router.js';
import { ErrorBox } from '../ledger/error-box.js';
import { BacktestView, type BacktestJson } from './backtest-view.js';

/** A query parameter as the OpenAPI document describes it: the form field for it comes from there. */
type Param = NonNullable<OpenApiDoc['paths'][string][string]['parameters']>[number];
interface Listed { name: string; title?: { en: string; zh: string } }
type Result = { analysis: AnalysisJson; chart?: Record<string, unknown>; charts?: Record<string, Record<string, unknown>> } | { backtest: BacktestJson } | AnalysisJson;

/** The list of analyses, whatever key the server puts it under. */
function listed(r: unknown): Listed[] {
  const arr = Array.isArray(r) ? r : ((r as { items?: unknown[]; analyses?: unknown[] }).items ?? (r as { analyses?: unknown[] }).analyses ?? []);
  return arr.map((x) => (typeof x === 'string' ? { name: x } : (x as Listed)));
}

/** The query parameters of GET /api/analyses/{name} for one analysis, from the OpenAPI document. */
export function paramsOf(doc: OpenApiDoc, name: string): Param[] {
  const op = doc.paths[`/api/analyses/${name}`]?.get ?? doc.paths['/api/analyses/{name}']?.get;
  return (op?.parameters ?? []).filter((p) => p.in === 'query' && p.name !== 'lang');
}

/**
 * The analyses the server offers (funding, subscribers, unit economics, the
 * checks, the backtest, ...), each a form made from the API's own parameter
 * documentation and the one view of an analysis. Every parameter is in the
 * URL, so a link reproduces the result.
 */
export function AnalysesPage() {
  const r = route.value;
  const name = r.path[0] ?? '';
  const [list, setList] = useState<Listed[] | null>(null);
  const [doc, setDoc] = useState<OpenApiDoc | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const values: Record<string, string> = Object.fromEntries(r.params.entries());

  useEffect(() => {
    void openApi().then((d) => {
      setDoc(d);
      // a server without the analyses routes says so, rather than failing a request
      if (d.paths['/api/analyses']) api.get<unknown>('/api/analyses').then((x) => setList(listed(x)), setError);
      else setList([]);
    });
  }, []);
  useEffect(() => {
    if (!name) return setResult(null);
    setBusy(true);
    setError(null);
    api.get<Result>(`/api/analyses/${encodeURIComponent(name)}${query(values)}`)
      .then(setResult, (e: ApiError) => { setError(e); setResult(null); })
      .finally(() => setBusy(false));
  }, [name, r.params.toString()]);

  const params = doc && name ? paramsOf(doc, name) : [];
  const backtest = result && 'backtest' in result ? result.backtest : null;
  const analysis = result && !backtest ? ('analysis' in result ? result.analysis : (result as AnalysisJson)) : null;
  const charts = result && 'analysis' in result ? { ...(result.chart ? { [name]: result.chart } : {}), ...(result.charts ?? {}) } : {};
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    go('analyses', Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])), true, [name]);
  };

  return (
    <section class="analyses" data-testid="analyses">
      <h1>{t('navAnalyses')}</h1>
      <nav class="tabs" aria-label={t('navAnalyses')}>
        {list?.map((a) => <a href={href('analyses', {}, [a.name])} aria-current={a.name === name ? 'page' : undefined}>{a.title ? bi(a.title) : tOr(`analysis_${a.name}`, a.name)}</a>)}
      </nav>
      {list && list.length === 0 && <p class="muted" data-testid="no-analyses">{t('noAnalyses')}</p>}
      {error && <ErrorBox error={error} />}
      {name && params.length > 0 && (
        <form class="filters" onSubmit={submit} data-testid="analysis-form">
          {params.map((p) => (
            <label title={p.description}>{tOr(`param_${p.name}`, p.name)}
              {p.schema?.enum
                ? <select name={p.name} value={values[p.name] ?? ''}><option value="" />{p.schema.enum.map((v) => <option value={v}>{tOr(`option_${v}`, v)}</option>)}</select>
                : <input name={p.name} value={values[p.name] ?? ''} placeholder={p.schema?.example === undefined ? '' : String(p.schema.example)}
                    inputMode={p.schema?.type === 'integer' || p.schema?.type === 'number' ? 'decimal' : 'text'} />}
            </label>
          ))}
          <button type="submit">{t('run')}</button>
        </form>
      )}
      {busy && <p class="muted">{t('loading')}</p>}
      {analysis && <AnalysisView a={analysis} />}
      {backtest && <BacktestView b={backtest} />}
      {Object.entries(charts).map(([k, option]) => <Chart option={option} label={k} />)}
    </section>
  );
}
