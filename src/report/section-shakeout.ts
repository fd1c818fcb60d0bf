import { periodText, type Analysis, type SurvivalCompanyDetails, type SurvivalDetails } from '../economics/index.js';
import type { ReportContext } from './report-context.js';
import { survivalChartSpec } from './survival-chart.js';
import { startInline } from './start-text.js';
import type { Block, Inline, ReportSection } from './report-model.js';

/** The footnote behind every survival number of one company: its assumptions, the climate, the simulation's settings. */
export function survivalFootnote(ctx: ReportContext, a: Analysis<SurvivalDetails>, c: SurvivalCompanyDetails): number {
  const d = a.details;
  const assumptions = a.assumptions.filter((x) => x.id.startsWith(`survival.${c.id}.`) || x.id === 'survival.climate' || x.id === 'survival.rounds' || x.id === 'survival.round_size');
  const ids = [...new Set(c.inputs.flatMap((r) => r.factIds))];
  const facts = ids.map((id) => ctx.fact(id) ?? a.facts.find((f) => f.id === id)).filter((f) => !!f);
  return ctx.book.derived(
    `survival:${c.id}`,
    `${ctx.name(c.id)}: S(t)`,
    'S(t) = 1 - P(out of cash by month t)',
    facts,
    [ctx.text('fn.survival', { paths: d.paths, horizon: d.horizonMonths, seed: String(d.seed), climate: climateName(ctx, d.climate.name) })],
    assumptions,
  );
}

export function climateName(ctx: ReportContext, name: string): string {
  return (ctx.T as Record<string, string>)[`shakeout.climate.${name}`] ?? name;
}

/** The solvent share of a company at month t, as a number with its footnote. */
export function survivalAt(ctx: ReportContext, a: Analysis<SurvivalDetails>, c: SurvivalCompanyDetails, t: number): Inline[] {
  const s = c.survival[t];
  if (s === undefined) return [{ t: 'text', text: '—' }];
  return [ctx.num(s, 'percent', null, survivalFootnote(ctx, a, c), ctx.format(s, 'percent', null, 2))];
}

/**
 * The shakeout: how the simulation works, the survival curves, and the
 * ranking with each company's main risk driver.
 */
