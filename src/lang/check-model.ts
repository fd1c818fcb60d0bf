import type { Expr, Program } from './ast.js';
import { builtinNames, lookupBuiltin, signature, type Builtin, type ValueType } from './builtins.js';
import { closestName } from './closest-name.js';
import { ModelError, modelReason, type ModelReasonCode, type Span } from './model-error.js';
import { SourceText } from './source-text.js';

/** A program whose names resolve, whose calls have the right arity, and whose values have the right kinds. */
export interface CheckedModel {
  readonly program: Program;
  /** The kind of every expression. */
  readonly types: ReadonlyMap<Expr, ValueType>;
  /** The builtin each call resolves to. */
  readonly calls: ReadonlyMap<Expr, Builtin>;
}

const ARTICLE: Record<ValueType, string> = {
  number: 'a number',
  dist: 'a distribution',
  string: 'a string',
  list: 'a list',
  record: 'a record',
};

/**
 * Checks a parsed model: every name is defined before it is used (else the
 * error suggests the closest known name: `unknown name 'revenu'; did you
 * mean 'revenue'?`), every call has the arity its function takes, and every
 * value has the kind its place needs (numbers or distributions for
 * arithmetic, strings for fact(...), a list of numbers for mixture weights, a
 * record only as the final expression). Throws the first {@link ModelError}.
 */
export function checkModel(program: Program): CheckedModel {
  return new Checker(program).run();
}

class Checker {
  private readonly text: SourceText;
  private readonly scope = new Map<string, ValueType>();
  private readonly types = new Map<Expr, ValueType>();
  private readonly calls = new Map<Expr, Builtin>();
  /** Line of every assignment, to tell "defined later" from "unknown". */
  private readonly definedAt = new Map<string, number>();

  constructor(private readonly program: Program) {
    this.text = new SourceText(program.source);
    for (const s of program.statements) {
      if (!this.definedAt.has(s.name)) this.definedAt.set(s.name, this.text.position(s.nameSpan.start).line);
    }
  }

  run(): CheckedModel {
    for (const s of this.program.statements) {
      const t = this.expr(s.value);
      if (t === 'record' || t === 'list' || t === 'string') {
        throw this.error(s.value.span, 'type', `expected a number or a distribution for '${s.name}', got ${ARTICLE[t]}`, ['wrong_kind_variable', { expected: 'numeric', found: t, name: s.name }]);
      }
      this.scope.set(s.name, t);
    }
    const result = this.program.result;
    if (result !== undefined) {
      if (result.kind === 'record') {
        for (const f of result.fields) {
          const t = this.expr(f.value);
          if (t !== 'number' && t !== 'dist') {
            throw this.error(f.value.span, 'type', `expected a number or a distribution for output '${f.name}', got ${ARTICLE[t]}`, ['wrong_kind_output', { expected: 'numeric', found: t, output: f.name }]);
          }
        }
        this.types.set(result, 'record');
      } else {
        const t = this.expr(result);
        if (t !== 'number' && t !== 'dist') {
          throw this.error(result.span, 'type', `expected the final expression to be a number, a distribution or a record of outputs, got ${ARTICLE[t]}`, ['wrong_kind_result', { expected: 'output', found: t }]);
        }
      }
    }
    return { program: this.program, types: this.types, calls: this.calls };
  }

  private expr(e: Expr): ValueType {
    const t = this.infer(e);
    this.types.set(e, t);
    return t;
  }

