// The engine's hot loops as WebAssembly (AssemblyScript, compiled by
// `npm run build:wasm` into src/estimate/engine-wasm.ts; loaded by
// src/estimate/wasm-kernels.ts, which owns the memory layout's tables and
// copies samples in and out).
//
// Why WebAssembly: a one-shot `shakeout run` spends most of its engine time
// before V8's optimising compiler has compiled the JavaScript loops (each is
// interpreted, then compiled in the background, often twice: on-stack and
// whole). WebAssembly is compiled once, up front, in about a millisecond, so
// the first 100,000 samples run at compiled speed.
//
// Every function here gives the same bits as the JavaScript it replaced:
// the same operations in the same order (IEEE double arithmetic is the same
// in both; no fused multiply-add), 32-bit integer arithmetic that wraps as
// Math.imul and the bitwise operators do, and Math.log / Math.exp imported
// from JavaScript where the JavaScript called them.

@external("env", "log") declare function jsLog(x: f64): f64;
@external("env", "exp") declare function jsExp(x: f64): f64;
@external("env", "log10") declare function jsLog10(x: f64): f64;
@external("env", "pow") declare function jsPow(x: f64, y: f64): f64;

// Memory layout (bytes): the tables, filled by the JavaScript side at start
// (computed there, so every thread has the same values), then the random
// stream's state, then scratch for the miss list, then data from DATA on.
export const ZIG_X: usize = 0; // 257 f64: the ziggurat's layer widths (random-stream.ts)
export const ZIG_F: usize = 2056; // 257 f64: exp(-x^2 / 2) at each ZIG_X
export const EXP_TABLE: usize = 4112; // 256 f64: 2^(j / 256)
export const POW2: usize = 6160; // 2046 f64: 2^m for m = -1022..1023
export const STATE: usize = 22528; // 4 i32: xoshiro128** state s0..s3
export const MISSES: usize = 22544; // MISS_BLOCK i32: index and layer of each miss, packed
export const DATA: usize = 65536; // samples from here on

/** Indices per pass of the ziggurat's fast loop (its misses are then drawn in index order). */
export const MISS_BLOCK: i32 = 4096;
const ZIG_R: f64 = 3.6541528853610088;

let s0: i32 = 0, s1: i32 = 0, s2: i32 = 0, s3: i32 = 0;

@inline function rotl(x: i32, k: i32): i32 {
  return (x << k) | (<i32>(<u32>x >>> (32 - k)));
}

