import type { ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { TokenField } from '../../token.js';
import { ErrorBox } from './error-box.js';

/** The end of the ledger's save forms (entity, fact): the token, the server's error if any, save and cancel. */
export function SaveFooter(props: { token: string; setToken: (v: string) => void; error: ApiError | null; busy: boolean; onCancel: () => void }) {
  return (
    <>
      <TokenField token={props.token} setToken={props.setToken} />
      {props.error && <ErrorBox error={props.error} />}
      <div class="buttons">
        <button type="submit" disabled={props.busy}>{t('save')}</button>
        <button type="button" onClick={props.onCancel}>{t('cancel')}</button>
      </div>
    </>
  );
}
