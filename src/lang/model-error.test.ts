import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ShakeoutError } from '../core/index.js';
import { MODEL_REASONS, ModelError, modelReason } from './model-error.js';
import { SourceText } from './source-text.js';

describe('SourceText', () => {
  it('gives 1-based lines and columns in characters', () => {
    const t = new SourceText('a = 1\nb = "月之暗面" + x\n');
    expect(t.position(0)).toEqual({ line: 1, column: 1 });
    expect(t.position(6)).toEqual({ line: 2, column: 1 });
    expect(t.position(17)).toEqual({ line: 2, column: 12 });
    expect(t.lineText(2)).toBe('b = "月之暗面" + x');
    expect(t.lineText(3)).toBe('');
  });
});

describe('ModelError', () => {
  it('is a ShakeoutError with status 400 and a located issue', () => {
    const e = ModelError.at('x = 1 +', { start: 7, end: 8 }, 'syntax', "expected an expression after '+', got end of line");
    expect(e).toBeInstanceOf(ShakeoutError);
    expect(e.status).toBe(400);
    expect(e.message).toBe("1:8: expected an expression after '+', got end of line");
    expect(e.issues).toEqual([{ code: 'syntax', path: ['line 1', 'column 8'], message: "expected an expression after '+', got end of line", reason: { code: 'syntax', params: {} } }]);
  });

  it('lists every rule of every family in docs/model-errors.md', () => {
    const docs = readFileSync(new URL('../../docs/model-errors.md', import.meta.url), 'utf8');
    const listed = [...docs.matchAll(/^\| (\w+) \| `(\w+)` \|/gm)].map((m) => `${m[1]}/${m[2]}`);
    expect(listed).toEqual(Object.entries(MODEL_REASONS).flatMap(([family, codes]) => codes.map((c) => `${family}/${c}`)));
  });

  it('carries the rule broken and its values, on the error and its issue, and the closest name', () => {
    const reason = modelReason('unknown_name', { name: 'revenu', unused: undefined });
    expect(reason).toEqual({ code: 'unknown_name', params: { name: 'revenu' } });
    const e = ModelError.at('revenu', { start: 0, end: 6 }, 'unknown_name', "unknown name 'revenu'; did you mean 'revenue'?", { reason, suggestion: 'revenue' });
    expect(e.reasonCode).toEqual(reason);
    expect(e.issues[0]).toMatchObject({ code: 'unknown_name', suggestion: 'revenue', reason });
  });

  it('formats the line with a caret under the place', () => {
    const src = 'a = 1\nb = 2\nsubs = ios +\n';
    const e = ModelError.at(src, { start: 24, end: 25 }, 'syntax', "expected an expression after '+', got end of line");
    expect(e.format(src)).toBe(
      [
        "model.sq:3:13: expected an expression after '+', got end of line",
        '  3 | subs = ios +',
        '    |             ^',
      ].join('\n'),
    );
  });

  it('underlines a span, counting wide characters twice', () => {
    const src = 'v = fact("月之暗面", "x") + y';
    const start = src.indexOf('y');
    const e = ModelError.at(src, { start, end: start + 1 }, 'unknown_name', "unknown name 'y'");
    const lines = e.format(src, 'moon.sq').split('\n');
    expect(lines[0]).toBe("moon.sq:1:25: unknown name 'y'");
    // 24 characters before y, four of them wide: 28 columns.
    expect(lines[2]).toBe(`    | ${' '.repeat(28)}^`);
    const f = ModelError.at('x = revenu + 1', { start: 4, end: 10 }, 'unknown_name', "unknown name 'revenu'");
    expect(f.format('x = revenu + 1').split('\n')[2]).toBe('    |     ^~~~~~');
  });
});
