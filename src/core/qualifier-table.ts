import type { DistSpec } from './distribution-spec.js';
import type { Qualifier } from './figure.js';
import {
  ALMOST_NONE_PHRASES,
  QUALIFIER_PREFIXES,
  QUALIFIER_SUFFIXES,
  RANGE_CLOSERS,
  RANGE_OPENERS,
  RANGE_SEPARATORS,
  SEVERAL_PLURALS,
  SEVERAL_WORDS,
} from './figure-words.js';
import { Z95 } from './constants.js';
import { lognormalFromCi } from './lognormal-from-ci.js';
import { quantileOfSpec } from './quantile-of-spec.js';
import type { Unit } from './quantity.js';

/** What a qualifier row needs to know about the number it qualifies. */
export interface QualifierInput {
  /** The number as written, in base units (2.3e9 for 超23亿美元). Ignored by `range`, `several`, `almost_none`. */
  readonly value: number;
  readonly unit: Unit;
  /** `range`: the two ends as written (3e8 and 5e8 for 3亿至5亿). */
  readonly low?: number;
  readonly high?: number;
  /** `several`: the magnitude that 数 / 几 / "several" multiplies (1e8 for 数亿, 1e9 for 几十亿). */
  readonly magnitude?: number;
}

/** A qualified number: its value, the bounds the text implies (null when open) and its distribution. */
export interface QualifierReading {
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly distribution: DistSpec;
}

/** One row of the qualifier table. */
export interface QualifierRow {
  readonly qualifier: Qualifier;
  /** The Chinese words that trigger the row (from `figure-words.ts`). */
  readonly zh: readonly string[];
  /** The English words and signs that trigger the row. */
  readonly en: readonly string[];
  /** The distribution, in words. */
  readonly distribution: string;
  /** Why this distribution. */
  readonly reason: string;
  readonly build: (input: QualifierInput) => QualifierReading;
}

/** The excess over v, as a share of v, that "over v" implies: p5 0.02, median 0.1, p95 0.5. */
export const OVER_EXCESS = lognormalFromCi(0.02, 0.5);
/**
 * The lowest share of v that "nearly v" / "just under v" can mean: 0.7. Nobody
 * writes "nearly $100M" of $65M (they write "over $60M" or "about $65M"), and
 * a floor well above 0 keeps a ratio over the figure (a revenue multiple) finite.
 */
export const NEARLY_FLOOR = 0.7;
/**
 * The shortfall under v that "nearly v" implies, as a share of the room
 * between the floor and v ((1 - NEARLY_FLOOR) · v): Beta(0.56, 3.18). The two
 * shapes (to two decimals) keep the 5th percentile and the median of the
 * earlier unbounded table (0.85v and 0.973v), so that medians computed from a
 * "nearly" figure do not move; the 95th percentile is ≈ 0.9996v.
 */
export const NEARLY_SHORTFALL: DistSpec = { family: 'beta', alpha: 0.56, beta: 3.18 };
/**
 * The shortfall under v that "under v" implies, as a share of v: Beta(0.62, 3.35),
 * whose shapes keep the 5th percentile and the median of the earlier table
 * (0.5v and 0.9v, the mirror of over's 1.5v and 1.1v); the 95th percentile is
 * ≈ 0.998v. Bounded by 1, so "under v" lies strictly between 0 and v.
 */
export const UNDER_SHORTFALL: DistSpec = { family: 'beta', alpha: 0.62, beta: 3.35 };
/** The spread of "about": p5 = v / 1.1 and p95 = v · 1.1 (or v ∓ 0.1·|v| for v < 0). */
export const ABOUT_SPREAD = 0.1;
export const ABOUT_FACTOR = 1 + ABOUT_SPREAD;
/** 数亿 is 2 to 9 hundred million: p5 = 2 · magnitude, p95 = 9 · magnitude. */
export const SEVERAL_LOW = 2;
export const SEVERAL_HIGH = 9;

const isChinese = (w: string): boolean => /[\u3400-\u9fff]/.test(w);
function words(qualifier: Qualifier, extra: readonly string[] = []): { zh: string[]; en: string[] } {
  const all = [
    ...QUALIFIER_PREFIXES.filter(([, q]) => q === qualifier).map(([w]) => w),
    ...QUALIFIER_SUFFIXES.filter(([, q]) => q === qualifier).map(([w]) => w),
    ...extra,
  ];
  const unique = [...new Set(all)];
  return { zh: unique.filter(isChinese), en: unique.filter((w) => !isChinese(w)) };
}

