import { convertCurrency, currencyNameZh, formatValue, isCurrency, periodMonths, periodsOverlap, safeParseFigure } from '../../core/index.js';
import type { Figure, FxTable, Per } from '../../core/index.js';
import { conflictsReport, MAX_CONFLICTS_PER_SUBJECT, METRIC_VALUE, valueRuleProblem, type Fact, type Metric, type Store } from '../../ledger/index.js';
import type { Analysis, Text } from '../analysis.js';
import { groupApartText, groupFacts, groupJoinedText, type FactGroup } from '../common/fact-group.js';
import { monthsPer, perMonthFactor, periodMonthsWhole } from '../common/per-month.js';
import { asWritten, metricName, monthsText, periodText, provenanceRank, publisherName, scopeName, shortId, unnamedSource } from './describe-fact.js';
import { basisUnknownAdvice, withAdvice, type OptionHint } from '../common/option-hint.js';
import { evaluateFormula } from './evaluate-formula.js';
import type { FlagSeverity, PlausibilityDetails, PlausibilityFlag } from './plausibility-flag.js';

/** Per-month rates further apart than this are out of line (warning); */
export const OUT_OF_LINE_WARNING = 2;
/** ... and this far apart, probably wrong (error). */
export const OUT_OF_LINE_ERROR = 5;
/**
 * The most `out_of_line` flags for one entity, metric and scope; past it they
 * are counted in one `omitted` flag. The ledger's limit on conflicts listed
 * (`MAX_CONFLICTS_PER_SUBJECT`), so that both read alike.
 */
export const MAX_FLAGS_PER_SUBJECT = MAX_CONFLICTS_PER_SUBJECT;
/** A derived fact more than this far (relative) from its recomputed formula is flagged. */
export const DERIVATION_TOLERANCE = 0.01;

/** Two readings of one figure ("600 million euros ($645 million)") further apart than this, through FX, are flagged. */
export const ALTERNATIVE_TOLERANCE = 0.1;
const REVENUE_METRICS = new Set(['revenue', 'subscription_revenue', 'consumer_spending']);
const STORE_SCOPES = new Set(['app_store', 'google_play', 'app_store+google_play']);
/** Metrics that are flows over a period (so a per-month rate means something). */
const FLOW_METRICS = new Set(['funding', 'revenue', 'subscription_revenue', 'downloads', 'deals', 'spend', 'burn', 'consumer_spending', 'revenue_spending_gap']);
/** Metrics that app-intelligence vendors estimate per app (their ~20-30% error applies). */
const APP_ESTIMATE_METRICS = new Set(['downloads', 'subscription_revenue', 'consumer_spending']);
/** Publishers whose store revenue is documented as net of store fees (REFERENCES.md). */
const NET_PUBLISHERS: Readonly<Record<string, string>> = { 'Sensor Tower': "Sensor Tower's help centre says its revenue figures are net of store fees and taxes" };

const n = (x: number, f: Fact): string => formatValue(x, f.figure.unit, 'en');
const nz = (x: number, f: Fact): string => formatValue(x, f.figure.unit, 'zh');
/**
 * A publisher in prose as recorded, for the reader's language ('IT Juzi (IT桔子)' -> 'IT桔子' in Chinese): its
 * bracketed detail stays, since it can be what tells two sources apart ('Nikkei (Japanese edition)' beside 'Nikkei
 * Asia') or says the text was read at second hand ('Bloomberg (via BNN Bloomberg)').
 */
const pub = (f: Fact, lang: 'en' | 'zh'): string => publisherName(f.source.publisher, lang);
/** A fact in prose: its short id when it has one ('F19'), else its publisher ('Appfigures'). */
const who = (f: Fact, lang: 'en' | 'zh'): string => (shortId(f) ? f.id : pub(f, lang));
/** A fact in prose with where it came from: 'F19 (Sensor Tower, "9000万", 21 Apr to 20 May 2024)'. */
function cite(f: Fact, lang: 'en' | 'zh', withPeriod = false): string {
  const period = withPeriod && f.period ? periodText(f.period.text, lang) : '';
  if (lang === 'zh') {
    const parts = [shortId(f) ? pub(f, 'zh') : '', asWritten(f, 'zh'), period].filter(Boolean).join('，');
    return `${who(f, 'zh')}（${parts}）`;
  }
  const parts = [shortId(f) ? pub(f, 'en') : '', asWritten(f, 'en'), period].filter(Boolean).join(', ');
  return `${who(f, 'en')} (${parts})`;
}
/** What a count of a metric counts, for prose: '19.3 deals a month' / '每月19.3笔'. */
const COUNT_WORDS: Readonly<Record<string, { en: string; zh: string }>> = { deals: { en: 'deals', zh: '笔' }, downloads: { en: 'downloads', zh: '次' } };
const PER_ZH: Readonly<Record<Per, string>> = { day: '日', week: '周', month: '月', quarter: '季度', year: '年' };

export { asWritten, metricName, monthsText, periodText, publisherName, scopeName } from './describe-fact.js';

