import { analyzeSurvival, climateFromFunding } from '../economics/index.js';
import type { Analysis, ClimateName, SurvivalDetails, Text } from '../economics/index.js';
import { loadSurvivalAssumptions } from './analyze-health.js';
import { withLedger, type LedgerOptions } from './open-ledger.js';

export interface SurvivalRequest {
  /** Companies by any name; default every company of the assumptions. */
  readonly companies?: readonly string[];
  readonly horizonMonths?: number;
  readonly paths?: number;
  readonly seed?: string | number;
  /** A named climate; default neutral (or the one `fundingGrowth` implies). */
  readonly climate?: ClimateName;
  /** Funding this year / last year: sets the climate by `climateFromFunding` when no climate is named. */
  readonly fundingGrowth?: number;
  /** An assumptions file instead of the bundled data/survival-assumptions.yaml. */
  readonly assumptionsFile?: string;
}

/** `shakeout simulate survival`: the shakeout simulation as an Analysis. */
export async function runSurvivalSimulation(db: string | LedgerOptions | undefined, req: SurvivalRequest): Promise<Analysis<SurvivalDetails>> {
  const assumptions = loadSurvivalAssumptions(req.assumptionsFile);
  let climate: ClimateName = req.climate ?? 'neutral';
  let climateReason: Text = req.climate
    ? { en: `set on the command line: ${req.climate}`, zh: `命令行设定：${req.climate}` }
    : { en: 'default: neutral (set --climate, or --funding-growth to derive it)', zh: '默认：中性' };
  if (!req.climate && req.fundingGrowth !== undefined) {
    const c = climateFromFunding(req.fundingGrowth);
    climate = c.climate.name as ClimateName;
    climateReason = c.reason;
  }
  return withLedger(db, (store) =>
    analyzeSurvival(store, {
      assumptions,
      ...(req.companies && req.companies.length ? { companies: req.companies } : {}),
      ...(req.horizonMonths !== undefined ? { horizonMonths: req.horizonMonths } : {}),
      ...(req.paths !== undefined ? { paths: req.paths } : {}),
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
      climate,
      climateReason,
    }),
  );
}
