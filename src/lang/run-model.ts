import { ShakeoutError } from '../core/index.js';
import { EstimateError, runPlan, SampleSet, type Env, type Histogram, type SampleSummary } from '../estimate/index.js';
import { compileProgram, type FactResolver, type FactUse } from './compile-model.js';
import { ModelError } from './model-error.js';
import { parseModel } from './parse-model.js';

/** An output that is one number: a constant, a mean, a probability (`x > 3`, `cdf(x, 0)`). */
export interface ScalarOutput {
  readonly name: string;
  readonly type: 'scalar';
  readonly value: number;
}

/** An output that is a distribution: its summary, a histogram and the raw samples. */
export interface DistOutput {
  readonly name: string;
  readonly type: 'dist';
  /** mean, sd, p5, p25, p50, p75, p95 (type 7 quantiles), min, max and nanCount. */
  readonly summary: SampleSummary;
  readonly histogram: Histogram;
  readonly samples: Float64Array;
  /** The SampleSet itself (sorted copy cached), for further quantiles or cdf. */
  readonly set: SampleSet;
}

export type ModelOutput = ScalarOutput | DistOutput;

/** Milliseconds spent in each stage of {@link runModel}. */
export interface ModelTimings {
  readonly parse: number;
  readonly compile: number;
  readonly sample: number;
  readonly summarise: number;
  readonly total: number;
}

export interface ModelResult {
  readonly outputs: readonly ModelOutput[];
  readonly sampleCount: number;
  readonly seed: string | number;
  readonly threads: number;
  /** The facts the model read, with what the ledger said they are. */
  readonly facts: readonly FactUse[];
  readonly timings: ModelTimings;
}

export interface RunModelOptions {
  readonly env: Env;
  readonly resolveFact?: FactResolver;
  /** Bins of each output's histogram (default 20). */
  readonly bins?: number;
}

/**
 * Parses, compiles and runs a model; summarises each output. Errors are
 * ModelErrors with line and column, also those the engine finds while
 * sampling (such as `normal(0, x)` with a constant x <= 0 hidden in a
 * variable).
 *
 * ```ts
 * const r = await runModel('ios = 11M to 13M\n{ios}', { env: { sampleCount: 100_000, seed: 1 } });
 * r.outputs[0]; // { name: 'ios', type: 'dist', summary: { mean: 1.2e7, ... }, ... }
 * ```
 */
export async function runModel(source: string, options: RunModelOptions): Promise<ModelResult> {
  const t0 = performance.now();
  const program = parseModel(source);
  const t1 = performance.now();
  const compiled = compileProgram(program, options.resolveFact ? { resolveFact: options.resolveFact } : {});
  const t2 = performance.now();
  let result;
  try {
    result = await runPlan(compiled.plan, options.env);
  } catch (err) {
    throw locate(err, source, compiled.spans);
  }
  const t3 = performance.now();
  const bins = options.bins ?? 20;
  const outputs = result.outputs.map((o): ModelOutput => {
    if (typeof o.value === 'number') return { name: o.name, type: 'scalar', value: o.value };
    const set = o.value;
    return { name: o.name, type: 'dist', summary: set.summary(), histogram: set.histogram(bins), samples: set.samples, set };
  });
  const t4 = performance.now();
  return {
    outputs,
    sampleCount: result.sampleCount,
    seed: result.seed,
    threads: result.threads,
    facts: compiled.facts,
    timings: { parse: t1 - t0, compile: t2 - t1, sample: t3 - t2, summarise: t4 - t3, total: t4 - t0 },
  };
}

/** An engine error about plan node k becomes a ModelError at the source of node k. */
function locate(err: unknown, source: string, spans: readonly { start: number; end: number }[]): unknown {
  if (!(err instanceof EstimateError)) return err;
  const path = err.issues[0]?.path ?? [];
  const node = path.map((p) => /^node (\d+)$/.exec(String(p))).find((m) => m !== null);
  const span = node ? spans[Number(node[1])] : undefined;
  if (span === undefined) return err;
  const detail = err.message.replace(/^node \d+( \([^)]*\))?: /, '');
  return ModelError.at(source, span, 'invalid_argument', detail, { cause: err as ShakeoutError });
}
