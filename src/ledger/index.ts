// The public face of the ledger: facts with provenance behind the Store seam.
export * from './vocabulary.js';
export * from './source.js';
export * from './fact.js';
export * from './entity.js';
export * from './ledger-event.js';
export * from './conflict.js';
export * from './store.js';
export * from './fx-rate.js';
export * from './open-store.js';
export * from './default-db-path.js';
export * from './io/fact-record.js';
export * from './io/fact-files.js';
export * from './io/fact-to-record.js';
export { loadFxTable, loadCpiTable } from './bundled/tables.js';
export { bundledDataDir } from './bundled/data-dir.js';
export { loadBundledData } from './bundled/load-bundled.js';
export { KyselyStore } from './kysely-store.js';
export type { EntitySeed, EventSeed } from './seed-types.js';
