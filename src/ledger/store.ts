import type { CpiTable, FxRate, FxTable, Period } from '../core/index.js';
import type { FxImportResult, FxRateColumn } from './fx-rate.js';
import type { Outcome, OutcomeColumn } from './outcome.js';
import type { Conflict } from './conflict.js';
import type { Entity } from './entity.js';
import type { Fact, FactInput } from './fact.js';
import type { FactRecord } from './io/fact-record.js';
import type { LedgerEvent } from './ledger-event.js';
import type { EntitySeed } from './seed-types.js';
import type { Source } from './source.js';
import type { EntityKind, FactKind } from './vocabulary.js';

/**
 * The Store seam: everything the rest of Shakeout asks of the ledger. One
 * folder per backend (`sqlite/`, `postgres/`; see backends.ts), and the same contract
 * suite (`runStoreContract`) runs against each.
 *
 * Errors are `ShakeoutError`s: status 400 with issues for bad input, 404 for
 * an unknown id or name (the message suggests the closest known one), 409
 * when correcting a fact that is already superseded or reusing an id.
 */
export interface Store {
  /** Current facts (not superseded) matching the filter, ordered by entity, metric, period start, id. */
  listFacts(filter?: FactFilter): Promise<Fact[]>;
  /** The fact with this id, current or superseded. Throws 404 when unknown. */
  getFact(id: string): Promise<Fact>;
  /** The correction chain that holds this fact, oldest first. Throws 404 when unknown. */
  history(id: string): Promise<Fact[]>;
  /** Validates, stores and returns a new fact. Throws 400 with all issues. */
  addFact(input: FactInput): Promise<Fact>;
  /**
   * Stores a correction of fact `id`: a new fact that supersedes it. Fields not
   * given are copied from the fact corrected (but not its id or createdAt).
   */
  correctFact(id: string, input: Partial<FactInput>): Promise<Fact>;
  /**
   * Imports records all-or-nothing: every issue of every record is collected,
   * and if there is one the database is left unchanged and a 400 error lists them
   * (`facts.csv line 14, column value_as_written: expected ...`). A record whose
   * id exists with the same content is skipped (imports are idempotent).
   */
  importFacts(records: readonly unknown[], options?: ImportOptions): Promise<ImportResult>;
  /** All facts as flat records, superseded ones too (so a round trip keeps history), in creation order. */
  exportFacts(options?: { includeSuperseded?: boolean }): Promise<FactRecord[]>;
  listEntities(): Promise<Entity[]>;
  /**
   * Adds a new entity (a company, product, model or aggregate) so facts can be
   * recorded about it. Throws 409 when its id or one of its names is taken,
   * 400 when a field is invalid or its parent unknown.
   */
  addEntity(seed: EntitySeed): Promise<Entity>;
  /**
   * Changes an entity found by any name: ties it to a parent (a product or
   * model to its company; `null` unties it), adds aliases, sets its kind.
   * All or nothing: throws 404 for an unknown entity or parent, 409 when an
   * alias names another entity, 400 for an unknown kind or a parent that would
   * make a cycle. An alias it already has is skipped.
   */
  updateEntity(name: string, change: EntityChange): Promise<Entity>;
  /** Finds an entity by id, name or alias, ignoring case, spaces and hyphens. Throws 404 with a suggestion. */
  resolveEntity(name: string): Promise<Entity>;
  listSources(): Promise<Source[]>;
  listEvents(filter?: { entity?: string; includeProducts?: boolean }): Promise<LedgerEvent[]>;
  /** Pairs of current facts that disagree beyond their stated uncertainty. Tables default to the bundled ones. */
  conflicts(options?: { fx?: FxTable; cpi?: CpiTable }): Promise<Conflict[]>;
  /** The FX and CPI tables the store uses, with their sources: the bundled ones, with the user's rates laid over the FX table. */
  tables(): Promise<{ fx: FxTable; cpi: CpiTable }>;
  /** Exchange rates users added, by currency then month. An unknown currency in the filter is a 400. */
  listFxRates(filter?: { currency?: string }): Promise<FxRate[]>;
  /**
   * Adds exchange rates (records with month, currency, per_usd, source) all
   * or nothing: every issue of every record is collected, and if there is one
   * nothing is stored and a 400 error names the file, line and column of
   * each. A rate the ledger holds already is unchanged; a different rate for
   * a currency and month the user already gave is a 409 unless `replace`.
   */
  addFxRates(records: readonly unknown[], options?: FxImportOptions): Promise<FxImportResult>;
  /**
   * Adds one outcome (a record with entity, date, type, detail, publisher,
   * url, published; optionally title, published_estimated, out), checked
   * like a row of `importOutcomes`.
   */
  addOutcome(record: unknown, options?: OutcomeImportOptions): Promise<OutcomeImportResult>;
  /**
   * Adds outcomes all or nothing: every issue of every record is collected,
   * and if there is one nothing is stored and a 400 error names the file,
   * line and column of each. Ids are stable (a hash of the content), so an
   * outcome already stored is unchanged; the same outcome stored with a
   * different `out` is a 409.
   */
  importOutcomes(records: readonly unknown[], options?: OutcomeImportOptions): Promise<OutcomeImportResult>;
  /** Outcomes by entity then date; `entity` is any name or alias (unknown: 404). */
  listOutcomes(filter?: { entity?: string }): Promise<Outcome[]>;
  summary(): Promise<Summary>;
  /**
   * The ledger's revision: a whole number that every write changing the
   * ledger (a fact, entity, event, exchange rate or outcome added or
   * corrected) raises by one, in the same transaction. A write that changes
   * nothing (an import of records already stored, a dry run) leaves it.
   */
  revision(): Promise<number>;
  close(): Promise<void>;
}

