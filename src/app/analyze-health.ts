import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeHealth, healthAssumptions, type OptionHint, readSurvivalAssumptions, startDate, withAsOf } from '../economics/index.js';
import type { Analysis, CompanyAssumptions, HealthDetails, SurvivalAssumptions } from '../economics/index.js';
import { asOfInfoOf, bundledDataDir, type Store } from '../ledger/index.js';
import { saveDerived, type DerivedFactSpec, type SavedFact } from './save-derived.js';
import { inRequestedCurrency, requestedCurrency, requestedDisplay, type CurrencyRequest } from './in-currency.js';
import { ShakeoutError } from '../core/index.js';

export interface HealthRequest extends CurrencyRequest {
  readonly company: string;
  readonly samples?: number;
  readonly seed?: string | number;
  /** Write net burn back to the ledger as a derived fact (when it rests on facts only). */
  readonly save?: boolean;
  /**
   * Fill inputs the ledger lacks from the survival assumptions: `true` for
   * the bundled file (data/survival-assumptions.yaml), or a file path. Its
   * `as_of` is then the as-of date (unless `asOf` is given), so health shows
   * the very inputs the survival simulation reads. Or the assumptions
   * already read (`readSurvivalAssumptionsText`: a request's text).
   */
  readonly assumptions?: boolean | string | SurvivalAssumptions;
  /**
   * The date the inputs should describe ('2024-05'): facts of later periods
   * are left aside, cash is spent down to it. Default: the day of an as-of
   * ledger (`--as-of`, which also leaves out what was published later), else
   * the assumptions file's `as_of` when the file names the company (the
   * simulation's start), else the company's own latest facts: a file's date
   * never cuts the facts of a company it does not name (docs/as-of.md).
   */
  readonly asOf?: string;
  /**
   * The assumptions file whose `as_of` `asOf` is, named with the figures as
   * the simulation's start (the report's health, which reads the start of the
   * simulation without filling inputs from the file).
   */
  readonly startFile?: string;
  /** How advice names the way to act: the command line's flags ('cli'), the request's fields ('api'), or neither (default). */
  readonly hint?: OptionHint;
}

/** `shakeout analyze health COMPANY`: the analysis and, with `save`, the facts written. */
export async function runHealthAnalysis(store: Store, req: HealthRequest): Promise<{ analysis: Analysis<HealthDetails>; saved: SavedFact[]; unsaved: string | null }> {
  const currency = requestedCurrency(req);
  const file = typeof req.assumptions === 'object' ? req.assumptions : req.assumptions ? loadSurvivalAssumptions(req.assumptions === true ? undefined : req.assumptions) : null;
  const named = file ? await assumptionsOfCompany(store, req.company, file) : null;
  const assumptions = named ? healthAssumptions(named, file!.file) : [];
  const startFile = file ? { file: file.file, asOf: file.asOf, names: named !== null } : null;
  const start = req.asOf
    ? req.startFile ? { date: req.asOf, basis: 'assumptions' as const, file: { file: req.startFile, asOf: req.asOf, names: true } } : { date: req.asOf, basis: 'given' as const, file: null }
    : { ...startDate(asOfInfoOf(store)?.asOf ?? null, startFile), file: startFile };
  const options = {
    env: { sampleCount: req.samples ?? 10_000, seed: req.seed ?? 'shakeout' },
    assumptions,
    asOf: start.date,
    start: { basis: start.basis, file: start.file },
    ...(req.hint ? { hint: req.hint } : {}),
  };
  // In the currency asked for from the start: a figure written in it is shown as written (docs/fx.md).
  const display = await requestedDisplay(store, currency, req.fxMonth);
  const shown = await inRequestedCurrency(store, withAsOf(store, await analyzeHealth(store, req.company, { ...options, ...(display ? { currency: display } : {}) })), currency, req.fxMonth);
  if (!req.save) return { analysis: shown, saved: [], unsaved: null };
  // saved facts are in US dollars, as computed without --currency
  const analysis = display ? withAsOf(store, await analyzeHealth(store, req.company, options)) : shown;
  const specs = healthFactSpecs(analysis);
  const saved = specs.length ? await saveDerived(store, analysis, specs) : [];
  return { analysis: shown, saved, unsaved: specs.length ? null : 'nothing to save: net burn is not known from facts alone (results resting on assumptions are not written to the ledger)' };
}

