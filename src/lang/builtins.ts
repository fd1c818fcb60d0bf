/**
 * The functions a model can call: their names (with Squiggle's namespaced
 * spellings as aliases), parameters and result kinds. The checker reads this
 * table for arity and types; the compiler for what to emit.
 */

/** The kind of a value in a model. */
export type ValueType = 'number' | 'dist' | 'string' | 'list' | 'record';

/**
 * What a parameter accepts: `numeric` is a number or a distribution (a
 * distribution makes the parameter vary index by index); `number` is a
 * number only; `constant` a number known when compiling (no distribution,
 * no summary of one); `string` a string literal; `weights` a list of
 * constants.
 */
export type ParamKind = 'numeric' | 'number' | 'constant' | 'dist' | 'string' | 'weights';

export interface Param {
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional?: boolean;
}

export type BuiltinKind =
  | 'family'    // a sampling family of the Plan: normal, lognormal, ...
  | 'math'      // unary math applied index by index
  | 'minmax'    // min / max of two or more
  | 'reduce'    // mean, sd, quantile, cdf: a number
  | 'mixture'
  | 'truncate'
  | 'correlate'
  | 'fact';

export interface Builtin {
  readonly name: string;
  readonly kind: BuiltinKind;
  readonly params: readonly Param[];
  /** For `minmax` and `mixture`: any number of the first parameter (at least `minArgs`). */
  readonly variadic?: { readonly minArgs: number };
  /** `same`: a number if every numeric argument is a number, else a distribution. */
  readonly result: 'dist' | 'number' | 'same';
  /** The Plan operation: family, unary/binary op or reduce op. */
  readonly op: string;
  readonly summary: string;
}

const numeric = (name: string): Param => ({ name, kind: 'numeric' });
const constant = (name: string): Param => ({ name, kind: 'constant' });

const LIST: readonly Builtin[] = [
  { name: 'normal', kind: 'family', op: 'normal', params: [numeric('mean'), numeric('sd')], result: 'dist', summary: 'normal distribution' },
  { name: 'lognormal', kind: 'family', op: 'lognormal', params: [numeric('mu'), numeric('sigma')], result: 'dist', summary: 'lognormal distribution; mu and sigma of the log' },
  { name: 'uniform', kind: 'family', op: 'uniform', params: [numeric('low'), numeric('high')], result: 'dist', summary: 'uniform distribution' },
  { name: 'beta', kind: 'family', op: 'beta', params: [numeric('alpha'), numeric('beta')], result: 'dist', summary: 'beta distribution' },
  { name: 'triangular', kind: 'family', op: 'triangular', params: [numeric('low'), numeric('mode'), numeric('high')], result: 'dist', summary: 'triangular distribution' },
  { name: 'pert', kind: 'family', op: 'pert', params: [numeric('low'), numeric('mode'), numeric('high')], result: 'dist', summary: 'PERT distribution (lambda 4); not in Squiggle 0.10' },
  { name: 'pointMass', kind: 'family', op: 'pointMass', params: [{ name: 'value', kind: 'number' }], result: 'dist', summary: 'all mass at one value' },
  { name: 'mixture', kind: 'mixture', op: 'mixture', params: [numeric('dist'), { name: 'weights', kind: 'weights', optional: true }], variadic: { minArgs: 1 }, result: 'dist', summary: 'mixture(d1, d2, ..., [w1, w2, ...]); equal weights if none' },
  { name: 'truncate', kind: 'truncate', op: 'both', params: [numeric('dist'), constant('low'), constant('high')], result: 'dist', summary: 'keep values in [low, high]' },
  { name: 'truncateLeft', kind: 'truncate', op: 'left', params: [numeric('dist'), constant('low')], result: 'dist', summary: 'keep values >= low' },
  { name: 'truncateRight', kind: 'truncate', op: 'right', params: [numeric('dist'), constant('high')], result: 'dist', summary: 'keep values <= high' },
  { name: 'exp', kind: 'math', op: 'exp', params: [numeric('x')], result: 'same', summary: 'e to the x' },
  { name: 'log', kind: 'math', op: 'log', params: [numeric('x')], result: 'same', summary: 'natural logarithm' },
  { name: 'log10', kind: 'math', op: 'log10', params: [numeric('x')], result: 'same', summary: 'base-10 logarithm' },
  { name: 'sqrt', kind: 'math', op: 'sqrt', params: [numeric('x')], result: 'same', summary: 'square root (Squiggle: Math.sqrt or x ^ 0.5)' },
  { name: 'abs', kind: 'math', op: 'abs', params: [numeric('x')], result: 'same', summary: 'absolute value' },
  { name: 'min', kind: 'minmax', op: 'min', params: [numeric('a'), numeric('b')], variadic: { minArgs: 2 }, result: 'same', summary: 'smaller, index by index' },
  { name: 'max', kind: 'minmax', op: 'max', params: [numeric('a'), numeric('b')], variadic: { minArgs: 2 }, result: 'same', summary: 'larger, index by index' },
  { name: 'mean', kind: 'reduce', op: 'mean', params: [numeric('dist')], result: 'number', summary: 'mean of the samples' },
  { name: 'stdev', kind: 'reduce', op: 'sd', params: [numeric('dist')], result: 'number', summary: 'standard deviation of the samples' },
  { name: 'quantile', kind: 'reduce', op: 'quantile', params: [numeric('dist'), { name: 'p', kind: 'number' }], result: 'number', summary: 'p-quantile, linear between order statistics (type 7)' },
  { name: 'cdf', kind: 'reduce', op: 'cdf', params: [numeric('dist'), { name: 'x', kind: 'number' }], result: 'number', summary: 'share of samples <= x' },
  { name: 'correlate', kind: 'correlate', op: 'correlate', params: [{ name: 'x', kind: 'dist' }, { name: 'y', kind: 'dist' }, constant('rho')], result: 'dist', summary: "x's samples reordered to have rank correlation rho with y (Shakeout addition)" },
  { name: 'fact', kind: 'fact', op: 'fact', params: [{ name: 'entity', kind: 'string' }, { name: 'metric', kind: 'string' }, { name: 'period', kind: 'string', optional: true }], result: 'dist', summary: 'a fact of the ledger as its distribution (Shakeout addition)' },
];