function nextUint32(): u32 {
  const r = rotl(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl(s3, 11);
  return <u32>r;
}

function nextDouble(): f64 {
  const a = nextUint32() >>> 5;
  const b = nextUint32() >>> 6;
  return (<f64>a * 67108864 + <f64>b + 0.5) * 1.1102230246251565e-16;
}

@inline function zigX(layer: i32): f64 {
  return load<f64>(ZIG_X + (<usize>layer << 3));
}

@inline function zigF(layer: i32): f64 {
  return load<f64>(ZIG_F + (<usize>layer << 3));
}

/** The ziggurat's rare cases: the tail beyond R (layer 0) and the wedges; then a fresh draw if rejected. */
function zigguratSlow(layer: i32, x: f64, negative: bool): f64 {
  while (true) {
    if (layer == 0) {
      // Marsaglia's tail method for |z| > R
      let tx: f64, ty: f64;
      do {
        tx = jsLog(nextDouble()) / ZIG_R;
        ty = jsLog(nextDouble());
      } while (-2 * ty < tx * tx);
      return negative ? tx - ZIG_R : ZIG_R - tx;
    }
    if (zigF(layer + 1) + (zigF(layer) - zigF(layer + 1)) * nextDouble() < jsExp(-0.5 * x * x)) {
      return negative ? -x : x;
    }
    const a = nextUint32();
    const b = nextUint32();
    layer = <i32>(a & 0xff);
    negative = (a & 0x100) != 0;
    x = (<f64>(a >>> 9) * 536870912 + <f64>(b >>> 3)) * 2.220446049250313e-16 * zigX(layer);
    if (x < zigX(layer + 1)) return negative ? -x : x;
  }
  return NaN; // not reached
}

/**
 * n standard normals into DATA + at (f64), from the stream whose state is at
 * STATE (read, then written back): the ziggurat of 256 layers (Doornik 2005),
 * each block of MISS_BLOCK draws by the fast test, then the block's misses in
 * index order by zigguratSlow.
 */
export function fillNormal(at: usize, n: i32): void {
  s0 = load<i32>(STATE); s1 = load<i32>(STATE, 4); s2 = load<i32>(STATE, 8); s3 = load<i32>(STATE, 12);
  const out = DATA + at;
  for (let from = 0; from < n; from += MISS_BLOCK) {
    const to = min(n, from + MISS_BLOCK);
    let misses = 0;
    for (let i = from; i < to; i++) {
      const a = <i32>nextUint32();
      const r = <i32>nextUint32();
      const layer = a & 0xff;
      const x = (<f64>(<u32>a >>> 9) * 536870912 + <f64>(<u32>r >>> 3)) * 2.220446049250313e-16 * zigX(layer);
      store<f64>(out + (<usize>i << 3), x * <f64>(1 - ((<i32>(<u32>a >>> 7)) & 2)));
      if (x >= zigX(layer + 1)) {
        store<i32>(MISSES + (<usize>misses << 2), (i << 9) | (a & 0x1ff));
        misses++;
      }
    }
    for (let m = 0; m < misses; m++) {
      const packed = load<i32>(MISSES + (<usize>m << 2));
      const i = <u32>packed >>> 9;
      const p = out + (<usize>i << 3);
      const x = load<f64>(p);
      store<f64>(p, zigguratSlow(packed & 0xff, x < 0 ? -x : x, (packed & 0x100) != 0));
    }
  }
  store<i32>(STATE, s0); store<i32>(STATE, s1, 4); store<i32>(STATE, s2, 8); store<i32>(STATE, s3, 12);
}

const ROUND: f64 = 6755399441055744; // 1.5 * 2^52
const INV_LN2_256: f64 = 256 / 0.6931471805599453;
const LN2_256_HI: f64 = 6.93147180369123816490e-1 / 256;
const LN2_256_LO: f64 = 1.90821492927058770002e-10 / 256;

/**
 * e^x for the engine's hot loops (lognormal draws, `exp`), about twice as
 * fast as Math.exp, within 3 ulp (measured against Math.exp in
 * src/estimate/wasm-kernels.test.ts: relative error below 7e-16): far below
 * what sampling error can see.
 *
 * Tang's table method: x = (256 m + j) ln2 / 256 + r with |r| <= ln2 / 512,
 * so e^x = 2^m * 2^(j/256) * e^r, where 2^(j/256) comes from a table, e^r - 1
 * from a degree-4 polynomial (truncation error below 4e-17), and 2^m from a
 * table of powers of two (both tables built in wasm-kernels.ts). ln2 / 256
 * is split in a high part with zeros in its low bits and a low part (Cody
 * and Waite; fdlibm's split of ln2 divided by 256 exactly), so r is exact to
 * rounding: LN2_256_HI has 32 significant bits, so k * LN2_256_HI is exact
 * for the |k| < 2^19 that arise. k is round(x * 256 / ln2) by the 1.5 * 2^52
 * trick (exact for |k| < 2^51). Outside (-708, 709), and for NaN, it defers
 * to Math.exp (overflow, underflow and subnormal results).
 */
@inline function fastExp(x: f64): f64 {
  if (!(x > -708 && x < 709)) return jsExp(x);
  const t = x * INV_LN2_256 + ROUND;
  const k = t - ROUND;
  const r = x - k * LN2_256_HI - k * LN2_256_LO;
  const ki = <i32>k;
  const tj = load<f64>(EXP_TABLE + (<usize>(ki & 255) << 3));
  const p = r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24))));
  return load<f64>(POW2 + (<usize>((ki >> 8) + 1022) << 3)) * (tj + tj * p);
}

/** x = e^(mu + sigma * x) for the n doubles at DATA + at. */
export function lognormalInPlace(at: usize, n: i32, mu: f64, sigma: f64): void {
  const p = DATA + at;
  for (let i = 0; i < n; i++) {
    const q = p + (<usize>i << 3);
    store<f64>(q, fastExp(mu + sigma * load<f64>(q)));
  }
}

// Summaries. Each pass reads n doubles at DATA + at and carries its running
// values in and out through the arguments and the `acc` doubles at DATA +
// accAt, so that a long array can be passed a chunk at a time in index order
// (a sum then adds in the same order as one pass would).

/** acc[0] += every value, acc[1] = min, acc[2] = max (ignoring NaN as < and > do), acc[3] += non-NaN count. */
export function sumAndExtremes(at: usize, n: i32, accAt: usize): void {
  const p = DATA + at, acc = DATA + accAt;
  let sum = load<f64>(acc), mn = load<f64>(acc, 8), mx = load<f64>(acc, 16), m = load<f64>(acc, 24);
  for (let i = 0; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    sum += v;
    if (v < mn) mn = v;
    if (v > mx) mx = v;
    m += <f64>(v == v);
  }
  store<f64>(acc, sum); store<f64>(acc, mn, 8); store<f64>(acc, mx, 16); store<f64>(acc, m, 24);
}

