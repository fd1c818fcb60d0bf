// The analyses: each returns an Analysis (see analysis.ts).
export * from './analysis.js';
export * from './common/estimate-of.js';
export * from './common/fact-spec.js';
export * from './common/default-env.js';
export * from './subscribers/commission-rules.js';
export * from './subscribers/commission-for.js';
export * from './subscribers/subscriber-assumptions.js';
export * from './subscribers/analyze-subscribers.js';
export * from './funding/funding-markets.js';
export * from './funding/to-display-money.js';
export * from './funding/analyze-funding.js';
export * from './plausibility/plausibility-flag.js';
export * from './plausibility/evaluate-formula.js';
export * from './plausibility/check-plausibility.js';
export * from './health/index.js';
export * from './survival/index.js';
export * from './unit-economics/index.js';
