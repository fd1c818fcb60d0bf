// Shared by the child-*.mjs scripts: runs one end-to-end computation `reps`
// times in this process and prints one JSON line: the first (cold) run, the
// median of the later (warm) runs, the process's peak RSS and a check value.
// Cold = what a one-shot CLI run pays (JIT compilation, worker start-up);
// warm = what a long-lived process (the server, the dashboard, a sweep of
// many runs) pays for each further run.
export async function measureLoop(once, reps, seed) {
  const times = [];
  let check;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    check = await once(`${seed}-${k}`);
    times.push(performance.now() - t0);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const warmMs = warm.length ? warm[warm.length >> 1] : times[0];
  return { coldMs: times[0], warmMs, maxRSS: process.resourceUsage().maxRSS, check };
}

export function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}