/** The sort key of a double (see select-quantiles.ts): its high 32 bits, all flipped if negative, else the sign bit flipped (as a signed int). */
@inline function key(v: f64): i32 {
  const h = <i32>(reinterpret<i64>(v) >> 32);
  return h ^ ((h >> 31) & 0x7fffffff);
}

/**
 * Counts the non-NaN values by bucket ((key - kmin) >>> shift, i32 counts at
 * DATA + countsAt) and returns ss plus the squared deviations from mean of
 * every value (NaN included, as SampleSet.variance sums them).
 */
export function countBucketsAndSquares(at: usize, n: i32, kmin: i32, shift: i32, mean: f64, ss: f64, countsAt: usize): f64 {
  const p = DATA + at, counts = DATA + countsAt;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    const d = v - mean;
    ss += d * d;
    if (v != v) continue;
    const c = counts + (<usize>(<u32>(key(v) - kmin) >>> shift) << 2);
    store<i32>(c, load<i32>(c) + 1);
  }
  return ss;
}

/** The bucket of a key, with keys beyond kmin..kmax in the first or the last. */
@inline function bucketOf(k: i32, kmin: i32, kmax: i32, shift: i32, last: i32): i32 {
  return k <= kmin ? 0 : k >= kmax ? last : <i32>(<u32>(k - kmin) >>> shift);
}

/** Counts the non-NaN values by bucket (bucketOf) into the i32 counts at DATA + countsAt. */
export function countBuckets(at: usize, n: i32, kmin: i32, kmax: i32, shift: i32, last: i32, countsAt: usize): void {
  const p = DATA + at, counts = DATA + countsAt;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    if (v != v) continue;
    const c = counts + (<usize>bucketOf(key(v), kmin, kmax, shift, last) << 2);
    store<i32>(c, load<i32>(c) + 1);
  }
}

/**
 * Copies each non-NaN value whose bucket has a slot (the i32 at DATA +
 * fillAt + 4 * bucket, >= 0: the next free index) to the f64 at DATA +
 * gatherAt + 8 * slot, and advances that slot.
 */
export function gatherBuckets(at: usize, n: i32, kmin: i32, kmax: i32, shift: i32, last: i32, fillAt: usize, gatherAt: usize): void {
  const p = DATA + at, fill = DATA + fillAt, gather = DATA + gatherAt;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    if (v != v) continue;
    const f = fill + (<usize>bucketOf(key(v), kmin, kmax, shift, last) << 2);
    const slot = load<i32>(f);
    if (slot >= 0) {
      store<f64>(gather + (<usize>slot << 3), v);
      store<i32>(f, slot + 1);
    }
  }
}

/**
 * Counts the values in [lo, hi] by bins of width w into the i32 counts at
 * DATA + countsAt (x = hi, a rounding up, an overflow to Infinity or a zero
 * width (NaN) in the last bin), and adds those below lo and above hi to the
 * two f64 at DATA + accAt (NaN in neither).
 */
export function countBetween(at: usize, n: i32, bins: i32, lo: f64, hi: f64, w: f64, countsAt: usize, accAt: usize): void {
  const p = DATA + at, counts = DATA + countsAt, acc = DATA + accAt;
  let below = load<f64>(acc), above = load<f64>(acc, 8);
  const fbins = <f64>bins;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    if (v >= lo && v <= hi) {
      const k = (v - lo) / w;
      const c = counts + (<usize>(k < fbins ? <i32>k : bins - 1) << 2);
      store<i32>(c, load<i32>(c) + 1);
    } else if (v < lo) below += 1;
    else if (v > hi) above += 1;
  }
  store<f64>(acc, below); store<f64>(acc, above, 8);
}

// Elementwise ops (src/estimate/elementwise.ts): the op's code is its index
// in the lists below (wasm-kernels.ts has the same lists); the result is
// written over the first array operand's window.

// add, sub, mul, div, pow, min, max
const ADD = 0, SUB = 1, MUL = 2, DIV = 3, POW = 4, MIN = 5, MAX = 6;
// neg, exp, log, log10, sqrt, abs
const NEG = 0, EXP = 1, LOG = 2, LOG10 = 3, SQRT = 4, ABS = 5;

/** x^y for an integer |y| <= 64 by repeated squaring (elementwise.ts powInt). */
@inline function powInt(x: f64, y: i32): f64 {
  let e = y < 0 ? -y : y;
  let r: f64 = 1;
  while (e > 0) {
    if (e & 1) r *= x;
    x *= x;
    e >>= 1;
  }
  return y < 0 ? 1 / r : r;
}

