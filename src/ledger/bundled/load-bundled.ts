import type { KyselyStore } from '../kysely-store.js';
import { articleFacts, bundledEntities, bundledEvents, epochFacts, epochModels, owidFacts, referenceFacts } from './adapters.js';

/** The entities every database has: data/entities.yaml and Epoch's models. */
export async function seedBundledEntities(store: KyselyStore, dataDir: string): Promise<number> {
  return store.seedEntities([...bundledEntities(dataDir), ...epochModels(dataDir)]);
}

/**
 * Loads the bundled facts and events: the article's F1..F24, the OWID series,
 * the reference facts and Epoch's training costs. Idempotent: ids are stable
 * and a fact already stored with the same content is skipped.
 */
export async function loadBundledData(store: KyselyStore, dataDir: string): Promise<{ added: number; unchanged: number; events: number }> {
  await seedBundledEntities(store, dataDir);
  let added = 0;
  let unchanged = 0;
  for (const file of [articleFacts(dataDir), owidFacts(dataDir), referenceFacts(dataDir), epochFacts(dataDir)]) {
    const r = await store.importFacts(file.records, file);
    added += r.added.length;
    unchanged += r.unchanged.length;
  }
  const events = await store.seedEvents(bundledEvents(dataDir));
  return { added, unchanged, events };
}
