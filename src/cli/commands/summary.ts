import type { Command } from 'commander';
import { bundledDataDir, unreadBundledRows, withLedger, ledgerLocation, storeAsOf, type LedgerSummary, type UnreadRow } from '../../app/index.js';
import { type Output, toJson } from '../output.js';
import { ledgerOptions } from '../globals.js';
import { asOfOutput } from '../render-analysis.js';
import { renderTable } from '../table.js';

/** A count table, largest first; past `limit` rows the rest are summed into one line. */
function counts(title: string, rec: Readonly<Record<string, number>>, limit = Infinity): string {
  const all = Object.entries(rec).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const rows = all.slice(0, limit);
  if (all.length > limit) {
    const rest = all.slice(limit);
    rows.push([`(${rest.length} more)`, rest.reduce((t, r) => t + r[1], 0)]);
  }
  return renderTable(rows, [{ header: title, get: (r) => r[0] }, { header: 'facts', get: (r) => String(r[1]), align: 'right' }]);
}

/** The ledger's summary as text: what it holds, from which sources, over which periods. */
export function summaryText(s: LedgerSummary, db: string, unread: readonly UnreadRow[] = []): string {
  const out: string[] = [];
  out.push(`Shakeout ledger: ${db}`);
  out.push(`${s.facts.current} current facts (${s.facts.superseded} superseded), ${s.entities} entities, ${s.events} events, ${s.outcomes} outcomes, ${s.sources.length} sources` +
    (s.periods ? `; periods ${s.periods.start} to ${s.periods.end}` : ''));
  out.push('', counts('kind', s.byKind), '', counts('metric', s.byMetric), '', counts('entity', s.byEntity, 15), '');
  out.push(renderTable([...s.sources].sort((a, b) => b.facts - a.facts || b.outcomes - a.outcomes), [
    { header: 'source', get: (r) => r.source.publisher, max: 40 },
    { header: 'title', get: (r) => r.source.title ?? '', max: 48 },
    { header: 'published', get: (r) => (r.source.published ?? '') + (r.source.publishedEstimated ? ' (inferred)' : '') },
    { header: 'facts', get: (r) => String(r.facts), align: 'right' },
    { header: 'outcomes', get: (r) => String(r.outcomes), align: 'right' },
  ]));
  if (unread.length) {
    out.push('', `Bundled rows not loaded (the figure reader refuses their value; nothing was read in their place):`);
    for (const u of unread) out.push(`  ${u.file} line ${u.line}: ${u.reason}`);
  }
  return out.join('\n');
}

export function registerSummary(program: Command, io: Output): void {
  program
    .command('summary')
    .description("the ledger's summary: facts by kind, metric, entity and source")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const ledger = ledgerOptions(cmd);
      const db = ledgerLocation(ledger.db);
      const { s, asOf } = await withLedger(ledger, async (store) => ({ s: await store.summary(), asOf: storeAsOf(store) }));
      const unread = unreadBundledRows(bundledDataDir());
      io.out(opts.json ? toJson({ db, ...s, unreadBundledRows: unread, ...(asOf ? { asOf } : {}) }) : asOfOutput(asOf, false, 'summary', s, () => summaryText(s, db, unread)));
    });
}
