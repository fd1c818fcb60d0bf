// The survival simulation: the shakeout, month by month.
export * from './company-inputs.js';
export * from './funding-climate.js';
export * from './climate-from-ledger.js';
export * from './current-fact.js';
export * from './simulate-survival.js';
export * from './survival-assumptions.js';
export * from './analyze-survival.js';
export * from './forecast-parameters.js';
export * from './forecast-inputs.js';
export * from './monte-carlo-interval.js';
