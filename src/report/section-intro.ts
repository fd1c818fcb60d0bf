import type { ReportContext } from './report-context.js';
import { shownFlags } from './section-flags.js';
import type { Block, Inline, ReportSection } from './report-model.js';
import { shownNum } from './funding-cell.js';
import { climateName, survivalAt } from './section-shakeout.js';
import { DASH, inputCell, revenueCell } from './section-valuations.js';
import { sourceDate } from './source-words.js';
import { startInline } from './start-text.js';
import type { ReportTextKey } from './text-en.js';

/** The article's title as its facts' source gives it. */
function articleTitle(ctx: ReportContext): string {
  const f = ctx.inputs.facts.find((x) => x.source.publisher.startsWith('ByteAILab') && x.source.title);
  return f?.source.title ?? 'AI大战，不变现，就出局';
}

/**
 * About this report and the findings in brief, each finding citing the same
 * footnotes as the section it summarises. Built after the other sections;
 * footnotes are renumbered in reading order afterwards.
 */
export function introSection(ctx: ReportContext, chartCount: number): ReportSection {
  const i = ctx.inputs;
  const blocks: Block[] = [
    { t: 'p', content: ctx.fill('intro', { article: articleTitle(ctx), samples: ctx.format(i.env.samples, 'count'), seed: { t: 'code', text: String(i.env.seed) }, charts: String(chartCount) }) },
  ];
  const items: Inline[][] = [];

  // Funding.
  const f = i.funding;
  const cbi = f.details.rows.filter((r) => r.region === 'World' && r.segment === 'generative_ai' && r.source === 'CB Insights' && r.funding).sort((x, y) => x.period.localeCompare(y.period)).at(-1);
  const owid = cbi ? f.details.rows.find((r) => r.region === 'World' && r.segment === 'generative_ai' && r.source.startsWith('Our World in Data') && r.period === cbi.period) : undefined;
  const growth = cbi ? f.estimates.find((e) => e.id.startsWith('growth.genai-startups-global.') && e.inputs.some((x) => x.id === cbi.funding!.factId)) : undefined;
  const cbiFact = cbi ? ctx.fact(cbi.funding!.factId) : undefined;
  if (cbiFact && owid?.funding?.shown && growth) {
    items.push(ctx.fill('findings.funding', { cbi: ctx.factNum(cbiFact), growth: ctx.estNum(growth, f), owid: shownNum(ctx, owid) }));
  }

  // Subscribers.
  const s = i.subscribers;
  const g = ctx.est(s, 'subscribers.gross');
  const n = ctx.est(s, 'subscribers.net_rules');
  if (s && g && n) items.push(ctx.fill('findings.subscribers', { gross: ctx.estNum(g, s), net: ctx.estNum(n, s) }));

  // OpenAI.
  const o = i.health.find((a) => a.details.company.id === 'openai');
  const valFact = o?.facts.find((x) => x.metric === 'valuation');
  const mult = ctx.est(o, 'revenue_multiple');
  const run = ctx.est(o, 'revenue.mobile_annual');
  const company = ctx.est(o, 'revenue.annual');
  if (o && valFact && mult && run && company && o.details.revenueBasis === 'company') {
    items.push(ctx.fill('findings.openaiCompany', { valuation: ctx.factNum(valFact), multiple: ctx.estNum(mult, o), runRate: ctx.estNum(company, o, { per: false }), mobile: ctx.estNum(run, o, { per: false }) }));
  } else if (o && valFact && mult && run) items.push(ctx.fill('findings.openai', { valuation: ctx.factNum(valFact), multiple: ctx.estNum(mult, o), runRate: ctx.estNum(run, o, { per: false }) }));

  // The shakeout.
  const sv = i.survival;
  if (sv && sv.details.ranking.length >= 2) {
    const d = sv.details;
    const best = d.companies.find((c) => c.id === d.ranking[0]!.id)!;
    const worst = d.companies.find((c) => c.id === d.ranking.at(-1)!.id)!;
    items.push(ctx.fill('findings.shakeout', {
      climate: climateName(ctx, d.climate.name),
      worst: ctx.name(worst.id),
      pWorst: survivalAt(ctx, sv, worst, d.rankedAt),
      months: String(d.rankedAt),
      best: ctx.name(best.id),
      pBest: survivalAt(ctx, sv, best, d.rankedAt),
    }));
  }

  items.push(flagsFinding(ctx, 'findings.flags'));
  blocks.push(...leftAsideBlocks(ctx));
  blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['findings.title'] }] }, { t: 'list', items });
  return { id: 'intro', title: ctx.T['intro.title'], blocks };
}

/**
 * The facts the analyses left aside because their period is after the start
 * of a company's inputs (the simulation's start, set by the assumptions file
 * for the companies it names), said in plain view under the introduction:
 * one line per company, its start and the facts by id, metric, period and
 * value as written (docs/as-of.md). Nothing when none was left aside.
 */
function leftAsideBlocks(ctx: ReportContext): Block[] {
  const cut = ctx.inputs.health.filter((a) => a.details.start.leftAside.length > 0);
  if (!cut.length) return [];
  const colon = ctx.lang === 'zh' ? '：' : ': ';
  return [
    { t: 'p', content: [{ t: 'strong', text: ctx.T['intro.leftAside'] }] },
    { t: 'list', items: cut.map((a) => [{ t: 'strong', text: ctx.name(a.details.company.id) }, { t: 'text', text: colon }, ...startInline(ctx, a.details.start)]) },
  ];
}

