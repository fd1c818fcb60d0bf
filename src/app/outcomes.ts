import { outcomeVerdicts } from '../economics/index.js';
import type { OutcomeVerdict } from '../economics/index.js';
import { parseFactText, readFactFile, type FactFileFormat } from '../ledger/index.js';
import type { Outcome, OutcomeImportResult, Store } from '../ledger/index.js';
import { pastedName } from './facts-file.js';

/** An outcome as `shakeout outcomes add` takes it. */
export interface OutcomeRequest {
  readonly entity: string;
  readonly type: string;
  readonly date: string;
  readonly detail: string;
  /** The publisher. */
  readonly source: string;
  readonly title?: string;
  readonly url: string;
  readonly published: string;
  /** yes when the date published was inferred (the page showed none). */
  readonly publishedEstimated?: string;
  /** yes or no: whether the event put the company out of the race (docs/outcomes.md). */
  readonly out?: string;
}

/** `shakeout outcomes add`: one outcome, checked like a row of an import (errors name the option). */
export async function addOutcome(store: Store, req: OutcomeRequest): Promise<OutcomeImportResult> {
  const record = {
    entity: req.entity, type: req.type, date: req.date, detail: req.detail, publisher: req.source, title: req.title, url: req.url,
    published: req.published, published_estimated: req.publishedEstimated, out: req.out,
  };
  return store.addOutcome(record, {
    file: 'outcomes add',
    fieldNames: {
      entity: '--entity', type: '--type', date: '--date', detail: '--detail', publisher: '--source', title: '--title', url: '--url',
      published: '--published', published_estimated: '--published-estimated', out: '--out',
    },
  });
}

/**
 * `shakeout outcomes import FILE`: outcomes from CSV (the columns of
 * company-outcomes.csv), JSON or YAML (a list of records with those keys),
 * all or nothing; errors name the file, line and column.
 */
export async function importOutcomesFile(store: Store, path: string): Promise<OutcomeImportResult> {
  const parsed = await readFactFile(path);
  return store.importOutcomes(parsed.records, parsed);
}

/**
 * Outcomes from CSV, JSON or YAML text (the server's import), all or nothing,
 * errors located by `file` name, line and column; `dryRun` says what would be
 * added and changes nothing.
 */
export async function importOutcomesText(store: Store, text: string, format: FactFileFormat, options: { file?: string; dryRun?: boolean } = {}): Promise<OutcomeImportResult> {
  const parsed = parseFactText(text, format, options.file ?? pastedName(format));
  return store.importOutcomes(parsed.records, { ...parsed, ...(options.dryRun ? { dryRun: true } : {}) });
}

/** An outcome with what the rule of docs/outcomes.md makes of it. */
export interface ClassifiedOutcome extends Outcome {
  readonly verdict: OutcomeVerdict;
}

/** `shakeout outcomes list`: the outcomes (of one entity), each with its class. */
export async function listOutcomes(store: Store, options: { entity?: string } = {}): Promise<ClassifiedOutcome[]> {
  const outcomes = await store.listOutcomes(options.entity !== undefined ? { entity: options.entity } : {});
  const verdicts = outcomeVerdicts(outcomes);
  return outcomes.map((o) => ({ ...o, verdict: verdicts.get(o.id)! }));
}
