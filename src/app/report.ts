import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ShakeoutError, type Lang } from '../core/index.js';
import { storeAsOf } from '../economics/index.js';
import type { Analysis, HealthDetails, SurvivalDetails, Text, UnitEconomicsDetails } from '../economics/index.js';
import { buildReport, renderChartSvg, renderHtml, renderMarkdown, reportJson } from '../report/index.js';
import type { LeftOut, Report, ReportInputs } from '../report/index.js';
import { loadSurvivalAssumptions, readSurvivalAssumptionsText, survivalAssumptionsFileText } from './analyze-health.js';
import { analysisContext, runAnalysis } from './analyses.js';
import { inRequestedCurrency, requestedCurrency, requestedDisplay, type CurrencyRequest } from './in-currency.js';
import type { Store } from '../ledger/index.js';

export type ReportFormat = 'md' | 'html' | 'json';

export interface ReportRequest extends CurrencyRequest {
  /** Default 'en'. */
  readonly lang?: Lang;
  /** Default 'md'. */
  readonly format?: ReportFormat;
  /** Write the report here (and, for Markdown, the charts in `<name>-charts/` beside it); default: return the text only. */
  readonly out?: string;
  /**
   * The companies the report is about, by any name; default the article's
   * ({@link DEFAULT_REPORT_COMPANIES}, and every company of the assumptions
   * file for the simulation). Other companies make a report about them: its
   * title, introduction and summary come from their figures.
   */
  readonly companies?: readonly string[];
  /** A survival assumptions file (YAML or JSON) instead of data/survival-assumptions.yaml. */
  readonly assumptions?: string;
  /** Default 'shakeout'. */
  readonly seed?: string | number;
  /** Draws per estimate and paths per company; default 10,000. */
  readonly samples?: number;
}

/** The article's companies: the four little dragons, OpenAI, Anthropic, Inflection AI. */
export const DEFAULT_REPORT_COMPANIES: readonly string[] = ['Moonshot AI', 'MiniMax', 'Zhipu AI', 'Baichuan AI', 'OpenAI', 'Anthropic', 'Inflection AI'];

/** The track record section's backtest: forecasts as of the article's date, over the two years after it. */
export const TRACK_RECORD = { asOf: '2024-05-20', horizonMonths: 24 } as const;

/** What `runReport` produced: the model, the text in the format asked, and the files written. */
export interface ReportResult {
  readonly report: Report;
  readonly text: string;
  /** Paths written (the report first, then the charts); empty without `out`. */
  readonly written: readonly string[];
}

/**
 * Runs every analysis the report needs on one ledger with one seed, through
 * the registry ({@link runAnalysis}) in one context (store, samples and
 * seed, as-of day, signal, language): funding
 * (nominal and 2021 dollars), health of each company, ChatGPT's subscribers
 * with the basis left open, unit economics, the survival simulation, its
 * backtest as of the article's date ({@link TRACK_RECORD}) and the
 * plausibility checks. An analysis the ledger cannot feed is left out with a
 * note rather than failing the report, and so is a company an analysis
 * refuses (each with why); an unknown company name fails it.
 *
 * With `companies` (other than the article's), the report is about those
 * companies: `ReportInputs.companies` holds their ids.
 *
 * The report sets no climate: the simulation runs in its default one, and
 * says so without naming the command line's options (`climateHint: false`).
 */
