import { EstimateError } from './estimate-error.js';
import { checkRho } from './iman-conover.js';
import type { NodeId, Plan, PlanNode } from './plan.js';
import { FAMILY_ARITY } from './sample-family.js';
import { checkSpec } from './sample-spec.js';

/**
 * How a Plan runs: which nodes are sample sets, and in which steps.
 *
 * Elementwise nodes that make sample sets (sample, spec, mixture, and unary or
 * binary with a sample-set operand) depend on index i of their inputs only,
 * so they run over chunks of indices, in parallel when there are threads.
 * Every other node runs on the main thread between parallel steps: scalars
 * (const, arithmetic of scalars), whole-array nodes (compare, reduce,
 * truncate, correlate), which need all indices of their inputs (a barrier).
 *
 * Counting nodes are the exception among whole-array nodes: a comparison
 * with a sample-set operand (`x > 3`, the share of indices where it holds)
 * and `cdf(x, c)` with a number c (the share of non-NaN samples <= c) only
 * count, and counts add up over chunks exactly. They run in the parallel step
 * of their inputs, each chunk counting its own indices; the step's end sums
 * the chunks' counts. Their sample-set inputs then need not be kept whole.
 *
 * Steps are numbered: even ones run on the main thread, odd ones in parallel.
 * A main node goes in the earliest main step after the parallel step of each
 * elementwise input; an elementwise or counting node in the earliest parallel
 * step after the main step of each main-thread input; a counting node's value
 * is ready for the step after its own, so a node that reads it, even an
 * elementwise one, runs a step later (cdf of a cdf: a main step, then two
 * parallel steps in a row; an empty main step between them is left out). Model B of issue 3 is one parallel step (its
 * sampling and arithmetic and the two cdfs) and one main step (1 - cdf).
 */
export interface PlanStep {
  readonly parallel: boolean;
  /** Nodes of the step, in plan (topological) order. */
  readonly nodes: readonly NodeId[];
}

export interface PlanSchedule {
  /** 1 where the node evaluates to a sample set, 0 where to a scalar. */
  readonly isArray: Uint8Array;
  /**
   * 1 where a sample-set node lives only chunk by chunk: it is not an output
   * and only elementwise nodes of its own parallel step read it. Such a node
   * needs a chunk of scratch per thread instead of a whole array, and its
   * values are not kept (unless the schedule is asked to keep every node).
   */
  readonly transient: Uint8Array;
  /** 1 where a node is a counting node (comparison or cdf) run in a parallel step. */
  readonly counted: Uint8Array;
  readonly steps: readonly PlanStep[];
}

const UNARY = new Set(['neg', 'exp', 'log', 'log10', 'sqrt', 'abs']);
const BINARY = new Set(['add', 'sub', 'mul', 'div', 'pow', 'min', 'max']);
const COMPARE = new Set(['lt', 'le', 'gt', 'ge']);
const REDUCE = new Set(['mean', 'sd', 'quantile', 'cdf']);

/** The node ids a node reads. */
export function nodeInputs(node: PlanNode): NodeId[] {
  switch (node.kind) {
    case 'const': case 'spec': return [];
    case 'sample': return [...node.args];
    case 'unary': return [node.arg];
    case 'binary': case 'compare': return [node.left, node.right];
    case 'mixture': return [...node.components];
    case 'truncate': return [node.arg];
    case 'correlate': return [node.arg, node.with];
    case 'reduce': return node.param === undefined ? [node.arg] : [node.arg, node.param];
  }
}

/**
 * Checks the plan's structure (throws an EstimateError naming the node) and
 * schedules it. With `keepAll` every sample-set node keeps its whole array
 * (no node is transient), as a caller that reads intermediate values needs.
 */
