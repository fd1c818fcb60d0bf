import { lognormalFromCi, ShakeoutError, throwIfAborted, type DistSpec } from '../../core/index.js';
import { pearson, RandomStream, sampleSpec, seedKey, streamOf, yieldToEventLoop, type Env } from '../../estimate/index.js';
import { PATH_INPUTS, type CompanyInputs, type PathInput, type PathValues } from './company-inputs.js';
import { resolveClimate, type ClimateName, type FundingClimate } from './funding-climate.js';

export interface SurvivalOptions {
  readonly companies: readonly CompanyInputs[];
  /** Months simulated (1 to 600). */
  readonly horizonMonths: number;
  /** Paths per company (1 to 1,000,000). */
  readonly paths: number;
  readonly seed: string | number;
  readonly climate: ClimateName | FundingClimate;
  /**
   * A company seeks money when its cash is below this many months of its
   * current costs, and a round brings its cash up to that level (times the
   * path's round-size factor and the climate's size multiplier). Default 18.
   */
  readonly raiseTargetMonths?: number;
  /** The round-size factor drawn once per path; default lognormal with p5 0.5 and p95 2. */
  readonly roundSize?: DistSpec;
  /** Compute the drivers (rank correlations); default true. */
  readonly drivers?: boolean;
  /**
   * Stops the simulation between months (of all paths of a company): it
   * throws a ShakeoutError of code 'aborted' (or the signal's reason when
   * that is a ShakeoutError, such as a time limit). An abort from outside
   * (a request, a timer) arrives while it runs through
   * {@link simulateSurvivalYielding}, which `analyzeSurvival` uses when
   * given a signal.
   */
  readonly signal?: AbortSignal;
  /** Called after each company's month, with the company-months done and their total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** How much one per-path input drives a company's risk. */
export interface SurvivalDriver {
  readonly input: PathInput;
  /**
   * Spearman rank correlation of the input with the month of running out
   * (paths that survive count as horizon + 1), over the first
   * {@link DRIVER_PATHS} paths: positive means more of the input keeps the
   * company alive longer.
   */
  readonly spearman: number;
}

/** The simulation's result for one company. */
export interface CompanySurvival {
  readonly id: string;
  readonly name: string;
  /** S(t) for t = 0..horizon: the share of paths with cash >= 0 through month t. */
  readonly survival: Float64Array;
  /** P(out of cash within 12, 24, 36 months); null beyond the horizon. */
  readonly pOutWithin: { readonly 12: number | null; readonly 24: number | null; readonly 36: number | null };
  /** The month by which half the paths have run out; null when more than half survive the horizon ('beyond horizon'). */
  readonly medianMonthOut: number | null;
  /** Mean number of rounds closed per path, and mean money raised per path (USD). */
  readonly meanRounds: number;
  readonly meanRaised: number;
  /** Inputs by how strongly they drive the month of running out, strongest first; empty when not computed. */
  readonly drivers: readonly SurvivalDriver[];
}

export interface SurvivalResult {
  readonly horizonMonths: number;
  readonly paths: number;
  readonly seed: string | number;
  readonly climate: FundingClimate;
  readonly raiseTargetMonths: number;
  /** In the order given. */
  readonly companies: readonly CompanySurvival[];
  /** Company ids, best first: by P(survive 24 months) (or the horizon when shorter), then by S at the horizon, then the median month out. */
  readonly ranking: readonly string[];
  /** Wall time of the simulation, in milliseconds. */
  readonly elapsedMs: number;
}

/** Default round-size factor: lognormal, p5 0.5, p95 2 (median 1). */
export const DEFAULT_ROUND_SIZE: DistSpec = lognormalFromCi(0.5, 2);
export const DEFAULT_RAISE_TARGET_MONTHS = 18;

/**
 * The shakeout, month by month. For each company and path, with inputs drawn
 * once per path (cash, revenue and its monthly growth, costs and their
 * monthly growth, a round-size factor):
 *
 *   cash += revenue - costs
 *   out of cash (cash < 0): the company is out at this month, for good
 *   else, with chance p = climate chance x fundability (capped at 1), a
 *   round: cash = max(cash, target), target = raiseTargetMonths x costs x
 *   round-size factor x climate size multiplier (a company above its target
 *   does not seek money; one below it raises up to it)
 *   revenue *= 1 + revenue growth; costs *= 1 + cost growth
 *
 * Revenue and costs are floored at 0, growth factors at 0.
 *
 * Monotone by construction, so with common random numbers (same seed) more
 * cash or more revenue never lowers survival and a colder climate (lower
 * chance, smaller rounds) never raises it, path by path: each month's update
 * is non-decreasing in cash, revenue, the chance and the target.
 *
 * Deterministic under a seed: each company's draws come from the streams of
 * `survival/<company id>/<input>` ({@link streamOf}; so they do not change
 * when other companies are added), the monthly draws from the stream of
 * `survival/<company id>/months`, stepped once per path and month. Fast: one typed-array loop per company and month, no allocation
 * per path.
 *
 * @example
 * simulateSurvival({ companies: [acme], horizonMonths: 60, paths: 10_000, seed: 1, climate: 'cold' }).companies[0].pOutWithin[24];
 */
export function simulateSurvival(options: SurvivalOptions): SurvivalResult {
  const steps = survivalSteps(options);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** Path-months (paths x months of one company) a cancellable simulation computes between two yields to the event loop: a few milliseconds. */
export const YIELD_PATH_MONTHS = 1 << 18;

/**
 * {@link simulateSurvival} that yields to the event loop every
 * {@link YIELD_PATH_MONTHS} path-months, so that an abort (a DELETE of the
 * run, a client gone, a time limit) reaches `options.signal` while it runs
 * rather than at its end. The same bits as {@link simulateSurvival}: both
 * run the same steps, this one awaiting between them.
 */
export async function simulateSurvivalYielding(options: SurvivalOptions): Promise<SurvivalResult> {
  const steps = survivalSteps(options);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    await yieldToEventLoop();
  }
}

/** The simulation as steps: it pauses (yields) every {@link YIELD_PATH_MONTHS} path-months; the months check `options.signal`. */
function* survivalSteps(options: SurvivalOptions): Generator<void, SurvivalResult, void> {
  const t0 = performance.now();
  const { horizonMonths: horizon, paths } = options;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 600) throw survivalError('horizonMonths', `horizon must be a whole number of months from 1 to 600, got ${horizon}`);
  if (!Number.isInteger(paths) || paths < 1 || paths > 1_000_000) throw survivalError('paths', `paths must be a whole number from 1 to 1,000,000, got ${paths}`);
  if (!options.companies.length) throw survivalError('companies', 'no companies to simulate');
  const ids = new Set<string>();
  for (const c of options.companies) {
    if (ids.has(c.id)) throw survivalError('companies', `company ${c.id} is listed twice`);
    ids.add(c.id);
  }
  const climate = resolveClimate(options.climate);
  const target = options.raiseTargetMonths ?? DEFAULT_RAISE_TARGET_MONTHS;
  if (!(target >= 0 && Number.isFinite(target))) throw survivalError('raiseTargetMonths', `raiseTargetMonths must be a finite number >= 0, got ${target}`);
  const roundSize = options.roundSize ?? DEFAULT_ROUND_SIZE;
  const env: Env = { sampleCount: paths, seed: options.seed, threads: 1 };
  const key = seedKey(options.seed);

