import { alsoWrittenAs, formatValue, type Fact, type Figure } from '../app/index.js';

/** A fact as the API returns it: the fact, and its value and 90% interval written for a reader in each language ("> $2.3B", "> 23亿美元"). */
export type FactJson = Fact & { readonly display: { readonly en: string; readonly zh: string; readonly intervalEn: string; readonly intervalZh: string; readonly alsoWrittenAs: string[] } };

/** The sign a qualifier puts before a value: 超23亿美元 is "> $2.3B"; 约 "≈"; 近 "≲" (just under); 不足 "<". */
const SIGN: Readonly<Record<string, string>> = { over: '> ', under: '< ', about: '≈ ', nearly: '≲ ' };

type Shown = Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'per' | 'qualifier' | 'p5' | 'p95'>;

/** A figure's value for a reader: a range by its ends, else the value with its qualifier's sign. */
export function displayValue(f: Shown, lang: 'en' | 'zh'): string {
  if ((f.qualifier === 'range' || f.qualifier === 'several') && f.low !== null && f.high !== null) {
    return `${formatValue(f.low, f.unit, lang)} – ${formatValue(f.high, f.unit, lang, f.per)}`;
  }
  return (SIGN[f.qualifier] ?? '') + formatValue(f.value, f.unit, lang, f.per);
}

/** A figure's 90% interval for a reader. */
export function displayInterval(f: Shown, lang: 'en' | 'zh'): string {
  return `${formatValue(f.p5, f.unit, lang, f.per)} – ${formatValue(f.p95, f.unit, lang, f.per)}`;
}

export function factJson(f: Fact): FactJson {
  return { ...f, display: { en: displayValue(f.figure, 'en'), zh: displayValue(f.figure, 'zh'), intervalEn: displayInterval(f.figure, 'en'), intervalZh: displayInterval(f.figure, 'zh'), alsoWrittenAs: alsoWrittenAs(f) } };
}
