/**
 * e^x for the engine's hot loops (lognormal draws, `exp`), about twice as
 * fast as Math.exp here, within 3 ulp (measured against Math.exp in
 * fast-exp.test.ts: relative error below 7e-16): far below what sampling
 * error can see.
 *
 * Tang's table method: x = (256 m + j) ln2 / 256 + r with |r| <= ln2 / 512,
 * so e^x = 2^m * 2^(j/256) * e^r, where 2^(j/256) comes from a table, e^r - 1
 * from a degree-4 polynomial (truncation error below 4e-17), and 2^m from a
 * table of powers of two. ln2 / 256 is split in a high part with zeros in its
 * low bits and a low part (Cody and Waite), so r is exact to rounding.
 * Outside (-708, 709), and for NaN, it defers to Math.exp (overflow,
 * underflow and subnormal results).
 *
 * @example
 * fastExp(1); // 2.718281828459045
 */
export function fastExp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  // round(x * 256 / ln2) with the 1.5 * 2^52 trick (exact for |k| < 2^51)
  const t = x * INV_LN2_256 + ROUND;
  const k = t - ROUND;
  const r = x - k * LN2_256_HI - k * LN2_256_LO;
  const ki = k | 0;
  const tj = TABLE[ki & 255]!;
  const p = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))));
  return POW2[(ki >> 8) + POW2_BIAS]! * (tj + tj * p);
}

const ROUND = 6755399441055744; // 1.5 * 2^52
const INV_LN2_256 = 256 / Math.LN2;
// ln2/256 = LN2_256_HI + LN2_256_LO to about 1e-27 (fdlibm's split of ln2,
// divided by 256 exactly): LN2_256_HI has 32 significant bits, so
// k * LN2_256_HI is exact for the |k| < 2^19 that arise
const LN2_256_HI = 6.93147180369123816490e-1 / 256;
const LN2_256_LO = 1.90821492927058770002e-10 / 256;

/** 2^(j/256) for j = 0..255. */
const TABLE = new Float64Array(256);
for (let j = 0; j < 256; j++) TABLE[j] = 2 ** (j / 256);

/** 2^m for m = -1022..1023, at index m + POW2_BIAS. */
const POW2_BIAS = 1022;
const POW2 = new Float64Array(1023 + POW2_BIAS + 1);
for (let m = -1022; m <= 1023; m++) POW2[m + POW2_BIAS] = 2 ** m;
