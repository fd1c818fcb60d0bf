import type { ApiError } from '../../api.js';
import { t } from '../../i18n.js';

/** An API error as the user must read it: the message, and each issue with its field. */
export function ErrorBox({ error }: { error: ApiError }) {
  const extra = error.issues.filter((i) => !error.message.includes(i.message));
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{t('error')} {error.status}:</strong> <span class="pre">{error.message}</span>
      {extra.length > 0 && (
        <ul aria-label={t('errorsIn')}>
          {extra.map((i) => <li><code>{i.path.join(' · ')}</code> {i.message}</li>)}
        </ul>
      )}
    </div>
  );
}
