import { describe, expect, it } from 'vitest';
import { ShakeoutError, type DistSpec } from '../core/index.js';
import type { PlanNode } from '../estimate/index.js';
import { compileModel, compileProgram, type FactResolver } from './compile-model.js';
import { ModelError, type ModelErrorCode } from './model-error.js';
import { parseModel } from './parse-model.js';

function compileError(src: string, code: ModelErrorCode, resolveFact?: FactResolver): ModelError {
  try {
    compileModel(src, resolveFact ? { resolveFact } : {});
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    expect((e as ModelError).code).toBe(code);
    return e as ModelError;
  }
  throw new Error(`no error for ${JSON.stringify(src)}`);
}

/** Checks that every node refers only to nodes before it. */
function expectTopological(nodes: readonly PlanNode[]): void {
  nodes.forEach((n, id) => {
    const refs = JSON.stringify(n).match(/"(args|arg|left|right|with|param|components)":(\[[\d,]*\]|\d+)/g) ?? [];
    for (const r of refs) for (const d of r.match(/\d+/g) ?? []) expect(Number(d)).toBeLessThan(id);
  });
}

const MODEL_A = 'ios = 11M to 13M; android = 2.5M to 3.5M; price = 19.99; subs = (ios + android) / price; annual = subs * price * 12\n{subs, annual}';

