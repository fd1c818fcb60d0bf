import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';
import { fxRate } from './0002-fx-rate.js';
import { factSameAs } from './0003-fact-same-as.js';
import { sourcePublishedEstimated } from './0004-source-published-estimated.js';
import { outcome } from './0005-outcome.js';
import { revision } from './0006-revision.js';

/** All migrations, by name (sorted order is run order). Shared by every backend. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-fx-rate': fxRate,
  '0003-fact-same-as': factSameAs,
  '0004-source-published-estimated': sourcePublishedEstimated,
  '0005-outcome': outcome,
  '0006-revision': revision,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return { ...MIGRATIONS };
  },
};
