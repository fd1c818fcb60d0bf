import { z } from 'zod';
import { ShakeoutError, throwIfAborted, type Issue, type Lang } from '../core/index.js';
import type { Analysis, OptionHint } from '../economics/index.js';
import { asOfInfoOf, BASES, closest, type Store } from '../ledger/index.js';
import { analysisJson } from './analysis-json.js';
import { runFundingAnalysis } from './analyze-funding.js';
import { readSurvivalAssumptionsText, runHealthAnalysis } from './analyze-health.js';
import type { SurvivalAssumptions } from '../economics/index.js';
import { runSubscribersAnalysis } from './analyze-subscribers.js';
import { runUnitEconomicsAnalysis } from './analyze-unit-economics.js';
import { runBacktest } from './backtest.js';
import { survivalChartOption } from './charts.js';
import { runPlausibilityCheck } from './check-plausibility.js';
import { runSurvivalSimulation } from './simulate-survival.js';

/**
 * What every analysis runs in: the open store (an as-of view when `asOf` is
 * set), the sample count and seed, the as-of day, an abort signal that long
 * work checks between units (the engine's chunks, the simulation's months),
 * and the language of anything drawn for a reader (a chart).
 */
export interface AnalysisContext {
  readonly store: Store;
  /** Draws per estimate, or paths per company in a simulation; and the seed. */
  readonly env: { readonly samples: number; readonly seed: string | number };
  /**
   * The day the ledger is read as of (the store is then that day's view), or
   * null for the whole ledger. For the backtest, the day the forecasts are
   * made (its store is the whole ledger: what happened later scores them).
   */
  readonly asOf: string | null;
  readonly signal: AbortSignal;
  readonly lang?: Lang;
  /** The work done and its total, as long work goes (the simulation's company-months). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * How advice in the analyses' text names the way to act: the command
   * line's flags ('cli'), the request's fields ('api', the server's) or
   * neither ('none', the default).
   */
  readonly hint?: OptionHint;
}

/** The sample count and seed when none is given: 10,000 draws (or paths), seed 'shakeout', as every CLI command. */
export const DEFAULT_ANALYSIS_SAMPLES = 10_000;
export const DEFAULT_ANALYSIS_SEED = 'shakeout';

/**
 * A context over `store`: default samples and seed, the store's as-of day,
 * and a signal that never aborts unless one is given.
 */
export function analysisContext(store: Store, o: { samples?: number | undefined; seed?: string | number | undefined; signal?: AbortSignal | undefined; lang?: Lang | undefined; asOf?: string | null | undefined; onProgress?: ((done: number, total: number) => void) | undefined; hint?: OptionHint | undefined } = {}): AnalysisContext {
  return {
    store,
    env: { samples: o.samples ?? DEFAULT_ANALYSIS_SAMPLES, seed: o.seed ?? DEFAULT_ANALYSIS_SEED },
    asOf: o.asOf !== undefined ? o.asOf : asOfInfoOf(store)?.asOf ?? null,
    signal: o.signal ?? new AbortController().signal,
    ...(o.lang ? { lang: o.lang } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.hint ? { hint: o.hint } : {}),
  };
}

/**
 * One analysis of the registry: its name (the CLI's and the URL's), what it
 * answers, its options as a zod schema (which validates them, from a command
 * line or a query string, and documents them), and how to run it.
 */
export interface AnalysisEntry<S extends z.ZodType = z.ZodType, R = unknown> {
  readonly name: string;
  readonly summary: string;
  readonly options: S;
  /**
   * What `ctx.env.samples` counts: draws per estimate, paths per company of
   * a simulation, or nothing (the analysis draws nothing).
   */
  readonly samples: 'draws' | 'paths' | 'none';
  /**
   * 'view': `ctx.asOf` is the day the ledger is read as of (`ctx.store` is
   * that view). 'forecast-day': it is the day forecasts are made, required,
   * and the store is the whole ledger (the backtest).
   */
  readonly asOf: 'view' | 'forecast-day';
  run(ctx: AnalysisContext, options: z.output<S>): Promise<R>;
  /** The result as plain JSON (no draws, no typed arrays, non-finite numbers as null), with the chart when it has one. */
  json(result: NoInfer<R>, ctx: AnalysisContext): Record<string, unknown>;
}

