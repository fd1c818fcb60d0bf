import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';
import { escapeMarkdown } from './escape-markdown.js';
import { formatRange } from './format-range.js';

describe('escapeHtml', () => {
  it('makes a script tag text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('escapes quotes for attributes and ampersands', () => {
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });
});

describe('escapeMarkdown', () => {
  it('makes a script tag, links, emphasis and table pipes literal', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('*[x](javascript:1)* | `y`')).toBe('\\*\\[x\\](javascript:1)\\* \\| \\`y\\`');
  });
  it('cannot start a heading or a list on a new line', () => {
    expect(escapeMarkdown('a\n# b\n- c')).toBe('a \\# b - c');
  });
  it('keeps intraword underscores and escapes the others', () => {
    expect(escapeMarkdown('subscription_revenue _x_')).toBe('subscription_revenue \\_x\\_');
  });
  it('leaves Chinese and plain text alone', () => {
    expect(escapeMarkdown('约204亿美元 (CB Insights), 5.67x')).toBe('约204亿美元 (CB Insights), 5.67x');
  });
});

describe('formatRange', () => {
  it('shows an uncertain number with its 90% interval, per language', () => {
    expect(formatRange(750_000, 690_000, 805_000, 'count', null, 'en')).toBe('750k (90% CI 690k–805k)');
    expect(formatRange(750_000, 690_000, 805_000, 'count', null, 'zh')).toBe('75万（90%区间 69万–80.5万）');
    expect(formatRange(2.3e9, 2.1e9, 2.6e9, 'USD', null, 'zh')).toBe('23亿美元（90%区间 21亿美元–26亿美元）');
    expect(formatRange(1.2e4, 1.1e4, 1.3e4, 'count', null, 'en')).toBe('12k (90% CI 11k–13k)');
  });
  it('shows a certain number alone', () => {
    expect(formatRange(2.3e9, 2.3e9, 2.3e9, 'USD', null, 'en')).toBe('$2.3B');
  });
});
