import type { Lang } from '../core/index.js';
import { ReportContext } from './report-context.js';
import type { ReportInputs } from './report-inputs.js';
import type { Block, Footnote, Inline, Report, ReportSection } from './report-model.js';
import { sentence } from './report-text.js';
import { flagsSection } from './section-flags.js';
import { fundingSection } from './section-funding.js';
import { companiesIntroSection, introSection } from './section-intro.js';
import { methodSection } from './section-method.js';
import { shakeoutSection } from './section-shakeout.js';
import { sourcesSection } from './section-sources.js';
import { subscribersSection } from './section-subscribers.js';
import { trackRecordSection } from './section-track-record.js';
import { valuationsSection } from './section-valuations.js';

/**
 * The report in one language, from the analyses: about and in brief, the
 * funding market, valuations against revenue, ChatGPT's subscribers, the
 * shakeout, its track record, what does not add up, method and assumptions, sources. A report
 * about the user's companies (`inputs.companies`) takes its title,
 * introduction and summary from their figures, leaves out the sections that
 * say nothing about them and never uses the article's prose. Every
 * number is an inline with a footnote; footnotes are numbered in reading
 * order. Pure: the same inputs give the same report.
 */
export function buildReport(inputs: ReportInputs, lang: Lang): Report {
  const ctx = new ReportContext(inputs, lang);
  const body: ReportSection[] = [];
  // The funding market is the article's context; a report about other companies has nothing to say there.
  if (ctx.article) body.push(fundingSection(ctx));
  body.push(valuationsSection(ctx));
  const subs = subscribersShown(ctx) ? subscribersSection(ctx) : null;
  if (subs) body.push(subs);
  const shake = shakeoutSection(ctx);
  if (shake) body.push(shake);
  const track = trackRecordSection(ctx);
  if (track) body.push(track);
  body.push(flagsSection(ctx));
  const intro = ctx.article ? introSection(ctx, ctx.charts.length) : companiesIntroSection(ctx, ctx.charts.length);
  const method = methodSection(ctx, { funding: ctx.article, subscribers: !!subs });
  const sections = [intro, ...body, method];
  const { sections: renumbered, footnotes } = renumber(sections, ctx.book.list());
  const cited = new Set(footnotes.flatMap((f) => f.facts.map((x) => x.id)));
  const sources = ctx.book.sources().map((s) => ({ ...s, facts: s.facts.filter((id) => cited.has(id)) })).filter((s) => s.facts.length);
  return {
    lang,
    title: ctx.article ? ctx.T.title : ctx.text(ctx.companies!.length === 1 ? 'title.company' : 'title.companies', { names: ctx.names(ctx.companies!) }),
    subtitle: ctx.article ? ctx.T.subtitle : ctx.text('subtitle.companies', { names: ctx.names(ctx.companies!), facts: ctx.count(inputs.facts.filter((f) => ctx.about(f.entity)).length, 'sourced figure') }),
    env: { samples: inputs.env.samples, seed: inputs.env.seed },
    ...(inputs.asOf ? { asOf: { date: inputs.asOf.date, text: sentence(inputs.asOf.text[lang]), includeUndated: inputs.asOf.includeUndated, undated: inputs.asOf.undated } } : {}),
    sections: [...renumbered, sourcesSection(ctx, sources)],
    footnotes,
    charts: ctx.charts,
    sources,
    labels: { footnotes: ctx.T['label.footnotes'], chart: ctx.T['label.chart'], chartNotWritten: ctx.T['label.chartNotWritten'], backToText: ctx.T['label.backToText'] },
  };
}

/** ChatGPT's subscribers are worth a section when the report speaks of the product (the article's report, or its company asked for). */
function subscribersShown(ctx: ReportContext): boolean {
  const a = ctx.inputs.subscribers;
  return !!a && (ctx.article || (a.subject !== null && ctx.about(a.subject)));
}

/** Footnotes renumbered in the order the text first cites them; footnotes never cited are dropped. */
function renumber(sections: readonly ReportSection[], notes: readonly Footnote[]): { sections: ReportSection[]; footnotes: Footnote[] } {
  const map = new Map<number, number>();
  const see = (xs: readonly Inline[]): void => {
    for (const x of xs) if ((x.t === 'num' || x.t === 'ref') && !map.has(x.fn)) map.set(x.fn, map.size + 1);
  };
  const walk = (b: Block, f: (xs: readonly Inline[]) => void): void => {
    if (b.t === 'p') f(b.content);
    else if (b.t === 'list') b.items.forEach(f);
    else if (b.t === 'table') b.rows.forEach((r) => r.forEach(f));
    else f(b.caption);
  };
  for (const s of sections) for (const b of s.blocks) walk(b, see);
  const re = (xs: readonly Inline[]): Inline[] => xs.map((x) => (x.t === 'num' || x.t === 'ref' ? { ...x, fn: map.get(x.fn)! } : x));
  const reBlock = (b: Block): Block => {
    switch (b.t) {
      case 'p':
        return { ...b, content: re(b.content) };
      case 'list':
        return { ...b, items: b.items.map(re) };
      case 'table':
        return { ...b, rows: b.rows.map((r) => r.map(re)) };
      case 'chart':
        return { ...b, caption: re(b.caption) };
    }
  };
  const footnotes = notes
    .filter((n) => map.has(n.n))
    .map((n) => ({ ...n, n: map.get(n.n)!, id: `fn-${map.get(n.n)!}` }))
    .sort((a, b) => a.n - b.n);
  return { sections: sections.map((s) => ({ ...s, blocks: s.blocks.map(reBlock) })), footnotes };
}
