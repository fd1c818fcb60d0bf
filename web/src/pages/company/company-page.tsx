import { useEffect, useState } from 'preact/hooks';
import { DriverBar, EstimateFigure, factsOf, RankCorrelation, type EstimateJson } from '../../analysis-view.js';
import { api, query, type ApiError, type Entity, type Fact, type FactPage, type Source } from '../../api.js';
import { ConflictsTable, type Conflict } from '../../conflicts-table.js';
import { FactLink, FactLinks } from '../../fact-link.js';
import { bi, formatValue } from '../../format.js';
import { formulaText } from '../../formula-text.js';
import { lang, t, tOr } from '../../i18n.js';
import { go, route } from '../../router.js';
import { ErrorBox } from '../ledger/error-box.js';
import { AsOfField } from '../../as-of-field.js';
import { companyHeading, survivalRefusalText } from './survival-refusal.js';

type Bi = { en: string; zh: string };
type Estimate = EstimateJson;
interface Assumption { id: string; text: Bi; rationale: Bi }
interface HealthInput { name: string; label: Bi; status: string; estimateId: string | null; factIds: string[] }
interface Health {
  analysis: {
    estimates: Estimate[]; assumptions: Assumption[]; notes: Bi[];
    details: { inputs: HealthInput[]; missing: Bi[]; conversions: Bi[]; burnMultipleBand: string | null; asOf: string | null; start?: { date: string | null; basis: string; text: Bi }; unbounded?: { estimateId: string; share: number; meaning: Bi; when: Bi }[] };
    asOf?: { text: Bi };
  };
}
interface SurvivalCompany { id: string; pOutWithin: Record<'12' | '24' | '36', number | null>; medianMonthOutText: Bi; drivers: { input: string; spearman: number | null }[]; inputs: { input: string; status: string; text: string; factIds: string[] }[] }
interface Survival { analysis: { assumptions: Assumption[]; details: { companies: SurvivalCompany[]; paths: number; climate: { name: string } } } }
interface Outcome { id: string; entity: string; type: string; date: string; detail: string; source: Source }

/** The metrics a company page shows as its health, in this order, each with its formula and facts. */
const HEALTH_SHOWN = ['runway', 'default_alive.probability', 'default_alive.months_to_profit', 'default_alive.cash_needed', 'revenue.annual', 'revenue_multiple', 'burn_multiple', 'capital_efficiency', 'rule_of_40'];

const label = (prefix: 'metric_' | 'outcome_' | 'input_' | 'status_', id: string): string => tOr(prefix + id, id);

/**
 * A company: its facts as a timeline with sources; the derived inputs with
 * their derivations; runway, default alive and multiples with their formulas;
 * what drives its survival; conflicts; assumptions with their reasons; outcomes.
 */
