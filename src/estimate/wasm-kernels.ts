import { ENGINE_WASM } from './engine-wasm.js';
import type { KeyBuckets } from './select-quantiles.js';

/**
 * The engine's hot loops, compiled to WebAssembly from assembly/engine.ts
 * (AssemblyScript; `npm run build:wasm` writes the bytes into
 * engine-wasm.ts): the normal draws of the ziggurat (under normal,
 * lognormal and `a to b`), e^x for lognormal draws, the elementwise
 * arithmetic of a model (+ - * / ^ min max, neg exp log log10 sqrt abs), and
 * the passes of a summary (sum and extremes, the quantiles' bucket counts
 * and gather, the histogram's counts).
 *
 * Why: a one-shot `shakeout run` at 1e5 samples spent most of its engine
 * time before V8's optimising compiler had compiled these loops (each ran
 * interpreted while it compiled in the background, often twice: on stack and
 * whole, about 90 ms of compiling for model A). WebAssembly compiles once,
 * up front, in about a millisecond; the loops then run compiled from the
 * first sample. Same bits as the JavaScript they replaced: the same IEEE
 * operations in the same order, Math.log and Math.exp imported where the
 * JavaScript called them (wasm-kernels.test.ts holds digests of the old
 * output).
 *
 * Samples stay in JavaScript Float64Arrays (shared between threads); each
 * call copies them through a window of {@link WINDOW} doubles in the
 * module's own memory, a thread's own instance. A pass over a long array
 * goes window by window in index order, carrying its running values (a sum
 * adds in the same order as one loop would).
 */

// The little of the WebAssembly API used here (TypeScript declares it in the DOM library only).
interface WasmGlobal { readonly value: number }
interface WasmMemory { readonly buffer: ArrayBuffer; grow(pages: number): number }
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}
const WebAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface EngineExports {
  readonly memory: WasmMemory;
  readonly ZIG_X: WasmGlobal;
  readonly ZIG_F: WasmGlobal;
  readonly EXP_TABLE: WasmGlobal;
  readonly POW2: WasmGlobal;
  readonly STATE: WasmGlobal;
  readonly DATA: WasmGlobal;
  readonly MISS_BLOCK: WasmGlobal;
  fillNormal(at: number, n: number): void;
  lognormalInPlace(at: number, n: number, mu: number, sigma: number): void;
  unary(op: number, at: number, n: number): void;
  binaryAA(op: number, aAt: number, bAt: number, n: number): void;
  binaryAN(op: number, aAt: number, b: number, n: number): void;
  binaryNA(op: number, a: number, bAt: number, n: number): void;
  sumAndExtremes(at: number, n: number, accAt: number): void;
  countBucketsAndSquares(at: number, n: number, kmin: number, shift: number, mean: number, ss: number, countsAt: number): number;
  countBuckets(at: number, n: number, kmin: number, kmax: number, shift: number, last: number, countsAt: number): void;
  gatherBuckets(at: number, n: number, kmin: number, kmax: number, shift: number, last: number, fillAt: number, gatherAt: number): void;
  countBetween(at: number, n: number, bins: number, lo: number, hi: number, w: number, countsAt: number, accAt: number): void;
}

/** Doubles per copy into the module's memory (64 kB: stays in cache); a multiple of the ziggurat's block. */
const WINDOW = 8192;
/** Offsets from DATA: the window, a second for a second operand, then running values, then counts (at most 2^12 + 1 buckets), then gathered values. */
const WIN_AT = 0;
const WIN_B_AT = WINDOW * 8;
const ACC_AT = 2 * WINDOW * 8;
const COUNTS_AT = ACC_AT + 64;
const GATHER_AT = COUNTS_AT + 4 * 4104;
/** A thread keeps its instance while its memory is at most this large; a larger one (a big gather) is let go after use. */
const KEEP_BYTES = 32 * 1024 * 1024;


