import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Entity, type Fact, type Figure } from '../../api.js';
import { lang, t, tOr } from '../../i18n.js';
import { errorText } from '../../error-text.js';
import { SaveFooter } from './form-footer.js';
import { useToken } from '../../token.js';

/**
 * Adding a fact, or correcting one: the value is read live as it is typed
 * ("超23亿美元" shows as > $2.3B), and a refusal shows each field's issue.
 */
export function FactForm(props: { correcting?: Fact; entities: Entity[]; metrics: string[]; onSaved: (f: Fact) => void; onCancel: () => void }) {
  const c = props.correcting;
  const [entity, setEntity] = useState(c?.entity ?? '');
  const [metric, setMetric] = useState(c?.metric ?? '');
  const [value, setValue] = useState(c?.valueText ?? '');
  const [period, setPeriod] = useState(c?.period?.text ?? '');
  // a correction starts from the fact's publisher; its address and date stay unless given anew (the server keeps them)
  const [publisher, setPublisher] = useState(c?.source.publisher ?? '');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  // what the figure is: a round or another scope, gross or net, reported or an assumption, what it counts, and a fact
  // of another outlet it reports the same thing as (a correction starts from the fact's own)
  const [scope, setScope] = useState(c?.scope ?? '');
  const [basis, setBasis] = useState(c?.basis ?? '');
  const [kind, setKind] = useState(c?.kind ?? '');
  const [definition, setDefinition] = useState(c?.definition ?? '');
  const [sameAs, setSameAs] = useState(c?.sameAs ?? '');
  const { token, setToken, remember: rememberToken } = useToken();
  const [reading, setReading] = useState<Figure | ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!value.trim()) return setReading(null);
    const id = setTimeout(() => {
      api.post<Figure>('/api/figures/parse', { text: value, lang: lang.value }, token).then(setReading, (e: ApiError) => setReading(e));
    }, 200);
    return () => clearTimeout(id);
  }, [value]);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    rememberToken();
    const source = { publisher, ...(url ? { url } : {}), ...(published ? { published } : {}) };
    // the fields of what the figure is: given when set (a correction: when changed from the fact's own)
    const what = Object.fromEntries(([
      ['scope', scope.trim() || null, c?.scope ?? null],
      ['basis', basis || null, c?.basis ?? null],
      ['kind', kind || null, c?.kind ?? null],
      ['definition', definition.trim() || null, c?.definition ?? null],
      ['sameAs', sameAs.trim() || null, c?.sameAs ?? null],
    ] as const).filter(([k, v, was]) => (c ? v !== was && !(v === null && (k === 'basis' || k === 'kind')) : v !== null)).map(([k, v]) => [k, v]));
    try {
      const f = c
        ? await api.post<Fact>(`/api/facts/${encodeURIComponent(c.id)}/corrections`, { value, period: period || null, ...what, source }, token)
        : await api.post<Fact>('/api/facts', { entity, metric, value, period: period || null, ...what, source }, token);
      props.onSaved(f);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="fact-form" onSubmit={save} data-testid={c ? 'correct-form' : 'add-form'}>
      <h3>{c ? `${t('correctFact')}: ${c.id}` : t('addFact')}</h3>
      {!c && (
        <>
          <label>{t('entity')}
            <input list="entity-names" value={entity} onInput={(e) => setEntity(e.currentTarget.value)} required name="entity" />
            <datalist id="entity-names">{props.entities.map((x) => <option value={x.nameEn}>{x.nameZh ?? ''}</option>)}</datalist>
          </label>
          <label>{t('metric')}
            <select value={metric} onChange={(e) => setMetric(e.currentTarget.value)} required name="metric">
              <option value="" />
              {props.metrics.map((m) => <option value={m}>{tOr(`metric_${m}`, m)}</option>)}
            </select>
          </label>
        </>
      )}
      <label>{t('valueAsWritten')}
        <input value={value} onInput={(e) => setValue(e.currentTarget.value)} required name="value" placeholder="超23亿美元 / $1.525 billion" />
      </label>
      <p class="reading" aria-live="polite" data-testid="live-reading">
        {reading instanceof ApiError ? <span class="bad">{errorText(reading).headline}</span>
          : reading ? <>{t('readsAs')} <strong>{lang.value === 'zh' ? reading.display.zh : reading.display.en}</strong> ({tOr(`qualifier_${reading.qualifier}`, reading.qualifier)})</> : null}
      </p>
      <label>{t('period')}<input value={period} onInput={(e) => setPeriod(e.currentTarget.value)} name="period" placeholder="2024-Q1" /></label>
      <details class="fact-what" open={!!(c && (c.scope || c.definition || c.sameAs))}>
        <summary>{t('factWhat')}</summary>
        <label>{t('scope')}<input value={scope} onInput={(e) => setScope(e.currentTarget.value)} name="scope" placeholder="round / app_store / region:China" /></label>
        <label>{t('param_basis')}
          <select value={basis} onChange={(e) => setBasis(e.currentTarget.value)} name="basis">
            <option value="" />
            {['gross', 'net', 'unknown'].map((b) => <option value={b}>{tOr(`basis_${b}`, b)}</option>)}
          </select>
        </label>
        <label>{t('kind')}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)} name="kind">
            <option value="" />
            {['reported', 'assumption'].map((k) => <option value={k}>{tOr(`kind_${k}`, k)}</option>)}
          </select>
        </label>
        <label>{t('definition')}<input value={definition} onInput={(e) => setDefinition(e.currentTarget.value)} name="definition" /></label>
        <label>{t('sameAsField')}<input value={sameAs} onInput={(e) => setSameAs(e.currentTarget.value)} name="sameAs" placeholder="fact-…" /></label>
        <p class="hint">{t('factWhatHint')}</p>
      </details>
      <label>{t('publisher')}<input value={publisher} onInput={(e) => setPublisher(e.currentTarget.value)} required name="publisher" /></label>
      <label>{t('url')}<input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} name="url" placeholder={c?.source.url ?? ''} /></label>
      <label>{t('published')}<input type="date" value={published} onInput={(e) => setPublished(e.currentTarget.value)} name="published" required={!!c && publisher.trim() !== c.source.publisher} /></label>
      {c && <p class="hint" data-testid="correction-source-hint">{t('correctionSourceHint')}{c.source.published ? ` (${c.source.publisher}, ${c.source.published})` : ''}</p>}
      <SaveFooter token={token} setToken={setToken} error={error} busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
