import { z } from 'zod';
import type { Issue, Per, Unit } from '../../core/index.js';
import type { FactInput } from '../fact.js';
import type { Basis, FactKind } from '../vocabulary.js';
import { closest } from '../ids.js';
import { FACT_COLUMNS } from './fact-record.js';
import type { FactRecord } from './fact-record.js';

/** Other names accepted for a column (header cells are trimmed, lower-cased, spaces to '_'). */
export const COLUMN_ALIASES: Readonly<Record<string, (typeof FACT_COLUMNS)[number]>> = {
  value: 'value_as_written',
  as_written: 'value_as_written',
  notes: 'note',
  source: 'publisher',
  date_published: 'published',
  pricing_year: 'price_year',
  price_basis_year: 'price_year',
  inputs: 'derived_from',
};

const cell = z.union([z.string(), z.number(), z.null()]).optional();
const required = z.union([z.string(), z.number()]).refine((v) => String(v).trim() !== '');

/** The shape of one record; the meaning of each field is checked by `prepareFact`. */
export const FactRecordSchema = z.strictObject({
  id: cell,
  entity: required,
  metric: required,
  value_as_written: required,
  value_en: cell,
  unit: cell,
  per: cell,
  period: cell,
  scope: cell,
  basis: cell,
  kind: cell,
  price_year: cell,
  publisher: required,
  title: cell,
  url: cell,
  published: cell,
  published_estimated: z.union([z.string(), z.boolean(), z.null()]).optional(),
  definition: cell,
  note: cell,
  supersedes: cell,
  same_as: cell,
  derived_from: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  formula: cell,
  created_at: cell,
});

const EXPECTED: Readonly<Record<string, string>> = {
  entity: 'an entity name such as "OpenAI" or "月之暗面"',
  metric: 'a metric such as "funding" or "valuation"',
  value_as_written: 'a figure such as "12.5亿元" or "$3.6B"',
  publisher: 'the publisher of the source, such as "CB Insights"',
  derived_from: 'fact ids separated by ";" (or a list)',
  published_estimated: 'yes, no or nothing (yes: the date published was inferred, the page showed none)',
};

export interface RecordLocation {
  /** Path of the record: ['facts.csv line 14'] or ['facts.json record 3']. */
  readonly record: readonly (string | number)[];
  /** How the file names each column (the header cell as written). */
  readonly columnName: (column: string) => string;
  /** The path of one field when it has a line of its own (YAML); default `record`. */
  readonly recordAt?: (column: string) => readonly (string | number)[];
}

/** Lower-cases record keys and applies column aliases; remembers the names as written. */
export function normaliseKeys(raw: Record<string, unknown>): { record: Record<string, unknown>; names: Map<string, string> } {
  const record: Record<string, unknown> = {};
  const names = new Map<string, string>();
  for (const [k, v] of Object.entries(raw)) {
    const key0 = k.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const key = COLUMN_ALIASES[key0] ?? key0;
    record[key] = v;
    names.set(key, k.trim());
  }
  return { record, names };
}

/**
 * Checks the shape of one raw record (object of cells) and turns it into a
 * FactInput. Issues say where (file, line, column), what was expected and
 * what arrived.
 */
export function recordToInput(raw: unknown, loc: RecordLocation): { ok: true; input: FactInput } | { ok: false; issues: Issue[] } {
  const at = (column: string): (string | number)[] => [...(loc.recordAt?.(column) ?? loc.record), `column ${loc.columnName(column)}`];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ code: 'invalid_record', path: [...loc.record], message: `expected a record (an object of columns), got ${JSON.stringify(raw)}` }] };
  }
  const { record } = normaliseKeys(raw as Record<string, unknown>);
  const parsed = FactRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issues: Issue[] = [];
    for (const iss of parsed.error.issues) {
      if (iss.code === 'unrecognized_keys') {
        for (const k of iss.keys) {
          const hint = closest(k, [...FACT_COLUMNS, ...Object.keys(COLUMN_ALIASES)]);
          issues.push({ code: 'unknown_column', path: at(k), message: `expected one of the columns ${FACT_COLUMNS.join(', ')}, got "${loc.columnName(k)}"${hint ? `; did you mean "${hint}"?` : ''}` });
        }
        continue;
      }
      const key = String(iss.path[0] ?? '');
      const got = record[key];
      const what = EXPECTED[key] ?? 'text or nothing';
      issues.push({ code: got === undefined ? 'missing_column' : 'invalid_value', path: at(key), message: `expected ${what}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}` });
    }
    return { ok: false, issues };
  }
  const r = parsed.data as FactRecord;
  const t = (v: unknown): string | null => (v == null || String(v).trim() === '' ? null : String(v).trim());
  const inputs = r.derived_from == null ? [] : Array.isArray(r.derived_from) ? r.derived_from : String(r.derived_from).split(/[;,]/);
  const derived = inputs.map((s) => s.trim()).filter(Boolean);
  const estimated = readYesNo(r.published_estimated);
  if (estimated === undefined) {
    return { ok: false, issues: [{ code: 'invalid_value', path: at('published_estimated'), message: `expected ${EXPECTED['published_estimated']}, got ${JSON.stringify(r.published_estimated)}` }] };
  }
  const input: FactInput = {
    id: t(r.id) ?? undefined,
    entity: String(r.entity),
    metric: String(r.metric),
    value: String(r.value_as_written),
    valueEn: t(r.value_en),
    defaultUnit: t(r.unit) as Unit | null,
    per: t(r.per) as Per | null,
    period: t(r.period),
    scope: t(r.scope),
    basis: (t(r.basis) ?? undefined) as Basis | undefined,
    kind: (t(r.kind) ?? undefined) as FactKind | undefined,
    priceYear: r.price_year == null || String(r.price_year).trim() === '' ? null : (r.price_year as unknown as number),
    source: { publisher: String(r.publisher), title: t(r.title), url: t(r.url), published: t(r.published), publishedEstimated: estimated },
    definition: t(r.definition),
    notes: t(r.note),
    supersedes: t(r.supersedes),
    sameAs: t(r.same_as),
    derivedFrom: derived.length || t(r.formula) ? { inputs: derived, formula: t(r.formula) ?? '' } : null,
    createdAt: t(r.created_at) ?? undefined,
  };
  return { ok: true, input };
}

/** A yes/no cell: true, false (also for nothing), or undefined when it is neither. */
export function readYesNo(v: unknown): boolean | undefined {
  if (v == null || v === false) return false;
  if (v === true) return true;
  const k = String(v).trim().toLowerCase();
  if (k === '' || k === 'no' || k === 'false' || k === 'n' || k === '0') return false;
  if (k === 'yes' || k === 'true' || k === 'y' || k === '1') return true;
  return undefined;
}
