import { describe, expect, it } from 'vitest';
import { outFirst } from './out-first.js';

describe('outFirst: the board lists the likeliest to run out of money first, as its heading says', () => {
  it('reverses the survivors-first ranking and numbers it from 1', () => {
    // the API's order: OpenAI survives likeliest (P(out) 0.0%), Stability AI least (100%)
    const api = [{ rank: 1, id: 'openai' }, { rank: 2, id: 'minimax' }, { rank: 3, id: 'stability-ai' }];
    expect(outFirst(api)).toEqual([{ rank: 1, id: 'stability-ai' }, { rank: 2, id: 'minimax' }, { rank: 3, id: 'openai' }]);
    expect(api[0]).toEqual({ rank: 1, id: 'openai' });
    expect(outFirst([])).toEqual([]);
  });
});
