import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { asOfStore, type AsOfInfo, type Entity, type Fact, type ImportResult, type OutcomeImportResult } from '../ledger/index.js';
import { importFactsFile } from './facts-file.js';
import { withLedger } from './open-ledger.js';
import { importOutcomesFile, listOutcomes, type ClassifiedOutcome } from './outcomes.js';
import { readFigure } from './read-figure.js';

/**
 * The companies the backtest has never seen (issue 10, "the goal beyond the
 * bundled data"): test/fixtures/backtest-unseen/{entities.yaml, facts.csv,
 * outcomes.csv}, real AI companies outside data/entities.yaml with the figures
 * published about them before and after 2024-05-20, and what happened to each
 * in the 24 months after. They go into a ledger of their own through the
 * use-cases behind the commands a user types: `entities add` once per entry
 * (the CLI has no entities import; add-entities.mjs in that folder runs it),
 * `facts import`, `outcomes import`; then the ledger is read as it stood on
 * 2024-05-20, as the backtest reads it.
 */
const dir = join(process.cwd(), 'test/fixtures/backtest-unseen');
const AS_OF = '2024-05-20';
const HORIZON_END = '2026-05-20';

interface EntityEntry {
  id: string;
  name_en: string;
  name_zh?: string;
  aliases?: string[];
  kind?: Entity['kind'];
  notes?: string;
}

const entities = parseYaml(readFileSync(join(dir, 'entities.yaml'), 'utf8')) as EntityEntry[];
const readCsv = (name: string) => parseCsv(readFileSync(join(dir, name), 'utf8'), { columns: true }) as Record<string, string>[];
const factRows = readCsv('facts.csv');
const outcomeRows = readCsv('outcomes.csv');
const ids = new Set(entities.map((e) => e.id));

interface Loaded {
  entityIds: string[];
  factImport: ImportResult;
  outcomeImport: OutcomeImportResult;
  again: { facts: ImportResult; outcomes: OutcomeImportResult };
  facts: Fact[];
  outcomes: ClassifiedOutcome[];
  asOf: { facts: Fact[]; outcomes: number; info: AsOfInfo };
}
let loaded: Loaded;

beforeAll(async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'shakeout-unseen-')), 'ledger.db');
  loaded = await withLedger(db, async (store) => {
    for (const e of entities) {
      // what `shakeout entities add --id --name --name-zh --alias --kind --notes` does
      await store.addEntity({ id: e.id, nameEn: e.name_en, nameZh: e.name_zh ?? null, aliases: e.aliases ?? [], kind: e.kind ?? 'company', parent: null, notes: e.notes ?? null });
    }
    const factImport = await importFactsFile(store, join(dir, 'facts.csv'));
    const outcomeImport = await importOutcomesFile(store, join(dir, 'outcomes.csv'));
    const again = { facts: await importFactsFile(store, join(dir, 'facts.csv')), outcomes: await importOutcomesFile(store, join(dir, 'outcomes.csv')) };
    const view = await asOfStore(store, { asOf: AS_OF });
    const ours = (fs: Fact[]) => fs.filter((f) => ids.has(f.entity));
    return {
      entityIds: (await store.listEntities()).filter((e) => e.kind === 'company').map((e) => e.id),
      factImport, outcomeImport, again,
      facts: ours(await store.listFacts()),
      outcomes: (await listOutcomes(store)).filter((o) => ids.has(o.entity)),
      asOf: { facts: ours(await view.listFacts()), outcomes: (await view.listOutcomes()).filter((o) => ids.has(o.entity)).length, info: view.asOfInfo },
    };
  });
});

describe('the unseen companies, imported as a user would', () => {
  it('adds every company, none of them a bundled entity, and importing the files again adds nothing', () => {
    // 14 in the first set, 12 in the second, 10 in the third, 12 in the fourth, 6 in the fifth and 1 in the sixth, the last five added on
    // 2026-12-02 by the rule written in the folder's README before any was added
    expect(entities.length).toBe(55);
    for (const e of entities) expect(loaded.entityIds, e.id).toContain(e.id);
    const bundled = readFileSync('data/entities.yaml', 'utf8');
    for (const e of entities) expect(bundled, e.id).not.toMatch(new RegExp(`^- id: ${e.id}$`, 'm'));
    expect(loaded.factImport.added).toHaveLength(factRows.length);
    expect(loaded.outcomeImport.added).toHaveLength(outcomeRows.length);
    expect(loaded.again.facts.added).toHaveLength(0);
    expect(loaded.again.outcomes.added).toHaveLength(0);
  });

  it('reads every value as written to a positive number, and stores it so', () => {
    expect(loaded.facts).toHaveLength(factRows.length);
    const idOf = new Map(entities.map((e) => [e.name_en, e.id]));
    for (const row of factRows) {
      const read = readFigure(row.value_as_written!);
      expect(Number.isFinite(read.value) && read.value > 0, row.value_as_written).toBe(true);
      const id = idOf.get(row.entity!);
      expect(id, `${row.entity} is in entities.yaml`).toBeDefined();
      const fact = loaded.facts.find((f) => f.entity === id && f.metric === row.metric && f.valueText === row.value_as_written);
      expect(fact, `${row.entity} ${row.metric} "${row.value_as_written}"`).toBeDefined();
      expect(fact!.figure.value).toBe(read.value);
      expect(fact!.source.url).toBe(row.url);
      expect(fact!.source.published, row.value_as_written).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });

  it('gives each company at least one funding fact that the ledger as of 2024-05-20 shows', () => {
    for (const e of entities) {
      const known = loaded.asOf.facts.filter((f) => f.entity === e.id && f.metric === 'funding');
      expect(known.length, `${e.name_en}: funding known by ${AS_OF}`).toBeGreaterThan(0);
    }
  });

  it('holds figures published after 2024-05-20, which the as-of ledger leaves out, and none undated', () => {
    const early = factRows.filter((r) => r.published! <= AS_OF);
    const later = loaded.facts.filter((f) => !loaded.asOf.facts.some((g) => g.id === f.id));
    expect(loaded.asOf.facts).toHaveLength(early.length);
    expect(later).toHaveLength(factRows.length - early.length);
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(later.map((f) => f.entity)).size).toBeGreaterThanOrEqual(5);
    for (const f of later) expect(loaded.asOf.info.later, f.valueText).toContain(f.id);
    expect(loaded.asOf.info.undated.filter((id) => loaded.facts.some((f) => f.id === id))).toEqual([]);
  });

  it('gives each company at least one outcome after 2024-05-20 and within 24 months, each decided by the rule', () => {
    expect(loaded.asOf.outcomes).toBe(0); // nothing had happened yet: no company is left out of the backtest
    const classes = { out: 0, in: 0 };
    for (const e of entities) {
      const list = loaded.outcomes.filter((o) => o.entity === e.id);
      expect(list.length, `${e.name_en}: an outcome`).toBeGreaterThan(0);
      for (const o of list) {
        // a YYYY-MM date compares as the start of its month: still after 2024-05-20 for these rows
        expect(o.date > AS_OF && o.date <= HORIZON_END, `${e.name_en} ${o.type} ${o.date}`).toBe(true);
        expect(['out', 'in'], `${e.name_en} ${o.type}: decided`).toContain(o.verdict.class);
      }
      classes[list.some((o) => o.verdict.class === 'out') ? 'out' : 'in'] += 1;
    }
    // both kinds of company, so that a ranking can be scored at all; the counts the README gives
    expect(classes).toEqual({ out: 14, in: 41 });
  });
});
