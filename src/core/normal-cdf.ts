/**
 * The standard normal cumulative distribution function, Φ(x): the chance
 * that a standard normal draw is at most x.
 *
 * Hart's algorithm 5666 (1968) as written by Graeme West, "Better
 * approximations to cumulative normal functions" (Wilmott Magazine, 2005):
 * a rational approximation of the tail below 7.07 standard deviations and a
 * continued fraction beyond: absolute error about 1e-15, relative error of
 * the smaller tail below 1e-8 (about 1e-14 near the centre, 1e-9 at 6 and
 * 1e-8 beyond 7 standard deviations: normalCdf.test.ts). It computes the
 * smaller tail directly, so Φ(-8) is not lost to 1 - Φ(8). The inverse is {@link normalQuantile}.
 *
 * @param x any number
 * @returns Φ(x), in [0, 1]
 * @example
 * normalCdf(-1.6448536269514722); // => 0.05 (to about 1e-16)
 * normalCdf(-8); // => 6.22e-16
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) tail = 0;
  else {
    const e = Math.exp(-a * a / 2);
    if (a < 7.07106781186547) {
      let b = 3.52624965998911e-2 * a + 0.700383064443688;
      b = b * a + 6.37396220353165;
      b = b * a + 33.912866078383;
      b = b * a + 112.079291497871;
      b = b * a + 221.213596169931;
      b = b * a + 220.206867912376;
      const num = e * b;
      b = 8.83883476483184e-2 * a + 1.75566716318264;
      b = b * a + 16.064177579207;
      b = b * a + 86.7807322029461;
      b = b * a + 296.564248779674;
      b = b * a + 637.333633378831;
      b = b * a + 793.826512519948;
      b = b * a + 440.413735824752;
      tail = num / b;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}
