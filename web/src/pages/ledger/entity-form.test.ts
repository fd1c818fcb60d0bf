import { describe, expect, it } from 'vitest';
import { aliasesOf, suggestedId } from './entity-form.js';

describe('the company form', () => {
  it('suggests an id as the ledger writes them', () => {
    expect(suggestedId('Mistral AI')).toBe('mistral-ai');
    expect(suggestedId('  Aleph Alpha GmbH ')).toBe('aleph-alpha-gmbh');
    expect(suggestedId('Reka.ai')).toBe('reka.ai');
    expect(suggestedId('月之暗面')).toBe('月之暗面');
  });

  it('reads other names separated by commas in either language', () => {
    expect(aliasesOf('Mistral, Mistral.ai，米斯特拉尔、 ')).toEqual(['Mistral', 'Mistral.ai', '米斯特拉尔']);
    expect(aliasesOf('')).toEqual([]);
  });
});
