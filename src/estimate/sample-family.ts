import { Z95 } from '../core/index.js';
import type { SampleFamily } from './plan.js';
import { EstimateError } from './estimate-error.js';
import type { RandomStream } from './random-stream.js';
import { wasmExp, wasmLognormalInPlace } from './wasm-kernels.js';

/**
 * Samplers for the families of plan.ts. Each fills out[start..end) from one
 * stream. An argument is a number (the same for every index) or a
 * Float64Array (per-index parameters, read at the same index as the output).
 *
 * Methods:
 * - normal: the ziggurat of RandomStream.fillNormal; lognormal and `to` through it.
 * - beta: X / (X + Y) with X, Y gamma draws by Marsaglia and Tsang (2000);
 *   shapes below 1 use Gamma(a) = Gamma(a + 1) * U^(1/a).
 * - triangular: inverse CDF. pert: low + (high - low) * Beta(1 + 4(mode - low)/(high - low),
 *   1 + 4(high - mode)/(high - low)).
 * - `a to b`: lognormal with mu = (ln a + ln b) / 2 and
 *   sigma = (ln b - ln a) / (2 * 1.6448536269514722), so that a and b are the
 *   5th and 95th percentiles.
 *
 * Invalid scalar parameters throw an EstimateError (see {@link checkFamilyArgs});
 * invalid per-index parameters give NaN at that index, which summaries count.
 */
export type FamilyArg = number | Float64Array;


/** How many arguments each family takes. */
export const FAMILY_ARITY: Readonly<Record<SampleFamily, number>> = {
  pointMass: 1, uniform: 2, normal: 2, lognormal: 2, to: 2, beta: 2, triangular: 3, pert: 3,
};

const SIGNATURE: Readonly<Record<SampleFamily, string>> = {
  pointMass: 'pointMass(value)', uniform: 'uniform(low, high)', normal: 'normal(mean, sd)',
  lognormal: 'lognormal(mu, sigma)', to: 'a to b', beta: 'beta(alpha, beta)',
  triangular: 'triangular(low, mode, high)', pert: 'pert(low, mode, high)',
};

/** Parameters of `a to b` as a lognormal: { mu, sigma }. Throws unless 0 < a < b. */
export function toLognormal(a: number, b: number, path: readonly (string | number)[] = []): { mu: number; sigma: number } {
  if (!(a > 0) || !(b > 0)) {
    throw new EstimateError('to_not_positive', `\`a to b\` needs both bounds > 0 (a lognormal with 5th percentile a and 95th b), got ${fmt(a)} to ${fmt(b)}; for a range that includes 0 or negatives use normal(mean, sd) or uniform(low, high)`, path);
  }
  if (!(a < b)) {
    throw new EstimateError('to_order', `\`a to b\` needs a < b, got ${fmt(a)} to ${fmt(b)}`, path);
  }
  if (!Number.isFinite(b)) throw new EstimateError('to_infinite', `\`a to b\` needs finite bounds, got ${fmt(a)} to ${fmt(b)}`, path);
  const la = Math.log(a), lb = Math.log(b);
  return { mu: (la + lb) / 2, sigma: (lb - la) / (2 * Z95) };
}

/**
 * Throws an EstimateError when scalar parameters are out of the family's
 * domain; skips per-index (array) parameters, which are checked per index.
 */
