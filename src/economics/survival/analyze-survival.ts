import { countNoun, parsePeriod, ShakeoutError, type DistSpec, type Issue, type Period } from '../../core/index.js';
import { periodText } from '../plausibility/describe-fact.js';
import { monteCarloInterval } from './monte-carlo-interval.js';
import { quantileSorted } from '../../estimate/index.js';
import { asOfInfoOf, entitiesWithFacts, latestPublicationDay, type Fact, type OutcomeType, type Store } from '../../ledger/index.js';
import { outBefore } from '../backtest/observe-outcome.js';
import { AS_OF_TEXT_EN } from '../common/as-of-text-en.js';
import { AS_OF_TEXT_ZH } from '../common/as-of-text-zh.js';
import { inputsStart, startDate, type InputsStart } from '../common/inputs-start.js';
import type { Analysis, Assumption, Estimate, Text } from '../analysis.js';
import { collectHealthInputs, conversionNotes, type HealthAssumptionInput, type HealthInput, type HealthInputName } from '../health/index.js';
import { readValueText } from '../common/value-text.js';
import type { CompanyInputs, PathInput } from './company-inputs.js';
import { currentFact } from './current-fact.js';
import type { ClimateName, FundingClimate } from './funding-climate.js';
import { DEFAULT_RAISE_TARGET_MONTHS, simulateSurvival, simulateSurvivalYielding, type SurvivalDriver } from './simulate-survival.js';
import type { AssumedValue, CompanyAssumptions, SurvivalAssumptions } from './survival-assumptions.js';