class Kernels {
  readonly x: EngineExports;
  private readonly data: number;
  private bytes = 0;
  private f64 = new Float64Array(0);
  private i32 = new Int32Array(0);

  constructor() {
    const bytes = Buffer.from(ENGINE_WASM, 'base64');
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { log: Math.log, exp: Math.exp, log10: Math.log10, pow: Math.pow } });
    this.x = instance.exports as EngineExports;
    this.data = this.x.DATA.value;
    if (WINDOW % (this.x.MISS_BLOCK.value) !== 0) throw new Error('internal: the copy window must hold whole ziggurat blocks');
    this.reserve(GATHER_AT);
    const t = buildTables();
    this.f64.set(t.zigX, this.x.ZIG_X.value / 8);
    this.f64.set(t.zigF, this.x.ZIG_F.value / 8);
    this.f64.set(t.expTable, this.x.EXP_TABLE.value / 8);
    this.f64.set(t.pow2, this.x.POW2.value / 8);
  }

  /** Makes the memory hold `bytes` past DATA (growing it), and refreshes the views. */
  reserve(bytes: number): void {
    const mem = this.x.memory;
    const need = this.data + bytes;
    if (need > mem.buffer.byteLength) mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
    if (mem.buffer.byteLength !== this.bytes) {
      this.bytes = mem.buffer.byteLength;
      this.f64 = new Float64Array(mem.buffer);
      this.i32 = new Int32Array(mem.buffer);
    }
  }

  get large(): boolean {
    return this.bytes > KEEP_BYTES;
  }

  /** The doubles at DATA + at, as a view (valid until the memory grows). */
  doubles(at: number, n: number): Float64Array {
    const i = (this.data + at) / 8;
    return this.f64.subarray(i, i + n);
  }

  ints(at: number, n: number): Int32Array {
    const i = (this.data + at) / 4;
    return this.i32.subarray(i, i + n);
  }

  state(): Int32Array {
    const i = (this.x.STATE.value) / 4;
    return this.i32.subarray(i, i + 4);
  }
}

let kernels: Kernels | null = null;

/** This thread's instance, made on first use. */
function engine(): Kernels {
  return (kernels ??= new Kernels());
}

/** Lets a thread's instance go when a call grew its memory past KEEP_BYTES. */
function release(k: Kernels): void {
  if (k.large && kernels === k) kernels = null;
}

/**
 * Standard normals into out[start..end) from the xoshiro128** state `s`
 * (four int32, advanced in place): the ziggurat of RandomStream.fillNormal.
 */
export function wasmFillNormal(s: Int32Array, out: Float64Array, start: number, end: number): void {
  const k = engine();
  const st = k.state();
  st.set(s);
  for (let from = start; from < end; from += WINDOW) {
    const n = Math.min(WINDOW, end - from);
    k.x.fillNormal(WIN_AT, n);
    out.set(k.doubles(WIN_AT, n), from);
  }
  s.set(st);
}

/** out[i] = e^(mu + sigma * out[i]) over [start, end) (e^x within 3 ulp: see assembly/engine.ts fastExp). */
export function wasmLognormalInPlace(out: Float64Array, start: number, end: number, mu: number, sigma: number): void {
  const k = engine();
  inPlace(k, out, out, start, end, (n) => k.x.lognormalInPlace(WIN_AT, n, mu, sigma));
}

/** out[from..] = f(a[from..]) window by window over [start, end): a's window copied in, f run on it in place, copied out. */
function inPlace(k: Kernels, out: Float64Array, a: Float64Array, start: number, end: number, f: (n: number) => void): void {
  for (let from = start; from < end; from += WINDOW) {
    const n = Math.min(WINDOW, end - from);
    k.doubles(WIN_AT, n).set(a.subarray(from, from + n));
    f(n);
    out.set(k.doubles(WIN_AT, n), from);
  }
}

