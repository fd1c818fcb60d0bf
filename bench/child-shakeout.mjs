// Shakeout, end to end: parse, compile, sample, summarise (mean, sd, p5..p95
// and a histogram of each output), from dist/.
// argv: model (A|B) n seed protocol (see child-harness.mjs) [--no-prune]. Prints one JSON line.
import { SOURCES } from './models.mjs';
import { measureLoop, parseProtocol, print } from './child-harness.mjs';

const [model, nText, seed, protocolText, flag] = process.argv.slice(2);
const lang = await import('../dist/lang/index.js');
const estimate = await import('../dist/estimate/index.js');
const source = SOURCES[model].shakeout;

async function once(s) {
  const env = { sampleCount: Number(nText), seed: s };
  let result;
  if (flag === '--no-prune') {
    const compiled = lang.compileProgram(lang.parseModel(source), { prune: false });
    const run = await estimate.runPlan(compiled.plan, env);
    result = run.outputs.map((o) => (typeof o.value === 'number' ? o.value : { ...o.value.summary(), h: o.value.histogram(20) }));
  } else {
    const r = await lang.runModel(source, { env });
    result = r.outputs.map((o) => (o.type === 'scalar' ? o.value : o.summary));
  }
  return result.map((o) => (typeof o === 'number' ? o : o.p50));
}

const r = await measureLoop(once, parseProtocol(protocolText), seed);
await estimate.closeWorkerPool();
print(r);
