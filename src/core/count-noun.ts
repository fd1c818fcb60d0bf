/**
 * A count and its noun in English, agreeing in number: one company, two
 * companies. The plural is the singular with "s" unless given.
 *
 * @example countNoun(1, 'company', 'companies') // => '1 company'
 * @example countNoun(3, 'month') // => '3 months'
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
