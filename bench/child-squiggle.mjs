// One measurement of Squiggle 0.10.0, end to end: run the model, then read
// the mean and quantiles p5..p95 of each distribution output.
// argv: model (A|B) n seed. Prints one JSON line.
import { QUANTILES, SOURCES } from './models.mjs';

const [model, nText, seed] = process.argv.slice(2);
const { run } = await import('@quri/squiggle-lang');
const environment = { sampleCount: Number(nText), xyPointLength: 1000, seed };

const t0 = performance.now();
const out = await run(SOURCES[model].squiggle, { environment });
if (!out.result.ok) throw new Error(out.result.value.toString());
const check = [];
for (const [, v] of out.result.value.result.value.entries()) {
  if (v.tag === 'Number') {
    check.push(v.value);
    continue;
  }
  const d = v.value;
  d.mean(environment);
  const qs = QUANTILES.map((p) => {
    const q = d.inv(environment, p);
    if (!q.ok) throw new Error(String(q.value));
    return q.value;
  });
  check.push(qs[2]);
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, maxRSS: process.resourceUsage().maxRSS, check }) + '\n');