/** Codes of the elementwise ops, in the order of assembly/engine.ts. */
const UNARY = { neg: 0, exp: 1, log: 2, log10: 3, sqrt: 4, abs: 5 } as const;
const BINARY = { add: 0, sub: 1, mul: 2, div: 3, pow: 4, min: 5, max: 6 } as const;

/**
 * out[i] = op(a[i]) over [start, end) (out may be a). `exp` is e^x within 3
 * ulp, about twice as fast as Math.exp (see assembly/engine.ts fastExp);
 * log and log10 are Math's.
 */
export function wasmUnary(op: keyof typeof UNARY, out: Float64Array, a: Float64Array, start: number, end: number): void {
  const k = engine();
  const code = UNARY[op];
  inPlace(k, out, a, start, end, (n) => k.x.unary(code, WIN_AT, n));
}

/** out[i] = e^a[i] over [start, end) (out may be a). */
export function wasmExp(out: Float64Array, a: Float64Array, start: number, end: number): void {
  wasmUnary('exp', out, a, start, end);
}

/**
 * out[i] = a[i] op b[i] over [start, end), one operand possibly a number (the
 * same at every index). JavaScript's semantics: x / 0 is +-Infinity, min and
 * max of NaN are NaN, pow is Math.pow except an integer exponent |b| <= 64
 * of a number, by repeated squaring (elementwise.ts power).
 */
export function wasmBinary(op: keyof typeof BINARY, out: Float64Array, a: Float64Array | number, b: Float64Array | number, start: number, end: number): void {
  const k = engine();
  const code = BINARY[op];
  for (let from = start; from < end; from += WINDOW) {
    const n = Math.min(WINDOW, end - from);
    if (typeof a === 'number') {
      if (typeof b === 'number') throw new Error('internal: an elementwise op needs an array operand');
      k.doubles(WIN_B_AT, n).set(b.subarray(from, from + n));
      k.x.binaryNA(code, a, WIN_B_AT, n);
      out.set(k.doubles(WIN_B_AT, n), from);
      continue;
    }
    k.doubles(WIN_AT, n).set(a.subarray(from, from + n));
    if (typeof b === 'number') k.x.binaryAN(code, WIN_AT, b, n);
    else {
      k.doubles(WIN_B_AT, n).set(b.subarray(from, from + n));
      k.x.binaryAA(code, WIN_AT, WIN_B_AT, n);
    }
    out.set(k.doubles(WIN_AT, n), from);
  }
}

/** Calls `pass(n)` for each window of x in index order, with the window's values copied in. */
function eachWindow(k: Kernels, x: Float64Array, pass: (n: number) => void): void {
  for (let from = 0; from < x.length; from += WINDOW) {
    const n = Math.min(WINDOW, x.length - from);
    k.doubles(WIN_AT, n).set(x.subarray(from, from + n));
    pass(n);
  }
}

/** [sum of all values in index order, min, max (NaN ignored), count of non-NaN values]. */
export function wasmSumAndExtremes(x: Float64Array): [number, number, number, number] {
  const k = engine();
  const acc = k.doubles(ACC_AT, 4);
  acc.set([0, Infinity, -Infinity, 0]);
  eachWindow(k, x, (n) => k.x.sumAndExtremes(WIN_AT, n, ACC_AT));
  return [acc[0]!, acc[1]!, acc[2]!, acc[3]!];
}

/**
 * Adds the non-NaN values of x to `counts` by bucket ((key - kmin) >>> shift,
 * no clamping: kmin and kmax must be the keys of the extremes) and returns
 * the sum of squared deviations from `mean` of every value, in index order.
 */
export function wasmCountBucketsAndSquares(x: Float64Array, b: KeyBuckets, mean: number, counts: Int32Array): number {
  const k = engine();
  const c = k.ints(COUNTS_AT, b.count);
  c.set(counts);
  let ss = 0;
  eachWindow(k, x, (n) => (ss = k.x.countBucketsAndSquares(WIN_AT, n, b.kmin, b.shift, mean, ss, COUNTS_AT)));
  counts.set(c);
  return ss;
}

