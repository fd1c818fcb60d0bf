import { describe, it, expect } from 'vitest';
import stringWidth from 'fast-string-width';
import { renderTable, truncateToWidth } from './table.js';

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
});
