import { useState } from 'preact/hooks';
import { api, type ApiError, type Entity } from '../../api.js';
import { t } from '../../i18n.js';
import { SaveFooter } from './form-footer.js';
import { useToken } from '../../token.js';

/**
 * The id the form suggests for an English name, as the ledger writes ids:
 * lower case, words joined by hyphens ('Mistral AI' -> 'mistral-ai'). Only a
 * suggestion: the server checks the id and says what it expected.
 */
export function suggestedId(nameEn: string): string {
  return nameEn.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Comma-separated aliases, in either language's commas. */
export function aliasesOf(text: string): string[] {
  return text.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
}

/**
 * Adding a company (or a product, model or aggregate) so facts can be
 * recorded about it (POST /api/entities); a refusal shows each field's issue,
 * as the fact form does, and nothing is written.
 */
export function EntityForm(props: { onSaved: (e: Entity) => void; onCancel: () => void }) {
  const [nameEn, setNameEn] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [aliases, setAliases] = useState('');
  const [kind, setKind] = useState('company');
  const [notes, setNotes] = useState('');
  const { token, setToken, remember: rememberToken } = useToken();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const shownId = idEdited ? id : suggestedId(nameEn);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    rememberToken();
    const body = { id: shownId, nameEn, nameZh: nameZh.trim() || null, aliases: aliasesOf(aliases), kind, notes: notes.trim() || null };
    try {
      props.onSaved(await api.post<Entity>('/api/entities', body, token));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="fact-form" onSubmit={save} data-testid="entity-form">
      <h3>{t('addEntity')}</h3>
      <p class="muted small">{t('addEntityHint')}</p>
      <label>{t('entityNameEn')}<input value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} required name="nameEn" placeholder="Mistral AI" /></label>
      <label>{t('entityNameZh')}<input value={nameZh} onInput={(e) => setNameZh(e.currentTarget.value)} name="nameZh" /></label>
      <label>{t('entityId')}<input value={shownId} onInput={(e) => { setIdEdited(true); setId(e.currentTarget.value); }} required name="id" placeholder="mistral-ai" /></label>
      <label>{t('entityKind')}
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value)} name="kind">
          {['company', 'product', 'model', 'aggregate'].map((k) => <option value={k}>{t(`entityKind_${k}` as 'entityKind_company')}</option>)}
        </select>
      </label>
      <label>{t('entityAliases')}<input value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} name="aliases" placeholder="Mistral, Mistral.ai" /></label>
      <label>{t('entityNotes')}<input value={notes} onInput={(e) => setNotes(e.currentTarget.value)} name="notes" /></label>
      <SaveFooter token={token} setToken={setToken} error={error} busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
