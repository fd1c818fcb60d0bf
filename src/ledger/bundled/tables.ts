import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ShakeoutError, formatIssues, makeCpiTable, makeFxTable } from '../../core/index.js';
import type { CpiTable, FxTable, Issue } from '../../core/index.js';

/** Who publishes the bundled FX table (data/SOURCES.md has the full attribution). */
export const BUNDLED_FX_SOURCE = 'U.S. Federal Reserve H.10 via FRED';
/** Who publishes the bundled CPI table. */
export const BUNDLED_CPI_SOURCE = 'U.S. Bureau of Labor Statistics, CPI-U (U.S. city average, all items, 1982-84=100)';

/** The rows of a bundled CSV with the line each came from; a bad cell is an error naming the file, line and column. */
function readCsv(dataDir: string, file: string, columns: readonly string[]): { line: number; row: Record<string, string> }[] {
  const rows = parse(readFileSync(join(dataDir, file), 'utf8'), { columns: true, bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  const missing = columns.filter((c) => rows.length && !(c in rows[0]!.record));
  if (missing.length) throw new ShakeoutError(`${file}: expected the columns ${columns.join(', ')}, got no ${missing.join(', ')}`, { status: 500 });
  return rows.map((r) => ({ line: r.info.lines, row: r.record }));
}

function numberCell(file: string, line: number, column: string, text: string | undefined, issues: Issue[]): number {
  const n = Number(text);
  if (text === undefined || text === '' || !(Number.isFinite(n) && n > 0)) {
    issues.push({ code: 'bad_cell', path: [`${file} line ${line}`, `column ${column}`], message: `expected a positive number, got "${text ?? ''}"` });
  }
  return n;
}

function fail(file: string, issues: readonly Issue[]): never {
  throw new ShakeoutError(`${file}: bad rows\n${formatIssues(issues)}`, { issues, status: 500 });
}

/**
 * data/fx-monthly-per-usd.csv as an FxTable: monthly average rates of 13
 * currencies per US dollar, 2015-01 to 2026-06 (Federal Reserve H.10 via FRED).
 * It replaced fx-usd-cny.csv (annual and quarterly CNY rates of 2022-2024,
 * every one of them inside the monthly table's range).
 */
export function loadFxTable(dataDir: string): FxTable {
  const file = 'fx-monthly-per-usd.csv';
  const issues: Issue[] = [];
  const rows = readCsv(dataDir, file, ['month', 'currency', 'per_usd']).map(({ line, row }) => ({
    month: row['month']!, currency: row['currency']!, perUsd: numberCell(file, line, 'per_usd', row['per_usd'], issues), source: BUNDLED_FX_SOURCE, origin: 'bundled' as const,
  }));
  if (issues.length) fail(file, issues);
  return makeFxTable(file, rows);
}

/** data/us-cpi-u-monthly.csv as a CpiTable: US CPI-U by month, 2015-01 to 2026-05 (BLS). */
export function loadCpiTable(dataDir: string): CpiTable {
  const file = 'us-cpi-u-monthly.csv';
  const issues: Issue[] = [];
  const rows = readCsv(dataDir, file, ['month', 'cpi_u']).map(({ line, row }) => ({ month: row['month']!, index: numberCell(file, line, 'cpi_u', row['cpi_u'], issues) }));
  if (issues.length) fail(file, issues);
  return makeCpiTable(file, BUNDLED_CPI_SOURCE, rows);
}
