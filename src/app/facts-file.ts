import { basename } from 'node:path';
import { ShakeoutError } from '../core/index.js';
import { formatOf, formatFacts, parseFactText, readTextFile, type FactFileFormat, type ImportResult, type Store, type TextEncoding } from '../ledger/index.js';

/** The file formats facts are imported from and exported to. */
export type LedgerFormat = FactFileFormat;

/**
 * Imports a facts file (CSV, JSON or YAML; format from the extension unless
 * given) all-or-nothing: one bad row leaves the ledger unchanged, and the
 * error names the file, line and column. The file is UTF-8 unless
 * `encoding` says otherwise (`readTextFile`).
 */
export async function importFactsFile(store: Store, path: string, format?: LedgerFormat, encoding?: TextEncoding): Promise<ImportResult> {
  const fmt = format ?? formatOf(path);
  const text = await readTextFile(path, encoding);
  return importFactsText(store, text, fmt, { file: basename(path) });
}

/**
 * Imports facts given as text (a file's content sent to the server), all or
 * nothing, with errors located by `file` name, line and column; `dryRun`
 * says what would be added and changes nothing.
 */
export async function importFactsText(store: Store, text: string, format: LedgerFormat, options: { file?: string; dryRun?: boolean } = {}): Promise<ImportResult> {
  const parsed = parseFactText(text, format, options.file ?? pastedName(format));
  return store.importFacts(parsed.records, { ...parsed, ...(options.dryRun ? { dryRun: true } : {}) });
}

/**
 * How errors name text given without a file name (pasted into the dashboard,
 * or sent to the API without `file`): 'the pasted CSV', never a file name the
 * user did not give.
 */
export function pastedName(format: FactFileFormat): string {
  return `the pasted ${format.toUpperCase()}`;
}

/** Every fact (corrections included unless told otherwise) as CSV, JSON or YAML text. */
export async function exportFactsText(store: Store, format: LedgerFormat, options: { includeSuperseded?: boolean } = {}): Promise<string> {
  if (!['csv', 'json', 'yaml'].includes(format)) {
    throw new ShakeoutError(`--format: expected csv, json or yaml, got "${format}"`, { status: 400 });
  }
  return formatFacts(await store.exportFacts({ includeSuperseded: options.includeSuperseded ?? true }), format);
}
