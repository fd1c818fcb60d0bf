#!/usr/bin/env node
// The engine's kernels against their plain peers, side by side, best of many
// repetitions (node bench/kernels.mjs; also run by npm run bench). From dist/.
//   normals:   ziggurat fillNormal          vs Box-Muller on the same generator
//   exp:       e^x in WebAssembly (wasmExp) vs Math.exp in a JavaScript loop
//   quantiles: quantilesOf (bucket select)  vs selection on a copy, vs a sort
//   summary:   SampleSet.summaryParts(20)   vs mean, sd, sort, quantiles, histogram
import { existsSync } from 'node:fs';

const dist = new URL('../dist/estimate/', import.meta.url);
if (!existsSync(new URL('index.js', dist))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(2);
}
const E = await import(new URL('index.js', dist).href);
const { RandomStream, seedKey, CHUNK_SIZE } = await import(new URL('random-stream.js', dist).href);
const { wasmExp } = await import(new URL('wasm-kernels.js', dist).href);
const { quantilesOf, selectQuantiles } = await import(new URL('select-quantiles.js', dist).href);
const { fillFamily } = await import(new URL('sample-family.js', dist).href);

const n = 100_000;
const PS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const key = seedKey('kernels');

/** Best time of `reps` runs of f, in ms. */
function best(f, reps = 200) {
  let b = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    f(r);
    b = Math.min(b, performance.now() - t);
  }
  return b;
}
const line = (what, a, aName, b, bName) =>
  console.log(`  ${what.padEnd(10)} ${aName.padEnd(28)} ${a.toFixed(3).padStart(8)} ms   ${bName.padEnd(30)} ${b.toFixed(3).padStart(8)} ms   ${(b / a).toFixed(1)}x`);

console.log(`Kernels at ${n.toLocaleString('en')} samples, best of 200 runs each, Node ${process.version}`);

const out = new Float64Array(n);
const chunks = Math.ceil(n / CHUNK_SIZE);
const zig = best((r) => { for (let c = 0; c < chunks; c++) RandomStream.forChunk(key, r, c).fillNormal(out, c * CHUNK_SIZE, Math.min(n, (c + 1) * CHUNK_SIZE)); });
const boxMuller = best((r) => {
  for (let c = 0; c < chunks; c++) {
    const rng = RandomStream.forChunk(key, r, c);
    const end = Math.min(n, (c + 1) * CHUNK_SIZE);
    for (let i = c * CHUNK_SIZE; i < end; i += 2) {
      const u = rng.nextDouble(), v = rng.nextDouble();
      const m = Math.sqrt(-2 * Math.log(u));
      out[i] = m * Math.cos(2 * Math.PI * v);
      if (i + 1 < end) out[i + 1] = m * Math.sin(2 * Math.PI * v);
    }
  }
});
line('normals', zig, 'ziggurat (fillNormal)', boxMuller, 'Box-Muller, same generator');

const src = Float64Array.from({ length: n }, (_, i) => 16 + Math.sin(i));
const fast = best(() => wasmExp(out, src, 0, n));
const math = best(() => { for (let i = 0; i < n; i++) out[i] = Math.exp(src[i]); });
line('exp', fast, 'wasmExp (table method)', math, 'Math.exp');

const x = new Float64Array(n);
for (let c = 0; c < chunks; c++) fillFamily('to', [11e6, 13e6], x, c * CHUNK_SIZE, Math.min(n, (c + 1) * CHUNK_SIZE), RandomStream.forChunk(key, 1, c));
const bucket = best(() => quantilesOf(x, PS));
const select = best(() => selectQuantiles(x.slice(), PS), 100);
const sort = best(() => x.slice().sort(), 30);
line('quantiles', bucket, 'quantilesOf (bucket select)', select, 'Floyd-Rivest on a copy');
line('', bucket, 'quantilesOf (bucket select)', sort, 'copy and sort');

const parts = best(() => new E.SampleSet(x).summaryParts(20), 100);
const plain = best(() => {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - mean) ** 2;
  const sorted = x.slice().sort();
  const q = PS.map((p) => sorted[Math.floor((n - 1) * p)]);
  const w = (q[6] - q[0]) / 20, counts = new Array(20).fill(0);
  for (let i = 0; i < n; i++) { const k = Math.floor((x[i] - q[0]) / w); if (k >= 0 && k < 20) counts[k]++; }
  return [mean, Math.sqrt(v / (n - 1)), q, counts];
}, 30);
line('summary', parts, 'summaryParts(20), 4 passes', plain, 'two passes, sort, histogram');
