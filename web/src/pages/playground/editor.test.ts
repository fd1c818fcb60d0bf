import { describe, expect, it } from 'vitest';
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { lang } from '../../i18n.js';
import { completeNames, toDiagnostics } from './editor.js';

const names = () => ({ functions: ['normal', 'lognormal', 'fact', 'Math.sqrt', 'mean'], entities: ['Moonshot AI', '月之暗面'], metrics: ['valuation', 'revenue'] });

/** The completion at the end of `doc`, as CodeMirror asks for it while typing. */
function complete(doc: string, explicit = false) {
  const state = EditorState.create({ doc });
  const r = completeNames(names)(new CompletionContext(state, doc.length, explicit));
  return r && { from: r.from, labels: r.options.map((o) => o.label) };
}

describe('completeNames', () => {
  it('offers the entities at fact()\'s first argument, replacing what was typed of it', () => {
    expect(complete('v = fact("月之')).toEqual({ from: 'v = fact("'.length, labels: ['Moonshot AI', '月之暗面'] });
    expect(complete('v = fact( "')).toEqual({ from: 'v = fact( "'.length, labels: ['Moonshot AI', '月之暗面'] });
  });

  it('offers the metrics at its second argument', () => {
    expect(complete('v = fact("月之暗面", "val')).toEqual({ from: 'v = fact("月之暗面", "'.length, labels: ['valuation', 'revenue'] });
  });

  it('offers the functions for a name, and nothing after a number (5M is a figure)', () => {
    expect(complete('x = logn')).toEqual({ from: 4, labels: ['normal', 'lognormal', 'fact', 'Math.sqrt', 'mean'] });
    expect(complete('x = 5M')).toBeNull();
    expect(complete('x = 3 to 5')).toBeNull();
  });

  it('offers nothing on an empty word unless asked (Ctrl-Space)', () => {
    expect(complete('x = ')).toBeNull();
    expect(complete('x = ', true)).not.toBeNull();
  });
});

describe('toDiagnostics', () => {
  it('puts each issue at its offsets, with its line:column in the message', () => {
    const d = toDiagnostics([{ code: 'unknown_name', line: 2, column: 11, from: 26, to: 29, message: "unknown name 'sbs'; did you mean 'subs'?", suggestion: 'subs' }], 40);
    expect(d).toEqual([{ from: 26, to: 29, severity: 'error', message: "2:11 unknown name 'sbs'; did you mean 'subs'?", source: 'unknown_name' }]);
  });

  it('says the issue in the page\'s language, by its rule and values (Chinese on a zh page)', () => {
    const issue = { code: 'arity', line: 1, column: 12, from: 11, to: 12, message: 'normal expects 2 arguments, got 1: normal(mean, sd)', suggestion: null,
      reason: { code: 'arity', params: { callee: 'normal', min: '2', max: '2', got: '1', signature: 'normal(mean, sd)' } } };
    lang.value = 'zh';
    try {
      expect(toDiagnostics([issue], 40)[0]!.message).toBe('1:12 normal 应有2个参数，实际为1个：normal(mean, sd)');
    } finally {
      lang.value = 'en';
    }
    expect(toDiagnostics([issue], 40)[0]!.message).toBe('1:12 normal expects 2 arguments, got 1: normal(mean, sd)');
  });

  it('keeps an issue inside a document that changed since the check', () => {
    const d = toDiagnostics([{ code: 'parse', line: 3, column: 1, from: 50, to: 60, message: 'x', suggestion: null }], 20);
    expect([d[0]!.from, d[0]!.to]).toEqual([20, 20]);
  });
});
