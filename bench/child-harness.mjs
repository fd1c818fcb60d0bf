// Shared by the child-*.mjs scripts: runs one end-to-end computation many
// times in this process and prints one JSON line.
//
// The protocol (the same for every runner): run 1 is "cold" (JIT compilation,
// worker start-up: what a one-shot CLI run pays); then warm-up runs, at least
// `warmupRuns` of them and at least `warmupMs` of wall time, are discarded
// (the JIT is still compiling, and on a 2-core machine its compiler threads
// compete with the computation); then at least `runs` measured runs, and at
// least `ms` of wall time: their median is "warm" (what a long-lived process,
// the server, the dashboard, a sweep of many runs, pays per run). Also
// reported: "early", the median of runs 2 to 10 (the protocol of the first
// benchmark, which mixes warm-up into the figure), and the peak RSS.
//
// The protocol argument is a JSON object {warmupRuns, warmupMs, runs, ms}, or
// a number of runs in all (1: a single cold run, for the memory measurement).
export async function measureLoop(once, protocol, seed) {
  const p = typeof protocol === 'number'
    ? { warmupRuns: 0, warmupMs: 0, runs: protocol - 1, ms: 0 }
    : protocol;
  const times = [];
  let check;
  const step = async () => {
    const t0 = performance.now();
    check = await once(`${seed}-${times.length}`);
    const d = performance.now() - t0;
    times.push(d);
    return d;
  };
  await step();
  let warmupRuns = 0;
  const warmupStart = performance.now();
  while (warmupRuns < p.warmupRuns || performance.now() - warmupStart < p.warmupMs) {
    await step();
    warmupRuns++;
  }
  const measured = [];
  const measureStart = performance.now();
  while (measured.length < p.runs || performance.now() - measureStart < p.ms) measured.push(await step());
  return {
    coldMs: times[0],
    warmMs: measured.length ? median(measured) : times[0],
    earlyMs: times.length > 1 ? median(times.slice(1, 10)) : times[0],
    warmupRuns,
    measuredRuns: measured.length,
    maxRSS: process.resourceUsage().maxRSS,
    check,
  };
}

/** Parses the protocol argument of a child (JSON or a number of runs). */
export function parseProtocol(text) {
  return /^\d+$/.test(text) ? Number(text) : JSON.parse(text);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}