export interface AnalyzeSurvivalOptions {
  /** The assumptions (read with `readSurvivalAssumptions`). */
  readonly assumptions: SurvivalAssumptions;
  /** Companies to simulate, by any name; default every company of the assumptions (see `ledgerCompanies`). */
  readonly companies?: readonly string[];
  /**
   * With no `companies`: also every other company the ledger has facts about,
   * each on its own facts or left out naming the inputs it lacks (the board's
   * view: no company with facts goes missing without a word). Default false.
   */
  readonly ledgerCompanies?: boolean;
  /** Default 60. */
  readonly horizonMonths?: number;
  /** Default 10,000. */
  readonly paths?: number;
  /** Default 'shakeout'. */
  readonly seed?: string | number;
  /** Default 'neutral'. */
  readonly climate?: ClimateName | FundingClimate;
  /** Why this climate (from `climateFromFunding`, or 'set by the user'). */
  readonly climateReason?: Text;
  /** The ledger facts the climate was derived from (`climateFromLedger`), cited with the analysis. */
  readonly climateFacts?: readonly Fact[];
  /** Stops the simulation between months (see SurvivalOptions.signal). */
  readonly signal?: AbortSignal;
  /** The simulation's progress in company-months (see SurvivalOptions.onProgress). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One input of one company as the simulation used it: the same as the health analysis shows (`collectHealthInputs`). */
export interface SurvivalInputRow {
  readonly input: Exclude<PathInput, 'roundSize'>;
  readonly status: 'reported' | 'derived' | 'assumed';
  /** The formula (facts, or the assumed value as written). */
  readonly text: string;
  /** 5th, 50th and 95th percentiles of its draws (USD; a fraction a month for growth). */
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** The first fact it rests on, or null (see `factIds`). */
  readonly factId: string | null;
  /** Every fact it rests on. */
  readonly factIds: readonly string[];
}

export interface SurvivalCompanyDetails {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string | null;
  /** S(t) for t = 0..horizon. */
  readonly survival: readonly number[];
  /**
   * The 90% band of S(t) for t = 0..horizon: the Monte Carlo error of each
   * share over the paths ({@link monteCarloInterval}); docs/survival-bands.md
   * says why this band and what it leaves out.
   */
  readonly band90: { readonly lower: readonly number[]; readonly upper: readonly number[] };
  readonly pOutWithin: { readonly 12: number | null; readonly 24: number | null; readonly 36: number | null };
  readonly medianMonthOut: number | null;
  /** True when more than half the paths survive the horizon (the median month out is beyond it). */
  readonly beyondHorizon: boolean;
  /** The median month out as words: 'month 43' / '第43个月', or 'beyond 60 months' / '60个月以后'. */
  readonly medianMonthOutText: Text;
  readonly meanRounds: number;
  readonly meanRaised: number;
  readonly drivers: readonly SurvivalDriver[];
  readonly fundability: number;
  readonly inputs: readonly SurvivalInputRow[];
  /** The date its inputs describe (its month 0), why that date, and the later facts it left aside. */
  readonly start: InputsStart;
}

/** The simulation's inputs, as a sentence names them when a company lacks them. */
export type SurvivalInputName = Exclude<PathInput, 'roundSize'>;

/** A company asked for (or named by the assumptions) that the simulation left out, and why. */
export interface SurvivalLeftOut {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string | null;
  /** The inputs neither its facts (at its start) nor the assumptions give. */
  readonly lacking: readonly SurvivalInputName[];
  /** The date its inputs were read at (null: its latest facts). */
  readonly start: string | null;
  /** 'Mistral AI: not enough facts to simulate as of 2024-05: missing cash, revenue growth and cost growth.' */
  readonly text: Text;
}

/** A company out of the race (docs/outcomes.md) on or before its start: not simulated, listed beside the ranking. */
export interface SurvivalOut {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly date: string;
  readonly type: OutcomeType;
  readonly publisher: string;
  /** 'Inflection AI: out since 2024-03-19 (licence and staff to a larger company, DeepLearning.AI (The Batch)): not simulated.' */
  readonly text: Text;
}

export interface SurvivalDetails {
  readonly climate: FundingClimate;
  readonly climateReason: Text | null;
  /** Ids of the facts the climate was derived from (empty when it was set or given as a ratio). */
  readonly climateFactIds: readonly string[];
  readonly horizonMonths: number;
  readonly paths: number;
  readonly seed: string | number;
  readonly raiseTargetMonths: number;
  readonly assumptionsFile: string;
  readonly asOf: string;
  readonly companies: readonly SurvivalCompanyDetails[];
  /** Best first, by P(survive 24 months) (or the horizon when shorter). */
  readonly ranking: readonly { readonly rank: number; readonly id: string; readonly name: string; readonly pSurvive: number }[];
  /** The month the ranking compares at: min(24, horizon). */
  readonly rankedAt: number;
  readonly elapsedMs: number;
  /** Every currency conversion the companies' inputs rest on (fact, rate, its period and source), as health lists them. */
  readonly conversions: readonly Text[];
  /**
   * The start of the simulated companies' inputs in plain words, one line per
   * start (companies whose sentence is the same share a line): the date, what
   * set it, and the later facts it left aside (docs/as-of.md). To be shown
   * where the figures are, not in a note.
   */
  readonly startLines: readonly Text[];
  /** Companies left out for lack of inputs at their start, each with what it lacks. */
  readonly leftOut: readonly SurvivalLeftOut[];
  /** Companies out of the race on or before their start: not simulated. */
  readonly out: readonly SurvivalOut[];
}

const t = (en: string, zh: string): Text => ({ en, zh });
/** Climate names as a Chinese reader says them (the report's words). */
const CLIMATE_ZH: Readonly<Record<string, string>> = { cold: '寒冷', neutral: '中性', hot: '火热' };
const climateZh = (name: string): string => CLIMATE_ZH[name] ?? name;
/** An assumption's rationale in both languages: the Chinese one when the file gives it. */
const rationaleText = (en: string, zh: string | null, source: string | null, sourceZh: string | null = null): Text =>
  t(en + (source ? ` (source: ${source})` : ''), (zh ?? en) + (source ? `（来源：${sourceZh ?? source}）` : ''));
const INPUT_LABEL: Record<Exclude<PathInput, 'roundSize'>, Text> = {
  // money in the assumptions file is in US dollars; the Chinese label says so, as 亿 alone would read as yuan
  cash: t('cash', '现金（美元）'),
  revenue: t('revenue a month', '月营收（美元）'),
  revenueGrowth: t('revenue growth a month', '营收月增速'),
  costs: t('costs a month', '月支出（美元）'),
  costGrowth: t('cost growth a month', '支出月增速'),
};

/** The health input each survival input is read from. */
const FROM_HEALTH: Readonly<Record<Exclude<PathInput, 'roundSize'>, HealthInputName>> = {
  cash: 'cash',
  revenue: 'revenue',
  revenueGrowth: 'revenueGrowth',
  costs: 'grossBurn',
  costGrowth: 'costGrowth',
};

/** Each input's key in an assumptions file. */
const YAML_KEY: Readonly<Record<Exclude<PathInput, 'roundSize'>, string>> = { cash: 'cash', revenue: 'revenue', revenueGrowth: 'revenue_growth', costs: 'costs', costGrowth: 'cost_growth' };

/** How to give an input the ledger lacks, for the error that names it. */
const HOW_TO_GIVE: Readonly<Record<Exclude<PathInput, 'roundSize'>, string>> = {
  cash: 'a cash fact, or funding rounds and a burn, spend or net_loss fact; or `cash` in the assumptions file',
  revenue: 'a revenue or revenue_run_rate fact, or `revenue` in the assumptions file',
  revenueGrowth: 'two revenue or revenue_run_rate facts at least a month apart, or `revenue_growth` in the assumptions file',
  costs: 'a net_loss (with revenue of the same period), spend, burn or headcount fact, or `costs` in the assumptions file',
  costGrowth: 'costs of two periods at least a month apart, or `cost_growth` in the assumptions file',
};

/**
 * The shakeout for the given companies: reads each company's inputs with
 * `collectHealthInputs`, the same inputs the health analysis shows (facts
 * where they give a value, as of the file's `as_of`; the file's assumptions
 * only where they do not), runs
 * {@link simulateSurvival} and returns an Analysis whose estimates are the
 * probabilities of running out of cash within 12, 24 and 36 months (with
 * their Monte Carlo 90% interval) and the median month of running out, and
 * whose details hold the survival curves, the ranking and the drivers.
 */
export async function analyzeSurvival(store: Store, options: AnalyzeSurvivalOptions): Promise<Analysis<SurvivalDetails>> {
  const a = options.assumptions;
  const horizon = options.horizonMonths ?? 60;
  const paths = options.paths ?? 10_000;
  const seed = options.seed ?? 'shakeout';
  const climate = options.climate ?? 'neutral';
  safePeriod(a.asOf, a.file);

  // Which companies: resolve every name of the file, then pick.
  const byId = new Map<string, { entity: Awaited<ReturnType<Store['resolveEntity']>>; ca: CompanyAssumptions & { unnamed?: true } }>();
  for (const ca of a.companies) {
    const entity = await store.resolveEntity(ca.company);
    byId.set(entity.id, { entity, ca });
  }
  let chosen = [...byId.values()];
  if (options.companies && options.companies.length) {
    chosen = [];
    for (const name of options.companies) {
      const entity = await store.resolveEntity(name);
      // A company the file does not name runs on what the ledger gives alone; if that is not enough, the
      // check below names each input it lacks and how to give it.
      const hit = byId.get(entity.id) ?? { entity, ca: noAssumptions(entity.nameEn) };
      byId.set(entity.id, hit);
      if (!chosen.includes(hit)) chosen.push(hit);
    }
  } else if (options.ledgerCompanies) {
    // Every other company the ledger has facts about too: it runs on its own facts, or is left out naming what it
    // lacks, so that no company with facts goes missing without a word (trial: Sakana AI, added with its rounds only).
    const all = await store.listEntities();
    const withFacts = entitiesWithFacts(all, await store.listFacts());
    const others = all
      .filter((e) => e.kind === 'company' && withFacts.has(e.id) && !byId.has(e.id))
      .sort((x, y) => x.nameEn.localeCompare(y.nameEn));
    for (const entity of others) {
      const hit = { entity, ca: noAssumptions(entity.nameEn) };
      byId.set(entity.id, hit);
      chosen.push(hit);
    }
  }

  const assumptions: Assumption[] = [];
  const facts = new Map<string, Fact>();
  const notes: Text[] = [];
  const rowsById = new Map<string, SurvivalInputRow[]>();
  const fundById = new Map<string, number>();
  const inputs: CompanyInputs[] = [];
  const conversions = new Map<string, Text>();
  const asOfDay = asOfInfoOf(store)?.asOf ?? null;
  const leftOut: SurvivalLeftOut[] = [];
  const out: SurvivalOut[] = [];
  const startById = new Map<string, InputsStart>();
  const issues: Issue[] = [];
  for (const { entity, ca } of chosen) {
    const rows: SurvivalInputRow[] = [];
    const nameZh = entity.nameZh ?? entity.nameEn;
    // The date its inputs describe: the as-of day, else the file's as_of for a company the file names, else its own latest facts.
    const startFile = { file: a.file, asOf: a.asOf, names: !ca.unnamed };
    const start = startDate(asOfDay, startFile);
    // Out of the race by then (docs/outcomes.md): nothing to simulate. On its own latest facts, any outcome recorded counts.
    const outcomes = await store.listOutcomes({ entity: entity.id });
    const outDay = start.date === null ? '9999-12-31' : (latestPublicationDay(start.date) ?? start.date);
    const before = outBefore(outcomes, outDay);
    if (before) {
      const o = outcomes.find((x) => x.type === before.outcomeType && x.date === before.outcomeDate)!;
      const text = t(
        AS_OF_TEXT_EN.outSince(entity.nameEn, o.date, AS_OF_TEXT_EN.outcomeType(o.type), o.source.publisher),
        AS_OF_TEXT_ZH.outSince(nameZh, periodZh(o.date), AS_OF_TEXT_ZH.outcomeType(o.type), o.source.publisher),
      );
      out.push({ id: entity.id, name: entity.nameEn, nameZh: entity.nameZh, date: o.date, type: o.type, publisher: o.source.publisher, text });
      issues.push({ code: 'out_before_start', path: ['companies', entity.id], message: text.en, got: `${o.date} ${o.type} ${o.source.publisher}` });
      continue;
    }
    const got = await collectHealthInputs(store, entity.id, { sampleCount: paths, seed }, healthAssumptions(ca, a.file), { asOf: start.date });
    const begins = inputsStart(start, startFile, got.asOf, got.leftAside);
    for (const c of got.conversions) conversions.set(c.en, c);
    const draws = {} as Record<Exclude<PathInput, 'roundSize'>, Float64Array>;
    const lacking: SurvivalInputName[] = [];
    for (const input of Object.keys(INPUT_LABEL) as (keyof typeof INPUT_LABEL)[]) {
      const h = got.found[FROM_HEALTH[input]];
      if (!h) {
        lacking.push(input);
        continue;
      }
      draws[input] = h.samples;
      for (const f of h.facts) facts.set(f.id, f);
      rows.push(row(input, h));
      if (h.assumption && h.status !== 'assumed') assumptions.push({ ...h.assumption, id: `survival.${entity.id}.${h.assumption.id.replace(/^health\.assumption\./, '')}` });
      if (h.status !== 'assumed') continue;
      const av = ca[input]!;
      const id = `survival.${entity.id}.${input}`;
      // Cited facts, followed through their corrections: the current fact is the one shown.
      const since: Text[] = [];
      for (const fid of av.facts) {
        let c;
        try {
          c = await currentFact(store, fid);
        } catch {
          notes.push(t(`${a.file}: ${ca.company}.${input} cites fact ${fid}, which the ledger does not hold.`, `${a.file}：${ca.company}.${input} 引用的事实 ${fid} 不在账本中。`));
          continue;
        }
        facts.set(c.current.id, c.current);
        if (c.current.id === c.cited.id) continue;
        const was = c.cited.valueTextEn ?? c.cited.valueText;
        const now = c.current.valueTextEn ?? c.current.valueText;
        if (c.figureChanged) {
          since.push(t(
            `${fid} has since been corrected: ${c.current.id}, ${now} (was ${was}); this value was set against the old figure`,
            `${fid} 其后已更正为 ${c.current.id}：${c.current.valueText}（原为 ${c.cited.valueText}）；本假设按旧数字设定`,
          ));
          notes.push(t(
            `${entity.nameEn}: the assumption for ${INPUT_LABEL[input].en} ("${av.value}") cites ${fid} (${was}), since corrected by ${c.current.id} (${now}); the figure changed after the assumption was written, so check the value in ${a.file}.`,
            `${entity.nameZh ?? entity.nameEn}：${INPUT_LABEL[input].zh}的假设（“${av.value}”）引用的 ${fid}（${c.cited.valueText}）已被 ${c.current.id}（${c.current.valueText}）更正；数字在写下假设之后有变，请核对 ${a.file} 中的取值。`,
          ));
        } else {
          since.push(t(`${fid} has since been corrected by ${c.current.id} (same figure, ${now})`, `${fid} 其后由 ${c.current.id} 更正（数字未变：${c.current.valueText}）`));
        }
      }
      const why = rationaleText(av.rationale, av.rationaleZh, av.source, av.sourceZh);
      assumptions.push({
        id,
        text: t(`${entity.nameEn}: ${INPUT_LABEL[input].en} ${av.value}`, `${entity.nameZh ?? entity.nameEn}：${INPUT_LABEL[input].zh} ${av.value}`),
        rationale: since.length ? t(`${why.en} [${since.map((x) => x.en).join('; ')}]`, `${why.zh}【${since.map((x) => x.zh).join('；')}】`) : why,
        ...(h.assumption?.value ? { value: h.assumption.value } : {}),
      });
    }
    if (lacking.length) {
      // Left out and listed with what it lacks; the others are simulated (an error only when none can be).
      const text = t(
        AS_OF_TEXT_EN.lacking(entity.nameEn, lacking.map((k) => AS_OF_TEXT_EN.input[k]), start.date),
        AS_OF_TEXT_ZH.lacking(nameZh, lacking.map((k) => AS_OF_TEXT_ZH.input[k]), start.date === null ? null : periodZh(start.date)),
      );
      leftOut.push({ id: entity.id, name: entity.nameEn, nameZh: entity.nameZh, lacking, start: start.date, text });
      const ledger = asOfDay ? `the ledger as of ${asOfDay} (facts published by then)` : start.date ? `the ledger (facts of periods up to ${start.date})` : 'the ledger';
      const from = ca.cash || ca.revenue || ca.costs ? `${ledger} and ${a.file} give` : `${ledger} gives`;
      for (const k of lacking) issues.push({ code: 'missing_input', path: ['companies', entity.id, k], message: `${entity.nameEn}: the survival simulation needs ${AS_OF_TEXT_EN.input[k]} (give ${HOW_TO_GIVE[k]}); ${from} none` });
      continue;
    }
    startById.set(entity.id, begins);
    for (const x of got.ignoredAssumptions) {
      const input = (Object.keys(FROM_HEALTH) as (keyof typeof FROM_HEALTH)[]).find((k) => FROM_HEALTH[k] === x.input);
      if (!input) continue;
      notes.push(t(
        `${entity.nameEn}: ${INPUT_LABEL[input].en} is read from the ledger (${got.found[x.input]?.formula ?? 'derived'}), not from the assumption "${x.value}" of ${a.file}${x.reason ? `: ${x.reason.en}` : ''}.`,
        `${entity.nameZh ?? entity.nameEn}：${INPUT_LABEL[input].zh}取自账本（${[...new Set(got.found[x.input]?.facts.map((f) => f.id) ?? [])].join('、') || '推算'}），而非 ${a.file} 中的假设“${x.value}”${x.reason ? `：${x.reason.zh}` : ''}。`,
      ));
    }
    notes.push(...got.notes.map((n) => t(`${entity.nameEn}: ${n.en}`, `${entity.nameZh ?? entity.nameEn}：${n.zh}`)));
    const fundability = ca.fundability?.value ?? 1;
    if (ca.fundability) {
      assumptions.push({
        id: `survival.${entity.id}.fundability`,
        text: t(`${entity.nameEn}: fundability x${fundability} (multiplies the chance of a round)`, `${entity.nameZh ?? entity.nameEn}：融资能力 ${fundability} 倍（乘以每月融资成功的概率）`),
        rationale: rationaleText(ca.fundability.rationale, ca.fundability.rationaleZh, null),
      });
    }
    rowsById.set(entity.id, rows);
    fundById.set(entity.id, fundability);
    inputs.push({ id: entity.id, name: entity.nameEn, ...draws, fundability });
  }

  if (!inputs.length) {
    const message = `no company can be simulated: ${issues.map((x) => x.message).join('; ')}`;
    throw new ShakeoutError(message, { issues, status: 400 });
  }

  let roundSize: DistSpec | undefined;
  if (a.roundSize) {
    roundSize = readValueText(a.roundSize.value, { name: `${a.file} defaults.round_size` }).spec;
    assumptions.push({
      id: 'survival.round_size',
      text: t(`round size factor ${a.roundSize.value}`, `融资规模系数 ${a.roundSize.value}`),
      rationale: rationaleText(a.roundSize.rationale, a.roundSize.rationaleZh, a.roundSize.source, a.roundSize.sourceZh),
      value: { text: a.roundSize.value, spec: roundSize, unit: 'multiple', per: null },
    });
  }
  const target = a.raiseTargetMonths ?? DEFAULT_RAISE_TARGET_MONTHS;
  // with a signal, the simulation yields to the event loop as it goes, so that a cancel arrives while it runs (same bits)
  const result = await (options.signal ? simulateSurvivalYielding : simulateSurvival)({
    companies: inputs, horizonMonths: horizon, paths, seed, climate, raiseTargetMonths: target,
    ...(roundSize ? { roundSize } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  assumptions.push({
    id: 'survival.climate',
    text: t(
      `funding climate ${result.climate.name}: a company seeking money closes a round with chance ${pct(result.climate.roundProbabilityPerMonth)} a month (times its fundability), rounds x${result.climate.sizeMultiplier} the normal size`,
      `融资环境“${climateZh(result.climate.name)}”：寻求融资的公司每月成功概率 ${pct(result.climate.roundProbabilityPerMonth)}（乘以其融资能力），融资规模为正常的 ${result.climate.sizeMultiplier} 倍`,
    ),
    rationale: options.climateReason ?? t('set by the user (cold, neutral or hot; see CLIMATES)', '由用户设定（寒冷、中性或火热）'),
  });
  assumptions.push({
    id: 'survival.rounds',
    text: t(
      `a company seeks money when its cash is below ${target} months of its current costs; a round brings it up to that level times the round size factor`,
      `现金低于当前 ${target} 个月支出时公司寻求融资；一轮融资使现金回到该水平乘以融资规模系数`,
    ),
    rationale: t('a simple, monotone rule: rounds never make a richer company worse off than a poorer one', '规则简单且单调：融资永远不会让现金更多的公司反而比现金更少的公司处境更差'),
  });
  notes.push(t(
    'Growth rates are held constant on each path for the whole horizon, so long horizons overstate the spread of outcomes; a company is out the first month its cash falls below zero (no bridge loans, no acquisitions).',
    '增速在每条路径上全期保持不变，因此长期结果的分散度被高估；现金首次为负即出局（不考虑过桥贷款或被收购）。',
  ));

  for (const f of options.climateFacts ?? []) facts.set(f.id, f);

  const estimates: Estimate[] = [];
  const n = paths;
  const prob = (id: string, label: Text, p: number, formula: string, ids: string): void => {
    const { se, low, high } = monteCarloInterval(p, n);
    estimates.push({
      id, label, unit: 'percent', per: null, mean: p, sd: se,
      p5: low, p50: p, p95: high,
      formula, inputs: [{ kind: 'assumption', id: ids, label: 'survival inputs' }],
    });
  };
  const companies: SurvivalCompanyDetails[] = result.companies.map((c) => {
    const entity = chosen.find((x) => x.entity.id === c.id)!.entity;
    for (const m of [12, 24, 36] as const) {
      const p = c.pOutWithin[m];
      if (p !== null) prob(`survival.${c.id}.p_out_${m}`, t(`${c.name}: P(out of cash within ${m} months)`, `${entity.nameZh ?? c.name}：${m} 个月内现金耗尽的概率`), p, `1 - S(${m}); interval: Monte Carlo error over ${n} paths`, `survival.${c.id}`);
    }
    if (c.medianMonthOut !== null) {
      const v = c.medianMonthOut;
      estimates.push({ id: `survival.${c.id}.median_month_out`, label: t(`${c.name}: median month of running out`, `${entity.nameZh ?? c.name}：现金耗尽的中位月份`), unit: 'count', per: null, mean: v, sd: 0, p5: v, p50: v, p95: v, formula: 'first month t with S(t) <= 0.5', inputs: [{ kind: 'assumption', id: `survival.${c.id}`, label: 'survival inputs' }] });
    }
    return {
      id: c.id, name: c.name, nameZh: entity.nameZh,
      survival: Array.from(c.survival),
      band90: survivalBand(c.survival, n),
      pOutWithin: c.pOutWithin,
      medianMonthOut: c.medianMonthOut,
      beyondHorizon: c.medianMonthOut === null,
      medianMonthOutText: c.medianMonthOut === null ? t(`beyond ${horizon} months`, `${horizon}个月以后`) : t(`month ${c.medianMonthOut}`, `第${c.medianMonthOut}个月`),
      meanRounds: c.meanRounds,
      meanRaised: c.meanRaised,
      drivers: c.drivers,
      fundability: fundById.get(c.id) ?? 1,
      inputs: rowsById.get(c.id) ?? [],
      start: startById.get(c.id)!,
    };
  });
  const at = Math.min(24, horizon);
  const ranking = result.ranking.map((id, i) => {
    const c = companies.find((x) => x.id === id)!;
    return { rank: i + 1, id, name: c.name, pSurvive: c.survival[at]! };
  });
  return {
    kind: 'survival',
    title: t(`The shakeout: survival of ${countNoun(companies.length, 'company', 'companies')} over ${countNoun(horizon, 'month')} (${result.climate.name} climate)`, `洗牌：${companies.length} 家公司 ${horizon} 个月的存活（融资环境：${climateZh(result.climate.name)}）`),
    subject: null,
    estimates,
    facts: [...facts.values()],
    assumptions,
    notes: [...notes, ...conversionNotes([...conversions.values()])],
    env: { sampleCount: paths, seed },
    details: {
      climate: result.climate,
      climateReason: options.climateReason ?? null,
      climateFactIds: (options.climateFacts ?? []).map((f) => f.id),
      horizonMonths: horizon,
      paths,
      seed,
      raiseTargetMonths: target,
      assumptionsFile: a.file,
      asOf: a.asOf,
      companies,
      ranking,
      rankedAt: at,
      elapsedMs: result.elapsedMs,
      conversions: [...conversions.values()],
      startLines: startLines(companies),
      leftOut,
      out,
    },
  };
}

/** One line per start sentence, naming the companies it holds for (in ranking order of the input). */
function startLines(companies: readonly SurvivalCompanyDetails[]): Text[] {
  const groups = new Map<string, { names: string[]; namesZh: string[]; text: Text }>();
  for (const c of companies) {
    const g = groups.get(c.start.text.en) ?? { names: [], namesZh: [], text: c.start.text };
    g.names.push(c.name);
    g.namesZh.push(c.nameZh ?? c.name);
    groups.set(c.start.text.en, g);
  }
  return [...groups.values()].map((g) => t(`${g.names.join(', ')}: ${g.text.en}`, `${g.namesZh.join('、')}：${g.text.zh}`));
}

/** A month or day as a Chinese reader writes it: 2024年5月, 2024年5月20日. */
function periodZh(date: string): string {
  return periodText(date, 'zh');
}

/** The entry of a company the assumptions file does not name: every input from the ledger. */
function noAssumptions(company: string): CompanyAssumptions & { unnamed: true } {
  return { company, cash: null, revenue: null, revenueGrowth: null, costs: null, costGrowth: null, fundability: null, unnamed: true };
}

function row(input: SurvivalInputRow['input'], h: HealthInput): SurvivalInputRow {
  const sorted = Float64Array.from(h.samples).sort();
  const ids = [...new Set(h.facts.map((f) => f.id))];
  return {
    input,
    status: h.status,
    text: h.status === 'assumed' ? (h.assumption?.value?.text ?? h.formula) : h.formula,
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    factId: ids[0] ?? null,
    factIds: ids,
  };
}

/**
 * A company's entries of a survival assumptions file as the assumptions of
 * `collectHealthInputs` (only those given): how health (with an assumptions
 * file) and survival read the same file alike.
 */
export function healthAssumptions(ca: CompanyAssumptions, file: string): HealthAssumptionInput[] {
  const out: HealthAssumptionInput[] = [];
  for (const input of Object.keys(FROM_HEALTH) as (keyof typeof FROM_HEALTH)[]) {
    const v: AssumedValue | null = ca[input];
    if (!v) continue;
    out.push({ input: FROM_HEALTH[input], value: v.value, rationale: v.rationale, source: v.source ?? file, rationaleZh: v.rationaleZh, sourceZh: v.source ? v.sourceZh : null, where: `${file} ${ca.company}.${YAML_KEY[input]}` });
  }
  return out;
}

function safePeriod(text: string, file: string): Period {
  try {
    return parsePeriod(text);
  } catch (e) {
    throw valueError('as_of', `${file} as_of: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function pct(x: number): string {
  return `${+(x * 100).toPrecision(3)}%`;
}

function valueError(path: string, message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'invalid_assumption', path: [path], message }], status: 400 });
}

/** The 90% band of a survival curve over `paths` paths: each month's share with its Monte Carlo interval. */
function survivalBand(survival: Float64Array, paths: number): { lower: number[]; upper: number[] } {
  const lower: number[] = [];
  const upper: number[] = [];
  for (const s of survival) {
    const r = monteCarloInterval(s, paths);
    lower.push(r.low);
    upper.push(r.high);
  }
  return { lower, upper };
}