function define<N extends string, S extends z.ZodType, R>(entry: AnalysisEntry<S, R> & { readonly name: N }): AnalysisEntry<S, R> & { readonly name: N } {
  return entry;
}

/** A yes/no option: a boolean, or "true"/"false" in a query string. */
const yesNo = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
/** Names: a list, or comma-separated in a query string. */
const names = z.union([z.array(z.string().min(1).max(200)).max(100), z.string().max(2000).transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))]);
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A figure as written ('$19.99 a month', '15% to 30%', '约5美元'): read by the figure reader, which refuses what it cannot read. */
const figure = z.string().min(1).max(200);
/** Survival assumptions as YAML or JSON text, the text form of the CLI's --assumptions FILE. */
export const MAX_ASSUMPTIONS_TEXT = 1_000_000;
const assumptionsText = z.string().max(MAX_ASSUMPTIONS_TEXT);
/** Where the assumptions text came from (the CLI: the file's path), named in messages and cited by the analysis. */
const assumptionsName = z.string().min(1).max(500);

/** The assumptions of `assumptionsText`, read; named by `assumptionsName`, else as the field they came in. */
function assumptionsOf(o: { assumptionsText?: string | undefined; assumptionsName?: string | undefined }): SurvivalAssumptions | null {
  if (o.assumptionsText === undefined) return null;
  return o.assumptionsName ? readSurvivalAssumptionsText(o.assumptionsText, o.assumptionsName) : readSurvivalAssumptionsText(o.assumptionsText, 'options.assumptionsText', 'assumptions (text)');
}
/** The currency to show money in and the month of its rate: checked by the use-case (one message, CLI or HTTP). */
const currency = {
  currency: z.string().max(20).optional().describe('Show money in this currency (any of the FX table), at the latest rate or fxMonth\'s'),
  fxMonth: z.string().max(20).optional().describe('With currency: the month of the rate, YYYY-MM'),
};
/** The context's hint for advice, as a request's field. */
const hintOf = (ctx: AnalysisContext): { hint?: OptionHint } => (ctx.hint ? { hint: ctx.hint } : {});
const currencyOf = (o: { currency?: string | undefined; fxMonth?: string | undefined }) => ({
  ...(o.currency ? { currency: o.currency } : {}),
  ...(o.fxMonth ? { fxMonth: o.fxMonth } : {}),
});
const envOf = (ctx: AnalysisContext) => ({ samples: ctx.env.samples, seed: ctx.env.seed });

/** An analysis as plain JSON: estimates without draws, typed arrays as arrays, non-finite numbers as null. */
export function plainJson(x: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(x, (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v))) as Record<string, unknown>;
}
const analysisOnly = (a: Analysis) => ({ analysis: plainJson(analysisJson(a)) });

const subscribers = define({
  name: 'subscribers',
  summary: 'Paying subscribers and annual run rate of an app from its store revenue and price, read gross and net of the stores\' commission',
  samples: 'draws',
  asOf: 'view',
  options: z.object({
    product: z.string().min(1).max(200).describe('The product (ChatGPT) or any name of it'),
    basis: z.enum(BASES).optional().describe('Read store revenue as gross, net or unknown (both readings); default as the facts record it'),
    ...currency,
  }).strict(),
  run: async (ctx, o) => (await runSubscribersAnalysis(ctx.store, { product: o.product, ...(o.basis ? { basis: o.basis } : {}), ...envOf(ctx), ...currencyOf(o), ...hintOf(ctx) })).analysis,
  json: analysisOnly,
});

const funding = define({
  name: 'funding',
  summary: 'Funding markets: totals, deals, average deal, growth and segment shares, sources side by side',
  // its averages and growth multiples are drawn from the facts' distributions
  samples: 'draws',
  asOf: 'view',
  options: z.object({
    region: z.string().min(1).max(100).optional().describe('China, World, US, Europe (default all)'),
    segment: z.string().min(1).max(100).optional().describe('ai_production, ai_industry_applications, generative_ai, all'),
    constantYear: whole(1900, 2200).optional().describe('Money in constant US dollars of this year (CPI table)'),
    currency: currency.currency,
  }).strict(),
  run: (ctx, o) => runFundingAnalysis(ctx.store, {
    env: { sampleCount: ctx.env.samples, seed: ctx.env.seed },
    ...(o.region !== undefined ? { region: o.region } : {}),
    ...(o.segment !== undefined ? { segment: o.segment } : {}),
    ...(o.currency ? { currency: o.currency } : {}),
    ...(o.constantYear !== undefined ? { constantYear: o.constantYear } : {}),
    ...hintOf(ctx),
  }),
  json: analysisOnly,
});

