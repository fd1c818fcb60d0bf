import type { Analysis, Assumption, Text } from '../economics/index.js';
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
  const notes: Inline[][] = [
    ...(i.notes ?? []).map((n) => [{ t: 'text' as const, text: n[ctx.lang] }, ...(n.detail ? [{ t: 'text' as const, text: ' ' }, { t: 'code' as const, text: n.detail }] : [])]),
    ...currencyNotes(ctx, shown),
  ];
  if (conversions.length || notes.length) {
    blocks.push({ t: 'p', content: [{ t: 'strong', text: ctx.T['method.conversions'] }] });
    blocks.push({ t: 'list', items: [...conversions, ...notes] });
  }
  return { id: 'method', title: ctx.T['method.title'], blocks };
}

/**
 * The display currency's rules as one note: the rate, then which analyses
 * take figures written in that currency as written (health) and which
 * compute in US dollars and convert at the rate (the simulation, the
 * subscribers), each named as its group of assumptions is; then, when the
 * funding market is shown, that it stays in US dollars. None in US dollars.
 */
function currencyNotes(ctx: ReportContext, shown: { funding: boolean; subscribers: boolean }): Inline[][] {
  const i = ctx.inputs;
  const d = i.display;
  if (!d) return [];
  const currency = ctx.currencyName(d.code);
  const groups: [ReportTextKey, Analysis | null | undefined][] = [
    ...i.health.map((h): [ReportTextKey, Analysis] => ['method.group.health', h]),
    ['method.group.survival', i.survival],
    ['method.group.subscribers', shown.subscribers ? i.subscribers : null],
  ];
  const by = (note: Text): string[] => [...new Set(groups.filter(([, a]) => a?.currency?.note.en === note.en).map(([key]) => ctx.T[key]))];
  const asWritten = by(d.noteAsWritten);
  const converted = by(d.note);
  const sentences = [ctx.text('method.currency', { currency, code: d.code, rate: d.atRate[ctx.lang] })];
  if (asWritten.length) sentences.push(ctx.text('method.currency.asWritten', { groups: ctx.list(asWritten), currency }));
  if (converted.length) sentences.push(ctx.text('method.currency.converted', { groups: ctx.list(converted) }));
  const out: Inline[][] = [];
  if (asWritten.length || converted.length) out.push([{ t: 'text', text: sentences.join(ctx.lang === 'zh' ? '' : ' ') }]);
  if (shown.funding) out.push([{ t: 'text', text: ctx.T['method.currency.funding'] }]);
  return out;
}
