import { parseFigure, parsePeriod, periodContains, type Figure, type ParseFigureOptions, type Period } from '../core/index.js';

/** The figure reader as a use-case: one figure as written, read (`defaultUnit`, and `lang` for a lone ¥). */
export function readFigure(text: string, options: ParseFigureOptions = {}): Figure {
  return parseFigure(text, options);
}

/**
 * Whether a fact's period lies wholly inside the period asked for ('2024-Q1'),
 * as against only overlapping it (a 2024 total listed for 2024-Q1).
 */
export function periodWithin(asked: string, period: Period | null): boolean {
  return period !== null && periodContains(parsePeriod(asked), period);
}