  // Work arrays, shared by the companies.
  const cash = new Float64Array(paths);
  const rev = new Float64Array(paths);
  const cost = new Float64Array(paths);
  const gRev = new Float64Array(paths);
  const gCost = new Float64Array(paths);
  const size = new Float64Array(paths);
  const rng = new Int32Array(4);
  const rounds = new Float64Array(paths);
  const raised = new Float64Array(paths);

  const totalMonths = options.companies.length * horizon;
  let monthsDone = 0;
  let sinceYield = 0;
  const results: CompanySurvival[] = [];
  for (const company of options.companies) {
    const draws: Record<PathInput, Float64Array> = {
      cash: draw(company.cash, env, 'cash', company.id),
      revenue: draw(company.revenue, env, 'revenue', company.id),
      revenueGrowth: draw(company.revenueGrowth, env, 'revenueGrowth', company.id),
      costs: draw(company.costs, env, 'costs', company.id),
      costGrowth: draw(company.costGrowth, env, 'costGrowth', company.id),
      roundSize: draw(roundSize, env, 'roundSize', company.id),
    };
    const fundability = company.fundability ?? 1;
    if (!(fundability >= 0 && Number.isFinite(fundability))) throw survivalError('fundability', `${company.id}: fundability must be a finite number >= 0, got ${fundability}`);
    const p = Math.min(1, climate.roundProbabilityPerMonth * fundability);
    const sizeK = target * climate.sizeMultiplier;
    const out = new Float64Array(paths).fill(horizon + 1);
    const survivors = new Float64Array(horizon + 1);
    let alive = 0;
    for (let i = 0; i < paths; i++) {
      const c0 = draws.cash[i]!;
      cash[i] = c0;
      rev[i] = Math.max(0, draws.revenue[i]!);
      cost[i] = Math.max(0, draws.costs[i]!);
      gRev[i] = Math.max(0, 1 + draws.revenueGrowth[i]!);
      gCost[i] = Math.max(0, 1 + draws.costGrowth[i]!);
      size[i] = Math.max(0, draws.roundSize[i]!) * sizeK;
      rounds[i] = 0;
      raised[i] = 0;
      if (c0 < 0) out[i] = 0;
      else alive++;
    }
    survivors[0] = alive;
    // The monthly draws: one xoshiro128** stream per company, seeded from the
    // engine's stream (seed, company), stepped once per path and month (also
    // for paths already out, so a draw's position never depends on the others).
    const seeder = RandomStream.forChunk(key, streamOf(`survival/${company.id}/months`), 0);
    rng[0] = seeder.nextUint32() | 0;
    rng[1] = seeder.nextUint32() | 0;
    rng[2] = seeder.nextUint32() | 0;
    rng[3] = seeder.nextUint32() | 1;
    // A round comes when the path's 32-bit draw is below p x 2^32.
    const pInt = p >= 1 ? 4294967296 : Math.floor(p * 4294967296);
    for (let m = 1; m <= horizon; m++) {
      throwIfAborted(options.signal, 'the survival simulation');
      alive = stepMonth(m, horizon, paths, pInt, cash, rev, cost, gRev, gCost, size, out, rounds, raised, rng, alive);
      survivors[m] = alive;
      options.onProgress?.(++monthsDone, totalMonths);
      if ((sinceYield += paths) >= YIELD_PATH_MONTHS) {
        sinceYield = 0;
        yield;
      }
    }
    const survival = new Float64Array(horizon + 1);
    for (let m = 0; m <= horizon; m++) survival[m] = survivors[m]! / paths;
    let median: number | null = null;
    for (let m = 0; m <= horizon; m++) {
      if (survival[m]! <= 0.5) {
        median = m;
        break;
      }
    }
    const within = (t: number): number | null => (t <= horizon ? 1 - survival[t]! : null);
    const drivers: SurvivalDriver[] = options.drivers === false || paths < 3 ? [] : rankDrivers(draws, out, horizon);
    results.push({
      id: company.id,
      name: company.name,
      survival,
      pOutWithin: { 12: within(12), 24: within(24), 36: within(36) },
      medianMonthOut: median,
      meanRounds: mean(rounds),
      meanRaised: mean(raised),
      drivers,
    });
  }

