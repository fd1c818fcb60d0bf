import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../ledger/index.js';
import { findMetricWords, METRIC_KEYWORDS } from './metric-keywords.js';

describe('METRIC_KEYWORDS: the one table of metric words', () => {
  it('names only metrics of the ledger\'s vocabulary', () => {
    for (const [metric] of METRIC_KEYWORDS) expect(METRICS).toContain(metric);
  });
  it('is documented word for word in docs/extract.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/extract.md'), 'utf8');
    for (const [metric, shape, words] of METRIC_KEYWORDS) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${metric}\` | ${shape} |`));
      expect(row, metric).toBeDefined();
      for (const w of words) expect(row, `${metric}: ${w}`).toContain(w);
    }
  });
  it('keeps the longest word where words overlap, whole English words only, 笔 and 起 after a digit only', () => {
    expect(findMetricWords('订阅收入与下载量').map((m) => [m.word, m.metric])).toEqual([['订阅收入', 'subscription_revenue'], ['下载量', 'downloads']]);
    expect(findMetricWords('the upward trend').map((m) => m.word)).toEqual([]);
    expect(findMetricWords('ARR grew').map((m) => m.metric)).toEqual(['revenue_run_rate', 'growth']);
    expect(findMetricWords('一起完成36起').map((m) => [m.word, m.start])).toEqual([['起', 6]]);
  });
});
