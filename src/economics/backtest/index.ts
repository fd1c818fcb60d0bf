// The backtest: forecasts made from what was known at a date, set beside what happened.
export * from './forecast-scores.js';
export * from './baselines.js';
export * from './observe-outcome.js';
export * from './backtest.js';
export * from './backtest-result.js';
export * from './forecast-input-text.js';