/** The bounds between `share` · v and v, in the order of v's sign. */
function between(value: number, share: number): { low: number; high: number } {
  const far = share === 0 ? 0 : value * share;
  return value >= 0 ? { low: far, high: value } : { low: value, high: far };
}

const point = (value: number): DistSpec => ({ family: 'pointMass', value });

/**
 * The qualifier table: for each way a figure can be qualified as written
 * (约, 超, 近, 不到, 3亿至5亿, 数亿, 几乎没有 and their English counterparts), the
 * distribution it implies, with the reason. One row per {@link Qualifier}.
 *
 * over, under and nearly speak of magnitude: "超-3亿" (a loss of more than
 * 3亿) lies below -3亿, because the excess is scaled by v itself.
 *
 * See `docs/qualifiers.md` for the table with its quantiles at v = 100.
 *
 * @example
 * QUALIFIER_TABLE.over.build({ value: 2.3e9, unit: 'USD' });
 * // => { value: 2.3e9, low: 2.3e9, high: null,
 * //      distribution: { family: 'shifted', offset: 2.3e9, scale: 2.3e9, base: OVER_EXCESS } }
 */
export const QUALIFIER_TABLE: { readonly [Q in Qualifier]: QualifierRow } = {
  exact: {
    qualifier: 'exact',
    zh: [],
    en: [],
    distribution: 'pointMass(v)',
    reason:
      'Reported as written, with no qualifier; the rounding error of the last digit is small next to the other uncertainty in the models.',
    build: ({ value }) => ({ value, low: value, high: value, distribution: point(value) }),
  },
  about: {
    qualifier: 'about',
    ...words('about'),
    distribution: 'lognormal with p5 = v / 1.1 and p95 = v · 1.1 (median v); normal(v, 0.1·|v| / 1.645) if v < 0; pointMass(0) if v = 0',
    reason:
      'A rounded figure: the writer vouches for the first digit or two, so ±10% covers 90% of the mass; lognormal because money and counts are positive and err by a factor.',
    build: ({ value }) => {
      let distribution: DistSpec;
      // lognormalFromCi(v / 1.1, v * 1.1), written so that the median is exactly v.
      if (value > 0) distribution = { family: 'lognormal', mu: Math.log(value), sigma: Math.log(ABOUT_FACTOR) / Z95 };
      else if (value < 0) distribution = { family: 'normal', mean: value, sd: (Math.abs(value) * ABOUT_SPREAD) / Z95 };
      else distribution = point(0);
      return { value, low: null, high: null, distribution };
    },
  },
  over: {
    qualifier: 'over',
    ...words('over'),
    distribution: 'v + v · lognormal(p5 0.02, p95 0.5): p5 = 1.02v, p50 = 1.1v, p95 = 1.5v',
    reason:
      'A lower bound: writers say "over 2.3B" of a value a little above it (they would round up to the next figure otherwise), so the excess is most likely about 10% and rarely beyond 50%.',
    build: ({ value }) => ({
      value,
      low: value >= 0 ? value : null,
      high: value >= 0 ? null : value,
      distribution: { family: 'shifted', offset: value, scale: value, base: OVER_EXCESS },
    }),
  },
  under: {
    qualifier: 'under',
    ...words('under'),
    distribution: 'v - v · Beta(0.62, 3.35): strictly between 0 and v; p5 = 0.5v, p50 = 0.9v, p95 ≈ 0.998v',
    reason:
      'An upper bound, the mirror of over: most likely about 10% below v (p5 0.5v, median 0.9v). A bounded shortfall (at most v) keeps every draw above 0: "under $100M" is never $0, nor negative.',
    build: ({ value }) => ({
      value,
      ...between(value, 0),
      distribution: { family: 'shifted', offset: value, scale: -value, base: UNDER_SHORTFALL },
    }),
  },
  nearly: {
    qualifier: 'nearly',
    ...words('nearly'),
    distribution: 'v - 0.3v · Beta(0.56, 3.18): strictly between the floor 0.7v and v; p5 = 0.85v, p50 = 0.973v, p95 ≈ 0.9996v',
    reason:
      'Just under v: "近18亿" is said of 17.x亿, so the shortfall is most likely a few percent and rarely beyond 15%. Nobody writes "nearly v" of less than 0.7v (they would write "over" a lower figure), so 0.7v is a floor no draw reaches.',
    build: ({ value }) => ({
      value,
      ...between(value, NEARLY_FLOOR),
      distribution: { family: 'shifted', offset: value, scale: -(1 - NEARLY_FLOOR) * value, base: NEARLY_SHORTFALL },
    }),
  },
  range: {
    qualifier: 'range',
    zh: [...RANGE_SEPARATORS.filter(isChinese), ...RANGE_CLOSERS],
    en: [...RANGE_OPENERS, ...RANGE_SEPARATORS.filter((w) => !isChinese(w)), 'and'],
    distribution: 'lognormal with p5 = low and p95 = high (Squiggle\'s `low to high`); uniform(low, high) if low <= 0; value = (low + high) / 2',
    reason:
      'The writer gives both ends; like Squiggle\'s `low to high`, read them as a 90% interval, since sources state ranges a little narrower than the truth.',
    build: ({ low, high }) => {
      if (low === undefined || high === undefined || !(low <= high)) {
        throw new RangeError(`QUALIFIER_TABLE.range: expected low <= high, got low = ${low} and high = ${high}`);
      }
      const distribution: DistSpec = low > 0 ? lognormalFromCi(low, high) : { family: 'uniform', low, high };
      return { value: (low + high) / 2, low, high, distribution };
    },
  },
  several: {
    qualifier: 'several',
    zh: SEVERAL_WORDS.filter(isChinese),
    en: [...SEVERAL_WORDS.filter((w) => !isChinese(w)), ...SEVERAL_PLURALS.map(([w]) => w)],
    distribution: 'lognormal with p5 = 2m and p95 = 9m, m the magnitude (数亿: m = 1e8); value = its median √18·m ≈ 4.24m',
    reason:
      '"A few hundred million" means 2 to 9 hundred million: one would say 一亿多 for 1.x and 近十亿 for nearly 10; lognormal because the words name an order of magnitude.',
    build: ({ magnitude }) => {
      if (magnitude === undefined || magnitude === 0 || !Number.isFinite(magnitude)) {
        throw new RangeError(`QUALIFIER_TABLE.several: expected a finite, non-zero magnitude, got ${magnitude}`);
      }
      const m = Math.abs(magnitude);
      const base = lognormalFromCi(SEVERAL_LOW * m, SEVERAL_HIGH * m);
      const median = Math.sqrt(SEVERAL_LOW * SEVERAL_HIGH) * m;
      return magnitude > 0
        ? { value: median, low: SEVERAL_LOW * m, high: SEVERAL_HIGH * m, distribution: base }
        : {
            value: -median,
            low: -SEVERAL_HIGH * m,
            high: -SEVERAL_LOW * m,
            distribution: { family: 'shifted', offset: 0, scale: -1, base },
          };
    },
  },
  almost_none: {
    qualifier: 'almost_none',
    zh: ALMOST_NONE_PHRASES.filter(isChinese),
    en: ALMOST_NONE_PHRASES.filter((w) => !isChinese(w)),
    distribution: 'pointMass(0); low = 0, high = null',
    reason:
      'No scale is given, so there is nothing to spread around; treat it as zero. A user who knows better records a figure.',
    build: () => ({ value: 0, low: 0, high: null, distribution: point(0) }),
  },
};

/** A qualified number with the 5th, 50th and 95th percentiles of its distribution. */
export interface QualifiedNumber extends QualifierReading {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/**
 * Applies a row of {@link QUALIFIER_TABLE} and fills in the quantiles from
 * {@link quantileOfSpec}.
 *
 * @param qualifier the row
 * @param input the number (and, for range and several, its bounds or magnitude)
 * @returns value, low, high, distribution, p5, p50, p95
 * @example
 * const r = qualify('over', { value: 100, unit: 'USD' });
 * [r.low, r.high, r.p5, r.p50, r.p95]; // => [100, null, 102, 110, 150] (to rounding)
 */
export function qualify(qualifier: Qualifier, input: QualifierInput): QualifiedNumber {
  const reading = QUALIFIER_TABLE[qualifier].build(input);
  return {
    ...reading,
    p5: quantileOfSpec(reading.distribution, 0.05),
    p50: quantileOfSpec(reading.distribution, 0.5),
    p95: quantileOfSpec(reading.distribution, 0.95),
  };
}
