// Company health: burn, runway, multiples, burn multiple, rule of 40, default alive.
export * from './burn.js';
export * from './runway.js';
export * from './revenue-multiple.js';
export * from './capital-efficiency.js';
export * from './burn-multiple.js';
export * from './rule-of-40.js';
export * from './default-alive.js';
export * from './health-inputs.js';
export * from './analyze-health.js';
