import fs from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinNames, checkModel, ModelError, parseModel } from '../lang/index.js';
import { ShakeoutError, type Reason } from '../core/index.js';
import { bundledDataDir, readMetric, type Store } from '../ledger/index.js';
import { firstFactFailure, modelFactRequests, type RunModelFileResult } from './run-model-file.js';

/**
 * A model run as JSON (`shakeout run --json`, `POST /api/models/run`): each
 * output's summary (and drivers), with `histograms` its histogram too; the
 * facts it read with the rule's choice and what it left aside; timings.
 */
export function modelRunJson(r: RunModelFileResult, options: { histograms?: boolean } = {}) {
  const outputs: Record<string, unknown> = {};
  for (const o of r.outputs) {
    outputs[o.name] = o.type === 'scalar' ? o.value : {
      mean: o.summary.mean, sd: o.summary.sd, p5: o.summary.p5, p25: o.summary.p25, p50: o.summary.p50, p75: o.summary.p75, p95: o.summary.p95,
      ...(o.summary.nanCount ? { nanCount: o.summary.nanCount } : {}),
      ...(o.drivers ? { drivers: o.drivers } : {}),
      ...(options.histograms ? { histogram: { edges: [...o.histogram.edges], counts: [...o.histogram.counts] } } : {}),
    };
  }
  return {
    outputs,
    sampleCount: r.sampleCount,
    seed: r.seed,
    ...(r.asOf ? { asOf: r.asOf } : {}),
    facts: r.resolved.map((x) => ({ request: x.request, fact: x.fact.id, valueText: x.fact.valueText, source: x.fact.source, alternatives: x.alternatives, leftAside: x.leftAside.map((o) => ({ fact: o.fact.id, criterion: o.criterion, reason: o.reason })), toUsd: x.toUsd })),
    timingsMs: r.timings,
  };
}

/** A model's problems at their place (line and column), or none: what an editor underlines as the user types. */
export interface ModelCheck {
  readonly ok: boolean;
  readonly issues: readonly { readonly code: string; readonly line: number; readonly column: number; readonly from: number; readonly to: number; readonly message: string; readonly suggestion: string | null; readonly reason: Reason }[];
}

/** A model error as the check's one issue. */
function checkIssue(e: ModelError): ModelCheck {
  return { ok: false, issues: [{ code: e.code, line: e.line, column: e.column, from: e.span.start, to: e.span.end, message: e.detail, suggestion: e.suggestion ?? null, reason: e.reasonCode }] };
}

/**
 * Parses and checks a model without running it (the first problem, as the
 * compiler finds it: unknown names with the closest known one, arity, kinds).
 * With a ledger, each fact() call's entity and metric must be known to it:
 * the first unknown one is the issue, at the call, with the closest name
 * and the words of a run's error (`unknown entity "OpenAl"; did you mean
 * "OpenAI"?`). Nothing is sampled and no fact is read: the entity names and
 * the metric vocabulary only, so a check stays fast and changes nothing.
 *
 * @example await checkModelSource('x = fact("OpenAl", "revenue")\n{x: x}', store) // issue at 1:5, suggestion "OpenAI"
 */
export async function checkModelSource(source: string, store?: Store): Promise<ModelCheck> {
  try {
    checkModel(parseModel(source));
    if (!store) return { ok: true, issues: [] };
    const failed = new Map<string, unknown>();
    for (const [k, r] of modelFactRequests(source)) {
      try {
        readMetric(r.metric);
        await store.resolveEntity(r.entity);
      } catch (e) {
        if (!(e instanceof ShakeoutError)) throw e;
        failed.set(k, e);
      }
    }
    const first = firstFactFailure(source, failed);
    return first ? checkIssue(first) : { ok: true, issues: [] };
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    return checkIssue(e);
  }
}

/** The language's function names, for completion. */
export function modelBuiltinNames(): string[] {
  return builtinNames();
}

/** The example models shipped in models/ (beside data/), by name, with their source. */
export async function modelExamples(): Promise<{ name: string; source: string }[]> {
  const dir = join(dirname(bundledDataDir()), 'models');
  const { readdir, readFile } = fs.promises; // loaded when first read: `shakeout run` loads this module and never needs it
  const names = (await readdir(dir)).filter((f) => f.endsWith('.sq')).sort();
  return Promise.all(names.map(async (name) => ({ name, source: await readFile(join(dir, name), 'utf8') })));
}