const health = define({
  name: 'health',
  summary: 'A company\'s health: burn, runway, multiples, default alive, with every input\'s facts or assumption',
  samples: 'draws',
  asOf: 'view',
  options: z.object({
    company: z.string().min(1).max(200).describe('The company, by any name or alias (OpenAI, 月之暗面)'),
    assumptions: yesNo.optional().describe('Fill inputs the ledger lacks from the bundled survival assumptions'),
    assumptionsText: assumptionsText.optional().describe('Fill inputs the ledger lacks from these survival assumptions (YAML or JSON text)'),
    assumptionsName: assumptionsName.optional().describe('Where assumptionsText came from, named in messages and cited'),
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a month or a day such as 2024-05 or 2024-05-20').optional().describe('The date the inputs describe: later facts left aside, cash spent down to it (default the as-of day, else the assumptions\' as_of for a company they name, else its own latest facts)'),
    startFile: z.string().min(1).max(500).optional().describe('The survival assumptions file whose as_of date is: the figures say the date is the simulation\'s start, set by it'),
    ...currency,
  }).strict(),
  run: async (ctx, o) => (await runHealthAnalysis(ctx.store, {
    company: o.company,
    ...(o.date !== undefined ? { asOf: o.date } : {}),
    ...(o.startFile !== undefined ? { startFile: o.startFile } : {}),
    ...envOf(ctx),
    ...(o.assumptionsText !== undefined ? { assumptions: assumptionsOf(o)! } : o.assumptions ? { assumptions: true } : {}),
    ...currencyOf(o),
    ...hintOf(ctx),
  })).analysis,
  json: analysisOnly,
});

const survival = define({
  name: 'survival',
  summary: 'The shakeout: each company\'s chance of running out of cash within 12, 24 and 36 months, survival curves, drivers',
  samples: 'paths',
  asOf: 'view',
  options: z.object({
    companies: names.optional().describe('Companies by any name (default those of the assumptions)'),
    ledgerCompanies: yesNo.optional().describe('With no companies: also every other company the ledger has facts about, simulated on its own facts or listed as not simulated with the inputs it lacks (default false; the board sets it)'),
    horizon: whole(1, 600).optional().describe('Months simulated (default 60)'),
    climate: z.enum(['cold', 'neutral', 'hot', 'auto']).optional().describe('The funding climate; auto derives it from the ledger\'s funding figures (default neutral)'),
    climateMarket: z.string().min(1).max(200).optional().describe('With climate auto: the market whose funding sets it'),
    fundingGrowth: z.coerce.number().positive().max(1000).optional().describe('Funding this year / last year: sets the climate when none is named'),
    climateHint: yesNo.optional().describe('With no climate nor fundingGrowth: whether the default climate\'s reason names the options that set one (over HTTP the request\'s fields, never the command line\'s; default true; false says only that it is the simulation\'s default, as the report does)'),
    assumptionsText: assumptionsText.optional().describe('Survival assumptions (YAML or JSON text) instead of the bundled ones'),
    assumptionsName: assumptionsName.optional().describe('Where assumptionsText came from, named in messages and cited'),
    ...currency,
  }).strict(),
  run: (ctx, o) => runSurvivalSimulation(ctx.store, {
    ...(o.companies && o.companies.length ? { companies: o.companies } : {}),
    ...(o.ledgerCompanies ? { ledgerCompanies: true } : {}),
    ...(o.horizon !== undefined ? { horizonMonths: o.horizon } : {}),
    paths: ctx.env.samples,
    seed: ctx.env.seed,
    ...(o.climate ? { climate: o.climate } : {}),
    ...(o.climateMarket ? { climateMarket: o.climateMarket } : {}),
    ...(o.fundingGrowth !== undefined ? { fundingGrowth: o.fundingGrowth } : {}),
    ...(o.climateHint !== undefined ? { climateHint: o.climateHint } : {}),
    ...hintOf(ctx),
    ...(o.assumptionsText !== undefined ? { assumptions: assumptionsOf(o)! } : {}),
    ...currencyOf(o),
    signal: ctx.signal,
    ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
  }),
  json: (a, ctx) => ({ ...analysisOnly(a), chart: plainJson(survivalChartOption(a.details, ctx.lang ?? 'en')) }),
});

