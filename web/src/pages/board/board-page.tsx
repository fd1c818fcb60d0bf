import { useEffect, useState } from 'preact/hooks';
import { EstimateFigure, type EstimateJson } from '../../analysis-view.js';
import { api, query, type ApiError } from '../../api.js';
import { Chart } from '../../chart.js';
import { lang, t } from '../../i18n.js';
import { FactLinks } from '../../fact-link.js';
import { formulaText } from '../../formula-text.js';
import { go, href, route } from '../../router.js';
import { ErrorBox } from '../ledger/error-box.js';
import { AsOfField } from '../../as-of-field.js';
import { bi } from '../../format.js';
import { outFirst } from './out-first.js';

type Bi = { en: string; zh: string };
interface InputRow { input: string; status: string; text: string; p5: number; p50: number; p95: number; factIds: string[] }
interface Company {
  id: string; name: string; nameZh: string | null;
  pOutWithin: Record<'12' | '24' | '36', number | null>;
  medianMonthOutText: { en: string; zh: string };
  inputs: InputRow[];
}
type Estimate = EstimateJson;
interface Survival {
  analysis: {
    estimates: Estimate[];
    assumptions: { id: string; text: { en: string; zh: string }; rationale: { en: string; zh: string } }[];
    notes: { en: string; zh: string }[];
    details: {
      companies: Company[]; ranking: { rank: number; id: string }[]; horizonMonths: number; paths: number; seed: string | number; climate: { name: string };
      /** Where the inputs start, one line per start; companies out of the race by then; companies lacking inputs then. */
      startLines?: Bi[]; out?: { id: string; text: Bi }[]; leftOut?: { id: string; text: Bi }[];
    };
    asOf?: { text: { en: string; zh: string } };
  };
  chart: Record<string, unknown>;
}

const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);

