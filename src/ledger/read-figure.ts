import { parseFigure } from '../core/index.js';
import type { Figure, Unit } from '../core/index.js';

/**
 * Reads a figure as written with core's `parseFigure`. The one place the
 * ledger calls the reader, so every path (add, import, bundled data) reads alike.
 */
export function readFigure(text: string, defaultUnit: Unit | null): Figure {
  return parseFigure(text, defaultUnit ? { defaultUnit } : {});
}
