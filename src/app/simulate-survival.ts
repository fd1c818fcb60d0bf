import { analyzeSurvival, climateFromFunding, climateFromLedger, DEFAULT_CLIMATE_MARKET } from '../economics/index.js';
import type { Analysis, ClimateName, SurvivalDetails, Text } from '../economics/index.js';
import type { Fact } from '../ledger/index.js';
import { loadSurvivalAssumptions } from './analyze-health.js';
import { withLedger, type LedgerOptions } from './open-ledger.js';
import { inRequestedCurrency, requestedCurrency, type CurrencyRequest } from './in-currency.js';

export interface SurvivalRequest extends CurrencyRequest {
  /** Companies by any name; default every company of the assumptions. */
  readonly companies?: readonly string[];
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
  /** An assumptions file instead of the bundled data/survival-assumptions.yaml. */
  readonly assumptionsFile?: string;
}

/** `shakeout simulate survival`: the shakeout simulation as an Analysis. */
export async function runSurvivalSimulation(db: string | LedgerOptions | undefined, req: SurvivalRequest): Promise<Analysis<SurvivalDetails>> {
  const currency = requestedCurrency(req);
  const assumptions = loadSurvivalAssumptions(req.assumptionsFile);
  return withLedger(db, async (store) => {
    let climate: ClimateName = 'neutral';
    let climateFacts: readonly Fact[] = [];
    let climateReason: Text = {
      en: 'default: neutral (--climate auto derives it from the ledger\'s funding figures; or set --climate, or --funding-growth)',
      zh: '默认：中性（用 --climate auto 可由账本中的融资数据推得，也可用 --climate 或 --funding-growth 设定）',
    };
    if (req.climate === 'auto') {
      const c = await climateFromLedger(store, { market: req.climateMarket ?? DEFAULT_CLIMATE_MARKET });
      climate = c.climate.name as ClimateName;
      climateReason = c.reason;
      climateFacts = c.facts;
    } else if (req.climate) {
      climate = req.climate;
      const zh = { cold: '寒冷', neutral: '中性', hot: '火热' }[req.climate];
      climateReason = { en: `set on the command line: ${req.climate}`, zh: `命令行设定：${zh}` };
    } else if (req.fundingGrowth !== undefined) {
      const c = climateFromFunding(req.fundingGrowth);
      climate = c.climate.name as ClimateName;
      climateReason = c.reason;
    }
    const analysis = await analyzeSurvival(store, {
      assumptions,
      ...(req.companies && req.companies.length ? { companies: req.companies } : {}),
      ...(req.horizonMonths !== undefined ? { horizonMonths: req.horizonMonths } : {}),
      ...(req.paths !== undefined ? { paths: req.paths } : {}),
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
      climate,
      climateReason,
      climateFacts,
    });
    return inRequestedCurrency(store, analysis, currency, req.fxMonth);
  });
}
