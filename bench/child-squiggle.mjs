// Squiggle 0.10.0, end to end: run the model, then read the mean and the
// quantiles p5..p95 of each distribution output.
// argv: model (A|B) n seed protocol (see child-harness.mjs). Prints one JSON line.
import { QUANTILES, SOURCES } from './models.mjs';
import { measureLoop, parseProtocol, print } from './child-harness.mjs';

const [model, nText, seed, protocolText] = process.argv.slice(2);
const { run } = await import('@quri/squiggle-lang');

async function once(s) {
  const environment = { sampleCount: Number(nText), xyPointLength: 1000, seed: s };
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
  return check;
}

print(await measureLoop(once, parseProtocol(protocolText), seed));