export function checkFamilyArgs(family: SampleFamily, args: readonly FamilyArg[], path: readonly (string | number)[] = []): void {
  const arity = FAMILY_ARITY[family];
  if (args.length !== arity) {
    throw new EstimateError('family_arity', `${SIGNATURE[family]} takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`, path);
  }
  const s = args.map((a) => (typeof a === 'number' ? a : undefined));
  const bad = (msg: string): never => {
    throw new EstimateError('family_domain', `${SIGNATURE[family]}: ${msg}`, path);
  };
  for (let i = 0; i < s.length; i++) {
    const v = s[i];
    if (v !== undefined && Number.isNaN(v)) bad(`argument ${i + 1} is NaN`);
  }
  const [x, y, z] = s;
  switch (family) {
    case 'pointMass':
      return;
    case 'uniform':
      if (x !== undefined && y !== undefined && !(x <= y)) bad(`needs low <= high, got ${fmt(x)}, ${fmt(y)}`);
      if ((x !== undefined && !Number.isFinite(x)) || (y !== undefined && !Number.isFinite(y))) bad('needs finite bounds');
      return;
    case 'normal':
    case 'lognormal':
      if (y !== undefined && !(y >= 0 && y < Infinity)) bad(`needs a finite spread >= 0, got ${fmt(y)}`);
      return;
    case 'to':
      if (x !== undefined && y !== undefined) toLognormal(x, y, path);
      else if ((x !== undefined && !(x > 0)) || (y !== undefined && !(y > 0))) toLognormal(x ?? 1, y ?? 1, path);
      return;
    case 'beta':
      if ((x !== undefined && !(x > 0 && x < Infinity)) || (y !== undefined && !(y > 0 && y < Infinity))) bad(`needs alpha > 0 and beta > 0, got ${fmt(x)}, ${fmt(y)}`);
      return;
    case 'triangular':
    case 'pert':
      if (x !== undefined && y !== undefined && z !== undefined && !(x <= y && y <= z && x < z && Number.isFinite(x) && Number.isFinite(z))) {
        bad(`needs finite low <= mode <= high with low < high, got ${fmt(x)}, ${fmt(y)}, ${fmt(z)}`);
      }
      return;
  }
}

/** Fills out[start..end) with draws of `family` (arguments already checked). */
export function fillFamily(family: SampleFamily, args: readonly FamilyArg[], out: Float64Array, start: number, end: number, rng: RandomStream): void {
  switch (family) {
    case 'pointMass':
      fillCopy(args[0], out, start, end);
      return;
    case 'uniform':
      rng.fillUniform(out, start, end);
      affine(out, start, end, args[0], args[1], true);
      return;
    case 'normal':
      rng.fillNormal(out, start, end);
      affine(out, start, end, args[0], args[1], false);
      return;
    case 'lognormal':
      rng.fillNormal(out, start, end);
      affine(out, start, end, args[0], args[1], false);
      expInPlace(out, start, end);
      return;
    case 'to':
      rng.fillNormal(out, start, end);
      toInPlace(out, start, end, args[0], args[1]);
      return;
    case 'beta':
      fillBeta(out, start, end, args[0], args[1], rng);
      return;
    case 'triangular':
      rng.fillUniform(out, start, end);
      triangularInPlace(out, start, end, args[0], args[1], args[2]);
      return;
    case 'pert':
      fillPert(out, start, end, args[0], args[1], args[2], 4, rng);
      return;
  }
}

function fillCopy(v: FamilyArg, out: Float64Array, start: number, end: number): void {
  if (typeof v === 'number') out.fill(v, start, end);
  else out.set(v.subarray(start, end), start);
}

/**
 * out[i] = a + b * out[i] (normal: mean + sd * z), or for a uniform
 * (`span` true) low + (high - low) * u. Invalid per-index parameters give NaN.
 */
function affine(out: Float64Array, start: number, end: number, a: FamilyArg, b: FamilyArg, span: boolean): void {
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = span ? b - a : b;
    for (let i = start; i < end; i++) out[i] = a + scale * out[i];
    return;
  }
  const aa = typeof a === 'number' ? null : a, as = typeof a === 'number' ? a : 0;
  const ba = typeof b === 'number' ? null : b, bs = typeof b === 'number' ? b : 0;
  for (let i = start; i < end; i++) {
    const x = aa === null ? as : aa[i];
    const y = ba === null ? bs : ba[i];
    const scale = span ? y - x : y;
    out[i] = scale >= 0 ? x + scale * out[i] : NaN;
  }
}

function expInPlace(out: Float64Array, start: number, end: number): void {
  wasmExp(out, out, start, end);
}