const unitEconomics = define({
  name: 'unit-economics',
  summary: 'Unit economics of a subscription: margin per paying user after the store\'s share, inference and training costs, payback',
  samples: 'draws',
  asOf: 'view',
  options: z.object({
    price: figure.optional().describe('Price a month, e.g. "19.99美元/月" (default the ledger\'s ChatGPT Plus price)'),
    storeShare: figure.optional().describe('Share the store keeps, e.g. "30%" (default "15% to 30%")'),
    inferenceCost: figure.optional().describe('Inference cost per paying user a month, with its currency, e.g. "2至8美元" or "$2 to $8" (default "2 to 8 USD"); a figure with no currency is refused'),
    queriesPerUser: figure.optional().describe('Queries per paying user a month (with costPerQuery, instead of inferenceCost)'),
    costPerQuery: figure.optional().describe('Inference cost per query, with its currency, e.g. "$0.003" (a figure with no currency is refused)'),
    fixedCosts: figure.optional().describe('Other fixed costs a month, with their currency, e.g. "$2M"'),
    trainingModel: z.string().min(1).max(200).optional().describe('A model of the Epoch table whose training cost is amortised (default GPT-4; "none")'),
    trainingCost: figure.optional().describe('A training cost written out, instead of a model\'s'),
    amortiseMonths: z.coerce.number().positive().max(600).optional().describe('Months the training cost is spread over (default 12)'),
    subscribers: figure.optional().describe('Paying subscribers, for the payback'),
    ...currency,
  }).strict(),
  run: (ctx, o) => runUnitEconomicsAnalysis(ctx.store, {
    ...Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'currency' && k !== 'fxMonth')),
    ...envOf(ctx),
    ...currencyOf(o),
    ...hintOf(ctx),
  }),
  json: analysisOnly,
});

const checks = define({
  name: 'checks',
  summary: 'Plausibility checks: conflicting sources, mixed periods, unknown basis, figures out of line, stored values that break the value rules',
  samples: 'none',
  asOf: 'view',
  options: z.object({}).strict(),
  run: (ctx) => runPlausibilityCheck(ctx.store, hintOf(ctx)),
  json: analysisOnly,
});

const backtest = define({
  name: 'backtest',
  summary: 'Forecasts made from what was known on the as-of day, set beside what happened, scored against two baselines',
  samples: 'paths',
  asOf: 'forecast-day',
  options: z.object({
    horizon: whole(1, 600).optional().describe('Months after the as-of day over which an outcome counts (default 24)'),
    companies: names.optional().describe('Companies by any name (default every company with a fact known at the date)'),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day such as 2026-01-31').optional().describe('The day outcomes are judged on (default the clock\'s date)'),
    includeUndated: yesNo.optional().describe('Take in facts with no publication date'),
  }).strict(),
  run: (ctx, o) => {
    if (ctx.asOf === null) throw new ShakeoutError('backtest: expected asOf, the day the forecasts are made (YYYY-MM-DD), got none', { issues: [{ code: 'invalid_option', path: ['asOf'], message: 'expected the day the forecasts are made (YYYY-MM-DD), got nothing' }], status: 400 });
    return runBacktest(ctx.store, {
      asOf: ctx.asOf,
      ...(o.horizon !== undefined ? { horizonMonths: o.horizon } : {}),
      ...(o.companies && o.companies.length ? { companies: o.companies } : {}),
      paths: ctx.env.samples,
      seed: ctx.env.seed,
      ...(o.today !== undefined ? { today: o.today } : {}),
      ...(o.includeUndated ? { includeUndated: true } : {}),
      signal: ctx.signal,
    });
  },
  json: (r) => ({ backtest: plainJson(r) }),
});

