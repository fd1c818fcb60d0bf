// The public face of estimate: the Monte Carlo engine.
export * from './plan.js';
export * from './env.js';
export * from './estimate-error.js';
export { CHUNK_SIZE, RandomStream, seedKey } from './random-stream.js';
export { streamOf } from './stream-of.js';
export { yieldToEventLoop } from './yield-to-event-loop.js';
export { FAMILY_ARITY, toLognormal, checkFamilyArgs, fillFamily, type FamilyArg } from './sample-family.js';
export { sampleSpec, checkSpec } from './sample-spec.js';
export { SampleSet, meanOf, type SampleSummary, type Histogram } from './sample-set.js';
export { quantileSorted, cdfSorted } from './quantile-sorted.js';
export { selectQuantiles } from './select-quantiles.js';
export { sortFloat64, argsortFloat64, mergeSorted } from './radix-sort.js';
export { pearson, spearman, ranks } from './correlation.js';
export { imanConover } from './iman-conover.js';
export { schedulePlan, nodeInputs, type PlanSchedule, type PlanStep } from './plan-schedule.js';
export { runPlan, runPlanSync, type PlanResult, type PlanOutput, type RunOptions } from './run-plan.js';
export { closeWorkerPool, prepareWorkers, workerScriptPath } from './worker-pool.js';
export { sensitivity, type SensitivityEntry, type SensitivityInput, type SensitivityOptions } from './sensitivity.js';
