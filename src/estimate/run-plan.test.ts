import { afterAll, describe, expect, it } from 'vitest';
import { spearman } from './correlation.js';
import { EstimateError } from './estimate-error.js';
import type { BinaryOp, NodeId, Plan, PlanNode } from './plan.js';
import { runPlan, runPlanOn, runPlanSync, type PlanResult, type TaskRunner } from './run-plan.js';
import { SampleSet } from './sample-set.js';
import { closeWorkerPool, workerScriptPath, type WorkerReply, type WorkerTask } from './worker-pool.js';

/** A tiny plan builder for the tests. */
function builder() {
  const nodes: PlanNode[] = [];
  const add = (n: PlanNode): NodeId => nodes.push(n) - 1;
  const c = (value: number): NodeId => add({ kind: 'const', value });
  return {
    nodes, add, c,
    to: (a: number, b: number) => add({ kind: 'sample', family: 'to', args: [c(a), c(b)] }),
    normal: (m: number, s: number) => add({ kind: 'sample', family: 'normal', args: [c(m), c(s)] }),
    uniform: (a: number, b: number) => add({ kind: 'sample', family: 'uniform', args: [c(a), c(b)] }),
    bin: (op: BinaryOp, left: NodeId, right: NodeId) => add({ kind: 'binary', op, left, right }),
    cdf: (arg: NodeId, x: number) => add({ kind: 'reduce', op: 'cdf', arg, param: c(x) }),
    plan: (outputs: Record<string, NodeId>): Plan => ({ nodes, outputs: Object.entries(outputs).map(([name, node]) => ({ name, node })) }),
  };
}

const set = (r: PlanResult, name: string): SampleSet => {
  const v = r.outputs.find((o) => o.name === name)!.value;
  if (!(v instanceof SampleSet)) throw new Error(`${name} is not a sample set`);
  return v;
};
const num = (r: PlanResult, name: string): number => {
  const v = r.outputs.find((o) => o.name === name)!.value;
  if (typeof v !== 'number') throw new Error(`${name} is not a number`);
  return v;
};

/** True when two arrays hold the same bits (fast, unlike a deep equality on 1e5 elements). */
const sameBits = (a: Float64Array, b: Float64Array): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** Model A of issue 3. */
function modelA(): Plan {
  const b = builder();
  const ios = b.to(11e6, 13e6), android = b.to(2.5e6, 3.5e6), price = b.c(19.99);
  const subs = b.bin('div', b.bin('add', ios, android), price);
  const annual = b.bin('mul', b.bin('mul', subs, price), b.c(12));
  return b.plan({ subs, annual });
}

/** Model B of issue 3 (21 nodes besides constants). */
function modelB(): Plan {
  const b = builder();
  const cash = b.to(1.2e9, 1.8e9), burn = b.to(80e6, 150e6), rev0 = b.to(5e6, 15e6), growth = b.normal(0.08, 0.03);
  const g12 = b.bin('pow', b.bin('add', b.c(1), growth), b.c(12));
  const rev12 = b.bin('mul', rev0, g12);
  const nb0 = b.bin('sub', burn, rev0), nb12 = b.bin('sub', burn, rev12);
  const runway = b.bin('div', cash, b.bin('max', nb12, b.c(1e6)));
  b.bin('div', cash, b.bin('max', nb0, b.c(1e6)));
  const avg = b.bin('div', b.bin('add', nb0, nb12), b.c(2));
  const cashAfter = b.bin('sub', cash, b.bin('mul', avg, b.c(12)));
  const survival = b.bin('sub', b.c(1), b.cdf(runway, 24));
  const alive = b.cdf(nb12, 0);
  return b.plan({ runway_months: runway, survival_24m: survival, default_alive: alive, cash_after_12: cashAfter, cash, burn, rev0, growth });
}

afterAll(async () => {
  await closeWorkerPool();
});

