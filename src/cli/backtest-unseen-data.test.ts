import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { runCaptured as cli } from './run-captured.js';

/**
 * The companies the backtest has never seen (issue 10, "the goal beyond the
 * bundled data"): test/fixtures/backtest-unseen/{entities.yaml, facts.csv,
 * outcomes.csv}, real AI companies outside data/entities.yaml with the figures
 * published about them, before and after 2024-05-20, and what happened to each
 * in the 24 months after. They go into a ledger of their own exactly as a user
 * would put them there: `entities add` once per entry (the CLI has no entities
 * import; add-entities.mjs in that folder does the same from a shell), then
 * `facts import` and `outcomes import`.
 */
const dir = join(process.cwd(), 'test/fixtures/backtest-unseen');
const AS_OF = '2024-05-20';
const HORIZON_END = '2026-05-20';

interface EntityEntry {
  id: string;
  name_en: string;
  name_zh?: string;
  aliases?: string[];
  kind?: string;
  notes?: string;
}
interface StoredFact {
  entity: string;
  metric: string;
  valueText: string;
  figure: { value: number; unit: string };
  source: { publisher: string; url: string | null; published: string | null };
}
interface StoredOutcome {
  entity: string;
  date: string;
  type: string;
  verdict: { class: 'out' | 'in' | 'signal' | 'undecided' };
}

const entities = parseYaml(readFileSync(join(dir, 'entities.yaml'), 'utf8')) as EntityEntry[];
const readCsv = (name: string) => parseCsv(readFileSync(join(dir, name), 'utf8'), { columns: true }) as Record<string, string>[];
const factRows = readCsv('facts.csv');
const outcomeRows = readCsv('outcomes.csv');

let db: string;
const run = (...args: string[]) => cli(['--db', db, ...args]);
const facts = new Map<string, StoredFact[]>();
const outcomes = new Map<string, StoredOutcome[]>();

beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'shakeout-unseen-')), 'ledger.db');
  for (const e of entities) {
    const args = ['entities', 'add', '--id', e.id, '--name', e.name_en, '--kind', e.kind ?? 'company'];
    if (e.name_zh) args.push('--name-zh', e.name_zh);
    for (const alias of e.aliases ?? []) args.push('--alias', alias);
    if (e.notes) args.push('--notes', e.notes);
    const r = await run(...args);
    expect(r.code, r.err).toBe(0);
  }
  const f = await run('facts', 'import', join(dir, 'facts.csv'));
  expect(f.code, f.err).toBe(0);
  expect(f.out).toContain(`${factRows.length} added, 0 already present`);
  const o = await run('outcomes', 'import', join(dir, 'outcomes.csv'));
  expect(o.code, o.err).toBe(0);
  expect(o.out).toContain(`${outcomeRows.length} added, 0 unchanged`);
  for (const e of entities) {
    facts.set(e.id, JSON.parse((await run('facts', 'list', '--entity', e.id, '--json')).out) as StoredFact[]);
    outcomes.set(e.id, JSON.parse((await run('outcomes', 'list', '--entity', e.id, '--json')).out) as StoredOutcome[]);
  }
});

describe('the unseen companies, imported as a user would', () => {
  it('adds every company, none of them a bundled entity, and importing the files again adds nothing', async () => {
    expect(entities.length).toBeGreaterThanOrEqual(12);
    const list = JSON.parse((await run('entities', 'list', '--json')).out) as { id: string; kind: string }[];
    for (const e of entities) expect(list.find((x) => x.id === e.id)?.kind, e.id).toBe('company');
    const bundled = readFileSync('data/entities.yaml', 'utf8');
    for (const e of entities) expect(bundled, e.id).not.toMatch(new RegExp(`^- id: ${e.id}$`, 'm'));
    expect((await run('facts', 'import', join(dir, 'facts.csv'))).out).toContain(`0 added, ${factRows.length} already present`);
    expect((await run('outcomes', 'import', join(dir, 'outcomes.csv'))).out).toContain(`0 added, ${outcomeRows.length} unchanged`);
  });

  it('stores every row of facts.csv, each value as written read to a positive number', () => {
    const stored = [...facts.values()].flat();
    expect(stored).toHaveLength(factRows.length);
    const idOf = new Map(entities.map((e) => [e.name_en, e.id]));
    for (const row of factRows) {
      const id = idOf.get(row.entity);
      expect(id, `${row.entity} is in entities.yaml`).toBeDefined();
      const fact = facts.get(id!)!.find((f) => f.valueText === row.value_as_written && f.metric === row.metric);
      expect(fact, `${row.entity} ${row.metric} "${row.value_as_written}"`).toBeDefined();
      expect(Number.isFinite(fact!.figure.value) && fact!.figure.value > 0, row.value_as_written).toBe(true);
      expect(fact!.source.url).toBe(row.url);
      expect(fact!.source.published, row.value_as_written).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });

  it('gives each company at least one funding fact published on or before the as-of date', () => {
    for (const e of entities) {
      const known = facts.get(e.id)!.filter((f) => f.metric === 'funding' && f.source.published !== null && f.source.published <= AS_OF);
      expect(known.length, `${e.name_en}: funding known by ${AS_OF}`).toBeGreaterThan(0);
    }
  });

  it('holds figures published after the as-of date too, which an as-of run must not see', () => {
    const later = [...facts.values()].flat().filter((f) => f.source.published !== null && f.source.published > AS_OF);
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(later.map((f) => f.entity)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives each company at least one outcome after the as-of date and within 24 months, each decided by the rule', () => {
    const classes = { out: 0, in: 0 };
    for (const e of entities) {
      const list = outcomes.get(e.id)!;
      expect(list.length, `${e.name_en}: an outcome`).toBeGreaterThan(0);
      for (const o of list) {
        // a YYYY-MM date compares as the start of its month: still after 2024-05-20 for these rows
        expect(o.date > AS_OF && o.date <= HORIZON_END, `${e.name_en} ${o.type} ${o.date}`).toBe(true);
        expect(['out', 'in'], `${e.name_en} ${o.type}: decided`).toContain(o.verdict.class);
      }
      const out = list.some((o) => o.verdict.class === 'out');
      classes[out ? 'out' : 'in'] += 1;
    }
    // both kinds of company, so that a ranking can be scored at all
    expect(classes.out).toBeGreaterThanOrEqual(4);
    expect(classes.in).toBeGreaterThanOrEqual(4);
  });
});
