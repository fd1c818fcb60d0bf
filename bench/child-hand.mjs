// One measurement of the hand-written loop: one Float64Array per node of the
// model (all of them, used or not), a simple fast PRNG (xorshift128+, two
// normals per Box-Muller pair), then the same summaries as Shakeout: sort
// each output once, type 7 quantiles, mean, sd, a 20-bin histogram; cdf by
// counting. Single-threaded. argv: model (A|B) n seed protocol (see child-harness.mjs). Prints one JSON line.
import { measureLoop, parseProtocol, print } from './child-harness.mjs';

const [model, nText, seedText, protocolText] = process.argv.slice(2);
const n = Number(nText);

// xorshift128+ seeded by splitmix64 of the seed string's hash (32-bit halves for speed in JS).
let s0 = 0x9e3779b9 ^ hash(seedText), s1 = 0x243f6a88, s2 = 0xb7e15162, s3 = 0x7f4a7c15;
function hash(t) {
  let h = 2166136261;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
  return h >>> 0;
}
/** xoshiro128** : a uniform in [0, 1) with 32 bits. */
function uniform() {
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  const t = s1 << 9;
  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
  return (r >>> 0) / 4294967296;
}
function rotl(x, k) { return (x << k) | (x >>> (32 - k)); }
/** Fills out with N(mu, sd) draws by Box-Muller, both values of each pair. */
function fillNormal(out, mu, sd) {
  const len = out.length;
  for (let i = 0; i < len; i += 2) {
    const u = 1 - uniform(), v = uniform();
    const r = Math.sqrt(-2 * Math.log(u)), a = 2 * Math.PI * v;
    out[i] = mu + sd * r * Math.cos(a);
    if (i + 1 < len) out[i + 1] = mu + sd * r * Math.sin(a);
  }
  return out;
}
const Z95 = 1.6448536269514722;
/** `a to b`: lognormal with p5 = a, p95 = b. */
function fillTo(out, a, b) {
  const mu = (Math.log(a) + Math.log(b)) / 2, sigma = (Math.log(b) - Math.log(a)) / (2 * Z95);
  fillNormal(out, mu, sigma);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]);
  return out;
}
function q7(sorted, p) {
  const h = (sorted.length - 1) * p, lo = Math.floor(h);
  return lo + 1 >= sorted.length ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
function summary(x) {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - m) ** 2;
  const sorted = x.slice().sort();
  const lo = sorted[0], hi = sorted[sorted.length - 1], w = (hi - lo) / 20 || 1;
  const counts = new Array(20).fill(0);
  for (let i = 0; i < sorted.length; i++) counts[Math.min(19, Math.floor((sorted[i] - lo) / w))]++;
  return { mean: m, sd: Math.sqrt(v / (x.length - 1)), p5: q7(sorted, 0.05), p25: q7(sorted, 0.25), p50: q7(sorted, 0.5), p75: q7(sorted, 0.75), p95: q7(sorted, 0.95), counts };
}
function shareAtMost(x, c) {
  let k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] <= c) k++;
  return k / x.length;
}
const arr = () => new Float64Array(n);

function once() {
let check;
if (model === 'A') {
  const ios = fillTo(arr(), 11e6, 13e6);
  const android = fillTo(arr(), 2.5e6, 3.5e6);
  const price = 19.99;
  const subs = arr(), annual = arr();
  for (let i = 0; i < n; i++) subs[i] = (ios[i] + android[i]) / price;
  for (let i = 0; i < n; i++) annual[i] = subs[i] * price * 12;
  check = [summary(subs).p50, summary(annual).p50];
} else {
  const cash = fillTo(arr(), 1.2e9, 1.8e9);
  const monthly_burn = fillTo(arr(), 80e6, 150e6);
  const revenue0 = fillTo(arr(), 5e6, 15e6);
  const growth = fillNormal(arr(), 0.08, 0.03);
  const growth_factor = arr(), g12 = arr(), revenue12 = arr(), net_burn0 = arr(), net_burn12 = arr();
  const net_burn12_pos = arr(), runway_months = arr(), net_burn0_pos = arr(), runway_now = arr();
  const arr0 = arr(), arr12 = arr(), annual_burn = arr(), avg_net_burn = arr(), cash_after_12 = arr(), coverage12 = arr();
  for (let i = 0; i < n; i++) growth_factor[i] = 1 + growth[i];
  for (let i = 0; i < n; i++) g12[i] = growth_factor[i] ** 12;
  for (let i = 0; i < n; i++) revenue12[i] = revenue0[i] * g12[i];
  for (let i = 0; i < n; i++) net_burn0[i] = monthly_burn[i] - revenue0[i];
  for (let i = 0; i < n; i++) net_burn12[i] = monthly_burn[i] - revenue12[i];
  for (let i = 0; i < n; i++) net_burn12_pos[i] = Math.max(net_burn12[i], 1e6);
  for (let i = 0; i < n; i++) runway_months[i] = cash[i] / net_burn12_pos[i];
  for (let i = 0; i < n; i++) net_burn0_pos[i] = Math.max(net_burn0[i], 1e6);
  for (let i = 0; i < n; i++) runway_now[i] = cash[i] / net_burn0_pos[i];
  for (let i = 0; i < n; i++) arr0[i] = revenue0[i] * 12;
  for (let i = 0; i < n; i++) arr12[i] = revenue12[i] * 12;
  for (let i = 0; i < n; i++) annual_burn[i] = monthly_burn[i] * 12;
  for (let i = 0; i < n; i++) avg_net_burn[i] = (net_burn0[i] + net_burn12[i]) / 2;
  for (let i = 0; i < n; i++) cash_after_12[i] = cash[i] - avg_net_burn[i] * 12;
  for (let i = 0; i < n; i++) coverage12[i] = revenue12[i] / monthly_burn[i];
  const survival_24m = 1 - shareAtMost(runway_months, 24);
  const default_alive = shareAtMost(net_burn12, 0);
  check = [summary(runway_months).p50, survival_24m, default_alive];
}
return check;
}

print(await measureLoop(once, parseProtocol(protocolText), seedText));
