import { metricName, periodText, type InputsStart } from '../economics/index.js';
import type { ReportContext } from './report-context.js';
import type { Inline } from './report-model.js';

/** How the bundled assumptions file is named (app's BUNDLED_SURVIVAL_ASSUMPTIONS): the report calls it the shipped assumptions. */
const SHIPPED = 'data/survival-assumptions.yaml';

/**
 * Where a company's inputs start, in the report's words: the date, what set
 * it (the assumptions file, as code; the as-of day; a date asked for; its
 * own latest facts) and the facts of later periods left aside, each by id
 * (as code), metric, period and value as written (docs/as-of.md).
 *
 * @example 'Inputs as of 2024-05, the start of the simulation (set by the shipped assumptions `data/survival-assumptions.yaml`): 1 later fact left aside: `fact-1` (funding, Jun 2024, “€600 million”).'
 */
export function startInline(ctx: ReportContext, s: InputsStart): Inline[] {
  const zh = ctx.lang === 'zh';
  const date = (d: string): string => (zh ? periodText(d, 'zh') : d);
  const head: Inline[] =
    s.basis === 'assumptions'
      ? ctx.fill(s.file === SHIPPED ? 'start.shipped' : 'start.file', { date: date(s.date!), file: { t: 'code', text: s.file ?? '' } })
      : s.basis === 'as-of' ? ctx.fill('start.asOf', { date: date(s.date!) })
        : s.basis === 'given' ? ctx.fill('start.given', { date: date(s.date!) })
          : s.date ? ctx.fill('start.latest', { date: date(s.date) }) : ctx.fill('start.latestNone');
  if (s.basis === 'latest') return [...head, { t: 'text', text: zh ? '。' : '.' }];
  if (!s.leftAside.length) return [...head, ...ctx.fill('start.noneLater')];
  const facts: Inline[] = [];
  s.leftAside.forEach((f, i) => {
    if (i) facts.push({ t: 'text', text: zh ? '；' : '; ' });
    facts.push(...ctx.fill('start.fact', { id: { t: 'code', text: f.id }, metric: metricName(f.metric, ctx.lang), period: periodText(f.period, ctx.lang), value: f.valueText }));
  });
  return [...head, ...(s.leftAside.length === 1 ? ctx.fill('start.laterOne', { facts }) : ctx.fill('start.later', { n: ctx.format(s.leftAside.length, 'count'), facts }))];
}
