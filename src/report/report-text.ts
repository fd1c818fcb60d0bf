import type { Lang } from '../core/index.js';
import type { Inline } from './report-model.js';
import { TEXT_EN, type ReportText, type ReportTextKey } from './text-en.js';
import { TEXT_ZH } from './text-zh.js';

/** The report's prose in `lang`. */
export function reportText(lang: Lang): ReportText {
  return lang === 'zh' ? TEXT_ZH : TEXT_EN;
}

/** What a placeholder may be filled with: plain text, or inlines (numbers with footnotes). */
export type FillValue = string | number | Inline | readonly Inline[];

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a template, in order: '{a} and {b}' -> ['a', 'b']. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * A template of the text files with its placeholders filled, as inlines.
 * Plain strings stay text (renderers escape them); inlines are kept.
 * Throws when a placeholder has no value, naming it.
 *
 * @example fill('{n} deals', { n: num }) // [num, { t: 'text', text: ' deals' }]
 */
export function fill(template: string, vars: Readonly<Record<string, FillValue>>): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index! > last) out.push({ t: 'text', text: template.slice(last, m.index) });
    const v = vars[m[1]!];
    if (v === undefined) throw new Error(`report text: no value for {${m[1]}} in "${template}"`);
    if (typeof v === 'string' || typeof v === 'number') out.push({ t: 'text', text: String(v) });
    else if (Array.isArray(v)) out.push(...(v as readonly Inline[]));
    else out.push(v as Inline);
    last = m.index! + m[0].length;
  }
  if (last < template.length) out.push({ t: 'text', text: template.slice(last) });
  return merge(out);
}

/** `fill` to a plain string (for labels, chart titles, footnote lines). */
export function fillText(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (_m, k: string) => {
    const v = vars[k];
    if (v === undefined) throw new Error(`report text: no value for {${k}} in "${template}"`);
    return String(v);
  });
}

/** Text as the start of a line, a header or an axis title: 'as of ...' -> 'As of ...', 'euros' -> 'Euros' (Chinese is unchanged). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Inlines as plain text (numbers as shown, footnote refs dropped). */
export function plainText(content: readonly Inline[]): string {
  return content.map((i) => (i.t === 'ref' ? '' : i.text)).join('');
}

function merge(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of xs) {
    const prev = out[out.length - 1];
    if (x.t === 'text' && prev && prev.t === 'text') out[out.length - 1] = { t: 'text', text: prev.text + x.text };
    else if (!(x.t === 'text' && x.text === '')) out.push(x);
  }
  return out;
}

export type { ReportText, ReportTextKey };
