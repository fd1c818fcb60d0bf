import type { ReportContext } from './report-context.js';
import type { Block, Inline, ReportSection } from './report-model.js';
import { shownNum } from './funding-cell.js';
import { climateName, survivalAt } from './section-shakeout.js';

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
    { t: 'p', content: ctx.fill('intro', { article: articleTitle(ctx), samples: ctx.format(i.env.samples, 'count'), seed: String(i.env.seed), charts: String(chartCount) }) },
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
  if (o && valFact && mult && run) items.push(ctx.fill('findings.openai', { valuation: ctx.factNum(valFact), multiple: ctx.estNum(mult, o), runRate: ctx.estNum(run, o, { per: false }) }));

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

  // The checks.
  const p = i.plausibility;
  const fn = ctx.book.derived('checks', p.title[ctx.lang], null, [], [ctx.T['fn.checks'], ...p.details.flags.map((x) => `${ctx.T[`flags.severity.${x.severity}`]}${ctx.lang === 'zh' ? '：' : ': '}${x.title[ctx.lang]}`)]);
  items.push(ctx.fill('findings.flags', { errors: ctx.num(p.details.counts.error, 'count', null, fn), warnings: ctx.num(p.details.counts.warning, 'count', null, fn) }));

  blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['findings.title'] }] }, { t: 'list', items });
  return { id: 'intro', title: ctx.T['intro.title'], blocks };
}
