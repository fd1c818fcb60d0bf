import { ShakeoutError, Z95, type DistSpec } from '../core/index.js';
import type { BinaryOp, CompareOp, NodeId, Plan, PlanNode, SampleFamily, UnaryOp } from '../estimate/index.js';
import type { Expr, Program } from './ast.js';
import type { Builtin } from './builtins.js';
import { checkModel, type CheckedModel } from './check-model.js';
import { ModelError, modelReason, type ModelReasonCode, type Span } from './model-error.js';
import { parseModel } from './parse-model.js';
import { SourceText } from './source-text.js';

/**
 * Reads a fact of the ledger as a distribution. `lang` cannot import the
 * ledger, so the app layer passes this in. It throws a ShakeoutError when
 * there is no such fact; the compiler turns that into a located ModelError.
 */
export type FactResolver = (entity: string, metric: string, period?: string) => { spec: DistSpec; label: string };

export interface CompileOptions {
  readonly resolveFact?: FactResolver;
  /**
   * Drop nodes no output depends on (default true). Variables that are not
   * outputs still count when an output uses them.
   */
  readonly prune?: boolean;
}

/** A fact a model read, for provenance: where it is used and what the resolver said it is. */
export interface FactUse {
  readonly entity: string;
  readonly metric: string;
  readonly period: string | undefined;
  readonly label: string;
  readonly spec: DistSpec;
  readonly line: number;
  readonly column: number;
}

/** A Plan with what the compiler knows beside it. */
export interface CompiledModel {
  readonly plan: Plan;
  /** The node of each top-level variable (its last assignment), when kept in the plan. */
  readonly variables: ReadonlyMap<string, NodeId>;
  readonly facts: readonly FactUse[];
  /** spans[k] is the source of plan node k (where an engine error about node k points). */
  readonly spans: readonly Span[];
}

/**
 * Compiles model source to a {@link Plan} for the engine: parse, check,
 * then emit nodes in order, folding constants (`2.5M * 12` is one node) so
 * that `a to b` with constant ends is checked here, as Squiggle checks it:
 * `0 to 10` and `4 to -2` are errors with line and column.
 *
 * Outputs: the fields of a final record `{a, b: expr}`, or a final name, or a
 * final expression named `result`; with no final expression, every top-level
 * variable in order of definition.
 *
 * ```ts
 * compileModel('a = 1 to 2\nb = a * 2\n{b}').outputs; // [{ name: 'b', node: 2 }]
 * ```
 */
export function compileModel(source: string, options: CompileOptions = {}): Plan {
  return compileProgram(parseModel(source), options).plan;
}

/** Like {@link compileModel} for a parsed program, with the variables and facts beside the plan. */
export function compileProgram(program: Program, options: CompileOptions = {}): CompiledModel {
  return new Compiler(checkModel(program), options).run();
}

interface Value {
  readonly id: NodeId;
  /** The value when known at compile time (a `const` node). */
  readonly constant?: number;
}

class Compiler {
  private readonly nodes: PlanNode[] = [];
  private readonly spans: Span[] = [];
  /** The span of the expression being compiled, for the nodes it emits. */
  private here: Span = { start: 0, end: 0 };
  private readonly constIds = new Map<number, NodeId>();
  private readonly scope = new Map<string, Value>();
  private readonly facts: FactUse[] = [];
  private readonly text: SourceText;

  constructor(private readonly checked: CheckedModel, private readonly options: CompileOptions) {
    this.text = new SourceText(checked.program.source);
  }

  run(): CompiledModel {
    const { program } = this.checked;
    const order: string[] = [];
    for (const s of program.statements) {
      if (!this.scope.has(s.name)) order.push(s.name);
      this.scope.set(s.name, this.expr(s.value));
    }
    const outputs: { name: string; node: NodeId }[] = [];
    const r = program.result;
    if (r === undefined) {
      for (const name of order) outputs.push({ name, node: this.scope.get(name)!.id });
    } else if (r.kind === 'record') {
      for (const f of r.fields) outputs.push({ name: f.name, node: this.expr(f.value).id });
    } else {
      outputs.push({ name: r.kind === 'name' ? r.name : 'result', node: this.expr(r).id });
    }
    const variables = new Map<string, NodeId>();
    for (const [name, v] of this.scope) variables.set(name, v.id);
    const compiled: CompiledModel = { plan: { nodes: this.nodes, outputs }, variables, facts: this.facts, spans: this.spans };
    return this.options.prune === false ? compiled : pruned(compiled);
  }

