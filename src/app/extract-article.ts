import { readAsOfDate, readTextFile, type Store } from '../ledger/index.js';
import { articleFormatOf, extractFigures, reviewIds, reviewRecord, reviewYaml, type ArticleFormat, type Extraction, type ReviewSource } from '../extract/index.js';

export type { ArticleFormat, Extraction, ExtractedFigure, ReviewSource } from '../extract/index.js';
export { extractFigures, reviewYaml, reviewRecord, reviewIds, articleFormatOf, METRIC_KEYWORDS, SKIP_REASONS, UNKNOWN } from '../extract/index.js';

/** What `extractArticle` is told about the article. */
export interface ExtractArticleOptions {
  /** The file name, for the format (.html, .md, .txt); null for stdin or pasted text. */
  readonly name?: string | null;
  readonly format?: ArticleFormat;
  readonly lang?: 'zh' | 'en' | 'auto';
  /** The publisher of the article (the facts' `publisher`). */
  readonly source?: string | null;
  readonly url?: string | null;
  /** YYYY-MM-DD; default: the date the article gives itself (front matter, HTML meta). */
  readonly published?: string | null;
  readonly title?: string | null;
}

/** An article read: the figures found, and the review file for them. */
export interface ArticleExtraction {
  readonly extraction: Extraction;
  readonly source: ReviewSource;
  /** The review file, YAML that `facts import` takes once reviewed. */
  readonly review: string;
}

/**
 * Finds the figures of an article (text, Markdown or HTML) with the ledger's
 * entities, and writes the review file for them. Changes nothing in the
 * ledger: a person reviews the file, then imports it.
 */
export async function extractArticle(store: Store, content: string, options: ExtractArticleOptions = {}): Promise<ArticleExtraction> {
  const published = options.published ? readAsOfDate(options.published, '--published') : null;
  const extraction = extractFigures(content, {
    entities: await store.listEntities(),
    format: options.format ?? articleFormatOf(options.name ?? null, content),
    lang: options.lang ?? 'auto',
    published,
  });
  const source: ReviewSource = {
    publisher: options.source ?? null,
    title: options.title ?? extraction.title,
    url: options.url ?? null,
    published: extraction.published,
  };
  return { extraction, source, review: reviewYaml(extraction, source) };
}

/** Reads an article file for `extractArticle` (UTF-8, size-limited like every import). */
export async function readArticleFile(path: string): Promise<string> {
  return readTextFile(path);
}

/** The JSON of an extraction: every figure with its proposal and review row, and what was left out. */
export function extractionJson(x: ArticleExtraction): Record<string, unknown> {
  const e = x.extraction;
  const ids = reviewIds(e);
  return {
    title: e.title, published: e.published, lang: e.lang, format: e.format, source: x.source,
    numbersSeen: e.numbersSeen, figureCount: e.figures.length, skippedCount: e.skipped.length, skippedByReason: e.skippedByReason,
    figures: e.figures.map((f, i) => ({
      text: f.text, start: f.start, end: f.end, sentence: f.sentence, sentenceOffset: f.sentenceOffset,
      value: f.figure.value, low: f.figure.low, high: f.figure.high, unit: f.unit, per: f.figure.per, qualifier: f.figure.qualifier,
      entity: f.entity, metric: f.metric, metricWord: f.metricWord, period: f.period, periodHow: f.periodHow,
      kind: f.kind, forecast: f.forecast, derivedWhy: f.derivedWhy, inputs: f.inputs, via: f.via, confidence: f.confidence, unsure: f.unsure, notes: f.notes,
      record: reviewRecord(f, x.source, ids, i),
    })),
    skipped: e.skipped.map((k) => ({ text: k.text, start: k.start, end: k.end, reason: k.reason })),
  };
}
