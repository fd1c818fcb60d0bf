import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Entity } from '../../api.js';
import { lang, t } from '../../i18n.js';
import { ErrorBox } from '../ledger/error-box.js';
import { TokenField, useToken } from '../../token.js';

/** One figure as POST /api/extract gives it (the fields the page shows), with its review row. */
interface ExtractedFigure {
  text: string; sentence: string; value: number | null; low: number | null; high: number | null; unit: string; per: string | null; qualifier: string;
  entity: { id: string; name: string } | null; metric: string | null; period: string | null; kind: string; forecast: string | null; confidence: number; unsure: string[];
  record: Record<string, string>;
}
interface Extraction { figures: ExtractedFigure[]; numbersSeen: number; skippedCount: number; published: string | null }
interface Row { key: number; figure: ExtractedFigure; entity: string; metric: string }
interface ImportResult { added: string[]; unchanged: string[]; dryRun: boolean }

const UNKNOWN = 'unknown';

/** A YAML string every reader takes as a string: a JSON string is a YAML double-quoted scalar. */
const q = (s: string): string => JSON.stringify(s);

/** The review file of the rows kept, as edited: the YAML POST /api/facts/import takes; and the line each row starts on. */
export function reviewText(rows: readonly Row[]): { text: string; lines: number[] } {
  const out: string[] = ['# reviewed in the dashboard (#/extract)'];
  const lines: number[] = [];
  for (const r of rows) {
    const rec = { ...r.figure.record, entity: r.entity || UNKNOWN, metric: r.metric || UNKNOWN };
    lines.push(out.length + 1);
    Object.entries(rec).forEach(([k, v], i) => out.push(`${i === 0 ? '- ' : '  '}${k}: ${q(v)}`));
  }
  return { text: out.join('\n') + '\n', lines };
}

function shownValue(f: ExtractedFigure): string {
  const n = (x: number | null) => (x === null ? '?' : x.toLocaleString(lang.value === 'zh' ? 'zh-CN' : 'en'));
  const v = (f.qualifier === 'range' || f.qualifier === 'several') && f.low !== null && f.high !== null ? `${n(f.low)}–${n(f.high)}` : n(f.value);
  return `${v} ${f.unit}${f.per ? `/${f.per}` : ''}${f.qualifier === 'exact' ? '' : ` (${f.qualifier})`}`;
}

