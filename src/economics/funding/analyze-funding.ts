import { ShakeoutError, cpiYears, currencyNameZh, formatValue, isCurrency, periodMonths, unknownCurrencyMessage } from '../../core/index.js';
import type { Currency, Quantity, Unit } from '../../core/index.js';
import type { Env } from '../../estimate/index.js';
import { scopeName } from '../../ledger/index.js';
import type { Conflict, Fact, Store } from '../../ledger/index.js';
import type { Analysis, Estimate, InputRef, Text } from '../analysis.js';
import { DEFAULT_ANALYSIS_ENV } from '../common/default-env.js';
import { combine, estimateOf } from '../common/estimate-of.js';
import { factRef } from '../common/fact-ref.js';
import { factDraws } from '../common/fact-spec.js';
import { groupFacts } from '../common/fact-group.js';
import { optionName, type OptionHint } from '../common/option-hint.js';
import { FUNDING_MARKETS, toRegion, toSegment } from './funding-markets.js';
import type { FundingMarket } from './funding-markets.js';
import { periodText, publisherName } from '../plausibility/describe-fact.js';
import { toDisplayMoney } from './to-display-money.js';
import type { MoneyView } from './to-display-money.js';

/** Options of `analyzeFunding`. */
export interface FundingOptions {
  /** 'China', 'World', 'US', 'Europe' (any alias, 中国 too); default all. */
  readonly region?: string;
  /** 'ai_production', 'ai_industry_applications', 'generative_ai', 'all'; default all. */
  readonly segment?: string;
  /** Any currency of the FX table; each figure converted at the rate of its own period. Default 'USD'. */
  readonly currency?: Currency;
  /** Show money in constant US dollars of this year (CPI table); needs currency USD. */
  readonly constantYear?: number;
  readonly env?: Env;
  /** How errors name the options: the command line's flags, the request's fields, or neither (default; see {@link OptionHint}). */
  readonly hint?: OptionHint;
}

/** One period of one series: a market as one source counts it. */
export interface FundingRow {
  readonly region: string;
  readonly segment: string;
  readonly entity: string;
  readonly source: string;
  readonly definition: string | null;
  readonly period: string;
  /** The funding fact, as written and in the view's money (null when the table lacks a rate). */
  readonly funding: { readonly factId: string; readonly asWritten: string; readonly original: Quantity; readonly priceYear: number | null; readonly shown: Quantity | null; readonly conversion: readonly string[]; readonly conversionText: readonly Text[] } | null;
  readonly deals: { readonly factId: string; readonly asWritten: string; readonly count: number } | null;
  /** Funding / deals in the view's money. */
  readonly averageDeal: Quantity | null;
  /** This period's funding over the series' previous period of the same length (in the series' own money). */
  readonly growth: { readonly multiple: number; readonly over: string } | null;
}

/** Two sources' figures for the same market and period, set side by side. */
export interface FundingComparison {
  readonly a: string;
  readonly b: string;
  readonly period: string;
  readonly market: string;
  /** Both in nominal USD of the period, and b / a. */
  readonly aNominalUsd: number;
  readonly bNominalUsd: number;
  readonly ratio: number;
  readonly differences: readonly string[];
  readonly explanation: Text;
}

export interface FundingDetails {
  readonly view: MoneyView;
  readonly filter: { readonly region: string | null; readonly segment: string | null };
  readonly rows: readonly FundingRow[];
  readonly comparisons: readonly FundingComparison[];
  /** Conversions used, one line each: 'CNY->USD at 7.1886 CNY per USD (2024-Q1: mean of the 3 monthly averages ...)'. */
  readonly conversions: readonly string[];
  /** The same conversions in both languages, in the order of `conversions`. */
  readonly conversionsText: readonly Text[];
}

const REGION_ZH: Readonly<Record<string, string>> = { World: '全球', China: '中国' };
/** A segment by the vocabulary's name, never its id: 'ai_production' -> 'AI production' / 'AI生产'; 'all' the whole sector. */
const segmentName = (segment: string, lang: 'en' | 'zh'): string => (segment === 'all' ? (lang === 'zh' ? 'AI领域' : 'AI sector') : scopeName(`segment:${segment}`, lang));
/** A market and period for a Chinese reader: '2024年一季度中国AI生产'. */
const marketZh = (region: string, segment: string, period: string): string => `${periodText(period, 'zh')}${REGION_ZH[region] ?? region}${segmentName(segment, 'zh')}`;
const pubZh = (p: string): string => publisherName(p, 'zh');


