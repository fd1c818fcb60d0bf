import { ShakeoutError } from '../../core/index.js';
import type { Text } from '../analysis.js';

/**
 * The funding market a simulation runs in: how likely a company that seeks
 * money closes a round in a given month, and how large rounds are compared
 * with a normal market.
 */
export interface FundingClimate {
  readonly name: string;
  /** Chance a month that a company seeking money closes a round, in [0, 1]. */
  readonly roundProbabilityPerMonth: number;
  /** Multiplies the size of rounds (1 = a normal market). */
  readonly sizeMultiplier: number;
}

export type ClimateName = 'cold' | 'neutral' | 'hot';

/**
 * The three named climates. Neutral: a company seeking money closes a round
 * in a given month with chance 8% (so within a year with chance
 * 1 - 0.92^12 ≈ 63%). Cold, as 2024 for generative AI in the source article
 * (investors pausing, money moving to applications): 3% (≈ 31% within a
 * year) and rounds 0.6x the size. Hot, as 2023 (funding 5.67x 2022): 15%
 * (≈ 86% within a year) and 1.5x the size. Illustrative settings, not
 * measured rates: change them with a custom climate.
 */
export const CLIMATES: { readonly [K in ClimateName]: FundingClimate } = {
  cold: { name: 'cold', roundProbabilityPerMonth: 0.03, sizeMultiplier: 0.6 },
  neutral: { name: 'neutral', roundProbabilityPerMonth: 0.08, sizeMultiplier: 1 },
  hot: { name: 'hot', roundProbabilityPerMonth: 0.15, sizeMultiplier: 1.5 },
};

/** A climate by name, or a custom one checked. */
export function resolveClimate(climate: ClimateName | FundingClimate): FundingClimate {
  if (typeof climate === 'string') {
    const c = CLIMATES[climate];
    if (!c) throw climateError(`expected a climate "cold", "neutral" or "hot", got "${String(climate)}"`);
    return c;
  }
  const p = climate.roundProbabilityPerMonth;
  const s = climate.sizeMultiplier;
  if (!(p >= 0 && p <= 1)) throw climateError(`climate: roundProbabilityPerMonth must be in [0, 1], got ${p}`);
  if (!(s >= 0 && Number.isFinite(s))) throw climateError(`climate: sizeMultiplier must be a finite number >= 0, got ${s}`);
  return { name: climate.name || 'custom', roundProbabilityPerMonth: p, sizeMultiplier: s };
}

/** Funding growth below which the climate is cold, and above which it is hot (this year / last year). */
export const COLD_BELOW = 0.8;
export const HOT_ABOVE = 1.25;

/**
 * A climate from how funding moved year on year: `growth` is this year's
 * funding / last year's (the same market, source and definition; 5.67 for
 * generative AI 2023 over 2022). Below 0.8 (funding down more than 20%) it is
 * cold, above 1.25 hot, neutral between. Kept to three steps on purpose: one
 * ratio of two totals says which way the market moves, not by how much the
 * chance of a round changes.
 *
 * @example climateFromFunding(5.67).climate.name // 'hot'
 * @example climateFromFunding(0.7).climate.name // 'cold'
 */
export function climateFromFunding(growth: number, label = 'funding'): { climate: FundingClimate; reason: Text } {
  if (!(growth > 0 && Number.isFinite(growth))) throw climateError(`climateFromFunding: expected funding growth as a positive ratio (this year / last year), got ${growth}`);
  const name: ClimateName = growth < COLD_BELOW ? 'cold' : growth > HOT_ABOVE ? 'hot' : 'neutral';
  const pct = Math.round((growth - 1) * 100);
  const move = pct >= 0 ? `up ${pct}%` : `down ${-pct}%`;
  const moveZh = pct >= 0 ? `增长 ${pct}%` : `下降 ${-pct}%`;
  return {
    climate: CLIMATES[name],
    reason: {
      en: `${label} ${move} year on year (x${growth.toFixed(2)}): ${name} (cold below x${COLD_BELOW}, hot above x${HOT_ABOVE})`,
      zh: `${label}同比${moveZh}（${growth.toFixed(2)} 倍）：${{ cold: '寒冷', neutral: '中性', hot: '火热' }[name]}（低于 ${COLD_BELOW} 倍为寒冷，高于 ${HOT_ABOVE} 倍为火热）`,
    },
  };
}

function climateError(message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_climate', path: ['climate'], message }], status: 400 });
}