/**
 * The analyses, one entry each: the CLI's commands, the server's
 * `/api/analyses/{name}` routes and runs, and the report read this list.
 * Adding an analysis is one entry here and its economics code.
 */
export const ANALYSES = [subscribers, funding, health, survival, unitEconomics, checks, backtest] as const;

export type AnalysisName = (typeof ANALYSES)[number]['name'];
export const ANALYSIS_NAMES = ANALYSES.map((a) => a.name) as readonly AnalysisName[];

type EntryOf<N extends AnalysisName> = Extract<(typeof ANALYSES)[number], { name: N }>;
/** The options an analysis takes, as its schema reads them. */
export type AnalysisOptions<N extends AnalysisName> = z.input<EntryOf<N>['options']>;
/** What an analysis returns. */
export type AnalysisResult<N extends AnalysisName> = Awaited<ReturnType<EntryOf<N>['run']>>;

/** The entry of an analysis by name; 404 naming the closest one. */
export function analysisEntry(name: string): AnalysisEntry {
  const e = ANALYSES.find((a) => a.name === name);
  if (e) return e as unknown as AnalysisEntry;
  const hint = closest(name, ANALYSIS_NAMES);
  const message = `no analysis "${name}"${hint ? `; did you mean ${hint}?` : ''} (the analyses: ${ANALYSIS_NAMES.join(', ')})`;
  throw new ShakeoutError(message, { issues: [{ code: 'unknown_analysis', path: ['name'], message }], status: 404 });
}

/**
 * Validates an analysis's options: a 400 whose issues name each field (under
 * `where`, e.g. 'query' or 'options'), what was expected and what came.
 */
export function parseAnalysisOptions(entry: AnalysisEntry, raw: unknown, where = 'options'): unknown {
  return parseWithSchema(entry.options, raw, where, entry.name);
}

/**
 * Parses `raw` with a zod schema, or throws a 400 whose issues name each
 * field under `where`, what was expected and what came; `label` starts the
 * message ('survival: options.horizon: expected ...').
 */
export function parseWithSchema(schema: z.ZodType, raw: unknown, where: string, label: string): unknown {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
  const issues: Issue[] = r.error.issues.map((i) => {
    const got = valueAt(raw, i.path);
    const expected = i.code === 'unrecognized_keys' ? `no field ${i.keys.map((k) => JSON.stringify(k)).join(', ')} (${label} takes ${fields.join(', ') || 'no options'})` : i.message.replace(/^Invalid input:\s*/i, '').replace(/^expected\s+/i, '');
    return { code: i.code, path: [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: `expected ${expected}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}` };
  });
  throw new ShakeoutError(`${label}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues, status: 400 });
}

/** The fields of an analysis's options. */
export function shapeOf(entry: AnalysisEntry): Record<string, z.ZodType> {
  return (entry.options as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
}

/**
 * Runs an analysis by name: its options validated by its schema, then run
 * in `ctx`. Rejects with code 'aborted' when `ctx.signal` stops it.
 *
 * @example
 * const a = await runAnalysis('health', analysisContext(store, { seed: 1 }), { company: 'Zhipu AI' });
 */
export async function runAnalysis<N extends AnalysisName>(name: N, ctx: AnalysisContext, options: AnalysisOptions<N>): Promise<AnalysisResult<N>>;
export async function runAnalysis(name: string, ctx: AnalysisContext, options: unknown): Promise<unknown>;
export async function runAnalysis(name: string, ctx: AnalysisContext, options: unknown): Promise<unknown> {
  const entry = analysisEntry(name);
  const parsed = parseAnalysisOptions(entry, options);
  throwIfAborted(ctx.signal);
  return entry.run(ctx, parsed);
}

/** Each analysis's name, summary, what its samples count and the JSON Schema of its options (for GET /api/analyses). */
export function analysisCatalogue(): { name: string; summary: string; samples: AnalysisEntry['samples']; asOf: AnalysisEntry['asOf']; options: Record<string, unknown> }[] {
  return ANALYSES.map((a) => ({ name: a.name, summary: a.summary, samples: a.samples, asOf: a.asOf, options: z.toJSONSchema(a.options, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> }));
}

/** The value at a path of a parsed request (what came, for a message). */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}