const sourceKey = (f: Fact): string => `${f.source.publisher}\u0000${f.definition ?? ''}\u0000${f.priceYear ?? ''}`;

/** Money for a reader; yuan in English also in 亿元, as Chinese sources write it: '¥344M (3.44亿元)'. */
function fmt(x: number, unit: Unit, lang: 'en' | 'zh' = 'en'): string {
  if (unit === 'CNY' && lang === 'en') return `${formatValue(x, unit, 'en')} (${formatValue(x, unit, 'zh')})`;
  return formatValue(x, unit, lang);
}

/**
 * Funding markets from the ledger's aggregate facts (funding and deals): per
 * market, source and period the total, the deals, the average deal size and
 * the growth over the previous period; estimates (with the facts' own
 * uncertainty) for the growth multiples the article derives (F5: F3 / F4 =
 * 5.67x) and their counterparts in other series, and for each set of segments
 * of one period, the money and deal shares and the average deal of each
 * segment (2024 Q1 China: AI production 123.89亿元 / 36 = 3.44亿元, AI
 * industry applications 74.01亿元 / 65 = 1.14亿元, 63% / 37% of the money).
 *
 * Money is shown in `currency` at the FX table's rate for each figure's
 * period, nominal, or in constant dollars of `constantYear`. Figures of
 * different sources for the same market and period (the article's against
 * OWID's) are set side by side with how they differ; none is silently picked.
 */