describe('runPlan: semantics', () => {
  it('combines index by index: a - a is exactly 0 and a / a exactly 1', () => {
    const b = builder();
    const a = b.to(1, 100);
    const r = runPlanSync(b.plan({ zero: b.bin('sub', a, a), one: b.bin('div', a, a) }), { sampleCount: 5000, seed: 1 });
    expect(set(r, 'zero').samples.every((v) => v === 0)).toBe(true);
    expect(set(r, 'one').samples.every((v) => v === 1)).toBe(true);
  });

  it('keeps scalars combined with scalars scalar', () => {
    const b = builder();
    const x = b.bin('mul', b.bin('add', b.c(2), b.c(3)), b.c(4));
    const y = b.add({ kind: 'unary', op: 'sqrt', arg: x });
    const r = runPlanSync(b.plan({ x, y, p: b.add({ kind: 'compare', op: 'lt', left: b.c(1), right: b.c(2) }) }), { sampleCount: 100, seed: 1 });
    expect(num(r, 'x')).toBe(20);
    expect(num(r, 'y')).toBe(Math.sqrt(20));
    expect(num(r, 'p')).toBe(1);
  });

  it('unary ops, min and max elementwise; division by zero is Infinity and log of a negative NaN', () => {
    const b = builder();
    const u = b.uniform(-1, 1);
    const r = runPlanSync(b.plan({
      u, neg: b.add({ kind: 'unary', op: 'neg', arg: u }), abs: b.add({ kind: 'unary', op: 'abs', arg: u }),
      lg: b.add({ kind: 'unary', op: 'log', arg: u }), mx: b.bin('max', u, b.c(0)), mn: b.bin('min', b.c(0), u),
      inf: b.bin('div', b.add({ kind: 'unary', op: 'exp', arg: u }), b.c(0)),
    }), { sampleCount: 4000, seed: 2 });
    const x = set(r, 'u').samples;
    for (let i = 0; i < x.length; i++) {
      expect(set(r, 'neg').samples[i]).toBe(-x[i]!);
      expect(set(r, 'abs').samples[i]).toBe(Math.abs(x[i]!));
      expect(set(r, 'mx').samples[i]).toBe(Math.max(x[i]!, 0));
      expect(set(r, 'mn').samples[i]).toBe(Math.min(x[i]!, 0));
    }
    expect(set(r, 'inf').samples.every((v) => v === Infinity)).toBe(true);
    const lg = set(r, 'lg');
    const negatives = x.filter((v) => v < 0).length;
    expect(lg.nanCount).toBe(negatives);
    expect(lg.summary().nanCount).toBeGreaterThan(1000);
  });

  it('compare gives the probability of the event', () => {
    const b = builder();
    const u = b.uniform(0, 1);
    const v = b.uniform(0, 1);
    const n = 100_000;
    const r = runPlanSync(b.plan({
      lt: b.add({ kind: 'compare', op: 'lt', left: u, right: b.c(0.3) }),
      gt: b.add({ kind: 'compare', op: 'gt', left: b.c(0.3), right: u }),
      ge: b.add({ kind: 'compare', op: 'ge', left: u, right: v }),
      self: b.add({ kind: 'compare', op: 'le', left: u, right: u }),
    }), { sampleCount: n, seed: 3 });
    const tol = (p: number): number => 4 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(num(r, 'lt') - 0.3)).toBeLessThan(tol(0.3));
    expect(num(r, 'gt')).toBe(num(r, 'lt'));
    expect(Math.abs(num(r, 'ge') - 0.5)).toBeLessThan(tol(0.5));
    expect(num(r, 'self')).toBe(1);
  });

  it('mixture picks components with the normalised weights', () => {
    const b = builder();
    const m = b.add({ kind: 'mixture', components: [b.c(0), b.c(1), b.normal(10, 1)], weights: [2, 6, 0] });
    const n = 100_000;
    const r = runPlanSync(b.plan({ m }), { sampleCount: n, seed: 4 });
    const x = set(r, 'm').samples;
    const ones = x.filter((v) => v === 1).length / n;
    expect(Math.abs(ones - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / n));
    expect(x.every((v) => v === 0 || v === 1)).toBe(true);
  });

  it('mixture of sample sets keeps each component\'s draw at the index', () => {
    const b = builder();
    const a = b.normal(0, 1), c = b.normal(100, 1);
    const m = b.add({ kind: 'mixture', components: [a, c], weights: [1, 1] });
    const r = runPlanSync(b.plan({ a, c, m }), { sampleCount: 2000, seed: 5 });
    const [xa, xc, xm] = [set(r, 'a').samples, set(r, 'c').samples, set(r, 'm').samples];
    for (let i = 0; i < 2000; i++) expect(xm[i] === xa[i] || xm[i] === xc[i]).toBe(true);
  });

  it('truncate keeps samples in bounds, redrawing from the in-range ones', () => {
    const b = builder();
    const x = b.normal(0, 1);
    const t = b.add({ kind: 'truncate', arg: x, low: -0.5, high: Infinity });
    const r = runPlanSync(b.plan({ x, t }), { sampleCount: 50_000, seed: 6 });
    const xs = set(r, 'x').samples, ts = set(r, 't').samples;
    expect(ts.every((v) => v >= -0.5)).toBe(true);
    for (let i = 0; i < xs.length; i++) if (xs[i]! >= -0.5) expect(ts[i]).toBe(xs[i]);
    // E[Z | Z > -0.5] = phi(0.5) / (1 - Phi(-0.5)) = 0.3520653267642995 / 0.6914624612740131
    const sd = set(r, 't').sd();
    expect(Math.abs(set(r, 't').mean() - 0.3520653267642995 / 0.6914624612740131)).toBeLessThan(4 * sd / Math.sqrt(50_000 * 0.69));
  });

  it('truncate with no sample in range is an EstimateError', () => {
    const b = builder();
    const t = b.add({ kind: 'truncate', arg: b.uniform(0, 1), low: 2, high: 3 });
    expect(() => runPlanSync(b.plan({ t }), { sampleCount: 1000, seed: 1 })).toThrow(/keeps no sample/);
  });

  it('correlate induces the rank correlation and keeps the marginal', () => {
    const b = builder();
    const x = b.to(1, 10), y = b.normal(0, 1);
    const cx = b.add({ kind: 'correlate', arg: x, with: y, rho: 0.6 });
    const r = runPlanSync(b.plan({ x, y, cx }), { sampleCount: 100_000, seed: 7 });
    expect(Math.abs(spearman(set(r, 'cx').samples, set(r, 'y').samples) - 0.6)).toBeLessThan(0.02);
    expect(sameBits(set(r, 'cx').sorted(), set(r, 'x').sorted())).toBe(true);
  });

  it('reduce gives scalars: mean, sd, quantile, cdf; and they feed later elementwise nodes', () => {
    const b = builder();
    const x = b.uniform(0, 10);
    const mean = b.add({ kind: 'reduce', op: 'mean', arg: x });
    const sd = b.add({ kind: 'reduce', op: 'sd', arg: x });
    const q = b.add({ kind: 'reduce', op: 'quantile', arg: x, param: b.c(0.9) });
    const cdf = b.cdf(x, 2.5);
    const centred = b.bin('sub', x, mean);
    const n = 100_000;
    const r = runPlanSync(b.plan({ x, mean, sd, q, cdf, centred }), { sampleCount: n, seed: 8 });
    expect(num(r, 'mean')).toBe(set(r, 'x').mean());
    expect(Math.abs(num(r, 'mean') - 5)).toBeLessThan(4 * Math.sqrt(100 / 12 / n));
    expect(num(r, 'sd')).toBe(set(r, 'x').sd());
    expect(num(r, 'q')).toBe(set(r, 'x').quantile(0.9));
    expect(num(r, 'cdf')).toBe(set(r, 'x').cdf(2.5));
    expect(Math.abs(set(r, 'centred').mean())).toBeLessThan(1e-9);
  });

  it('11M to 13M is Lognormal(16.296932873094228, 0.05078083603486877)', () => {
    const b = builder();
    const r = runPlanSync(b.plan({ x: b.to(11e6, 13e6) }), { sampleCount: 200_000, seed: 9 });
    const logs = new Float64Array(set(r, 'x').samples.map(Math.log));
    const s = new SampleSet(logs);
    expect(Math.abs(s.mean() - 16.296932873094228)).toBeLessThan(4 * 0.05078083603486877 / Math.sqrt(200_000));
    expect(Math.abs(s.sd() - 0.05078083603486877)).toBeLessThan(4 * 0.05078083603486877 / Math.sqrt(2 * 200_000));
  });

  it('the mean of (11M to 13M + 2.5M to 3.5M) / 19.99 is 747,736 within sampling error at 1e6', async () => {
    const r = await runPlan(modelA(), { sampleCount: 1_000_000, seed: 'reference' });
    const subs = set(r, 'subs');
    // tolerance: 4 standard errors of the mean, sd / sqrt(n) with sd about 34,000
    expect(Math.abs(subs.mean() - 747_736)).toBeLessThan(4 * subs.sd() / 1000);
  });
});

