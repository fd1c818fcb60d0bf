import type { Env } from '../../estimate/index.js';

/** The sample count and seed an analysis uses when none is given: 10,000 draws, seed 'shakeout'. */
export const DEFAULT_ANALYSIS_ENV: Env = { sampleCount: 10_000, seed: 'shakeout' };
