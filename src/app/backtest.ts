import { backtestForecasts, DEFAULT_CLIMATE_MARKET, FORECAST_NEEDS, observeOutcome, outBefore, scoreBacktest, windowEnd } from '../economics/index.js';
import type { BacktestCompany, BacktestResult, Observation, Text } from '../economics/index.js';
import { asOfStore, readAsOfDate, type Entity, type Store } from '../ledger/index.js';

/** `shakeout backtest`: what to run. */
export interface BacktestRequest {
  /** The day the forecasts are made, YYYY-MM-DD. */
  readonly asOf: string;
  /** Months after the as-of day over which an outcome counts (default 24). */
  readonly horizonMonths?: number;
  /** Companies by any name (default every company with a fact known at the as-of day). */
  readonly companies?: readonly string[];
  /** Paths per company (default 10,000). */
  readonly paths?: number;
  /** Default 'shakeout'. */
  readonly seed?: string | number;
  /** The day outcomes are judged on (default the clock's date): a window not ended by then is unknown. */
  readonly today?: string;
  /** Take in facts with no publication date (default false: left out, and counted). */
  readonly includeUndated?: boolean;
  /** Stops the forecasts' simulation between months (a ShakeoutError of code 'aborted'). */
  readonly signal?: AbortSignal;
}

/**
 * `shakeout backtest`: for every company with the inputs at the as-of day,
 * the forecast model run on the ledger as it stood then (`asOfStore`: facts,
 * corrections and FX published by then), set beside what the whole ledger's
 * outcomes say happened within the horizon, scored with the two baselines.
 * A company already out by the as-of day is left out and listed; one lacking
 * inputs is listed with what it lacks.
 */
export async function runBacktest(store: Store, req: BacktestRequest): Promise<BacktestResult> {
  const asOf = readAsOfDate(req.asOf, '--as-of');
  const horizonMonths = req.horizonMonths ?? 24;
  const paths = req.paths ?? 10_000;
  const seed = req.seed ?? 'shakeout';
  const today = req.today ? readAsOfDate(req.today, 'today') : new Date().toISOString().slice(0, 10);
  const includeUndated = req.includeUndated ?? false;
  const then = await asOfStore(store, { asOf, includeUndated });

  // Which companies: those named, else every company with a fact known then.
  let entities: Entity[];
  if (req.companies && req.companies.length) {
    entities = [];
    for (const name of req.companies) {
      const e = await store.resolveEntity(name);
      if (!entities.some((x) => x.id === e.id)) entities.push(e);
    }
  } else {
    const known = new Set((await then.listFacts()).map((f) => f.entity));
    entities = (await store.listEntities()).filter((e) => e.kind === 'company' && known.has(e.id));
  }

  const outBeforeList: BacktestResult['leftOut']['outBefore'][number][] = [];
  const observed = new Map<string, Observation>();
  const candidates: string[] = [];
  for (const e of entities) {
    const outcomes = await store.listOutcomes({ entity: e.id });
    const before = outBefore(outcomes, asOf);
    if (before) {
      outBeforeList.push({ entity: e.id, name: e.nameEn, nameZh: e.nameZh, ...before });
      continue;
    }
    observed.set(e.id, observeOutcome(outcomes, asOf, horizonMonths, today));
    candidates.push(e.id);
  }

  const undated = await undatedRead(store, then.asOfInfo.undated, entities);
  const f = await backtestForecasts(then, candidates, { asOf, horizonMonths, paths, seed, ...(req.signal ? { signal: req.signal } : {}) });
  const s = scoreBacktest(f.forecasts, observed);
  const byEntity = new Map(f.forecasts.map((x) => [x.entity, x.inputs]));
  return {
    asOf,
    horizonMonths,
    companies: s.companies.map((c: BacktestCompany) => ({
      entity: c.entity, pOut: c.pOut, observed: c.observed, outcomeType: c.outcomeType, outcomeDate: c.outcomeDate,
      name: c.name, nameZh: c.nameZh, monthsSinceLastRound: c.monthsSinceLastRound,
      baselines: { baseRate: c.baseRate, monthsSinceRound: c.monthsSinceRound },
      reason: c.reason,
      factIds: byEntity.get(c.entity)?.facts.map((fact) => fact.id) ?? [],
      inputs: byEntity.get(c.entity)?.rows ?? [],
      fundability: byEntity.get(c.entity)?.fundability ?? { recency: 1, size: 1, value: 1 },
      notes: byEntity.get(c.entity)?.notes ?? [],
      conversions: byEntity.get(c.entity)?.conversions ?? [],
    })),
    brier: s.model.brier,
    logLoss: s.model.logLoss,
    auc: s.model.auc,
    pairs: s.model.pairs,
    baselines: s.baselines,
    calibration: s.calibration,
    scored: s.scored,
    out: s.out,
    beatsBothOnBrier: s.beatsBothOnBrier,
    verdict: verdict(s.beatsBothOnBrier, s.scored, s.out),
    leftOut: {
      outBefore: outBeforeList,
      lacking: f.lacking.map((l) => ({ ...l, how: l.lacking.map((k) => FORECAST_NEEDS[k]) })),
    },
    windowEnd: windowEnd(asOf, horizonMonths),
    today,
    paths,
    seed,
    climate: { name: f.climate.name, reason: f.climateReason },
    undatedFacts: undated.reduce((n, u) => n + u.factIds.length, 0),
    undated,
    undatedElsewhere: then.asOfInfo.undated.length - undated.reduce((n, u) => n + u.factIds.length, 0),
    includeUndated,
    assumptions: f.assumptions,
  };
}