describe('runPlan: determinism', () => {
  it('the same seed gives the same bits; a different seed different samples', () => {
    const env = { sampleCount: 40_000, seed: 'det' };
    const a = runPlanSync(modelB(), env), b = runPlanSync(modelB(), env);
    expect(sameBits(set(a, 'runway_months').samples, set(b, 'runway_months').samples)).toBe(true);
    expect(num(a, 'survival_24m')).toBe(num(b, 'survival_24m'));
    const c = runPlanSync(modelB(), { ...env, seed: 'other' });
    expect(sameBits(set(c, 'runway_months').samples, set(a, 'runway_months').samples)).toBe(false);
  });

  it('runPlan and runPlanSync agree on small runs', async () => {
    const env = { sampleCount: 20_000, seed: 3 };
    expect(sameBits(set(await runPlan(modelA(), env), 'annual').samples, set(runPlanSync(modelA(), env), 'annual').samples)).toBe(true);
  });

  it('a prefix of the samples does not depend on the sample count beyond a chunk', () => {
    const a = runPlanSync(modelA(), { sampleCount: 40_000, seed: 1 });
    const b = runPlanSync(modelA(), { sampleCount: 20_000, seed: 1 });
    expect(sameBits(set(a, 'subs').samples.subarray(0, 16_384), set(b, 'subs').samples.subarray(0, 16_384))).toBe(true);
  });

  it("keep: 'outputs' computes intermediate nodes chunk by chunk, with the same outputs bit for bit", async () => {
    for (const plan of [modelA(), modelB()]) {
      const env = { sampleCount: 50_001, seed: 'keep' };
      const all = runPlanSync(plan, env);
      const lean = runPlanSync(plan, env, { keep: 'outputs' });
      for (const o of all.outputs) {
        const x = o.value, y = lean.outputs.find((p) => p.name === o.name)!.value;
        if (typeof x === 'number') expect(y).toBe(x);
        else expect(sameBits((y as SampleSet).samples, x.samples)).toBe(true);
      }
      const outputs = new Set(plan.outputs.map((o) => o.node));
      const dropped = lean.values.flatMap((v, k) => (v === undefined ? [k] : []));
      expect(dropped.length).toBeGreaterThan(0);
      for (const k of dropped) {
        expect(outputs.has(k)).toBe(false);
        expect(all.values[k]).toBeInstanceOf(SampleSet);
      }
      const threaded = await runPlan(plan, { ...env, threads: 2 }, { keep: 'outputs' });
      for (const o of threaded.outputs) {
        const x = all.outputs.find((p) => p.name === o.name)!.value;
        if (typeof x === 'number') expect(o.value).toBe(x);
        else expect(sameBits((o.value as SampleSet).samples, x.samples)).toBe(true);
      }
    }
  });

  it('reports progress chunk by chunk up to the whole run, on one thread and on two', async () => {
    for (const threads of [1, 2]) {
      const seen: [number, number][] = [];
      await runPlan(modelB(), { sampleCount: 200_000, seed: 'p', threads }, { onProgress: (d, t) => seen.push([d, t]) });
      const total = seen[0]![1];
      expect(seen.every(([, t]) => t === total)).toBe(true);
      expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
      expect(seen[seen.length - 1]![0]).toBe(total);
      if (threads === 1) expect(seen.length).toBeGreaterThan(10);
    }
  });

  const hasWorker = workerScriptPath() !== null;
  it.skipIf(!hasWorker)('threads 1 and 2 give bit-identical results (needs `npm run build`)', async () => {
    for (const plan of [modelA(), modelB()]) {
      const env = { sampleCount: 300_001, seed: 'threads' };
      const one = await runPlan(plan, { ...env, threads: 1 });
      const two = await runPlan(plan, { ...env, threads: 2 });
      expect(one.threads).toBe(1);
      expect(two.threads).toBe(2);
      for (let k = 0; k < one.values.length; k++) {
        const x = one.values[k]!, y = two.values[k]!;
        if (typeof x === 'number') expect(y).toBe(x);
        else {
          expect(sameBits((y as SampleSet).samples, x.samples)).toBe(true);
          expect(sameBits((y as SampleSet).sorted(), x.sorted())).toBe(true);
        }
      }
      for (const o of two.outputs) if (o.value instanceof SampleSet) expect(o.value.isSorted).toBe(true);
      // summaries computed in a worker (SampleSet.summaryParts) are those of this thread
      const fresh = await runPlan(plan, { ...env, threads: 2 });
      const alone = runPlanSync(plan, env);
      for (const o of fresh.outputs) {
        const mine = alone.outputs.find((p) => p.name === o.name)!.value;
        if (o.value instanceof SampleSet) expect(o.value.summary()).toEqual((mine as SampleSet).summary());
      }
    }
  });

  it.skipIf(!hasWorker)('threads 2 with correlate, truncate and mixture matches threads 1', async () => {
    const b = builder();
    const x = b.to(1, 10), y = b.normal(0, 1);
    const cx = b.add({ kind: 'correlate', arg: x, with: y, rho: -0.4 });
    const t = b.add({ kind: 'truncate', arg: y, low: -1, high: 1 });
    const m = b.add({ kind: 'mixture', components: [cx, t], weights: [0.3, 0.7] });
    const z = b.bin('add', m, b.add({ kind: 'reduce', op: 'mean', arg: cx }));
    const plan = b.plan({ z });
    const env = { sampleCount: 100_000, seed: 'mixed' };
    const one = await runPlan(plan, { ...env, threads: 1 });
    const two = await runPlan(plan, { ...env, threads: 2 });
    expect(sameBits(set(two, 'z').samples, set(one, 'z').samples)).toBe(true);
  });
});

