import { parseFigure, type Figure, type Unit } from '../core/index.js';

/** The figure reader as a use-case: one figure as written, read. */
export function readFigure(text: string, options: { defaultUnit?: Unit } = {}): Figure {
  return parseFigure(text, options);
}
