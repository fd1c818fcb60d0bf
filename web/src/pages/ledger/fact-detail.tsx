import { useEffect, useState } from 'preact/hooks';
import { api, query, type ApiError, type Fact } from '../../api.js';
import { lang, t, tOr } from '../../i18n.js';
import { formulaText } from '../../formula-text.js';
import { ErrorBox } from './error-box.js';
import { FactDistributionChart } from './fact-distribution.js';
import { FactForm } from './fact-form.js';

/** One fact: its figure and interval, its source, how it was derived, its correction history. */
export function FactDetail(props: { id: string; asOf: string; entityName: (id: string) => string; metrics: string[]; onClose: () => void; onCorrected: (f: Fact) => void }) {
  const [fact, setFact] = useState<Fact | null>(null);
  const [history, setHistory] = useState<Fact[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [correcting, setCorrecting] = useState(false);
  useEffect(() => {
    setError(null);
    setCorrecting(false);
    const q = query({ asOf: props.asOf });
    api.get<Fact>(`/api/facts/${encodeURIComponent(props.id)}${q}`).then(setFact, (e: ApiError) => { setError(e); setFact(null); });
    api.get<{ items: Fact[] }>(`/api/facts/${encodeURIComponent(props.id)}/history${q}`).then((r) => setHistory(r.items), () => setHistory([]));
  }, [props.id, props.asOf]);
  const zh = lang.value === 'zh';
  const row = (label: string, value: preact.ComponentChildren) => (value === null || value === undefined || value === '' ? null : <tr><th scope="row">{label}</th><td>{value}</td></tr>);
  return (
    <aside class="detail" aria-label={props.id} data-testid="fact-detail">
      <button type="button" class="close" onClick={props.onClose}>{t('close')}</button>
      {error && <ErrorBox error={error} />}
      {fact && (
        <>
          <h2>{props.entityName(fact.entity)} · {tOr(`metric_${fact.metric}`, fact.metric)} · {fact.period?.text ?? '–'}</h2>
          <p class="big">{zh ? fact.display.zh : fact.display.en}</p>
          <table class="kv">
            <tbody>
              {row(t('id'), <span class="mono">{fact.id}</span>)}
              {row(t('asWritten'), fact.valueText + (fact.valueTextEn ? ` (${fact.valueTextEn})` : ''))}
              {(fact.display.alsoWrittenAs ?? []).length > 0 && row(t('alsoWrittenAs'), <span data-testid="also-written-as">{fact.display.alsoWrittenAs.join('; ')} <span class="muted small">{t('alsoWrittenAsNote')}</span></span>)}
              {row(t('qualifier'), tOr(`qualifier_${fact.figure.qualifier}`, fact.figure.qualifier))}
              {row(t('interval'), zh ? fact.display.intervalZh : fact.display.intervalEn)}
              {row(t('kind'), tOr(`kind_${fact.kind}`, fact.kind))}
              {row(t('source'), (
                <span data-testid="fact-source">
                  {fact.source.url ? <a href={fact.source.url} rel="noreferrer noopener" target="_blank">{fact.source.publisher}</a> : fact.source.publisher}
                  {fact.source.title ? ` — ${fact.source.title}` : ''}
                </span>
              ))}
              {row(t('published'), fact.source.published ? fact.source.published + (fact.source.publishedEstimated ? ` (${t('inferred')})` : '') : '–')}
              {row(t('definition'), fact.definition)}
              {row(t('derived'), fact.derivedFrom ? `${formulaText(fact.derivedFrom.formula)} (${fact.derivedFrom.inputs.join(t('listSep'))})` : null)}
              {row(t('notes'), fact.notes)}
              {row(t('corrects'), fact.supersedes)}
              {row(t('correctedBy'), fact.supersededBy)}
            </tbody>
          </table>
          <h3>{t('distribution')}</h3>
          <FactDistributionChart id={fact.id} asOf={props.asOf} label={fact.id} />
          {history.length > 1 && (
            <>
              <h3>{t('history')}</h3>
              <ol class="history">
                {history.map((h) => <li class={h.id === fact.id ? 'current' : ''}><span class="mono">{h.id}</span> {h.valueText} — {h.source.publisher}{h.source.published ? `, ${h.source.published}` : ''}</li>)}
              </ol>
            </>
          )}
          {!fact.supersededBy && !props.asOf && (
            correcting
              ? <FactForm correcting={fact} entities={[]} metrics={props.metrics} onSaved={props.onCorrected} onCancel={() => setCorrecting(false)} />
              : <button type="button" onClick={() => setCorrecting(true)}>{t('correctFact')}</button>
          )}
        </>
      )}
    </aside>
  );
}