export async function gatherReportInputs(store: Store, req: ReportRequest = {}): Promise<ReportInputs> {
  const currency = requestedCurrency(req);
  const samples = req.samples ?? 10_000;
  const seed = req.seed ?? 'shakeout';
  const ctx = analysisContext(store, { samples, seed, ...(req.lang ? { lang: req.lang } : {}) });
  const notes: { en: string; zh: string; detail?: string }[] = [];
  const leftOut: LeftOut[] = [];
  const soft = async <T>(what: Text, f: () => Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch (e) {
      if (!(e instanceof ShakeoutError) || e.status >= 500) throw e;
      notes.push({ en: `${what.en} left out:`, zh: `${what.zh}未纳入：`, detail: e.message });
      return null;
    }
  };
  // Read before opening the ledger: a bad --assumptions file changes nothing. The simulation takes its text, as from the CLI.
  const assumptionsFile = req.assumptions ?? null;
  const fromFile = assumptionsFile ? { assumptionsText: survivalAssumptionsFileText(assumptionsFile), assumptionsName: assumptionsFile } : null;
  const assumptions = fromFile ? readSurvivalAssumptionsText(fromFile.assumptionsText, fromFile.assumptionsName) : loadSurvivalAssumptions();
  const inputs = await (async () => {
    const asked = req.companies && req.companies.length ? req.companies : null;
    const entities = asked ? await Promise.all(asked.map((n) => store.resolveEntity(n))) : null;
    const ids = entities ? [...new Set(entities.map((e) => e.id))] : null;
    const articleIds = await Promise.all(DEFAULT_REPORT_COMPANIES.map(async (n) => (await store.resolveEntity(n)).id));
    const companies = ids && !sameSet(ids, articleIds) ? ids : null;
    const funding = await runAnalysis('funding', ctx, {});
    const funding2021 = await soft({ en: 'Funding in 2021 dollars', zh: '2021年美元口径的融资' }, () => runAnalysis('funding', ctx, { constantYear: 2021 }));
    const health: Analysis<HealthDetails>[] = [];
    // as of the simulation's date, so that health shows the inputs the shakeout reads; an as-of ledger's day wins over the file's
    const seen = storeAsOf(store);
    // the file's as_of is the start only of the companies it names (an as-of ledger's day is every company's)
    const named = new Set(await Promise.all(assumptions.companies.map(async (c) => (await store.resolveEntity(c.company)).id)));
    for (const id of ids ?? articleIds) {
      try {
        // in the currency asked for from the start, so that a figure written in it is shown as written
        health.push(await runAnalysis('health', ctx, { company: id, currency, ...(req.fxMonth !== undefined ? { fxMonth: req.fxMonth } : {}), ...(!seen && named.has(id) ? { date: assumptions.asOf, startFile: assumptions.file } : {}) }));
      } catch (e) {
        if (!(e instanceof ShakeoutError) || e.status >= 500) throw e;
        leftOut.push({ company: id, analysis: 'health', reason: 'failed', detail: e.message });
      }
    }
    const subscribers = await soft({ en: 'The ChatGPT subscriber estimate', zh: 'ChatGPT订阅用户估算' }, () => runAnalysis('subscribers', ctx, { product: 'ChatGPT', basis: 'unknown' }));
    const survival = await soft({ en: 'The survival simulation', zh: '洗牌模拟' }, async (): Promise<Analysis<SurvivalDetails> | null> => {
      const file = assumptionsFile ?? 'data/survival-assumptions.yaml';
      const run = (only?: string[]) =>
        runAnalysis('survival', ctx, {
          ...(only ? { companies: only } : {}),
          climateHint: false,
          ...fromFile,
        });
      const known = async () => new Set(await Promise.all(assumptions.companies.map(async (c) => (await store.resolveEntity(c.company)).id)));
      // As of a day, some companies of the file may have no inputs published yet: simulate those that have, and name the others.
      const targets = ids ?? (seen ? [...(await known())] : null);
      if (!targets) return run();
      return simulateEach(targets, run, known, file, leftOut, (id) => seen?.date ?? (named.has(id) ? assumptions.asOf : null));
    });
    // The track record is the article's: a report about other companies names none of the article's; and an
    // as-of report stands on a day before what happened was known, so it has none either.
    const trackRecord = companies || seen ? null : await soft({ en: 'The track record', zh: '预测记录' }, () => runAnalysis('backtest', { ...ctx, asOf: TRACK_RECORD.asOf }, { horizon: TRACK_RECORD.horizonMonths }));
    const plausibility = await runAnalysis('checks', ctx, {});
    const facts = await store.listFacts();
    const allEntities = await store.listEntities();
    // --currency: the analyses of one date take one rate; funding, a series over years compared with constant 2021 dollars, stays in US dollars
    const shown = async <D>(a: Analysis<D>): Promise<Analysis<D>> => inRequestedCurrency(store, a, currency, req.fxMonth);
    const converted = {
      health: await Promise.all(health.map(shown)),
      subscribers: subscribers && (await shown(subscribers)),
      survival: survival && (await shown(survival)),
    };
    return { funding, funding2021, ...converted, trackRecord, plausibility, facts, entities: allEntities, companies, asOf: seen };
  })();
  const unitEconomics: Analysis<UnitEconomicsDetails> | null = await soft({ en: 'Unit economics', zh: '单位经济' }, () => runAnalysis('unit-economics', ctx, { currency, ...(req.fxMonth !== undefined ? { fxMonth: req.fxMonth } : {}) }));
  // the method section states the currency's rules once, naming the analyses each applies to
  const display = await requestedDisplay(store, currency, req.fxMonth);
  return { ...inputs, unitEconomics, env: { samples, seed }, notes, leftOut, currency, ...(display ? { display } : {}), fx: (await store.tables()).fx };
}

/**
 * The simulation of the companies asked for, as many of them as it can take:
 * those the assumptions file (`file`) has nothing on are left out with that
 * reason, and when it refuses some company's inputs, each company is tried
 * alone to find which (left out with the error) and the others are
 * simulated together. Null when none is left.
 */
