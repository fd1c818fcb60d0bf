import { describe, expect, it } from 'vitest';
import { roundNumbers } from './round-numbers.js';

describe('roundNumbers', () => {
  it('rounds measured numbers to 2 significant figures, leaving ids alone', () => {
    expect(roundNumbers('763k (90% CI 458.2k–1.31M)[^12] F18 fn-3')).toBe('760k (90% CI 460k–1.3M)[^12] F18 fn-3');
    expect(roundNumbers('5.67x, 98%, 1234 draws')).toBe('5.7x, 98%, 1200 draws');
  });

  it('keeps years and dates exact in both languages', () => {
    expect(roundNumbers('In May 2024 a Chinese article')).toBe('In May 2024 a Chinese article');
    expect(roundNumbers('2024年5月20日，2023年为36.9亿美元')).toBe('2024年5月20日，2023年为37亿美元');
    expect(roundNumbers('published from 2023-12-11 to 2024-06-11, 2024-04-21/2024-05-20')).toBe('published from 2023-12-11 to 2024-06-11, 2024-04-21/2024-05-20');
  });

  it('keeps footnote numbers exact in Markdown and JSON', () => {
    expect(roundNumbers('$180M[^123] and [^4567]')).toBe('$180M[^123] and [^4567]');
    expect(roundNumbers('{"t": "num", "text": "$180M", "fn": 123, "value": 179880000}')).toBe('{"t": "num", "text": "$180M", "fn": 123, "value": 180000000}');
    expect(roundNumbers('{"n": 105, "id": "fn-105"}')).toBe('{"n": 105, "id": "fn-105"}');
  });
});
