import type { Command } from 'commander';
import { copyLedgerBetween, defaultLedgerPath, migrateLedgerAt, resolveDbPath } from '../../app/index.js';
import type { CopyResult, MigrateResult } from '../../app/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';
import { toJson } from '../output.js';

function migrateText(r: MigrateResult): string {
  const latest = r.applied.at(-1) ?? 'none';
  if (!r.migrated.length) return `${r.location} (${r.backend}): up to date, at ${latest} (${r.applied.length} migrations)`;
  return [`${r.location} (${r.backend}): applied ${r.migrated.length} migration${r.migrated.length === 1 ? '' : 's'}, now at ${latest}`, ...r.migrated.map((m) => `  ${m}`)].join('\n');
}

function copyText(r: CopyResult): string {
  const total = r.tables.reduce((n, t) => n + t.rows, 0);
  const lines = [`copied ${r.from} to ${r.to}: ${total} rows in ${r.tables.length} tables, counted again in the target before it committed`];
  for (const t of r.tables) lines.push(`  ${t.table.padEnd(14)} ${String(t.rows).padStart(7)}`);
  if (r.replaced.length) lines.push(`replaced what ${r.to} held: ${r.replaced.map((h) => `${h.rows} ${h.table}`).join(', ')}`);
  return lines.join('\n');
}

/**
 * `shakeout db migrate | copy`: the ledger's database itself. `migrate`
 * brings it to the latest schema (every command does that on opening; this
 * does only that, e.g. before starting several servers on one PostgreSQL
 * database). `copy` moves a whole ledger between SQLite and PostgreSQL,
 * history and all (docs/postgres.md).
 */
export function registerDb(program: Command, io: Output): void {
  const db = program.command('db').description('the ledger database: migrate it to the latest schema, copy it between SQLite and PostgreSQL');
  db.command('migrate')
    .description('bring the ledger (--db, $SHAKEOUT_DB, $DATABASE_URL or the default) to the latest schema, loading no data')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const path = resolveDbPath(ledgerOptions(cmd, { writes: 'db migrate' }).db);
      const r = await migrateLedgerAt(path, { createFolder: path === defaultLedgerPath() });
      io.out(opts.json ? toJson(r) : migrateText(r));
    });
  db.command('copy')
    .description('copy a whole ledger (facts with their history, entities, sources, events, outcomes, your FX rates) to another database, e.g. SQLite to PostgreSQL; the target must be empty unless --replace')
    .option('--from <db>', 'the ledger to copy: a file or a postgres:// URL (default: --db, $SHAKEOUT_DB, $DATABASE_URL or the default file); only read')
    .requiredOption('--to <db>', 'where to copy it: a file or a postgres:// URL, created and migrated if new')
    .option('--replace', 'empty the target first when it holds a ledger already (in the same transaction as the copy)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { from?: string; to: string; replace?: boolean; json?: boolean }, cmd: Command) => {
      const ledger = ledgerOptions(cmd, { writes: 'db copy' });
      const from = opts.from ?? resolveDbPath(ledger.db);
      const r = await copyLedgerBetween(from, opts.to, { replace: opts.replace === true });
      io.out(opts.json ? toJson(r) : copyText(r));
    });
}