export async function analyzeFunding(store: Store, options: FundingOptions = {}): Promise<Analysis<FundingDetails>> {
  const env = options.env ?? DEFAULT_ANALYSIS_ENV;
  const currency = options.currency ?? 'USD';
  if (!isCurrency(currency)) {
    const message = `currency: ${unknownCurrencyMessage(String(currency))}`;
    throw new ShakeoutError(message, { issues: [{ code: 'invalid_currency', path: ['currency'], message }] });
  }
  const constantYear = options.constantYear ?? null;
  if (constantYear !== null && currency !== 'USD') {
    const message = `constant dollars (year ${constantYear}) need ${optionName('currencyUsd', options.hint) ?? 'the currency USD'}: the CPI table deflates US dollars`;
    throw new ShakeoutError(message, { issues: [{ code: 'constant_needs_usd', path: ['constantYear'], message }] });
  }
  const { fx, cpi } = await store.tables();
  if (constantYear !== null && !cpiYears(cpi).includes(constantYear)) {
    const message = `no CPI for ${constantYear} in the CPI table "${cpi.name}" (it has whole years: ${cpiYears(cpi).join(', ')})`;
    throw new ShakeoutError(message, { issues: [{ code: 'cpi_year_missing', path: ['constantYear'], message }] });
  }
  const view: MoneyView = { currency, constantYear };
  const region = options.region !== undefined ? toRegion(options.region) : null;
  const segment = options.segment !== undefined ? toSegment(options.segment) : null;
  const markets = FUNDING_MARKETS.filter((m) => (region === null || m.region === region) && (segment === null || m.segment === segment));
  if (!markets.length) {
    const message = `no funding market is ${segment} in ${region}; markets: ${FUNDING_MARKETS.map((m) => `${m.region}/${m.segment}`).join(', ')}`;
    throw new ShakeoutError(message, { status: 404, issues: [{ code: 'no_market', path: [], message }] });
  }
  const marketOf = new Map<string, FundingMarket>(markets.map((m) => [m.entity, m]));

  const facts: Fact[] = [];
  for (const m of markets) {
    for (const f of await store.listFacts({ entity: m.entity })) {
      if ((f.metric === 'funding' || f.metric === 'deals') && f.period) facts.push(f);
    }
  }

  // Series: one per market, source, definition and currency year; deals join the funding of the same source and period.
  const conversions = new Map<string, Text>();
  const rows: FundingRow[] = [];
  // One figure recorded twice by one series (the same source for the same period, in two wordings or
  // currencies) is one group (groupFacts): its preferred fact counts, the others corroborate it.
  const recorded = facts.filter((f) => f.metric === 'funding' && f.kind !== 'assumption');
  const repeats = new Map<string, Fact>();
  for (const g of groupFacts(recorded, fx)) {
    for (const o of g.corroboration) if (sourceKey(o.fact) === sourceKey(g.preferred) && o.fact.period!.text === g.preferred.period!.text) repeats.set(o.fact.id, g.preferred);
  }
  const fundingFacts = recorded.filter((f) => !repeats.has(f.id));
  const dealFacts = facts.filter((f) => f.metric === 'deals');
  const usedDeals = new Set<string>();
  const shown = new Map<string, Quantity | null>();
  for (const f of fundingFacts) {
    const m = marketOf.get(f.entity)!;
    const d = dealFacts.find((x) => x.entity === f.entity && x.period!.text === f.period!.text && x.source.publisher === f.source.publisher);
    if (d) usedDeals.add(d.id);
    const q: Quantity = { value: f.figure.value, unit: f.figure.unit, per: f.figure.per };
    const disp = toDisplayMoney(q, f.period!, f.priceYear, view, fx, cpi);
    if (disp.ok) disp.notesText.forEach((n) => conversions.set(n.en, n));
    shown.set(f.id, disp.ok ? disp.quantity : null);
    const prev = fundingFacts
      .filter((x) => x.entity === f.entity && sourceKey(x) === sourceKey(f) && x.period!.end < f.period!.start && Math.abs(periodMonths(x.period!) - periodMonths(f.period!)) < 0.01 && x.figure.unit === f.figure.unit)
      .sort((a, b) => b.period!.end.localeCompare(a.period!.end))[0];
    rows.push({
      region: m.region,
      segment: m.segment,
      entity: f.entity,
      source: f.source.publisher,
      definition: f.definition,
      period: f.period!.text,
      funding: { factId: f.id, asWritten: f.valueText, original: q, priceYear: f.priceYear, shown: disp.ok ? disp.quantity : null, conversion: disp.ok ? disp.notes : [disp.reason], conversionText: disp.ok ? disp.notesText : [{ en: disp.reason, zh: disp.reason }] },
      deals: d ? { factId: d.id, asWritten: d.valueText, count: d.figure.value } : null,
      averageDeal: d && disp.ok ? { value: disp.quantity.value / d.figure.value, unit: disp.quantity.unit, per: null } : null,
      growth: prev ? { multiple: f.figure.value / prev.figure.value, over: prev.period!.text } : null,
    });
  }
  for (const d of dealFacts.filter((x) => !usedDeals.has(x.id))) {
    const m = marketOf.get(d.entity)!;
    rows.push({ region: m.region, segment: m.segment, entity: d.entity, source: d.source.publisher, definition: d.definition, period: d.period!.text, funding: null, deals: { factId: d.id, asWritten: d.valueText, count: d.figure.value }, averageDeal: null, growth: null });
  }
  rows.sort((a, b) => a.region.localeCompare(b.region) || a.segment.localeCompare(b.segment) || a.source.localeCompare(b.source) || a.period.localeCompare(b.period));

  // Estimates, drawn from the facts' own distributions.
  const estimates: Estimate[] = [];
  const used = new Map<string, Fact>();
  const draws = new Map<string, Float64Array>();
  const drawOf = (f: Fact): Float64Array => {
    used.set(f.id, f);
    if (!draws.has(f.id)) draws.set(f.id, factDraws(f, env, `funding/${f.id}`));
    return draws.get(f.id)!;
  };
  const notes: Text[] = [];
  for (const [id, kept] of repeats) {
    notes.push({
      en: `${id} and ${kept.id} are one figure of ${kept.source.publisher} for ${kept.period!.text}, counted once (${kept.id}).`,
      zh: `${id}与${kept.id}是${pubZh(kept.source.publisher)}对${periodText(kept.period!.text, 'zh')}的同一个数字，只计一次（${kept.id}）。`,
    });
  }
  const byId = new Map(facts.map((f) => [f.id, f]));

  // 1. Growth multiples: the ledger's derived growth facts, recomputed, and the same periods in other series.
  const growthFacts: Fact[] = [];
  for (const m of markets) for (const f of await store.listFacts({ entity: m.entity, metric: 'growth' })) growthFacts.push(f);
  for (const g of growthFacts) {
    const ins = (g.derivedFrom?.inputs ?? []).map((i) => byId.get(i)).filter((f): f is Fact => !!f && f.metric === 'funding');
    if (ins.length !== 2) continue;
    const [later, earlier] = ins[0]!.period!.start > ins[1]!.period!.start ? [ins[0]!, ins[1]!] : [ins[1]!, ins[0]!];
    used.set(g.id, g);
    const e = estimateOf(
      {
        id: `growth.${g.entity}.${later.period!.text}`,
        label: { en: `Growth of ${later.period!.text} over ${earlier.period!.text}, ${later.source.publisher} (${g.id} "${g.valueText}")`, zh: `${periodText(later.period!.text, 'zh')}相对${periodText(earlier.period!.text, 'zh')}的增长（${pubZh(later.source.publisher)}；文章写作“${g.valueText}”）` },
        unit: 'multiple',
        per: null,
        formula: `${later.id} / ${earlier.id}`,
        inputs: [factRef(later), factRef(earlier)],
      },
      combine([drawOf(later), drawOf(earlier)], (a, b) => a / b),
    );
    estimates.push(e);
    const point = later.figure.value / earlier.figure.value;
    const ok = g.figure.qualifier === 'over' ? point > g.figure.value : Math.abs(point / g.figure.value - 1) < 0.05;
    notes.push({
      en: `${g.id} "${g.valueText}" (${g.valueTextEn ?? g.valueText}): ${later.id} / ${earlier.id} = ${fmt(later.figure.value, later.figure.unit)} / ${fmt(earlier.figure.value, earlier.figure.unit)} = ${point.toFixed(2)}x${ok ? ', as the article says' : `, which does not match what the article writes`}.`,
      zh: `${g.id}“${g.valueText}”：${later.id} / ${earlier.id} = ${fmt(later.figure.value, later.figure.unit, 'zh')} / ${fmt(earlier.figure.value, earlier.figure.unit, 'zh')} = ${point.toFixed(2)}倍${ok ? '，与文章一致' : '，与文章所写不符'}。`,
    });
    // The same two periods in the other series of the market.
    const others = new Map<string, Fact[]>();
    for (const f of fundingFacts) if (f.entity === later.entity && sourceKey(f) !== sourceKey(later)) (others.get(sourceKey(f)) ?? others.set(sourceKey(f), []).get(sourceKey(f))!).push(f);
    for (const series of others.values()) {
      const a = series.find((f) => f.period!.text === later.period!.text);
      const b = series.find((f) => f.period!.text === earlier.period!.text);
      if (!a || !b) continue;
      const real = a.priceYear !== null ? ` (constant ${a.priceYear} dollars; in nominal dollars ${((shownNominal(a) ?? 0) / (shownNominal(b) ?? 1)).toFixed(2)}x)` : '';
      estimates.push(
        estimateOf(
          {
            id: `growth.${a.entity}.${a.period!.text}.${a.id}`,
            label: { en: `Growth of ${a.period!.text} over ${b.period!.text}, ${a.source.publisher}${real}`, zh: `${periodText(a.period!.text, 'zh')}相对${periodText(b.period!.text, 'zh')}的增长（${pubZh(a.source.publisher)}${a.priceYear !== null ? `，按${a.priceYear}年不变价美元计` : ''}）` },
            unit: 'multiple',
            per: null,
            formula: `${a.id} / ${b.id}`,
            inputs: [factRef(a), factRef(b)],
          },
          combine([drawOf(a), drawOf(b)], (x, y) => x / y),
        ),
      );
    }
  }
  function shownNominal(f: Fact): number | null {
    const d = toDisplayMoney({ value: f.figure.value, unit: f.figure.unit, per: null }, f.period!, f.priceYear, { currency: 'USD', constantYear: null }, fx, cpi);
    return d.ok ? d.quantity.value : null;
  }

  // 2. Segments of one region, period and source: totals, shares, average deal.
  const segRows = rows.filter((r) => r.segment !== 'all' && r.funding && r.deals);
  const groups = new Map<string, FundingRow[]>();
  for (const r of segRows) {
    const k = `${r.region}\u0000${r.period}\u0000${r.source}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  for (const g of groups.values()) {
    const sameUnit = g.every((r) => r.funding!.original.unit === g[0]!.funding!.original.unit);
    for (const r of g) {
      const f = byId.get(r.funding!.factId)!;
      const d = byId.get(r.deals!.factId)!;
      const money = drawOf(f);
      const count = drawOf(d);
      const factor = r.funding!.shown ? r.funding!.shown.value / r.funding!.original.value : NaN;
      const inputs: InputRef[] = [factRef(f), factRef(d)];
      const cur = r.funding!.shown?.unit;
      if (cur && cur !== f.figure.unit) {
        estimates.push(
          estimateOf(
            { id: `average_deal.${r.segment}.${r.period}.${f.figure.unit.toLowerCase()}`, label: { en: `Average deal, ${r.region} ${segmentName(r.segment, 'en')}, ${r.period} (${f.figure.unit}, as written)`, zh: `${marketZh(r.region, r.segment, r.period)}平均每笔金额（按原文币种${currencyNameZh(f.figure.unit)}计）` }, unit: f.figure.unit, per: null, formula: `${f.id} / ${d.id}`, inputs },
            combine([money, count], (a, b) => a / b),
          ),
        );
      }
      if (cur) {
        estimates.push(
          estimateOf(
            { id: `average_deal.${r.segment}.${r.period}`, label: { en: `Average deal, ${r.region} ${segmentName(r.segment, 'en')}, ${r.period}${cur !== f.figure.unit ? ` (${cur})` : ''}`, zh: `${marketZh(r.region, r.segment, r.period)}平均每笔金额${cur !== f.figure.unit ? `（折合${currencyNameZh(cur)}）` : ''}` }, unit: cur, per: null, formula: cur !== f.figure.unit || constantYear !== null ? `${f.id} / ${d.id} x ${factor.toPrecision(6)} (conversion)` : `${f.id} / ${d.id}`, inputs },
            combine([money, count], (a, b) => (a / b) * factor),
          ),
        );
      }
    }
    if (g.length < 2 || !sameUnit) continue;
    const moneyDraws = g.map((r) => drawOf(byId.get(r.funding!.factId)!));
    const dealDraws = g.map((r) => drawOf(byId.get(r.deals!.factId)!));
    const totalMoney = combine(moneyDraws, (...xs) => xs.reduce((a, b) => a + b, 0));
    const totalDeals = combine(dealDraws, (...xs) => xs.reduce((a, b) => a + b, 0));
    const ids = g.map((r) => r.funding!.factId);
    const dIds = g.map((r) => r.deals!.factId);
    const unit0 = g[0]!.funding!.original.unit;
    const head = g[0]!;
    const allInputs = [...ids, ...dIds].map((i) => factRef(byId.get(i)!));
    estimates.push(
      estimateOf({ id: `total.${head.region.toLowerCase()}.${head.period}`, label: { en: `Total of the segments, ${head.region} ${head.period} (${unit0})`, zh: `${periodText(head.period, 'zh')}${REGION_ZH[head.region] ?? head.region}各细分领域融资合计（${currencyNameZh(unit0)}）` }, unit: unit0, per: null, formula: ids.join(' + '), inputs: ids.map((i) => factRef(byId.get(i)!)) }, totalMoney),
      estimateOf({ id: `deals.${head.region.toLowerCase()}.${head.period}`, label: { en: `Deals of the segments, ${head.region} ${head.period}`, zh: `${periodText(head.period, 'zh')}${REGION_ZH[head.region] ?? head.region}各细分领域融资事件合计` }, unit: 'count', per: null, formula: dIds.join(' + '), inputs: dIds.map((i) => factRef(byId.get(i)!)) }, totalDeals),
    );
    g.forEach((r, k) => {
      estimates.push(
        estimateOf(
          { id: `share.${r.segment}.${r.period}`, label: { en: `Share of the money, ${r.region} ${segmentName(r.segment, 'en')}, ${r.period}`, zh: `${marketZh(r.region, r.segment, r.period)}占融资总额的比例` }, unit: 'percent', per: null, formula: `${r.funding!.factId} / (${ids.join(' + ')})`, inputs: allInputs.filter((x) => ids.includes(x.id)) },
          combine([moneyDraws[k]!, totalMoney], (a, t) => a / t),
        ),
        estimateOf(
          { id: `deal_share.${r.segment}.${r.period}`, label: { en: `Share of the deals, ${r.region} ${segmentName(r.segment, 'en')}, ${r.period}`, zh: `${marketZh(r.region, r.segment, r.period)}占融资事件数的比例` }, unit: 'percent', per: null, formula: `${r.deals!.factId} / (${dIds.join(' + ')})`, inputs: allInputs.filter((x) => dIds.includes(x.id)) },
          combine([dealDraws[k]!, totalDeals], (a, t) => a / t),
        ),
      );
    });
    const shares = g.map((r) => r.funding!.original.value / g.reduce((a, x) => a + x.funding!.original.value, 0));
    notes.push({
      en: `${head.region} ${head.period} (${head.source}): ${g.map((r, k) => `${segmentName(r.segment, 'en')} ${r.funding!.asWritten} over ${r.deals!.asWritten} (${fmt(r.funding!.original.value / r.deals!.count, unit0)} each${r.averageDeal && r.averageDeal.unit !== unit0 ? `, ${fmt(r.averageDeal.value, r.averageDeal.unit)}` : ''}), ${Math.round(shares[k]! * 100)}% of the money`).join('; ')}.`,
      zh: `${periodText(head.period, 'zh')}${REGION_ZH[head.region] ?? head.region}（${pubZh(head.source)}）：${g.map((r, k) => `${segmentName(r.segment, 'zh')}${r.funding!.asWritten}、${r.deals!.asWritten}（平均每笔${fmt(r.funding!.original.value / r.deals!.count, unit0, 'zh')}），占资金${Math.round(shares[k]! * 100)}%`).join('；')}。`,
    });
    // Against a full-year figure of the same source for the region's whole sector.
    const year = head.period.slice(0, 4);
    const full = rows.find((r) => r.region === head.region && r.segment === 'all' && r.period === year && r.source === head.source && r.funding && r.funding.original.unit === unit0);
    if (full) {
      const fullFact = byId.get(full.funding!.factId)!;
      const tot = g.reduce((a, r) => a + r.funding!.original.value, 0);
      const dealsTot = g.reduce((a, r) => a + r.deals!.count, 0);
      notes.push({
        en: `${head.source}'s full year ${year} for ${head.region}'s AI sector: ${full.funding!.asWritten}${full.deals ? ` over ${full.deals.asWritten} (${fmt(full.funding!.original.value / full.deals.count, unit0)} each)` : ''} (${fullFact.id}, ${fullFact.source.title ?? fullFact.source.publisher}). The two ${head.period} segments hold ${fmt(tot, unit0)} over ${dealsTot} deals, ${Math.round((tot / full.funding!.original.value) * 100)}% of the year's money${full.deals ? ` and ${Math.round((dealsTot / full.deals.count) * 100)}% of its deals` : ''}; the segments need not cover the whole sector, so this is a floor for Q1's share, not a quarter's share of the year.`,
        zh: `${pubZh(head.source)}统计的${year}年全年${REGION_ZH[head.region] ?? head.region}AI领域融资为${full.funding!.asWritten}${full.deals ? `、${full.deals.asWritten}` : ''}。${periodText(head.period, 'zh')}两个细分领域合计${fmt(tot, unit0, 'zh')}、${dealsTot}起，相当于全年资金的${Math.round((tot / full.funding!.original.value) * 100)}%；细分领域未必覆盖整个行业，所以这只是该季度占比的下限。`,
      });
      used.set(fullFact.id, fullFact);
      if (full.deals) used.set(full.deals.factId, byId.get(full.deals.factId)!);
    }
  }

  // 3. Average deal of whole-sector rows that have both (China 2023: F2 / F1).
  for (const r of rows.filter((x) => x.segment === 'all' && x.funding && x.deals && x.averageDeal)) {
    const f = byId.get(r.funding!.factId)!;
    const d = byId.get(r.deals!.factId)!;
    const factor = r.funding!.shown!.value / r.funding!.original.value;
    estimates.push(
      estimateOf(
        { id: `average_deal.${r.region.toLowerCase().replace(/\s+/g, '_')}.${r.period}`, label: { en: `Average deal, ${r.region} AI sector, ${r.period} (${r.source})`, zh: `${marketZh(r.region, 'all', r.period)}平均每笔金额（${pubZh(r.source)}）` }, unit: r.averageDeal!.unit, per: null, formula: factor === 1 ? `${f.id} / ${d.id}` : `${f.id} / ${d.id} x ${factor.toPrecision(6)} (conversion)`, inputs: [factRef(f), factRef(d)] },
        combine([drawOf(f), drawOf(d)], (a, b) => (a / b) * factor),
      ),
    );
  }

  // 4. Sources side by side: the ledger's conflicts on these markets' funding, explained.
  const conflicts = (await store.conflicts()).filter((c: Conflict) => c.metric === 'funding' && marketOf.has(c.entity));
  const comparisons: FundingComparison[] = conflicts.map((c) => {
    const ex = explainGap(c);
    used.set(c.a.id, c.a);
    used.set(c.b.id, c.b);
    return { a: c.a.id, b: c.b.id, period: c.period, market: `${marketOf.get(c.entity)!.region}/${marketOf.get(c.entity)!.segment}`, aNominalUsd: c.aInterval.p50, bNominalUsd: c.bInterval.p50, ratio: c.ratio, differences: c.differences, explanation: ex };
  });
  for (const c of comparisons) notes.push(c.explanation);

  for (const r of rows) if (r.funding && r.period.length <= 7 && (r.period >= '2022' || r.segment !== 'all')) used.set(r.funding.factId, byId.get(r.funding.factId)!);
  for (const r of rows) if (r.deals) used.set(r.deals.factId, byId.get(r.deals.factId)!);
  const missing = rows.filter((r) => r.funding && !r.funding.shown);
  if (missing.length) {
    notes.push({
      en: `${missing.length} figure${missing.length === 1 ? '' : 's'} could not be shown in ${currency}${constantYear !== null ? ` of ${constantYear}` : ''}: ${missing[0]!.funding!.conversion[0]}${missing.length > 1 ? ' (and similar)' : ''}. Add the rate (shakeout fx add) to include them.`,
      zh: `${missing.length}个数字无法换算为${currencyNameZh(currency)}。补充所缺月份的汇率即可纳入。`,
    });
  }
  notes.push({
    en: constantYear !== null
      ? `Money in constant ${constantYear} US dollars (US CPI-U annual averages, ${cpi.name}); other currencies converted to US dollars at the FX rate of each figure's period first (mean of its months' rates, ${fx.name}).`
      : `Money in nominal ${currency} of each figure's period, converted at the FX rate of that period (mean of its months' rates, ${fx.name}); OWID's constant 2021 dollars are put in nominal dollars of their year with the CPI table (${cpi.name}).`,
    zh: constantYear !== null
      ? `金额为${constantYear}年不变价美元（美国CPI-U年均值）；其他币种先按各自时段的汇率（该时段各月月均汇率的平均值）折成美元。`
      : `金额为各时段的名义${currencyNameZh(currency)}，按该时段汇率（各月月均汇率的平均值）换算；OWID的2021年不变价美元按CPI表换回当年名义美元。`,
  });

  return {
    kind: 'funding',
    title: {
      en: `Funding markets${region ? `: ${region}` : ''}${segment ? ` (${segmentName(segment, 'en')})` : ''}`,
      zh: `融资市场${region ? `：${REGION_ZH[region] ?? region}` : ''}${segment ? `（${segmentName(segment, 'zh')}）` : ''}`,
    },
    subject: markets.length === 1 ? markets[0]!.entity : null,
    estimates,
    facts: [...used.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
    assumptions: [
      {
        id: 'series-as-recorded',
        text: { en: 'Each source counts its own universe of deals; figures are compared within a source, and across sources only side by side', zh: '每个来源统计的交易范围不同；只在同一来源内计算增长，跨来源只并列比较' },
        rationale: {
          en: 'CB Insights, Quid (OWID) and IT Juzi define "AI deal" differently and cover different deal types and regions; a ratio across sources measures the definitions as much as the market.',
          zh: 'CB Insights、Quid（OWID）和IT桔子对“AI交易”的定义不同，覆盖的交易类型和地区也不同；跨来源的比值反映的既是市场，也是定义。',
        },
      },
    ],
    notes,
    env: { sampleCount: env.sampleCount, seed: env.seed },
    details: { view, filter: { region, segment }, rows, comparisons, conversions: [...conversions.keys()], conversionsText: [...conversions.values()] },
  };
}

