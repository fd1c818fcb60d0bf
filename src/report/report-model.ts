import type { Lang, Per, Unit } from '../core/index.js';

/**
 * The report as data: what the Markdown, HTML and JSON outputs are rendered
 * from. Every number is an inline `num` that names its footnote, and every
 * footnote says where the number came from (facts with source and date, the
 * formula, the assumptions). Text is plain: renderers escape it.
 */
export interface Report {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** How the estimates were drawn. */
  readonly env: { readonly samples: number; readonly seed: string | number };
  readonly sections: readonly ReportSection[];
  readonly footnotes: readonly Footnote[];
  readonly charts: readonly ChartSpec[];
  readonly sources: readonly SourceEntry[];
  /**
   * Set for a report of the ledger as it stood on a day (`--as-of`): the day,
   * the line under the title ('As of 2024-05-20 (facts published by then; 54
   * undated facts left out)'), and the undated facts left out (or taken in).
   * Every footnote then ends with the day.
   */
  readonly asOf?: { readonly date: string; readonly text: string; readonly includeUndated: boolean; readonly undated: readonly string[] };
  /** Labels the renderers need: the notes heading, the chart heading template ('Chart {n}: {title}')... */
  readonly labels: { readonly footnotes: string; readonly chart: string; readonly chartNotWritten: string; readonly backToText: string };
}

export interface ReportSection {
  /** Anchor id: 'funding', 'shakeout'. */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** A piece of running text. */
export type Inline =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'strong'; readonly text: string }
  | { readonly t: 'code'; readonly text: string }
  /** A number as shown, with its footnote and, for machines, its value and 90% interval. */
  | { readonly t: 'num'; readonly text: string; readonly fn: number; readonly value: number; readonly unit: Unit; readonly per: Per | null; readonly p5?: number; readonly p95?: number }
  /** A footnote reference after a phrase that is not a number. */
  | { readonly t: 'ref'; readonly fn: number };

export type Block =
  | { readonly t: 'p'; readonly content: readonly Inline[] }
  | { readonly t: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly t: 'table'; readonly head: readonly string[]; readonly align: readonly ('left' | 'right')[]; readonly rows: readonly (readonly (readonly Inline[])[])[] }
  | { readonly t: 'chart'; readonly chart: string; readonly caption: readonly Inline[] };

/** A fact as a footnote cites it (no timestamps, so output is stable). */
export interface FactCitation {
  readonly id: string;
  readonly entity: string;
  readonly metric: string;
  readonly asWritten: string;
  readonly asWrittenEn: string | null;
  readonly period: string | null;
  readonly scope: string | null;
  readonly kind: string;
  readonly source: { readonly publisher: string; readonly title: string | null; readonly url: string | null; readonly published: string | null };
}

/** Where one number (or several numbers of one derivation) came from. */
export interface Footnote {
  readonly n: number;
  /** Element id in HTML: 'fn-3'. */
  readonly id: string;
  readonly label: string;
  /** The formula over fact ids and input names, when computed. */
  readonly formula: string | null;
  readonly facts: readonly FactCitation[];
  readonly assumptions: readonly { readonly id: string; readonly text: string; readonly rationale: string }[];
  /** Other lines: intermediate estimates, conversions, the sample count and seed. */
  readonly lines: readonly string[];
  /** One line of plain text for a hover (HTML title attribute). */
  readonly hover: string;
}

/** A source of the report, with the facts cited from it. */
export interface SourceEntry {
  readonly publisher: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly facts: readonly string[];
}

export type ChartKind = 'line' | 'bar' | 'histogram' | 'survival';

/** One series of a chart: values by category (null = no figure). */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** Which y axis (0 left, 1 right). */
  readonly axis?: 0 | 1;
  readonly dashed?: boolean;
  /** A 90% band around the line (same length as `values`), drawn as two thin lines with the area between them; `name` labels it. */
  readonly band?: { readonly name: string; readonly lower: readonly number[]; readonly upper: readonly number[] };
}

/** A chart as data: rendered to SVG by `renderChartSvg`. */
export interface ChartSpec {
  /** File name stem and id prefix: 'funding-by-year'. */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Unit of the y values (and of the right axis when `y2Label` is set). */
  readonly yUnit: Unit;
  readonly yLog?: boolean;
  readonly y2Label?: string;
  readonly y2Unit?: Unit;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Vertical marker lines on a category axis: at category index, with a label. */
  readonly markers?: readonly { readonly at: number; readonly label: string }[];
}
