import type { Lang } from '../core/index.js';
import type { Analysis, Assumption, Estimate } from '../economics/index.js';
import type { Entity, Fact } from '../ledger/index.js';
import type { FactCitation, Footnote, SourceEntry } from './report-model.js';
import { metricName, periodText, scopeName } from '../economics/index.js';
import { readerText } from './reader-text.js';
import { formulaZh } from './formula-zh.js';
import { fillText, type ReportText } from './report-text.js';
import { sourceDate, sourcePublisher, sourceTitle } from './source-words.js';

interface Draft {
  label: string;
  formula: string | null;
  facts: Fact[];
  assumptions: { id: string; text: string; rationale: string }[];
  lines: string[];
}

/**
 * The footnotes of one report: each number asks for the footnote of its
 * derivation (a fact, an estimate of an analysis, a conversion) and gets its
 * number; the same derivation asked twice gets the same footnote. Numbers
 * follow the order of first use, so they read 1, 2, 3 down the page.
 */
export class FootnoteBook {
  private readonly notes: Footnote[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly cited = new Map<string, Fact>();

  constructor(
    private readonly lang: Lang,
    private readonly T: ReportText,
    private readonly factsById: ReadonlyMap<string, Fact>,
    private readonly entities: ReadonlyMap<string, Entity>,
    /** For a report of the ledger as of a day: the line every footnote ends with ('As of 2024-05-20: only facts published by then count.'). */
    private readonly asOfLine: string | null = null,
  ) {}

  /** The footnote of a fact as the ledger holds it, with extra lines (a conversion) when given. */
  fact(f: Fact, extra: readonly string[] = []): number {
    const key = `fact:${f.id}${extra.length ? `:${extra.join('|')}` : ''}`;
    return this.once(key, () => ({ label: this.factLabel(f), formula: null, facts: [f], assumptions: [], lines: [...extra] }));
  }

  /**
   * The footnote of an estimate: its label and formula, the facts under it
   * (through intermediate estimates of the same analysis), the assumptions it
   * rests on, and the sample count and seed.
   */
  estimate(e: Estimate, a: Analysis, extra: readonly string[] = []): number {
    const key = `est:${a.kind}:${a.subject ?? ''}:${e.id}${extra.length ? `:${extra.join('|')}` : ''}`;
    return this.once(key, () => {
      const d: Draft = { label: e.label[this.lang], formula: this.formulaIn(e.formula), facts: [], assumptions: [], lines: [] };
      this.walk(e, a, d, new Set([e.id]));
      d.lines.push(...extra);
      if (a.env && e.p5 !== e.p95) d.lines.push(fillText(this.T['fn.draws'], { samples: a.env.sampleCount, seed: String(a.env.seed) }));
      return d;
    });
  }

  /** A formula as the analyses write it (English), in the report's language. */
  private formulaIn<T extends string | null>(formula: T): T {
    return (formula && this.lang === 'zh' ? formulaZh(formula) : formula) as T;
  }

  /** A footnote for a number computed here from facts (a ratio, a conversion). */
  derived(key: string, label: string, formula: string | null, facts: readonly Fact[], lines: readonly string[] = [], assumptions: readonly Assumption[] = []): number {
    return this.once(`derived:${key}`, () => ({
      label,
      formula: this.formulaIn(formula),
      facts: [...facts],
      assumptions: assumptions.map((x) => this.assumption(x)),
      lines: [...lines],
    }));
  }

  /** Every fact cited so far, by id. */
  citedFacts(): Fact[] {
    return [...this.cited.values()];
  }

  /** The sources of the facts cited, with the fact ids, by publisher then date. */
  sources(): SourceEntry[] {
    const by = new Map<string, { publisher: string; title: string | null; url: string | null; published: string | null; facts: string[] }>();
    for (const f of this.cited.values()) {
      const s = f.source;
      const e = by.get(s.id) ?? by.set(s.id, { publisher: s.publisher, title: s.title, url: s.url, published: s.published, facts: [] }).get(s.id)!;
      e.facts.push(f.id);
    }
    const out = [...by.values()].map((e) => ({ ...e, facts: e.facts.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) }));
    return out.sort((a, b) => a.publisher.localeCompare(b.publisher, 'en') || (a.published ?? '').localeCompare(b.published ?? '') || (a.title ?? '').localeCompare(b.title ?? ''));
  }

  list(): Footnote[] {
    return [...this.notes];
  }

  /** The display name of an entity id in the report's language. */
  entityName(id: string): string {
    const e = this.entities.get(id);
    if (!e) return id;
    return this.lang === 'zh' ? (e.nameZh ?? e.nameEn) : e.nameEn;
  }

