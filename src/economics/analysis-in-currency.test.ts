import { describe, expect, it } from 'vitest';
import { CURRENCY_TABLE, makeFxTable, type Currency } from '../core/index.js';
import { displayCurrency } from './analysis-in-currency.js';

const codes = Object.keys(CURRENCY_TABLE).filter((c) => c !== 'USD') as Currency[];
const fx = makeFxTable('test.csv', codes.map((currency) => ({ month: '2026-06', currency, perUsd: 2, source: 'test' })));

describe('displayCurrency notes name the currency in the plural as English writes it', () => {
  it.each([
    ['JPY', 'Japanese yen'],
    ['CNY', 'Chinese yuan'],
    ['KRW', 'South Korean won'],
    ['SEK', 'Swedish kronor'],
    ['GBP', 'pounds sterling'],
    ['EUR', 'euros'],
    ['CHF', 'Swiss francs'],
  ] as const)('%s: "Money in %s"', (code, plural) => {
    const d = displayCurrency(code, fx);
    expect(d.note.en).toContain(`Money in ${plural} (${code}):`);
    expect(d.noteAsWritten.en).toContain(`Money in ${plural} (${code}): figures written in ${plural} are taken as written`);
  });

  it('no currency name gets an "s" after an invariable or already plural word', () => {
    for (const c of codes) {
      const en = displayCurrency(c, fx).noteAsWritten.en;
      expect(en).not.toMatch(/\b(yens|yuans|wons|kronas|sterlings)\b/);
    }
  });
});
