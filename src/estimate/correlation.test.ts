import { describe, expect, it } from 'vitest';
import { pearson, ranks, spearman } from './correlation.js';
import { EstimateError } from './estimate-error.js';

describe('pearson, spearman, ranks', () => {
  it('pearson of exact linear relations is +-1', () => {
    expect(pearson(Float64Array.of(1, 2, 3, 4), Float64Array.of(3, 5, 7, 9))).toBeCloseTo(1, 14);
    expect(pearson(Float64Array.of(1, 2, 3, 4), Float64Array.of(9, 7, 5, 3))).toBeCloseTo(-1, 14);
    expect(pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7))).toBeCloseTo(0.9933992677987828, 14);
  });
  it('ranks share ties', () => {
    expect(Array.from(ranks(Float64Array.of(10, 30, 20, 20)))).toEqual([1, 4, 2.5, 2.5]);
  });
  it('spearman is 1 for any increasing relation and handles ties', () => {
    expect(spearman(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 8, 27, 64))).toBeCloseTo(1, 14);
    // R: cor(c(1,2,2,3), c(1,3,2,4), method = "spearman") = 0.9486833
    expect(spearman(Float64Array.of(1, 2, 2, 3), Float64Array.of(1, 3, 2, 4))).toBeCloseTo(0.9486832980505138, 14);
    expect(Number.isNaN(spearman(Float64Array.of(1, NaN), Float64Array.of(1, 2)))).toBe(true);
  });
  it('rejects arrays of different lengths', () => {
    expect(() => spearman(Float64Array.of(1, 2), Float64Array.of(1, 2, 3))).toThrow(EstimateError);
  });
});


