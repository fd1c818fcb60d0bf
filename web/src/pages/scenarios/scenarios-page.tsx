import { useEffect, useState } from 'preact/hooks';
import { api, query, type ApiError } from '../../api.js';
import { Chart } from '../../chart.js';
import { formatValue } from '../../format.js';
import { lang, t } from '../../i18n.js';
import { go, href, route } from '../../router.js';
import { ErrorBox } from '../ledger/error-box.js';
import { AsOfField } from '../../as-of-field.js';

const CLIMATES = ['cold', 'neutral', 'hot', 'auto'] as const;
type Month = '12' | '24' | '36';
interface Company { id: string; name: string; nameZh: string | null; pOutWithin: Record<Month, number | null>; medianMonthOutText: { en: string; zh: string } }
interface Survival {
  analysis: { details: { companies: Company[]; climate: { name: string }; climateReason?: { en: string; zh: string } | string; paths: number } };
  chart: Record<string, unknown>;
}

const pct = (x: number | null) => formatValue(x, { unit: 'percent', per: null });

/** Scenarios: the same shakeout under two to four funding climates, side by side. */
export function ScenariosPage() {
  const p = route.value.params;
  const chosen = (p.get('climates') ?? 'cold,neutral,hot').split(',').filter((c): c is (typeof CLIMATES)[number] => (CLIMATES as readonly string[]).includes(c));
  const month = (p.get('month') ?? '24') as Month;
  const asOf = p.get('asOf') ?? '';
  const set = (change: { climates?: string[]; month?: string; asOf?: string }) =>
    go('scenarios', { climates: (change.climates ?? chosen).join(','), month: change.month ?? month, asOf: change.asOf ?? asOf }, true);
  const [results, setResults] = useState<Record<string, Survival | ApiError>>({});
  const zh = lang.value === 'zh';

  useEffect(() => {
    setResults({});
    for (const c of chosen) {
      api.get<Survival>(`/api/survival${query({ climate: c, asOf, paths: 5000, seed: 'shakeout', horizon: 60, lang: lang.value })}`)
        .then((r) => setResults((prev) => ({ ...prev, [c]: r })), (e: ApiError) => setResults((prev) => ({ ...prev, [c]: e })));
    }
  }, [chosen.join(','), asOf, lang.value]);

  const toggle = (c: string, on: boolean) => {
    const next = CLIMATES.filter((x) => (x === c ? on : chosen.includes(x)));
    if (next.length >= 2 && next.length <= 4) set({ climates: next });
  };
  const ready = chosen.map((c) => results[c]).filter((r): r is Survival => !!r && 'analysis' in r);
  const companies = ready[0]?.analysis.details.companies ?? [];

  return (
    <section class="scenarios" data-testid="scenarios">
      <h1>{t('navScenarios')}</h1>
      <p class="muted small">{t('scenariosHint')}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="choices">
          <legend>{t('climate')}</legend>
          {CLIMATES.map((c) => (
            <label class="check">
              <input type="checkbox" checked={chosen.includes(c)} onChange={(e) => toggle(c, e.currentTarget.checked)} disabled={chosen.includes(c) ? chosen.length <= 2 : chosen.length >= 4} />
              {t(`climate_${c}`)}
            </label>
          ))}
        </fieldset>
        <label>{t('chanceOut')}
          <select value={month} onChange={(e) => set({ month: e.currentTarget.value })}>
            {['12', '24', '36'].map((m) => <option value={m}>{m} {t('months')}</option>)}
          </select>
        </label>
        <AsOfField value={asOf} onChange={(v) => set({ asOf: v })} />
      </form>
      {chosen.map((c) => { const r = results[c]; return r && !('analysis' in r) ? <ErrorBox error={r} /> : null; })}
      {ready.length < chosen.length && <p class="muted">{t('loading')}</p>}
      {ready.length === chosen.length && (
        <>
          <div class="table-wrap">
            <table class="facts" data-testid="scenario-table">
              <thead>
                <tr><th>{t('company')}</th>{chosen.map((c) => <th class="num">{t(`climate_${c}`)}</th>)}</tr>
              </thead>
              <tbody>
                {companies.map((co) => (
                  <tr>
                    <td><a href={href('company', { asOf: asOf || undefined }, [co.id])}>{zh && co.nameZh ? co.nameZh : co.name}</a></td>
                    {ready.map((r) => {
                      const x = r.analysis.details.companies.find((y) => y.id === co.id);
                      return <td class="num" title={x ? (zh ? x.medianMonthOutText.zh : x.medianMonthOutText.en) : undefined}>{pct(x?.pOutWithin[month] ?? null)}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted small">{t('chanceOut')} {month} {t('months')} · {t('method')} {ready[0]!.analysis.details.paths} {t('paths')}</p>
          <div class="side-by-side">
            {chosen.map((c, i) => (
              <figure>
                <figcaption>{t(`climate_${c}`)}</figcaption>
                <Chart option={ready[i]!.chart} unit="percent" label={`${t('chartLabel')} (${t(`climate_${c}`)})`} />
              </figure>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
