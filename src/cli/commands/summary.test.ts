import { describe, expect, it } from 'vitest';
import type { LedgerSummary } from '../../app/index.js';
import { summaryText } from './summary.js';

const empty: LedgerSummary = {
  facts: { current: 0, superseded: 0 },
  byKind: {}, byMetric: {}, byEntity: {}, entities: 0, events: 0, outcomes: 1,
  sources: [{ source: { id: 's1', publisher: 'Some Wire', title: 'A page', url: null, published: '2024-02-09', publishedEstimated: true }, facts: 1, outcomes: 1 }],
  periods: null,
} as unknown as LedgerSummary;

describe('summaryText', () => {
  it('marks an inferred publication date and lists the bundled rows it could not read, with line and reason', () => {
    const text = summaryText(empty, 'x.db', [{ file: 'company-facts.csv', line: 7, value: 'n/a', reason: '"n/a" is not a figure' }]);
    expect(text).toContain('2024-02-09 (inferred)');
    expect(text).toContain('0 entities, 0 events, 1 outcomes, 1 sources');
    expect(text).toContain('Bundled rows not loaded (the figure reader refuses their value; nothing was read in their place):');
    expect(text).toContain('  company-facts.csv line 7: "n/a" is not a figure');
    expect(summaryText(empty, 'x.db')).not.toContain('Bundled rows not loaded');
  });
});
