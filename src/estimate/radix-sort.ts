/**
 * Sorting of Float64Arrays by least-significant-digit radix sort.
 *
 * A double's bits, with the sign bit flipped for positives and all bits
 * flipped for negatives, sort as unsigned 64-bit integers in numeric order
 * (-Infinity < ... < -0 < +0 < ... < +Infinity). Six stable passes of 11 bits
 * each (one histogram pass for all six; passes where every key has the same
 * digit are skipped) sort n doubles in O(n). Measured on 1e6 lognormal
 * samples: about 50-80 ms against 130-160 ms for Float64Array.prototype.sort,
 * so the engine sorts this way; below SMALL values the native sort wins.
 */

const SMALL = 4096;
const BITS = 11;
const RADIX = 1 << BITS;
const DIGIT = RADIX - 1;

/**
 * Sorts the non-NaN values of src[start..end) ascending into out[outStart..]
 * and returns how many were written (end - start minus the NaNs).
 */
export function sortInto(src: Float64Array, start: number, end: number, out: Float64Array, outStart: number): number {
  let m = 0;
  for (let i = start; i < end; i++) {
    const v = src[i];
    if (v === v) out[outStart + m++] = v;
  }
  if (m < SMALL) {
    out.subarray(outStart, outStart + m).sort();
    return m;
  }
  // The values move as doubles (never NaN here); the digits come from their
  // bits read through a Uint32Array view, flipped on the fly.
  const a = out.subarray(outStart, outStart + m);
  const au = new Uint32Array(out.buffer, out.byteOffset + outStart * 8, 2 * m);
  const b = new Float64Array(m);
  const bu = new Uint32Array(b.buffer);
  const h = new Uint32Array(6 * RADIX);
  for (let i = 0; i < m; i++) {
    const hi = au[2 * i + 1];
    const mask = hi >> 31;
    const lo = au[2 * i] ^ mask;
    const hk = hi ^ (mask | 0x80000000);
    h[lo & DIGIT]++;
    h[RADIX + ((lo >>> BITS) & DIGIT)]++;
    h[2 * RADIX + (lo >>> (2 * BITS))]++;
    h[3 * RADIX + (hk & DIGIT)]++;
    h[4 * RADIX + ((hk >>> BITS) & DIGIT)]++;
    h[5 * RADIX + (hk >>> (2 * BITS))]++;
  }
  let fF: Float64Array = a, fU: Uint32Array = au, tF: Float64Array = b, tU: Uint32Array = bu;
  for (let p = 0; p < 6; p++) {
    if (!prefix(h, p, m)) continue;
    const off = p * RADIX, shift = (p % 3) * BITS;
    if (p < 3) {
      for (let i = 0; i < m; i++) {
        const k = ((fU[2 * i] ^ (fU[2 * i + 1] >> 31)) >>> shift) & DIGIT;
        tF[h[off + k]++] = fF[i];
      }
    } else {
      for (let i = 0; i < m; i++) {
        const hi = fU[2 * i + 1];
        const k = ((hi ^ ((hi >> 31) | 0x80000000)) >>> shift) & DIGIT;
        tF[h[off + k]++] = fF[i];
      }
    }
    const t1 = fF; fF = tF; tF = t1;
    const t2 = fU; fU = tU; tU = t2;
  }
  if (fF !== a) a.set(fF);
  return m;
}

/** The non-NaN values of src[start..end), sorted ascending, in a new array. */
export function sortFloat64(src: Float64Array, start = 0, end = src.length): Float64Array {
  const out = new Float64Array(end - start);
  const m = sortInto(src, start, end, out, 0);
  return m === out.length ? out : out.slice(0, m);
}

/** Merges two ascending runs into a new array. */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  const na = a.length, nb = b.length;
  while (i < na && j < nb) {
    const x = a[i], y = b[j];
    if (y < x) { out[k++] = y; j++; } else { out[k++] = x; i++; }
  }
  while (i < na) out[k++] = a[i++];
  while (j < nb) out[k++] = b[j++];
  return out;
}

/**
 * The permutation that sorts values ascending: order[k] is the index of the
 * k-th smallest. Stable (ties keep index order); NaNs come last.
 */
export function argsortFloat64(values: Float64Array): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  if (n < SMALL) {
    for (let i = 0; i < n; i++) order[i] = i;
    const idx = Array.from(order);
    idx.sort((x, y) => {
      const a = values[x], b = values[y];
      if (a !== a) return b !== b ? x - y : 1;
      if (b !== b) return -1;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    order.set(idx);
    return order;
  }
  const len = 2 * n;
  const keys = new Uint32Array(len);
  keys.set(new Uint32Array(values.buffer, values.byteOffset, len));
  for (let i = 0; i < len; i += 2) {
    const hi = keys[i + 1];
    const lo = keys[i];
    // NaN: exponent all ones and a non-zero mantissa, either sign.
    if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) !== 0 || lo !== 0)) {
      keys[i] = 0xffffffff;
      keys[i + 1] = 0xffffffff;
    } else if (hi & 0x80000000) {
      keys[i] = ~lo;
      keys[i + 1] = ~hi;
    } else {
      keys[i + 1] = hi | 0x80000000;
    }
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const h = histograms(keys, len);
  let fk: Uint32Array = keys, fo: Uint32Array = order;
  let tk: Uint32Array = new Uint32Array(len), to: Uint32Array = new Uint32Array(n);
  for (let p = 0; p < 6; p++) {
    if (!prefix(h, p, n)) continue;
    const off = p * RADIX, word = p < 3 ? 0 : 1, shift = (p % 3) * BITS;
    for (let i = 0; i < n; i++) {
      const j = h[off + ((fk[2 * i + word] >>> shift) & DIGIT)]++;
      tk[2 * j] = fk[2 * i];
      tk[2 * j + 1] = fk[2 * i + 1];
      to[j] = fo[i];
    }
    const t1 = fk; fk = tk; tk = t1;
    const t2 = fo; fo = to; to = t2;
  }
  return fo;
}

/** Six digit histograms of the keys (pairs lo, hi) in one pass. */
function histograms(a: Uint32Array, len: number): Uint32Array {
  const h = new Uint32Array(6 * RADIX);
  for (let i = 0; i < len; i += 2) {
    const lo = a[i], hi = a[i + 1];
    h[lo & DIGIT]++;
    h[RADIX + ((lo >>> BITS) & DIGIT)]++;
    h[2 * RADIX + (lo >>> (2 * BITS))]++;
    h[3 * RADIX + (hi & DIGIT)]++;
    h[4 * RADIX + ((hi >>> BITS) & DIGIT)]++;
    h[5 * RADIX + (hi >>> (2 * BITS))]++;
  }
  return h;
}

/** Turns histogram p into start offsets; false when one digit holds all n keys (the pass is skipped). */
function prefix(h: Uint32Array, p: number, n: number): boolean {
  const off = p * RADIX;
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = h[off + d];
    if (c === n) return false;
    h[off + d] = sum;
    sum += c;
  }
  return true;
}
