import { ShakeoutError } from '../core/index.js';
import { analyzeUnitEconomics, chooseFact, withAsOf } from '../economics/index.js';
import type { Analysis, UnitEconomicsDetails, UnitEconomicsInputs, UnitInput } from '../economics/index.js';
import { asOfInfoOf, scopeName, type Fact, type Store } from '../ledger/index.js';
import { inRequestedCurrency, requestedCurrency, type CurrencyRequest } from './in-currency.js';

export interface UnitEconomicsRequest extends CurrencyRequest {
  /** Price a month; default the ledger's ChatGPT Plus price (F21). */
  readonly price?: string;
  /** Default the assumption "15% to 30%" (Apple 30% in a subscriber's first year, 15% after; Google Play 15%). */
  readonly storeShare?: string;
  /** Inference cost per paying user a month; default the assumption "2 to 8" (US dollars). */
  readonly inferenceCost?: string;
  readonly queriesPerUser?: string;
  readonly costPerQuery?: string;
  /** Other fixed costs a month. */
  readonly fixedCosts?: string;
  /** A model of the Epoch table whose training cost is amortised (default GPT-4); 'none' for no training cost. */
  readonly trainingModel?: string;
  /** A training cost written out, instead of a model's. */
  readonly trainingCost?: string;
  /** Default 12. */
  readonly amortiseMonths?: number;
  /** Paying subscribers for the payback; default the ledger's ChatGPT Plus subscribers (F22) when the price is the ledger's. */
  readonly subscribers?: string;
  readonly samples?: number;
  readonly seed?: string | number;
}

export const DEFAULT_STORE_SHARE = {
  text: '15% to 30%',
  rationale: "Apple keeps 30% in a subscriber's first year and 15% after; Google Play keeps 15% of subscriptions since 2022 (REFERENCES.md); a large company such as OpenAI is not in the small-business programmes",
  rationaleZh: '苹果在订阅用户的首个付费年度抽成30%，之后15%；Google Play自2022年起对订阅抽成15%（REFERENCES.md）；OpenAI这样的大公司不属于小型企业计划',
} as const;
export const DEFAULT_INFERENCE_COST = {
  text: '2 to 8',
  currency: 'USD',
  rationale: 'US dollars per paying user a month: a few hundred to a thousand GPT-4-class queries a month at about half a cent to a cent each (input tokens x input price + output tokens x output price); heavy users cost more',
  rationaleZh: '单位为美元/每付费用户每月：每月几百到一千次GPT-4级别的查询，每次约0.5至1美分（输入词元数 x 输入单价 + 输出词元数 x 输出单价）；重度用户成本更高',
} as const;

/** `shakeout analyze unit-economics`: inputs from the options, the rest from the ledger and stated defaults. */
export async function runUnitEconomicsAnalysis(store: Store, req: UnitEconomicsRequest): Promise<Analysis<UnitEconomicsDetails>> {
  const currency = requestedCurrency(req);
  let price: UnitInput;
  let subscribers: UnitInput | undefined = req.subscribers;
  if (req.price) price = req.price;
  else {
    const f = chooseFact(await store.listFacts({ entity: 'ChatGPT Plus', metric: 'price' }))?.chosen;
    if (!f) throw usage(`no ${req.hint === 'cli' ? '--price' : 'price'} given and the ledger has no ChatGPT Plus price; ${req.hint === 'cli' ? 'pass --price "$19.99 a month"' : 'give a price such as "$19.99 a month"'}`);
    price = { fact: f, label: `${f.id} ChatGPT Plus price, ${f.valueText}` };
    if (subscribers === undefined) {
      const s = chooseFact(await store.listFacts({ entity: 'ChatGPT Plus', metric: 'subscribers' }))?.chosen;
      if (s) subscribers = { fact: s, label: `${s.id} ChatGPT Plus store subscribers, ${s.valueText}` };
    }
  }
  const inputs: UnitEconomicsInputs = {
    price,
    storeShare: req.storeShare ?? DEFAULT_STORE_SHARE,
    ...(req.queriesPerUser && req.costPerQuery && !req.inferenceCost
      ? { queriesPerUser: req.queriesPerUser, costPerQuery: req.costPerQuery }
      : { inferenceCost: req.inferenceCost ?? DEFAULT_INFERENCE_COST }),
    ...(req.fixedCosts ? { fixedCosts: req.fixedCosts } : {}),
    ...(await trainingInputs(store, req)),
    ...(req.amortiseMonths !== undefined ? { amortiseMonths: req.amortiseMonths } : {}),
    ...(subscribers !== undefined ? { subscribers } : {}),
    fx: (await store.tables()).fx,
  };
  const analysis = withAsOf(store, analyzeUnitEconomics(inputs, { sampleCount: req.samples ?? 10_000, seed: req.seed ?? 'shakeout' }));
  return inRequestedCurrency(store, analysis, currency, req.fxMonth);
}

