import { CURRENCIES, FigureParseError, ShakeoutError, isCurrency, parsePeriod, safeParsePeriod } from '../core/index.js';
import type { Issue, Per, Period, Unit } from '../core/index.js';
import type { Entity } from './entity.js';
import type { Fact, FactInput } from './fact.js';
import { closest, contentFactId, sourceId } from './ids.js';
import type { FACT_COLUMNS } from './io/fact-record.js';
import { dayOf, publicationProblem } from './publication-date.js';
import { readFigure } from './read-figure.js';
import { BASES, FACT_KINDS, KINDS_THAT_REPORT, METRIC_DEFAULT_PER, METRIC_ENTITY_KIND, METRIC_VALUE, METRICS, toMetric } from './vocabulary.js';
import type { Basis, EntityKind, FactKind, Metric } from './vocabulary.js';

export type Column = (typeof FACT_COLUMNS)[number];

/** What validation needs to know about the ledger. */
export interface PrepareContext {
  findEntity(name: string): Entity | undefined;
  /**
   * The end of the message for an entity the ledger does not know: a close
   * name of the kind expected ("did you mean"), and how to add it.
   */
  unknownEntityHint(name: string, kind: EntityKind): string;
  /** The clock: an ISO timestamp (a fact's createdAt, and "today" for its publication date). */
  now(): string;
}

const UNITS: readonly Unit[] = [...CURRENCIES, 'count', 'multiple', 'percent'];
const PERS: readonly Per[] = ['day', 'week', 'month', 'quarter', 'year'];
const ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,127}$/u;

export const FIGURE_EXAMPLE = 'a figure such as "12.5亿元" or "$3.6B"';

/** Quotes a value as it arrived, for messages. */
export function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return v.trim() === '' ? 'an empty value' : JSON.stringify(v);
  return JSON.stringify(v) ?? String(v);
}

/**
 * Checks a fact input and reads its figure and period. Returns the fact to
 * store (its `supersedes` and `derivedFrom` ids are checked by the store,
 * which knows the other facts) or every issue found. `where` gives the path
 * of a column in the caller's terms (file, line, column).
 */
