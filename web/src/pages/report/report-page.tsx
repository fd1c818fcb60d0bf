import { lang, t } from '../../i18n.js';
import { go, route } from '../../router.js';
import { query } from '../../api.js';

const FORMATS = ['html', 'md', 'json'] as const;

/**
 * The report in either language, to open or download in each format. The
 * page itself stays thin: the server writes the report (GET /api/report).
 */
export function ReportPage() {
  const p = route.value.params;
  const rl = (p.get('lang') ?? lang.value) as 'en' | 'zh';
  const asOf = p.get('asOf') ?? '';
  const set = (change: { lang?: string; asOf?: string }) => go('report', { lang: change.lang ?? rl, asOf: change.asOf ?? asOf }, true);
  const url = (format: string) => `/api/report${query({ lang: rl, format, asOf })}`;
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
        <label title={t('asOfHint')}>{t('asOf')}
          <input type="date" value={asOf} onChange={(e) => set({ asOf: e.currentTarget.value })} />
        </label>
      </form>
      <ul class="downloads">
        <li><a href={url('html')} target="_blank" rel="noopener" data-testid="report-open">{t('reportOpen')}</a></li>
        {FORMATS.map((f) => <li><a href={url(f)} download={`shakeout-report-${rl}.${f}`} data-testid={`report-${f}`}>{t('download')} {f.toUpperCase()}</a></li>)}
      </ul>
    </section>
  );
}