/** Epoch's methods, the main one first, in English and Chinese. */
const METHODS: readonly [string, string, string][] = [
  ['amortised_capex_energy', 'amortised hardware capex + energy (Epoch main method)', '硬件资本开支摊销加能耗（Epoch主方法）'],
  ['cloud_rental', 'cloud rental', '云端租用'],
  ['hardware_acquisition', 'hardware acquisition', '硬件购置'],
];

async function trainingInputs(store: Store, req: UnitEconomicsRequest): Promise<Pick<UnitEconomicsInputs, 'trainingCost' | 'alternativeTrainingCosts'>> {
  if (req.trainingCost) return { trainingCost: req.trainingCost };
  const model = req.trainingModel ?? 'GPT-4';
  if (model.toLowerCase() === 'none') return {};
  const entity = await store.resolveEntity(model);
  const facts = await store.listFacts({ entity: entity.id, metric: 'training_cost' });
  if (!facts.length) {
    const asOf = asOfInfoOf(store);
    throw usage(`the ledger${asOf ? ` as of ${asOf.asOf} (facts published by then)` : ''} has no training_cost facts for ${entity.nameEn}; name a model of the Epoch table (e.g. GPT-4), ${req.hint === 'cli' ? 'pass --training-model none, or pass --fixed-costs' : req.hint === 'api' ? 'set trainingModel=none, or give fixedCosts' : 'or leave the training cost out and give the fixed costs'}`);
  }
  // Epoch's main method first, then the choose rule.
  const choice = chooseFact(facts, {
    prefer: {
      rank,
      reason: (used, other) => ({ en: `Epoch's methods come main first: the one used is by ${methodName(used, 1)}; this one by ${methodName(other, 1)}`, zh: `Epoch的方法按主次排序：所采用的是${methodName(used, 2)}，此条是${methodName(other, 2)}` }),
    },
  })!;
  const ordered = [choice.chosen, ...choice.others.map((o) => o.fact)];
  const label = (f: Fact) => `${entity.nameEn}, ${methodName(f, 1)}`;
  const labelZh = (f: Fact) => `${entity.nameZh ?? entity.nameEn}（${methodName(f, 2)}）`;
  const [main, ...rest] = ordered;
  return {
    trainingCost: { fact: main!, label: `${main!.id} ${label(main!)}`, labelZh: labelZh(main!) },
    alternativeTrainingCosts: rest.map((f) => ({ label: label(f), labelZh: labelZh(f), input: { fact: f, label: `${f.id} ${label(f)}`, labelZh: labelZh(f) } })),
  };
}

function rank(f: Fact): number {
  const i = METHODS.findIndex(([s]) => s === f.scope);
  return i < 0 ? METHODS.length : i;
}

/** A method's name in English (1) or Chinese (2); the scope's name (the ledger's table) when it is none of Epoch's. */
function methodName(f: Fact, lang: 1 | 2): string {
  return METHODS.find(([s]) => s === f.scope)?.[lang] ?? (f.scope ? scopeName(f.scope, lang === 1 ? 'en' : 'zh') : lang === 1 ? 'training cost' : '训练成本');
}

function usage(message: string): ShakeoutError {
  return new ShakeoutError(message, { issues: [{ code: 'missing_input', path: [], message }], status: 400 });
}
