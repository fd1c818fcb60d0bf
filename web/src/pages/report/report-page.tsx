import { useEffect, useState } from 'preact/hooks';
import { api, query, type ApiError } from '../../api.js';
import { Chart } from '../../chart.js';
import { lang, t } from '../../i18n.js';
import { go, route } from '../../router.js';
import { ErrorBox } from '../ledger/error-box.js';
import { AsOfField } from '../../as-of-field.js';
import { CURRENCY_TABLE } from '../../../../src/core/currency-table.js';

const FORMATS = ['html', 'md', 'json'] as const;

interface Company { nameEn: string; nameZh: string | null; kind: string }

/** The companies of the link ("Mistral AI,Cohere"), none for the article's own. */
export function companiesOf(param: string | null): string[] {
  return (param ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

/**
 * The report in either language, to open or download in each format. The
 * page itself stays thin: the server writes the report (GET /api/report).
 */
export function ReportPage() {
  const p = route.value.params;
  const rl = (p.get('lang') ?? lang.value) as 'en' | 'zh';
  const asOf = p.get('asOf') ?? '';
  // money shown in another currency at one named rate (funding stays in dollars: the report says why)
  const currency = p.get('currency') ?? '';
  const chosen = companiesOf(p.get('companies'));
  const companies = chosen.length > 0 ? chosen.join(',') : undefined;
  const set = (change: { lang?: string; asOf?: string; companies?: string[]; currency?: string }) => {
    const c = (change.companies ?? chosen).join(',');
    const cur = change.currency ?? currency;
    go('report', { lang: change.lang ?? rl, asOf: change.asOf ?? asOf, companies: c || undefined, currency: cur && cur !== 'USD' ? cur : undefined }, true);
  };
  const money = currency && currency !== 'USD' ? currency : undefined;
  const url = (format: string, download?: boolean) => `/api/report${query({ lang: rl, format, asOf, companies, currency: money, download: download ? '1' : undefined })}`;
  const [error, setError] = useState<ApiError | null>(null);
  // the report can be about any of the ledger's companies (GET /api/report?companies=), the article's by default
  const [known, setKnown] = useState<Company[]>([]);
  useEffect(() => {
    // only companies the ledger has figures about: an investor or a research firm recorded by name alone has no report
    api.get<{ items: Company[] }>('/api/entities?kind=company&withFacts=true').then((x) => setKnown(x.items.filter((e) => e.kind === 'company')), (e: ApiError) => setError(e));
  }, []);
  const toggle = (name: string, on: boolean) => set({ companies: on ? [...chosen, name] : chosen.filter((c) => c !== name) });
  const [charts, setCharts] = useState<{ name: string; title: string; option: Record<string, unknown> }[] | null>(null);
  // the report's charts, drawn here from the same options (GET /api/charts), on demand: building a report takes a while
  const showCharts = async () => {
    setError(null);
    try {
      const q = query({ lang: rl, asOf, companies, currency: money });
      const list = await api.get<{ items: { name: string; title: string }[] }>(`/api/charts${q}`);
      setCharts(await Promise.all(list.items.map(async (c) => ({ ...c, option: await api.get<Record<string, unknown>>(`/api/charts/${encodeURIComponent(c.name)}${q}`) }))));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <section class="report" data-testid="report">
      <h1>{t('navReport')}</h1>
      <p class="muted">{t('reportHint')}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>{t('reportLang')}
          <select value={rl} onChange={(e) => set({ lang: e.currentTarget.value })} data-testid="report-lang">
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <AsOfField value={asOf} onChange={(v) => set({ asOf: v })} />
        <label>{t('reportCurrency')}
          <select value={money ?? 'USD'} onChange={(e) => set({ currency: e.currentTarget.value })} data-testid="report-currency">
            {Object.values(CURRENCY_TABLE).map((c) => <option value={c.code}>{lang.value === 'zh' ? `${c.nameZh}（${c.code}）` : `${c.code} (${c.pluralEn})`}</option>)}
          </select>
        </label>
        {known.length > 0 && (
          <fieldset class="choices" data-testid="report-companies">
            <legend>{t('reportCompanies')}</legend>
            {known.map((c) => (
              <label class="check"><input type="checkbox" checked={chosen.includes(c.nameEn)} onChange={(e) => toggle(c.nameEn, e.currentTarget.checked)} value={c.nameEn} />{lang.value === 'zh' && c.nameZh ? c.nameZh : c.nameEn}</label>
            ))}
          </fieldset>
        )}
      </form>
      <p class="muted small" data-testid="report-about">{chosen.length > 0 ? `${t('reportAbout')} ${chosen.join(t('listSep'))}` : t('reportArticleCompanies')}</p>
      <ul class="downloads">
        <li><a href={url('html')} target="_blank" rel="noopener" data-testid="report-open">{t('reportOpen')}</a></li>
        {FORMATS.map((f) => <li><a href={url(f, true)} download data-testid={`report-${f}`}>{t('download')} {f.toUpperCase()}</a></li>)}
      </ul>
      <button type="button" onClick={() => void showCharts()} data-testid="report-charts">{t('reportCharts')}</button>
      {error && <ErrorBox error={error} />}
      {charts?.map((c) => <figure><figcaption>{c.title}</figcaption><Chart option={c.option} label={c.title} /></figure>)}
    </section>
  );
}
