/** A year as a report writes it: 1900 to 2099, a whole number. */
const YEAR = /^(?:19|20)\d\d$/;

/**
 * Every measured number in a text replaced by its value rounded to `digits`
 * significant figures (Observable Plot's snapshot habit), so a golden file
 * compares the report's structure and words, not the last digits of a Monte
 * Carlo draw. Numbers after Chinese characters are measured like any other
 * ("为36.9亿美元"). What is not a measurement stays exact: years (a whole number
 * from 1900 to 2099, so "May 2024", "2024年5月20日", "2023-12-11"), the
 * rest of a date (digits after a Latin letter, `-` or `/`; a month or a day has two digits
 * at most, which rounding to two figures leaves alone), footnote numbers
 * (`[^12]`, `fn-12`, `"fn": 12`, `"n": 12`) and digits inside words (F18).
 * A measured whole number that happens to lie in 1900..2099 is kept exact
 * too: the price of telling years apart without context.
 *
 * @example roundNumbers('763k (90% CI 458.2k–1.31M)[^123], May 2024') // '760k (90% CI 460k–1.3M)[^123], May 2024'
 */
export function roundNumbers(text: string, digits = 2): string {
  return text.replace(/(?<![A-Za-z\d.\-_^/])(?<!"(?:fn|n)": ?)\d+(?:\.\d+)?(?:e[+-]?\d+)?/gu, (m) => {
    if (YEAR.test(m)) return m;
    const x = Number(m);
    if (!Number.isFinite(x) || x === 0) return m;
    return String(Number(x.toPrecision(digits)));
  });
}