  const at = Math.min(24, horizon);
  const ranking = [...results]
    .sort((a, b) =>
      b.survival[at]! - a.survival[at]! ||
      b.survival[horizon]! - a.survival[horizon]! ||
      (b.medianMonthOut ?? Infinity) - (a.medianMonthOut ?? Infinity) ||
      a.name.localeCompare(b.name))
    .map((r) => r.id);
  return { horizonMonths: horizon, paths, seed: options.seed, climate, raiseTargetMonths: target, companies: results, ranking, elapsedMs: performance.now() - t0 };
}

/**
 * One month for every path of a company (the hot loop: typed arrays only,
 * no allocation, the generator inlined with its state in locals). Returns
 * the number of paths still alive.
 */
function stepMonth(
  m: number, horizon: number, paths: number, pInt: number,
  cash: Float64Array, rev: Float64Array, cost: Float64Array, gRev: Float64Array, gCost: Float64Array,
  size: Float64Array, out: Float64Array, rounds: Float64Array, raised: Float64Array, rng: Int32Array, alive: number,
): number {
  let s0 = rng[0]!, s1 = rng[1]!, s2 = rng[2]!, s3 = rng[3]!;
  for (let i = 0; i < paths; i++) {
    // xoshiro128** (Blackman and Vigna), as in estimate's RandomStream
    let r = Math.imul(s1, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
    if (out[i]! <= horizon) continue;
    const costNow = cost[i]!;
    let c = cash[i]! + rev[i]! - costNow;
    if (c < 0) {
      out[i] = m;
      alive--;
      continue;
    }
    if (r < pInt) {
      const x = size[i]! * costNow;
      if (c < x) {
        raised[i] = raised[i]! + (x - c);
        rounds[i] = rounds[i]! + 1;
        c = x;
      }
    }
    cash[i] = c;
    rev[i] = rev[i]! * gRev[i]!;
    cost[i] = costNow * gCost[i]!;
  }
  rng[0] = s0; rng[1] = s1; rng[2] = s2; rng[3] = s3;
  return alive;
}

/** A company's draws of an input: the draws given, else the spec drawn from the stream of `survival/<company id>/<input>`. */
function draw(spec: PathValues, env: Env, name: PathInput, company: string): Float64Array {
  if (spec instanceof Float64Array) {
    if (spec.length !== env.sampleCount) throw survivalError(name, `${company}: ${name}: expected one draw per path (${env.sampleCount}), got ${spec.length}`);
    return spec;
  }
  try {
    return sampleSpec(spec, env, streamOf(`survival/${company}/${name}`)).samples;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw survivalError(name, `${company}: ${name}: ${why}`);
  }
}

/** Paths the drivers are computed on (the first ones): a rank correlation's standard error is then about 1 / sqrt(4000) ≈ 0.016. */
export const DRIVER_PATHS = 4000;

function rankDrivers(draws: Record<PathInput, Float64Array>, out: Float64Array, horizon: number): SurvivalDriver[] {
  const n = Math.min(out.length, DRIVER_PATHS);
  const y = monthRanks(out.subarray(0, n), horizon);
  return PATH_INPUTS.map((input) => {
    const x = draws[input].subarray(0, n);
    const rho = hasNaN(x) ? NaN : pearson(ranksBySearch(x), y);
    return { input, spearman: Number.isNaN(rho) ? 0 : rho };
  }).sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman) || a.input.localeCompare(b.input));
}

