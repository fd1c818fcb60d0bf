import { describe, expect, it } from 'vitest';
import { companiesOf } from './report-page.js';

describe('companiesOf', () => {
  it('reads the companies of a report link, none for the article\'s own', () => {
    expect(companiesOf('Mistral AI, Cohere,,Aleph Alpha')).toEqual(['Mistral AI', 'Cohere', 'Aleph Alpha']);
    expect(companiesOf('')).toEqual([]);
    expect(companiesOf(null)).toEqual([]);
  });
});
