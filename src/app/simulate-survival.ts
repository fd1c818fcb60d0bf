import { analyzeSurvival, asOfClimateFallbackText, asOfOverridesFileText, climateFromFunding, climateFromLedger, DEFAULT_CLIMATE_MARKET, withAsOf } from '../economics/index.js';
import type { Analysis, ClimateName, OptionHint, SurvivalAssumptions, SurvivalDetails, Text } from '../economics/index.js';
import { asOfInfoOf, type Fact, type Store } from '../ledger/index.js';
import { ShakeoutError } from '../core/index.js';
import { loadSurvivalAssumptions } from './analyze-health.js';
import { inRequestedCurrency, requestedCurrency, type CurrencyRequest } from './in-currency.js';

export interface SurvivalRequest extends CurrencyRequest {
  /** Companies by any name; default every company of the assumptions. */
  readonly companies?: readonly string[];
  /** With no companies: also every other company the ledger has facts about (`AnalyzeSurvivalOptions.ledgerCompanies`). */
  readonly ledgerCompanies?: boolean;
  readonly horizonMonths?: number;
  readonly paths?: number;
  readonly seed?: string | number;
  /**
   * A named climate, or 'auto' to derive it from the ledger's funding figures
   * (`climateFromLedger`: the latest year-on-year growth of one market's
   * funding from one source). Default neutral (or the one `fundingGrowth` implies).
   */
  readonly climate?: ClimateName | 'auto';
  /** With climate 'auto': the market whose funding sets it, by any name (default generative-AI startups worldwide). */
  readonly climateMarket?: string;
  /** Funding this year / last year: sets the climate by `climateFromFunding` when no climate is named. */
  readonly fundingGrowth?: number;
  /**
   * With neither a climate nor `fundingGrowth`: whether the reason of the
   * default climate names the options that set one, in `hint`'s words
   * (default true). False says only that it is the simulation's default: a
   * report, which sets no climate, offers no option to name.
   */
  readonly climateHint?: boolean;
  /** How the default climate's reason names those options: the CLI's flags, the API's fields, or neither (the default). */
  readonly hint?: OptionHint;
  /** An assumptions file instead of the bundled data/survival-assumptions.yaml. */
  readonly assumptionsFile?: string;
  /** Assumptions already read (`readSurvivalAssumptionsText`: a request's text), instead of a file. */
  readonly assumptions?: SurvivalAssumptions;
  /** Stops the simulation between months (a ShakeoutError of code 'aborted'). */
  readonly signal?: AbortSignal;
  /** The simulation's progress, in company-months. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Why the climate is neutral when nothing sets it, naming the options that
 * would in the hint's words: the command line's flags, or the API's fields
 * (which the dashboard's URLs and forms share); 'none' names no option
 * (`climateHint: false`, the report's).
 */
const DEFAULT_CLIMATE_REASON: Readonly<Record<OptionHint, Text>> = {
  cli: {
    en: 'default: neutral (--climate auto derives it from the ledger\'s funding figures; or set --climate, or --funding-growth)',
    zh: '默认：中性（用 --climate auto 可由账本中的融资数据推得，也可用 --climate 或 --funding-growth 设定）',
  },
  api: {
    en: 'default: neutral (the funding climate "from the ledger", climate=auto, derives it from the ledger\'s funding figures; or set climate, or fundingGrowth)',
    zh: '默认：中性（融资环境选“由账本推得”，即 climate=auto，可由账本中的融资数据推得；也可设定 climate 或 fundingGrowth）',
  },
  none: { en: 'the default climate of the simulation', zh: '模拟的默认融资环境' },
};

/**
 * `shakeout simulate survival`: the shakeout simulation as an Analysis. On
 * an as-of ledger (`--as-of`) the simulation stands on that day, whatever
 * the assumptions file's `as_of` (a note says so when they differ), and
 * `--climate auto` with no funding series published by then falls back to
 * the neutral climate, saying why.
 */
export async function runSurvivalSimulation(store: Store, req: SurvivalRequest): Promise<Analysis<SurvivalDetails>> {
  const currency = requestedCurrency(req);
  const file = req.assumptions ?? loadSurvivalAssumptions(req.assumptionsFile);
  const info = asOfInfoOf(store);
  const assumptions = info ? { ...file, asOf: info.asOf } : file;
  const asOfNotes = info && info.asOf !== file.asOf ? [asOfOverridesFileText(info.asOf, file.file, file.asOf, req.hint)] : [];
  let climate: ClimateName = 'neutral';
  let climateFacts: readonly Fact[] = [];
  let climateReason: Text = DEFAULT_CLIMATE_REASON[req.climateHint === false ? 'none' : req.hint ?? 'none'];
  if (req.climate === 'auto') {
    const market = req.climateMarket ?? DEFAULT_CLIMATE_MARKET;
    try {
      const c = await climateFromLedger(store, { market, ...(req.hint ? { hint: req.hint } : {}) });
      climate = c.climate.name as ClimateName;
      climateReason = c.reason;
      climateFacts = c.facts;
    } catch (e) {
      // As of a day, a series not yet published is no error of the user's: the default, with the reason.
      if (!info || !(e instanceof ShakeoutError) || !e.issues.some((x) => x.code === 'no_funding_series')) throw e;
      const entity = await store.resolveEntity(market);
      climateReason = asOfClimateFallbackText(info, { en: entity.nameEn, zh: entity.nameZh ?? entity.nameEn }, { en: 'neutral', zh: '中性' }, req.hint);
    }
  } else if (req.climate) {
    climate = req.climate;
    const zh = { cold: '寒冷', neutral: '中性', hot: '火热' }[req.climate];
    climateReason = { en: `chosen for this run: ${req.climate}`, zh: `本次运行选定：${zh}` }; // the CLI's --climate or the API's climate=
  } else if (req.fundingGrowth !== undefined) {
    const c = climateFromFunding(req.fundingGrowth);
    climate = c.climate.name as ClimateName;
    climateReason = c.reason;
  }
  const simulated = await analyzeSurvival(store, {
    assumptions,
    ...(req.companies && req.companies.length ? { companies: req.companies } : {}),
    ...(req.ledgerCompanies ? { ledgerCompanies: true } : {}),
    ...(req.horizonMonths !== undefined ? { horizonMonths: req.horizonMonths } : {}),
    ...(req.paths !== undefined ? { paths: req.paths } : {}),
    ...(req.seed !== undefined ? { seed: req.seed } : {}),
    climate,
    climateReason,
    climateFacts,
    ...(req.signal ? { signal: req.signal } : {}),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
  });
  const analysis = withAsOf(store, asOfNotes.length ? { ...simulated, notes: [...asOfNotes, ...simulated.notes] } : simulated);
  return inRequestedCurrency(store, analysis, currency, req.fxMonth);
}