/** Other spellings: Squiggle's namespaces and a few common synonyms. */
const ALIASES: Readonly<Record<string, string>> = {
  PERT: 'pert',
  sd: 'stdev',
  inv: 'quantile',
  'Dist.normal': 'normal',
  'Dist.lognormal': 'lognormal',
  'Dist.uniform': 'uniform',
  'Dist.beta': 'beta',
  'Dist.triangular': 'triangular',
  'Dist.pointMass': 'pointMass',
  'Dist.mixture': 'mixture',
  'Dist.truncate': 'truncate',
  'Dist.truncateLeft': 'truncateLeft',
  'Dist.truncateRight': 'truncateRight',
  'Dist.mean': 'mean',
  'Dist.stdev': 'stdev',
  'Dist.quantile': 'quantile',
  'Dist.inv': 'quantile',
  'Dist.cdf': 'cdf',
  'SampleSet.min': 'min',
  'SampleSet.max': 'max',
  'Math.sqrt': 'sqrt',
  'Math.exp': 'exp',
  'Math.log': 'log',
  'Math.log10': 'log10',
  'Math.abs': 'abs',
  'Math.min': 'min',
  'Math.max': 'max',
};

const BY_NAME = new Map<string, Builtin>(LIST.map((b) => [b.name, b]));

/** The builtin a name calls, by its own name or an alias. */
export function lookupBuiltin(name: string): Builtin | undefined {
  return BY_NAME.get(ALIASES[name] ?? name);
}

/** Every name a model can call, for suggestions. */
export function builtinNames(): string[] {
  return [...BY_NAME.keys(), ...Object.keys(ALIASES)];
}

/** `normal(mean, sd)`: the signature as a person reads it. */
export function signature(b: Builtin, calledAs = b.name): string {
  const params = b.params.map((p) => (p.optional ? `${p.name}?` : p.name));
  if (b.kind === 'mixture') return `${calledAs}(d1, d2, ..., [w1, w2, ...])`;
  if (b.kind === 'minmax') return `${calledAs}(a, b, ...)`;
  return `${calledAs}(${params.join(', ')})`;
}