function toInPlace(out: Float64Array, start: number, end: number, a: FamilyArg, b: FamilyArg): void {
  if (typeof a === 'number' && typeof b === 'number') {
    const { mu, sigma } = toLognormal(a, b);
    wasmLognormalInPlace(out, start, end, mu, sigma);
    return;
  }
  const aa = typeof a === 'number' ? null : a, as = typeof a === 'number' ? a : 0;
  const ba = typeof b === 'number' ? null : b, bs = typeof b === 'number' ? b : 0;
  const k = 1 / (2 * Z95);
  for (let i = start; i < end; i++) {
    const x = aa === null ? as : aa[i];
    const y = ba === null ? bs : ba[i];
    if (x > 0 && x < y && y < Infinity) {
      const la = Math.log(x), lb = Math.log(y);
      out[i] = (la + lb) / 2 + (lb - la) * k * out[i];
    } else {
      out[i] = NaN;
    }
  }
  wasmExp(out, out, start, end); // e^NaN is NaN
}

function triangularInPlace(out: Float64Array, start: number, end: number, lo: FamilyArg, mode: FamilyArg, hi: FamilyArg): void {
  const la = typeof lo === 'number' ? null : lo, ls = typeof lo === 'number' ? lo : 0;
  const ma = typeof mode === 'number' ? null : mode, ms = typeof mode === 'number' ? mode : 0;
  const ha = typeof hi === 'number' ? null : hi, hs = typeof hi === 'number' ? hi : 0;
  for (let i = start; i < end; i++) {
    const a = la === null ? ls : la[i];
    const c = ma === null ? ms : ma[i];
    const b = ha === null ? hs : ha[i];
    const u = out[i];
    if (!(a <= c && c <= b && a < b)) out[i] = NaN;
    else if (u * (b - a) < c - a) out[i] = a + Math.sqrt(u * (b - a) * (c - a));
    else out[i] = b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
}

/** One Gamma(shape, 1) draw by Marsaglia and Tsang; shape > 0. */
export function gammaDraw(shape: number, rng: RandomStream): number {
  if (shape < 1) return gammaDraw(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = rng.nextNormal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaDraw(a: number, b: number, rng: RandomStream): number {
  const x = gammaDraw(a, rng);
  const y = gammaDraw(b, rng);
  return x / (x + y);
}

function fillBeta(out: Float64Array, start: number, end: number, a: FamilyArg, b: FamilyArg, rng: RandomStream): void {
  const aa = typeof a === 'number' ? null : a, as = typeof a === 'number' ? a : 0;
  const ba = typeof b === 'number' ? null : b, bs = typeof b === 'number' ? b : 0;
  for (let i = start; i < end; i++) {
    const x = aa === null ? as : aa[i];
    const y = ba === null ? bs : ba[i];
    out[i] = x > 0 && y > 0 && x < Infinity && y < Infinity ? betaDraw(x, y, rng) : NaN;
  }
}

/** PERT(low, mode, high) with weight lambda (4 is the classic PERT) into out[start..end). */
export function fillPert(out: Float64Array, start: number, end: number, lo: FamilyArg, mode: FamilyArg, hi: FamilyArg, lambda: number, rng: RandomStream): void {
  const la = typeof lo === 'number' ? null : lo, ls = typeof lo === 'number' ? lo : 0;
  const ma = typeof mode === 'number' ? null : mode, ms = typeof mode === 'number' ? mode : 0;
  const ha = typeof hi === 'number' ? null : hi, hs = typeof hi === 'number' ? hi : 0;
  for (let i = start; i < end; i++) {
    const a = la === null ? ls : la[i];
    const c = ma === null ? ms : ma[i];
    const b = ha === null ? hs : ha[i];
    if (!(a <= c && c <= b && a < b)) {
      out[i] = NaN;
      continue;
    }
    const w = b - a;
    out[i] = a + w * betaDraw(1 + (lambda * (c - a)) / w, 1 + (lambda * (b - c)) / w, rng);
  }
}

function fmt(x: number | undefined): string {
  return x === undefined ? 'a sample set' : String(x);
}
