#!/usr/bin/env node
// Benchmark of the survival simulation (issue 4): 10 companies x 10,000
// paths x 60 months, from the compiled dist/ (run `npm run build` first).
// Standalone: `node bench/survival.mjs [--paths N] [--months N] [--companies N] [--repeats N]`.
//
// It times Shakeout's simulateSurvival (typed arrays, one loop per company and
// month, no allocation per path) with and without the drivers (rank
// correlations), and a naive peer written the obvious way (one object per
// path, a method call per random draw, an array filter per month to count
// survivors) in the same process, on the same inputs and the same random
// numbers, checks that both give the same survival curves, and prints the
// median times and their ratio.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
if (!existsSync(join(dist, 'economics', 'index.js'))) {
  console.error('bench/survival.mjs: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const econ = await import(pathToFileURL(join(dist, 'economics', 'index.js')).href);
const est = await import(pathToFileURL(join(dist, 'estimate', 'index.js')).href);
const { simulateSurvival, companyStream, DEFAULT_ROUND_SIZE, DEFAULT_RAISE_TARGET_MONTHS, CLIMATES } = econ;
const { RandomStream, sampleSpec, seedKey } = est;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PATHS = opt('--paths', 10_000);
const MONTHS = opt('--months', 60);
const N = opt('--companies', 10);
const REPEATS = opt('--repeats', 5);
const CLIMATE = 'neutral';

const Z = 1.6448536269514722;
const logn = (p5, p95) => ({ family: 'lognormal', mu: (Math.log(p5) + Math.log(p95)) / 2, sigma: (Math.log(p95) - Math.log(p5)) / (2 * Z) });
const companies = Array.from({ length: N }, (_, i) => ({
  id: `company-${i}`,
  name: `Company ${i}`,
  cash: logn(2e8 * (1 + i), 9e8 * (1 + i)),
  revenue: logn(1e6 * (1 + i), 8e6 * (1 + i)),
  revenueGrowth: { family: 'normal', mean: 0.03 + 0.005 * i, sd: 0.03 },
  costs: logn(2e7 * (1 + i / 2), 6e7 * (1 + i / 2)),
  costGrowth: { family: 'normal', mean: 0.01, sd: 0.01 },
  fundability: 0.5 + (i % 4) * 0.5,
}));

/** The naive peer: same model, same draws, written with objects. */
function naiveSurvival({ companies, horizonMonths, paths, seed, climate }) {
  const t0 = performance.now();
  const key = seedKey(seed);
  const cl = CLIMATES[climate];
  const env = { sampleCount: paths, seed, threads: 1 };
  const out = [];
  for (const c of companies) {
    const base = companyStream(c.id);
    const draw = (spec, k) => sampleSpec(spec, env, base + k).samples;
    const [cash, rev, gRev, cost, gCost, size] = [draw(c.cash, 0), draw(c.revenue, 1), draw(c.revenueGrowth, 2), draw(c.costs, 3), draw(c.costGrowth, 4), draw(DEFAULT_ROUND_SIZE, 5)];
    const seeder = RandomStream.forChunk(key, base + 6, 0);
    const rng = new RandomStream(seeder.nextUint32(), seeder.nextUint32(), seeder.nextUint32(), seeder.nextUint32() | 1);
    const p = Math.min(1, cl.roundProbabilityPerMonth * (c.fundability ?? 1));
    const pInt = p >= 1 ? 4294967296 : Math.floor(p * 4294967296);
    const list = [];
    for (let i = 0; i < paths; i++) {
      list.push({
        cash: cash[i], revenue: Math.max(0, rev[i]), costs: Math.max(0, cost[i]),
        revenueGrowth: Math.max(0, 1 + gRev[i]), costGrowth: Math.max(0, 1 + gCost[i]),
        target: Math.max(0, size[i]) * DEFAULT_RAISE_TARGET_MONTHS * cl.sizeMultiplier,
        outMonth: cash[i] < 0 ? 0 : null, rounds: 0, raised: 0,
      });
    }
    const survival = [list.filter((x) => x.outMonth === null).length / paths];
    for (let m = 1; m <= horizonMonths; m++) {
      for (const path of list) {
        const r = rng.nextUint32();
        if (path.outMonth !== null) continue;
        const next = path.cash + path.revenue - path.costs;
        if (next < 0) {
          path.outMonth = m;
          continue;
        }
        path.cash = next;
        if (r < pInt && path.cash < path.target * path.costs) {
          path.raised += path.target * path.costs - path.cash;
          path.rounds += 1;
          path.cash = path.target * path.costs;
        }
        path.revenue *= path.revenueGrowth;
        path.costs *= path.costGrowth;
      }
      survival.push(list.filter((x) => x.outMonth === null).length / paths);
    }
    out.push({ id: c.id, survival });
  }
  return { companies: out, elapsedMs: performance.now() - t0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const options = { companies, horizonMonths: MONTHS, paths: PATHS, seed: 'bench', climate: CLIMATE };
// warm-up
simulateSurvival(options);
simulateSurvival({ ...options, drivers: false });
naiveSurvival(options);

const fast = [], fastNoDrivers = [], naive = [], fastCpu = [];
let same = true;
for (let k = 0; k < REPEATS; k++) {
  const c0 = process.cpuUsage();
  const a = simulateSurvival({ ...options, drivers: false });
  const c1 = process.cpuUsage(c0);
  fastNoDrivers.push(a.elapsedMs);
  fastCpu.push((c1.user + c1.system) / 1000);
  fast.push(simulateSurvival(options).elapsedMs);
  const b = naiveSurvival(options);
  naive.push(b.elapsedMs);
  for (let i = 0; i < companies.length; i++) {
    const x = a.companies[i].survival, y = b.companies[i].survival;
    for (let m = 0; m <= MONTHS; m++) if (x[m] !== y[m]) same = false;
  }
}
const f = median(fastNoDrivers), fd = median(fast), nv = median(naive);
console.log(`survival simulation: ${N} companies x ${PATHS} paths x ${MONTHS} months (${CLIMATE} climate), median of ${REPEATS} runs, Node ${process.version}`);
console.log(`  shakeout simulateSurvival             ${f.toFixed(1).padStart(8)} ms  (cpu ${median(fastCpu).toFixed(1)} ms)`);
console.log(`  shakeout simulateSurvival + drivers   ${fd.toFixed(1).padStart(8)} ms`);
console.log(`  naive peer (object per path)          ${nv.toFixed(1).padStart(8)} ms`);
console.log(`  naive / shakeout: ${(nv / f).toFixed(1)}x;  same survival curves: ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;
