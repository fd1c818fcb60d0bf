import { useEffect, useState } from 'preact/hooks';
import { AnalysisView, type AnalysisJson } from '../../analysis-view.js';
import { api, openApi, query, type ApiError, type OpenApiDoc } from '../../api.js';
import { Chart } from '../../chart.js';
import { bi } from '../../format.js';
import { lang, t, tOr } from '../../i18n.js';
import { go, href, route } from '../../router.js';
import { ErrorBox } from '../ledger/error-box.js';
import { BacktestView, type BacktestJson } from './backtest-view.js';
import { ChecksView, type CheckFlag } from './checks-view.js';

/** A query parameter as the OpenAPI document describes it: the form field for it comes from there. */
type Param = NonNullable<OpenApiDoc['paths'][string][string]['parameters']>[number] & { required?: boolean };
interface Listed { name: string; title?: { en: string; zh: string } }
type Result = { analysis: AnalysisJson; chart?: Record<string, unknown>; charts?: Record<string, Record<string, unknown>> } | { backtest: BacktestJson } | AnalysisJson;

interface Company { nameEn: string; nameZh: string | null; kind: string }

/** The source article's day (data/SOURCES.md): the backtest's forecasts are made as of it unless another is given. */
const ARTICLE_DAY = '2024-05-20';
/** Values an analysis runs with until the form says otherwise: the backtest needs a day to forecast from. */
const DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = { backtest: { asOf: ARTICLE_DAY } };

/** The parameters an analysis requires that have no value yet: it is not run (it would be a 400) until they have one. */
export function missingParams(params: readonly Param[], values: Readonly<Record<string, string>>): Param[] {
  return params.filter((p) => p.required && !values[p.name]?.trim());
}

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
  const [companies, setCompanies] = useState<Company[]>([]);
  const values: Record<string, string> = { ...DEFAULTS[name], ...Object.fromEntries(r.params.entries()) };
  const params = doc && name ? paramsOf(doc, name) : [];
  const missing = missingParams(params, values);

  useEffect(() => {
    void openApi().then((d) => {
      setDoc(d);
      // a server without the analyses routes says so, rather than failing a request
      if (d.paths['/api/analyses']) api.get<unknown>('/api/analyses').then((x) => setList(listed(x)), setError);
      else setList([]);
    });
  }, []);
  // a company is chosen from the ledger's companies, not typed
  const wantsCompany = params.some((p) => p.name === 'company');
  useEffect(() => {
    if (wantsCompany && companies.length === 0) api.get<{ items: Company[] }>('/api/entities?kind=company').then((x) => setCompanies(x.items.filter((e) => e.kind === 'company')), setError);
  }, [wantsCompany]);
  useEffect(() => {
    // nothing is asked of the server before the parameters it requires are filled in (the form says which)
    if (!name || !doc || missing.length > 0) return setResult(null);
    setBusy(true);
    setError(null);
    api.get<Result>(`/api/analyses/${encodeURIComponent(name)}${query(values)}`)
      .then(setResult, (e: ApiError) => { setError(e); setResult(null); })
      .finally(() => setBusy(false));
  }, [name, r.params.toString(), doc]);

  const zh = lang.value === 'zh';
  const flags = (analysis: AnalysisJson | null) => (analysis as { details?: { flags?: CheckFlag[] } } | null)?.details?.flags;
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
              {p.name === 'company'
                ? (
                  <select name={p.name} value={values[p.name] ?? ''} data-testid="company-select">
                    <option value="">{t('chooseCompany')}</option>
                    {values[p.name] && !companies.some((c) => c.nameEn === values[p.name]) && <option value={values[p.name]}>{values[p.name]}</option>}
                    {companies.map((c) => <option value={c.nameEn}>{zh && c.nameZh ? c.nameZh : c.nameEn}</option>)}
                  </select>
                )
                : p.schema?.enum
                ? <select name={p.name} value={values[p.name] ?? ''}><option value="" />{p.schema.enum.map((v) => <option value={v}>{tOr(`option_${v}`, v)}</option>)}</select>
                : <input name={p.name} value={values[p.name] ?? ''} placeholder={p.schema?.example === undefined ? '' : String(p.schema.example)}
                    inputMode={p.schema?.type === 'integer' || p.schema?.type === 'number' ? 'decimal' : 'text'} />}
            </label>
          ))}
          <button type="submit">{t('run')}</button>
        </form>
      )}
      {name && doc && missing.length > 0 && <p class="asof" data-testid="fill-to-run">{t('fillToRun')} {missing.map((p) => tOr(`param_${p.name}`, p.name)).join(t('listSep'))}</p>}
      {busy && <p class="muted">{t('loading')}</p>}
      {analysis && <AnalysisView a={analysis} />}
      {analysis && flags(analysis) && <ChecksView flags={flags(analysis)!} />}
      {backtest && <BacktestView b={backtest} />}
      {Object.entries(charts).map(([k, option]) => <Chart option={option} label={k} />)}
    </section>
  );
}
