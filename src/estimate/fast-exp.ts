/**
 * e^x for the engine's hot loops (lognormal draws, `exp`), about four times
 * faster than Math.exp here, within 3 ulp (measured against Math.exp in
 * fast-exp.test.ts: relative error below 7e-16): far below what sampling
 * error can see.
 *
 * Tang's table method: x = (64 m + j) ln2 / 64 + r with |r| <= ln2 / 128,
 * so e^x = 2^m * 2^(j/64) * e^r, where 2^(j/64) comes from a table, e^r - 1
 * from a degree-6 polynomial (truncation error below 1e-19), and 2^m from a
 * table of powers of two. ln2 / 64 is split in a high part with zeros in its
 * low bits and a low part (Cody and Waite), so r is exact to rounding.
 * Outside (-708, 709), and for NaN, it defers to Math.exp (overflow,
 * underflow and subnormal results).
 *
 * @example
 * fastExp(1); // 2.718281828459045
 */
export function fastExp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  // round(x * 64 / ln2) with the 1.5 * 2^52 trick (exact for |k| < 2^51)
  const t = x * INV_LN2_64 + ROUND;
  const k = t - ROUND;
  const r = x - k * LN2_64_HI - k * LN2_64_LO;
  const ki = k | 0;
  const tj = TABLE[ki & 63];
  const p = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  return POW2[(ki >> 6) + POW2_BIAS] * (tj + tj * p);
}

const ROUND = 6755399441055744; // 1.5 * 2^52
const INV_LN2_64 = 64 / Math.LN2;
// ln2/64 = LN2_64_HI + LN2_64_LO to about 1e-27 (fdlibm's split of ln2,
// divided by 64 exactly): LN2_64_HI has 32 significant bits, so k * LN2_64_HI
// is exact for the |k| < 2^17 that arise
const LN2_64_HI = 6.93147180369123816490e-1 / 64;
const LN2_64_LO = 1.90821492927058770002e-10 / 64;

/** 2^(j/64) for j = 0..63. */
const TABLE = new Float64Array(64);
for (let j = 0; j < 64; j++) TABLE[j] = 2 ** (j / 64);

/** 2^m for m = -1022..1023, at index m + POW2_BIAS. */
const POW2_BIAS = 1022;
const POW2 = new Float64Array(1023 + POW2_BIAS + 1);
for (let m = -1022; m <= 1023; m++) POW2[m + POW2_BIAS] = 2 ** m;