/** A unit as a Chinese reader says what a value was read as: '金额（美元）', '不带币种的数字'. */
function unitSaidZh(unit: string): string {
  if (isCurrency(unit)) return `金额（${currencyNameZh(unit)}）`;
  return ({ count: '不带币种的数字', percent: '百分比', multiple: '倍数' } as Record<string, string>)[unit] ?? unit;
}

/**
 * The value rules of the ledger (METRIC_VALUE, `valueRuleProblem`: the
 * rules new input is refused by) said for a stored fact that breaks one, by
 * the rule's code: a title and what the rule expects, in each language. The
 * English explanation is the rule's own message.
 */
const VALUE_RULE_TEXT: Readonly<Record<string, { title: Text; zh: (metric: string, valueText: string, unit: string, multiple: boolean) => string }>> = {
  missing_currency: {
    title: { en: 'recorded as a number with no currency', zh: '记为不带币种的数字' },
    zh: (m, v) => `${m}应为带币种的金额，例如“5亿元”“$500 million”“€23M”，这里记为“${v}”，读作不带币种的数字：单独的数字不当作美元`,
  },
  not_a_count: {
    title: { en: 'recorded as something other than a count', zh: '记为非数量的数值' },
    zh: (m, v, u) => `${m}应为数量，例如“250”“约120万”（不是金额、百分比或倍数），这里记为“${v}”，读作${unitSaidZh(u)}`,
  },
  not_a_ratio: {
    title: { en: 'recorded as something other than a multiple or a percent', zh: '记为非倍数、非百分比的数值' },
    zh: (m, v, u) => `${m}应为倍数或百分比，例如“5倍”“2.4x”“+200%”，这里记为“${v}”，读作${unitSaidZh(u)}`,
  },
  negative_value: {
    title: { en: 'recorded below zero', zh: '记为负数' },
    zh: (m, v, _u, multiple) => `${m}不应小于0${multiple ? '（倍数不会是负数）' : ''}，这里记为“${v}”`,
  },
};

/**
 * Whether a fact is an event rather than a flow: a company's funding is a
 * round (or a total to date), raised on a day, so it has no rate per month;
 * only a market's funding over a period (an aggregate's) is a flow.
 */
function isEvent(f: Fact, aggregate: (entity: string) => boolean): boolean {
  return f.metric === 'funding' && (f.scope === 'round' || !aggregate(f.entity));
}

/** A flow fact's value per month, when it has a period that is not a point in time (never an event's). */
function monthly(f: Fact, aggregate: (entity: string) => boolean): number | null {
  if (!FLOW_METRICS.has(f.metric) || !f.period || f.period.kind === 'asof' || isEvent(f, aggregate)) return null;
  if (f.figure.per) return f.figure.value * perMonthFactor(f.figure.per);
  return f.figure.value / periodMonthsWhole(f.period);
}

/**
 * Flags what does not add up in the ledger, each with the facts involved and why:
 *
 * - `conflict`: figures for the same entity, metric and period that disagree
 *   beyond their stated uncertainty (`conflictsReport`), with how they differ;
 *   `uncompared` (info): the facts that check could not compare, for want of
 *   an FX rate for their period or a CPI year, each with the reason;
 * - `mixed_periods`: a derived rate over another period than its inputs (an
 *   annual run rate from one month of revenue), and derivations over inputs
 *   whose periods differ in length;
 * - `unknown_basis`: store or subscription revenue, or consumer spending, whose
 *   gross or net basis is not recorded (a company's own revenue has no such question);
 *   `disputed_basis`: store revenue recorded as gross from a publisher that
 *   documents its figures as net;
 * - `out_of_line`: the same measure of the same thing from two sources whose
 *   per-month rates differ by more than 2x (warning) or 5x (error), e.g. the
 *   article's 90M Google Play downloads in one month (F19) against Appfigures'
 *   ~130M over February to November 2024 (~13M a month, ~7x);
 * - `derivation`: a derived fact whose recorded value differs from
 *   recomputing its formula (F23: 2亿 written, (F18 + F20) x 12 = 1.8亿);
 * - `value_rule` (error): a stored fact that breaks the ledger's value rules
 *   (METRIC_VALUE: money needs a currency, a count is not money, ...), which
 *   new input is refused by: a ledger written by an older version, or rows
 *   edited by hand, can still hold one.
 *
 * Advice names the way to act in `options.hint`'s words (see {@link OptionHint};
 * default 'none', which names no flag or field).
 */
