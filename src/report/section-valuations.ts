import { CURRENCY_TABLE, formatValue, type Currency } from '../core/index.js';
import { MONEY_IN_USD, moneyFactor, usdFactor, type Analysis, type Estimate, type HealthDetails } from '../economics/index.js';
import type { Fact } from '../ledger/index.js';
import type { ReportContext } from './report-context.js';
import { sentence } from './report-text.js';
import type { Block, Inline, ReportSection } from './report-model.js';

const DRAGONS = ['moonshot-ai', 'minimax', 'zhipu-ai', 'baichuan-ai'];
export const DASH: Inline[] = [{ t: 'text', text: '—' }];

/** A health input (valuation, funding) as the fact as written, plus its US-dollar reading when the fact is in another currency. */
export function inputCell(ctx: ReportContext, a: Analysis<HealthDetails>, name: 'valuation' | 'funding'): Inline[] {
  const row = a.details.inputs.find((r) => r.name === name);
  const e = ctx.est(a, `input.${name}`);
  if (!row || !e || row.status === 'missing') return DASH;
  const facts = row.factIds.map((id) => a.facts.find((f) => f.id === id) ?? ctx.fact(id)).filter((f) => !!f);
  if (facts.length === 1 && row.status !== 'assumed') {
    const f = facts[0]!;
    const out: Inline[] = [ctx.factNum(f)];
    if (f.figure.unit !== e.unit) out.push(...convertedCell(ctx, a, f, e));
    return out;
  }
  return [ctx.estNum(e, a)];
}

const BOUNDS = new Set(['over', 'under', 'nearly']);

/**
 * What follows a fact written in another currency than the analysis's: for a
 * figure written as a point or "about", " ≈ " and the estimate (its median
 * and 90% interval); for one written as a bound ("over $479M"), the bound
 * itself converted at the analysis's rates, keeping its word, then the
 * interval: "over $479M (over €416M at 0.8684 EUR per USD, 2026-06; 90% CI
 * €425M–€626M)". The median of what a bound is read as is not the bound
 * converted, and "≈" beside it would read as if it were.
 */
function convertedCell(ctx: ReportContext, a: Analysis<HealthDetails>, f: Fact, e: Estimate): Inline[] {
  const c = a.currency;
  const money = c ? { code: c.code, perUsd: c.perUsd, rate: `${c.perUsd} ${c.code} per USD (${c.month})` } : MONEY_IN_USD;
  const fx = ctx.inputs.fx;
  if (!BOUNDS.has(f.figure.qualifier) || !fx || e.unit !== money.code) return [{ t: 'text', text: ' ≈ ' }, ctx.estNum(e, a)];
  const k = moneyFactor(f, fx, money).k;
  const bound = ctx.text(`q.${f.figure.qualifier}` as 'q.over', { v: ctx.format(f.figure.value * k, e.unit) });
  const rate = (perUsd: number, code: Currency, month: string): string => ctx.lang === 'zh'
    ? `${Number(perUsd.toFixed(4))}${CURRENCY_TABLE[code].nameZh}兑1美元（${month}）`
    : `${Number(perUsd.toFixed(4))} ${code} per USD, ${month}`;
  const rates: string[] = [];
  if (f.figure.unit !== 'USD' && f.figure.unit !== money.code) {
    // the rate of the fact's own period: a month when it is within one ('as of 2024-05' is 2024-05), else the period as written
    const p = f.period!;
    rates.push(rate(1 / usdFactor(f, fx).k, f.figure.unit as Currency, p.start.slice(0, 7) === p.end.slice(0, 7) ? p.start.slice(0, 7) : p.text));
  }
  if (money.code !== 'USD' && c) rates.push(rate(c.perUsd, c.code, c.month));
  const ci = e.p5 !== e.p95
    ? ctx.lang === 'zh' ? `90%区间 ${formatValue(e.p5, e.unit, 'zh')}–${formatValue(e.p95, e.unit, 'zh')}` : `90% CI ${formatValue(e.p5, e.unit, 'en')}–${formatValue(e.p95, e.unit, 'en')}`
    : null;
  const inline = ctx.num(e.p50, e.unit, null, ctx.book.estimate(e, a, []), ci ?? ctx.format(e.p50, e.unit), ci ? { p5: e.p5, p95: e.p95 } : undefined);
  return ctx.lang === 'zh'
    ? [{ t: 'text', text: `（${bound}，按${rates.join('、')}；` }, inline, { t: 'text', text: '）' }]
    : [{ t: 'text', text: ` (${bound} at ${rates.join(' and ')}; ` }, inline, { t: 'text', text: ')' }];
}

export function revenueCell(ctx: ReportContext, a: Analysis<HealthDetails>): { cell: Inline[]; est: Estimate | undefined } {
  const company = ctx.est(a, 'revenue.annual');
  const mobile = ctx.est(a, 'revenue.mobile_annual');
  const e = company ?? mobile;
  if (!e) return { cell: DASH, est: undefined };
  const cell: Inline[] = [ctx.estNum(e, a, { per: false })];
  if (!company) cell.push({ t: 'text', text: (ctx.lang === 'zh' ? '' : ' ') + ctx.T['valuations.mobileOnly'] });
  return { cell, est: e };
}

/**
 * Valuations against revenue: the four little dragons, OpenAI, Anthropic and
 * Inflection AI (or the companies asked for), with valuation, money raised,
 * annual revenue and the revenue multiple where the ledger allows; a log-scale
 * bar chart; and the article's three cautionary cases in prose.
 */
