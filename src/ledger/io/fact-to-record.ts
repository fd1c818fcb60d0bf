import type { Fact } from '../fact.js';
import type { FactRecord } from './fact-record.js';

/** A fact as the flat record that import reads back to the same fact. */
export function factToRecord(f: Fact): FactRecord {
  return {
    id: f.id,
    entity: f.entity,
    metric: f.metric,
    value_as_written: f.valueText,
    value_en: f.valueTextEn,
    unit: f.defaultUnit,
    per: f.figure.per,
    period: f.period?.text ?? null,
    scope: f.scope,
    basis: f.basis,
    kind: f.kind,
    price_year: f.priceYear === null ? null : String(f.priceYear),
    publisher: f.source.publisher,
    title: f.source.title,
    url: f.source.url,
    published: f.source.published,
    published_estimated: f.source.publishedEstimated ? 'yes' : null,
    definition: f.definition,
    note: f.notes,
    supersedes: f.supersedes,
    derived_from: f.derivedFrom ? f.derivedFrom.inputs.join(';') : null,
    formula: f.derivedFrom?.formula ?? null,
    created_at: f.createdAt,
    same_as: f.sameAs,
  };
}