/** What `updateEntity` changes; fields left out stay as they are. */
export interface EntityChange {
  /** The owning entity by any name, or null to untie it. */
  readonly parent?: string | null;
  /** Names to add. */
  readonly aliases?: readonly string[];
  readonly kind?: EntityKind;
}

export interface FactFilter {
  /** Any name or alias; unknown names throw 404. */
  readonly entity?: string;
  /** With `entity`: also facts about its products (and their models). Default false. */
  readonly includeProducts?: boolean;
  /** Metric name or alias. */
  readonly metric?: string;
  /** A period text ('2023', '2024-Q1'): facts whose period overlaps it. */
  readonly period?: string;
  readonly kind?: FactKind;
  /** Also superseded facts. Default false. */
  readonly includeSuperseded?: boolean;
}

export interface ImportOptions {
  /** File name used in error messages: 'facts.csv'. */
  readonly file?: string;
  /** Source line of each record (records[i] came from line lines[i]); CSV readers supply it. */
  readonly lines?: readonly number[];
  /** Where a record spans several lines (YAML): the line of each field, by its key as written. */
  readonly fieldLines?: readonly (Readonly<Record<string, number>> | undefined)[];
  /** A CSV file's header line: unknown and missing columns are reported there, once, not on each row. */
  readonly headerLine?: number;
  /** Check and insert everything, then roll back: the result says what an import would do, and nothing changes. */
  readonly dryRun?: boolean;
}

export interface FxImportOptions extends ImportOptions {
  /** Replace a user rate already stored for the same currency and month. Default false. */
  readonly replace?: boolean;
  /** How messages name each field when the rates do not come from a file: { per_usd: '--per-usd' }. Default 'column per_usd'. */
  readonly fieldNames?: Readonly<Partial<Record<FxRateColumn, string>>>;
}

export interface OutcomeImportOptions extends ImportOptions {
  /** How messages name each field when the outcome does not come from a file: { type: '--type' }. Default 'column type'. */
  readonly fieldNames?: Readonly<Partial<Record<OutcomeColumn, string>>>;
}

/** What `importOutcomes` did with each record. */
export interface OutcomeImportResult {
  readonly added: readonly Outcome[];
  /** Outcomes the ledger already held with the same content. */
  readonly unchanged: readonly Outcome[];
  /** True when nothing was written (`dryRun`). */
  readonly dryRun?: boolean;
}

export interface ImportResult {
  /** Ids of the facts added (with `dryRun`: that would be added). */
  readonly added: readonly string[];
  /** Ids already present with the same content. */
  readonly unchanged: readonly string[];
  /** True when nothing was written (`dryRun`). */
  readonly dryRun?: boolean;
}

export interface Summary {
  readonly facts: { readonly current: number; readonly superseded: number };
  readonly byKind: Readonly<Record<string, number>>;
  readonly byMetric: Readonly<Record<string, number>>;
  /** Current facts per entity id. */
  readonly byEntity: Readonly<Record<string, number>>;
  readonly entities: number;
  readonly events: number;
  /** Outcomes recorded (what happened to companies). */
  readonly outcomes: number;
  /** Sources with the number of current facts and of outcomes citing each. */
  readonly sources: readonly { readonly source: Source; readonly facts: number; readonly outcomes: number }[];
  /** Earliest start and latest end of the current facts' periods, null when none. */
  readonly periods: { readonly start: string; readonly end: string } | null;
  /** Current facts per calendar year of their period's start. */
  readonly byYear: Readonly<Record<string, number>>;
}

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** Database file, ':memory:', or a postgres:// URL. */
  readonly path: string;
  /** Load the bundled data into a fresh database. Default true. */
  readonly loadBundled?: boolean;
  /** Folder of the bundled data; default the package's data/. */
  readonly dataDir?: string;
  /** Create the database's folder if missing (the default location); otherwise a missing folder is an error. */
  readonly createFolder?: boolean;
  /**
   * The clock, an ISO timestamp: when a fact is recorded, and "today" for
   * the check that no source is published after it. Default the system
   * clock; tests pass a fixed one.
   */
  readonly now?: () => string;
}

export type { Period };