/** Why two sources' figures for the same market and period differ: definition, currency year, coverage. */
export function explainGap(c: Conflict): Text {
  const [lo, hi] = c.aInterval.p50 <= c.bInterval.p50 ? [c.a, c.b] : [c.b, c.a];
  const loV = Math.min(c.aInterval.p50, c.bInterval.p50);
  const hiV = Math.max(c.aInterval.p50, c.bInterval.p50);
  const real = (f: Fact): string => (f.priceYear !== null ? ` (${fmt(f.figure.value, f.figure.unit)} in constant ${f.priceYear} dollars)` : f.figure.unit !== 'USD' ? ` (${f.valueText})` : '');
  const why: string[] = [];
  const whyZh: string[] = [];
  const nameZh = (f: Fact): string => (/^F\d+$/.test(f.id) ? `${f.id}（${pubZh(f.source.publisher)}）` : pubZh(f.source.publisher));
  if ((c.a.definition ?? '') !== (c.b.definition ?? '')) {
    why.push(`definition: what counts as an AI deal differs (${c.a.source.publisher}: ${c.a.definition ?? 'not stated'}; ${c.b.source.publisher}: ${c.b.definition ?? 'not stated'})`);
    whyZh.push('定义不同：各来源对“AI交易”的界定不一样');
  }
  if (c.a.priceYear !== c.b.priceYear) {
    why.push(`currency year: ${[c.a, c.b].map((f) => `${f.id} is ${f.priceYear === null ? 'nominal' : `in constant ${f.priceYear} dollars`}`).join(', ')}; both are compared here in nominal dollars of ${c.period}`);
    whyZh.push(`币值不同：${[c.a, c.b].map((f) => `${nameZh(f)}为${f.priceYear === null ? '名义值' : `${f.priceYear}年不变价`}`).join('，')}，这里都换成${periodText(c.period, 'zh')}的名义美元再比`);
  }
  if (c.a.figure.unit !== c.b.figure.unit) {
    why.push(`currency: ${c.a.figure.unit} vs ${c.b.figure.unit}, converted at the FX rate of ${c.period}`);
    whyZh.push(`币种不同：${currencyNameZh(c.a.figure.unit)}与${currencyNameZh(c.b.figure.unit)}，按${periodText(c.period, 'zh')}的汇率换算`);
  }
  why.push(`coverage: sources track different sets of companies, rounds and regions (Quid counts private investment in companies it classifies as AI; CB Insights counts equity rounds of the startups it tags; the article's "public data" names no provider)`);
  whyZh.push('覆盖范围：各来源追踪的公司、轮次和地区不同（Quid统计其归为AI的公司的私募投资；CB Insights统计其标记的新创公司的股权融资；文章的“公开数据”未指明提供方）');
  return {
    en: `${c.entity} ${c.period}: ${lo.id} (${lo.source.publisher}) ${fmt(loV, 'USD')}${real(lo)} against ${hi.id} (${hi.source.publisher}) ${fmt(hiV, 'USD')}${real(hi)} in nominal USD, ${(hiV / loV).toFixed(2)}x. Neither is picked; they differ by ${why.join('; ')}.`,
    zh: `${periodText(c.period, 'zh')}：${nameZh(lo)}为${fmt(loV, 'USD', 'zh')}，${nameZh(hi)}为${fmt(hiV, 'USD', 'zh')}（均为名义美元），相差${(hiV / loV).toFixed(2)}倍。这里不作取舍，差别来自：${whyZh.join('；')}。`,
  };
}