/** Ranks (ties averaged, as `ranks` does) of months 0..horizon + 1, by counting: no sort. */
function monthRanks(out: Float64Array, horizon: number): Float64Array {
  const counts = new Float64Array(horizon + 2);
  for (let i = 0; i < out.length; i++) counts[out[i]!]!++;
  const avg = new Float64Array(horizon + 2);
  let below = 0;
  for (let m = 0; m <= horizon + 1; m++) {
    avg[m] = below + (counts[m]! + 1) / 2;
    below += counts[m]!;
  }
  const r = new Float64Array(out.length);
  for (let i = 0; i < out.length; i++) r[i] = avg[out[i]!]!;
  return r;
}

/**
 * Ranks from 1 to n with ties averaged (the same as estimate's `ranks`) by a
 * native sort of a copy and two binary searches per value: faster than an
 * argsort at the sizes the drivers use. No NaNs.
 */
function ranksBySearch(x: Float64Array): Float64Array {
  const sorted = Float64Array.from(x).sort();
  const n = x.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    let up = lo, top = n;
    while (up < top) {
      const mid = (up + top) >>> 1;
      if (sorted[mid]! <= v) up = mid + 1;
      else top = mid;
    }
    r[i] = (lo + 1 + up) / 2;
  }
  return r;
}

function hasNaN(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

function survivalError(path: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_survival_input', path: [path], message }], status: 400 });
}
