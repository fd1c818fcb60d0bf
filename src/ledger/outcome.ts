import { safeParsePeriod } from '../core/index.js';
import type { Issue } from '../core/index.js';
import { contentId, sourceId } from './ids.js';
import { readYesNo } from './io/record-to-input.js';
import { publicationProblem } from './publication-date.js';
import type { Source } from './source.js';

/** What can happen to a company, as an outcome record names it. */
export const OUTCOME_TYPES = ['raised', 'ipo', 'acquihire_license', 'acquisition', 'recapitalization', 'pivot', 'leadership_exit', 'layoffs', 'restructured', 'shutdown'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export function isOutcomeType(t: string): t is OutcomeType {
  return (OUTCOME_TYPES as readonly string[]).includes(t);
}

/** The columns of an outcome, as a file or the command line writes them (company-outcomes.csv, plus `title` and `out`). */
export const OUTCOME_COLUMNS = ['entity', 'date', 'type', 'detail', 'publisher', 'title', 'url', 'published', 'published_estimated', 'out'] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

/** Other names accepted for a column (keys are trimmed, lower-cased, spaces and hyphens to '_'). */
const OUTCOME_ALIASES: Readonly<Record<string, OutcomeColumn>> = { source: 'publisher', date_published: 'published' };

/** What happened to a company, on a date, as a source reported it. */
export interface Outcome {
  /** Stable id: 'outcome-' and 12 hex digits of the entity, type, date, detail and source. */
  readonly id: string;
  /** Entity id. */
  readonly entity: string;
  readonly type: OutcomeType;
  /** The day ('2024-03-19') or month ('2024-03') it happened. */
  readonly date: string;
  readonly detail: string;
  /**
   * Whether the event put the company out of the race, as the record states
   * it (the `out` column): null when not stated. Only types the type alone
   * does not decide need it (see docs/outcomes.md).
   */
  readonly out: boolean | null;
  readonly source: Source;
}

/** Normalised key of a column as written. */
export function outcomeColumnKey(name: string): string {
  const k = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return OUTCOME_ALIASES[k] ?? k;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `text` is a real calendar date written YYYY-MM-DD, YYYY-MM or (with `year`) YYYY: 2024-02-30 is not. */
export function isCalendarDate(text: string, options: { year?: boolean } = {}): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  if (m[2] === undefined) return options.year === true;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d >= 1 && d <= (mo === 2 && !leap ? 28 : DAYS[mo - 1]!);
}

/**
 * Checks one outcome record: `entity` (a name the ledger knows, via
 * `findEntity`), `date` (a real day or month), `type` (one of
 * OUTCOME_TYPES), `detail`, `publisher`, `url`, `published` (a real date),
 * and optionally `title`, `published_estimated` (yes/no) and `out`
 * (yes/no). The source cannot be published after `today` nor before the
 * outcome happened: an outcome is recorded once it has happened, and an
 * announcement of one to come is not one yet (docs/outcomes.md). Every
 * issue is collected; `where(column)` gives its path.
 */
export function prepareOutcome(
  raw: unknown,
  where: (column: OutcomeColumn | string) => (string | number)[],
  findEntity: (name: string) => { id: string } | { error: string },
  today: string,
): { ok: true; outcome: Outcome } | { ok: false; issues: Issue[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ code: 'invalid_record', path: where('entity').slice(0, -1), message: `expected a record with ${OUTCOME_COLUMNS.join(', ')}, got ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : typeof raw}` }] };
  }
  const issues: Issue[] = [];
  const push = (column: string, code: string, message: string, said: Pick<Issue, 'expected' | 'got'> = {}): void => {
    issues.push({ code, path: where(column), message, ...said });
  };
  const fields = new Map<string, unknown>();
  for (const [k, v] of Object.entries(raw)) fields.set(outcomeColumnKey(k), v);
  for (const k of fields.keys()) {
    if (!(OUTCOME_COLUMNS as readonly string[]).includes(k)) push(k, 'unknown_column', `expected one of the columns ${OUTCOME_COLUMNS.join(', ')}, got "${k}"`);
  }
  const text = (c: OutcomeColumn): string => {
    const v = fields.get(c);
    return v === undefined || v === null ? '' : String(v).trim();
  };
  const required = (c: OutcomeColumn, what: string): string => {
    const v = text(c);
    if (!v) push(c, 'missing_value', `expected ${what}, got nothing`);
    return v;
  };

  const entityName = required('entity', 'an entity name such as "Inflection AI" or "百川智能"');
  let entity = '';
  if (entityName) {
    const e = findEntity(entityName);
    if ('error' in e) push('entity', 'unknown_entity', e.error);
    else entity = e.id;
  }
  const date = required('date', 'the date it happened, such as 2024-03-19');
  if (date && !isCalendarDate(date)) push('date', 'invalid_date', `expected a real date written YYYY-MM-DD (or YYYY-MM) such as 2024-03-19, got "${date}"`);
  const typeText = required('type', `one of ${OUTCOME_TYPES.join(', ')}`);
  const type = typeText.toLowerCase();
  if (typeText && !isOutcomeType(type)) push('type', 'invalid_type', `expected one of ${OUTCOME_TYPES.join(', ')}, got "${typeText}"`);
  const detail = required('detail', 'what happened, in a few words ("Microsoft pays about $620 million for a licence")');
  const publisher = required('publisher', 'the publisher of the source, such as "Reuters"');
  const url = required('url', 'the address of the source, such as https://www.reuters.com/...');
  if (url && !/^https?:\/\/\S+$/i.test(url)) push('url', 'invalid_url', `expected an address starting with http:// or https://, got "${url}"`);
  const published = required('published', 'the date the source was published, such as 2024-03-20');
  if (published && !isCalendarDate(published, { year: true })) push('published', 'invalid_date', `expected a real date such as 2024-03-20, 2024-03 or 2024, got "${published}"`);
  else if (published) {
    const happened = date && isCalendarDate(date) ? safeParsePeriod(date) : null;
    const event = happened?.ok ? { start: happened.period.start, when: `the first day the outcome (${date}) can have happened`, why: 'an outcome is recorded once it has happened; an announcement of one to come is not one yet' } : undefined;
    const wrong = publicationProblem(published, today, event);
    if (wrong) push('published', wrong.code === 'published_before_event' ? 'published_before_outcome' : wrong.code, wrong.message, { expected: wrong.expected, got: wrong.got });
  }
  const estimated = readYesNo(fields.get('published_estimated'));
  if (estimated === undefined) push('published_estimated', 'invalid_value', `expected yes, no or nothing (yes: the date published was inferred, the page showed none), got "${text('published_estimated')}"`);
  const outCell = fields.get('out');
  const out = outCell === undefined || outCell === null || String(outCell).trim() === '' ? null : readYesNo(outCell);
  if (out === undefined) push('out', 'invalid_value', `expected yes (the event put the company out of the race), no, or nothing, got "${text('out')}"`);
  if (issues.length) return { ok: false, issues };

  const title = text('title') || null;
  const src = { publisher, title, url, published };
  return {
    ok: true,
    outcome: {
      id: outcomeId([entity, type, date, detail, sourceId(src)]),
      entity,
      type: type as OutcomeType,
      date,
      detail,
      out: out ?? null,
      source: { id: sourceId(src), ...src, publishedEstimated: estimated === true },
    },
  };
}

/** Stable id of an outcome: 'outcome-' and 12 hex digits of what happened and who reported it. */
export function outcomeId(parts: readonly string[]): string {
  return contentId('outcome', parts);
}
