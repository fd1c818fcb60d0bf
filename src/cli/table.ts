import stringWidth from 'fast-string-width';

/**
 * Escape sequences a terminal acts on: CSI (`ESC [` ... a final letter:
 * colours, cursor moves, clearing the screen), OSC (`ESC ]` ... BEL or
 * `ESC \\`: window titles, hyperlinks), and the other two-character escapes;
 * their 8-bit forms (U+009B, U+009D) too. ECMA-48.
 */
// eslint-disable-next-line no-control-regex -- escape sequences are what this removes
const ESCAPES = /(?:\u001b\[|\u009b)[\u0020-\u003f]*[\u0040-\u007e]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Stored text made safe to print on a terminal: escape sequences (colours,
 * cursor moves, window titles) and other control characters taken out, and
 * the bidirectional overrides that reorder what a reader sees. Line breaks
 * and tabs stay. A publisher "\x1b[2J\x1b[31mReuters" prints as "Reuters".
 */
export function terminalText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/**
 * The widest a cell is shown without a `max` of its own, in display columns:
 * longer text is cut with an ellipsis (docs/limits.md). Measuring is then
 * bounded too: a 200,000-character publisher costs no more than a short one.
 */
export const CELL_MAX_WIDTH = 400;

/**
 * Printable ASCII and the block elements of the sparklines (U+2581 to
 * U+2588), one column each (as fast-string-width measures them too).
 */
const ONE_COLUMN = /^[\u0020-\u007e\u2581-\u2588]*$/;

/**
 * The display width of text: its length when every character is one column
 * wide ({@link ONE_COLUMN}), else fast-string-width's measure. The first
 * use of that library compiles its Unicode-property patterns (about 6 ms of
 * a one-shot `shakeout run` that prints only numbers and a sparkline).
 */
export function displayWidth(text: string): number {
  return ONE_COLUMN.test(text) ? text.length : stringWidth(text);
}

/** Column alignment: numbers read best right-aligned. */
export type Align = 'left' | 'right';

export interface Column<Row> {
  readonly header: string;
  readonly get: (row: Row) => string;
  readonly align?: Align;
  /** Longest display width before the cell is cut with an ellipsis. */
  readonly max?: number;
}

/**
 * Cuts `text` to at most `max` display columns, ending in '…' when cut.
 * Only the first `4 * max + 8` code units are measured (a character takes
 * one or two columns in at most two code units, so text longer than that
 * does not fit unless it is mostly zero-width marks, and is cut then too):
 * the time taken does not grow with the length of the text.
 */
export function truncateToWidth(text: string, max: number): string {
  const limit = 4 * max + 8;
  const head = text.length > limit ? text.slice(0, limit) : text;
  if (head === text && displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of head) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return out + '…';
}

/** `text`, `textWidth` display columns wide, padded to `width`. */
function pad(text: string, textWidth: number, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - textWidth));
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
    const raw = terminalText(c.get(r)).replace(/\s+/g, ' ');
    return truncateToWidth(raw, c.max ?? CELL_MAX_WIDTH);
  }));
  // Each cell is measured once, and a column's widest found by a loop: spreading
  // every row's width into Math.max overflows the stack past about 120,000 rows.
  const cellWidths = cells.map((row) => row.map((v) => displayWidth(v)));
  const headers = columns.map((c) => c.header);
  const headerWidths = headers.map((h) => displayWidth(h));
  const widths = [...headerWidths];
  for (const ws of cellWidths) for (let i = 0; i < ws.length; i++) if (ws[i]! > widths[i]!) widths[i] = ws[i]!;
  const line = (vals: readonly string[], ws: readonly number[]) => vals.map((v, i) => pad(v, ws[i]!, widths[i]!, columns[i]!.align ?? 'left')).join('  ').trimEnd();
  const out = [line(headers, headerWidths), line(widths.map((w) => '-'.repeat(w)), widths)];
  cells.forEach((row, r) => out.push(line(row, cellWidths[r]!)));
  return out.join('\n');
}
