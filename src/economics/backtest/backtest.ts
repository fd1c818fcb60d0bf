import { ShakeoutError } from '../../core/index.js';
import type { Fact, Store } from '../../ledger/index.js';
import type { Assumption, Text } from '../analysis.js';
import { climateFromLedger, DEFAULT_CLIMATE_MARKET } from '../survival/climate-from-ledger.js';
import { forecastAssumptions, forecastInputs, type CompanyForecastInputs, type ForecastNeed } from '../survival/forecast-inputs.js';
import { CLIMATES, type FundingClimate } from '../survival/funding-climate.js';
import { simulateSurvival } from '../survival/simulate-survival.js';
import { baseRateLeaveOneOut, monthsSinceRoundLeaveOneOut } from './baselines.js';
import { areaUnderCurve, brierScore, calibrationTable, logLoss, rankingAuc, type CalibrationBin, type ScoredForecast } from './forecast-scores.js';
import type { Observation } from './observe-outcome.js';

/** The model's forecast for one company, made from what was known at the as-of date. */
export interface CompanyForecast {
  readonly entity: string;
  readonly name: string;
  readonly nameZh: string | null;
  /** P(out of cash within the horizon). */
  readonly pOut: number;
  readonly monthsSinceLastRound: number;
  readonly fundability: number;
  readonly inputs: CompanyForecastInputs;
}

/** Forecasts for every company that had the inputs, and the companies that lacked some. */
export interface BacktestForecasts {
  readonly forecasts: readonly CompanyForecast[];
  readonly lacking: readonly {
    readonly entity: string;
    readonly name: string;
    readonly nameZh: string | null;
    readonly lacking: readonly ForecastNeed[];
    /** Why the ledger's facts could not be read at the date (the error's message), or null. */
    readonly error: string | null;
  }[];
  readonly climate: FundingClimate;
  readonly climateReason: Text;
  readonly climateFacts: readonly Fact[];
  readonly assumptions: readonly Assumption[];
}

export interface BacktestForecastOptions {
  readonly asOf: string;
  readonly horizonMonths: number;
  readonly paths: number;
  readonly seed: string | number;
  /** Stops the simulation between months (see SurvivalOptions.signal). */
  readonly signal?: AbortSignal;
}

/**
 * The forecast model run as a user would have run it at the as-of date: give
 * it the ledger as it stood then (`asOfStore`). For each company, its inputs
 * from {@link forecastInputs}; the climate from the ledger's funding figures
 * (`climateFromLedger`, neutral when it has no series); then one simulation
 * over the companies that have every input. A company's draws depend only on
 * its own id and the seed, so adding or removing other companies changes no
 * forecast.
 */
export async function backtestForecasts(store: Store, companies: readonly string[], options: BacktestForecastOptions): Promise<BacktestForecasts> {
  const env = { sampleCount: options.paths, seed: options.seed };
  let climate: FundingClimate = CLIMATES.neutral;
  let climateReason: Text;
  let climateFacts: readonly Fact[] = [];
  try {
    const c = await climateFromLedger(store, { market: DEFAULT_CLIMATE_MARKET });
    climate = c.climate;
    climateReason = c.reason;
    climateFacts = c.facts;
  } catch (e) {
    // No market entity (404) or no series of it (400): a user then would have run on the neutral default.
    if (!(e instanceof ShakeoutError) || (e.status !== 400 && e.status !== 404)) throw e;
    climateReason = { en: `neutral, the default: ${e.message}`, zh: '中性（默认）：账本中没有同一来源连续两年的市场融资数据' };
  }
  const got: CompanyForecastInputs[] = [];
  const refused: BacktestForecasts['lacking'][number][] = [];
  for (const c of companies) {
    try {
      got.push(await forecastInputs(store, c, { asOf: options.asOf, env }));
    } catch (e) {
      // A company whose facts cannot be read at the date (an FX rate of a month not ended yet, ...) is listed with why, not guessed.
      if (!(e instanceof ShakeoutError) || e.status >= 500) throw e;
      const entity = await store.resolveEntity(c);
      refused.push({ entity: entity.id, name: entity.nameEn, nameZh: entity.nameZh, lacking: [], error: e.message });
    }
  }
  const ready = got.filter((g) => g.inputs);
  const lacking = [...got.filter((g) => !g.inputs).map((g) => ({ entity: g.entity.id, name: g.entity.nameEn, nameZh: g.entity.nameZh, lacking: g.lacking, error: null })), ...refused];
  const result = ready.length
    ? simulateSurvival({ companies: ready.map((g) => g.inputs!), horizonMonths: options.horizonMonths, paths: options.paths, seed: options.seed, climate, drivers: false, ...(options.signal ? { signal: options.signal } : {}) })
    : null;
  const forecasts = ready.map((g, i) => {
    const s = result!.companies[i]!.survival;
    return {
      entity: g.entity.id,
      name: g.entity.nameEn,
      nameZh: g.entity.nameZh,
      pOut: 1 - s[options.horizonMonths]!,
      monthsSinceLastRound: g.monthsSinceLastRound!,
      fundability: g.fundability.value,
      inputs: g,
    };
  });
  return { forecasts, lacking, climate, climateReason, climateFacts, assumptions: forecastAssumptions() };
}

