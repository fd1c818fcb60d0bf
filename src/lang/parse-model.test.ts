import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.js';
import { ModelError } from './model-error.js';
import { MAX_MODEL_DEPTH, MAX_MODEL_NESTING, parseModel } from './parse-model.js';

/** The expression as a fully parenthesised string, to see precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'string':
      return JSON.stringify(e.value);
    case 'name':
      return e.name;
    case 'negate':
      return `(-${show(e.arg)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'call':
      return `${e.callee}(${e.args.map(show).join(', ')})`;
    case 'list':
      return `[${e.items.map(show).join(', ')}]`;
    case 'record':
      return `{${e.fields.map((f) => `${f.name}: ${show(f.value)}`).join(', ')}}`;
  }
}

const expr = (src: string): string => show(parseModel(src).result!);

function syntaxError(src: string): ModelError {
  try {
    parseModel(src);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    expect((e as ModelError).code).toBe('syntax');
    return e as ModelError;
  }
  throw new Error(`no error for ${JSON.stringify(src)}`);
}

describe('parseModel: precedence as Squiggle 0.10', () => {
  it('puts `to` below + and above comparisons: 1 + 2 to 3 is (1 + 2) to 3', () => {
    expect(expr('1 + 2 to 3')).toBe('((1 + 2) to 3)');
    expect(expr('2 * 1 to 3')).toBe('((2 * 1) to 3)');
    expect(expr('1 to 2 + 3')).toBe('(1 to (2 + 3))');
    expect(expr('1 to 2 < 3')).toBe('((1 to 2) < 3)');
    expect(expr('3 to 5 ^ 2')).toBe('(3 to (5 ^ 2))');
  });

  it('makes ^ right-associative and tighter than * and /', () => {
    expect(expr('2 ^ 3 ^ 2')).toBe('(2 ^ (3 ^ 2))');
    expect(expr('a * b ^ c / d')).toBe('((a * (b ^ c)) / d)');
  });

  it('binds unary minus tighter than ^, as Squiggle does: -2^2 is (-2)^2', () => {
    expect(expr('-2 ^ 2')).toBe('((-2) ^ 2)');
    expect(expr('2 ^ -1')).toBe('(2 ^ (-1))');
    expect(expr('3 - -x')).toBe('(3 - (-x))');
  });

  it('makes + - * / left-associative', () => {
    expect(expr('a - b - c')).toBe('((a - b) - c)');
    expect(expr('a / b * c')).toBe('((a / b) * c)');
  });

  it('reads calls, lists, dotted names and parentheses', () => {
    expect(expr('mixture(a, b to c, [0.3, 0.7])')).toBe('mixture(a, (b to c), [0.3, 0.7])');
    expect(expr('SampleSet.max(x, 1M)')).toBe('SampleSet.max(x, 1M)');
    expect(expr('(a + b) * c')).toBe('((a + b) * c)');
    expect(expr('f()')).toBe('f()');
  });
});

describe('parseModel: statements', () => {
  it('separates statements with line breaks or ;', () => {
    const p = parseModel('a = 1; b = 2\n\nc = a + b;\n');
    expect(p.statements.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(p.result).toBeUndefined();
  });

  it('reads a final record with shorthand and explicit fields', () => {
    const p = parseModel('a = 1\nb = 2\n{a, total: a + b, "b"}'.replace(', "b"', ', b'));
    expect(show(p.result!)).toBe('{a: a, total: (a + b), b: b}');
  });

  it('lets a call or record span lines, and a line ending in an operator continue', () => {
    const p = parseModel('x = max(1,\n  2)\ny = 1 +\n  2\n{\n x,\n y\n}');
    expect(show(p.statements[0]!.value)).toBe('max(1, 2)');
    expect(show(p.statements[1]!.value)).toBe('(1 + 2)');
    expect(show(p.result!)).toBe('{x: x, y: y}');
  });

  it('keeps source spans', () => {
    const p = parseModel('ab = 1 to 2');
    expect(p.statements[0]!.nameSpan).toEqual({ start: 0, end: 2 });
    expect(p.statements[0]!.value.span).toEqual({ start: 5, end: 11 });
  });

  it("ignores Squiggle's `export` keyword and accepts trailing commas", () => {
    const p = parseModel('export x = max(1, 2,)\nx');
    expect(p.statements[0]!.name).toBe('x');
  });
});

describe('parseModel: errors say what was expected, what arrived and where', () => {
  it('a missing operand at the end of a line', () => {
    const e = syntaxError('a = 1\nb = 2\nsubs = a +\n');
    expect(e.message).toBe("3:11: expected an expression after '+', got end of line");
    expect(e.format('a = 1\nb = 2\nsubs = a +\n')).toContain('model.sq:3:11:');
  });

  it('a missing operand before the next statement', () => {
    expect(syntaxError('x = a *\ny = 2').detail).toBe("expected an expression after '*', got end of line");
  });

  it('a missing expression after =', () => {
    const e = syntaxError('x = \ny = 1');
    expect(e.detail).toBe("expected an expression after 'x =', got end of line");
    expect([e.line, e.column]).toEqual([1, 4]);
  });

  it('an unclosed parenthesis', () => {
    const e = syntaxError('x = (1 + 2\ny = 3');
    expect(e.detail).toMatch(/expected '\)' to close the '\(' on line 1, got name 'y'/);
  });

  it('a missing comma in a call', () => {
    expect(syntaxError('x = normal(1 2)').detail).toBe("expected ',' or ')' to close the '(' on line 1, got number 2");
  });

  it('two expressions on one line', () => {
    expect(syntaxError('x = 1 2').detail).toBe('expected an operator or the end of the statement, got number 2');
  });

  it('a bare expression that is not last', () => {
    expect(syntaxError('1 + 2\nx = 3').detail).toMatch(/only the last statement may be a bare expression/);
  });

  it('chained comparisons and chained `to`', () => {
    expect(syntaxError('x = 1 < 2 < 3').detail).toMatch(/comparisons do not chain/);
    expect(syntaxError('x = 1 to 2 to 3').detail).toMatch(/'to' does not chain/);
  });

  it('a dotted name or an expression before =', () => {
    expect(syntaxError('a.b = 1').detail).toMatch(/a name cannot contain '.'/);
    expect(syntaxError('a + b = 1').detail).toMatch(/the left of '=' must be a single name/);
  });

  it('unary plus, empty parentheses and bad record fields', () => {
    expect(syntaxError('x = +1').detail).toMatch(/there is no unary plus/);
    expect(syntaxError('x = ()').detail).toBe("expected an expression inside '( )', got ')'");
    expect(syntaxError('{a b}').detail).toMatch(/expected ',' or '}' in the record/);
    expect(syntaxError('{1}').detail).toBe('expected a field name in the record, got number 1');
    expect(syntaxError('a = 1\n{a, a}').detail).toBe("field 'a' appears twice in the record");
  });
});

describe('parseModel: the models of issue 3 as wrapped in its text', () => {
  it('continues a statement after = or an operator at the end of a line', () => {
    const p = parseModel('net_burn0 =\nmonthly_burn - revenue0; growth_factor = 1 +\ngrowth');
    expect(p.statements.map((s) => [s.name, show(s.value)])).toEqual([
      ['net_burn0', '(monthly_burn - revenue0)'],
      ['growth_factor', '(1 + growth)'],
    ]);
  });
});

describe('limits of nesting', () => {
  const sum = (n: number): string => `x = ${Array.from({ length: n }, (_, i) => String(i + 1)).join(' + ')}\nx`;
  it(`refuses parentheses nested past MAX_MODEL_NESTING (${MAX_MODEL_NESTING}) with a ModelError at the place, not a stack overflow`, () => {
    const deep = `x = ${'('.repeat(700)}1${')'.repeat(700)}\nx`;
    expect(() => parseModel(deep)).toThrow(ModelError);
    expect(() => parseModel(deep)).toThrow(/nests more than 200 levels/);
    expect(() => parseModel(`x = ${'-'.repeat(5000)}1\nx`)).toThrow(ModelError);
    expect(() => parseModel(`x = ${Array.from({ length: 3000 }, () => '2').join(' ^ ')}\nx`)).toThrow(ModelError);
    expect(parseModel(`x = ${'('.repeat(150)}1${')'.repeat(150)}\nx`).statements).toHaveLength(1);
  });
  it(`refuses a sum of 3,000 terms (deeper than MAX_MODEL_DEPTH, ${MAX_MODEL_DEPTH}) naming the limit, and reads one of 900`, () => {
    expect(() => parseModel(sum(3000))).toThrow(/nested more than 1000 levels deep/);
    expect(parseModel(sum(900)).statements[0]!.name).toBe('x');
  });
});
