import type { ReportContext } from './report-context.js';
import type { Inline, ReportSection, SourceEntry } from './report-model.js';
import { sourceDate, sourcePublisher, sourceTitle } from './source-words.js';

/** One source as a list item: publisher, title, date, address, the facts cited. */
export function sourceItem(ctx: ReportContext, s: SourceEntry): Inline[] {
  const zh = ctx.lang === 'zh';
  const out: Inline[] = [{ t: 'strong', text: sourcePublisher(s.publisher, ctx.lang) }];
  if (s.title) out.push({ t: 'text', text: (zh ? '' : ', ') + sourceTitle(s.title, ctx.lang) });
  out.push({ t: 'text', text: (zh ? '，' : ', ') + (s.published ? sourceDate(s.published, ctx.lang) : ctx.T['sources.undated']) });
  if (s.url) out.push({ t: 'text', text: zh ? '，' : ', ' }, { t: 'code', text: s.url });
  out.push({ t: 'text', text: (zh ? '。' : '. ') + ctx.text('sources.facts', { ids: s.facts.join(zh ? '、' : ', ') }) });
  return out;
}

/** The sources: every source the footnotes cite (call last, when every footnote is in the book). */
export function sourcesSection(ctx: ReportContext, sources: readonly SourceEntry[]): ReportSection {
  return {
    id: 'sources',
    title: ctx.T['sources.title'],
    blocks: [{ t: 'p', content: ctx.fill('sources.intro') }, { t: 'list', items: sources.map((s) => sourceItem(ctx, s)) }],
  };
}
