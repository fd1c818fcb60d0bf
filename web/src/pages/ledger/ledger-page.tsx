import { useEffect, useState } from 'preact/hooks';
import { api, query, ApiError, type Entity, type Fact, type FactPage } from '../../api.js';
import { lang, t, tOr } from '../../i18n.js';
import { go, route } from '../../router.js';
import { FactDetail } from './fact-detail.js';
import { ConflictsTable, type Conflict } from '../../conflicts-table.js';
import { FactForm } from './fact-form.js';
import { ImportForm } from './import-form.js';
import { EntityForm } from './entity-form.js';
import { ErrorBox } from './error-box.js';
import { AsOfField } from '../../as-of-field.js';

interface Vocabulary { metrics: string[] }

/** The ledger: search and filter the facts, open one with its source, distribution and history; add and correct. */
export function LedgerPage() {
  const p = route.value.params;
  const filters = { q: p.get('q') ?? '', entity: p.get('entity') ?? '', metric: p.get('metric') ?? '', asOf: p.get('asOf') ?? '' };
  const selected = p.get('fact');
  const view = p.get('view') ?? '';
  const [entities, setEntities] = useState<Entity[]>([]);
  const [metrics, setMetrics] = useState<string[]>([]);
  const [page, setPage] = useState<FactPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [addingEntity, setAddingEntity] = useState(false);
  const [added, setAdded] = useState<Entity | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [q, setQ] = useState(filters.q);

  const set = (change: Partial<typeof filters> & { fact?: string; view?: string }) => {
    const next = { ...filters, fact: selected ?? undefined, view: view || undefined, ...change };
    go('ledger', { q: next.q, entity: next.entity, metric: next.metric, asOf: next.asOf, fact: next.fact, view: next.view }, true);
  };

  const loadEntities = () => api.get<{ items: Entity[] }>('/api/entities').then((r) => setEntities(r.items.filter((e) => e.kind === 'company' || e.kind === 'aggregate')), setError);
  useEffect(() => {
    void loadEntities();
    api.get<Vocabulary>('/api/vocabulary').then((r) => setMetrics(r.metrics), setError);
  }, []);

  // search as the user types, a moment after the last key
  useEffect(() => {
    const id = setTimeout(() => q !== filters.q && set({ q }), 250);
    return () => clearTimeout(id);
  }, [q]);

  const load = (cursor?: string) => {
    setError(null);
    api.get<FactPage>(`/api/facts${query({ q: filters.q, entity: filters.entity, metric: filters.metric, asOf: filters.asOf, limit: 50, cursor })}`)
      .then((r) => setPage((prev) => (cursor && prev ? { ...r, items: [...prev.items, ...r.items] } : r)), (e: ApiError) => {
        setError(e);
        setPage(null);
      });
  };
  useEffect(() => load(), [filters.q, filters.entity, filters.metric, filters.asOf]);
  // the conflicts, side by side, when asked for (filtered like the list)
  useEffect(() => {
    if (view !== 'conflicts') return setConflicts(null);
    api.get<{ conflicts: Conflict[] }>(`/api/conflicts${query({ entity: filters.entity, asOf: filters.asOf })}`)
      .then((r) => setConflicts(r.conflicts.filter((c) => !filters.metric || c.metric === filters.metric)), setError);
  }, [view, filters.entity, filters.metric, filters.asOf]);

  const name = (e: Entity) => (lang.value === 'zh' && e.nameZh ? e.nameZh : e.nameEn);
  const entityName = (id: string) => {
    const e = entities.find((x) => x.id === id);
    return e ? name(e) : id;
  };
  const show = (f: Fact) => (lang.value === 'zh' ? f.display.zh : f.display.en);

  return (
    <section class="ledger">
      <h1>{t('navLedger')}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} role="search">
        <label>
          {t('search')}
          <input type="search" value={q} placeholder={t('searchHint')} onInput={(e) => setQ(e.currentTarget.value)} data-testid="fact-search" />
        </label>
        <label>
          {t('entity')}
          <select value={filters.entity} onChange={(e) => set({ entity: e.currentTarget.value, fact: undefined })}>
            <option value="">{t('anyEntity')}</option>
            {entities.map((e) => <option value={e.id}>{name(e)}</option>)}
          </select>
        </label>
        <label>
          {t('metric')}
          <select value={filters.metric} onChange={(e) => set({ metric: e.currentTarget.value, fact: undefined })}>
            <option value="">{t('anyMetric')}</option>
            {metrics.map((m) => <option value={m}>{tOr(`metric_${m}`, m)}</option>)}
          </select>
        </label>
        <AsOfField value={filters.asOf} onChange={(v) => set({ asOf: v })} />
        <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>{t('addFact')}</button>
        <button type="button" onClick={() => setImporting(!importing)} aria-expanded={importing} data-testid="import-open">{t('importFacts')}</button>
        <button type="button" onClick={() => { setAddingEntity(!addingEntity); setAdded(null); }} aria-expanded={addingEntity} data-testid="entity-open">{t('addEntity')}</button>
        <button type="button" onClick={() => set({ view: view === 'conflicts' ? '' : 'conflicts' })} aria-pressed={view === 'conflicts'} data-testid="conflicts-open">{t('showConflicts')}</button>
      </form>
      {addingEntity && <EntityForm onSaved={(e) => { setAddingEntity(false); setAdded(e); void loadEntities(); }} onCancel={() => setAddingEntity(false)} />}
      {added && <p class="asof" role="status" data-testid="entity-added">{t('entityAdded').replace('{name}', name(added))}</p>}
      {importing && <ImportForm onImported={() => load()} onCancel={() => setImporting(false)} />}
      {conflicts && (
        <section aria-label={t('showConflicts')}>
          <h2>{t('showConflicts')}</h2>
          {conflicts.length === 0 ? <p class="muted">{t('noConflicts')}</p> : <ConflictsTable conflicts={conflicts} entityName={entityName} />}
        </section>
      )}
      {adding && <FactForm entities={entities} metrics={metrics} onSaved={(f) => { setAdding(false); load(); set({ fact: f.id }); }} onCancel={() => setAdding(false)} />}
      {error && <ErrorBox error={error} />}
      {page && (
        <p class="count" data-testid="fact-count">
          {page.items.length} {t('of')} {page.total} {t('facts')}
          {page.asOf && page.asOf.undated.length > 0 && !page.asOf.includeUndated ? ` · ${page.asOf.undated.length} ${t('undatedLeftOut')}` : ''}
        </p>
      )}
      <div class="split">
        <div class="table-wrap">
          <table class="facts" data-testid="facts-table">
            <thead>
              <tr><th>{t('id')}</th><th>{t('entity')}</th><th>{t('metric')}</th><th>{t('period')}</th><th>{t('asWritten')}</th><th class="num">{t('value')}</th><th>{t('source')}</th></tr>
            </thead>
            <tbody>
              {page?.items.map((f) => (
                <tr class={f.id === selected ? 'selected' : ''} onClick={() => set({ fact: f.id })} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && set({ fact: f.id })}>
                  <td class="mono">{f.id}</td>
                  <td>{entityName(f.entity)}</td>
                  <td>{tOr(`metric_${f.metric}`, f.metric)}</td>
                  <td>{f.period?.text ?? '–'}</td>
                  <td>{f.valueText}</td>
                  <td class="num">{show(f)}</td>
                  <td>{f.source.publisher}{f.source.published ? `, ${f.source.published}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page && page.items.length === 0 && <p class="muted">{t('noFacts')}</p>}
          {page?.nextCursor && <button type="button" onClick={() => load(page.nextCursor!)}>{t('more')}</button>}
        </div>
        {selected && <FactDetail id={selected} asOf={filters.asOf} entityName={entityName} metrics={metrics} onClose={() => set({ fact: undefined })} onCorrected={(f) => { load(); set({ fact: f.id }); }} />}
      </div>
    </section>
  );
}
