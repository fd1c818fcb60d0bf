import { ShakeoutError } from '../core/index.js';
import type { Backend, BackendName } from './backend.js';

/**
 * The store backends by name, each in its own folder and loaded only when a
 * ledger of its kind is opened (a SQLite user never loads pg, and `shakeout
 * parse` loads neither).
 */
export const BACKENDS: Readonly<Record<BackendName, () => Promise<Backend>>> = {
  sqlite: async () => (await import('./sqlite/sqlite-backend.js')).sqliteBackend,
  postgres: async () => (await import('./postgres/postgres-backend.js')).postgresBackend,
};

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Which backend a location names: a `postgres://` or `postgresql://` URL is
 * PostgreSQL; a file path or ':memory:' is SQLite. Any other URL scheme is
 * refused (rather than taken for a file name).
 */
export function backendOf(location: string): BackendName {
  const scheme = URL_SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'file') return 'sqlite';
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  const message = `expected a SQLite file path or a postgres:// URL, got a ${scheme}:// URL (${redactLocation(location)})`;
  throw new ShakeoutError(`cannot open the ledger: ${message}`, { status: 400, issues: [{ code: 'unknown_backend', path: ['db'], message }] });
}

/** The location with any password replaced by `***`, for messages and logs. */
export function redactLocation(location: string): string {
  return location.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^/@]*@/i, '$1***@');
}

/** The backend for a location (see {@link backendOf}). */
export async function backendFor(location: string): Promise<Backend> {
  return BACKENDS[backendOf(location)]();
}