export function schedulePlan(plan: Plan, keepAll = true): PlanSchedule {
  const nodes = plan.nodes;
  const n = nodes.length;
  const isArray = new Uint8Array(n);
  const counted = new Uint8Array(n);
  // time: the step a node runs in (odd: parallel, even: main); ready: the
  // first step that may read its value (a counting node's only after its step)
  const time = new Int32Array(n);
  const ready = new Int32Array(n);
  let maxTime = 0;
  for (let id = 0; id < n; id++) {
    const node = nodes[id]!;
    const path = ['plan', `node ${id}`];
    checkNode(node, id, path);
    const inputs = nodeInputs(node);
    const anyArray = inputs.some((j) => isArray[j] === 1);
    let arr: boolean;
    let elementwise = false;
    switch (node.kind) {
      case 'const': arr = false; break;
      case 'compare': arr = false; elementwise = anyArray; break;
      case 'reduce': arr = false; elementwise = node.op === 'cdf' && isArray[node.arg] === 1 && isArray[node.param!] === 0; break;
      case 'sample': case 'spec': case 'mixture': arr = true; elementwise = true; break;
      case 'unary': case 'binary': arr = anyArray; elementwise = anyArray; break;
      case 'truncate': case 'correlate': arr = isArray[node.arg] === 1; break;
    }
    isArray[id] = arr ? 1 : 0;
    counted[id] = elementwise && !arr ? 1 : 0;
    let t = elementwise ? 1 : 0;
    for (const j of inputs) {
      const rj = ready[j]!;
      // odd times are parallel steps, even times main steps
      const need = elementwise ? (rj % 2 === 1 ? rj : rj + 1) : (rj % 2 === 1 ? rj + 1 : rj);
      if (need > t) t = need;
    }
    time[id] = t;
    ready[id] = counted[id] === 1 ? t + 1 : t;
    if (t > maxTime) maxTime = t;
  }
  for (const o of plan.outputs) {
    if (!Number.isInteger(o.node) || o.node < 0 || o.node >= n) {
      throw new EstimateError('plan_output', `output ${o.name} refers to node ${o.node}, but the plan has nodes 0 to ${n - 1}`, ['plan', 'outputs', o.name]);
    }
  }
  const transient = new Uint8Array(n);
  if (!keepAll) {
    const elementwiseAt = (id: NodeId) => time[id]! % 2 === 1;
    for (let id = 0; id < n; id++) transient[id] = isArray[id] === 1 && elementwiseAt(id) ? 1 : 0;
    for (const o of plan.outputs) transient[o.node] = 0;
    for (let id = 0; id < n; id++) {
      for (const j of nodeInputs(nodes[id]!)) {
        // read by a node of another step, or by a whole-array node: keep it
        if (transient[j] === 1 && (time[id] !== time[j] || !elementwiseAt(id))) transient[j] = 0;
      }
    }
  }
  const steps: PlanStep[] = [];
  for (let t = 0; t <= maxTime; t++) {
    const ids: NodeId[] = [];
    for (let id = 0; id < n; id++) if (time[id] === t) ids.push(id);
    if (ids.length) steps.push({ parallel: t % 2 === 1, nodes: ids });
  }
  return { isArray, transient, counted, steps };
}

function checkNode(node: PlanNode, id: NodeId, path: string[]): void {
  const bad = (code: string, msg: string): never => {
    throw new EstimateError(code, `node ${id} (${node.kind}): ${msg}`, path);
  };
  for (const j of nodeInputs(node)) {
    if (!Number.isInteger(j) || j < 0 || j >= id) bad('plan_order', `refers to node ${j}, expected a node before it (0 to ${id - 1})`);
  }
  switch (node.kind) {
    case 'const':
      if (typeof node.value !== 'number') bad('plan_node', `expected a number, got ${typeof node.value}`);
      return;
    case 'sample': {
      const arity = FAMILY_ARITY[node.family];
      if (arity === undefined) bad('plan_node', `unknown family ${String(node.family)}`);
      if (node.args.length !== arity) bad('family_arity', `${node.family} takes ${arity} argument${arity === 1 ? '' : 's'}, got ${node.args.length}`);
      return;
    }
    case 'spec':
      checkSpec(node.spec, path);
      return;
    case 'unary':
      if (!UNARY.has(node.op)) bad('plan_node', `unknown unary op ${String(node.op)}`);
      return;
    case 'binary':
      if (!BINARY.has(node.op)) bad('plan_node', `unknown binary op ${String(node.op)}`);
      return;
    case 'compare':
      if (!COMPARE.has(node.op)) bad('plan_node', `unknown comparison ${String(node.op)}`);
      return;
    case 'mixture': {
      const { components, weights } = node;
      if (components.length === 0) bad('mixture_empty', 'a mixture needs at least one component');
      if (weights.length !== components.length) bad('mixture_weights', `expected ${components.length} weights (one per component), got ${weights.length}`);
      let sum = 0;
      for (const w of weights) {
        if (!(w >= 0 && w < Infinity)) bad('mixture_weights', `weights must be finite and >= 0, got ${w}`);
        sum += w;
      }
      if (!(sum > 0)) bad('mixture_weights', 'weights must not all be 0');
      return;
    }
    case 'truncate':
      if (Number.isNaN(node.low) || Number.isNaN(node.high) || !(node.low <= node.high)) bad('truncate_bounds', `expected low <= high, got ${node.low} and ${node.high}`);
      return;
    case 'correlate':
      checkRho(node.rho, path);
      return;
    case 'reduce':
      if (!REDUCE.has(node.op)) bad('plan_node', `unknown summary ${String(node.op)}`);
      if ((node.op === 'quantile' || node.op === 'cdf') && node.param === undefined) bad('plan_node', `${node.op} needs a parameter node`);
      return;
  }
}
