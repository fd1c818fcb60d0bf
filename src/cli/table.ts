import stringWidth from 'fast-string-width';

/** Column alignment: numbers read best right-aligned. */
export type Align = 'left' | 'right';

export interface Column<Row> {
  readonly header: string;
  readonly get: (row: Row) => string;
  readonly align?: Align;
  /** Longest display width before the cell is cut with an ellipsis. */
  readonly max?: number;
}

/** Cuts `text` to at most `max` display columns, ending in '…' when cut. */
export function truncateToWidth(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

function pad(text: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

/**
 * Renders rows as a plain-text table whose columns line up by display width,
 * so Chinese text (two columns a character) aligns with Latin text.
 *
 * @example
 * renderTable([{ n: '月之暗面', v: '2.3B' }], [{ header: 'entity', get: (r) => r.n }, { header: 'value', get: (r) => r.v, align: 'right' }])
 */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((r) => columns.map((c) => {
    const raw = c.get(r).replace(/\s+/g, ' ');
    return c.max ? truncateToWidth(raw, c.max) : raw;
  }));
  const widths = columns.map((c, i) => Math.max(stringWidth(c.header), ...cells.map((row) => stringWidth(row[i]!))));
  const line = (vals: string[]) => vals.map((v, i) => pad(v, widths[i]!, columns[i]!.align ?? 'left')).join('  ').trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of cells) out.push(line(row));
  return out.join('\n');
}
