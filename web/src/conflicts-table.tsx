import type { Fact } from './api.js';
import { FactLink } from './fact-link.js';
import { bi } from './format.js';
import { lang, t, tOr } from './i18n.js';

/** Two facts that disagree beyond their stated uncertainty (GET /api/conflicts). */
export interface Conflict {
  entity: string; metric: string; period: string | null; a: Fact; b: Fact; ratio: number | null;
  differencesText?: { kind: string; en: string; zh: string }[];
}

/** One side of a conflict: the figure, as written, its source and day, its id. */
function Side({ f }: { f: Fact }) {
  const zh = lang.value === 'zh';
  return (
    <td data-testid="conflict-side">
      <strong>{zh ? f.display.zh : f.display.en}</strong> <span class="muted">({f.valueText})</span><br />
      <span class="small">{f.source.url ? <a href={f.source.url} rel="noreferrer noopener" target="_blank">{f.source.publisher}</a> : f.source.publisher}{f.source.published ? `, ${f.source.published}` : ''}</span>{' '}
      <FactLink id={f.id} />
    </td>
  );
}

/** Conflicts side by side: each pair's two facts in columns of their own, the ratio and what differs between them. */
export function ConflictsTable({ conflicts, entityName }: { conflicts: readonly Conflict[]; entityName?: (id: string) => string }) {
  return (
    <div class="table-wrap">
      <table class="facts stack conflicts" data-testid="conflicts">
        <thead><tr>{entityName && <th>{t('entity')}</th>}<th>{t('metric')}</th><th>{t('period')}</th><th>A</th><th>B</th><th class="num">{t('ratio')}</th></tr></thead>
        <tbody>
          {conflicts.map((c) => (
            <>
              <tr>
                {entityName && <td>{entityName(c.entity)}</td>}
                <td>{tOr(`metric_${c.metric}`, c.metric)}</td><td>{c.period ?? '–'}</td>
                <Side f={c.a} /><Side f={c.b} />
                <td class="num">{c.ratio === null ? '–' : `${Math.max(c.ratio, 1 / c.ratio).toFixed(2)}×`}</td>
              </tr>
              {c.differencesText && c.differencesText.length > 0 && (
                <tr class="differences"><td colSpan={entityName ? 6 : 5}><ul class="small muted">{c.differencesText.map((d) => <li>{bi(d)}</li>)}</ul></td></tr>
              )}
            </>
          ))}
        </tbody>
      </table>
    </div>
  );
}
