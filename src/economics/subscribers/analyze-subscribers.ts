import { DAYS_PER_MONTH, ShakeoutError, formatValue, isCurrency, periodMonths } from '../../core/index.js';
import type { Per, Quantity } from '../../core/index.js';
import { sampleSpec, streamOf } from '../../estimate/index.js';
import type { Env } from '../../estimate/index.js';
import type { Basis, Entity, Fact, Store } from '../../ledger/index.js';
import type { Analysis, Assumption, Estimate, InputRef, Text } from '../analysis.js';
import { DEFAULT_ANALYSIS_ENV } from '../common/default-env.js';
import { combine, estimateOf } from '../common/estimate-of.js';
import { factRef } from '../common/fact-ref.js';
import { factDraws } from '../common/fact-spec.js';
import { chooseFact, type ChoosePreference } from '../common/choose-fact.js';
import { monthsPer, perMonthFactor, periodMonthsWhole } from '../common/per-month.js';
import { addFactAdvice, basisUnknownAdvice, withAdvice, type OptionHint } from '../common/option-hint.js';
import { usdFactor } from '../common/usd-factor.js';
import { appLaunchFor, tenureShareAt } from './app-launches.js';
import type { TenureShare } from './app-launches.js';
import { commissionFor } from './commission-for.js';
import { APP_STORES } from './commission-rules.js';
import type { AppStore } from './commission-rules.js';
import { OMITTED_ASSUMPTIONS, VENDOR_ERROR } from './subscriber-assumptions.js';

/** Options of `analyzeSubscribers`. */
export interface SubscribersOptions {
  /** How to read the store revenue; default the facts' own basis ('unknown' when they differ). */
  readonly basis?: Basis;
  /** Sample count and seed; default 10,000 draws, seed 'shakeout'. */
  readonly env?: Env;
  /** The revenue period to use ('2024-04-21/2024-05-20'); default the latest with per-store facts. */
  readonly period?: string;
  /** How advice names the way to act (`--basis unknown`, `basis=unknown` or neither): {@link OptionHint}, default 'none'. */
  readonly hint?: OptionHint;
}

/** How one reading turns store revenue into what users paid. */
export type ReadingId = 'gross' | 'net_30' | 'net_15' | 'net_rules';

/** One reading of the store revenue, with the article's arithmetic on the figures as written. */
export interface SubscriberReading {
  readonly id: ReadingId;
  readonly label: Text;
  /** The commission assumed per store ('0% (gross)' for gross): '30%', '30%/15% by tenure (≈28.1%)'; English. */
  readonly commission: Readonly<Partial<Record<AppStore, string>>>;
  /** The same in both languages: { en: '30%/15% by tenure (≈28.1%)', zh: '按订阅时长30%/15%（约28.1%）' }. */
  readonly commissionText: Readonly<Partial<Record<AppStore, Text>>>;
  /** The figures as written, no vendor error: gross monthly revenue, subscribers, annual run rate. */
  readonly point: { readonly grossMonthly: Quantity; readonly subscribers: number; readonly annualRunRate: Quantity };
  /** Ids of this reading's estimates. */
  readonly estimates: readonly string[];
  /** The formula naming facts by id, for `derivedFrom`. */
  readonly formula: { readonly subscribers: string; readonly annualRunRate: string };
}

/** One store's revenue as the analysis reads it. */
export interface StoreRevenue {
  readonly store: AppStore;
  readonly factId: string;
  readonly basis: Basis;
  /** The fact's value per month. */
  readonly monthly: Quantity;
  /** The commission rule in force at the end of the period for a first-year subscriber, and after a year. */
  readonly commission: { readonly firstYear: { rate: number; rule: string }; readonly afterFirstYear: { rate: number; rule: string } };
  /**
   * The app's launch in this store (from `APP_LAUNCHES`; null when unknown),
   * its age in whole months at the end of the period, and the upper end of the
   * share of revenue from subscribers past their first paid year (uniform from
   * 0; 0 when the app is younger than a year or its launch is unknown).
   */
  readonly launch: { readonly launched: string | null; readonly source: string | null; readonly monthsSinceLaunch: number | null; readonly tenureShareHigh: number };
}

/** A figure of another source set beside the result. */
export interface CrossCheck {
  readonly factId: string;
  readonly monthly: Quantity;
  readonly text: Text;
}

/** A derived fact of the ledger recomputed from its inputs. */
export interface ArticleFigureCheck {
  readonly factId: string;
  readonly recorded: number;
  readonly computed: number;
  /** recorded / computed. */
  readonly ratio: number;
  readonly text: Text;
}

/** What `analyzeSubscribers` puts in `details`. */
export interface SubscribersDetails {
  readonly product: { readonly id: string; readonly name: string };
  readonly period: string;
  /** Months of revenue the period holds (a period within 5% of whole months is read as whole). */
  readonly months: number;
  readonly basis: { readonly requested: Basis | null; readonly recorded: readonly Basis[]; readonly used: Basis };
  readonly price: { readonly factId: string; readonly monthly: Quantity };
  readonly stores: readonly StoreRevenue[];
  readonly readings: readonly SubscriberReading[];
  readonly crossChecks: readonly CrossCheck[];
  readonly articleFigures: readonly ArticleFigureCheck[];
}

