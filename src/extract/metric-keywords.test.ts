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
  it('takes 笔, 起 and 轮 after a Chinese numeral too, but not after a lone 一 (一起, 新一轮)', () => {
    expect(findMetricWords('三轮').map((m) => [m.word, m.metric])).toEqual([['轮', 'deals']]);
    expect(findMetricWords('十一笔').map((m) => m.metric)).toEqual(['deals']);
    expect(findMetricWords('新一轮').map((m) => m.metric)).toEqual([]);
    expect(findMetricWords('大家一起').map((m) => m.metric)).toEqual([]);
  });
  it('knows the verb forms of losing money', () => {
    expect(findMetricWords('it loses money, will lose more, keeps losing').map((m) => m.metric)).toEqual(['net_loss', 'net_loss', 'net_loss']);
  });
});
