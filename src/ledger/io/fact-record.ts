/**
 * A fact as a flat record: one row of a CSV, one object of a JSON or YAML
 * array. This is the import and export format (and the bundled data's).
 * Empty strings and missing keys mean "not given".
 */
export interface FactRecord {
  id?: string | null;
  entity: string;
  metric: string;
  value_as_written: string;
  value_en?: string | null;
  /** Unit assumed when the text writes none: USD, CNY, EUR, count, multiple, percent. */
  unit?: string | null;
  /** Period of a rate when the text does not write it: day, week, month, quarter, year. */
  per?: string | null;
  period?: string | null;
  scope?: string | null;
  basis?: string | null;
  kind?: string | null;
  /** Constant dollars of this year (2021 for OWID); empty = nominal. */
  price_year?: string | number | null;
  publisher: string;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  /** yes when the page showed no date and `published` was inferred; no or empty otherwise. */
  published_estimated?: string | boolean | null;
  definition?: string | null;
  note?: string | null;
  supersedes?: string | null;
  /** Id of a fact of the same entity and metric that reports the same thing (one round, another outlet). */
  same_as?: string | null;
  /** Input fact ids of a derived fact, separated by ';' (an array in JSON/YAML also works). */
  derived_from?: string | readonly string[] | null;
  formula?: string | null;
  created_at?: string | null;
}

/** Column order of CSV export. */
export const FACT_COLUMNS = [
  'id', 'entity', 'metric', 'value_as_written', 'value_en', 'unit', 'per', 'period', 'scope', 'basis', 'kind',
  'price_year', 'publisher', 'title', 'url', 'published', 'published_estimated', 'definition', 'note', 'supersedes', 'derived_from',
  'formula', 'created_at', 'same_as',
] as const;