/** Paste an article, read its figures, review them in a table (remove rows, fix entity and metric), check, import. */
export function ExtractPage() {
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [entities, setEntities] = useState<Entity[]>([]);
  const [metrics, setMetrics] = useState<string[]>([]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [extraction, setExtraction] = useState<Extraction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const { token, setToken, remember: rememberToken } = useToken();

  useEffect(() => {
    api.get<{ items: Entity[] }>('/api/entities').then((r) => setEntities(r.items), setError);
    api.get<{ metrics: string[] }>('/api/vocabulary').then((r) => setMetrics(r.metrics), setError);
  }, []);

  const read = async () => {
    setError(null); setChecked(null); setBusy(true);
    try {
      // a server started with a token asks for it on every POST, this read included
      const r = await api.post<{ extraction: Extraction; review: string }>('/api/extract', {
        text, ...(source ? { source } : {}), ...(url ? { url } : {}), ...(published ? { published } : {}), lang: 'auto',
      }, token || undefined);
      setExtraction(r.extraction);
      setRows(r.extraction.figures.map((f, key) => ({ key, figure: f, entity: f.entity?.id ?? UNKNOWN, metric: f.metric ?? UNKNOWN })));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const edit = (key: number, change: Partial<Row>) => { setChecked(null); setRows((rs) => rs?.map((r) => (r.key === key ? { ...r, ...change } : r)) ?? null); };
  const remove = (key: number) => { setChecked(null); setRows((rs) => rs?.filter((r) => r.key !== key) ?? null); };

  const send = async (dryRun: boolean) => {
    if (!rows) return;
    setError(null); setBusy(true);
    rememberToken();
    try {
      const r = await api.post<ImportResult>('/api/facts/import', { format: 'yaml', text: reviewText(rows).text, file: 'review.yaml', dryRun }, token || undefined);
      setChecked(r);
    } catch (e) {
      setChecked(null);
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const review = rows ? reviewText(rows) : null;
  const entityName = (e: Entity) => (lang.value === 'zh' && e.nameZh ? `${e.nameZh} (${e.nameEn})` : e.nameEn);

  return (
    <section class="extract-page" aria-labelledby="extract-title">
      <h2 id="extract-title">{t('extractTitle')}</h2>
      <p class="muted">{t('extractHint')}</p>
      <form class="extract-form" onSubmit={(e) => { e.preventDefault(); void read(); }}>
        <label class="wide">{t('extractArticle')}
          <textarea name="article" rows={8} value={text} required maxLength={200_000} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label>{t('source')}<input name="source" value={source} onInput={(e) => setSource(e.currentTarget.value)} /></label>
        <label>{t('extractUrl')}<input name="url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} /></label>
        <label>{t('published')}<input name="published" placeholder="YYYY-MM-DD" value={published} onInput={(e) => setPublished(e.currentTarget.value)} /></label>
        <TokenField token={token} setToken={setToken} />
        <div class="buttons"><button type="submit" disabled={busy || !text.trim()}>{t('extractRead')}</button></div>
      </form>
      {error && <ErrorBox error={error} />}
      {extraction && rows && (
        <>
          <p data-testid="extract-summary">{extraction.numbersSeen} {t('extractNumbersSeen')} · {rows.length} {t('extractRows')} · {extraction.skippedCount} {t('extractLeftOut')}</p>
          <div class="table-wrap">
            <table class="facts extract-table">
              <thead><tr>
                <th>#</th><th>{t('asWritten')}</th><th>{t('value')}</th><th>{t('entity')}</th><th>{t('metric')}</th><th>{t('period')}</th>
                <th>{t('extractConfidence')}</th><th>{t('extractSentence')}</th><th><span class="sr-only">{t('extractRemove')}</span></th>
              </tr></thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.key} data-testid="extract-row" class={r.entity === UNKNOWN || r.metric === UNKNOWN ? 'unknown' : undefined}>
                    <td class="nowrap">{i + 1}{review && <small class="muted"> L{review.lines[i]}</small>}</td>
                    <td class="nowrap">{r.figure.text}</td>
                    <td class="nowrap">{shownValue(r.figure)}</td>
                    <td>
                      <select aria-label={`${t('entity')} ${i + 1}`} name="entity" value={r.entity} onChange={(e) => edit(r.key, { entity: e.currentTarget.value })}>
                        <option value={UNKNOWN}>{t('extractUnknown')}</option>
                        {entities.map((e) => <option value={e.id}>{entityName(e)}</option>)}
                      </select>
                    </td>
                    <td>
                      <select aria-label={`${t('metric')} ${i + 1}`} name="metric" value={r.metric} onChange={(e) => edit(r.key, { metric: e.currentTarget.value })}>
                        <option value={UNKNOWN}>{t('extractUnknown')}</option>
                        {metrics.map((m) => <option value={m}>{m}</option>)}
                      </select>
                    </td>
                    <td class="nowrap">
                      {r.figure.period ?? '–'}
                      {r.figure.forecast && <small class="muted" title={r.figure.record['note'] ?? ''}> · {t('extractForecast')} ({r.figure.forecast})</small>}
                    </td>
                    <td>
                      {r.figure.confidence.toFixed(2)}
                      {r.figure.unsure.length > 0 && <span class="unsure" title={r.figure.unsure.join('; ')} aria-label={`${t('extractUnsure')}: ${r.figure.unsure.join('; ')}`}> ?</span>}
                    </td>
                    <td class="sentence">{r.figure.sentence}</td>
                    <td><button type="button" class="link" aria-label={`${t('extractRemove')} ${i + 1}`} onClick={() => remove(r.key)}>✕</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((r) => r.entity === UNKNOWN || r.metric === UNKNOWN) && <p class="muted">{t('extractUnknownHint')}</p>}
          <div class="buttons extract-actions">
            <button type="button" disabled={busy || rows.length === 0} onClick={() => void send(true)}>{t('extractCheck')}</button>
            <button type="button" disabled={busy || rows.length === 0} onClick={() => void send(false)}>{t('extractImport')}</button>
          </div>
          {checked && (
            <p role="status" data-testid="extract-result">
              {checked.dryRun ? t('extractWouldAdd') : t('extractAdded')}: {checked.added.length} · {t('extractUnchanged')}: {checked.unchanged.length}
            </p>
          )}
          {review && (
            <details>
              <summary>{t('extractYaml')}</summary>
              <pre class="numbered">{review.text.split('\n').slice(0, -1).map((l, i) => `${String(i + 1).padStart(3)}  ${l}`).join('\n')}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