/** How many flags the report's checks raise, by severity, with a footnote listing them. */
function flagsFinding(ctx: ReportContext, key: 'findings.flags' | 'brief.flags'): Inline[] {
  const p = ctx.inputs.plausibility;
  const flags = shownFlags(ctx);
  const fn = ctx.book.derived(`checks:${key}`, p.title[ctx.lang], null, [], [ctx.T['fn.checks'], ...flags.map((x) => `${ctx.T[`flags.severity.${x.severity}`]}${ctx.lang === 'zh' ? '：' : ': '}${x.title[ctx.lang]}`)]);
  const count = (s: string) => flags.filter((x) => x.severity === s).length;
  return ctx.fill(key, { errors: ctx.num(count('error'), 'count', null, fn), warnings: ctx.num(count('warning'), 'count', null, fn), whose: ctx.whose });
}

/**
 * The report about the user's companies: what it covers (their facts, their
 * sources and dates) and, for each company, its figures in one line: money
 * raised, valuation, revenue, revenue multiple, runway and survival where the
 * analyses give them, or what is missing.
 */
export function companiesIntroSection(ctx: ReportContext, chartCount: number): ReportSection {
  const i = ctx.inputs;
  const ids = ctx.companies ?? [];
  const facts = i.facts.filter((f) => ctx.about(f.entity));
  const sources = new Set(facts.map((f) => f.source.id));
  const dates = facts.map((f) => f.source.published).filter((d): d is string => !!d).sort();
  // a single day reads as that day, not "from 2024-04-02 to 2024-04-02"
  const first = dates.length ? sourceDate(dates[0]!, ctx.lang) : null;
  const last = dates.length ? sourceDate(dates.at(-1)!, ctx.lang) : null;
  const published = !first || !last ? ctx.T['intro.published.none'] : first === last ? ctx.text('intro.published.day', { day: first }) : ctx.text('intro.published.span', { from: first, to: last });
  // "every figure the ledger holds" only when the start of the inputs left none aside
  const cut = i.health.some((a) => a.details.start.leftAside.length > 0);
  const blocks: Block[] = [
    {
      t: 'p',
      content: ctx.fill(cut ? 'intro.companiesCut' : 'intro.companies', {
        names: ctx.names(ids),
        them: ctx.T[ids.length === 1 ? 'intro.them.one' : 'intro.them.many'],
        facts: ctx.count(facts.length, 'fact'),
        sources: ctx.count(sources.size, 'source'),
        published,
        samples: ctx.format(i.env.samples, 'count'),
        seed: { t: 'code', text: String(i.env.seed) },
        charts: String(chartCount),
      }),
    },
  ];
  blocks.push(...leftAsideBlocks(ctx));
  const items = ids.map((id) => companyBrief(ctx, id));
  items.push(flagsFinding(ctx, 'brief.flags'));
  blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['findings.title'] }] }, { t: 'list', items });
  return { id: 'intro', title: ctx.T['intro.title'], blocks };
}

/** One company in one line: its name, then what the analyses know about it. */
function companyBrief(ctx: ReportContext, id: string): Inline[] {
  const a = ctx.inputs.health.find((x) => x.details.company.id === id);
  const clauses: Inline[][] = [];
  const clause = (key: ReportTextKey, vars: Record<string, Inline[] | string>) => clauses.push(ctx.fill(key, vars));
  if (a) {
    const raised = inputCell(ctx, a, 'funding');
    if (raised !== DASH) clause('brief.raised', { v: raised });
    const valued = inputCell(ctx, a, 'valuation');
    if (valued !== DASH) clause('brief.valued', { v: valued });
    const revenue = revenueCell(ctx, a);
    if (revenue.est) clause('brief.revenue', { v: revenue.cell });
    const m = ctx.est(a, 'revenue_multiple');
    if (m && Number.isFinite(m.p50)) clause('brief.multiple', { v: [ctx.estNum(m, a)] });
    else if (!revenue.est) clause('brief.noRevenue', {});
    const runway = ctx.est(a, 'runway');
    if (runway && Number.isFinite(runway.p50)) clause('brief.runway', { v: [ctx.estNum(runway, a)] });
  }
  const sv = ctx.inputs.survival;
  const c = sv?.details.companies.find((x) => x.id === id);
  if (sv && c) clause('brief.survival', { p: survivalAt(ctx, sv, c, sv.details.rankedAt), months: String(sv.details.rankedAt) });
  if (!a && (ctx.inputs.leftOut ?? []).some((x) => x.company === id && x.analysis === 'health')) clauses.unshift(ctx.fill('brief.refused'));
  if (!clauses.length) clause('brief.noFigures', {});
  const zh = ctx.lang === 'zh';
  const out: Inline[] = [{ t: 'strong', text: ctx.name(id) }, { t: 'text', text: zh ? '：' : ': ' }];
  clauses.forEach((x, k) => out.push(...(k ? [{ t: 'text' as const, text: zh ? '；' : '; ' }] : []), ...x));
  out.push({ t: 'text', text: zh ? '。' : '.' });
  return out;
}