export function prepareFact(
  input: FactInput,
  ctx: PrepareContext,
  where: (column: Column) => readonly (string | number)[],
): { ok: true; fact: Fact } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (column: Column, code: string, message: string, extra: Pick<Issue, 'got' | 'suggestion' | 'reason' | 'expected'> = {}): void => {
    issues.push({ code, path: [...where(column)], message, ...extra });
  };
  const said = (v: unknown, hint?: string): Pick<Issue, 'got' | 'suggestion'> => ({ ...(v == null ? {} : { got: String(v) }), ...(hint ? { suggestion: hint } : {}) });
  const text = (v: unknown): string | null => (v == null || String(v).trim() === '' ? null : String(v).trim());

  const entity = text(input.entity) === null ? undefined : ctx.findEntity(String(input.entity));
  const metric = text(input.metric) === null ? undefined : toMetric(String(input.metric));
  if (!entity) {
    const hint = text(input.entity) ? ctx.unknownEntityHint(String(input.entity).trim(), metric ? METRIC_ENTITY_KIND[metric] ?? 'company' : 'company') : '';
    add('entity', 'unknown_entity', `expected a known entity such as "OpenAI" or "月之暗面", got ${shown(input.entity)}${hint}`, said(input.entity));
  }
  if (!metric) {
    const hint = typeof input.metric === 'string' ? closest(input.metric, METRICS) : undefined;
    add('metric', 'unknown_metric', `expected a metric (${METRICS.join(', ')}), got ${shown(input.metric)}${hint ? `; did you mean "${hint}"?` : ''}`, said(input.metric, hint));
  }

  const defaultUnit = text(input.defaultUnit) as Unit | null;
  if (defaultUnit !== null && !UNITS.includes(defaultUnit)) {
    add('unit', 'invalid_unit', `expected a unit (${UNITS.join(', ')}) or nothing, got ${shown(input.defaultUnit)}`);
  }
  const perGiven = text(input.per) as Per | null;
  if (perGiven !== null && !PERS.includes(perGiven)) add('per', 'invalid_per', `expected one of ${PERS.join(', ')} or nothing, got ${shown(input.per)}`);

  const valueText = text(input.value);
  let figure: Fact['figure'] | undefined;
  if (valueText === null) {
    add('value_as_written', 'invalid_figure', `expected ${FIGURE_EXAMPLE}, got ${shown(input.value)}`, said(input.value));
  } else {
    try {
      const f = readFigure(valueText, defaultUnit !== null && UNITS.includes(defaultUnit) ? defaultUnit : null);
      const per = f.per ?? (perGiven !== null && PERS.includes(perGiven) ? perGiven : null) ?? (metric ? METRIC_DEFAULT_PER[metric] ?? null : null);
      figure = { value: f.value, low: f.low, high: f.high, unit: f.unit, per, qualifier: f.qualifier, p5: f.p5, p50: f.p50, p95: f.p95 };
      if (f.per && perGiven && f.per !== perGiven) {
        add('per', 'per_mismatch', `expected the per of the text (${f.per}) or nothing, got ${shown(perGiven)}`);
      }
    } catch (e) {
      if (!(e instanceof FigureParseError) && !(e instanceof ShakeoutError)) throw e;
      if (e.status >= 500) throw e;
      // the reader's reason ('"600.000" is ambiguous: ...'), which says what to change
      // and the same as data ({code: 'ambiguous_point', params}), for the dashboard's sentence in Chinese
      const reason = e instanceof FigureParseError ? e.reason : null;
      const reasonCode = e instanceof FigureParseError ? e.reasonCode : null;
      add('value_as_written', 'invalid_figure', `expected ${FIGURE_EXAMPLE}, got ${shown(valueText)}${reason ? `; ${reason}` : ''}`, {
        ...said(valueText),
        ...(reasonCode ? { reason: reasonCode } : {}),
      });
    }
  }

  if (metric && figure && valueText !== null) {
    const wrong = valueRuleProblem(metric, figure, valueText);
    if (wrong) add('value_as_written', wrong.code, wrong.message, { expected: wrong.expected, got: valueText });
  }

  let period: Period | null = null;
  const periodText = text(input.period);
  if (periodText !== null) {
    try {
      period = parsePeriod(periodText);
    } catch (e) {
      if (!(e instanceof ShakeoutError)) throw e;
      add('period', 'invalid_period', e.message);
    }
  }

  const basis = (text(input.basis) ?? 'unknown') as Basis;
  if (!BASES.includes(basis)) add('basis', 'invalid_basis', `expected one of ${BASES.join(', ')} or nothing, got ${shown(input.basis)}`);
  const kind = (text(input.kind) ?? (input.derivedFrom ? 'derived' : 'reported')) as FactKind;
  if (!FACT_KINDS.includes(kind)) add('kind', 'invalid_kind', `expected one of ${FACT_KINDS.join(', ')}, got ${shown(input.kind)}`);

  let priceYear: number | null = null;
  if (input.priceYear != null && String(input.priceYear).trim() !== '') {
    const y = Number(input.priceYear);
    if (!Number.isInteger(y) || y < 1900 || y > 2200) {
      add('price_year', 'invalid_price_year', `expected a year such as 2021 (constant dollars of that year) or nothing for nominal, got ${shown(input.priceYear)}`);
    } else priceYear = y;
  }
  if (priceYear !== null && figure && figure.unit !== 'USD') {
    add('price_year', 'price_year_not_usd', `expected no price year for ${figure.unit} (constant dollars apply to USD only), got ${priceYear}`);
  }

  const publisher = text(input.source?.publisher);
  if (publisher === null) add('publisher', 'missing_source', `expected the publisher of the source, such as "CB Insights", got ${shown(input.source?.publisher)}`);
  const published = text(input.source?.published);
  // The form, then the calendar: 9999-99-99 and 2024-02-30 have the form of a date but are none.
  const day = published !== null && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(published) ? safeParsePeriod(published) : null;
  if (published !== null && !day?.ok) {
    const why = day && !day.ok ? day.error.message.match(/\(([^()]*)\)$/)?.[1] : undefined;
    add('published', 'invalid_date', `expected a date such as 2024-05-20, 2024-05 or 2024, got ${shown(published)}${why ? ` (${why})` : ''}`);
  }

  if (day?.ok && published !== null) {
    const scopeText = text(input.scope);
    const round = metric === 'funding' && scopeText === 'round';
    const reports = round || KINDS_THAT_REPORT.includes(kind);
    const event = period && reports
      ? round
        ? { start: period.start, when: `the start of the round of ${period.text}`, why: 'a round is reported once it has happened' }
        : { start: period.start, when: `the start of the period ${period.text} this reported figure covers`, why: 'a reported figure tells what happened; a projection of a period to come is recorded as kind assumption, with the source in its note' }
      : undefined;
    const wrong = publicationProblem(published, dayOf(ctx.now()), event);
    if (wrong) add('published', wrong.code === 'published_before_event' ? 'published_before_period' : wrong.code, wrong.message, { expected: wrong.expected, got: wrong.got });
  }

  const url = text(input.source?.url);
  if (url !== null && !isWebAddress(url)) {
    add('url', 'invalid_url', `expected a web address starting with http:// or https://, got ${shown(url)}`);
  }

  let derivedFrom: Fact['derivedFrom'] = null;
  if (input.derivedFrom) {
    const inputs = input.derivedFrom.inputs.map((s) => s.trim()).filter(Boolean);
    const formula = text(input.derivedFrom.formula);
    if (!inputs.length) add('derived_from', 'missing_inputs', `expected the ids of the facts this one is derived from, such as "F18;F20", got nothing`);
    if (formula === null) add('formula', 'missing_formula', `expected the formula of the derivation, such as "(F18 + F20) / F21", got nothing`);
    derivedFrom = { inputs, formula: formula ?? '' };
  }
  if (kind === 'derived' && !derivedFrom) {
    add('derived_from', 'missing_inputs', 'expected the input fact ids and formula of a derived fact, got nothing');
  }

  const id = text(input.id);
  if (id !== null && !ID_RE.test(id)) {
    add('id', 'invalid_id', `expected an id of letters, digits, '.', '_', ':' or '-' (at most 128), got ${shown(id)}`);
  }
  const supersedes = text(input.supersedes);
  if (supersedes !== null && supersedes === id) add('supersedes', 'self_supersede', `expected the id of another fact, got the fact's own id ${shown(id)}`);
  const sameAs = text(input.sameAs);
  if (sameAs !== null && sameAs === id) add('same_as', 'self_same_as', `expected the id of another fact reporting the same thing, got the fact's own id ${shown(id)}`);

  const createdAt = text(input.createdAt) ?? ctx.now();
  if (Number.isNaN(Date.parse(createdAt))) add('created_at', 'invalid_date', `expected an ISO timestamp such as 2024-05-20T00:00:00.000Z, got ${shown(createdAt)}`);

  if (issues.length || !entity || !metric || !figure || publisher === null) return { ok: false, issues };

  const source = {
    publisher,
    title: text(input.source.title),
    url: text(input.source.url),
    published,
  };
  const publishedEstimated = input.source.publishedEstimated === true;
  const scope = text(input.scope);
  const fact: Fact = {
    id:
      id ??
      contentFactId([entity.id, metric, valueText, defaultUnit, perGiven, period?.text, scope, basis, kind, priceYear, publisher, source.title, source.url, published, supersedes]),
    entity: entity.id,
    metric,
    valueText: valueText!,
    valueTextEn: text(input.valueEn),
    defaultUnit,
    figure,
    period,
    scope,
    basis,
    kind,
    priceYear,
    source: { id: sourceId(source), ...source, publishedEstimated },
    definition: text(input.definition),
    notes: text(input.notes),
    supersedes,
    sameAs,
    supersededBy: null,
    derivedFrom,
    createdAt: new Date(createdAt).toISOString(),
  };
  return { ok: true, fact };
}