/** A monthly price before one per year or week: the analysis divides by a month's price. */
const MONTHLY_PRICE_FIRST: ChoosePreference = {
  rank: (f) => (f.figure.per === 'month' ? 0 : 1),
  reason: (used, other) => ({ en: `the one used is a monthly price; this one is per ${other.figure.per ?? 'unstated period'}`, zh: `所采用的是月度价格，此条${other.figure.per ? `按${PER_ZH[other.figure.per]}计` : '未写周期'}` }),
};
const PER_ZH: Readonly<Record<Per, string>> = { day: '日', week: '周', month: '月', quarter: '季度', year: '年' };


const usd = (x: number, per: Per | null = null): Quantity => ({ value: x, unit: 'USD', per });
const fmt = (x: number, unit: 'USD' | 'count', per: Per | null = null): string => formatValue(x, unit, 'en', per);
const fmtZh = (x: number, unit: 'USD' | 'count', per: Per | null = null): string => formatValue(x, unit, 'zh', per);
const pct = (x: number): string => `${Number((x * 100).toFixed(1))}%`;

function fail(code: string, message: string, status = 400): never {
  throw new ShakeoutError(message, { status, issues: [{ code, path: [], message }] });
}

/** Months the period of a flow fact covers, whole when within 5% of a whole number. */
function monthsOf(f: Fact): number {
  if (!f.period) fail('no_period', `fact ${f.id} has no period, so its revenue cannot be put per month`);
  return periodMonthsWhole(f.period);
}

/** A money fact per month: a rate (per day, per year) is rescaled, a total over a period divided by its months. */
function perMonth(f: Fact, value: number): number {
  return f.figure.per ? value * perMonthFactor(f.figure.per) : value / monthsOf(f);
}

async function productTree(store: Store, product: string): Promise<{ entity: Entity; chain: Entity[] }> {
  const entity = await store.resolveEntity(product);
  const all = await store.listEntities();
  const byId = new Map(all.map((e) => [e.id, e]));
  const chain = [entity];
  for (let p = entity.parent; p && byId.has(p) && !chain.some((e) => e.id === p); p = byId.get(p)!.parent) chain.push(byId.get(p)!);
  return { entity, chain };
}

/**
 * Paying subscribers through the app stores, and the annual run rate, from the
 * ledger's per-store subscription revenue (scope app_store / google_play) for
 * the latest period, and the product's monthly price:
 *
 *   subscribers = gross monthly store revenue / monthly price
 *   annual run rate = gross monthly store revenue x 12
 *
 * Gross is what users paid. Read as net (after the store's commission c),
 * gross = net / (1 - c): at 30% in both stores, at 15%, and by the rules in
 * force (App Store 30% in a subscriber's first paid year, 15% after; Google
 * Play 15% on subscriptions since 2022). With basis 'unknown' every reading is
 * shown and none is picked. Each store figure carries a per-app vendor error
 * (about 30%), so each estimate has a 90% interval.
 *
 * Revenue and a price in another currency are put in US dollars at the FX
 * table's rate for each fact's own period (`usdFactor`), each conversion in
 * the notes; a foreign price with no period, or a month the table lacks, is
 * refused naming the fact.
 *
 * On the bundled data for ChatGPT: 750k subscribers and $180M a year if the
 * $15M is gross; 1.07M (30%) or 883k (15%) if net.
 */