@inline function at8(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

/** a[i] = a[i] op b[i] over n doubles at DATA + aAt and DATA + bAt. */
export function binaryAA(op: i32, aAt: usize, bAt: usize, n: i32): void {
  const a = DATA + aAt, b = DATA + bAt;
  switch (op) {
    case ADD: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) + load<f64>(at8(b, i))); break;
    case SUB: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) - load<f64>(at8(b, i))); break;
    case MUL: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) * load<f64>(at8(b, i))); break;
    case DIV: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) / load<f64>(at8(b, i))); break;
    case POW: for (let i = 0; i < n; i++) store<f64>(at8(a, i), jsPow(load<f64>(at8(a, i)), load<f64>(at8(b, i)))); break;
    case MIN: for (let i = 0; i < n; i++) store<f64>(at8(a, i), min(load<f64>(at8(a, i)), load<f64>(at8(b, i)))); break;
    case MAX: for (let i = 0; i < n; i++) store<f64>(at8(a, i), max(load<f64>(at8(a, i)), load<f64>(at8(b, i)))); break;
  }
}

/** a[i] = a[i] op b over n doubles at DATA + aAt. */
export function binaryAN(op: i32, aAt: usize, b: f64, n: i32): void {
  const a = DATA + aAt;
  switch (op) {
    case ADD: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) + b); break;
    case SUB: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) - b); break;
    case MUL: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) * b); break;
    case DIV: for (let i = 0; i < n; i++) store<f64>(at8(a, i), load<f64>(at8(a, i)) / b); break;
    case POW:
      if (b == Math.floor(b) && b >= -64 && b <= 64) {
        const y = <i32>b;
        for (let i = 0; i < n; i++) store<f64>(at8(a, i), powInt(load<f64>(at8(a, i)), y));
      } else {
        for (let i = 0; i < n; i++) store<f64>(at8(a, i), jsPow(load<f64>(at8(a, i)), b));
      }
      break;
    case MIN: for (let i = 0; i < n; i++) store<f64>(at8(a, i), min(load<f64>(at8(a, i)), b)); break;
    case MAX: for (let i = 0; i < n; i++) store<f64>(at8(a, i), max(load<f64>(at8(a, i)), b)); break;
  }
}

/** b[i] = a op b[i] over n doubles at DATA + bAt. */
export function binaryNA(op: i32, a: f64, bAt: usize, n: i32): void {
  const b = DATA + bAt;
  switch (op) {
    case ADD: for (let i = 0; i < n; i++) store<f64>(at8(b, i), a + load<f64>(at8(b, i))); break;
    case SUB: for (let i = 0; i < n; i++) store<f64>(at8(b, i), a - load<f64>(at8(b, i))); break;
    case MUL: for (let i = 0; i < n; i++) store<f64>(at8(b, i), a * load<f64>(at8(b, i))); break;
    case DIV: for (let i = 0; i < n; i++) store<f64>(at8(b, i), a / load<f64>(at8(b, i))); break;
    case POW: for (let i = 0; i < n; i++) store<f64>(at8(b, i), jsPow(a, load<f64>(at8(b, i)))); break;
    case MIN: for (let i = 0; i < n; i++) store<f64>(at8(b, i), min(a, load<f64>(at8(b, i)))); break;
    case MAX: for (let i = 0; i < n; i++) store<f64>(at8(b, i), max(a, load<f64>(at8(b, i)))); break;
  }
}

/** a[i] = op(a[i]) over n doubles at DATA + aAt. */
export function unary(op: i32, aAt: usize, n: i32): void {
  const a = DATA + aAt;
  switch (op) {
    case NEG: for (let i = 0; i < n; i++) store<f64>(at8(a, i), -load<f64>(at8(a, i))); break;
    case EXP: for (let i = 0; i < n; i++) store<f64>(at8(a, i), fastExp(load<f64>(at8(a, i)))); break;
    case LOG: for (let i = 0; i < n; i++) store<f64>(at8(a, i), jsLog(load<f64>(at8(a, i)))); break;
    case LOG10: for (let i = 0; i < n; i++) store<f64>(at8(a, i), jsLog10(load<f64>(at8(a, i)))); break;
    case SQRT: for (let i = 0; i < n; i++) store<f64>(at8(a, i), sqrt(load<f64>(at8(a, i)))); break;
    case ABS: for (let i = 0; i < n; i++) store<f64>(at8(a, i), abs(load<f64>(at8(a, i)))); break;
  }
}
