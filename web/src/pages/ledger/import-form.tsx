import { useState } from 'preact/hooks';
import { api, type ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { ErrorBox } from './error-box.js';
import { TokenField, useToken } from '../../token.js';

interface Imported { added: string[]; unchanged: string[]; dryRun: boolean }

/**
 * Importing facts from CSV, JSON or YAML text: first a dry run that checks
 * every line and writes nothing, then the import itself, all or nothing. A
 * refusal names the line and column of each problem (the API's issues).
 */
export function ImportForm(props: { onImported: (r: Imported) => void; onCancel: () => void }) {
  const [format, setFormat] = useState<'csv' | 'json' | 'yaml'>('csv');
  const [text, setText] = useState('');
  const { token, setToken, remember: rememberToken } = useToken();
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    setResult(null);
    rememberToken();
    try {
      const r = await api.post<Imported>('/api/facts/import', { format, text, dryRun }, token || undefined);
      setResult(r);
      if (!dryRun) props.onImported(r);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="fact-form" onSubmit={(e) => { e.preventDefault(); void send(true); }} data-testid="import-form">
      <h3>{t('importFacts')}</h3>
      <p class="muted small">{t('importHint')}</p>
      <label>{t('importFormat')}
        <select value={format} onChange={(e) => { setFormat(e.currentTarget.value as typeof format); setResult(null); }} name="format">
          <option value="csv">CSV</option><option value="json">JSON</option><option value="yaml">YAML</option>
        </select>
      </label>
      <TokenField token={token} setToken={setToken} />
      <label class="wide">{t('importText')}
        <textarea rows={8} value={text} onInput={(e) => { setText(e.currentTarget.value); setResult(null); }} name="text" required spellcheck={false} class="mono" />
      </label>
      {error && <ErrorBox error={error} />}
      {result && (
        <p class="reading" role="status" data-testid="import-result">
          {result.dryRun ? t('importWouldAdd') : t('importAdded')} {result.added.length}{t('listSep')}{t('extractUnchanged')} {result.unchanged.length}
        </p>
      )}
      <div class="buttons">
        <button type="submit" disabled={busy || !text.trim()} data-testid="import-check">{t('importCheck')}</button>
        <button type="button" disabled={busy || !result?.dryRun} onClick={() => void send(false)} data-testid="import-run">{t('extractImport')}</button>
        <button type="button" onClick={props.onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
