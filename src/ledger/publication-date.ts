import { safeParsePeriod } from '../core/index.js';

/** A publication date that cannot be right, said as an issue's parts (the caller adds the path). */
export interface PublicationProblem {
  readonly code: 'published_in_future' | 'published_before_event';
  readonly message: string;
  /** The bound: today, or the first day the event could be reported. */
  readonly expected: string;
  readonly got: string;
}

/**
 * Checks a source's publication date (already a real date, written
 * YYYY-MM-DD, YYYY-MM or YYYY) against the two bounds a source has: it
 * cannot be published after `today` (the store's clock), and, when it
 * reports something that happened (`event`), not before that began. Dates
 * are compared at the precision they are written: "2024" as a publication
 * date may be any day of 2024, so it is late enough for an event of 2024-07
 * and not in the future on 2024-01-01.
 *
 * @example
 * publicationProblem('2027-03-01', '2026-12-02') // { code: 'published_in_future', expected: '2026-12-02', ... }
 * publicationProblem('2022-01-01', '2026-12-02', { start: '2024-07-01', when: 'the start of the round of 2024-07', why: '...' }) // published_before_event
 */
export function publicationProblem(
  published: string,
  today: string,
  event?: { readonly start: string; readonly when: string; readonly why: string },
): PublicationProblem | null {
  const p = safeParsePeriod(published);
  if (!p.ok) return null; // the form is checked, and said, by the caller
  if (p.period.start > today) {
    return {
      code: 'published_in_future',
      message: `expected a publication date on or before today (${today}): a source cannot have been published later, got "${published}"`,
      expected: today,
      got: published,
    };
  }
  if (event && p.period.end < event.start) {
    return {
      code: 'published_before_event',
      message: `expected a publication date on or after ${event.start}, ${event.when} (${event.why}), got "${published}"`,
      expected: event.start,
      got: published,
    };
  }
  return null;
}

/** The day of an ISO timestamp or date: '2026-12-02T10:00:00.000Z' -> '2026-12-02'. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