  private infer(e: Expr): ValueType {
    switch (e.kind) {
      case 'number':
        return 'number';
      case 'string':
        return 'string';
      case 'name':
        return this.name(e.name, e.span);
      case 'negate':
        return this.numeric(e.arg, `unary '-'`, ['wrong_kind_operator', { operator: '-' }]);
      case 'binary': {
        const what = `'${e.op}'`;
        const l = this.numeric(e.left, what, ['wrong_kind_operator', { operator: e.op }]);
        const r = this.numeric(e.right, what, ['wrong_kind_operator', { operator: e.op }]);
        if (e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') return 'number';
        if (e.op === 'to') return 'dist';
        return l === 'dist' || r === 'dist' ? 'dist' : 'number';
      }
      case 'list':
        for (const item of e.items) this.numeric(item, 'a list', ['wrong_kind_list', {}]);
        return 'list';
      case 'record':
        throw this.error(e.span, 'type', `a record { ... } can only be the final expression, where it names the outputs`, ['record_not_final', {}]);
      case 'call':
        return this.call(e);
    }
  }

  /** A number or a distribution, else a type error; `place` says where as data (['wrong_kind_operator', {operator: '+'}]). */
  private numeric(e: Expr, where: string, [code, place]: readonly [ModelReasonCode, Readonly<Record<string, string | number>>]): ValueType {
    const t = this.expr(e);
    if (t !== 'number' && t !== 'dist') {
      throw this.error(e.span, 'type', `${where} needs a number or a distribution, got ${ARTICLE[t]}`, [code, { expected: 'numeric', found: t, ...place }]);
    }
    return t;
  }

  private name(name: string, span: Span): ValueType {
    const t = this.scope.get(name);
    if (t !== undefined) return t;
    const line = this.definedAt.get(name);
    if (line !== undefined) {
      throw this.error(span, 'unknown_name', `'${name}' is used before it is defined (on line ${line}); define it first`, ['used_before_defined', { name, line }]);
    }
    const b = lookupBuiltin(name);
    if (b !== undefined) {
      throw this.error(span, 'type', `'${name}' is a function: call it as ${signature(b, name)}`, ['function_as_value', { name, signature: signature(b, name) }]);
    }
    const suggestion = closestName(name, [...this.scope.keys(), ...builtinNames()]);
    throw this.error(
      span,
      'unknown_name',
      `unknown name '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
      ['unknown_name', { name }],
      suggestion,
    );
  }

  private call(e: Extract<Expr, { kind: 'call' }>): ValueType {
    const b = lookupBuiltin(e.callee);
    if (b === undefined) {
      if (this.scope.has(e.callee)) {
        throw this.error(e.calleeSpan, 'type', `'${e.callee}' is a variable, not a function`, ['variable_as_function', { name: e.callee }]);
      }
      const suggestion = closestName(e.callee, builtinNames()) ?? closestName(e.callee, this.scope.keys());
      throw this.error(
        e.calleeSpan,
        'unknown_name',
        `unknown function '${e.callee}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
        ['unknown_function', { name: e.callee }],
        suggestion,
      );
    }
    this.calls.set(e, b);
    const args = e.args;
    const sig = signature(b, e.callee);

    if (b.kind === 'mixture') {
      const last = args[args.length - 1];
      const hasWeights = last !== undefined && last.kind === 'list';
      const components = hasWeights ? args.slice(0, -1) : args;
      if (components.length < 1) {
        throw this.error(e.span, 'arity', `${e.callee} expects at least 1 distribution, got none: ${sig}`, ['mixture_no_components', { callee: e.callee, signature: sig }]);
      }
      components.forEach((c, i) => this.numeric(c, `${e.callee}'s argument ${i + 1}`, ['wrong_kind_argument', { callee: e.callee, argument: i + 1 }]));
      if (hasWeights) {
        this.expr(last);
        const items = (last as Extract<Expr, { kind: 'list' }>).items;
        if (items.length !== components.length) {
          throw this.error(
            last.span,
            'arity',
            `${e.callee} has ${components.length} distribution${components.length === 1 ? '' : 's'} but ${items.length} weight${items.length === 1 ? '' : 's'}; expected one weight per distribution`,
            ['mixture_weight_count', { callee: e.callee, components: components.length, weights: items.length }],
          );
        }
        for (const w of items) {
          if (this.types.get(w) !== 'number') {
            throw this.error(w.span, 'type', `expected a number for a mixture weight, got ${ARTICLE[this.types.get(w)!]}`, ['wrong_kind', { expected: 'number', found: this.types.get(w)!, callee: e.callee, param: 'weights' }]);
          }
        }
      }
      return 'dist';
    }

    const min = b.variadic?.minArgs ?? b.params.filter((p) => !p.optional).length;
    const max = b.variadic ? Infinity : b.params.length;
    if (args.length < min || args.length > max) {
      const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} or ${max}`;
      const where = args.length > max ? args[max]!.span : { start: e.span.end - 1, end: e.span.end };
      throw this.error(
        where,
        'arity',
        `${e.callee} expects ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}: ${sig}`,
        ['arity', { callee: e.callee, min, max: max === Infinity ? undefined : max, got: args.length, signature: sig }],
      );
    }

    let anyDist = false;
    args.forEach((arg, i) => {
      const p = b.params[Math.min(i, b.params.length - 1)]!;
      const t = this.expr(arg);
      const label = `${e.callee}'s ${p.name}`;
      const kind = (expected: string): [ModelReasonCode, Record<string, string>] => ['wrong_kind', { expected, found: t, callee: e.callee, param: p.name }];
      switch (p.kind) {
        case 'numeric':
          if (t !== 'number' && t !== 'dist') throw this.error(arg.span, 'type', `expected a number or a distribution for ${label}, got ${ARTICLE[t]}`, kind('numeric'));
          if (t === 'dist') anyDist = true;
          break;
        case 'number':
        case 'constant':
          if (t !== 'number') throw this.error(arg.span, 'type', `expected a number for ${label}, got ${ARTICLE[t]}`, kind('number'));
          break;
        case 'dist':
          if (t !== 'dist') throw this.error(arg.span, 'type', `expected a distribution for ${label}, got ${ARTICLE[t]}`, kind('dist'));
          break;
        case 'string':
          if (t !== 'string') throw this.error(arg.span, 'type', `expected a string (in quotes) for ${label}, got ${ARTICLE[t]}`, kind('string'));
          break;
        case 'weights':
          if (t !== 'list') throw this.error(arg.span, 'type', `expected a list of numbers for ${label}, got ${ARTICLE[t]}`, kind('list'));
          break;
      }
    });
    if (b.result === 'same') return anyDist ? 'dist' : 'number';
    return b.result;
  }

  private error(
    span: Span,
    code: 'type' | 'unknown_name' | 'arity',
    detail: string,
    [reason, params]: readonly [ModelReasonCode, Readonly<Record<string, string | number | undefined>>],
    suggestion?: string,
  ): ModelError {
    return ModelError.at(this.text, span, code, detail, { reason: modelReason(reason, params), ...(suggestion === undefined ? {} : { suggestion }) });
  }
}
