import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { LineCounter, parseDocument, stringify as stringifyYaml, isMap, isScalar, isSeq } from 'yaml';
import { ShakeoutError } from '../../core/index.js';
import { FACT_COLUMNS } from './fact-record.js';
import type { FactRecord } from './fact-record.js';

export type FactFileFormat = 'csv' | 'json' | 'yaml';

/** Records read from a file, ready for `store.importFacts(r.records, r)`. */
export interface ParsedFactFile {
  /** File name for messages (base name). */
  readonly file: string;
  readonly records: unknown[];
  /** Line of each record in the file. */
  readonly lines: number[];
  /** YAML: the line of each field of each record, by key as written. */
  readonly fieldLines?: (Record<string, number> | undefined)[];
}

/**
 * A CSV cell a spreadsheet would run as a formula starts with one of
 * = + - @ tab or carriage return (OWASP, "CSV Injection"). Export puts a
 * single quote before such a cell (and before a cell that is quotes and
 * then such a character, so the rule can be undone); import takes one off
 * again, so a round trip gives back the text exactly.
 *
 * @example neutraliseCell('=HYPERLINK("http://x")') // => '\'=HYPERLINK("http://x")'
 * @example restoreCell(neutraliseCell('-5%')) // => '-5%'
 */
export function neutraliseCell(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text `neutraliseCell` was given: one leading quote off a cell of quotes then = + - @ tab or CR. */
export function restoreCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function fileError(file: string, line: number | undefined, message: string, code = 'invalid_file'): ShakeoutError {
  const where = line === undefined ? file : `${file} line ${line}`;
  return new ShakeoutError(`${where}: ${message}`, { issues: [{ code, path: [where], message }], status: 400 });
}

/** The format a file name implies: .csv, .json, .yaml/.yml. */
export function formatOf(path: string): FactFileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  throw fileError(basename(path), undefined, `expected a file ending in .csv, .json, .yaml or .yml, got "${ext || 'no extension'}"`, 'unknown_format');
}

/** Parses facts as text. CSV needs a header row; JSON and YAML an array of records. */
export function parseFactText(text: string, format: FactFileFormat, file = `facts.${format}`): ParsedFactFile {
  if (format === 'csv') {
    try {
      const rows = parseCsv(text, {
        columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, raw: true, record_delimiter: ['\r\n', '\n', '\r'],
        cast: (value, context) => (context.header ? value : restoreCell(value)),
      }) as unknown as {
        record: Record<string, string>;
        info: { lines: number };
        raw: string;
      }[];
      // info.lines is where a record ends; a quoted cell may span lines
      const start = (r: { info: { lines: number }; raw: string }): number => r.info.lines - (r.raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\r\n|\n|\r/g)?.length ?? 0);
      return { file, records: rows.map((r) => r.record), lines: rows.map(start) };
    } catch (e) {
      if (e instanceof CsvError) {
        const line = (e as CsvError & { lines?: number }).lines;
        throw fileError(file, line, `expected well-formed CSV with a header row, got: ${e.message}`, 'invalid_csv');
      }
      throw e;
    }
  }
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw fileError(file, jsonErrorLine(text, (e as Error).message), `expected JSON, got: ${(e as Error).message}`, 'invalid_json');
    }
    if (!Array.isArray(data)) throw fileError(file, undefined, `expected a JSON array of records, got ${data === null ? 'null' : typeof data}`, 'invalid_json');
    // line of each top-level object: count newlines before each '{' at depth 1
    const lines = jsonRecordLines(text, data.length);
    return { file, records: data, lines };
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    throw fileError(file, err.linePos?.[0]?.line, `expected YAML, got: ${err.message.split('\n')[0]}`, 'invalid_yaml');
  }
  const data: unknown = doc.toJS();
  if (data == null) return { file, records: [], lines: [] };
  if (!Array.isArray(data) || !isSeq(doc.contents)) throw fileError(file, undefined, 'expected a YAML list of records', 'invalid_yaml');
  const lines = doc.contents.items.map((it) => {
    const off = (it as { range?: [number, number, number] }).range?.[0];
    return off === undefined ? 0 : lc.linePos(off).line;
  });
  const fieldLines = doc.contents.items.map((it) => {
    if (!isMap(it)) return undefined;
    const out: Record<string, number> = {};
    for (const pair of it.items) {
      const key = isScalar(pair.key) ? String(pair.key.value).trim() : undefined;
      const off = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (key !== undefined && off !== undefined) out[key] = lc.linePos(off).line;
    }
    return out;
  });
  return { file, records: data, lines, fieldLines };
}

/** The line JSON.parse's message points at ("... at position 42"), or the last line when the input ended early. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  const pos = m ? Number(m[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (pos === undefined) return undefined;
  return text.slice(0, pos).split('\n').length;
}

function jsonRecordLines(text: string, n: number): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inStr = false;
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '[' || c === '{') {
      if (depth === 1) out.push(line);
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return out.length === n ? out : Array.from({ length: n }, (_, i) => out[i] ?? 0);
}

/** Reads a facts file (format from its extension). */
export async function readFactFile(path: string): Promise<ParsedFactFile> {
  const format = formatOf(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ShakeoutError(`cannot read ${path}: ${(e as Error).message}`, { status: 400, issues: [{ code: 'unreadable_file', path: [path], message: (e as Error).message }] });
  }
  return parseFactText(text, format, basename(path));
}

/** Writes records as CSV (header row, FACT_COLUMNS order, formula-like cells neutralised: `neutraliseCell`), JSON (array, nulls dropped) or YAML. */
export function formatFacts(records: readonly FactRecord[], format: FactFileFormat): string {
  const clean = records.map((r) => Object.fromEntries(FACT_COLUMNS.map((c) => [c, r[c] ?? null]).filter(([, v]) => v !== null)));
  if (format === 'csv') {
    return stringifyCsv(
      records.map((r) => FACT_COLUMNS.map((c) => (r[c] == null ? '' : neutraliseCell(String(r[c]))))),
      { header: true, columns: [...FACT_COLUMNS] },
    );
  }
  if (format === 'json') return `${JSON.stringify(clean, null, 2)}\n`;
  return stringifyYaml(clean);
}