  private emit(node: PlanNode): Value {
    if (node.kind === 'const') {
      // One node per distinct constant (-0 kept apart from 0: 1 / -0 is -Infinity).
      const reuse = !Object.is(node.value, -0);
      const known = reuse ? this.constIds.get(node.value) : undefined;
      if (known !== undefined) return { id: known, constant: node.value };
      this.nodes.push(node);
      this.spans.push(this.here);
      if (reuse) this.constIds.set(node.value, this.nodes.length - 1);
      return { id: this.nodes.length - 1, constant: node.value };
    }
    this.nodes.push(node);
    this.spans.push(this.here);
    return { id: this.nodes.length - 1 };
  }

  private constant(value: number): Value {
    return this.emit({ kind: 'const', value });
  }

  private expr(e: Expr): Value {
    const outer = this.here;
    this.here = e.span;
    try {
      return this.exprAt(e);
    } finally {
      this.here = outer;
    }
  }

  private exprAt(e: Expr): Value {
    switch (e.kind) {
      case 'number':
        return this.constant(e.value);
      case 'string':
      case 'list':
      case 'record':
        throw this.fail(e.span, 'type', `unexpected ${e.kind} here`, ['wrong_kind_expression', { expected: 'numeric', found: e.kind }]); // the checker rules these out
      case 'name': {
        const v = this.scope.get(e.name);
        if (v === undefined) throw this.fail(e.span, 'unknown_name', `unknown name '${e.name}'`, ['unknown_name', { name: e.name }]);
        return v;
      }
      case 'negate':
        return this.unary('neg', this.expr(e.arg));
      case 'binary':
        return this.binary(e);
      case 'call':
        return this.call(e, this.checked.calls.get(e)!);
    }
  }

  private unary(op: UnaryOp, arg: Value): Value {
    if (arg.constant !== undefined) return this.constant(UNARY[op](arg.constant));
    return this.emit({ kind: 'unary', op, arg: arg.id });
  }

  private binaryOp(op: BinaryOp, left: Value, right: Value): Value {
    if (left.constant !== undefined && right.constant !== undefined) {
      return this.constant(BINARY[op](left.constant, right.constant));
    }
    return this.emit({ kind: 'binary', op, left: left.id, right: right.id });
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>): Value {
    const left = this.expr(e.left);
    const right = this.expr(e.right);
    switch (e.op) {
      case '+': return this.binaryOp('add', left, right);
      case '-': return this.binaryOp('sub', left, right);
      case '*': return this.binaryOp('mul', left, right);
      case '/': return this.binaryOp('div', left, right);
      case '^': return this.binaryOp('pow', left, right);
      case 'to':
        this.checkTo(e, left, right);
        return this.emit({ kind: 'sample', family: 'to', args: [left.id, right.id] });
      default: {
        const op = COMPARE[e.op];
        if (left.constant !== undefined && right.constant !== undefined) {
          return this.constant(COMPARE_FN[op](left.constant, right.constant) ? 1 : 0);
        }
        return this.emit({ kind: 'compare', op, left: left.id, right: right.id });
      }
    }
  }

  /** Squiggle's checks on `a to b`, made at compile time when the ends are constants. */
  private checkTo(e: Extract<Expr, { kind: 'binary' }>, left: Value, right: Value): void {
    const a = left.constant;
    const b = right.constant;
    const written = this.text.source.slice(e.span.start, e.span.end).replace(/\s+/g, ' ');
    const valued = `${a === undefined ? '…' : round(a)} to ${b === undefined ? '…' : round(b)}`;
    const literal = `${fmt(e.left)} to ${fmt(e.right)}`;
    const shown = written === literal || a === undefined || b === undefined ? `'${written}'` : `'${written}' (${valued})`;
    if (a !== undefined && b !== undefined && !(a < b)) {
      throw this.fail(e.span, 'invalid_argument', `${shown}: the low value must be less than the high value`, ['to_low_above_high', { written, low: round(a), high: round(b) }]);
    }
    const bad = a !== undefined && !(a > 0) ? e.left : b !== undefined && !(b > 0) ? e.right : undefined;
    if (bad !== undefined) {
      const hint =
        a !== undefined && b !== undefined && a < b
          ? `; for a normal with the same 5th and 95th percentiles write normal(${round((a + b) / 2)}, ${round((b - a) / (2 * Z95))})`
          : '';
      throw this.fail(
        bad.span,
        'invalid_argument',
        `${shown}: 'a to b' only accepts values above 0; it is a lognormal with 5th percentile a and 95th percentile b, which takes positive values only${hint}`,
        ['to_not_positive', { written, ...(hint ? { mean: round((a! + b!) / 2), sd: round((b! - a!) / (2 * Z95)) } : {}) }],
      );
    }
  }

