import type { FundingRow } from '../economics/index.js';
import type { ReportContext } from './report-context.js';
import type { Inline } from './report-model.js';

/** The conversion lines of a row, for its footnote. */
export function conversionLines(ctx: ReportContext, r: FundingRow): string[] {
  const notes = r.funding?.conversionText ?? r.funding?.conversion.map((en) => ({ en, zh: en })) ?? [];
  return notes.map((note) => ctx.text('fn.conversion', { note: note[ctx.lang] }));
}

/** A row's money as shown by the analysis (nominal USD, or 2021 USD), with the fact's footnote and the conversion. */
export function shownNum(ctx: ReportContext, r: FundingRow | undefined): Inline[] {
  if (!r?.funding?.shown) return [{ t: 'text', text: '—' }];
  const f = ctx.fact(r.funding.factId);
  if (!f) return [{ t: 'text', text: '—' }];
  const lines = conversionLines(ctx, r);
  const fn = ctx.book.fact(f, lines);
  const q = r.funding.shown;
  return [ctx.num(q.value, q.unit, null, fn)];
}