export function CompanyPage() {
  const r = route.value;
  const name = r.path[0] ?? '';
  const asOf = r.params.get('asOf') ?? '';
  const [entity, setEntity] = useState<Entity | null>(null);
  const [facts, setFacts] = useState<Fact[]>([]);
  const [health, setHealth] = useState<Health | null>(null);
  const [healthError, setHealthError] = useState<ApiError | null>(null);
  const [survival, setSurvival] = useState<Survival | null>(null);
  const [survivalError, setSurvivalError] = useState<ApiError | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const zh = lang.value === 'zh';

  useEffect(() => {
    setError(null);
    setEntity(null);
    api.get<Entity>(`/api/entities/${encodeURIComponent(name)}`).then(setEntity, setError);
  }, [name]);

  useEffect(() => {
    if (!entity) return;
    const id = entity.id;
    setHealth(null);
    setHealthError(null);
    setSurvival(null);
    setSurvivalError(null);
    api.get<FactPage>(`/api/facts${query({ entity: id, asOf, sort: 'period', limit: 500 })}`).then((p) => setFacts(p.items), setError);
    api.get<Health>(`/api/companies/${encodeURIComponent(id)}/health${query({ asOf, samples: 10000, seed: 'shakeout', assumptions: 'true' })}`).then(setHealth, setHealthError);
    // drivers come from the shakeout simulation; a company it cannot feed gets the reason, not an empty section
    api.get<Survival>(`/api/survival${query({ companies: id, asOf, paths: 5000, seed: 'shakeout' })}`).then(setSurvival, (e: ApiError) => { setSurvival(null); setSurvivalError(e); });
    api.get<{ conflicts: Conflict[] }>(`/api/conflicts${query({ entity: id, asOf })}`).then((c) => setConflicts(c.conflicts), () => setConflicts([]));
    api.get<{ items: Outcome[] }>(`/api/outcomes${query({ entity: id, asOf })}`).then((o) => setOutcomes(o.items), () => setOutcomes([]));
  }, [entity?.id, asOf]);

  if (error) return <section class="company"><h1>{name}</h1><ErrorBox error={error} /></section>;
  if (!entity) return <p class="muted">{t('loading')}</p>;

  const heading = companyHeading(entity);
  // an expected state (not enough facts, or out of the race), said calmly in words; any other refusal is an error
  const refusal = survivalError ? survivalRefusalText(survivalError.issues) : null;
  const est = health?.analysis.estimates ?? [];
  const byId = (id: string | null) => est.find((e) => e.id === id);
  const sc = survival?.analysis.details.companies.find((c) => c.id === entity.id);
  const shownHealth = HEALTH_SHOWN.map((id) => byId(id)).filter((e): e is Estimate => !!e);
  const assumptions = [...(health?.analysis.assumptions ?? []), ...(survival?.analysis.assumptions.filter((x) => x.id.startsWith(`survival.${entity.id}.`)) ?? [])];
  const figure = (e: Estimate) => <EstimateFigure e={e} />;

  return (
    <section class="company" data-testid="company-page">
      <h1>{heading.title}{heading.other ? <> <span class="muted">{heading.other}</span></> : null}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <AsOfField value={asOf} onChange={(v) => go('company', { asOf: v }, true, [name])} />
      </form>
      {/* both dates in plain view: what had been published by the as-of day, and the date the inputs describe (docs/as-of.md) */}
      {health?.analysis.asOf && <p class="asof">{bi(health.analysis.asOf.text)}</p>}
      {health?.analysis.details.start && <p class="asof" data-testid="inputs-start">{bi(health.analysis.details.start.text)}</p>}

      <h2>{t('health')}</h2>
      {healthError && <ErrorBox error={healthError} />}
      {!health && !healthError && <p class="muted">{t('loading')}</p>}
      {health && shownHealth.length === 0 && <p class="muted" data-testid="health-empty">{t('healthEmpty')}</p>}
      {health && shownHealth.length > 0 && (
        <div class="table-wrap">
          <table class="facts stack" data-testid="health">
            <thead><tr><th>{t('measure')}</th><th class="num">{t('median')}</th><th>{t('formula')}</th><th>{t('factsColumn')}</th></tr></thead>
            <tbody>
              {shownHealth.map((e) => (
                <tr data-estimate={e.id}>
                  <td>{bi(e.label)}</td>
                  <td class="num-cell">{figure(e)}</td>
                  <td class="mono" data-testid="formula">{formulaText(e.formula)}</td>
                  <td><FactLinks ids={factsOf(e, est)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {health?.analysis.details.unbounded?.length ? (
        <ul class="small">{health.analysis.details.unbounded.map((u) => <li>{bi(u.meaning)} ({(u.share * 100).toFixed(1)}%): {bi(u.when)}</li>)}</ul>
      ) : null}

      {health && (
        <>
          <h2>{t('derivedInputs')}</h2>
          <div class="table-wrap">
            <table class="facts stack" data-testid="derived-inputs">
              <thead><tr><th>{t('input')}</th><th>{t('status')}</th><th class="num">{t('median')}</th><th>{t('formula')}</th><th>{t('factsColumn')}</th></tr></thead>
              <tbody>
                {health.analysis.details.inputs.map((i) => {
                  const e = byId(i.estimateId);
                  return (
                    <tr>
                      <td>{bi(i.label)}</td>
                      <td class="status">{label('status_', i.status)}</td>
                      <td class="num-cell">{e ? figure(e) : '–'}</td>
                      <td class="mono" data-testid="formula">{formulaText(e?.formula)}</td>
                      <td><FactLinks ids={i.factIds} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {health.analysis.details.conversions.length > 0 && (
            <details><summary>{t('conversions')}</summary><ul class="small">{health.analysis.details.conversions.map((c) => <li>{bi(c)}</li>)}</ul></details>
          )}
          {health.analysis.details.missing.length > 0 && <ul class="small muted">{health.analysis.details.missing.map((m) => <li>{bi(m)}</li>)}</ul>}
        </>
      )}

      {sc && (
        <>
          <h2>{t('survivalDrivers')}</h2>
          <p>
            {t('pOut12')}: <strong>{formatValue(sc.pOutWithin['12'], { unit: 'percent', per: null })}</strong>
            {' · '}{t('pOut24')}: <strong>{formatValue(sc.pOutWithin['24'], { unit: 'percent', per: null })}</strong>
            {' · '}{t('pOut36')}: <strong>{formatValue(sc.pOutWithin['36'], { unit: 'percent', per: null })}</strong>
            {' · '}{t('medianOut')}: {bi(sc.medianMonthOutText)}
          </p>
          <table class="facts drivers stack" data-testid="drivers">
            <thead><tr><th>{t('input')}</th><th class="num">{t('spearman')}</th><th /><th>{t('formula')}</th><th>{t('factsColumn')}</th></tr></thead>
            <tbody>
              {sc.drivers.map((d) => (
                <tr><td>{label('input_', d.input)}</td><RankCorrelation r={d.spearman} />
                  <DriverBar r={d.spearman} />
                  <td class="mono" data-testid="formula">{formulaText(sc.inputs.find((i) => i.input === d.input)?.text)}</td>
                  <td><FactLinks ids={sc.inputs.find((i) => i.input === d.input)?.factIds ?? []} /></td></tr>
              ))}
            </tbody>
          </table>
          <p class="muted small">{t('driversHint')} ({t('method')} {survival!.analysis.details.paths} {t('paths')})</p>
        </>
      )}

      {!sc && survivalError && (
        <>
          <h2>{t('survivalDrivers')}</h2>
          {refusal
            ? <p class="muted" data-testid="survival-missing">{refusal}</p>
            : <div data-testid="survival-error"><ErrorBox error={survivalError} /></div>}
        </>
      )}

      {assumptions.length > 0 && (
        <>
          <h2>{t('assumptions')}</h2>
          <ul class="assumptions" data-testid="assumptions">{assumptions.map((a) => <li>{formulaText(bi(a.text))} — <span class="muted">{bi(a.rationale)}</span></li>)}</ul>
        </>
      )}
      {health && health.analysis.notes.length > 0 && (
        <details><summary>{t('notes')}</summary><ul class="small">{health.analysis.notes.map((n) => <li>{bi(n)}</li>)}</ul></details>
      )}

      <h2>{t('timeline')}</h2>
      <ol class="timeline" data-testid="timeline">
        {facts.map((f) => (
          <li>
            <span class="when">{f.period?.start.slice(0, 7) ?? '–'}</span>
            <span class="what">{label('metric_', f.metric)} <strong>{zh ? f.display.zh : f.display.en}</strong> <span class="muted">({f.valueText})</span></span>
            <span class="src">{f.source.url ? <a href={f.source.url} rel="noreferrer noopener" target="_blank">{f.source.publisher}</a> : f.source.publisher}{f.source.published ? `, ${f.source.published}` : ''}</span>
            <FactLink id={f.id} />
          </li>
        ))}
      </ol>
      {facts.length === 0 && <p class="muted">{t('noFacts')}</p>}

      {conflicts.length > 0 && (
        <>
          <h2>{t('conflicts')}</h2>
          <ConflictsTable conflicts={conflicts} />
        </>
      )}

      <h2>{t('outcomes')}</h2>
      {outcomes.length === 0 ? <p class="muted">{t('noOutcomes')}</p> : (
        <ul class="outcomes" data-testid="outcomes">
          {outcomes.map((o) => (
            <li><span class="when">{o.date}</span> {label('outcome_', o.type)}: {o.detail} — {o.source.url ? <a href={o.source.url} rel="noreferrer noopener" target="_blank">{o.source.publisher}</a> : o.source.publisher}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
