import { ShakeoutError, formatIssues } from '../core/index.js';
import type { Issue } from '../core/index.js';
import type { Fact } from './fact.js';
import { factToRecord } from './io/fact-to-record.js';
import { atHeader } from './io/header-issues.js';
import { recordToInput } from './io/record-to-input.js';
import { factDifferences, factSignature, prepareFact } from './prepare-fact.js';
import type { Column, PrepareContext } from './prepare-fact.js';
import type { ImportOptions } from './store.js';

/** A fact an import will add, with the unit text as given and where each of its fields came from. */
export interface PlannedFact {
  readonly fact: Fact;
  readonly perGiven: string | null;
  readonly where: (c: Column) => (string | number)[];
}

/**
 * What importing `records` into a ledger that holds `existing` would do,
 * decided before anything is written, the same for every backend: each
 * record read and checked, every issue located in its file (line, column;
 * a YAML field's own line), ids already stored with the same content set
 * aside as unchanged, links (supersedes, derived_from, same_as) checked
 * against the store and the batch, and the facts to add ordered so that
 * every fact comes after those it refers to. Throws a 400 ShakeoutError
 * listing every issue when there is one.
 */
export function planFactImport(records: readonly unknown[], options: ImportOptions, ctx: PrepareContext, existing: ReadonlyMap<string, Fact>): { ordered: PlannedFact[]; unchanged: string[] } {
  const file = options.file ?? 'input';
  const issues: Issue[] = [];
  const batch: PlannedFact[] = [];
  const unchanged: string[] = [];
  const inBatch = new Map<string, number>();

  records.forEach((raw, i) => {
    const line = options.lines?.[i];
    const rec = [line !== undefined ? `${file} line ${line}` : `${file} record ${i + 1}`];
    const names = new Map<string, string>();
    if (raw && typeof raw === 'object') for (const k of Object.keys(raw)) names.set(k.trim().toLowerCase().replace(/[\s-]+/g, '_'), k.trim());
    const columnName = (c: string): string => {
      if (names.has(c)) return names.get(c)!;
      if (c === 'value_as_written' && names.has('value')) return names.get('value')!;
      if (c === 'note' && names.has('notes')) return names.get('notes')!;
      return c;
    };
    const fields = options.fieldLines?.[i];
    const recordAt = (c: string): (string | number)[] => {
      const fl = fields?.[columnName(c)];
      return fl !== undefined ? [`${file} line ${fl}`] : rec;
    };
    const where = (c: Column): (string | number)[] => [...recordAt(c), `column ${columnName(c)}`];
    const r = recordToInput(raw, { record: rec, columnName, recordAt });
    if (!r.ok) {
      issues.push(...r.issues);
      return;
    }
    const p = prepareFact(r.input, ctx, where);
    if (!p.ok) {
      issues.push(...p.issues);
      return;
    }
    const f = p.fact;
    const old = existing.get(f.id);
    if (old) {
      if (factSignature(old) === factSignature(f)) unchanged.push(f.id);
      else issues.push(storedFactDiffers(old, f, r.input.id != null && String(r.input.id).trim() !== '', where));
      return;
    }
    if (inBatch.has(f.id)) {
      const j = inBatch.get(f.id)!;
      if (factSignature(batch[j]!.fact) === factSignature(f)) unchanged.push(f.id);
      else issues.push({ code: 'duplicate_id', path: where('id'), message: `expected each id once in the file, got "${f.id}" again with different content` });
      return;
    }
    inBatch.set(f.id, batch.length);
    batch.push({ fact: f, perGiven: r.input.per ?? null, where });
  });

  // links: supersedes and derivation inputs, against the store and the batch
  const supersededBy = new Map<string, string>();
  for (const f of existing.values()) if (f.supersedes) supersededBy.set(f.supersedes, f.id);
  for (const { fact: f, where } of batch) {
    if (f.supersedes) {
      if (!existing.has(f.supersedes) && !inBatch.has(f.supersedes)) {
        issues.push({ code: 'unknown_fact', path: where('supersedes'), message: `expected the id of a stored fact or of a fact in this file, got "${f.supersedes}"` });
      } else if (supersededBy.has(f.supersedes)) {
        issues.push({ code: 'already_superseded', path: where('supersedes'), message: `expected a current fact, got "${f.supersedes}", already corrected by ${supersededBy.get(f.supersedes)}` });
      } else supersededBy.set(f.supersedes, f.id);
    }
    for (const input of f.derivedFrom?.inputs ?? []) {
      if (!existing.has(input) && !inBatch.has(input)) {
        issues.push({ code: 'unknown_fact', path: where('derived_from'), message: `expected ids of stored facts or of facts in this file, got "${input}"` });
      }
    }
    if (f.sameAs) {
      const other = existing.get(f.sameAs) ?? (inBatch.has(f.sameAs) ? batch[inBatch.get(f.sameAs)!]!.fact : undefined);
      const why = sameAsMismatch(f, other);
      if (why) issues.push({ code: other ? 'same_as_mismatch' : 'unknown_fact', path: where('same_as'), message: why });
    }
  }
  if (issues.length) {
    const found = atHeader(issues, file, options.headerLine);
    throw new ShakeoutError(`${file}: ${found.length} problem${found.length === 1 ? '' : 's'}, nothing imported\n${formatIssues(found)}`, { issues: found, status: 400 });
  }

  // insert dependencies first (FKs are checked at once)
  const ordered: typeof batch = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (i: number): void => {
    const item = batch[i]!;
    const st = state.get(item.fact.id);
    if (st === 'done') return;
    if (st === 'visiting') {
      throw new ShakeoutError(`${file}: facts refer to each other in a cycle through ${item.fact.id}`, { issues: [{ code: 'cycle', path: item.where('id'), message: `expected no cycle of supersedes/derived_from/same_as, got one through ${item.fact.id}` }] });
    }
    state.set(item.fact.id, 'visiting');
    for (const dep of [item.fact.supersedes, item.fact.sameAs, ...(item.fact.derivedFrom?.inputs ?? [])]) {
      if (dep && inBatch.has(dep)) visit(inBatch.get(dep)!);
    }
    state.set(item.fact.id, 'done');
    ordered.push(item);
  };
  batch.forEach((_, i) => visit(i));
  return { ordered, unchanged };
}