/**
 * The facts with no publication date (left out, or taken in) among those the
 * run reads: each company's own and its products', and the funding climate's
 * market's (the climate is read from the ledger). Only entities with some.
 */
async function undatedRead(store: Store, undatedIds: readonly string[], entities: readonly Entity[]): Promise<BacktestResult['undated'][number][]> {
  const ids = new Set(undatedIds);
  if (!ids.size) return [];
  const read: { e: Entity; role: 'company' | 'climate' }[] = entities.map((e) => ({ e, role: 'company' }));
  const market = await store.resolveEntity(DEFAULT_CLIMATE_MARKET).catch(() => null);
  if (market && !entities.some((e) => e.id === market.id)) read.push({ e: market, role: 'climate' });
  const out: BacktestResult['undated'][number][] = [];
  for (const { e, role } of read) {
    const factIds = (await store.listFacts({ entity: e.id, includeProducts: true, includeSuperseded: true })).filter((x) => ids.has(x.id)).map((x) => x.id);
    if (factIds.length) out.push({ entity: e.id, name: e.nameEn, nameZh: e.nameZh, role, factIds });
  }
  return out;
}

function verdict(beats: boolean | null, scored: number, out: number): Text {
  if (beats === null) {
    return scored === 0
      ? { en: 'Nothing to score: no company has a known outcome over the window.', zh: '无可评分：没有公司在观察期内有已知结果。' }
      : { en: `The baselines cannot be scored on ${scored} compan${scored === 1 ? 'y' : 'ies'}: each needs other scored companies to learn from.`, zh: `仅 ${scored} 家公司可评分，基准无法评分：基准需要从其他已评分公司学习。` };
  }
  const none = out === 0 ? { en: ' (no company was out, so this rests on the survivors alone, and no AUC can be computed)', zh: '（没有公司出局，因此只反映存活公司的预测，也无法计算曲线下面积）' } : { en: '', zh: '' };
  return beats
    ? { en: `The model beats both baselines on the Brier score${none.en}.`, zh: `模型的布里尔分数优于两个基准${none.zh}。` }
    : { en: `The model does not beat both baselines on the Brier score${none.en}.`, zh: `模型的布里尔分数未能同时优于两个基准${none.zh}。` };
}
