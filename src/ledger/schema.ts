/**
 * The tables of the ledger, as Kysely sees them. Portable types only: text,
 * integer, double precision. Dates are ISO text ('2024-05-20'); timestamps
 * ISO text with a Z. Lists are child tables, not JSON.
 */
export interface LedgerDatabase {
  entity: EntityTable;
  entity_name: EntityNameTable;
  source: SourceTable;
  fact: FactTable;
  fact_input: FactInputTable;
  event: EventTable;
  event_entity: EventEntityTable;
  meta: MetaTable;
  fx_rate: FxRateTable;
  outcome: OutcomeTable;
}

export interface EntityTable {
  id: string;
  name_en: string;
  name_zh: string | null;
  kind: string;
  parent_id: string | null;
  notes: string | null;
}

/** Every name an entity is found by (its id, English and Chinese names, aliases), with its lookup key. */
export interface EntityNameTable {
  entity_id: string;
  name: string;
  /** `nameKey(name)`: lower-case, no spaces or hyphens. Unique. */
  name_key: string;
  /** 'id' | 'en' | 'zh' | 'alias'. */
  name_type: string;
}

export interface SourceTable {
  id: string;
  publisher: string;
  title: string | null;
  url: string | null;
  published: string | null;
  /** 1 when the date published was inferred (the page showed none), else 0. */
  published_estimated: number;
}

export interface FactTable {
  id: string;
  /** Creation order, assigned by the store (max + 1 inside the write transaction). */
  seq: number;
  entity_id: string;
  metric: string;
  value_text: string;
  value_en: string | null;
  default_unit: string | null;
  /** The `per` given beside the text, when the text does not write one. */
  per_given: string | null;
  value: number;
  low: number | null;
  high: number | null;
  unit: string;
  per: string | null;
  qualifier: string;
  p5: number;
  p50: number;
  p95: number;
  period_text: string | null;
  period_kind: string | null;
  period_start: string | null;
  period_end: string | null;
  scope: string | null;
  basis: string;
  kind: string;
  price_year: number | null;
  source_id: string;
  definition: string | null;
  notes: string | null;
  /** Unique: a fact is corrected at most once, so a history is a chain. */
  supersedes: string | null;
  /** A fact reporting the same thing (migration 0003). */
  same_as: string | null;
  formula: string | null;
  created_at: string;
}

export interface FactInputTable {
  fact_id: string;
  position: number;
  input_id: string;
}

export interface EventTable {
  id: string;
  period_text: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  text_zh: string;
  text_en: string;
  source_id: string;
  notes: string | null;
}

export interface EventEntityTable {
  event_id: string;
  position: number;
  entity_id: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** A user's exchange rate: units of `currency` per US dollar, averaged over `month` ('2026-07'). */
export interface FxRateTable {
  currency: string;
  month: string;
  per_usd: number;
  source: string;
  created_at: string;
}

export interface OutcomeTable {
  id: string;
  entity_id: string;
  type: string;
  date: string;
  detail: string;
  /** 1 or 0 when the record states whether the company was out of the race, null when it does not. */
  out: number | null;
  source_id: string;
  created_at: string;
}