/**
 * A record that is a stored fact again with some fields changed. With an id
 * of its own the id is taken ('id_conflict', at the id column); without one
 * its id was derived from the content that makes a fact (entity, metric,
 * value, period, scope, source ...), so the row is that fact again and the
 * issue is at the first column that differs ('stored_fact_differs'). Either
 * way it names the columns that differ, with both values, and what the user
 * can do: a stored fact is never changed in place; a correction supersedes it.
 */
function storedFactDiffers(old: Fact, f: Fact, ownId: boolean, where: (c: Column) => (string | number)[]): Issue {
  const cols = factDifferences(old, f);
  const values = (c: Column): string => {
    const rec = (x: Fact): Record<string, unknown> => factToRecord(x) as unknown as Record<string, unknown>;
    const v = (x: unknown): string => (x == null || x === '' ? 'nothing' : JSON.stringify(String(x)));
    return `${c}: stored ${v(rec(old)[c])}, here ${v(rec(f)[c])}`;
  };
  const differs = cols.length ? `; it differs in ${cols.map(values).join('; ')}` : '';
  const fix = `a stored fact is not changed by importing it again: to change it, give this row the column supersedes with ${old.id} (a correction, which keeps the old one in its history), or run shakeout facts correct ${old.id} (HTTP: POST /api/facts/${old.id}/corrections)`;
  if (ownId) {
    return { code: 'id_conflict', path: where('id'), message: `expected a new id or the same content as the stored fact ${old.id}, got different content${differs}; ${fix}`, got: old.id, ...(cols.length ? { expected: cols.join(', ') } : {}) };
  }
  return {
    code: 'stored_fact_differs',
    path: where(cols[0] ?? 'id'),
    message: `this row is the stored fact ${old.id} (the same entity, metric, value, period and source)${differs}; ${fix}`,
    got: old.id,
    ...(cols.length ? { expected: cols.join(', ') } : {}),
  };
}

/**
 * Why `f` cannot say it reports the same thing as `other`, or null when it
 * can: the other fact must exist and be of the same entity and metric.
 */
export function sameAsMismatch(f: Fact, other: Fact | undefined): string | null {
  if (!other) return `expected the id of a stored fact or of a fact in this file, got "${f.sameAs}"`;
  if (other.entity !== f.entity || other.metric !== f.metric) {
    return `expected a fact of the same entity and metric (${f.entity} ${f.metric}), got "${other.id}", a fact of ${other.entity} ${other.metric}`;
  }
  return null;
}
