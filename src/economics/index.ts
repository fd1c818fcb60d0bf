// The analyses: each returns an Analysis (see analysis.ts).
export * from './analysis.js';
