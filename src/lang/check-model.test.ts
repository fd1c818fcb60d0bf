import { describe, expect, it } from 'vitest';
import { checkModel } from './check-model.js';
import { ModelError, type ModelErrorCode } from './model-error.js';
import { parseModel } from './parse-model.js';

function checkError(src: string, code: ModelErrorCode): ModelError {
  try {
    checkModel(parseModel(src));
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    expect((e as ModelError).code).toBe(code);
    return e as ModelError;
  }
  throw new Error(`no error for ${JSON.stringify(src)}`);
}

describe('checkModel: kinds of values', () => {
  it('types numbers, distributions and the results of functions', () => {
    const src = 'a = 3\nb = 1 to 2\nc = a * 2\nd = b * a\ne = mean(b)\nf = max(a, 4)\ng = max(b, 1M)\nh = b < 1.5\n';
    const checked = checkModel(parseModel(src));
    const kinds = checked.program.statements.map((s) => checked.types.get(s.value));
    expect(kinds).toEqual(['number', 'dist', 'number', 'dist', 'number', 'number', 'dist', 'number']);
  });

  it('accepts aliases: SampleSet.max, inv, sd, PERT, Math.sqrt, Dist.normal', () => {
    expect(() =>
      checkModel(parseModel('x = Dist.normal(5, 1)\ny = SampleSet.max(x, 1)\nz = inv(x, 0.5) + sd(x) + Math.sqrt(4)\np = PERT(1, 2, 3)')),
    ).not.toThrow();
  });
});

describe('checkModel: errors', () => {
  it('suggests the closest variable for an unknown name', () => {
    const e = checkError('revenue = 5M to 15M\ncosts = 3M\nprofit = revenu - costs', 'unknown_name');
    expect(e.detail).toBe("unknown name 'revenu'; did you mean 'revenue'?");
    expect(e.suggestion).toBe('revenue');
    expect([e.line, e.column]).toEqual([3, 10]);
  });

  it('suggests the closest function for an unknown function', () => {
    const e = checkError('x = lognromal(0, 1)', 'unknown_name');
    expect(e.detail).toBe("unknown function 'lognromal'; did you mean 'lognormal'?");
    expect(checkError('x = frobnicate(1)', 'unknown_name').detail).toBe("unknown function 'frobnicate'");
  });

  it('says when a name is used before its definition', () => {
    expect(checkError('a = b + 1\nb = 2', 'unknown_name').detail).toBe("'b' is used before it is defined (on line 2); define it first");
  });

  it('says when a function is used as a value or a variable is called', () => {
    expect(checkError('x = normal', 'type').detail).toBe("'normal' is a function: call it as normal(mean, sd)");
    expect(checkError('f = 2\nx = f(1)', 'type').detail).toBe("'f' is a variable, not a function");
  });

  it('reports wrong arity with the signature', () => {
    expect(checkError('x = normal(1)', 'arity').detail).toBe('normal expects 2 arguments, got 1: normal(mean, sd)');
    const e = checkError('x = triangular(1, 2, 3, 4)', 'arity');
    expect(e.detail).toBe('triangular expects 3 arguments, got 4: triangular(low, mode, high)');
    expect(e.column).toBe(25);
    expect(checkError('x = fact("a")', 'arity').detail).toBe('fact expects 2 or 3 arguments, got 1: fact(entity, metric, period?)');
    expect(checkError('x = max(1)', 'arity').detail).toBe('max expects at least 2 arguments, got 1: max(a, b, ...)');
    expect(checkError('x = mixture()', 'arity').detail).toMatch(/mixture expects at least 1 distribution/);
    expect(checkError('x = mixture(1 to 2, 2 to 3, [1])', 'arity').detail).toBe(
      'mixture has 2 distributions but 1 weight; expected one weight per distribution',
    );
  });

  it('reports values of the wrong kind', () => {
    expect(checkError('x = fact(1, "valuation")', 'type').detail).toBe("expected a string (in quotes) for fact's entity, got a number");
    expect(checkError('x = quantile(1 to 2, 0 to 1)', 'type').detail).toBe("expected a number for quantile's p, got a distribution");
    expect(checkError('x = "a" + 1', 'type').detail).toBe("'+' needs a number or a distribution, got a string");
    expect(checkError('x = [1, 2]', 'type').detail).toBe("expected a number or a distribution for 'x', got a list");
    expect(checkError('x = correlate(1, 2 to 3, 0.5)', 'type').detail).toBe("expected a distribution for correlate's x, got a number");
    expect(checkError('x = mixture(1 to 2, [1 to 2])', 'type').detail).toBe('expected a number for a mixture weight, got a distribution');
    expect(checkError('x = 1\n{y: "s"}', 'type').detail).toBe("expected a number or a distribution for output 'y', got a string");
    expect(checkError('x = 1 + {a: 1}', 'type').detail).toMatch(/a record \{ ... \} can only be the final expression/);
  });
});
