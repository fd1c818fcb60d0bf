import type { DistSpec } from '../core/index.js';

/**
 * A Plan is a model compiled to a flat list of nodes, in topological order
 * (a node only refers to nodes before it). `lang` compiles source text to a
 * Plan; `estimate` runs it. This file is the contract between the two.
 *
 * Every node evaluates to either a scalar (a plain number) or a sample set
 * (a Float64Array of `env.sampleCount` draws). Sample sets combine index by
 * index, so a node used twice is the same draw: `a - a` is exactly 0.
 */

/** Index of a node in `Plan.nodes`. */
export type NodeId = number;

export type UnaryOp = 'neg' | 'exp' | 'log' | 'log10' | 'sqrt' | 'abs';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'min' | 'max';
export type CompareOp = 'lt' | 'le' | 'gt' | 'ge';
/** Families a sampling node can draw from; arguments are nodes (scalar or sample set). */
export type SampleFamily =
  | 'pointMass'   // (value)
  | 'uniform'     // (low, high)
  | 'normal'      // (mean, sd)
  | 'lognormal'   // (mu, sigma)
  | 'to'          // (p5, p95): lognormal with these 5th and 95th percentiles, both > 0
  | 'beta'        // (alpha, beta)
  | 'triangular'  // (low, mode, high)
  | 'pert';       // (low, mode, high)

export type PlanNode =
  | { kind: 'const'; value: number }
  /** Draw from a family; if every arg is scalar the family is fixed, else per index. */
  | { kind: 'sample'; family: SampleFamily; args: NodeId[] }
  /** Draw from a DistSpec of core (how a figure's qualifier becomes a distribution). */
  | { kind: 'spec'; spec: DistSpec }
  | { kind: 'unary'; op: UnaryOp; arg: NodeId }
  | { kind: 'binary'; op: BinaryOp; left: NodeId; right: NodeId }
  /** Probability of the event (share of indices where it holds): a scalar. */
  | { kind: 'compare'; op: CompareOp; left: NodeId; right: NodeId }
  /** Per index, pick component i with probability weights[i] (weights are normalised). */
  | { kind: 'mixture'; components: NodeId[]; weights: number[] }
  /** Keep samples in [low, high]; out-of-range indices are redrawn from the in-range samples. low/high may be -Infinity/Infinity. */
  | { kind: 'truncate'; arg: NodeId; low: number; high: number }
  /** A permutation of `arg`'s samples whose rank correlation with `with` is about `rho` (Iman-Conover). */
  | { kind: 'correlate'; arg: NodeId; with: NodeId; rho: number }
  /** Summaries of a sample set: scalars. quantile takes p in [0,1]; cdf takes x. */
  | { kind: 'reduce'; op: 'mean' | 'sd' | 'quantile' | 'cdf'; arg: NodeId; param?: NodeId };

export interface Plan {
  readonly nodes: readonly PlanNode[];
  /** Named outputs, in the order they should be shown. */
  readonly outputs: readonly { name: string; node: NodeId }[];
}