export async function checkPlausibility(store: Store, options: { readonly hint?: OptionHint } = {}): Promise<Analysis<PlausibilityDetails>> {
  const advice = basisUnknownAdvice(options.hint);
  const facts = await store.listFacts();
  const { fx, cpi } = await store.tables();
  const { conflicts, uncompared, omitted } = conflictsReport(facts, fx, cpi);
  const entities = new Map((await store.listEntities()).map((e) => [e.id, e]));
  const aggregate = (id: string): boolean => entities.get(id)?.kind === 'aggregate';
  const entity = (id: string, lang: 'en' | 'zh'): string => {
    const e = entities.get(id);
    return e ? (lang === 'zh' ? (e.nameZh ?? e.nameEn) : e.nameEn) : id;
  };
  /** What a fact measures: 'ChatGPT downloads (Google Play)' / 'ChatGPT下载量（Google Play）'. */
  const what = (f: Fact, lang: 'en' | 'zh'): string =>
    lang === 'zh'
      ? `${entity(f.entity, 'zh')}${metricName(f.metric, 'zh')}${f.scope ? `（${scopeName(f.scope, 'zh')}）` : ''}`
      : `${entity(f.entity, 'en')} ${metricName(f.metric, 'en')}${f.scope ? ` (${scopeName(f.scope, 'en')})` : ''}`;
  const byId = new Map(facts.map((f) => [f.id, f]));
  const flags: PlausibilityFlag[] = [];
  const add = (severity: FlagSeverity, check: string, ids: string[], title: Text, explanation: Text): void => {
    flags.push({ id: `${check}:${ids.join(':')}`, severity, check, title, explanation, facts: ids });
  };

  /** Pairs of one entity and metric counted past the limit and not flagged one by one: said in one info flag. */
  const omittedFlags = (check: 'conflict' | 'out_of_line', f: Fact, listed: number, total: number): void => {
    const kindEn = check === 'conflict' ? 'conflicting pairs' : 'out-of-line pairs';
    const kindZh = check === 'conflict' ? '相互矛盾的数字对' : '月均值悬殊的数字对';
    flags.push({
      id: `omitted:${check}:${f.entity}:${f.metric}${check === 'out_of_line' && f.scope ? `:${f.scope}` : ''}`,
      severity: 'info',
      check: 'omitted',
      title: { en: `${total - listed} more ${kindEn} of ${what(f, 'en')} not listed`, zh: `${what(f, 'zh')}另有${total - listed}个${kindZh}未逐一列出` },
      explanation: {
        en: `${total} ${kindEn} of ${what(f, 'en')} were found; the first ${listed} are listed (at most ${MAX_FLAGS_PER_SUBJECT} per entity and metric, docs/limits.md). So many sources of one thing that disagree need a look as a whole: list the ledger's facts of ${what(f, 'en')} together.`,
        zh: `${what(f, 'zh')}共有${total}个${kindZh}，只列出前${listed}个（每个对象和指标最多列出${MAX_FLAGS_PER_SUBJECT}个）。同一数字有这么多互不一致的来源，应整体核查。`,
      },
      facts: [],
    });
  };
  for (const o of omitted) {
    const f = facts.find((x) => x.entity === o.entity && x.metric === o.metric)!;
    omittedFlags('conflict', f, o.listed, o.total);
  }

  // 1. Conflicts across sources. Facts of one group (one round written by
  // several outlets) that disagree are flagged once, naming every source.
  const disagreeing = groupFacts(facts, fx).filter((g) => g.disagree && g.members.length > 1);
  const groupOf = new Map<string, FactGroup>();
  for (const g of disagreeing) for (const m of g.members) groupOf.set(m.id, g);
  for (const g of disagreeing) {
    const ids = g.members.map((m) => m.id);
    const p = g.preferred;
    const ratio = g.spread?.ratio ?? NaN;
    const rangeOf = new Map(g.ranges.map((x) => [x.factId, x]));
    const value = (m: Fact, lang: 'en' | 'zh'): string => {
      const r = rangeOf.get(m.id);
      if (!r || !r.notes.length) return '';
      return lang === 'zh' ? `，约${formatValue(r.p50, 'USD', 'zh')}` : `, about ${formatValue(r.p50, 'USD', 'en')}`;
    };
    const ratioEn = Number.isFinite(ratio) ? ` (${ratio.toFixed(2)}x apart)` : '';
    const ratioZh = Number.isFinite(ratio) ? `相差${ratio.toFixed(2)}倍` : '相互矛盾';
    const period = p.period ? periodText(p.period.text, 'en') : 'no period';
    const periodZh = p.period ? periodText(p.period.text, 'zh') : '';
    const apart = groupApartText(g, (id) => ({ en: who(byId.get(id)!, 'en'), zh: who(byId.get(id)!, 'zh') }))!;
    const why = (lang: 'en' | 'zh'): string => g.corroboration.map((o) => (lang === 'en' ? `not ${who(o.fact, 'en')}: ${o.reason.en}` : `未用${who(o.fact, 'zh')}：${o.reason.zh}`)).join(lang === 'en' ? '; ' : '；');
    add(
      'warning',
      'conflict',
      ids,
      { en: `Sources of one figure disagree: ${what(p, 'en')}, ${period}${ratioEn}, ${ids.length} sources`, zh: `同一数字的${ids.length}个来源不一致：${periodZh}${what(p, 'zh')}${ratioZh}` },
      {
        en: `${g.members.map((m) => `${cite(m, 'en')}${value(m, 'en')}`).join('; ')} report the same thing${groupJoinedText(g, options.hint).en}. ${apart.en} Analyses count it once, using ${who(p, 'en')} by the choose rule (${why('en')}).`,
        zh: `${g.members.map((m) => `${cite(m, 'zh')}${value(m, 'zh')}`).join('；')}说的是同一件事${groupJoinedText(g, options.hint).zh}。${apart.zh}分析只计一次，按取舍规则采用${who(p, 'zh')}（${why('zh')}）。`,
      },
    );
  }
  for (const c of conflicts) {
    if (groupOf.has(c.a.id) && groupOf.get(c.a.id) === groupOf.get(c.b.id)) continue;
    const ratio = c.ratio >= 1 ? c.ratio : 1 / c.ratio;
    add(
      'warning',
      'conflict',
      [c.a.id, c.b.id],
      { en: `Sources disagree: ${what(c.a, 'en')}, ${periodText(c.period, 'en')} (${ratio.toFixed(2)}x apart)`, zh: `来源不一致：${periodText(c.period, 'zh')}${what(c.a, 'zh')}相差${ratio.toFixed(2)}倍` },
      {
        en: `${cite(c.a, 'en')} and ${cite(c.b, 'en')} do not overlap within their stated uncertainty. They differ in ${c.differencesText.filter((d) => d.kind !== 'source').map((d) => d.en).join('; ')}. Neither is picked: an analysis must say which one it uses.`,
        zh: `${cite(c.a, 'zh')}与${cite(c.b, 'zh')}在各自的不确定范围内不重合。两者的差别：${c.differencesText.filter((d) => d.kind !== 'source').map((d) => d.zh).join('；')}。这里不作取舍，分析须说明采用哪一个。`,
      },
    );
  }

  // Facts the conflict check could not compare (a rate the tables lack):
  // said once, with each fact and why, rather than left out silently.
  if (uncompared.length) {
    const k = uncompared.length;
    add(
      'info',
      'uncompared',
      uncompared.map((u) => u.fact.id),
      { en: `${k} fact${k === 1 ? '' : 's'} not compared with other sources: a table lacks a rate they need`, zh: `${k}条事实未与其他来源比对：换算所需的汇率或物价数据缺失` },
      {
        en: `${uncompared.map((u) => `${cite(u.fact, 'en', true)}: ${u.reason}`).join('; ')}. Whether these agree with other sources of the same thing is not checked until the rate is added.`,
        zh: `${uncompared.map((u) => `${cite(u.fact, 'zh', true)}：${u.reasonZh}`).join('；')}。补充所需汇率或物价数据之前，无法核对这些事实与同一数字的其他来源是否一致。`,
      },
    );
  }

  // 2. Rates mixed across periods, and derivations.
  for (const f of facts) {
    if (!f.derivedFrom) continue;
    const inputs = f.derivedFrom.inputs.map((i) => byId.get(i)).filter((x): x is Fact => !!x);
    const flows = inputs.filter((x) => x.period && x.period.kind !== 'asof' && !x.figure.per);
    if (f.figure.per && flows.length && f.period && f.period.kind !== 'asof') {
      const months = periodMonths(flows[0]!.period!);
      if (Math.abs(months - monthsPer(f.figure.per)) > 0.05 * monthsPer(f.figure.per)) {
        add(
          'warning',
          'mixed_periods',
          [f.id, ...flows.map((x) => x.id)],
          {
            en: `${who(f, 'en')} is a rate per ${f.figure.per} made from ${monthsText(months, 'en')} of data`,
            zh: `${who(f, 'zh')}是用${monthsText(months, 'zh')}的数据推算的${f.figure.per === 'year' ? '年化值' : `每${PER_ZH[f.figure.per]}数值`}`,
          },
          {
            en: `${cite(f, 'en')}, ${f.figure.per === 'year' ? 'a year' : `per ${f.figure.per}`}, is ${f.derivedFrom.formula} over ${flows.map((x) => `${who(x, 'en')} (${periodText(x.period!.text, 'en')})`).join(', ')}: a run rate, not a measured ${f.figure.per}. Set beside the monthly figures it came from, it must not be added to or compared with them as if it were; seasonality, growth and churn over the ${f.figure.per} are assumed away.`,
            zh: `${cite(f, 'zh')}是按${f.derivedFrom.formula}由${flows.map((x) => `${who(x, 'zh')}（${periodText(x.period!.text, 'zh')}）`).join('、')}推算的${f.figure.per === 'year' ? '年化值' : '折算值'}，并非实测。它不能与所依据的月度数字相加或直接比较；${f.figure.per === 'year' ? '一年' : '这段时间'}中的季节变化、增长和用户流失都被假定不存在。`,
          },
        );
      }
    }
    const lengths = inputs.filter((x) => x.period && x.period.kind !== 'asof' && FLOW_METRICS.has(x.metric)).map((x) => ({ id: x.id, m: periodMonths(x.period!) }));
    if (lengths.length >= 2) {
      const min = Math.min(...lengths.map((l) => l.m));
      const max = Math.max(...lengths.map((l) => l.m));
      if (max > 1.1 * min) {
        add(
          'warning',
          'mixed_periods',
          [f.id, ...lengths.map((l) => l.id)],
          { en: `${who(f, 'en')} combines figures over periods of different length`, zh: `${who(f, 'zh')}把时段长短不一的数字放在一起计算` },
          {
            en: `${who(f, 'en')} = ${f.derivedFrom.formula} uses ${lengths.map((l) => `${who(byId.get(l.id)!, 'en')} (${monthsText(l.m, 'en')})`).join(', ')}: put each per month before combining them.`,
            zh: `${who(f, 'zh')} = ${f.derivedFrom.formula}，用到${lengths.map((l) => `${who(byId.get(l.id)!, 'zh')}（${monthsText(l.m, 'zh')}）`).join('、')}：应先各自折算为每月数值再合并。`,
          },
        );
      }
    }
    // Recompute the formula.
    let computed: number;
    try {
      computed = evaluateFormula(f.derivedFrom.formula, (id) => {
        const x = byId.get(id);
        if (!x) throw new Error(`unknown input ${id}`);
        return x.figure.value;
      });
    } catch {
      continue;
    }
    if (!Number.isFinite(computed) || computed === 0) continue;
    const ratio = f.figure.value / computed;
    const q = f.figure.qualifier;
    const consistent = q === 'over' ? computed >= f.figure.value : q === 'under' || q === 'nearly' ? computed <= f.figure.value * (1 + DERIVATION_TOLERANCE) : Math.abs(ratio - 1) <= DERIVATION_TOLERANCE;
    if (!consistent) {
      const within = computed >= f.figure.p5 && computed <= f.figure.p95;
      add(
        'warning',
        'derivation',
        [f.id, ...inputs.map((x) => x.id)],
        { en: `${who(f, 'en')} is written ${n(f.figure.value, f)} but its formula gives ${n(computed, f)}`, zh: `${who(f, 'zh')}写作${nz(f.figure.value, f)}，按其公式却只得${nz(computed, f)}`.replace('却只得', computed > f.figure.value ? '却得' : '却只得') },
        {
          en: `${who(f, 'en')} ${asWritten(f, 'en')} records ${n(f.figure.value, f)}; ${f.derivedFrom.formula} over the recorded inputs gives ${n(computed, f)} (the written value is ${ratio > 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}% off). ${within ? 'The computed value is inside the stated uncertainty, so this is rounding;' : 'The computed value is outside the stated uncertainty;'} use the computed value in analyses and cite the written one as the source's wording.`,
          zh: `${who(f, 'zh')}原文${asWritten(f, 'zh')}，记为${nz(f.figure.value, f)}；用账本中的输入按${f.derivedFrom.formula}计算，得${nz(computed, f)}，原文比计算值${ratio > 1 ? '高' : '低'}${Math.abs((ratio - 1) * 100).toFixed(1)}%。${within ? '计算值落在原文数字的不确定范围内，差别来自取整。' : '计算值超出了原文数字的不确定范围。'}分析时采用计算值，原文数字只作为出处的措辞引用。`,
        },
      );
    }
  }

  // 3. Revenue of unknown or disputed basis.
  for (const f of facts) {
    if (!REVENUE_METRICS.has(f.metric)) continue;
    const store = f.scope !== null && STORE_SCOPES.has(f.scope);
    // A company's own revenue (statements, filings, run rates) has no gross/net question; money passing
    // through a store or a subscription does (before or after the commission, fees and taxes).
    const basisMatters = store || f.metric !== 'revenue';
    if (f.basis === 'unknown' && f.figure.value !== 0 && basisMatters) {
      add(
        store ? 'warning' : 'info',
        'unknown_basis',
        [f.id],
        { en: `${who(f, 'en')}: ${metricName(f.metric, 'en')} of unknown basis (gross or net)`, zh: `${who(f, 'zh')}：${metricName(f.metric, 'zh')}未说明是总额还是净额` },
        {
          en: `${who(f, 'en')} (${asWritten(f, 'en')}, ${pub(f, 'en')}) does not say whether it is before or after ${store ? 'the store commission (15-30%)' : 'fees and taxes'}; analyses carry both readings. Record the basis when the source states it.`,
          zh: `${who(f, 'zh')}（${asWritten(f, 'zh')}，${pub(f, 'zh')}）没有说明是否已扣除${store ? '商店佣金（15%-30%）' : '费用和税费'}，分析会把两种理解都算一遍。来源若有说明，请把口径记入账本。`,
        },
      );
    }
    const net = NET_PUBLISHERS[f.source.publisher];
    if (f.basis === 'gross' && net && f.metric !== 'consumer_spending' && store) {
      add(
        'warning',
        'disputed_basis',
        [f.id],
        { en: `${who(f, 'en')}: recorded as gross, but ${pub(f, 'en')} reports net`, zh: `${who(f, 'zh')}：账本记为总额，但${pub(f, 'zh')}给的是净额` },
        withAdvice({
          en: `${who(f, 'en')} (${asWritten(f, 'en')}) is recorded as gross (what users paid), as the article reads it, but ${net}. If net, what users paid is net / (1 - commission): 18-43% more.`,
          zh: `${who(f, 'zh')}（${asWritten(f, 'zh')}）照文章的理解记为总额，即用户支付的金额；但${pub(f, 'zh')}的帮助中心说明，其收入数据已扣除商店佣金和税费。若是净额，用户实际支付额 = 净额 / (1 - 佣金率)，要高出18%-43%。`,
        }, advice),
      );
    }
  }

  // 4. Out of line with other sources: same entity, metric and scope, per month.
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (monthly(f, aggregate) === null || f.kind === 'derived') continue;
    const k = `${f.entity}\u0000${f.metric}\u0000${f.scope ?? ''}\u0000${f.figure.unit}\u0000${f.priceYear ?? ''}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(f);
  }
  const conflictPairs = new Set(flags.filter((x) => x.check === 'conflict').map((x) => [...x.facts].sort().join('\u0000')));
  const day = 86_400_000;
  for (const g of groups.values()) {
    // Sorted by the rate per month, each fact meets only the facts at least OUT_OF_LINE_WARNING times its rate, not every other.
    const rated = g
      .map((f) => ({ f, m: monthly(f, aggregate)!, start: Date.parse(f.period!.start), end: Date.parse(f.period!.end), group: groupOf.get(f.id) }))
      .filter((x) => x.m > 0)
      .sort((x, y) => x.m - y.m);
    let listed = 0;
    let total = 0;
    for (let i = 0; i < rated.length; i++) {
      const x = rated[i]!;
      let from = i + 1;
      let to = rated.length;
      while (from < to) {
        const mid = (from + to) >>> 1;
        if (rated[mid]!.m / x.m >= OUT_OF_LINE_WARNING) to = mid;
        else from = mid + 1;
      }
      for (let t = from; t < rated.length; t++) {
        const y = rated[t]!;
        if (x.group && x.group === y.group) continue; // flagged once above
        // Near in time: overlapping, or within a year of each other.
        if (Math.max(x.start, y.start) - Math.min(x.end, y.end) > 366 * day && !periodsOverlap(x.f.period!, y.f.period!)) continue;
        if (x.f.source.publisher === y.f.source.publisher || conflictPairs.has([x.f.id, y.f.id].sort().join('\u0000'))) continue;
        total++;
        if (listed >= MAX_FLAGS_PER_SUBJECT) continue;
        listed++;
        const [a, b, ma, mb] = [x.f, y.f, x.m, y.m];
        const [hi, lo, mhi, mlo] = ma >= mb ? [a, b, ma, mb] : [b, a, mb, ma];
        const ratio = mhi / mlo;
        const sev: FlagSeverity = ratio >= OUT_OF_LINE_ERROR ? 'error' : 'warning';
        // The figure to question: the one whose provenance is weaker (no named
        // provider, or no address to check); between equals, the higher rate.
        const [suspect, other] = provenanceRank(lo) < provenanceRank(hi) ? [lo, hi] : [hi, lo];
        const [ms, mo] = suspect === hi ? [mhi, mlo] : [mlo, mhi];
        const overlap = periodsOverlap(a.period!, b.period!);
        const pm = (f: Fact, lang: 'en' | 'zh'): string => `${periodText(f.period!.text, lang)}${f.figure.per || f.period!.kind !== 'span' ? '' : lang === 'zh' ? `，${monthsText(periodMonths(f.period!), 'zh')}` : `, ${monthsText(periodMonths(f.period!), 'en')}`}`;
        const unitZh = COUNT_WORDS[a.metric]?.zh ?? '';
        const unitEn = COUNT_WORDS[a.metric] ? ` ${COUNT_WORDS[a.metric]!.en}` : '';
        const line = (f: Fact, m: number, lang: 'en' | 'zh'): string =>
          lang === 'zh' ? `${who(f, 'zh')}（${[shortId(f) ? pub(f, 'zh') : '', asWritten(f, 'zh'), pm(f, 'zh')].filter(Boolean).join('，')}）折合每月${nz(m, f)}${unitZh}` : `${who(f, 'en')} (${[shortId(f) ? pub(f, 'en') : '', asWritten(f, 'en'), pm(f, 'en')].filter(Boolean).join(', ')}) is ${n(m, f)}${unitEn} a month`;
        const higher = suspect === hi;
        const unsourced = unnamedSource(suspect) && !unnamedSource(other);
        // App-intelligence estimates have their own error and their own ways of going wrong; other figures do not.
        const estimate = APP_ESTIMATE_METRICS.has(a.metric) || (a.scope !== null && STORE_SCOPES.has(a.scope));
        const gapEn = estimate
          ? `A ${ratio.toFixed(1)}x gap is beyond what month-to-month change or the ~20-30% error of such estimates explains${sev === 'error' ? `: ${who(suspect, 'en')} is probably wrong (a misprint, another scope such as all Android stores, or a cumulative total)` : ''}.`
          : `A ${ratio.toFixed(1)}x gap is more than such figures move from one period to the next${sev === 'error' ? `: ${who(suspect, 'en')} is probably wrong (a misprint, another scope, or a cumulative total)` : ''}.`;
        const gapZh = estimate
          ? `${overlap ? '' : '但'}${ratio.toFixed(1)}倍的差距${overlap ? '' : '，'}已超出逐月波动或此类估算约20%-30%的误差所能解释的范围${sev === 'error' ? `，${who(suspect, 'zh')}很可能有误（笔误、统计范围不同如包括所有安卓商店，或是累计数）` : ''}。`
          : `${overlap ? '' : '但'}${ratio.toFixed(1)}倍的差距${overlap ? '' : '，'}已超出此类数字前后时期通常的变化幅度${sev === 'error' ? `，${who(suspect, 'zh')}很可能有误（笔误、统计范围不同，或是累计数）` : ''}。`;
        const en = [
          `${line(suspect, ms, 'en')}; ${line(other, mo, 'en')}.`,
          overlap ? '' : `The periods differ (${periodText(suspect.period!.text, 'en')} against ${periodText(other.period!.text, 'en')}), so part of the gap may be real change over time or a different definition.`,
          gapEn,
          unsourced ? `${who(suspect, 'en')} names no provider, while ${pub(other, 'en')}'s figure can be traced to its report: find the original of ${who(suspect, 'en')} before using it, or use the sourced figure.` : `Check the original source of ${who(suspect, 'en')} before using it.`,
        ].filter(Boolean).join(' ');
        const zh = [
          `${line(suspect, ms, 'zh')}；${line(other, mo, 'zh')}。`,
          overlap ? '' : `两者时段不同（${periodText(suspect.period!.text, 'zh')}与${periodText(other.period!.text, 'zh')}），部分差距可能来自这期间的真实变化，或统计口径不同。`,
          gapZh,
          unsourced ? `${who(suspect, 'zh')}没有注明数据提供方，而${pub(other, 'zh')}的数字有报告可查：使用${who(suspect, 'zh')}之前应先找到它的原始出处，否则宜改用有出处的数字。` : `使用${who(suspect, 'zh')}之前，请先核对原始来源。`,
        ].filter(Boolean).join('');
        add(
          sev,
          'out_of_line',
          [suspect.id, other.id],
          {
            en: `${who(suspect, 'en')}: ${what(suspect, 'en')} a month, ${ratio.toFixed(1)}x ${higher ? 'above' : 'below'} ${pub(other, 'en')}${pub(other, 'en').endsWith('s') ? "'" : "'s"} figure`,
            zh: `${who(suspect, 'zh')}：${what(suspect, 'zh')}的月均值${higher ? '是' : '只有'}${pub(other, 'zh')}数字的${higher ? `${ratio.toFixed(1)}倍` : `${(100 / ratio).toFixed(0)}%`}`,
          },
          { en, zh },
        );
      }
    }
    if (total > listed) omittedFlags('out_of_line', g[0]!, listed, total);
  }
  // 5. Two readings written in one figure ("600 million euros ($645 million)"), compared through FX.
  for (const f of facts) {
    const read = safeParseFigure(f.valueText, f.defaultUnit ? { defaultUnit: f.defaultUnit } : {});
    if (!read.ok) continue;
    for (const alt of read.figure.alternatives) {
      const c = compareReadings(read.figure, alt, f, fx);
      if (c.kind === 'agree') continue;
      if (c.kind === 'unknown') {
        add(
          'info',
          'alternative_reading',
          [f.id],
          { en: `${who(f, 'en')}: the second reading "${alt.text}" cannot be compared`, zh: `${who(f, 'zh')}：括号中的另一读数“${alt.text}”无法核对` },
          { en: `${cite(f, 'en')} also gives "${alt.text}"; ${c.why.en}. Analyses use the first reading.`, zh: `${cite(f, 'zh')}还写有“${alt.text}”；${c.why.zh}。分析采用第一个读数。` },
        );
        continue;
      }
      const pctOff = `${(Math.abs(c.ratio - 1) * 100).toFixed(0)}%`;
      add(
        'warning',
        'alternative_reading',
        [f.id],
        { en: `${who(f, 'en')}: its two readings differ by ${pctOff}`, zh: `${who(f, 'zh')}：同一数字的两个读数相差${pctOff}` },
        {
          en: `${cite(f, 'en')} reads ${formatValue(read.figure.value, read.figure.unit, 'en')} and, in brackets, ${formatValue(alt.value, alt.unit, 'en')}; ${c.how.en} the first is ${formatValue(c.converted, alt.unit, 'en')}, ${pctOff} ${c.ratio > 1 ? 'above' : 'below'} the second (more than the ${ALTERNATIVE_TOLERANCE * 100}% that rounding and the day's rate explain). One of the two is misread or mistyped; analyses use the first.`,
          zh: `${cite(f, 'zh')}读作${formatValue(read.figure.value, read.figure.unit, 'zh')}，括号中又写${formatValue(alt.value, alt.unit, 'zh')}；${c.how.zh}前者折合${formatValue(c.converted, alt.unit, 'zh')}，比后者${c.ratio > 1 ? '高' : '低'}${pctOff}（超出取整和当日汇率所能解释的${ALTERNATIVE_TOLERANCE * 100}%）。两者之一读错或写错；分析采用第一个读数。`,
        },
      );
    }
  }

  // 6. Stored facts that break the ledger's value rules (METRIC_VALUE): new input like them is
  // refused, but a ledger written by an older version, or rows edited by hand, may hold them.
  for (const f of facts) {
    if (!Object.hasOwn(METRIC_VALUE, f.metric)) continue;
    const wrong = valueRuleProblem(f.metric as Metric, f.figure, f.valueText);
    if (!wrong) continue;
    const text = VALUE_RULE_TEXT[wrong.code];
    add(
      'error',
      'value_rule',
      [f.id],
      {
        en: `${who(f, 'en')}: ${metricName(f.metric, 'en')} ${text?.title.en ?? `breaks the value rule ${wrong.code}`}`,
        zh: `${who(f, 'zh')}：${metricName(f.metric, 'zh')}${text?.title.zh ?? `不符合数值规则${wrong.code}`}`,
      },
      {
        en: `${cite(f, 'en')}: ${wrong.message}. The ledger refuses such a value on new input (its value rules for ${f.metric}); this one was stored before the rule, or edited in the database. Analyses would read it as it stands: correct it (a correction supersedes it).`,
        zh: `${cite(f, 'zh')}：${text ? text.zh(metricName(f.metric, 'zh'), f.valueText, f.figure.unit, f.figure.unit === 'multiple') : wrong.message}。账本对新录入的这种数值会拒绝（${metricName(f.metric, 'zh')}的数值规则）；这一条是在规则之前存入的，或在数据库中被直接修改过。分析会照原样读取它：请更正（更正会取代原记录）。`,
      },
    );
  }

  const order: Record<FlagSeverity, number> = { error: 0, warning: 1, info: 2 };
  flags.sort((x, y) => order[x.severity] - order[y.severity] || x.check.localeCompare(y.check) || x.id.localeCompare(y.id));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of flags) counts[f.severity]++;
  const involved = new Set(flags.flatMap((f) => f.facts));
  return {
    kind: 'plausibility',
    title: { en: 'Plausibility checks', zh: '合理性检查' },
    subject: null,
    estimates: [],
    facts: facts.filter((f) => involved.has(f.id)),
    assumptions: [
      {
        id: 'out-of-line-thresholds',
        text: { en: `Per-month rates of two sources more than ${OUT_OF_LINE_WARNING}x apart are out of line (warning), more than ${OUT_OF_LINE_ERROR}x probably wrong (error)`, zh: `两个来源的月均值相差超过${OUT_OF_LINE_WARNING}倍视为不一致（警告），超过${OUT_OF_LINE_ERROR}倍视为很可能有误（错误）` },
        rationale: { en: 'App-intelligence estimates carry ~20-30% error per app and monthly figures move by tens of percent; a factor of 2 is beyond both, a factor of 5 beyond any reading.', zh: '应用情报估算单个应用误差约20%-30%，月度数字也会有几十个百分点的波动；2倍超出两者之和，5倍超出任何合理解读。' },
      },
    ],
    notes: [
      {
        en: `${flags.length} flag${flags.length === 1 ? '' : 's'} over ${facts.length} current facts: ${counts.error} error, ${counts.warning} warning, ${counts.info} info.`,
        zh: `${facts.length}条当前事实中有${flags.length}处标记：错误${counts.error}，警告${counts.warning}，提示${counts.info}。`,
      },
    ],
    env: null,
    details: { flags, counts },
  };
}