  /** What a fact is about, as a footnote's heading: 'ChatGPT downloads (Google Play), Sensor Tower' / 'ChatGPT下载量（Google Play），Sensor Tower'. */
  factLabel(f: Fact): string {
    const zh = this.lang === 'zh';
    const metric = (this.T as Record<string, string>)[`metric.${f.metric}`] ?? metricName(f.metric, this.lang);
    const scope = this.scopeText(f);
    const period = f.period ? periodText(f.period.text, this.lang) : '';
    const publisher = sourcePublisher(f.source.publisher, this.lang);
    if (zh && period.startsWith('截至')) return `${this.entityName(f.entity)}${metric}${scope}（${period}），${publisher}`;
    return zh ? `${period}${this.entityName(f.entity)}${metric}${scope}，${publisher}` : `${this.entityName(f.entity)} ${metric}${scope}${period ? `, ${period}` : ''}, ${publisher}`;
  }

  /** A fact's scope in brackets, or nothing when there is none or it only repeats the entity's name (a segment). */
  private scopeText(f: Fact): string {
    if (!f.scope) return '';
    const name = scopeName(f.scope, this.lang);
    if (name.toLowerCase() === this.entityName(f.entity).toLowerCase()) return '';
    return this.lang === 'zh' ? `（${name}）` : ` (${name})`;
  }

  /** A fact as one line of a footnote. */
  factLine(f: Fact): string {
    const T = this.T;
    const metric = (T as Record<string, string>)[`metric.${f.metric}`] ?? metricName(f.metric, this.lang);
    return fillText(T['fn.fact'], {
      id: f.id,
      asWritten: f.valueText,
      entity: this.entityName(f.entity),
      metric,
      scope: this.scopeText(f),
      period: f.period ? periodText(f.period.text, this.lang) : T['fn.noPeriod'],
      publisher: sourcePublisher(f.source.publisher, this.lang),
      title: f.source.title ? fillText(T['fn.factTitle'], { title: sourceTitle(f.source.title, this.lang) }) : '',
      date: f.source.published ? sourceDate(f.source.published, this.lang) : T['sources.undated'],
    });
  }

  private assumption(x: Assumption): { id: string; text: string; rationale: string } {
    return { id: x.id, text: readerText(x.text[this.lang]), rationale: readerText(x.rationale[this.lang]) };
  }

  private walk(e: Estimate, a: Analysis, d: Draft, seen: Set<string>): void {
    for (const input of e.inputs) {
      if (input.kind === 'fact') {
        const f = a.facts.find((x) => x.id === input.id) ?? this.factsById.get(input.id);
        if (f && !d.facts.some((x) => x.id === f.id)) d.facts.push(f);
      } else if (input.kind === 'estimate') {
        const sub = a.estimates.find((x) => x.id === input.id);
        if (!sub || seen.has(sub.id)) continue;
        seen.add(sub.id);
        d.lines.push(fillText(this.T['fn.input'], { label: sub.label[this.lang], formula: this.formulaIn(sub.formula) }));
        this.walk(sub, a, d, seen);
      } else {
        const hits = a.assumptions.filter((x) => x.id === input.id || x.id.startsWith(`${input.id}.`));
        for (const x of hits) if (!d.assumptions.some((y) => y.id === x.id)) d.assumptions.push(this.assumption(x));
      }
    }
  }

  private once(key: string, make: () => Draft): number {
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    const d = make();
    const n = this.notes.length + 1;
    for (const f of d.facts) this.cited.set(f.id, f);
    const factLines = d.facts.map((f) => this.factLine(f));
    // an assumption's value is written in the model language ('5B to 15B'): in Chinese as a formula is (50亿 至 150亿)
    const assumed = (x: { text: string }) => (this.lang === 'zh' ? formulaZh(x.text) : x.text);
    const assumptionLines = d.assumptions.map((x) => fillText(this.T['fn.assumption'], { text: assumed(x), rationale: x.rationale }));
    const formula = d.formula ? fillText(this.T['fn.formula'], { formula: d.formula }) : null;
    const hover = [d.label, formula, ...d.facts.map((f) => `${f.id} “${f.valueText}” (${sourcePublisher(f.source.publisher, this.lang)}, ${f.source.published ? sourceDate(f.source.published, this.lang) : this.T['sources.undated']})`), ...d.assumptions.map(assumed)]
      .filter((x): x is string => !!x)
      .join(' · ');
    this.notes.push({
      n,
      id: `fn-${n}`,
      label: d.label,
      formula: d.formula,
      facts: d.facts.map(citation),
      assumptions: d.assumptions,
      lines: [...factLines, ...d.lines, ...assumptionLines, ...(this.asOfLine ? [this.asOfLine] : [])],
      hover: hover.length > 700 ? hover.slice(0, 699) + '…' : hover,
    });
    this.byKey.set(key, n);
    return n;
  }
}

function citation(f: Fact): FactCitation {
  return {
    id: f.id,
    entity: f.entity,
    metric: f.metric,
    asWritten: f.valueText,
    asWrittenEn: f.valueTextEn,
    period: f.period?.text ?? null,
    scope: f.scope,
    kind: f.kind,
    source: { publisher: f.source.publisher, title: f.source.title, url: f.source.url, published: f.source.published },
  };
}