describe('runPlan: counting nodes (comparisons and cdf in the parallel step)', () => {
  /** x has NaNs (log of a normal), y is another sample set; every comparison form, and cdfs. */
  function countingPlan() {
    const b = builder();
    const x = b.add({ kind: 'unary', op: 'log', arg: b.normal(1, 1) });
    const y = b.uniform(-1, 1.5);
    const cmp = (op: 'lt' | 'le' | 'gt' | 'ge', left: NodeId, right: NodeId) => b.add({ kind: 'compare', op, left, right });
    const half = b.c(0.5);
    const counts = {
      xLtHalf: cmp('lt', x, half), halfLeX: cmp('le', half, x), xGtY: cmp('gt', x, y), yGeX: cmp('ge', y, x),
      cdfX: b.cdf(x, 0.2), cdfY: b.cdf(y, 0),
    };
    // a cdf at a point computed from the whole array (its mean) is counted in a later parallel step
    const late = b.add({ kind: 'reduce', op: 'cdf', arg: y, param: b.add({ kind: 'reduce', op: 'mean', arg: y }) });
    return { plan: b.plan({ ...counts, late, x, y }), x, y, counts, late };
  }
  const share = (xs: Float64Array, ys: Float64Array | number, holds: (a: number, b: number) => boolean, nonNaN = false): number => {
    let k = 0, m = 0;
    xs.forEach((v, i) => { if (holds(v, typeof ys === 'number' ? ys : ys[i]!)) k++; if (v === v) m++; });
    return nonNaN ? k / m : k / xs.length;
  };

  it('are scheduled in the parallel step of their inputs; a cdf at a point known later, in a later one', async () => {
    const { schedulePlan } = await import('./plan-schedule.js');
    const { plan, counts, late } = countingPlan();
    const s = schedulePlan(plan, false);
    for (const id of [...Object.values(counts), late]) expect(s.counted[id]).toBe(1);
    const [first, second] = s.steps.filter((st) => st.parallel);
    for (const id of Object.values(counts)) expect(first!.nodes).toContain(id);
    expect(second!.nodes).toEqual([late]);
  });

  it.each([1, 2])('give the exact shares (NaN never holds; cdf over non-NaN samples), threads %i', async (threads) => {
    const { plan, counts } = countingPlan();
    const r = await runPlan(plan, { sampleCount: 100_003, seed: 'count', threads });
    const x = set(r, 'x').samples, y = set(r, 'y').samples;
    expect(set(r, 'x').nanCount).toBeGreaterThan(1000);
    expect(num(r, 'xLtHalf')).toBe(share(x, 0.5, (a, b) => a < b));
    expect(num(r, 'halfLeX')).toBe(share(x, 0.5, (a, b) => b <= a));
    expect(num(r, 'xGtY')).toBe(share(x, y, (a, b) => a > b));
    expect(num(r, 'yGeX')).toBe(share(y, x, (a, b) => a >= b));
    expect(num(r, 'cdfX')).toBe(share(x, 0.2, (a, b) => a <= b, true));
    expect(num(r, 'cdfY')).toBe(share(y, 0, (a, b) => a <= b, true));
    expect(num(r, 'late')).toBe(set(r, 'y').cdf(set(r, 'y').mean()));
    expect(Object.keys(counts).length).toBe(6);
  });

  it("read inputs that keep: 'outputs' leaves in chunk scratch, with the same values", async () => {
    const b = builder();
    const nb12 = b.bin('sub', b.to(80e6, 150e6), b.to(5e6, 30e6));
    const alive = b.cdf(nb12, 0), over = b.add({ kind: 'compare', op: 'gt', left: nb12, right: b.c(1e8) });
    const plan = b.plan({ alive, over });
    const { schedulePlan } = await import('./plan-schedule.js');
    expect(schedulePlan(plan, false).transient[nb12]).toBe(1);
    const env = { sampleCount: 50_000, seed: 's' };
    const kept = runPlanSync(plan, env);
    const scratch = runPlanSync(plan, env, { keep: 'outputs' });
    expect(scratch.values[nb12]).toBeUndefined();
    expect(num(scratch, 'alive')).toBe(num(kept, 'alive'));
    expect(num(scratch, 'over')).toBe(num(kept, 'over'));
    expect(num(kept, 'alive')).toBe((kept.values[nb12] as SampleSet).cdf(0));
  });
});