describe('compileModel', () => {
  it('compiles Model A to a flat, topological plan with folded constants', () => {
    const plan = compileModel(MODEL_A);
    expectTopological(plan.nodes);
    expect(plan.nodes).toEqual([
      { kind: 'const', value: 11e6 },
      { kind: 'const', value: 13e6 },
      { kind: 'sample', family: 'to', args: [0, 1] },
      { kind: 'const', value: 2.5e6 },
      { kind: 'const', value: 3.5e6 },
      { kind: 'sample', family: 'to', args: [3, 4] },
      { kind: 'const', value: 19.99 },
      { kind: 'binary', op: 'add', left: 2, right: 5 },
      { kind: 'binary', op: 'div', left: 7, right: 6 },
      { kind: 'binary', op: 'mul', left: 8, right: 6 },
      { kind: 'const', value: 12 },
      { kind: 'binary', op: 'mul', left: 9, right: 10 },
    ]);
    expect(plan.outputs).toEqual([{ name: 'subs', node: 8 }, { name: 'annual', node: 11 }]);
  });

  it('makes a variable used twice the same node (a - a is exactly 0 in the engine)', () => {
    const plan = compileModel('a = 1 to 2\nb = a - a\n{b}');
    expect(plan.nodes[plan.outputs[0]!.node]).toEqual({ kind: 'binary', op: 'sub', left: 2, right: 2 });
  });

  it('folds constant arithmetic, as Squiggle 0.10 does: -2^2 is 4, 2^3^2 is 512', () => {
    const value = (src: string): unknown => {
      const plan = compileModel(src);
      return plan.nodes[plan.outputs[0]!.node];
    };
    expect(value('-2^2')).toEqual({ kind: 'const', value: 4 });
    expect(value('2^3^2')).toEqual({ kind: 'const', value: 512 });
    expect(value('x = 15% * 1_000\nx')).toEqual({ kind: 'const', value: 150 });
    expect(value('max(3, 7) + min(1, 2) + sqrt(16) + abs(-1)')).toEqual({ kind: 'const', value: 13 });
    expect(value('1 < 2')).toEqual({ kind: 'const', value: 1 });
    expect(value('mean(5) + stdev(5) + quantile(5, 0.3) + cdf(5, 4)')).toEqual({ kind: 'const', value: 10 });
  });

  it('names outputs: a record, a final name, a final expression, or every variable', () => {
    expect(compileModel('a = 1 to 2\nb = a * 2\n{b, twice: b * 2}').outputs.map((o) => o.name)).toEqual(['b', 'twice']);
    expect(compileModel('a = 1 to 2\na').outputs.map((o) => o.name)).toEqual(['a']);
    expect(compileModel('a = 1 to 2\nmean(a)').outputs.map((o) => o.name)).toEqual(['result']);
    expect(compileModel('a = 1 to 2\nb = a * 2\nc = 3').outputs.map((o) => o.name)).toEqual(['a', 'b', 'c']);
    // A redefined variable keeps its first place and its last value.
    const plan = compileModel('a = 1\nb = 2\na = 3');
    expect(plan.outputs.map((o) => [o.name, plan.nodes[o.node]])).toEqual([
      ['a', { kind: 'const', value: 3 }],
      ['b', { kind: 'const', value: 2 }],
    ]);
  });

  it('drops nodes no output needs, unless asked not to', () => {
    const src = 'a = 1 to 2\nunused = normal(0, 1) * 3\nb = a * 2\n{b}';
    expect(compileModel(src).nodes.some((n) => n.kind === 'sample' && n.family === 'normal')).toBe(false);
    const full = compileProgram(parseModel(src), { prune: false });
    expect(full.plan.nodes.some((n) => n.kind === 'sample' && n.family === 'normal')).toBe(true);
    expect([...full.variables.keys()]).toEqual(['a', 'unused', 'b']);
    expectTopological(compileModel(src).nodes);
  });

  it('compiles every construct of the language', () => {
    const src = [
      'n = normal(10, 2)', 'l = lognormal(0, 0.5)', 'u = uniform(1, 3)', 'b = beta(2, 3)',
      't = triangular(1, 2, 4)', 'p = pert(1, 2, 4)', 'P = PERT(1, 2, 4)', 'pm = pointMass(3)',
      'm = mixture(n, u, [0.25, 0.75])', 'me = mixture(n, u)', 'tr = truncate(n, 8, 12)',
      'tl = truncateLeft(n, 9)', 'trr = truncateRight(n, 11)', 'e = exp(l) + log(u) + log10(u) + sqrt(u) + abs(n)',
      'mn = min(n, u, 2)', 'mx = SampleSet.max(n, 1)', 'q = quantile(n, 0.9) + inv(n, 0.1)',
      'c = cdf(n, 10)', 's = mean(n) + stdev(n) + sd(n)', 'k = correlate(u, n, 0.6)', 'pr = n > u',
      'ng = -n', 'pw = u ^ 2', 'varying = normal(u, 1)',
    ].join('\n');
    const plan = compileModel(src);
    expectTopological(plan.nodes);
    const kinds = new Set(plan.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(['binary', 'compare', 'const', 'correlate', 'mixture', 'reduce', 'sample', 'truncate', 'unary']);
    const at = (name: string): PlanNode => plan.nodes[plan.outputs.find((o) => o.name === name)!.node]!;
    expect(at('m')).toMatchObject({ kind: 'mixture', weights: [0.25, 0.75] });
    expect(at('me')).toMatchObject({ kind: 'mixture', weights: [1, 1] });
    expect(at('tl')).toMatchObject({ kind: 'truncate', low: 9, high: Infinity });
    expect(at('trr')).toMatchObject({ kind: 'truncate', low: -Infinity, high: 11 });
    expect(at('k')).toMatchObject({ kind: 'correlate', rho: 0.6 });
    expect(at('pr')).toMatchObject({ kind: 'compare', op: 'gt' });
    expect(at('P')).toMatchObject({ kind: 'sample', family: 'pert' });
    expect(at('varying')).toMatchObject({ kind: 'sample', family: 'normal' });
  });

  it('reads facts through the resolver, keeping their provenance', () => {
    const spec: DistSpec = { family: 'lognormal', mu: 22, sigma: 0.2 };
    const calls: unknown[][] = [];
    const resolveFact: FactResolver = (...args) => {
      calls.push(args);
      return { spec, label: 'Moonshot valuation 2024: $3.3B (about)' };
    };
    const compiled = compileProgram(parseModel('v = fact("月之暗面", "valuation")\nw = fact("月之暗面", "valuation", "2024") * 2\n{v, w}'), { resolveFact });
    expect(calls).toEqual([['月之暗面', 'valuation', undefined], ['月之暗面', 'valuation', '2024']]);
    expect(compiled.plan.nodes[0]).toEqual({ kind: 'spec', spec });
    expect(compiled.facts.map((f) => [f.line, f.column, f.period, f.label])).toEqual([
      [1, 5, undefined, 'Moonshot valuation 2024: $3.3B (about)'],
      [2, 5, '2024', 'Moonshot valuation 2024: $3.3B (about)'],
    ]);
  });
});

describe('compileModel: errors in values', () => {
  it('rejects `a to b` with a <= 0, as Squiggle does', () => {
    const e = compileError('x = 0 to 10', 'invalid_argument');
    expect(e.detail).toMatch(/^'0 to 10': 'a to b' only accepts values above 0; it is a lognormal with 5th percentile a and 95th percentile b/);
    expect(e.detail).toMatch(/write normal\(5, 3.03978\)$/);
    expect([e.line, e.column]).toEqual([1, 5]);
    expect(compileError('x = -1 to 3', 'invalid_argument').detail).toMatch(/^'-1 to 3': 'a to b' only accepts values above 0/);
  });

  it('rejects `a to b` with a >= b, as Squiggle does', () => {
    expect(compileError('x = 4 to -2', 'invalid_argument').detail).toBe("'4 to -2': the low value must be less than the high value");
    const e = compileError('x = 1 + 2 to 3', 'invalid_argument');
    expect(e.detail).toBe("'1 + 2 to 3' (3 to 3): the low value must be less than the high value");
    expect(e.format('x = 1 + 2 to 3').split('\n')[2]).toBe('    |     ^~~~~~~~~~');
  });

  it('rejects parameters a family cannot take', () => {
    expect(compileError('x = normal(0, -1)', 'invalid_argument').detail).toBe('normal: the standard deviation must be larger than 0, got -1');
    expect(compileError('x = lognormal(0, 0)', 'invalid_argument').detail).toBe('lognormal: sigma must be larger than 0, got 0');
    expect(compileError('x = uniform(3, 1)', 'invalid_argument').detail).toBe('uniform: high (1) must be larger than low (3)');
    expect(compileError('x = beta(0, 1)', 'invalid_argument').detail).toBe('beta: the parameters must be positive, got 0');
    expect(compileError('x = triangular(3, 2, 1)', 'invalid_argument').detail).toMatch(/expected low <= mode <= high/);
    expect(compileError('x = truncate(normal(0, 1), 1, -1)', 'invalid_argument').detail).toBe('truncate: low (1) must be less than high (-1)');
    expect(compileError('x = quantile(normal(0, 1), 1.5)', 'invalid_argument').detail).toBe('quantile: p must be between 0 and 1, got 1.5');
    expect(compileError('x = 1 to 2\ny = correlate(x, 3 to 4, 2)', 'invalid_argument').detail).toBe('correlate: rho must be between -1 and 1, got 2');
    expect(compileError('x = mixture(1 to 2, 2 to 3, [0, 0])', 'invalid_argument').detail).toMatch(/the weights add up to 0/);
    expect(compileError('x = mixture(1 to 2, 2 to 3, [-1, 2])', 'invalid_argument').detail).toMatch(/weights must be finite and >= 0, got -1/);
  });

  it('asks for constants where the plan needs numbers', () => {
    expect(compileError('x = 1 to 2\ny = truncate(x, mean(x), 3)', 'type').detail).toBe(
      "expected a constant for truncate's low, got an expression that depends on samples",
    );
  });

  it('turns a resolver failure into a located error', () => {
    const notFound: FactResolver = (entity, metric) => {
      throw new ShakeoutError(`no fact '${metric}' for '${entity}'; known metrics: revenue, valuation`, { status: 404 });
    };
    const src = 'a = 1\nv = fact("月之暗面", "valuaton")';
    const e = compileError(src, 'fact', notFound);
    expect(e.detail).toBe("no fact 'valuaton' for '月之暗面'; known metrics: revenue, valuation");
    expect([e.line, e.column]).toEqual([2, 5]);
    expect(e.cause).toBeInstanceOf(ShakeoutError);
    expect(compileError('v = fact("a", "b")', 'fact').detail).toMatch(/fact\(\.\.\.\) needs the ledger/);
  });

  it('lets a resolver bug through unchanged', () => {
    const buggy: FactResolver = () => {
      throw new TypeError('boom');
    };
    expect(() => compileModel('v = fact("a", "b")', { resolveFact: buggy })).toThrow(TypeError);
  });
});

describe('compileModel: each error names its rule and values (what the playground says in Chinese, web/src/reasons.test.ts)', () => {
  it('invalid_argument: the function and the values that break its rule', () => {
    const sd = compileError('x = normal(0, -1)', 'invalid_argument');
    expect(sd.issues[0]).toMatchObject({ code: 'invalid_argument', path: ['line 1', 'column 15'], message: 'normal: the standard deviation must be larger than 0, got -1', reason: { code: 'sd_not_positive', params: { callee: 'normal', got: '-1' } } });
    const to = compileError('x = 10 to 5', 'invalid_argument');
    expect(to.issues[0]).toMatchObject({ path: ['line 1', 'column 5'], message: "'10 to 5': the low value must be less than the high value", reason: { code: 'to_low_above_high', params: { written: '10 to 5', low: '10', high: '5' } } });
    expect(compileError('x = mixture(1 to 2, 3 to 4, [0, 0])', 'invalid_argument').reasonCode).toEqual({ code: 'weights_zero', params: { callee: 'mixture' } });
    expect(compileError('x = truncate(normal(0, 1), 5, 1)', 'invalid_argument').reasonCode).toEqual({ code: 'bounds_order', params: { callee: 'truncate', low: '5', high: '1' } });
  });

  it('fact: without the ledger, and a fact the ledger lacks, with what the resolver said', () => {
    expect(compileError('x = fact("OpenAI", "revenue")', 'fact').issues[0]).toMatchObject({
      path: ['line 1', 'column 5'],
      message: 'fact(...) needs the ledger, and this model was compiled without one; run it through the app (shakeout run) or pass resolveFact',
      reason: { code: 'fact_without_ledger', params: {} },
    });
    const missing: FactResolver = (entity) => {
      throw new ShakeoutError(`no fact for ${entity} revenue`, { issues: [{ code: 'unknown_fact', path: [], message: 'x', got: entity, suggestion: 'OpenAI' }], status: 404 });
    };
    const e = compileError('x = fact("OpenAl", "revenue")', 'fact', missing);
    expect(e.reasonCode).toEqual({ code: 'fact_unresolved', params: { entity: 'OpenAl', metric: 'revenue', got: 'OpenAl', suggestion: 'OpenAI' } });
    expect(e.issues[0]).toMatchObject({ suggestion: 'OpenAI' });
  });
});