export async function analyzeSubscribers(store: Store, product: string, options: SubscribersOptions = {}): Promise<Analysis<SubscribersDetails>> {
  const env = options.env ?? DEFAULT_ANALYSIS_ENV;
  const { entity, chain } = await productTree(store, product);

  // The revenue facts: on the product or the nearest ancestor that has them.
  let treeFacts: Fact[] = [];
  let revenueFacts: Fact[] = [];
  for (const e of chain) {
    treeFacts = await store.listFacts({ entity: e.id, includeProducts: true });
    revenueFacts = treeFacts.filter((f) => f.metric === 'subscription_revenue' && f.period && (APP_STORES as readonly string[]).includes(f.scope ?? ''));
    if (revenueFacts.length) break;
  }
  if (!revenueFacts.length) {
    fail('no_store_revenue', `no subscription_revenue facts with scope app_store or google_play for "${product}" or the products around it; ${addFactAdvice({ entity: entity.nameEn, metric: 'subscription_revenue', more: { scope: 'app_store' } }, options.hint)}`, 404);
  }
  let latest: Fact[];
  if (options.period !== undefined) {
    latest = revenueFacts.filter((f) => f.period!.text === options.period);
    if (!latest.length) fail('no_store_revenue', `no store revenue for period "${options.period}"; periods with store revenue: ${[...new Set(revenueFacts.map((f) => f.period!.text))].join(', ')}`, 404);
  } else {
    const end = revenueFacts.reduce((m, f) => (f.period!.end > m ? f.period!.end : m), '');
    const last = revenueFacts.filter((f) => f.period!.end === end);
    const text = last[0]!.period!.text;
    latest = last.filter((f) => f.period!.text === text);
  }
  const period = latest[0]!.period!;
  const notes: Text[] = [];
  const byStore = new Map<AppStore, Fact>();
  for (const s of APP_STORES) {
    const choice = chooseFact(latest.filter((f) => f.scope === s));
    if (!choice) continue;
    byStore.set(s, choice.chosen);
    if (choice.others.length) {
      const name = STORE_NAMES[s];
      notes.push({
        en: `${choice.others.length + 1} ${name} revenue facts for ${period.text}; used ${choice.chosen.id}, not ${choice.others.map((o) => `${o.fact.id} (${o.reason.en})`).join('; ')}`,
        zh: `${period.text}有${choice.others.length + 1}条${name}收入事实；采用${choice.chosen.id}，未用${choice.others.map((o) => `${o.fact.id}（${o.reason.zh}）`).join('；')}`,
      });
    }
  }
  const stores = [...byStore.keys()];
  // Store revenue and the price in another currency are put in US dollars at
  // the FX table's rate for each fact's own period, and the notes say which rate.
  const { fx } = await store.tables();
  const toUsd = new Map<string, number>();
  const usdK = (f: Fact): number => {
    if (!toUsd.has(f.id)) {
      const c = usdFactor(f, fx);
      toUsd.set(f.id, c.k);
      if (c.note) notes.push({ en: `Converted: ${c.note.en}`, zh: `币种换算：${c.note.zh}` });
    }
    return toUsd.get(f.id)!;
  };
  for (const f of byStore.values()) {
    if (!isCurrency(f.figure.unit)) fail('unsupported_unit', `fact ${f.id} is in ${f.figure.unit}; store revenue must be money`);
    usdK(f);
  }

  // The price: a price fact of the product tree, per month (a yearly price is divided by 12).
  // Among prices in force by the period's end (else all of them): a monthly price first, then the choose rule.
  const prices = treeFacts.filter((f) => f.metric === 'price' && isCurrency(f.figure.unit));
  const inForce = prices.filter((f) => !f.period || f.period.start <= period.end);
  const priceChoice = chooseFact(inForce.length ? inForce : prices, { prefer: MONTHLY_PRICE_FIRST });
  const priceFact = priceChoice?.chosen;
  if (priceChoice?.others.length) {
    notes.push({
      en: `price: used ${priceChoice.chosen.id}, not ${priceChoice.others.map((o) => `${o.fact.id} (${o.reason.en})`).join('; ')}`,
      zh: `价格：采用${priceChoice.chosen.id}，未用${priceChoice.others.map((o) => `${o.fact.id}（${o.reason.zh}）`).join('；')}`,
    });
  }
  if (!priceFact) fail('no_price', `no price fact for "${product}" or its products; ${addFactAdvice({ entity: entity.nameEn, metric: 'price', more: { value: '19.99美元', per: 'month' } }, options.hint)}`, 404);
  const priceMonths = priceFact.figure.per ? monthsPer(priceFact.figure.per) : 1;
  const priceK = usdK(priceFact);
  const priceMonthly = (priceFact.figure.value * priceK) / priceMonths;
  if (!priceFact.figure.per) {
    notes.push({ en: `price ${priceFact.id} gives no period; read as per month`, zh: `价格${priceFact.id}未写周期，按每月理解` });
  }

  // Basis.
  const recorded = [...new Set([...byStore.values()].map((f) => f.basis))];
  const used: Basis = options.basis ?? (recorded.length === 1 ? recorded[0]! : 'unknown');
  const readingIds: ReadingId[] = used === 'gross' ? ['gross'] : used === 'net' ? ['net_30', 'net_15', 'net_rules'] : ['gross', 'net_30', 'net_15', 'net_rules'];

  // Commission by the rules at the end of the period.
  // The share past a first paid year, from each app's age at the end of the period.
  const day = period.end;
  const productIds = chain.map((e) => e.id);
  const tenure = new Map<AppStore, TenureShare>();
  const storeRevenue: StoreRevenue[] = stores.map((s) => {
    const f = byStore.get(s)!;
    const first = commissionFor(s, day, { subscriberTenureYears: 0, smallBusiness: false });
    const after = commissionFor(s, day, { subscriberTenureYears: 1, smallBusiness: false });
    const launch = appLaunchFor(productIds, s);
    const share = tenureShareAt(launch?.launched ?? null, day);
    tenure.set(s, share);
    return {
      store: s,
      factId: f.id,
      basis: f.basis,
      monthly: usd(perMonth(f, f.figure.value) * usdK(f), 'month'),
      commission: { firstYear: { rate: first.rate.value, rule: first.rule.id }, afterFirstYear: { rate: after.rate.value, rule: after.rule.id } },
      launch: { launched: launch?.launched ?? null, source: launch?.source ?? null, monthsSinceLaunch: share.monthsSinceLaunch, tenureShareHigh: share.high },
    };
  });

  // Draws: each store's figure (its own distribution) x vendor error; the price; the tenure share.
  const id = (what: string): string => `subscribers/${entity.id}/${what}`;
  const monthlyDraws = new Map<AppStore, Float64Array>();
  for (const s of stores) {
    const f = byStore.get(s)!;
    const v = factDraws(f, env, id(`${s}/${f.id}`));
    const e = sampleSpec(VENDOR_ERROR.value!.spec, env, streamOf(id(`${s}/vendor-error`))).samples;
    const fk = usdK(f);
    monthlyDraws.set(s, combine([v, e], (x, k) => perMonth(f, x) * k * fk));
  }
  const priceDraws = combine([factDraws(priceFact, env, id(`price/${priceFact.id}`))], (p) => (p * priceK) / priceMonths);
  const tenureDraws = new Map(stores.map((s) => [s, sampleSpec(tenure.get(s)!.spec, env, streamOf(id(`${s}/tenure`))).samples]));
  /** The rules' commission at the mean tenure share (s uniform from 0 to its upper end). */
  const midRate = (sr: StoreRevenue): number => sr.commission.firstYear.rate * (1 - sr.launch.tenureShareHigh / 2) + sr.commission.afterFirstYear.rate * (sr.launch.tenureShareHigh / 2);
  /** The store's commission depends on the subscriber's tenure at this date, and the app is old enough for it to matter. */
  const byTenure = (sr: StoreRevenue): boolean => sr.commission.firstYear.rate !== sr.commission.afterFirstYear.rate && sr.launch.tenureShareHigh > 0;

  const assumptions: Assumption[] = [VENDOR_ERROR, ...OMITTED_ASSUMPTIONS];
  const monthsRead = monthsOf(byStore.values().next().value!);
  if (!byStore.values().next().value!.figure.per && Math.abs(periodMonths(period) - monthsRead) > 1e-9) {
    assumptions.push({
      id: 'period-as-months',
      text: { en: `The period ${period.text} (${periodMonths(period)} months by the calendar) holds ${monthsRead} month${monthsRead === 1 ? '' : 's'} of revenue`, zh: `时段${period.text}（按日历为${periodMonths(period)}个月）按${monthsRead}个月收入计` },
      rationale: { en: 'The source says "the past month"; a 30-day window is one billing month.', zh: '来源写的是“过去一个月”；30天的窗口就是一个计费月。' },
    });
  }
  const hasNet = readingIds.some((r) => r !== 'gross');
  if (hasNet) {
    assumptions.push(
      {
        id: 'commission-bounds',
        text: { en: 'If the figures are net of commission, the commission is between 15% and 30% in every store (the two bounding readings)', zh: '若数字为扣除佣金后的净额，各商店佣金在15%至30%之间（两个边界解读）' },
        rationale: {
          en: 'Net ≈ 0.70 to 0.85 of gross (REFERENCES.md); gross = net / (1 - commission). The 30% reading reproduces the reference 1.07M, the 15% reading 883k.',
          zh: '净额约为总额的0.70至0.85（REFERENCES.md）；总额 = 净额 / (1 - 佣金率)。30%解读得到参考值107万，15%解读得到88.3万。',
        },
      },
      tenureAssumption(entity.nameEn, entity.nameZh ?? entity.nameEn, day, storeRevenue),
    );
  }
  const unknownLaunch = storeRevenue.filter((sr) => sr.launch.launched === null && sr.commission.firstYear.rate !== sr.commission.afterFirstYear.rate);
  if (hasNet && unknownLaunch.length) {
    const names = unknownLaunch.map((sr) => STORE_NAMES[sr.store]);
    assumptions.push({
      id: 'app-launch-unknown',
      text: {
        en: `The launch date of ${entity.nameEn}'s app in ${names.join(' and ')} is not known: every subscriber there is taken to be in the first paid year (${unknownLaunch.map((sr) => `${STORE_NAMES[sr.store]} ${pct(sr.commission.firstYear.rate)}`).join(', ')})`,
        zh: `${entity.nameZh ?? entity.nameEn}在${names.join('和')}的应用上线日期不明：该商店的订阅用户一律按首个付费年度计（${unknownLaunch.map((sr) => `${STORE_NAMES[sr.store]} ${pct(sr.commission.firstYear.rate)}`).join('，')}）`,
      },
      rationale: {
        en: "Without the app's launch date its age, and so the share of subscribers past their first paid year, is unknown; the first-year rate is the highest the rules allow, so the net reading gives the most gross revenue it can. Add the launch to APP_LAUNCHES (src/economics/subscribers/app-launches.ts) to do better.",
        zh: '没有上线日期就不知道应用的年龄，也就不知道付费满一年的用户占比；首年费率是规则允许的最高佣金，因此净额解读给出可能的最高总额。在APP_LAUNCHES（src/economics/subscribers/app-launches.ts）中补上上线日期即可改进。',
      },
    });
  }
  if (used === 'unknown') {
    assumptions.push({
      id: 'basis-unknown',
      text: { en: 'Gross or net is not known: every reading is shown and none is picked', zh: '不知道是总额还是净额：列出所有解读，不作取舍' },
      rationale: {
        en: "Sensor Tower's help centre says its revenue figures are net of store fees and taxes; the article (and the ledger's record) reads them as gross.",
        zh: 'Sensor Tower帮助中心称其收入数据已扣除商店费用和税费；文章（以及账本记录）按总额理解。',
      },
    });
  }

  // The readings.
  const sid = (s: AppStore): string => byStore.get(s)!.id;
  const label = (s: AppStore): string => `${sid(s)} ${s === 'app_store' ? 'App Store' : 'Google Play'} revenue`;
  const factInputs: InputRef[] = [...stores.map((s) => factRef(byStore.get(s)!, label(s))), factRef(priceFact, `${priceFact.id} price`)];
  const errInput: InputRef = { kind: 'assumption', id: VENDOR_ERROR.id, label: 'vendor error' };
  const estimates: Estimate[] = [];
  const readings: SubscriberReading[] = [];
  const totalPoint = storeRevenue.reduce((a, s) => a + s.monthly.value, 0);

  interface Rate { draw: (i: number) => number; point: number; text: Text; variable: boolean }
  const fixedRate = (x: number, en: string, zh: string): Rate => ({ draw: () => x, point: x, text: { en, zh }, variable: false });
  const spec: Record<ReadingId, { rate: (s: AppStore) => Rate; en: string; zh: string }> = {
    gross: { rate: () => fixedRate(0, '0% (gross)', '0%（按总额计）'), en: 'if the store revenue is gross', zh: '若商店收入为总额' },
    net_30: { rate: () => fixedRate(0.3, '30%', '30%'), en: 'if net, at 30% commission', zh: '若为净额，佣金30%' },
    net_15: { rate: () => fixedRate(0.15, '15%', '15%'), en: 'if net, at 15% commission', zh: '若为净额，佣金15%' },
    net_rules: {
      rate: (s) => {
        const sr = storeRevenue.find((x) => x.store === s)!;
        const a = sr.commission.firstYear.rate;
        const b = sr.commission.afterFirstYear.rate;
        if (a === b) return fixedRate(a, `${pct(a)} (${sr.commission.firstYear.rule})`, `${pct(a)}（不论订阅时长）`);
        if (sr.launch.launched === null) return fixedRate(a, `${pct(a)} (first-year rate: app launch date unknown)`, `${pct(a)}（应用上线日期不明，按首年费率计）`);
        if (!byTenure(sr)) {
          return fixedRate(a, `${pct(a)} (app launched ${sr.launch.launched}: no subscriber past a first paid year)`, `${pct(a)}（应用于${sr.launch.launched}上线，尚无用户付费满一年）`);
        }
        const mid = midRate(sr);
        const draws = tenureDraws.get(s)!;
        return {
          draw: (i) => a * (1 - draws[i]!) + b * draws[i]!,
          point: mid,
          text: { en: `${pct(a)}/${pct(b)} by tenure (≈${pct(mid)})`, zh: `按订阅时长${pct(a)}/${pct(b)}（约${pct(mid)}）` },
          variable: true,
        };
      },
      en: 'if net, commission by the rules in force',
      zh: '若为净额，按现行规则计佣金',
    },
  };

  for (const r of readingIds) {
    const rates = new Map(stores.map((s) => [s, spec[r].rate(s)]));
    const n = env.sampleCount;
    const gross = new Float64Array(n);
    for (const s of stores) {
      const m = monthlyDraws.get(s)!;
      const rate = rates.get(s)!;
      for (let i = 0; i < n; i++) gross[i]! += m[i]! / (1 - rate.draw(i));
    }
    const subs = combine([gross, priceDraws], (g, p) => g / p);
    const annual = combine([gross], (g) => g * 12);
    const grossPoint = storeRevenue.reduce((a, s) => a + s.monthly.value / (1 - rates.get(s.store)!.point), 0);
    const term = (s: AppStore): string => {
      const f = byStore.get(s)!;
      const base = f.figure.per ? `${sid(s)} x ${Number(perMonthFactor(f.figure.per).toFixed(4))}` : monthsRead === 1 ? sid(s) : `${sid(s)} / ${Number(monthsRead.toFixed(2))}`;
      if (r === 'gross') return base;
      const rate = rates.get(s)!;
      return rate.variable ? `${base} / (1 - c_${s})` : `${base} / (1 - ${rate.point})`;
    };
    const sum = stores.length > 1 ? `(${stores.map(term).join(' + ')})` : term(stores[0]!);
    const priceTerm = priceMonths === 1 ? priceFact.id : `(${priceFact.id} / ${priceMonths})`;
    const tenureNote = stores
      .filter((s) => rates.get(s)!.variable)
      .map((s) => {
        const sr = storeRevenue.find((x) => x.store === s)!;
        return `, c_${s} = ${pct(sr.commission.firstYear.rate)} (1 - s_${s}) + ${pct(sr.commission.afterFirstYear.rate)} s_${s}`;
      })
      .join('');
    const inputs: InputRef[] = [...factInputs, errInput];
    if (r === 'net_30' || r === 'net_15') inputs.push({ kind: 'assumption', id: 'commission-bounds', label: `commission ${spec[r].rate('app_store').text.en}` });
    if (r === 'net_rules') inputs.push({ kind: 'assumption', id: 'app-store-tenure-share', label: 's, store revenue past a first paid year' });
    if (r === 'net_rules' && unknownLaunch.length) inputs.push({ kind: 'assumption', id: 'app-launch-unknown', label: 'app launch date unknown: first-year rate' });
    const subsId = `subscribers.${r}`;
    const annualId = `run_rate.${r}`;
    const subsFormula = `${sum} / ${priceTerm}`;
    const annualFormula = `${sum} x 12`;
    estimates.push(
      estimateOf(
        { id: subsId, label: { en: `Paying subscribers through the stores, ${spec[r].en}`, zh: `经应用商店付费的订阅用户，${spec[r].zh}` }, unit: 'count', per: null, formula: `${subsFormula}, each store x vendor error${tenureNote}`, inputs },
        subs,
      ),
      estimateOf(
        { id: annualId, label: { en: `Annual run rate of store revenue (gross), ${spec[r].en}`, zh: `商店收入（总额）年化，${spec[r].zh}` }, unit: 'USD', per: 'year', formula: `${annualFormula}, each store x vendor error${tenureNote}`, inputs: inputs.filter((x) => x.id !== priceFact.id) },
        annual,
      ),
    );
    readings.push({
      id: r,
      label: { en: spec[r].en, zh: spec[r].zh },
      commission: Object.fromEntries(stores.map((s) => [s, rates.get(s)!.text.en])),
      commissionText: Object.fromEntries(stores.map((s) => [s, rates.get(s)!.text])),
      point: { grossMonthly: usd(grossPoint, 'month'), subscribers: grossPoint / priceMonthly, annualRunRate: usd(grossPoint * 12, 'year') },
      estimates: [subsId, annualId],
      formula: { subscribers: subsFormula, annualRunRate: annualFormula },
    });
  }

  // The article's derived figures, recomputed (F22, F23).
  const grossReading = readings.find((r) => r.id === 'gross') ?? null;
  const articleFigures: ArticleFigureCheck[] = [];
  const usedIds = new Set([...byStore.values()].map((f) => f.id));
  for (const f of treeFacts) {
    // The article's own derived figures, not results Shakeout saved back (`--save`).
    if (f.kind !== 'derived' || !f.derivedFrom || f.source.publisher === 'Shakeout' || !f.derivedFrom.inputs.some((i) => usedIds.has(i))) continue;
    const sumPoint = totalPoint;
    let computed: number | undefined;
    if (f.metric === 'subscribers') computed = sumPoint / priceMonthly;
    else if ((f.metric === 'revenue' || f.metric === 'subscription_revenue') && f.figure.per === 'year') computed = sumPoint * 12;
    if (computed === undefined) continue;
    const unit = f.metric === 'subscribers' ? 'count' : 'USD';
    const recorded = unit === 'USD' ? f.figure.value * usdK(f) : f.figure.value;
    const ratio = recorded / computed;
    const per = f.metric === 'subscribers' ? null : 'year';
    const same = Math.abs(ratio - 1) < 0.01;
    articleFigures.push({
      factId: f.id,
      recorded,
      computed,
      ratio,
      text: same
        ? {
            en: `${f.id} "${f.valueText}" (${fmt(recorded, unit, per)}) matches ${f.derivedFrom.formula} = ${fmt(computed, unit, per)}`,
            zh: `${f.id}“${f.valueText}”与${f.derivedFrom.formula} = ${fmtZh(computed, unit, per)}一致`,
          }
        : {
            en: `${f.id} writes "${f.valueText}" (${fmt(recorded, unit, per)}) where ${f.derivedFrom.formula} gives ${fmt(computed, unit, per)}: the article rounds ${ratio > 1 ? 'up' : 'down'} by ${pct(Math.abs(ratio - 1))}`,
            zh: `${f.id}写作“${f.valueText}”，而${f.derivedFrom.formula}得${fmtZh(computed, unit, per)}：文章${ratio > 1 ? '向上' : '向下'}取整了${pct(Math.abs(ratio - 1))}`,
          },
    });
  }

  // Cross-checks: other sources' store revenue for the product (both stores, another basis or period).
  const crossChecks: CrossCheck[] = [];
  const others = treeFacts.filter(
    (f) => f.metric === 'subscription_revenue' && f.kind === 'reported' && !usedIds.has(f.id) && f.period && isCurrency(f.figure.unit) && Math.abs(Date.parse(f.period.end) - Date.parse(period.end)) < 62 * 86_400_000,
  );
  for (const f of others) {
    const monthly = perMonth(f, f.figure.value) * usdK(f);
    const thirty = f.figure.per === 'day' ? f.figure.value * usdK(f) * 30 : null;
    const covers = f.scope === 'app_store+google_play' ? stores : stores.filter((s) => s === f.scope);
    if (!covers.length) continue;
    const ours = storeRevenue.filter((s) => covers.includes(s.store)).reduce((a, s) => a + s.monthly.value, 0);
    const asNet = storeRevenue.filter((s) => covers.includes(s.store)).reduce((a, s) => a + s.monthly.value * (1 - midRate(s)), 0);
    const perText = f.figure.per === 'day' ? ` (x ${DAYS_PER_MONTH} days${thirty !== null ? `; x 30 days ≈ ${fmt(thirty, 'USD')}` : ''})` : '';
    const basisEn = f.basis === 'net' ? 'net' : f.basis === 'gross' ? 'gross' : 'of unknown basis';
    const ids = storeRevenue.filter((s) => covers.includes(s.store)).map((s) => s.factId).join(' + ');
    const en =
      `${f.source.publisher} (${f.source.published ?? 'undated'}, ${f.id}): "${f.valueText}" ${basisEn} for ${f.period!.text} ≈ ${fmt(monthly, 'USD')} a month${perText}, ` +
      `against ${ids} = ${fmt(ours, 'USD')} a month (ratio ${(monthly / ours).toFixed(2)}). ` +
      (f.basis === 'net'
        ? `Read as net, ${ids} agrees with it; read as gross, ${ids} would be ≈ ${fmt(asNet, 'USD')} net by the rules, ${pct(Math.abs(1 - asNet / monthly))} ${monthly > asNet ? 'below' : 'above'} ${f.source.publisher}. Both are within the ~30% per-app error of such estimates.`
        : `The two vendors differ by ${pct(Math.abs(monthly / ours - 1))}, within the ~30% per-app error of such estimates.`);
    const zh =
      `${f.source.publisher}（${f.source.published ?? '无日期'}，${f.id}）：${f.period!.text}“${f.valueText}”（${f.basis === 'net' ? '净额' : f.basis === 'gross' ? '总额' : '口径不明'}）≈ 每月${fmtZh(monthly, 'USD')}，` +
      `对比${ids} = 每月${fmtZh(ours, 'USD')}（比值${(monthly / ours).toFixed(2)}）。` +
      (f.basis === 'net' ? `若后者为净额则二者吻合；若为总额，按规则扣佣后约为${fmtZh(asNet, 'USD')}。差异都在此类估算约30%的单应用误差之内。` : '差异在此类估算约30%的单应用误差之内。');
    crossChecks.push({ factId: f.id, monthly: usd(monthly, 'month'), text: { en, zh } });
  }

  // Notes.
  if (grossReading) {
    const g = estimates.find((e) => e.id === 'subscribers.gross')!;
    const a = estimates.find((e) => e.id === 'run_rate.gross')!;
    notes.unshift({
      en: `Read as gross: ${fmt(grossReading.point.subscribers, 'count')} subscribers (90% CI ${fmt(g.p5, 'count')} to ${fmt(g.p95, 'count')}) and ${fmt(grossReading.point.annualRunRate.value, 'USD')} a year (90% CI ${fmt(a.p5, 'USD')} to ${fmt(a.p95, 'USD')}).`,
      zh: `按总额：${fmtZh(grossReading.point.subscribers, 'count')}订阅用户（90%区间${fmtZh(g.p5, 'count')}至${fmtZh(g.p95, 'count')}），年化${fmtZh(grossReading.point.annualRunRate.value, 'USD')}（90%区间${fmtZh(a.p5, 'USD')}至${fmtZh(a.p95, 'USD')}）。`,
    });
  }
  for (const r of readings.filter((x) => x.id !== 'gross')) {
    notes.push({
      en: `Read as ${r.label.en.replace(/^if /, '')}: gross ≈ ${fmt(r.point.grossMonthly.value, 'USD')} a month, ${fmt(r.point.subscribers, 'count')} subscribers, ${fmt(r.point.annualRunRate.value, 'USD')} a year.`,
      zh: `${r.label.zh.replace(/^若/, '按')}：总额约每月${fmtZh(r.point.grossMonthly.value, 'USD')}，${fmtZh(r.point.subscribers, 'count')}订阅用户，年化${fmtZh(r.point.annualRunRate.value, 'USD')}。`,
    });
  }
  for (const c of articleFigures) notes.push(c.text);
  for (const c of crossChecks) notes.push(c.text);
  if (used === 'gross' && [...byStore.values()].some((f) => f.source.publisher === 'Sensor Tower') && options.basis === undefined) {
    notes.push(withAdvice({
      en: "The ledger records these figures as gross (as the article reads them), but Sensor Tower's help centre says its revenue is net of store fees.",
      zh: '账本按总额记录这些数字（与文章一致），但Sensor Tower帮助中心称其收入已扣除商店费用。',
    }, basisUnknownAdvice(options.hint)));
  }
  notes.push({
    en: `Intervals are 90% (p5 to p95) over ${env.sampleCount} draws, seed ${String(env.seed)}; the point figures above use the facts as written.`,
    zh: `区间为90%（p5至p95），${env.sampleCount}次抽样，种子${String(env.seed)}；上面的点值按事实原文计算。`,
  });

  const factsUsed = [...byStore.values(), priceFact, ...treeFacts.filter((f) => articleFigures.some((c) => c.factId === f.id) || crossChecks.some((c) => c.factId === f.id))];
  return {
    kind: 'subscribers',
    title: { en: `${entity.nameEn}: paying subscribers from app-store revenue`, zh: `${entity.nameZh ?? entity.nameEn}：由应用商店收入推算付费订阅用户` },
    subject: entity.id,
    estimates,
    facts: factsUsed,
    assumptions,
    notes,
    env: { sampleCount: env.sampleCount, seed: env.seed },
    details: {
      product: { id: entity.id, name: entity.nameEn },
      period: period.text,
      months: monthsRead,
      basis: { requested: options.basis ?? null, recorded, used },
      price: { factId: priceFact.id, monthly: usd(priceMonthly, 'month') },
      stores: storeRevenue,
      readings,
      crossChecks,
      articleFigures,
    },
  };
}

