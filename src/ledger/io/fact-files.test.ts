import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ShakeoutError } from '../../core/index.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { formatFacts, formatOf, neutraliseCell, parseFactText, restoreCell } from './fact-files.js';
import type { FactRecord } from './fact-record.js';

interface SyntheticLedger {
  syntheticFactsCsv(options: { n: number; seed?: number | string; prefix?: string; publishers?: number }): string;
  seededRandom(seed: number | string): () => number;
}
/** The benches' synthetic ledger (bench/synthetic-ledger.mjs), loaded by path as test fixtures are (bench/ is no layer of src). */
const { syntheticFactsCsv } = (await import(pathToFileURL(join(process.cwd(), 'bench', 'synthetic-ledger.mjs')).href)) as SyntheticLedger;

const r: FactRecord = { id: 'x1', entity: 'OpenAI', metric: 'valuation', value_as_written: '近千亿', unit: 'USD', period: 'as of 2024-05', publisher: 'P, with "quotes"', note: 'line\nbreak' };

describe('fact files', () => {
  it('reads CSV with the line of each record (quoted newlines count)', () => {
    const text = 'id,entity,metric,value,period,publisher,note\r\na,OpenAI,valuation,$80B,2024,X,"two\nlines"\n\nb,Anthropic,revenue,$1B,2024,Y,\n';
    const f = parseFactText(text, 'csv', 'f.csv');
    expect(f.records).toHaveLength(2);
    expect(f.lines).toEqual([2, 5]);
    expect((f.records[1] as Record<string, string>)['entity']).toBe('Anthropic');
  });
  it('names file and line of malformed CSV', () => {
    expect(() => parseFactText('a,b\n1,2,3\n', 'csv', 'bad.csv')).toThrow(/bad\.csv line 2: expected well-formed CSV/);
  });
  it('reads YAML and JSON with record lines', () => {
    const y = parseFactText('- id: a\n  entity: OpenAI\n\n- id: b\n  entity: Claude\n', 'yaml', 'f.yaml');
    expect(y.lines).toEqual([1, 4]);
    const j = parseFactText('[\n  {"id": "a"},\n  {\n    "id": "b", "x": {"y": 1}\n  }\n]', 'json', 'f.json');
    expect(j.lines).toEqual([2, 3]);
    expect(() => parseFactText('{"id": 1}', 'json', 'f.json')).toThrow(/expected a JSON array/);
    expect(() => parseFactText('{', 'json', 'f.json')).toThrow(ShakeoutError);
    expect(() => parseFactText('- a: [', 'yaml', 'f.yaml')).toThrow(/f\.yaml/);
  });
  it('round-trips records through every format', () => {
    for (const format of ['csv', 'json', 'yaml'] as const) {
      const back = parseFactText(formatFacts([r], format), format).records[0] as Record<string, unknown>;
      for (const [k, v] of Object.entries(r)) expect(back[k], `${format} ${k}`).toBe(v);
    }
  });
  it('knows formats by extension', () => {
    expect(formatOf('a/b.CSV')).toBe('csv');
    expect(formatOf('x.yml')).toBe('yaml');
    expect(() => formatOf('x.txt')).toThrow(/expected a file ending in .csv, .json, .yaml or .yml, got ".txt"/);
  });
});

describe('CSV and spreadsheet formulas', () => {
  const hostile: FactRecord = {
    id: 'h1', entity: 'OpenAI', metric: 'revenue', value_as_written: '-5%', period: '2024', publisher: '@SUM(A1)',
    title: '=HYPERLINK("http://evil.example","click")', url: "=cmd|' /C calc'!A0", definition: '+1+1', note: '\t=1+1', formula: "'=already quoted", scope: "''@x",
  };
  it('puts a quote before every cell that starts with = + - @ tab or CR (OWASP), and import reads them back unchanged', () => {
    const csv = formatFacts([hostile], 'csv');
    const cells = parseCsvCells(csv);
    for (const c of ['value_as_written', 'publisher', 'title', 'url', 'definition', 'note', 'formula', 'scope']) expect(cells[c]!.startsWith("'"), c).toBe(true);
    expect(cells['entity']).toBe('OpenAI');
    const back = parseFactText(csv, 'csv').records[0] as Record<string, unknown>;
    for (const [k, v] of Object.entries(hostile)) expect(back[k], k).toBe(v);
  });
  it('leaves a cell that only starts with a quote as it is, both ways', () => {
    expect(restoreCell(neutraliseCell("'quoted'"))).toBe("'quoted'");
    expect(neutraliseCell("'quoted'")).toBe("'quoted'");
    expect(restoreCell("'quoted'")).toBe("'quoted'");
    expect(neutraliseCell('\r=1')).toBe("'\r=1");
  });
});

describe('CSV reading at scale', () => {
  it('reads a large file exactly as csv-parse with a per-field cast did: same records, same lines', () => {
    // and a last row as export writes hostile cells (quoted, spaces around a cell)
    const hostile = ['h', 'openai', 'revenue', neutraliseCell('-5%'), '2024', '', ` ${neutraliseCell('@SUM(A1)')} `, '', '', '', `"${neutraliseCell('\t=1+1')}"`, '', ''].join(',');
    const text = syntheticFactsCsv({ n: 2000, seed: 'csv' }) + hostile + '\n';
    const read = parseFactText(text, 'csv', 'big.csv');
    const before = parseCsv(text, { bom: true, skip_empty_lines: true, trim: true, columns: true, record_delimiter: ['\r\n', '\n', '\r'], cast: (value, context) => (context.header ? value : restoreCell(value)) }) as Record<string, string>[];
    expect(read.records).toEqual(before);
    expect(read.records).toHaveLength(2001);
    expect(read.lines.slice(0, 3)).toEqual([2, 3, 4]);
    expect((read.records.at(-1) as Record<string, string>)['publisher']).toBe('@SUM(A1)');
  });
});

/** The cells of a one-record CSV by column, as a spreadsheet would see them (no unquoting of our own). */
function parseCsvCells(csv: string): Record<string, string> {
  const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
  return rows[0]!;
}