  private call(e: Extract<Expr, { kind: 'call' }>, b: Builtin): Value {
    const name = e.callee;
    switch (b.kind) {
      case 'family': {
        const args = e.args.map((a) => this.expr(a));
        this.checkFamily(b.op as SampleFamily, name, e, args);
        return this.emit({ kind: 'sample', family: b.op as SampleFamily, args: args.map((a) => a.id) });
      }
      case 'math':
        return this.unary(b.op as UnaryOp, this.expr(e.args[0]!));
      case 'minmax': {
        let acc = this.expr(e.args[0]!);
        for (const a of e.args.slice(1)) acc = this.binaryOp(b.op as BinaryOp, acc, this.expr(a));
        return acc;
      }
      case 'reduce':
        return this.reduce(e, b.op as 'mean' | 'sd' | 'quantile' | 'cdf');
      case 'mixture':
        return this.mixture(e);
      case 'truncate': {
        const arg = this.expr(e.args[0]!);
        const lowArg = b.op === 'right' ? undefined : e.args[1]!;
        const highArg = b.op === 'both' ? e.args[2]! : b.op === 'right' ? e.args[1]! : undefined;
        const low = lowArg === undefined ? -Infinity : this.known(lowArg, `${name}'s low`);
        const high = highArg === undefined ? Infinity : this.known(highArg, `${name}'s high`);
        if (!(low < high)) {
          throw this.fail(e.span, 'invalid_argument', `${name}: low (${round(low)}) must be less than high (${round(high)})`, ['bounds_order', { callee: name, low: round(low), high: round(high) }]);
        }
        if (arg.constant !== undefined) {
          if (arg.constant < low || arg.constant > high) {
            throw this.fail(e.args[0]!.span, 'invalid_argument', `${name}: the value ${round(arg.constant)} lies outside [${round(low)}, ${round(high)}], so nothing is left`, [
              'nothing_left',
              { callee: name, value: round(arg.constant), low: round(low), high: round(high) },
            ]);
          }
          return arg;
        }
        return this.emit({ kind: 'truncate', arg: arg.id, low, high });
      }
      case 'correlate': {
        const x = this.expr(e.args[0]!);
        const y = this.expr(e.args[1]!);
        const rho = this.known(e.args[2]!, `${name}'s rho`);
        if (!(rho >= -1 && rho <= 1)) {
          throw this.fail(e.args[2]!.span, 'invalid_argument', `correlate: rho must be between -1 and 1, got ${round(rho)}`, ['rho_range', { got: round(rho) }]);
        }
        if (x.id === y.id) {
          throw this.fail(e.span, 'invalid_argument', `correlate: x and y are the same distribution; correlate two different inputs`, ['correlate_same', {}]);
        }
        return this.emit({ kind: 'correlate', arg: x.id, with: y.id, rho });
      }
      case 'fact':
        return this.fact(e);
    }
  }

  private reduce(e: Extract<Expr, { kind: 'call' }>, op: 'mean' | 'sd' | 'quantile' | 'cdf'): Value {
    const arg = this.expr(e.args[0]!);
    const param = e.args[1] === undefined ? undefined : this.expr(e.args[1]);
    if (op === 'quantile' && param?.constant !== undefined && !(param.constant >= 0 && param.constant <= 1)) {
      throw this.fail(e.args[1]!.span, 'invalid_argument', `${e.callee}: p must be between 0 and 1, got ${round(param.constant)}`, ['probability_range', { callee: e.callee, got: round(param.constant) }]);
    }
    if (arg.constant !== undefined && (param === undefined || param.constant !== undefined)) {
      const c = arg.constant;
      const value = op === 'mean' || op === 'quantile' ? c : op === 'sd' ? 0 : c <= param!.constant! ? 1 : 0;
      return this.constant(value);
    }
    return this.emit(param === undefined ? { kind: 'reduce', op, arg: arg.id } : { kind: 'reduce', op, arg: arg.id, param: param.id });
  }

