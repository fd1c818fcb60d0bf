import type { Analysis, Assumption } from '../economics/index.js';
import { readerInlines, readerText } from './reader-text.js';
import type { ReportContext } from './report-context.js';
import type { Block, Inline, ReportSection } from './report-model.js';
import type { ReportTextKey } from './text-en.js';

/**
 * Method and assumptions: how numbers are drawn, every assumption of the
 * analyses the report shows (`shown` says whether the funding and subscriber
 * sections are in it), the conversions used, and what was left out.
 */
export function methodSection(ctx: ReportContext, shown: { funding: boolean; subscribers: boolean }): ReportSection {
  const i = ctx.inputs;
  const blocks: Block[] = [{ t: 'p', content: ctx.fill('method.intro', { samples: ctx.format(i.env.samples, 'count'), seed: { t: 'code', text: String(i.env.seed) } }) }];
  const groups: [ReportTextKey, readonly (Analysis | null)[]][] = [
    ['method.group.funding', shown.funding ? [i.funding] : []],
    ['method.group.health', i.health],
    ['method.group.subscribers', shown.subscribers ? [i.subscribers] : []],
    ['method.group.unit', shown.subscribers ? [i.unitEconomics] : []],
    ['method.group.survival', [i.survival]],
  ];
  const sep = ctx.lang === 'zh' ? '：' : ': ';
  const lists: [ReportTextKey, readonly (readonly Assumption[])[]][] = [
    ...groups.map(([key, analyses]): [ReportTextKey, readonly (readonly Assumption[])[]] => [key, analyses.map((a) => a?.assumptions ?? [])]),
    ['method.group.trackRecord', [i.trackRecord?.assumptions ?? []]],
  ];
  for (const [key, sets] of lists) {
    const seen = new Set<string>();
    const list: Assumption[] = [];
    for (const set of sets) {
      for (const x of set) {
        if (seen.has(x.id)) continue;
        seen.add(x.id);
        list.push(x);
      }
    }
    if (!list.length) continue;
    blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T[key] }] });
    blocks.push({ t: 'list', items: list.map((x) => [...readerInlines(x.text[ctx.lang]), { t: 'text', text: sep + readerText(x.rationale[ctx.lang]) }]) });
  }
  // Conversions of the funding market (when its section is shown) and of the companies' inputs (health, survival).
  const byEn = new Map([
    ...(shown.funding ? [...i.funding.details.conversionsText, ...(i.funding2021?.details.conversionsText ?? [])] : []),
    ...i.health.flatMap((h) => h.details.conversions ?? []),
    ...(i.survival?.details.conversions ?? []),
  ].map((c) => [c.en, c[ctx.lang]]));
  const conversions: Inline[][] = [...byEn.keys()].sort().map((en) => [{ t: 'text', text: readerText(byEn.get(en)!) }]);
  const notes: Inline[][] = (i.notes ?? []).map((n) => [{ t: 'text', text: n[ctx.lang] }, ...(n.detail ? [{ t: 'text' as const, text: ' ' }, { t: 'code' as const, text: n.detail }] : [])]);
  if (conversions.length || notes.length) {
    blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['method.conversions'] }] });
    blocks.push({ t: 'list', items: [...conversions, ...notes] });
  }
  return { id: 'method', title: ctx.T['method.title'], blocks };
}
