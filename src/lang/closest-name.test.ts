import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest-name.js';

describe('editDistance (Damerau-Levenshtein, optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and swaps as 1', () => {
    expect(editDistance('revenu', 'revenue')).toBe(1);
    expect(editDistance('revenue', 'revenu')).toBe(1);
    expect(editDistance('cash', 'cask')).toBe(1);
    expect(editDistance('nromal', 'normal')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closestName', () => {
  it('finds a likely typo', () => {
    expect(closestName('revenu', ['cash', 'revenue', 'burn'])).toBe('revenue');
    expect(closestName('Revenue', ['revenue'])).toBe('revenue');
    expect(closestName('lognromal', ['normal', 'lognormal'])).toBe('lognormal');
  });

  it('does not guess when nothing is close', () => {
    expect(closestName('x', ['y', 'z'])).toBeUndefined();
    expect(closestName('valuation', ['cash', 'burn'])).toBeUndefined();
  });

  it('prefers the earlier candidate on ties', () => {
    expect(closestName('cas', ['cash', 'case'])).toBe('cash');
  });
});
