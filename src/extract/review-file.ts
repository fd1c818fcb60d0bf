import { createHash } from 'node:crypto';
import { Document, isMap, isSeq } from 'yaml';
import type { Extraction, ExtractedFigure } from './extract-figures.js';

/** The source every fact of a review file gets. */
export interface ReviewSource {
  /** Who published the article (the facts file's `publisher`); empty leaves it for the reviewer (import refuses it empty). */
  readonly publisher: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly published?: string | null;
}

/** What a row proposes for an entity or a metric that extract could not find: import refuses it until a reviewer fills it in. */
export const UNKNOWN = 'unknown';

/**
 * One review row per figure (`index` in the extraction, `ids` the rows' ids
 * from {@link reviewIds}), in the columns `facts import` reads (see
 * `FactRecord`): the entity as the article names it, metric, the figure as
 * written, the unit when the text writes none, period, kind and the source.
 * A figure cited from another source ("据Sensor Tower数据") has that source
 * as publisher and "cited in <article>" as title, as the bundled facts do.
 */
export function reviewRecord(f: ExtractedFigure, source: ReviewSource, ids: readonly string[] = [], index = -1): Record<string, string> {
  const title = source.title ?? null;
  const article = [source.publisher, title].filter(Boolean).join(', ');
  const row: Record<string, string> = {};
  if (index >= 0) row['id'] = ids[index]!;
  Object.assign(row, {
    entity: f.entity?.name ?? UNKNOWN,
    metric: f.metric ?? UNKNOWN,
    value_as_written: f.text,
  });
  if (f.defaultUnit) row['unit'] = f.defaultUnit;
  if (f.period) row['period'] = f.period;
  row['kind'] = f.kind;
  if (f.kind === 'derived') {
    // The inputs when the sentence gives them; else empty, and import asks for them.
    const inputs = f.inputs.map((i) => ids[i]).filter((x): x is string => x !== undefined);
    row['derived_from'] = inputs.length === f.inputs.length ? inputs.join(';') : '';
    row['formula'] = inputs.length === 2 ? `${inputs[0]} / ${inputs[1]}` : '';
  }
  row['publisher'] = f.via ?? source.publisher ?? '';
  const t = f.via ? `cited in ${article || 'the article'}` : title;
  if (t) row['title'] = t;
  if (source.url) row['url'] = source.url;
  if (source.published) row['published'] = source.published;
  const forecast = f.forecast
    ? `forecast: the article writes ${JSON.stringify(f.forecast)} before it, a projection by ${f.via ?? (source.publisher || 'the article')}, not a figure reported as happened (kind assumption)`
    : null;
  const note = [forecast, f.derivedWhy ? `derived: ${f.derivedWhy}` : null, ...f.notes, ...f.unsure.map((u) => `unsure: ${u}`)].filter(Boolean).join('; ');
  if (note) row['note'] = note;
  return row;
}

/**
 * The review file: YAML that `facts import` takes, one row per figure, with
 * what a reviewer needs in comments above each row (import never sees them):
 * confidence, the sentence, the span, how entity, metric and period were
 * found, and what is unsure. Rows whose entity or metric is `unknown` are
 * refused by import, naming the line and the field, until filled in or deleted.
 */
export function reviewYaml(x: Extraction, source: ReviewSource): string {
  const ids = reviewIds(x);
  const doc = new Document(x.figures.map((f, i) => reviewRecord(f, source, ids, i)));
  const reasons = Object.entries(x.skippedByReason).map(([r, n]) => `${n} ${r}`).join('; ');
  doc.commentBefore = [
    ` Figures found by \`shakeout extract\`${x.title ? ` in "${x.title}"` : ''}: review each row, fix or delete it, then`,
    ' run `shakeout facts import` on this file. Rows with entity or metric "unknown" are refused until filled in.',
    ` ${x.numbersSeen} numbers seen, ${x.figures.length} figures, ${x.skipped.length} left out${reasons ? ` (${reasons})` : ''}.`,
  ].join('\n');
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((item, i) => {
      const f = x.figures[i]!;
      if (!isMap(item)) return;
      item.commentBefore = reviewComment(f, i, x.figures.length);
      item.spaceBefore = i > 0;
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * The ids of the rows: `x-` and 8 hex digits of a hash of the article's
 * text, then the row's number (x-3f2a9c1b-5). The same article gives the same
 * ids, so importing it twice is caught as a duplicate; derived rows name their
 * inputs by them.
 */
export function reviewIds(x: Extraction): string[] {
  const tag = createHash('sha256').update(x.text).digest('hex').slice(0, 8);
  return x.figures.map((_, i) => `x-${tag}-${i + 1}`);
}

function reviewComment(f: ExtractedFigure, i: number, n: number): string {
  const value = f.figure.low !== null && f.figure.high !== null && f.figure.low !== f.figure.high ? `${f.figure.low} to ${f.figure.high}` : String(f.figure.value);
  const lines = [
    ` ${i + 1}/${n} · confidence ${f.confidence.toFixed(2)} · ${value} ${f.unit}${f.figure.per ? ` per ${f.figure.per}` : ''} (${f.figure.qualifier})`,
    ` sentence: ${f.sentence}`,
    ` span: characters ${f.start}-${f.end} of the article; "${f.text}" at ${f.sentenceOffset} in the sentence`,
    ` entity: ${f.entity ? `${f.entity.id} (${f.entity.how})` : 'not found'} · metric: ${f.metric ? `${f.metric}${f.metricWord ? ` ("${f.metricWord}")` : ''}` : 'not found'} · period: ${f.period ? `${f.period} (${f.periodHow})` : 'not found'}${f.via ? ` · via ${f.via}` : ''}`,
  ];
  if (f.forecast) lines.push(` forecast: "${f.forecast}" before it: proposed as kind assumption (a source's projection), not reported`);
  if (f.kind === 'derived') lines.push(` derived: ${f.derivedWhy}${f.inputs.length ? '' : '; fill in derived_from (the ids of its inputs) and formula, or set kind: reported'}`);
  for (const n of f.notes) lines.push(` note: ${n}`);
  for (const u of f.unsure) lines.push(` UNSURE: ${u}`);
  return lines.join('\n');
}
