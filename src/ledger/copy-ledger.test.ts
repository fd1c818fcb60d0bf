import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyLedgerBetween } from './copy-ledger.js';
import { openStore } from './open-store.js';
import { createTestDatabase, createTestSchema, dropTestDatabase, pgTestServer } from './postgres/pg-test-database.js';
import { rejection } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'shakeout-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a ledger holds, as the Store reads it: facts with their history, entities, sources, events, outcomes, rates. */
async function everything(location: string): Promise<unknown> {
  const s = await openStore({ path: location, loadBundled: false });
  try {
    return {
      facts: await s.exportFacts({ includeSuperseded: true }),
      entities: await s.listEntities(),
      sources: await s.listSources(),
      events: await s.listEvents(),
      outcomes: await s.listOutcomes(),
      fx: await s.listFxRates(),
      summary: await s.summary(),
    };
  } finally {
    await s.close();
  }
}

/** A ledger with the bundled data, a correction, a new entity with a parent, a user FX rate and an outcome. */
async function richLedger(location: string): Promise<void> {
  const s = await openStore({ path: location });
  await s.correctFact('F24', { id: 'F24-fix', value: '近1000亿美元' });
  await s.addEntity({ id: 'acme-ai', nameEn: 'Acme AI', nameZh: '阿克米', kind: 'company', aliases: ['Acme'] });
  await s.addEntity({ id: 'acme-chat', nameEn: 'Acme Chat', kind: 'product', parent: 'acme-ai' });
  await s.addFact({ id: 'acme-1', entity: 'Acme Chat', metric: 'revenue', value: '约2亿元', period: '2024', source: { publisher: '某媒体', published: '2024-03-01' } });
  await s.addFxRates([{ month: '2026-07', currency: 'EUR', per_usd: '0.91', source: 'ECB' }]);
  await s.addOutcome({ entity: 'acme-ai', date: '2025-01-02', type: 'shutdown', detail: 'closed', publisher: 'P', url: 'https://example.com/a', published: '2025-01-02', out: 'yes' });
  await s.close();
}

describe('db copy between SQLite files', () => {
  it('copies everything, history included, and refuses a non-empty target unless told', async () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    await richLedger(a);
    const before = await everything(a);
    const r = await copyLedgerBetween(a, b);
    expect(r.tables.find((t) => t.table === 'fact')!.rows).toBeGreaterThan(290);
    expect(await everything(b)).toEqual(before);
    expect(await everything(a)).toEqual(before);
    const e = await rejection(copyLedgerBetween(a, b));
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/cannot copy to .*b\.db: it is not empty \(\d+ entity, .*\); nothing was changed\. Give --replace/);
    const again = await copyLedgerBetween(a, b, { replace: true });
    expect(again.replaced.find((t) => t.table === 'fact')!.rows).toBe(r.tables.find((t) => t.table === 'fact')!.rows);
    expect(await everything(b)).toEqual(before);
  });

  it('refuses a source that does not exist, and a copy onto itself', async () => {
    expect((await rejection(copyLedgerBetween(join(dir, 'missing.db'), join(dir, 'x.db')))).message).toMatch(/missing\.db: no such file/);
    expect((await rejection(copyLedgerBetween(join(dir, 'a.db'), join(dir, 'a.db')))).message).toMatch(/onto itself/);
  });
});

const server = pgTestServer();
describe.skipIf(!server.url && !server.mustRun)(`db copy SQLite -> PostgreSQL -> SQLite${server.url ? '' : ` (skipped: ${server.skipReason})`}`, () => {
  let dbUrl = '';
  beforeAll(async () => {
    if (!server.url) throw new Error(`CI=true, but ${server.skipReason}`);
    dbUrl = await createTestDatabase(server.url, 'copy');
  });
  afterAll(async () => {
    if (dbUrl && server.url) await dropTestDatabase(server.url, dbUrl);
  });

  it('moves a ledger to PostgreSQL and back with nothing lost', async () => {
    const a = join(dir, 'pg-a.db');
    const back = join(dir, 'pg-back.db');
    await richLedger(a);
    const before = await everything(a);
    const pg = await createTestSchema(dbUrl, 'ledger');
    await copyLedgerBetween(a, pg);
    expect(await everything(pg)).toEqual(before);
    await copyLedgerBetween(pg, back);
    expect(await everything(back)).toEqual(before);
    // the copy on PostgreSQL is a working ledger: it takes a correction, which the original never saw
    const s = await openStore({ path: pg });
    await s.correctFact('acme-1', { value: '约3亿元' });
    expect((await s.history('acme-1')).length).toBe(2);
    await s.close();
    expect((await rejection(copyLedgerBetween(a, pg))).status).toBe(409);
  });
});