  private mixture(e: Extract<Expr, { kind: 'call' }>): Value {
    const last = e.args[e.args.length - 1]!;
    const weightsExpr = last.kind === 'list' ? last : undefined;
    const components = (weightsExpr ? e.args.slice(0, -1) : e.args).map((a) => this.expr(a));
    let weights: number[];
    if (weightsExpr) {
      weights = weightsExpr.items.map((w) => this.known(w, 'a mixture weight'));
      weightsExpr.items.forEach((w, i) => {
        if (!(weights[i]! >= 0) || !Number.isFinite(weights[i]!)) {
          throw this.fail(w.span, 'invalid_argument', `${e.callee}: weights must be finite and >= 0, got ${round(weights[i]!)}`, ['weight_negative', { callee: e.callee, got: round(weights[i]!) }]);
        }
      });
      if (!(weights.reduce((s, w) => s + w, 0) > 0)) {
        throw this.fail(weightsExpr.span, 'invalid_argument', `${e.callee}: the weights add up to 0; at least one must be above 0`, ['weights_zero', { callee: e.callee }]);
      }
    } else {
      weights = components.map(() => 1);
    }
    if (components.length === 1) return components[0]!;
    return this.emit({ kind: 'mixture', components: components.map((c) => c.id), weights });
  }

  private fact(e: Extract<Expr, { kind: 'call' }>): Value {
    const [entity, metric, period] = e.args.map((a) => (a as Extract<Expr, { kind: 'string' }>).value);
    const resolve = this.options.resolveFact;
    if (resolve === undefined) {
      throw this.fail(e.span, 'fact', `fact(...) needs the ledger, and this model was compiled without one; run it through the app (shakeout run) or pass resolveFact`, ['fact_without_ledger', {}]);
    }
    let found: { spec: DistSpec; label: string };
    try {
      found = resolve(entity!, metric!, period);
    } catch (err) {
      if (!(err instanceof ShakeoutError)) throw err;
      const issue = err.issues[0];
      throw this.fail(
        e.span,
        'fact',
        err.message,
        ['fact_unresolved', { entity, metric, period, ...(issue?.got !== undefined ? { got: issue.got } : {}), ...(issue?.suggestion !== undefined ? { suggestion: issue.suggestion } : {}) }],
        err,
        issue?.suggestion,
      );
    }
    const pos = this.text.position(e.span.start);
    this.facts.push({ entity: entity!, metric: metric!, period, label: found.label, spec: found.spec, ...pos });
    return this.emit({ kind: 'spec', spec: found.spec });
  }

  /** A value needed at compile time (truncation bounds, weights, rho). */
  private known(e: Expr, what: string): number {
    const v = this.expr(e);
    if (v.constant === undefined) {
      throw this.fail(e.span, 'type', `expected a constant for ${what}, got an expression that depends on samples`, ['not_constant', {}]);
    }
    return v.constant;
  }

  /** Parameter checks of the families when the parameters are constants, with Squiggle's wording where it has one. */
  private checkFamily(family: SampleFamily, name: string, e: Extract<Expr, { kind: 'call' }>, args: Value[]): void {
    const c = args.map((a) => a.constant);
    const at = (i: number): Span => e.args[i]!.span;
    const bad = (span: Span, detail: string, code: ModelReasonCode, params: Readonly<Record<string, string | number>> = {}): never => {
      throw this.fail(span, 'invalid_argument', `${name}: ${detail}`, [code, { callee: name, ...params }]);
    };
    switch (family) {
      case 'normal':
        if (c[1] !== undefined && !(c[1] > 0)) bad(at(1), `the standard deviation must be larger than 0, got ${round(c[1])}`, 'sd_not_positive', { got: round(c[1]) });
        break;
      case 'lognormal':
        if (c[1] !== undefined && !(c[1] > 0)) bad(at(1), `sigma must be larger than 0, got ${round(c[1])}`, 'sigma_not_positive', { got: round(c[1]) });
        break;
      case 'uniform':
        if (c[0] !== undefined && c[1] !== undefined && !(c[1] > c[0])) bad(e.span, `high (${round(c[1])}) must be larger than low (${round(c[0])})`, 'uniform_order', { low: round(c[0]), high: round(c[1]) });
        break;
      case 'beta':
        [0, 1].forEach((i) => {
          if (c[i] !== undefined && !(c[i]! > 0)) bad(at(i), `the parameters must be positive, got ${round(c[i]!)}`, 'beta_not_positive', { got: round(c[i]!) });
        });
        break;
      case 'triangular':
      case 'pert':
        if (c[0] !== undefined && c[1] !== undefined && c[2] !== undefined &&
            !(c[0] <= c[1] && c[1] <= c[2] && c[0] < c[2])) {
          bad(e.span, `expected low <= mode <= high with low < high, got ${round(c[0])}, ${round(c[1])}, ${round(c[2])}`, 'triangular_order', { low: round(c[0]), mode: round(c[1]), high: round(c[2]) });
        }
        break;
      case 'pointMass':
        if (c[0] !== undefined && !Number.isFinite(c[0])) bad(at(0), `the value must be finite, got ${round(c[0])}`, 'value_not_finite', { got: round(c[0]) });
        break;
      default:
        break;
    }
  }

