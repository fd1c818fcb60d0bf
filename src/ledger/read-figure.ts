import { parseFigure } from '../core/index.js';
import type { Figure, Unit } from '../core/index.js';

/**
 * Reads a figure as written with core's `parseFigure`. The one place the
 * ledger calls the reader, so every path (add, import, bundled data) reads alike.
 */
export function readFigure(text: string, defaultUnit: Unit | null): Figure {
  return parseFigure(text, defaultUnit ? { defaultUnit } : {});
}

/**
 * The other ways the source wrote a fact's figure in the same text: the
 * conversion an outlet put in brackets ("400 billion Yen ($2.635 billion)":
 * "$2.635 billion"). The stored figure is the first reading; these are kept
 * in the text, read again here so that every view can show them.
 */
export function alsoWrittenAs(f: { readonly valueText: string; readonly defaultUnit: Unit | null }): string[] {
  try {
    return readFigure(f.valueText, f.defaultUnit).alternatives.map((a) => a.text.trim());
  } catch {
    return [];
  }
}