const UNIT_SAID: Readonly<Record<string, string>> = { count: 'a number with no currency', percent: 'a percent', multiple: 'a multiple' };

/**
 * Why a figure cannot be a value of `metric` by its rule in METRIC_VALUE
 * (vocabulary.ts): money without a currency, a count in money, a ratio in
 * money, a value below zero where none can be; null when it can.
 */
export function valueRuleProblem(metric: Metric, figure: Pick<Fact['figure'], 'value' | 'low' | 'unit'>, valueText: string): { code: string; message: string; expected: string } | null {
  const rule = METRIC_VALUE[metric];
  const said = isCurrency(figure.unit) ? `money (${figure.unit})` : UNIT_SAID[figure.unit] ?? figure.unit;
  const got = `got ${JSON.stringify(valueText)}, read as ${said}`;
  if (rule.unit === 'money' && !isCurrency(figure.unit)) {
    return { code: 'missing_currency', expected: 'money', message: `expected ${metric} as money with its currency, such as "$500 million", "5亿元" or "€23M" (or the unit column, such as USD, when the text writes none), ${got}: a number alone is not taken as US dollars` };
  }
  if (rule.unit === 'count' && figure.unit !== 'count') {
    return { code: 'not_a_count', expected: 'count', message: `expected ${metric} as a count, such as "250" or "about 1.2 million" (not money, a percent or a multiple), ${got}` };
  }
  if (rule.unit === 'ratio' && figure.unit !== 'multiple' && figure.unit !== 'percent') {
    return { code: 'not_a_ratio', expected: 'ratio', message: `expected ${metric} as a multiple or a percent, such as "5倍", "2.4x" or "+200%", ${got}` };
  }
  const lowest = Math.min(figure.value, figure.low ?? figure.value);
  if (lowest < 0 && (rule.negative === null || figure.unit === 'multiple')) {
    const why = figure.unit === 'multiple' ? 'a multiple is never below zero' : `a ${metric.replace(/_/g, ' ')} cannot be below zero`;
    return { code: 'negative_value', expected: '0', message: `expected ${metric} of at least 0 (${why}), got ${JSON.stringify(valueText)}` };
  }
  return null;
}