/** The non-NaN values of x counted by bucket, keys beyond kmin..kmax in the first or the last bucket. */
export function wasmCountBuckets(x: Float64Array, b: KeyBuckets): Int32Array {
  const k = engine();
  const c = k.ints(COUNTS_AT, b.count);
  c.fill(0);
  eachWindow(k, x, (n) => k.x.countBuckets(WIN_AT, n, b.kmin, b.kmax, b.shift, b.count - 1, COUNTS_AT));
  return c.slice();
}

/** The non-NaN values of the buckets with slot[bucket] >= 0, copied to a new array of `size`, bucket by bucket from its slot on. */
export function wasmGatherBuckets(x: Float64Array, b: KeyBuckets, slot: Int32Array, size: number): Float64Array {
  const k = engine();
  try {
    k.reserve(GATHER_AT + 8 * size);
    k.ints(COUNTS_AT, b.count).set(slot);
    eachWindow(k, x, (n) => k.x.gatherBuckets(WIN_AT, n, b.kmin, b.kmax, b.shift, b.count - 1, COUNTS_AT, GATHER_AT));
    return k.doubles(GATHER_AT, size).slice();
  } finally {
    release(k);
  }
}

/** Counts of x in [lo, hi] by `bins` bins of width w (x = hi in the last), and those below and above (NaN in neither). */
export function wasmCountBetween(x: Float64Array, bins: number, lo: number, hi: number, w: number): { counts: number[]; below: number; above: number } {
  const k = engine();
  k.reserve(COUNTS_AT + 4 * bins);
  k.ints(COUNTS_AT, bins).fill(0);
  const acc = k.doubles(ACC_AT, 2);
  acc.set([0, 0]);
  eachWindow(k, x, (n) => k.x.countBetween(WIN_AT, n, bins, lo, hi, w, COUNTS_AT, ACC_AT));
  return { counts: Array.from(k.ints(COUNTS_AT, bins)), below: acc[0]!, above: acc[1]! };
}

/**
 * The module's tables, built on first use (ARCHITECTURE.md: no tables at
 * the top level), with the same arithmetic on every thread.
 *
 * Ziggurat tables for 256 layers of exp(-x^2 / 2) (Doornik 2005): R is the
 * start of the tail, V the area of each layer; ZIG_X[0] = V / f(R) is the
 * base layer's pseudo-width, ZIG_X[1] = R, ZIG_X[i + 1] = f^-1(f(ZIG_X[i]) + V / ZIG_X[i]),
 * ZIG_X[256] = 0, and ZIG_F[i] = f(ZIG_X[i]) (R is also in assembly/engine.ts).
 *
 * fastExp's tables (Tang's method: x = (256 m + j) ln2 / 256 + r, so
 * e^x = 2^m * 2^(j/256) * e^r): 2^(j/256) for j = 0..255, and 2^m for
 * m = -1022..1023 at index m + 1022.
 */
function buildTables(): { zigX: Float64Array; zigF: Float64Array; expTable: Float64Array; pow2: Float64Array } {
  const R = 3.6541528853610088;
  const V = 0.00492867323399;
  const f = (x: number): number => Math.exp(-0.5 * x * x);
  const zigX = new Float64Array(257);
  const zigF = new Float64Array(257);
  zigX[0] = V / f(R);
  zigX[1] = R;
  for (let i = 2; i < 256; i++) zigX[i] = Math.sqrt(-2 * Math.log(f(zigX[i - 1]!) + V / zigX[i - 1]!));
  zigX[256] = 0;
  for (let i = 0; i <= 256; i++) zigF[i] = f(zigX[i]!);
  const expTable = new Float64Array(256);
  for (let j = 0; j < 256; j++) expTable[j] = 2 ** (j / 256);
  const pow2 = new Float64Array(2046);
  for (let m = -1022; m <= 1023; m++) pow2[m + 1022] = 2 ** m;
  return { zigX, zigF, expTable, pow2 };
}