  private fail(
    span: Span,
    code: 'type' | 'unknown_name' | 'invalid_argument' | 'fact',
    detail: string,
    [reason, params]: readonly [ModelReasonCode, Readonly<Record<string, string | number | undefined>>],
    cause?: unknown,
    suggestion?: string,
  ): ModelError {
    return ModelError.at(this.text, span, code, detail, {
      reason: modelReason(reason, params),
      ...(cause === undefined ? {} : { cause }),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
}


const UNARY: Record<UnaryOp, (x: number) => number> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  sqrt: Math.sqrt,
  abs: Math.abs,
};

const BINARY: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => a ** b,
  min: (a, b) => Math.min(a, b),
  max: (a, b) => Math.max(a, b),
};

const COMPARE: Record<'<' | '<=' | '>' | '>=', CompareOp> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
const COMPARE_FN: Record<CompareOp, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};

/** A number as a person would write it back: at most 6 significant digits. */
function round(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/** An end of `a to b` as written when it is a plain literal. */
function fmt(e: Expr): string {
  if (e.kind === 'number') return e.text;
  if (e.kind === 'negate' && e.arg.kind === 'number') return `-${e.arg.text}`;
  return '';
}

/** Keeps the nodes outputs depend on, renumbered in the same order. */
function pruned(compiled: CompiledModel): CompiledModel {
  const { plan } = compiled;
  const live = new Uint8Array(plan.nodes.length);
  const stack = plan.outputs.map((o) => o.node);
  while (stack.length) {
    const id = stack.pop()!;
    if (live[id]) continue;
    live[id] = 1;
    stack.push(...dependencies(plan.nodes[id]!));
  }
  const newId = new Int32Array(plan.nodes.length).fill(-1);
  const nodes: PlanNode[] = [];
  const spans: Span[] = [];
  plan.nodes.forEach((node, id) => {
    if (!live[id]) return;
    newId[id] = nodes.length;
    nodes.push(renumber(node, (i) => newId[i]!));
    spans.push(compiled.spans[id]!);
  });
  const variables = new Map<string, NodeId>();
  for (const [name, id] of compiled.variables) if (newId[id]! >= 0) variables.set(name, newId[id]!);
  return {
    plan: { nodes, outputs: plan.outputs.map((o) => ({ name: o.name, node: newId[o.node]! })) },
    variables,
    facts: compiled.facts,
    spans,
  };
}

function dependencies(node: PlanNode): NodeId[] {
  switch (node.kind) {
    case 'const':
    case 'spec':
      return [];
    case 'sample':
      return node.args;
    case 'unary':
    case 'truncate':
      return [node.arg];
    case 'binary':
    case 'compare':
      return [node.left, node.right];
    case 'mixture':
      return node.components;
    case 'correlate':
      return [node.arg, node.with];
    case 'reduce':
      return node.param === undefined ? [node.arg] : [node.arg, node.param];
  }
}

function renumber(node: PlanNode, f: (id: NodeId) => NodeId): PlanNode {
  switch (node.kind) {
    case 'const':
    case 'spec':
      return node;
    case 'sample':
      return { ...node, args: node.args.map(f) };
    case 'unary':
    case 'truncate':
      return { ...node, arg: f(node.arg) };
    case 'binary':
    case 'compare':
      return { ...node, left: f(node.left), right: f(node.right) };
    case 'mixture':
      return { ...node, components: node.components.map(f) };
    case 'correlate':
      return { ...node, arg: f(node.arg), with: f(node.with) };
    case 'reduce':
      return node.param === undefined ? { ...node, arg: f(node.arg) } : { ...node, arg: f(node.arg), param: f(node.param) };
  }
}