const STORE_NAMES: Readonly<Record<AppStore, string>> = { app_store: 'App Store', google_play: 'Google Play' };

/** The commission by the rules in force, store by store, with the share past a first paid year from each app's age. */
function tenureAssumption(nameEn: string, nameZh: string, day: string, stores: readonly StoreRevenue[]): Assumption {
  const en: string[] = [];
  const zh: string[] = [];
  const whyEn: string[] = [];
  const whyZh: string[] = [];
  for (const sr of stores) {
    const n = STORE_NAMES[sr.store];
    const a = sr.commission.firstYear.rate;
    const b = sr.commission.afterFirstYear.rate;
    const l = sr.launch;
    if (l.launched !== null) {
      whyEn.push(`${nameEn}'s ${n} app launched on ${l.launched} (${l.source ?? 'no source'}), ${l.monthsSinceLaunch} months before the period's end (${day})`);
      whyZh.push(`${nameZh}的${n}应用于${l.launched}上线，到时段末（${day}）为${l.monthsSinceLaunch}个月`);
    }
    if (a === b) {
      en.push(`${n} takes ${pct(a)} on subscriptions whatever the tenure (${sr.commission.firstYear.rule})`);
      zh.push(`${n}对订阅收取${pct(a)}，不论订阅时长`);
    } else if (l.launched === null) {
      en.push(`${n}: the app's launch date is not known, so every subscriber pays the first-year ${pct(a)}`);
      zh.push(`${n}：应用上线日期不明，所有订阅用户按首年${pct(a)}计`);
    } else if (l.tenureShareHigh === 0) {
      en.push(`${n}: the app was ${l.monthsSinceLaunch} months old, so no subscriber can have paid for a year: everyone pays the first-year ${pct(a)} (s_${sr.store} = 0)`);
      zh.push(`${n}：应用上线仅${l.monthsSinceLaunch}个月，不可能有用户付费满一年，全部按首年${pct(a)}计（s_${sr.store} = 0）`);
    } else {
      const h = pct(l.tenureShareHigh);
      en.push(`${n}: a share s_${sr.store} of subscription revenue comes from subscribers past their first paid year (${pct(b)}), the rest pays ${pct(a)}; s_${sr.store} uniform from 0 to ${h}`);
      zh.push(`${n}：订阅收入中有比例s_${sr.store}来自付费满一年的用户（佣金${pct(b)}），其余为${pct(a)}；s_${sr.store}在0至${h}间均匀分布`);
    }
  }
  const app = stores.find((sr) => sr.store === 'app_store') ?? stores[0]!;
  return {
    id: 'app-store-tenure-share',
    text: {
      en: `By the rules in force on ${day}: ${en.join('; ')}. The developer is not in a small-business programme.`,
      zh: `按${day}的现行规则：${zh.join('；')}。开发者不属于小型企业计划。`,
    },
    rationale: {
      en: `A subscriber cannot have paid for a year before the app is a year old, so the share past a first paid year follows the app's age: none under 12 months, up to 25% at 12 to 23 months, up to 50% from 24 months. ${whyEn.length ? `${whyEn.join('; ')}.` : 'No launch date is known for this product.'}`,
      zh: `应用上线不满一年就不可能有用户付费满一年，因此付费满一年的占比取决于应用年龄：不满12个月为0，12至23个月最多25%，24个月起最多50%。${whyZh.length ? `${whyZh.join('；')}。` : '此产品没有已知的上线日期。'}`,
    },
    value: { text: `0至${pct(app.launch.tenureShareHigh)}`, spec: app.launch.tenureShareHigh > 0 ? { family: 'uniform', low: 0, high: app.launch.tenureShareHigh } : { family: 'pointMass', value: 0 }, unit: 'percent', per: null },
  };
}