/** One company of a backtest, as the issue's JSON gives it, plus the baselines' forecasts. */
export interface BacktestCompany {
  readonly entity: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly pOut: number;
  readonly observed: Observation['observed'];
  readonly outcomeType: string | null;
  readonly outcomeDate: string | null;
  readonly reason: Text;
  readonly monthsSinceLastRound: number;
  /** The baselines' forecasts (null when the company is not scored, or has no other scored company to learn from). */
  readonly baseRate: number | null;
  readonly monthsSinceRound: number | null;
}

/** Scores of one forecaster over the scored companies. */
export interface BacktestScores {
  readonly brier: number | null;
  readonly logLoss: number | null;
  readonly auc: number | null;
  readonly pairs: number;
}

export interface BacktestScoring {
  readonly companies: readonly BacktestCompany[];
  /** Companies with observed out or survived. */
  readonly scored: number;
  readonly out: number;
  readonly model: BacktestScores;
  readonly baselines: { readonly baseRate: BacktestScores; readonly monthsSinceRound: BacktestScores };
  readonly calibration: readonly CalibrationBin[];
  /** Whether the model's Brier score is below both baselines' (null when there is nothing to score). */
  readonly beatsBothOnBrier: boolean | null;
}

/**
 * Sets each forecast beside what happened and scores the model and the two
 * baselines on the same companies: those observed out or survived (unknown
 * ones are shown, not scored). The baselines are fitted leave-one-out over
 * the scored companies. The model has no parameter fitted on outcomes, so
 * its forecasts need no leave-one-out.
 */
export function scoreBacktest(forecasts: readonly CompanyForecast[], observed: ReadonlyMap<string, Observation>): BacktestScoring {
  const rows = forecasts.map((f) => ({ f, o: observed.get(f.entity) ?? missing(f.entity) }));
  const scoredRows = rows.filter((r) => r.o.observed !== 'unknown');
  const ys = scoredRows.map((r) => (r.o.observed === 'out' ? 1 : 0) as 0 | 1);
  const base = baseRateLeaveOneOut(ys);
  const months = monthsSinceRoundLeaveOneOut(scoredRows.map((r) => r.f.monthsSinceLastRound), ys);
  const baseline = new Map(scoredRows.map((r, i) => [r.f.entity, { baseRate: base[i]!, monthsSinceRound: months[i]! }]));
  const companies: BacktestCompany[] = rows.map(({ f, o }) => ({
    entity: f.entity,
    name: f.name,
    nameZh: f.nameZh,
    pOut: f.pOut,
    observed: o.observed,
    outcomeType: o.outcomeType,
    outcomeDate: o.outcomeDate,
    reason: o.reason,
    monthsSinceLastRound: f.monthsSinceLastRound,
    baseRate: baseline.get(f.entity)?.baseRate ?? null,
    monthsSinceRound: baseline.get(f.entity)?.monthsSinceRound ?? null,
  }));
  const scoredCompanies = companies.filter((c) => c.observed !== 'unknown');
  const model = scores(scoredCompanies.map((c) => ({ p: c.pOut, y: c.observed === 'out' ? 1 : 0 })));
  const y = (c: BacktestCompany): 0 | 1 => (c.observed === 'out' ? 1 : 0);
  // A base rate ranks nothing: its AUC is null (left out one at a time, an out company's own rate is the lower
  // one, which would read as an AUC of 0). The months baseline ranks by the months themselves, which needs no
  // fit: its leave-one-out logistic can turn its slope round on a small set (more months, less often out) and
  // would then rank the other way for the company left out.
  const baseRate = { ...scores(scoredCompanies.flatMap((c) => (c.baseRate === null ? [] : [{ p: c.baseRate, y: y(c) } as ScoredForecast]))), auc: null };
  const byMonths = rankingAuc(scoredCompanies.map((c) => ({ score: c.monthsSinceLastRound, y: y(c) })));
  const monthsSinceRound = { ...scores(scoredCompanies.flatMap((c) => (c.monthsSinceRound === null ? [] : [{ p: c.monthsSinceRound, y: y(c) } as ScoredForecast]))), auc: byMonths.auc };
  const b = [baseRate.brier, monthsSinceRound.brier];
  return {
    companies,
    scored: scoredCompanies.length,
    out: ys.filter((y) => y === 1).length,
    model,
    baselines: { baseRate, monthsSinceRound },
    calibration: scoredCompanies.length ? calibrationTable(scoredCompanies.map((c) => ({ p: c.pOut, y: c.observed === 'out' ? 1 : 0 }))) : [],
    beatsBothOnBrier: model.brier === null || b.some((x) => x === null) ? null : b.every((x) => model.brier! < x!),
  };
}

function scores(f: readonly ScoredForecast[]): BacktestScores {
  if (!f.length) return { brier: null, logLoss: null, auc: null, pairs: 0 };
  const { auc, pairs } = areaUnderCurve(f);
  return { brier: brierScore(f), logLoss: logLoss(f), auc, pairs };
}

function missing(entity: string): never {
  throw new ShakeoutError(`scoreBacktest: no observation for ${entity}`, { status: 500 });
}
