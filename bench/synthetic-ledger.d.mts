// Types of bench/synthetic-ledger.mjs, for the tests that import it.
export function seededRandom(seed: number | string): () => number;
export function syntheticFactsCsv(options: { n: number; seed?: number | string; prefix?: string; publishers?: number }): string;
