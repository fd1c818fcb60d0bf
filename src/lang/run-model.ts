import { ShakeoutError } from '../core/index.js';
import { EstimateError, runPlan, type Plan, SampleSet, sensitivity, type Env, type Histogram, type SampleSummary, type SensitivityEntry } from '../estimate/index.js';
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
  /** mean, sd, p1, p5, p25, p50, p75, p95, p99 (type 7 quantiles), min, max and nanCount. */
  readonly summary: SampleSummary;
  /**
   * Equal-width bins from p1 to p99 (readable even for a heavy tail), with
   * the samples left out on each side counted in `below` and `above`.
   */
  readonly histogram: Histogram & { readonly below: number; readonly above: number };
  readonly samples: Float64Array;
  /** The SampleSet itself (sorted copy cached), for further quantiles or cdf. */
  readonly set: SampleSet;
  /**
   * With `sensitivity: true`: the model's uncertain inputs (named variables
   * drawn from a distribution or a fact) ranked by how much they drive this
   * output, largest swing first.
   */
  readonly drivers?: readonly SensitivityEntry[];
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
  /** Rank each output's uncertain inputs by how much they drive it (Spearman and p5-p95 swing). */
  readonly sensitivity?: boolean;
  /** Called after each step of the run with the steps done and the total (see the engine's RunOptions). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the run between chunks: it rejects with a ShakeoutError of code 'aborted' (see the engine's RunOptions.signal). */
  readonly signal?: AbortSignal;
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
  const bins = options.bins ?? 20;
  let result;
  try {
    // Intermediate nodes need not be kept unless sensitivity reads them.
    result = await runPlan(compiled.plan, options.env, {
      keep: options.sensitivity ? 'all' : 'outputs',
      histogramBins: bins,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    throw locate(err, source, compiled.spans);
  }
  const t3 = performance.now();
  const inputs = options.sensitivity ? uncertainInputs(compiled.plan, compiled.variables, result.values) : [];
  const outputs = result.outputs.map((o): ModelOutput => {
    if (typeof o.value === 'number') return { name: o.name, type: 'scalar', value: o.value };
    const set = o.value;
    const summary = set.summary();
    const histogram = set.summaryHistogram(bins);
    const out = { name: o.name, type: 'dist' as const, summary, histogram, samples: set.samples, set };
    if (!options.sensitivity) return out;
    return { ...out, drivers: sensitivity(set, inputs.filter((i) => i.node !== o.node), { statistic: 'median' }) };
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

/** Named variables drawn straight from a distribution (a constructor, `a to b`, a fact): the model's assumptions. */
function uncertainInputs(plan: Plan, variables: ReadonlyMap<string, number>, values: readonly (number | SampleSet | undefined)[]): { name: string; node: number; samples: SampleSet }[] {
  const out: { name: string; node: number; samples: SampleSet }[] = [];
  for (const [name, id] of variables) {
    const node = plan.nodes[id];
    const v = values[id];
    if (!node || !(v instanceof SampleSet)) continue;
    if (node.kind === 'sample' || node.kind === 'spec' || node.kind === 'mixture' || node.kind === 'truncate' || node.kind === 'correlate') {
      out.push({ name, node: id, samples: v });
    }
  }
  return out;
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
