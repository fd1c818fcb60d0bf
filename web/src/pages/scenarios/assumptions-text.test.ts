import { describe, expect, it } from 'vitest';
import { changedKeys, lineOf, syntaxErrorLine } from './assumptions-text.js';

/** Assumptions in the bundled file's form (data/survival-assumptions.yaml), cut to two companies. */
const bundled = `# Assumptions of the survival simulation: a comment, not a key
as_of: '2024-05'
defaults:
  raise_target_months: 18
  round_size:
    value: 0.5 to 2
    rationale: a round brings cash to about 18 months of costs
    rationale_zh: 一轮融资大致让现金回到约 18 个月支出的水平
companies:
  - company: OpenAI
    cash:
      value: 5B to 15B
      rationale: Microsoft's multi-year commitment and earlier rounds, less spending to date
      rationale_zh: 微软的多年期投资承诺加上此前各轮融资，扣除迄今的开支
    fundability:
      value: 2
      rationale: the best-known AI company
  - company: Moonshot AI
    costs:
      value: 30M to 80M
      rationale: compute and staff of a lab of its size
      rationale_zh: 同等规模实验室的算力与人员开支
`;
const lineNo = (needle: string) => bundled.split('\n').findIndex((l: string) => l.includes(needle)) + 1;

describe('changedKeys', () => {
  it('names each changed key by company and field, whatever the comments and layout', () => {
    const edited = bundled
      .replace('value: 5B to 15B', 'value: "2.5B to 7.5B"')
      .replace('raise_target_months: 18', 'raise_target_months: 24')
      .replace(/^# Assumptions of the survival simulation.*$/m, '# my scenario')
      .replace('  - company: OpenAI', '  # OpenAI: cash halved\n  - company: OpenAI');
    expect(changedKeys(bundled, edited)).toEqual({
      changes: [
        { path: ['defaults', 'raise_target_months'], before: '18', after: '24' },
        { path: ['companies', 'OpenAI', 'cash', 'value'], before: '5B to 15B', after: '2.5B to 7.5B' },
      ],
    });
    expect(changedKeys(bundled, bundled)).toEqual({ changes: [] });
  });

  it('a company taken out is one change, not one per field; companies in another order are no change', () => {
    const without = bundled.replace(/\n {2}- company: OpenAI\n[\s\S]*?(?=\n {2}- company: )/, '');
    const reordered = bundled.replace(/(\n {2}- company: OpenAI\n[\s\S]*?)(\n {2}- company: Moonshot AI\n[\s\S]*)$/, '$2$1');
    expect(reordered.indexOf('Moonshot AI')).toBeLessThan(reordered.indexOf('company: OpenAI'));
    expect(changedKeys(bundled, reordered)).toEqual({ changes: [] });
    expect(without).not.toContain('company: OpenAI');
    expect(changedKeys(bundled, without)).toEqual({ changes: [{ path: ['companies', 'OpenAI'], before: '{…}', after: null }] });
  });

  it('a text that is not YAML gives the reader\'s complaint with its line', () => {
    const r = changedKeys(bundled, 'as_of: [2024');
    expect('error' in r && r.error).toMatch(/line 1/);
  });
});

describe('lineOf', () => {
  it('finds the line of the field an issue of the server names, or of the mapping a missing field belongs in', () => {
    expect(lineOf(bundled, ['companies', 0, 'cash'])).toBe(lineNo('    cash:'));
    expect(lineOf(bundled, ['companies', 0, 'cash', 'value'])).toBe(lineNo('value: 5B to 15B'));
    expect(lineOf(bundled, ['companies', 0, 'cash', 'nothing'])).toBe(lineNo('    cash:'));
    expect(lineOf(bundled, ['as_of'])).toBe(lineNo("as_of: '2024-05'"));
  });

  it('gives no line for a path the text has not even begun, or a text that is not YAML', () => {
    expect(lineOf(bundled, ['options.assumptionsText'])).toBeNull();
    expect(lineOf('as_of: [2024', ['as_of'])).toBeNull();
  });
});

describe('syntaxErrorLine', () => {
  it('points at the line where the text stops being YAML, and at none for a text that reads', () => {
    const broken = bundled.replace('      value: 30M to 80M', '      value: [30M to 80M');
    expect(syntaxErrorLine(broken)).toBe(lineNo('rationale: compute and staff'));
    expect(syntaxErrorLine(bundled)).toBeNull();
  });
});
