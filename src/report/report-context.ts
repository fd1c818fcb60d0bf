import { CURRENCY_TABLE, countNoun, formatValue } from '../core/index.js';
import type { Currency, Lang, Per, Unit } from '../core/index.js';
import { asOfFootnoteText, type Analysis, type Estimate } from '../economics/index.js';
import type { Entity, Fact } from '../ledger/index.js';
import { FootnoteBook } from './footnote-book.js';
import { formatRange } from './format-range.js';
import type { ReportInputs } from './report-inputs.js';
import type { ChartSpec, Inline } from './report-model.js';
import { fill, fillText, reportText, type FillValue, type ReportText, type ReportTextKey } from './report-text.js';

/** Significant digits worth showing for a figure as written: 123.89亿 keeps 5, 25433174564 is cut to 3. */
function digitsOf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 3;
  const s = Math.abs(x).toPrecision(12).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return s.length > 5 ? 3 : Math.max(2, Math.min(5, s.length));
}

/**
 * What every section builder shares: the language, its prose, the footnote
 * book, the ledger's facts, and helpers that turn facts and estimates into
 * numbers with footnotes.
 */
export class ReportContext {
  readonly T: ReportText;
  readonly book: FootnoteBook;
  readonly facts: ReadonlyMap<string, Fact>;
  readonly charts: ChartSpec[] = [];
  /** The companies the report is about (entity ids), or null for the article's report. */
  readonly companies: readonly string[] | null;
  private readonly entities: ReadonlyMap<string, Entity>;

  constructor(
    readonly inputs: ReportInputs,
    readonly lang: Lang,
  ) {
    this.T = reportText(lang);
    this.facts = new Map(inputs.facts.map((f) => [f.id, f]));
    this.entities = new Map(inputs.entities.map((e) => [e.id, e]));
    this.book = new FootnoteBook(lang, this.T, this.facts, this.entities, inputs.asOf ? asOfFootnoteText(inputs.asOf.date)[lang] : null);
    this.companies = inputs.companies && inputs.companies.length ? inputs.companies : null;
  }

  /** True for the article's report: its prose (title, introduction, the article's cases) is the article's. */
  get article(): boolean {
    return this.companies === null;
  }

  /**
   * Whether the report speaks of an entity: always in the article's report;
   * otherwise when it is one of the companies or belongs to one (ChatGPT to
   * OpenAI).
   */
  about(entityId: string): boolean {
    if (!this.companies) return true;
    const seen = new Set<string>();
    for (let id: string | null = entityId; id && !seen.has(id); id = this.entities.get(id)?.parent ?? null) {
      if (this.companies.includes(id)) return true;
      seen.add(id);
    }
    return false;
  }

  /** Names as a list in the report's language: 'Mistral AI and Perplexity', 'Mistral AI和Perplexity'. */
  names(ids: readonly string[]): string {
    return this.list(ids.map((id) => this.name(id)));
  }

  /** A currency as the report's prose names money in it: 'euros', 'Japanese yen' (the table's plural), '欧元', '日元'. */
  currencyName(code: Currency): string {
    return this.lang === 'zh' ? CURRENCY_TABLE[code].nameZh : CURRENCY_TABLE[code].pluralEn;
  }

  /**
   * A count for a template: in English with its noun, agreeing in number
   * (`countNoun`: '1 fact', '3 facts'); in Chinese the number alone, the
   * template writing its measure word after it ('{facts}条事实').
   */
  count(n: number, singular: string, plural?: string): string {
    return this.lang === 'zh' ? this.format(n, 'count') : countNoun(n, singular, plural);
  }

  /** Whose figures, agreeing with the companies asked for: "this company’s", "these companies’" (这家公司, 这些公司). */
  get whose(): string {
    return this.T[this.companies?.length === 1 ? 'intro.whose.one' : 'intro.whose.many'];
  }

  /** Words as a list in the report's language: 'a, b and c', 'a、b和c'. */
  list(items: readonly string[]): string {
    return new Intl.ListFormat(this.lang === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(items);
  }

  /** A template of the text files, filled. */
  fill(key: ReportTextKey, vars: Readonly<Record<string, FillValue>> = {}): Inline[] {
    return fill(this.T[key], vars);
  }

  /** A template of the text files as a plain string. */
  text(key: ReportTextKey, vars: Readonly<Record<string, string | number>> = {}): string {
    return fillText(this.T[key], vars);
  }

  /** A value formatted for the report's language. */
  format(x: number, unit: Unit, per: Per | null = null, digits = 3): string {
    return formatValue(x, unit, this.lang, per, digits);
  }

  /** A number with a footnote. */
  num(value: number, unit: Unit, per: Per | null, fn: number, text?: string, range?: { p5: number; p95: number }): Inline {
    return { t: 'num', text: text ?? this.format(value, unit, per), fn, value, unit, per, ...(range ? { p5: range.p5, p95: range.p95 } : {}) };
  }

  /**
   * A fact's figure as a number of the report, with its qualifier in words
   * ("over $2.3B", "约20亿美元") and the fact's footnote.
   */
  factNum(f: Fact, options: { per?: boolean; extra?: readonly string[] } = {}): Inline {
    const fig = f.figure;
    const per = options.per === false ? null : fig.per;
    const v = this.format(fig.value, fig.unit, per, digitsOf(fig.value));
    let text: string;
    switch (fig.qualifier) {
      case 'about':
      case 'over':
      case 'under':
      case 'nearly':
        text = this.text(`q.${fig.qualifier}`, { v });
        break;
      case 'almost_none':
        text = this.text('q.almost_none');
        break;
      case 'several':
      case 'range':
        text = this.text('q.several', { lo: this.format(fig.p5, fig.unit), hi: this.format(fig.p95, fig.unit, per) });
        break;
      default:
        text = v;
    }
    return this.num(fig.value, fig.unit, per, this.book.fact(f, options.extra ?? []), text, fig.p5 !== fig.p95 ? { p5: fig.p5, p95: fig.p95 } : undefined);
  }

  /** An estimate as "median (90% CI p5–p95)", with its footnote. */
  estNum(e: Estimate, a: Analysis, options: { per?: boolean; extra?: readonly string[] } = {}): Inline {
    const per = options.per === false ? null : e.per;
    const text = formatRange(e.p50, e.p5, e.p95, e.unit, per, this.lang);
    return this.num(e.p50, e.unit, per, this.book.estimate(e, a, options.extra ?? []), text, e.p5 !== e.p95 ? { p5: e.p5, p95: e.p95 } : undefined);
  }

  /** An estimate of an analysis by id, if it is there. */
  est(a: Analysis | null | undefined, id: string): Estimate | undefined {
    return a?.estimates.find((e) => e.id === id);
  }

  fact(id: string): Fact | undefined {
    return this.facts.get(id);
  }

  /** The display name of an entity id. */
  name(id: string): string {
    return this.book.entityName(id);
  }
}
