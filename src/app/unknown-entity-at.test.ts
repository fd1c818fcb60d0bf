import { describe, expect, it } from 'vitest';
import { ShakeoutError } from '../core/index.js';
import { unknownEntityAt } from './unknown-entity-at.js';

const storeMiss = (got: string, suggestion?: string) => new ShakeoutError(`unknown entity "${got}"`, {
  status: 404, issues: [{ code: 'unknown_entity', path: [], message: `unknown entity "${got}"`, got, ...(suggestion ? { suggestion } : {}) }],
});

describe('unknownEntityAt', () => {
  it('says the store\'s unknown name at the field whose value (or one of its comma-separated values) it is: a 400', () => {
    const e = unknownEntityAt(storeMiss('OpenAl', 'OpenAI'), [[['query', 'seed'], '3'], [['query', 'companies'], 'Anthropic, OpenAl']]);
    expect(e?.status).toBe(400);
    expect(e?.message).toBe('query.companies: expected an entity the ledger knows (any name or alias), got "OpenAl"; did you mean "OpenAI"?');
    expect(e?.issues).toEqual([{ code: 'unknown_entity', path: ['query', 'companies'], message: 'expected an entity the ledger knows (any name or alias), got "OpenAl"; did you mean "OpenAI"?', expected: 'an entity the ledger knows', got: 'OpenAl', suggestion: 'OpenAI' }]);
  });
  it('leaves the 404 where no field holds the name (a path, a body), and any other error as it is', () => {
    expect(unknownEntityAt(storeMiss('Zhipuu'), [[['query', 'entity'], 'Zhipu']])).toBeNull();
    expect(unknownEntityAt(new ShakeoutError('bad', { status: 400, issues: [{ code: 'x', path: ['a'], message: 'm' }] }), [[['a'], 'bad']])).toBeNull();
    expect(unknownEntityAt(new Error('boom'), [])).toBeNull();
  });
});