export function valuationsSection(ctx: ReportContext): ReportSection {
  const blocks: Block[] = [{ t: 'p', content: ctx.fill(ctx.article ? 'valuations.intro' : 'valuations.introCompanies') }];
  const hs = ctx.inputs.health;
  const runway = (a: Analysis<HealthDetails>): Estimate | undefined => {
    const e = ctx.est(a, 'runway');
    return e && Number.isFinite(e.p50) ? e : undefined;
  };
  const withRunway = hs.some((a) => runway(a));
  if (hs.length) {
    blocks.push({
      t: 'table',
      head: [ctx.T['valuations.head.company'], ctx.T['valuations.head.valuation'], ctx.T['valuations.head.funding'], ctx.T['valuations.head.revenue'], ctx.T['valuations.head.multiple'], ...(withRunway ? [ctx.T['valuations.head.runway']] : [])],
      align: ['left', 'right', 'right', 'right', 'right', ...(withRunway ? ['right' as const] : [])],
      rows: hs.map((a) => {
        const m = ctx.est(a, 'revenue_multiple');
        const r = runway(a);
        const cells: Inline[][] = [[{ t: 'text', text: ctx.name(a.details.company.id) }], inputCell(ctx, a, 'valuation'), inputCell(ctx, a, 'funding'), revenueCell(ctx, a).cell, m ? [ctx.estNum(m, a)] : DASH];
        if (withRunway) cells.push(r ? [ctx.estNum(r, a)] : DASH);
        return cells;
      }),
    });
  }
  for (const x of (ctx.inputs.leftOut ?? []).filter((y) => y.analysis === 'health')) {
    blocks.push({ t: 'p', content: ctx.fill('leftOut.health', { name: ctx.name(x.company), detail: { t: 'code', text: x.detail } }) });
  }
  const pos = (e: Estimate | undefined): number | null => (e && e.p50 > 0 && Number.isFinite(e.p50) ? e.p50 : null);
  if (hs.length) {
    ctx.charts.push({
      id: 'valuations',
      kind: 'bar',
      title: ctx.T['chart.valuations.title'],
      xLabel: ctx.T['chart.valuations.x'],
      // the axis is titled in the currency its ticks are in
      yLabel: sentence(ctx.text('chart.valuations.y', { currency: ctx.currencyName(ctx.inputs.currency ?? 'USD') })),
      yUnit: ctx.inputs.currency ?? 'USD',
      yLog: true,
      categories: hs.map((a) => ctx.name(a.details.company.id)),
      series: [
        { name: ctx.T['chart.valuations.valuation'], values: hs.map((a) => pos(ctx.est(a, 'input.valuation'))) },
        { name: ctx.T['chart.valuations.funding'], values: hs.map((a) => pos(ctx.est(a, 'input.funding'))) },
        { name: ctx.T['chart.valuations.revenue'], values: hs.map((a) => pos(revenueCell(ctx, a).est)) },
      ],
    });
    const refs: Inline[] = [];
    const seen = new Set<number>();
    for (const a of hs) {
      for (const f of a.facts) {
        const fn = ctx.book.fact(f);
        if (seen.has(fn)) continue;
        refs.push({ t: 'ref', fn });
        seen.add(fn);
      }
    }
    blocks.push({ t: 'chart', chart: 'valuations', caption: [{ t: 'text', text: ctx.T['chart.valuations.caption'] }, ...refs] });
  }

  if (!ctx.article) return { id: 'valuations', title: ctx.T['valuations.title'], blocks };
  // The article's cases, in the article's report only.
  const by = (id: string) => hs.find((a) => a.details.company.id === id);
  const openai = by('openai');
  const val = ctx.est(openai, 'input.valuation');
  const run = ctx.est(openai, 'revenue.mobile_annual');
  const mult = ctx.est(openai, 'revenue_multiple');
  const valFact = openai?.facts.find((f) => f.metric === 'valuation');
  const companyRun = ctx.est(openai, 'revenue.annual');
  if (openai && val && run && mult && valFact && companyRun && openai.details.revenueBasis === 'company') {
    blocks.push({ t: 'p', content: ctx.fill('valuations.openaiCompany', { valuation: ctx.factNum(valFact), runRate: ctx.estNum(companyRun, openai, { per: false }), multiple: ctx.estNum(mult, openai), mobile: ctx.estNum(run, openai, { per: false }) }) });
  } else if (openai && val && run && mult && valFact) {
    blocks.push({ t: 'p', content: ctx.fill('valuations.openai', { valuation: ctx.factNum(valFact), runRate: ctx.estNum(run, openai, { per: false }), multiple: ctx.estNum(mult, openai) }) });
  }
  const infl = by('inflection-ai');
  const inflFunding = infl?.facts.find((f) => f.metric === 'funding');
  const inflRevenue = infl?.facts.find((f) => f.metric === 'revenue');
  if (infl && inflFunding && inflRevenue) {
    blocks.push({ t: 'p', content: ctx.fill('valuations.inflection', { funding: ctx.factNum(inflFunding), revenue: { t: 'ref', fn: ctx.book.fact(inflRevenue) } }) });
  }
  const anth = by('anthropic');
  const gap = anth?.facts.find((f) => f.metric === 'revenue_spending_gap');
  const burn = ctx.est(anth, 'input.netBurn');
  if (anth && gap && burn) {
    blocks.push({ t: 'p', content: ctx.fill('valuations.anthropic', { gap: ctx.factNum(gap), burn: ctx.estNum(burn, anth, { per: false }) }) });
  }
  const dragons = hs.filter((a) => DRAGONS.includes(a.details.company.id));
  if (dragons.length === DRAGONS.length && dragons.every((a) => !ctx.est(a, 'revenue.annual') && !ctx.est(a, 'revenue.mobile_annual'))) {
    blocks.push({ t: 'p', content: ctx.fill('valuations.missing') });
  }
  return { id: 'valuations', title: ctx.T['valuations.title'], blocks };
}
