import type { LedgerStore } from '../ledger-store.js';
import { articleFacts, bundledEntities, companyOutcomes, bundledEvents, companyFacts, epochFacts, epochModels, owidFacts, referenceFacts, type UnreadRow } from './adapters.js';

/** The entities every database has: data/entities.yaml and Epoch's models. */
export async function seedBundledEntities(store: LedgerStore, dataDir: string): Promise<number> {
  return store.seedEntities([...bundledEntities(dataDir), ...epochModels(dataDir)]);
}

/**
 * Loads the bundled facts, events and outcomes: the article's F1..F24, the
 * OWID series, the reference facts, the sourced company facts, Epoch's
 * training costs and what happened to the companies (company-outcomes.csv).
 * Idempotent: ids are stable and a fact already stored with the same content
 * is skipped. `unread` lists the rows of company-facts.csv the figure reader
 * refuses (left out, with the reader's reason).
 */
export async function loadBundledData(store: LedgerStore, dataDir: string): Promise<{ added: number; unchanged: number; events: number; outcomes: number; unread: readonly UnreadRow[] }> {
  await seedBundledEntities(store, dataDir);
  let added = 0;
  let unchanged = 0;
  const company = companyFacts(dataDir);
  for (const file of [articleFacts(dataDir), owidFacts(dataDir), referenceFacts(dataDir), company, epochFacts(dataDir)]) {
    const r = await store.importFacts(file.records, file);
    added += r.added.length;
    unchanged += r.unchanged.length;
  }
  const events = await store.seedEvents(bundledEvents(dataDir));
  const outcomes = companyOutcomes(dataDir);
  const o = await store.importOutcomes(outcomes.records, outcomes);
  return { added, unchanged, events, outcomes: o.added.length, unread: company.unread };
}

/** The rows of the bundled company-facts.csv the figure reader refuses, each with its line and the reader's reason. */
export function unreadBundledRows(dataDir: string): readonly UnreadRow[] {
  return companyFacts(dataDir).unread;
}
