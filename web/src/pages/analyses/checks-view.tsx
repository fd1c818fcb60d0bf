import { FactLinks } from '../../fact-link.js';
import { bi } from '../../format.js';
import { t, tOr } from '../../i18n.js';

type Bi = { en: string; zh: string };
/** One flag of GET /api/analyses/checks (details.flags): what does not add up, how badly, the facts, why. */
export interface CheckFlag { id: string; severity: 'error' | 'warning' | 'info'; check: string; title: Bi; explanation: Bi; facts: string[] }

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The checks' flags themselves, worst first: severity, what, the facts it names (each a link) and the explanation. */
export function ChecksView({ flags }: { flags: readonly CheckFlag[] }) {
  if (flags.length === 0) return <p class="muted" data-testid="no-flags">{t('noFlags')}</p>;
  const sorted = [...flags].sort((a, b) => (ORDER[a.severity] ?? 3) - (ORDER[b.severity] ?? 3));
  return (
    <ol class="flags" data-testid="flags">
      {sorted.map((f) => (
        <li class={`flag sev-${f.severity}`} data-severity={f.severity} data-flag={f.id}>
          <p><span class={`badge sev-${f.severity}`}>{tOr(`severity_${f.severity}`, f.severity)}</span> <strong>{bi(f.title)}</strong></p>
          <p>{bi(f.explanation)}</p>
          {f.facts.length > 0 && <p class="small">{t('flagFacts')} <FactLinks ids={f.facts} /></p>}
        </li>
      ))}
    </ol>
  );
}
