import type { PlausibilityFlag } from '../economics/index.js';
import { readerText } from './reader-text.js';
import type { ReportContext } from './report-context.js';
import type { Block, Inline, ReportSection } from './report-model.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The flags the report shows, most severe first: all of them in the article's
 * report; in a report about companies, those that involve their facts.
 */
export function shownFlags(ctx: ReportContext): PlausibilityFlag[] {
  const all = ctx.inputs.plausibility.details.flags;
  const mine = ctx.article ? all : all.filter((f) => f.facts.some((id) => { const x = ctx.fact(id); return !!x && ctx.about(x.entity); }));
  return [...mine].sort((x, y) => ORDER[x.severity] - ORDER[y.severity]);
}

/** What does not add up: every plausibility flag with its severity, explanation and the facts involved. */
export function flagsSection(ctx: ReportContext): ReportSection {
  const blocks: Block[] = [{ t: 'p', content: ctx.fill('flags.intro') }];
  const flags = shownFlags(ctx);
  if (!flags.length) blocks.push({ t: 'p', content: ctx.fill(ctx.article ? 'flags.none' : 'flags.noneCompanies', { whose: ctx.whose }) });
  else {
    blocks.push({
      t: 'list',
      items: flags.map((f) => {
        const refs: Inline[] = f.facts.flatMap((id) => {
          const fact = ctx.fact(id);
          return fact ? [{ t: 'ref' as const, fn: ctx.book.fact(fact) }] : [];
        });
        const sep = ctx.lang === 'zh' ? '：' : ': ';
        return [
          { t: 'strong', text: `${ctx.T[`flags.severity.${f.severity}`]}${sep}${readerText(f.title[ctx.lang])}` },
          ...refs,
          { t: 'text', text: (ctx.lang === 'zh' ? '。' : '. ') + readerText(f.explanation[ctx.lang]) },
        ];
      }),
    });
  }
  return { id: 'flags', title: ctx.T['flags.title'], blocks };
}
