import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ShakeoutError, makeFxTable } from '../../core/index.js';
import type { CpiTable, FxTable } from '../../core/index.js';

/** data/fx-usd-cny.csv as an FxTable: CNY per USD, annual and quarterly averages, each row with its source. */
export function loadFxTable(dataDir: string): FxTable {
  const rows = parse(readFileSync(join(dataDir, 'fx-usd-cny.csv'), 'utf8'), { columns: true, bom: true, trim: true }) as Record<string, string>[];
  return makeFxTable(
    'fx-usd-cny.csv',
    rows.map((r) => ({ period: r['period']!, cnyPerUsd: Number(r['cny_per_usd']), description: r['kind'] ?? '', source: r['source'] ?? '' })),
  );
}

/** data/us-cpi-u.csv as a CpiTable: US CPI-U annual averages (BLS). */
export function loadCpiTable(dataDir: string): CpiTable {
  const rows = parse(readFileSync(join(dataDir, 'us-cpi-u.csv'), 'utf8'), { columns: true, bom: true, trim: true }) as Record<string, string>[];
  return {
    name: 'us-cpi-u.csv',
    rows: rows.map((r) => {
      const year = Number(r['year']);
      const index = Number(r['cpi_u_annual_average']);
      if (!Number.isInteger(year) || !(index > 0)) throw new ShakeoutError(`us-cpi-u.csv: bad row ${JSON.stringify(r)}`);
      return { year, index, source: r['source'] ?? '' };
    }),
  };
}