async function simulateEach(
  ids: readonly string[],
  run: (only: string[]) => Promise<Analysis<SurvivalDetails>>,
  known: () => Promise<Set<string>>,
  file: string,
  leftOut: LeftOut[],
  startOf: (id: string) => string | null,
): Promise<Analysis<SurvivalDetails> | null> {
  const refused = (e: unknown): e is ShakeoutError => e instanceof ShakeoutError && e.status < 500;
  let only = [...ids];
  try {
    return await run(only);
  } catch (e) {
    if (!refused(e)) throw e;
    if (e.issues.some((x) => x.code === 'no_assumptions')) {
      const k = await known();
      for (const id of ids.filter((x) => !k.has(x))) leftOut.push({ company: id, analysis: 'survival', reason: 'not_in_assumptions', detail: file });
      only = ids.filter((x) => k.has(x));
      if (only.length) {
        try {
          return await run(only);
        } catch (e2) {
          if (!refused(e2)) throw e2;
        }
      }
    }
  }
  const fine: string[] = [];
  for (const id of only) {
    try {
      await run([id]);
      fine.push(id);
    } catch (e) {
      if (!refused(e)) throw e;
      // Its facts at its start (and the file) lack inputs: the report names them in its words.
      const lacking = e.issues.filter((x) => x.code === 'missing_input' && x.path[1] === id).map((x) => String(x.path[2]));
      const out = e.issues.find((x) => x.code === 'out_before_start' && x.path[1] === id);
      if (lacking.length) leftOut.push({ company: id, analysis: 'survival', reason: 'lacking', detail: lacking.join(','), lacking, start: startOf(id) });
      else if (out) {
        // the outcome's day, type and publisher, as the issue gives them
        const [date = '', type = '', ...publisher] = (out.got ?? '').split(' ');
        leftOut.push({ company: id, analysis: 'survival', reason: 'out', detail: out.message, outcome: { date, type, publisher: publisher.join(' ') } });
      }
      else leftOut.push({ company: id, analysis: 'survival', reason: 'failed', detail: e.message });
    }
  }
  return fine.length ? run(fine) : null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && b.every((x) => a.includes(x));
}

/** The folder of a Markdown report's charts, relative to it: report.md -> 'report-charts'. */
export function chartDirFor(out: string): string {
  return `${basename(out, extname(out))}-charts`;
}

/**
 * The report in a format; for Markdown with `chartDir`, the SVG files to
 * write there (relative paths); with `inlineCharts`, Markdown that holds its
 * charts as data: URIs (one self-contained file, as the API serves it).
 */
export async function renderReport(report: Report, format: ReportFormat, options: { chartDir?: string | null; inlineCharts?: boolean } = {}): Promise<{ text: string; files: { path: string; content: string }[] }> {
  const svgOf = async () => Promise.all(report.charts.map(async (c) => [c.id, await renderChartSvg(c, report.lang)] as const));
  switch (format) {
    case 'json':
      return { text: reportJson(report), files: [] };
    case 'html':
      return { text: renderHtml(report, new Map(await svgOf())), files: [] };
    case 'md': {
      if (options.inlineCharts) {
        const svgs = new Map(await svgOf());
        return { text: renderMarkdown(report, { chartDir: null, chartHref: (id) => `data:image/svg+xml;base64,${Buffer.from(svgs.get(id)!, 'utf8').toString('base64')}` }), files: [] };
      }
      const chartDir = options.chartDir ?? null;
      const text = renderMarkdown(report, { chartDir });
      const files = chartDir === null ? [] : (await svgOf()).map(([id, content]) => ({ path: `${chartDir}/${id}.svg`, content }));
      return { text, files };
    }
  }
}

/** The report as data, in the language asked (default en): every analysis gathered ({@link gatherReportInputs}) and built into sections, footnotes and chart specs. */
export async function reportModel(store: Store, req: ReportRequest = {}): Promise<Report> {
  const lang = req.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new ShakeoutError(`--lang: expected zh or en, got "${String(lang)}"`, { status: 400 });
  return buildReport(await gatherReportInputs(store, req), lang);
}

/**
 * `shakeout report`: gathers the analyses, builds the report in the language
 * asked and renders it; with `out`, writes the file and, for Markdown, the
 * chart SVGs in `<name>-charts/` beside it.
 */
export async function runReport(store: Store, req: ReportRequest = {}): Promise<ReportResult> {
  const format = req.format ?? 'md';
  if (!['md', 'html', 'json'].includes(format)) throw new ShakeoutError(`--format: expected md, html or json, got "${String(format)}"`, { status: 400 });
  const report = await reportModel(store, req);
  const chartDir = req.out && format === 'md' ? chartDirFor(req.out) : null;
  const { text, files } = await renderReport(report, format, { chartDir });
  const written: string[] = [];
  if (req.out) {
    const dir = dirname(req.out);
    await mkdir(dir, { recursive: true });
    await writeFile(req.out, text, 'utf8');
    written.push(req.out);
    if (files.length) await mkdir(join(dir, chartDir!), { recursive: true });
    for (const f of files) {
      const p = join(dir, f.path);
      await writeFile(p, f.content, 'utf8');
      written.push(p);
    }
  }
  return { report, text, written };
}