type ReadingComparison =
  | { readonly kind: 'agree' }
  | { readonly kind: 'unknown'; readonly why: Text }
  | { readonly kind: 'differ'; readonly converted: number; readonly ratio: number; readonly how: Text };

/**
 * The first reading of a figure put in the unit of its second one (money at
 * the FX table's rate for the fact's period), and whether the two agree
 * within `ALTERNATIVE_TOLERANCE`.
 */
function compareReadings(main: Figure, alt: Figure, f: Fact, fx: FxTable): ReadingComparison {
  if (main.unit === alt.unit) {
    const ratio = main.value / alt.value;
    return Math.abs(ratio - 1) <= ALTERNATIVE_TOLERANCE ? { kind: 'agree' } : { kind: 'differ', converted: main.value, ratio, how: { en: '', zh: '' } };
  }
  if (!isCurrency(main.unit) || !isCurrency(alt.unit)) {
    return { kind: 'unknown', why: { en: `it is in ${alt.unit}, the first in ${main.unit}`, zh: '两者单位不同，无法换算' } };
  }
  if (!f.period) return { kind: 'unknown', why: { en: 'the fact has no period, so no exchange rate applies', zh: '该事实没有时段，无从选用汇率' } };
  let c: ReturnType<typeof convertCurrency>;
  try {
    c = convertCurrency({ value: main.value, unit: main.unit, per: null }, alt.unit, f.period, fx);
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return { kind: 'unknown', why: { en: m, zh: `汇率表缺少所需汇率（${f.period.text}）` } };
  }
  const ratio = c.quantity.value / alt.value;
  if (Math.abs(ratio - 1) <= ALTERNATIVE_TOLERANCE) return { kind: 'agree' };
  return { kind: 'differ', converted: c.quantity.value, ratio, how: { en: `converted ${c.note},`, zh: `按${c.noteZh}，` } };
}