describe('runPlan: a worker that is slow or stalls', () => {
  /** A stand-in worker that claims `claims` units of each task's board (of `only` that type) and never finishes them. */
  function stalling(claims: number, only?: WorkerTask['type']): TaskRunner & { tasks: WorkerTask[]; broken: boolean } {
    return {
      tasks: [], broken: false,
      run(_index: number, task: WorkerTask): Promise<WorkerReply> {
        this.tasks.push(task);
        const board = new Int32Array(task.board);
        if (only === undefined || task.type === only) for (let k = 0; k < claims; k++) Atomics.add(board, 0, 1);
        return new Promise<WorkerReply>(() => {}); // never replies
      },
      markBroken() { this.broken = true; },
    };
  }

  it.each([
    [1, undefined], [2, undefined], [20, undefined], [1, 'summary'], [2, 'summary'],
  ] as const)('a worker that claims %i unit(s) of every task (%s) and stalls: the run redoes them, same bits and summaries', (claims, only) => {
    for (const plan of [modelA(), modelB()]) {
      const env = { sampleCount: 100_000, seed: 'stall' };
      const fake = stalling(claims, only);
      const r = runPlanOn(fake, 2, plan, env, { histogramBins: 20 });
      const want = runPlanSync(plan, env);
      // a worker that fell behind in the step is not given the summaries
      expect(fake.tasks.map((t) => t.type)).toEqual(only === 'summary' ? ['step', 'summary'] : ['step']);
      expect(r.threads).toBe(2);
      for (let k = 0; k < want.values.length; k++) {
        const x = want.values[k]!, y = r.values[k]!;
        if (typeof x === 'number') expect(y).toBe(x);
        else expect(sameBits((y as SampleSet).samples, x.samples)).toBe(true);
      }
      for (const o of r.outputs) {
        if (!(o.value instanceof SampleSet)) continue;
        const mine = want.outputs.find((p) => p.name === o.name)!.value as SampleSet;
        expect(o.value.summary()).toEqual(mine.summary());
        expect(o.value.summaryHistogram(20)).toEqual(mine.summaryHistogram(20));
      }
    }
  });

  it('a task that fails in a worker leaves the pool in service; a worker that crashes retires it', async () => {
    const replying = (reply: Promise<WorkerReply>): TaskRunner & { broken: boolean } => ({
      broken: false,
      run: () => reply,
      markBroken() { this.broken = true; },
    });
    const failing = replying(Promise.resolve({ ok: false, message: 'boom' }));
    runPlanOn(failing, 2, modelA(), { sampleCount: 20_000, seed: 1 });
    const crashing = replying(Promise.reject(new Error('worker exited')));
    runPlanOn(crashing, 2, modelA(), { sampleCount: 20_000, seed: 1 });
    await new Promise((r) => setImmediate(r));
    expect(failing.broken).toBe(false);
    expect(crashing.broken).toBe(true);
  });

  it('an error in the run closes the boards, so workers stop claiming its chunks', () => {
    const fake = stalling(0);
    expect(() => runPlanOn(fake, 2, modelB(), { sampleCount: 100_000, seed: 1 }, { onProgress: (done) => { if (done > 2) throw new Error('stop'); } })).toThrow('stop');
    const board = new Int32Array(fake.tasks[0]!.board);
    expect(board[0]).toBeGreaterThanOrEqual(Math.ceil(100_000 / 8192));
  });

  it('refuses a histogram of no bins before any worker starts', () => {
    const fake = stalling(0);
    expect(() => runPlanOn(fake, 2, modelA(), { sampleCount: 20_000, seed: 1 }, { histogramBins: 0 })).toThrow(/integer number of bins >= 1, got 0/);
    expect(fake.tasks).toEqual([]);
  });

  it('privateWrites (compute in scratch, copy out final values) gives the same bits as writing in place', async () => {
    const { runParallelStep } = await import('./parallel-step.js');
    const { schedulePlan } = await import('./plan-schedule.js');
    const plan = modelB();
    const n = 40_000;
    const s = schedulePlan(plan, true);
    const run = (privateWrites: boolean) => {
      const values = runPlanSync(plan, { sampleCount: n, seed: 'pw' }).values.map((v) => (v instanceof SampleSet ? new Float64Array(n) : v));
      const step = s.steps.find((st) => st.parallel)!;
      for (const id of step.nodes) values[id] = s.counted[id] === 1 ? new Float64Array(2 * Math.ceil(n / 8192)) : new Float64Array(n);
      runParallelStep(plan, step.nodes, values as (number | Float64Array)[], 0xabcdefn, n, { privateWrites });
      return step.nodes.map((id) => values[id] as Float64Array);
    };
    const inPlace = run(false), copied = run(true);
    inPlace.forEach((a, k) => expect(sameBits(copied[k]!, a)).toBe(true));
  });
});

