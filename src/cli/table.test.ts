import { describe, it, expect, vi } from 'vitest';
import stringWidth from 'fast-string-width';
import { CELL_MAX_WIDTH, displayWidth, renderTable, terminalText, truncateToWidth } from './table.js';

/** Characters measured by fast-string-width, to show that a long cell is cut before it is measured. */
const measured = vi.hoisted(() => ({ chars: 0 }));
vi.mock('fast-string-width', async (original) => {
  const actual = (await original()) as { default: (s: string) => number };
  return { default: (s: string) => ((measured.chars += s.length), actual.default(s)) };
});

describe('displayWidth', () => {
  it('measures as fast-string-width does, without it for ASCII and the sparkline', () => {
    const texts = ['', 'abc', '  12.5M ', '▁▂▃▄▅▆▇█', '672.3k ▁▂▃▄▅▆▇█████▆▅▄▃▃▂▁▁ 830.6k', '月之暗面', '超23亿美元', '€1.2B', '—', '…', '😀 ok', 'e\u0301', '\t'];
    for (const t of texts) expect([t, displayWidth(t)]).toEqual([t, stringWidth(t)]);
    const before = measured.chars;
    displayWidth('subs    747.7k ▁▂▃▄▅▆▇█ 830.6k');
    expect(measured.chars).toBe(before);
    displayWidth('月之暗面');
    expect(measured.chars).toBe(before + 4);
  });
});

describe('renderTable', () => {
  it('aligns Chinese and Latin text by display width', () => {
    const out = renderTable(
      [{ n: '月之暗面', v: '2.3B' }, { n: 'MiniMax', v: '2.5B' }, { n: '智谱AI', v: '10B' }],
      [{ header: 'entity', get: (r) => r.n }, { header: 'value', get: (r) => r.v, align: 'right' }],
    );
    const lines = out.split('\n');
    const widths = lines.map((l) => stringWidth(l));
    expect(new Set(widths).size).toBe(1);
    expect(lines[2]).toBe('月之暗面   2.3B');
    expect(lines[4]).toBe('智谱AI      10B');
  });
  it('cuts long cells to the given display width', () => {
    expect(truncateToWidth('生成式AI新创企业全球融资', 8)).toBe('生成式A…');
    expect(stringWidth(truncateToWidth('abcdefghij', 5))).toBe(5);
    expect(truncateToWidth('short', 10)).toBe('short');
  });
  it('renders a table of 200,000 rows (a ledger that large), its columns lined up', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `fact-${i}`, v: i % 7 ? `$${i}M` : '超23亿美元' }));
    const out = renderTable(rows, [{ header: 'id', get: (r) => r.id }, { header: 'value', get: (r) => r.v, align: 'right' }]);
    const lines = out.split('\n');
    expect(lines).toHaveLength(200_002);
    expect(new Set([lines[0], lines[2], lines[9], lines.at(-1)].map((l) => stringWidth(l!))).size).toBe(1);
    expect(lines.at(-1)).toBe('fact-199999    $199999M'); // the value column is as wide as 超23亿美元
  });
});

describe('tables of hostile text', () => {
  it('cuts a 200,000-character cell before measuring it: what is measured does not grow with the text', () => {
    const long = 'Reuters '.repeat(25_000);
    measured.chars = 0;
    const out = renderTable([{ p: long }, { p: '路透社' }], [{ header: 'publisher', get: (r) => r.p, max: 30 }, { header: 'same, no max', get: (r) => r.p }]);
    expect(measured.chars).toBeLessThan(20 * CELL_MAX_WIDTH);
    const row = out.split('\n')[2]!;
    expect(row.startsWith('Reuters Reuters')).toBe(true);
    expect(stringWidth(row.split('  ')[0]!)).toBeLessThanOrEqual(30);
    expect(row.endsWith('…')).toBe(true);
    expect(stringWidth(row)).toBeLessThanOrEqual(30 + 2 + CELL_MAX_WIDTH);
  });
  it('strips terminal escapes and control characters from stored text', () => {
    const publisher = '\x1b]0;pwned\x07\x1b[2J\x1b[31mReu\u0000ters\x1b[0m\u202e\r';
    expect(terminalText(publisher)).toBe('Reuters');
    expect(terminalText('line one\nline two\tend\r\n')).toBe('line one\nline two\tend\r\n');
    const out = renderTable([{ p: publisher }], [{ header: 'publisher', get: (r) => r.p }]);
    expect(out.split('\n')[2]).toBe('Reuters');
    // eslint-disable-next-line no-control-regex -- none may be left
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
