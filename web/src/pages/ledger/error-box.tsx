import type { ApiError } from '../../api.js';
import { errorText } from '../../error-text.js';
import { t } from '../../i18n.js';

/** An API error as the user must read it, in the page's language: the headline, and each issue with its field. */
export function ErrorBox({ error }: { error: ApiError }) {
  const shown = errorText(error);
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{t('error')}{error.status ? ` ${error.status}` : ''}{t('errorColon')}</strong> <span class="pre">{shown.headline}</span>
      {shown.issues.length > 0 && (
        <ul aria-label={t('errorsIn')}>
          {shown.issues.map((i) => <li data-code={i.code}>{i.path && <code>{i.path}</code>} {i.message}</li>)}
        </ul>
      )}
    </div>
  );
}