describe('runPlan: errors', () => {
  it('rejects `0 to 10` naming the node', () => {
    const b = builder();
    expect(() => runPlanSync(b.plan({ x: b.to(0, 10) }), { sampleCount: 10, seed: 1 })).toThrow(EstimateError);
    expect(() => runPlanSync(b.plan({ x: b.to(0, 10) }), { sampleCount: 10, seed: 1 })).toThrow(/both bounds > 0/);
  });
  it('rejects a node that refers forward, bad weights, and a bad Env', () => {
    expect(() => runPlanSync({ nodes: [{ kind: 'unary', op: 'neg', arg: 1 }, { kind: 'const', value: 1 }], outputs: [] }, { sampleCount: 10, seed: 1 }))
      .toThrow(/refers to node 1, expected a node before it/);
    expect(() => runPlanSync({ nodes: [{ kind: 'const', value: 1 }, { kind: 'mixture', components: [0], weights: [-1] }], outputs: [] }, { sampleCount: 10, seed: 1 }))
      .toThrow(/weights must be finite and >= 0/);
    expect(() => runPlanSync({ nodes: [], outputs: [] }, { sampleCount: 0, seed: 1 })).toThrow(/sample count must be an integer/);
  });
  it('quantile of a sample set at a sample-set p is an error', () => {
    const b = builder();
    const x = b.uniform(0, 1);
    const q = b.add({ kind: 'reduce', op: 'quantile', arg: x, param: x });
    expect(() => runPlanSync(b.plan({ q }), { sampleCount: 10, seed: 1 })).toThrow(/must be a number, got a sample set/);
  });
});

describe('power', () => {
  it('integer exponents by squaring agree with Math.pow to a few ulps, and keep its special cases', async () => {
    const { power } = await import('./elementwise.js');
    for (const x of [1.08, 0.93, 2, -1.5, 1e-3, 123.456]) {
      for (const y of [0, 1, 2, 3, 12, -2, -7, 64]) expect(Math.abs(power(x, y) / Math.pow(x, y) - 1)).toBeLessThan(1e-14);
    }
    expect(power(NaN, 0)).toBe(1);
    expect(power(0, -2)).toBe(Infinity);
    expect(power(-0, -3)).toBe(-Infinity);
    expect(power(-8, 1 / 3)).toBeNaN();
    expect(power(2, 0.5)).toBe(Math.SQRT2);
  });
});
