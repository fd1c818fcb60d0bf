/**
 * Every number in a text replaced by its value rounded to `digits` significant
 * figures (Observable Plot's snapshot habit), so a golden file compares the
 * report's structure and words, not the last digits of a Monte Carlo draw.
 * Digits inside words (F18, fn-3) are left alone.
 *
 * @example roundNumbers('763k (90% CI 458.2k–1.31M)') // '760k (90% CI 460k–1.3M)'
 */
export function roundNumbers(text: string, digits = 2): string {
  return text.replace(/(?<![\p{L}\d.\-_])\d+(?:\.\d+)?(?:e[+-]?\d+)?/gu, (m) => {
    const x = Number(m);
    if (!Number.isFinite(x) || x === 0) return m;
    return String(Number(x.toPrecision(digits)));
  });
}