/**
 * The part of a fact that makes it "the same fact" on a second import
 * (everything but createdAt and the computed supersededBy), each field with
 * the column a file writes it in.
 */
function signatureFields(f: Fact): [Column, unknown][] {
  return [
    ['entity', f.entity], ['metric', f.metric], ['value_as_written', f.valueText], ['value_en', f.valueTextEn], ['unit', f.defaultUnit],
    ['per', f.figure.per], ['period', f.period?.text ?? null], ['scope', f.scope], ['basis', f.basis], ['kind', f.kind], ['price_year', f.priceYear],
    ['publisher', f.source.publisher], ['title', f.source.title], ['url', f.source.url], ['published', f.source.published],
    ['published_estimated', f.source.publishedEstimated], ['definition', f.definition], ['note', f.notes], ['supersedes', f.supersedes],
    ['derived_from', f.derivedFrom?.inputs ?? null], ['formula', f.derivedFrom?.formula ?? null], ['same_as', f.sameAs],
  ];
}

/** {@link signatureFields} as one string: equal for two records of the same fact. */
export function factSignature(f: Fact): string {
  return JSON.stringify(signatureFields(f).map(([, v]) => v ?? null));
}

/**
 * The columns in which two facts with one id differ, in column order: what a
 * re-import changed ('note'), so that a refusal can name it.
 */
export function factDifferences(stored: Fact, f: Fact): Column[] {
  const mine = signatureFields(f);
  return signatureFields(stored).filter(([, v], k) => JSON.stringify(v ?? null) !== JSON.stringify(mine[k]![1] ?? null)).map(([c]) => c);
}

/** An http(s) address: the only kind a source may link to (a report shows it to readers). */
function isWebAddress(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
