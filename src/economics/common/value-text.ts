import { lognormalFromCi, safeParseFigure, ShakeoutError, type DistSpec, type Per, type Unit } from '../../core/index.js';
import type { NodeId, Plan, PlanNode } from '../../estimate/index.js';
import { compileModel } from '../../lang/index.js';

/**
 * One input value as a user or a data file writes it, read: either a figure
 * with its qualifier ("19.99美元/月", "about $5 a month", "超23亿美元") read by
 * core's `parseFigure`, or, when that fails, an expression of the model
 * language ("2 to 8", "normal(0.03, 0.01)", "(1 to 3) * 1M").
 */
export interface ValueText {
  readonly text: string;
  readonly how: 'figure' | 'expression';
  readonly spec: DistSpec;
  /** The figure's unit; for an expression the default unit given (else 'count'). */
  readonly unit: Unit;
  /** The figure's period ('a month'), else the default given, else null. */
  readonly per: Per | null;
}

export interface ValueTextOptions {
  /** Unit of a figure or expression that names none. */
  readonly defaultUnit?: Unit;
  /** Period of a rate that names none. */
  readonly defaultPer?: Per;
  /** Name of the input, for error messages: 'price'. */
  readonly name?: string;
}

const FAMILY_HELP = 'a figure ("$19.99 a month", "约30%") or one distribution of the model language ("2 to 8", "normal(0.03, 0.01)", "(1 to 3) * 1M")';

/**
 * Reads a value written as a figure or as a model expression.
 *
 * An expression must come down to one distribution, possibly shifted or
 * scaled by constants (`0.5B + 1B to 2B` is fine; `a to b` with a
 * non-constant end, mixtures and truncation are not). Errors say what was
 * expected and what arrived.
 *
 * @example
 * readValueText('19.99美元/月').spec // { family: 'pointMass', value: 19.99 }, unit USD, per month
 * readValueText('2 to 8', { defaultUnit: 'USD', defaultPer: 'month' }).spec // lognormal, p5 2, p95 8
 */
export function readValueText(text: string, options: ValueTextOptions = {}): ValueText {
  const where = options.name ? `${options.name}: ` : '';
  const raw = String(text ?? '').trim();
  if (raw === '') throw valueError(options.name, `${where}expected ${FAMILY_HELP}, got an empty text`);
  const fig = safeParseFigure(raw, options.defaultUnit ? { defaultUnit: options.defaultUnit } : {});
  if (fig.ok) {
    const f = fig.figure;
    return { text: raw, how: 'figure', spec: f.distribution, unit: f.unit, per: f.per ?? options.defaultPer ?? null };
  }
  let plan: Plan;
  try {
    plan = compileModel(raw);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw valueError(options.name, `${where}expected ${FAMILY_HELP}, got "${raw}" (as a figure: ${fig.error.message}; as an expression: ${why})`);
  }
  const out = plan.outputs[plan.outputs.length - 1];
  const spec = out === undefined ? null : specOfNode(plan, out.node);
  if (!spec) throw valueError(options.name, `${where}expected ${FAMILY_HELP}, got "${raw}", which is not one distribution`);
  return { text: raw, how: 'expression', spec, unit: options.defaultUnit ?? 'count', per: options.defaultPer ?? null };
}

/** `spec` times k: a shifted spec (flattened when spec is already shifted or a point). */
export function scaleSpec(spec: DistSpec, k: number): DistSpec {
  if (k === 1) return spec;
  if (spec.family === 'pointMass') return { family: 'pointMass', value: spec.value * k };
  if (spec.family === 'shifted') return { family: 'shifted', offset: spec.offset * k, scale: spec.scale * k, base: spec.base };
  if (spec.family === 'lognormal' && k > 0) return { family: 'lognormal', mu: spec.mu + Math.log(k), sigma: spec.sigma };
  return { family: 'shifted', offset: 0, scale: k, base: spec };
}

/** `spec` plus c. */
export function shiftSpec(spec: DistSpec, c: number): DistSpec {
  if (c === 0) return spec;
  if (spec.family === 'pointMass') return { family: 'pointMass', value: spec.value + c };
  if (spec.family === 'shifted') return { family: 'shifted', offset: spec.offset + c, scale: spec.scale, base: spec.base };
  return { family: 'shifted', offset: c, scale: 1, base: spec };
}

function constOf(plan: Plan, id: NodeId): number | undefined {
  const n = plan.nodes[id];
  return n && n.kind === 'const' ? n.value : undefined;
}

/** The DistSpec of a plan node, when it is one distribution (shifted or scaled by constants). */
function specOfNode(plan: Plan, id: NodeId): DistSpec | null {
  const n: PlanNode | undefined = plan.nodes[id];
  if (!n) return null;
  switch (n.kind) {
    case 'const':
      return { family: 'pointMass', value: n.value };
    case 'spec':
      return n.spec;
    case 'sample': {
      const a = n.args.map((x) => constOf(plan, x));
      if (a.some((x) => x === undefined)) return null;
      const v = a as number[];
      switch (n.family) {
        case 'pointMass':
          return { family: 'pointMass', value: v[0]! };
        case 'uniform':
          return { family: 'uniform', low: v[0]!, high: v[1]! };
        case 'normal':
          return { family: 'normal', mean: v[0]!, sd: v[1]! };
        case 'lognormal':
          return { family: 'lognormal', mu: v[0]!, sigma: v[1]! };
        case 'to':
          return lognormalFromCi(v[0]!, v[1]!);
        case 'beta':
          return { family: 'beta', alpha: v[0]!, beta: v[1]! };
        case 'triangular':
          return { family: 'triangular', low: v[0]!, mode: v[1]!, high: v[2]! };
        case 'pert':
          return { family: 'pert', low: v[0]!, mode: v[1]!, high: v[2]! };
      }
      return null;
    }
    case 'unary':
      if (n.op === 'neg') {
        const s = specOfNode(plan, n.arg);
        return s ? scaleSpec(s, -1) : null;
      }
      return null;
    case 'binary': {
      const cl = constOf(plan, n.left);
      const cr = constOf(plan, n.right);
      if (cl !== undefined && cr !== undefined) return null; // folded by the compiler; not expected
      const other = specOfNode(plan, cl !== undefined ? n.right : n.left);
      if (!other) return null;
      const c = cl ?? cr;
      if (c === undefined) return null;
      switch (n.op) {
        case 'add':
          return shiftSpec(other, c);
        case 'sub':
          return cl !== undefined ? shiftSpec(scaleSpec(other, -1), c) : shiftSpec(other, -c);
        case 'mul':
          return scaleSpec(other, c);
        case 'div':
          return cr !== undefined && cr !== 0 ? scaleSpec(other, 1 / cr) : null;
        default:
          return null;
      }
    }
    default:
      return null;
  }
}

function valueError(name: string | undefined, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_value', path: name ? [name] : [], message }], status: 400 });
}