/**
 * What `--save` writes: net burn a month (metric `burn`) when it rests on
 * ledger facts only, on the company, for the period of those facts.
 */
export function healthFactSpecs(a: Analysis<HealthDetails>): DerivedFactSpec[] {
  const e = a.estimates.find((x) => x.id === 'input.netBurn' || x.id === 'burn.net');
  if (!e || e.inputs.some((i) => i.kind === 'assumption')) return [];
  const factIds = [...new Set(a.details.inputs.filter((r) => r.name === 'netBurn' || (e.id === 'burn.net' && (r.name === 'grossBurn' || r.name === 'revenue'))).flatMap((r) => r.factIds))];
  if (!factIds.length || a.details.inputs.some((r) => (r.name === 'grossBurn' || r.name === 'revenue') && e.id === 'burn.net' && r.status === 'assumed')) return [];
  const facts = a.facts.filter((f) => factIds.includes(f.id));
  const period = facts[0]?.period?.text ?? null;
  return [{
    estimate: e,
    entity: a.details.company.id,
    metric: 'burn',
    period,
    scope: null,
    basis: 'unknown',
    inputs: factIds,
    formula: e.formula,
    notes: 'net burn a month (spending minus revenue) from the health analysis',
  }];
}

/** How the bundled survival assumptions are named in messages and citations. */
export const BUNDLED_SURVIVAL_ASSUMPTIONS = 'data/survival-assumptions.yaml';

/** The text of the bundled survival assumptions (data/survival-assumptions.yaml), as the simulation reads it when given none. */
export function bundledSurvivalAssumptionsText(): string {
  return survivalAssumptionsFileText(join(bundledDataDir(), 'survival-assumptions.yaml'));
}

/** Reads a survival assumptions file (YAML or JSON); default the bundled data/survival-assumptions.yaml. */
export function loadSurvivalAssumptions(file?: string): SurvivalAssumptions {
  if (file === undefined) return readSurvivalAssumptionsText(bundledSurvivalAssumptionsText(), join(bundledDataDir(), 'survival-assumptions.yaml'), BUNDLED_SURVIVAL_ASSUMPTIONS);
  return readSurvivalAssumptionsText(survivalAssumptionsFileText(file), file);
}

/** The text of a survival assumptions file (for the CLI, which hands an analysis the text); a 400 naming the file when it cannot be read. */
export function survivalAssumptionsFileText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const message = `cannot read the assumptions file ${path}: ${e instanceof Error ? e.message : String(e)}`;
    throw new ShakeoutError(message, { issues: [{ code: 'file_unreadable', path: [path], message }], status: 400 });
  }
}

/**
 * Reads survival assumptions given as text (YAML or JSON): what a file holds,
 * or what a request sends instead of a file's path. `name` is where the text
 * came from, for messages ('body.assumptions', a file's path); `file` is the
 * name the analysis cites (default `name`).
 */
export function readSurvivalAssumptionsText(text: string, name: string, file = name): SurvivalAssumptions {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    const message = `${name}: not valid YAML or JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_yaml', path: [name], message }], status: 400 });
  }
  return readSurvivalAssumptions(doc, file);
}

/** The entry of an assumptions file for a company (by any of its names), or null when the file does not name it. */
export async function assumptionsOfCompany(store: Store, company: string, a: SurvivalAssumptions): Promise<CompanyAssumptions | null> {
  const entity = await store.resolveEntity(company);
  for (const ca of a.companies) {
    const e = await store.resolveEntity(ca.company);
    if (e.id === entity.id) return ca;
  }
  return null;
}