/** The board: companies ranked by the chance of running out of cash, their survival curves, and what each figure rests on. */
export function BoardPage() {
  const p = route.value.params;
  const controls = { climate: p.get('climate') ?? 'neutral', horizon: p.get('horizon') ?? '60', asOf: p.get('asOf') ?? '', open: p.get('open') ?? '' };
  const set = (change: Partial<typeof controls>) => go('board', { ...controls, ...change }, true);
  const [data, setData] = useState<Survival | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const zh = lang.value === 'zh';

  useEffect(() => {
    setBusy(true);
    setError(null);
    // every parameter in the URL: the same URL gives the same numbers
    api.get<Survival>(`/api/survival${query({ climate: controls.climate, horizon: controls.horizon, asOf: controls.asOf, paths: 10000, seed: 'shakeout', lang: lang.value, ledgerCompanies: 'true' })}`)
      .then(setData, (e: ApiError) => { setError(e); setData(null); })
      .finally(() => setBusy(false));
  }, [controls.climate, controls.horizon, controls.asOf, lang.value]);

  const d = data?.analysis.details;
  const est = (id: string) => data?.analysis.estimates.find((e) => e.id === id);
  const name = (c: Company) => (zh && c.nameZh ? c.nameZh : c.name);
  const cell = (c: Company, m: '12' | '24' | '36') => {
    const v = c.pOutWithin[m];
    const e = est(`survival.${c.id}.p_out_${m}`);
    return <td class="num" title={e ? `${t('mcInterval')}: ${pct(e.p5)} – ${pct(e.p95)}` : undefined}>{pct(v)}</td>;
  };
  return (
    <section class="board">
      <h1>{t('boardTitle')}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>{t('climate')}
          <select value={controls.climate} onChange={(e) => set({ climate: e.currentTarget.value })} data-testid="climate">
            {['cold', 'neutral', 'hot', 'auto'].map((c) => <option value={c}>{t(`climate_${c}` as 'climate_cold')}</option>)}
          </select>
        </label>
        <label>{t('horizon')}
          <select value={controls.horizon} onChange={(e) => set({ horizon: e.currentTarget.value })}>
            {['24', '36', '60'].map((h) => <option value={h}>{h} {t('months')}</option>)}
          </select>
        </label>
        <AsOfField value={controls.asOf} onChange={(v) => set({ asOf: v })} />
        {busy && <span class="muted">{t('loading')}</span>}
      </form>
      {error && <ErrorBox error={error} />}
      {data?.analysis.asOf && <p class="asof" data-testid="asof">{zh ? data.analysis.asOf.text.zh : data.analysis.asOf.text.en}</p>}
      {d && (
        <>
          {/* the ranking's caption, in plain view: where each company's inputs start, and who is not ranked and why */}
          <div class="small" data-testid="ranking-caption">
            <p><strong>{t('inputsStartTitle')}</strong></p>
            <ul data-testid="inputs-start">{(d.startLines ?? []).map((l) => <li>{bi(l)}</li>)}</ul>
            {(d.out?.length ?? 0) + (d.leftOut?.length ?? 0) > 0 && (
              <>
                <p><strong>{t('notSimulated')}</strong></p>
                <ul data-testid="not-simulated">
                  {(d.out ?? []).map((o) => <li data-out={o.id}>{bi(o.text)}</li>)}
                  {(d.leftOut ?? []).map((x) => <li data-left-out={x.id}>{bi(x.text)}</li>)}
                </ul>
              </>
            )}
          </div>
          <div class="table-wrap">
            <table class="facts ranking" data-testid="ranking">
              <thead>
                <tr><th>#</th><th>{t('company')}</th><th class="num">{t('pOut12')}</th><th class="num">{t('pOut24')}</th><th class="num">{t('pOut36')}</th><th>{t('medianOut')}</th></tr>
              </thead>
              <tbody>
                {outFirst(d.ranking).map((r) => {
                  const c = d.companies.find((x) => x.id === r.id)!;
                  const open = controls.open === c.id;
                  return (
                    <>
                      <tr class={open ? 'selected' : ''} onClick={() => set({ open: open ? '' : c.id })} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && set({ open: open ? '' : c.id })} aria-expanded={open}>
                        <td>{r.rank}</td><td><a href={href('company', { asOf: controls.asOf || undefined }, [c.id])} onClick={(e) => e.stopPropagation()} data-testid="company-link">{name(c)}</a></td>{cell(c, '12')}{cell(c, '24')}{cell(c, '36')}<td>{zh ? c.medianMonthOutText.zh : c.medianMonthOutText.en}</td>
                      </tr>
                      {open && (
                        <tr class="inputs-row"><td colSpan={6}>
                          <table class="kv" data-testid="figures">
                            <tbody>
                              {data.analysis.estimates.filter((e) => e.id.startsWith(`survival.${c.id}.`)).map((e) => (
                                <tr data-estimate={e.id}>
                                  <th scope="row">{zh ? e.label.zh : e.label.en}</th>
                                  <td class="num-cell"><EstimateFigure e={e} /></td>
                                  <td class="mono" data-testid="formula">{formulaText(e.formula)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                          <table class="kv" data-testid="inputs">
                            <thead><tr><th>{t('input')}</th><th>{t('status')}</th><th>{t('formula')}</th><th>{t('factsColumn')}</th></tr></thead>
                            <tbody>
                              {c.inputs.map((i) => (
                                <tr>
                                  <td>{t(`input_${i.input}` as 'input_cash')}</td>
                                  <td>{t(`status_${i.status}` as 'status_reported')}</td>
                                  <td class="mono" data-testid="formula">{formulaText(i.text)}</td>
                                  <td><FactLinks ids={i.factIds} /></td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                          <ul class="assumptions">
                            {data.analysis.assumptions.filter((a) => a.id.startsWith(`survival.${c.id}.`)).map((a) => <li>{zh ? a.text.zh : a.text.en} — <span class="muted">{zh ? a.rationale.zh : a.rationale.en}</span></li>)}
                          </ul>
                        </td></tr>
                      )}
                    </>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Chart option={data.chart} unit="percent" label={t('chartLabel')} />
          <p class="muted small">{t('method')} {d.paths} {t('paths')}, {t('seed')} {String(d.seed)}.</p>
          <details>
            <summary>{t('notes')}</summary>
            <ul>{data.analysis.notes.map((n) => <li>{zh ? n.zh : n.en}</li>)}</ul>
          </details>
        </>
      )}
    </section>
  );
}