export function shakeoutSection(ctx: ReportContext): ReportSection | null {
  const a = ctx.inputs.survival;
  const left = (ctx.inputs.leftOut ?? []).filter((x) => x.analysis === 'survival');
  const zh = ctx.lang === 'zh';
  // what a company lacks, in the report's words: 'cash, revenue growth and cost growth' / '现金、收入增速、支出增速'
  const inputs = (keys: readonly string[]): string => {
    const w = keys.map((k) => (ctx.T as Record<string, string>)[`input.${k}`] ?? k);
    return new Intl.ListFormat(zh ? 'zh-CN' : 'en', { type: 'conjunction' }).format(w);
  };
  const lacking = (id: string, keys: readonly string[], start: string | null): Inline[] =>
    ctx.fill('leftOut.lacking', { name: ctx.name(id), inputs: inputs(keys), when: start ? ctx.text('leftOut.when.date', { date: zh ? periodText(start, 'zh') : start }) : ctx.T['leftOut.when.latest'] });
  const outSince = (id: string, o: { date: string; type: string; publisher: string }): Inline[] =>
    ctx.fill('leftOut.out', { name: ctx.name(id), date: zh ? periodText(o.date, 'zh') : o.date, type: (ctx.T as Record<string, string>)[`track.type.${o.type}`] ?? o.type, source: o.publisher });
  const items: Inline[][] = [
    ...(a?.details.out ?? []).map((o) => outSince(o.id, o)),
    ...(a?.details.leftOut ?? []).map((x) => lacking(x.id, x.lacking, x.start)),
    ...left.map((x) =>
      x.reason === 'not_in_assumptions'
        ? ctx.fill('leftOut.not_in_assumptions', { name: ctx.name(x.company), file: { t: 'code', text: x.detail } })
        : x.reason === 'lacking'
          ? lacking(x.company, x.lacking ?? [], x.start ?? null)
          : x.reason === 'out' && x.outcome
            ? outSince(x.company, x.outcome)
            : ctx.fill('leftOut.survival', { name: ctx.name(x.company), detail: { t: 'code', text: x.detail } }),
    ),
  ];
  // the heading agrees in number with the companies it is about: one company is not "none of the companies"
  const heading = a ? ctx.T['shakeout.leftOut'] : items.length === 1 ? ctx.T['shakeout.noneSimulated.one'] : ctx.text('shakeout.noneSimulated', { n: items.length });
  // a company left out for want of inputs: say that this simulation guesses none, while the backtest's model has fallbacks
  const wantOfInputs = [...(a?.details.leftOut ?? []), ...left.filter((x) => x.reason === 'lacking' || x.reason === 'not_in_assumptions')].length > 0;
  const code = (text: string): Inline => ({ t: 'code', text });
  const leftOut: Block[] = items.length
    ? [
        { t: 'p', content: [{ t: 'strong', text: heading }] },
        { t: 'list', items },
        ...(wantOfInputs ? [{ t: 'p' as const, content: ctx.fill('shakeout.leftOut.why', { file: code('data/survival-assumptions.yaml'), option: code('report --assumptions'), command: code('shakeout backtest'), doc: code('docs/backtest.md') }) }] : []),
      ]
    : [];
  if (!a) return leftOut.length ? { id: 'shakeout', title: ctx.T['shakeout.title'], blocks: leftOut } : null;
  const d = a.details;
  const blocks: Block[] = [];
  const climateAssumption = a.assumptions.filter((x) => x.id === 'survival.climate');
  const climateFn = ctx.book.derived('survival.climate', climateName(ctx, d.climate.name), null, [], [], climateAssumption);
  blocks.push({
    t: 'p',
    content: ctx.fill('shakeout.intro', {
      target: String(d.raiseTargetMonths),
      climate: climateName(ctx, d.climate.name),
      climateText: ctx.fill('shakeout.climateText', {
        chance: ctx.num(d.climate.roundProbabilityPerMonth, 'percent', null, climateFn),
        size: ctx.num(d.climate.sizeMultiplier, 'multiple', null, climateFn),
      }),
      paths: ctx.format(d.paths, 'count'),
      horizon: String(d.horizonMonths),
    }),
  });
  // where the inputs start, in plain view: the date, what set it, the later facts left aside (docs/as-of.md)
  blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['shakeout.start'] }] }, { t: 'list', items: startLines(ctx, d.companies) });
  ctx.charts.push(survivalChartSpec(d, ctx.lang, (id) => ctx.name(id)));
  blocks.push({ t: 'chart', chart: 'survival-curves', caption: [{ t: 'text', text: ctx.T['chart.survival.caption'] }, ...d.companies.map((c) => ({ t: 'ref' as const, fn: survivalFootnote(ctx, a, c) }))] });

  const inputName = (k: string): string => (ctx.T as Record<string, string>)[`input.${k}`] ?? k;
  const months = [12, 24, 36].filter((m) => m <= d.horizonMonths);
  blocks.push({
    t: 'table',
    head: [ctx.T['shakeout.head.rank'], ctx.T['shakeout.head.company'], ...months.map((m) => ctx.T[m === 12 ? 'shakeout.head.s12' : m === 24 ? 'shakeout.head.s24' : 'shakeout.head.s36']), ctx.T['shakeout.head.median'], ctx.T['shakeout.head.driver']],
    align: ['right', 'left', ...months.map(() => 'right' as const), 'right', 'left'],
    rows: d.ranking.map((r) => {
      const c = d.companies.find((x) => x.id === r.id)!;
      const fn = survivalFootnote(ctx, a, c);
      const median: Inline[] = c.medianMonthOut === null
        ? [{ t: 'text', text: ctx.text('shakeout.beyond', { horizon: d.horizonMonths }) }, { t: 'ref', fn }]
        : [ctx.num(c.medianMonthOut, 'count', null, fn, ctx.text('shakeout.monthN', { n: ctx.format(c.medianMonthOut, 'count') }))];
      const top = c.drivers[0];
      const driver: Inline[] = top
        ? [{ t: 'text', text: ctx.text(top.spearman >= 0 ? 'shakeout.driverHelps' : 'shakeout.driverHurts', { input: inputName(top.input), rho: (top.spearman >= 0 ? '+' : '−') + Math.abs(top.spearman).toFixed(2) }) }, { t: 'ref', fn }]
        : [{ t: 'text', text: '—' }];
      return [[{ t: 'text', text: String(r.rank) }], [{ t: 'text', text: ctx.name(c.id) }], ...months.map((m) => survivalAt(ctx, a, c, m)), median, driver];
    }),
  });
  blocks.push({ t: 'p', content: ctx.fill('shakeout.reading', { months: String(d.rankedAt) }) });
  blocks.push(...leftOut);
  return { id: 'shakeout', title: ctx.T['shakeout.title'], blocks };
}

/** One line per start, naming the companies whose inputs start alike (their sentence is the same). */
function startLines(ctx: ReportContext, companies: readonly SurvivalCompanyDetails[]): Inline[][] {
  const groups = new Map<string, { ids: string[]; line: Inline[] }>();
  for (const c of companies) {
    const line = startInline(ctx, c.start);
    const key = JSON.stringify(line);
    const g = groups.get(key) ?? { ids: [], line };
    g.ids.push(c.id);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => [{ t: 'strong', text: ctx.names(g.ids) }, { t: 'text', text: ctx.lang === 'zh' ? '：' : ': ' }, ...g.line]);
}
