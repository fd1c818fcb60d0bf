/**
 * The board's order under its heading, "Who runs out of money first": the
 * company most likely to be out of cash first, numbered from 1. The API's
 * ranking (`details.ranking`) runs the other way, the likeliest survivor
 * first (survival at 24 months, or the horizon if shorter, then at the
 * horizon, then the later median month out, then the name): this is that
 * order reversed, so every tie is broken the same way, mirrored.
 *
 * @example outFirst([{ rank: 1, id: 'safe' }, { rank: 2, id: 'risky' }]) // => [{ rank: 1, id: 'risky' }, { rank: 2, id: 'safe' }]
 */
export function outFirst<R extends { readonly rank: number; readonly id: string }>(ranking: readonly R[]): R[] {
  return [...ranking].reverse().map((r, i) => ({ ...r, rank: i + 1 }));
}
