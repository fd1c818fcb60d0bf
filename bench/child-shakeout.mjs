// One measurement of Shakeout, end to end: parse, compile, sample, summarise
// (mean, sd, p5..p95 and a histogram of each output), from dist/.
// argv: model (A|B) n seed [--no-prune]. Prints one JSON line.
import { SOURCES } from './models.mjs';

const [model, nText, seed, flag] = process.argv.slice(2);
const lang = await import('../dist/lang/index.js');
const estimate = await import('../dist/estimate/index.js');
const source = SOURCES[model].shakeout;
const env = { sampleCount: Number(nText), seed };

const t0 = performance.now();
let result;
if (flag === '--no-prune') {
  const compiled = lang.compileProgram(lang.parseModel(source), { prune: false });
  const run = await estimate.runPlan(compiled.plan, env);
  result = run.outputs.map((o) => (typeof o.value === 'number' ? o.value : { ...o.value.summary(), h: o.value.histogram(20) }));
} else {
  const r = await lang.runModel(source, { env });
  result = r.outputs.map((o) => (o.type === 'scalar' ? o.value : o.summary));
}
const ms = performance.now() - t0;
await estimate.closeWorkerPool();
const check = result.map((o) => (typeof o === 'number' ? o : o.p50));
process.stdout.write(JSON.stringify({ ms, maxRSS: process.resourceUsage().maxRSS, check }) + '\n');
