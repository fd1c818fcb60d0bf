import type { ReportContext } from './report-context.js';
import type { Block, Inline, ReportSection } from './report-model.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** What does not add up: every plausibility flag with its severity, explanation and the facts involved. */
export function flagsSection(ctx: ReportContext): ReportSection {
  const a = ctx.inputs.plausibility;
  const blocks: Block[] = [{ t: 'p', content: ctx.fill('flags.intro') }];
  const flags = [...a.details.flags].sort((x, y) => ORDER[x.severity] - ORDER[y.severity]);
  if (!flags.length) blocks.push({ t: 'p', content: ctx.fill('flags.none') });
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
          { t: 'strong', text: `${ctx.T[`flags.severity.${f.severity}`]}${sep}${f.title[ctx.lang]}` },
          ...refs,
          { t: 'text', text: (ctx.lang === 'zh' ? '。' : '. ') + f.explanation[ctx.lang] },
        ];
      }),
    });
  }
  return { id: 'flags', title: ctx.T['flags.title'], blocks };
}
