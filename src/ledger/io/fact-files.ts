import { readFile, stat } from 'node:fs/promises';
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
  /** CSV: the line of the header row (1 unless blank lines come first), where column problems are reported. */
  readonly headerLine?: number;
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

/**
 * Parses facts as text. CSV needs a header row (each column once); JSON and
 * YAML an array of records (JSON at most `MAX_JSON_DEPTH` deep with each key
 * once in an object, YAML with at most `MAX_YAML_ALIASES` aliases and each
 * key once). No field may be longer than `MAX_FIELD_CHARS`.
 */
export function parseFactText(text: string, format: FactFileFormat, file = `facts.${format}`): ParsedFactFile {
  const parsed = parseRecords(text, format, file);
  parsed.records.forEach((r, i) => {
    if (typeof r !== 'object' || r === null) return;
    for (const [k, v] of Object.entries(r)) {
      if (typeof v === 'string' && v.length > MAX_FIELD_CHARS) {
        throw new ShakeoutError(`${file} line ${parsed.lines[i]}, column ${k}: expected at most ${MAX_FIELD_CHARS.toLocaleString('en')} characters, got ${v.length.toLocaleString('en')}`, {
          status: 400, issues: [{ code: 'field_too_long', path: [`${file} line ${parsed.lines[i]}`, k], message: `expected at most ${MAX_FIELD_CHARS} characters, got ${v.length}` }],
        });
      }
    }
  });
  return parsed;
}

/**
 * Refuses JSON nested deeper than `MAX_JSON_DEPTH` or with a key twice in one
 * object (JSON.parse would keep the last silently), naming the line. A scan
 * of the text, before it is parsed.
 */
function checkJsonShape(text: string, file: string): void {
  const stack: { keys: Set<string> | null; expectKey: boolean }[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          return; // malformed: JSON.parse says where
        }
        if (top.keys.has(key)) throw fileError(file, line, `expected each key once in an object, got "${key}" twice (which one holds the value?)`, 'duplicate_key');
        top.keys.add(key);
        top.expectKey = false;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      if (stack.length >= MAX_JSON_DEPTH) throw fileError(file, line, `expected records at most ${MAX_JSON_DEPTH} levels deep, got deeper nesting`, 'too_deep');
      stack.push({ keys: c === 123 ? new Set() : null, expectKey: c === 123 });
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
  }
}

function parseRecords(text: string, format: FactFileFormat, file: string): ParsedFactFile {
  if (format === 'csv') {
    try {
      const rows = parseCsv(text, {
        bom: true, skip_empty_lines: true, trim: true, info: true, raw: true, record_delimiter: ['\r\n', '\n', '\r'],
        columns: (header: string[]) => {
          const seen = new Set<string>();
          for (const h of header) {
            if (seen.has(h)) throw fileError(file, 1, `expected each column once, got "${h}" twice (which one holds the value?)`, 'duplicate_column');
            seen.add(h);
          }
          return header;
        },
      }) as unknown as {
        record: Record<string, string>;
        info: { lines: number };
        raw: string;
      }[];
      // info.lines is where a record ends; a quoted cell may span lines
      const start = (r: { info: { lines: number }; raw: string }): number => r.info.lines - (r.raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\r\n|\n|\r/g)?.length ?? 0);
      // Neutralised cells are restored here, not in csv-parse's `cast`: a cast makes it build a context object per field, a quarter of a large import's time.
      for (const r of rows) for (const k of Object.keys(r.record)) r.record[k] = restoreCell(r.record[k]!);
      const headerLine = (text.replace(/^\uFEFF/, '').match(/^(?:[ \t]*(?:\r\n|\n|\r))*/)![0].match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
      return { file, records: rows.map((r) => r.record), lines: rows.map(start), headerLine };
    } catch (e) {
      if (e instanceof CsvError) {
        const line = (e as CsvError & { lines?: number }).lines;
        throw fileError(file, line, `expected well-formed CSV with a header row, got: ${e.message}`, 'invalid_csv');
      }
      throw e;
    }
  }
  if (format === 'json') {
    checkJsonShape(text, file);
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw fileError(file, undefined, `expected YAML of plain records, got aliases that expand past ${MAX_YAML_ALIASES} nodes (${(e as Error).message}); write the records out`, 'yaml_aliases');
  }
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

/** The largest file read for import, in bytes (docs/limits.md): 64 MiB, some 200,000 facts. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The longest field of a record, in characters (docs/limits.md): a note or a title, not a document. */
export const MAX_FIELD_CHARS = 10_000;
/** How deep a JSON file may nest arrays and objects (docs/limits.md): records are flat, so a few levels. */
export const MAX_JSON_DEPTH = 32;
/** How many YAML aliases a file may expand (docs/limits.md): more is how an alias bomb works. */
export const MAX_YAML_ALIASES = 100;

/** Encodings a file may be declared in (`--encoding`); without one it must be UTF-8. */
export type TextEncoding = 'utf8' | 'latin1' | 'utf16le';
export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf8', 'latin1', 'utf16le'];

/**
 * Reads a text file for import: at most `MAX_FILE_BYTES`, in UTF-8 unless
 * `encoding` says otherwise, with no NUL character. Bytes that are not UTF-8
 * are refused naming the first bad line and byte (a Latin-1 "é" would
 * otherwise become U+FFFD silently), and saying which `--encoding` to give.
 */
export async function readTextFile(path: string, encoding: TextEncoding = 'utf8'): Promise<string> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) throw fileError(file, undefined, `expected a file of at most ${MAX_FILE_BYTES / 1024 / 1024} MiB, got ${(size / 1024 / 1024).toFixed(1)} MiB (split it into several imports)`, 'file_too_large');
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof ShakeoutError) throw e;
    throw new ShakeoutError(`cannot read ${path}: ${(e as Error).message}`, { status: 400, issues: [{ code: 'unreadable_file', path: [path], message: (e as Error).message }] });
  }
  let text: string;
  if (encoding === 'utf8') {
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (utf16) throw fileError(file, 1, 'expected UTF-8 text, got a UTF-16 byte-order mark: give --encoding utf16le (or save the file as UTF-8)', 'not_utf8');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const { line, column, byte } = firstBadUtf8(bytes);
      throw fileError(file, line, `expected UTF-8 text, got byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at column ${column}, which is not UTF-8; if the file is Latin-1 (Windows-1252) or UTF-16, say so with --encoding latin1 or --encoding utf16le`, 'not_utf8');
    }
  } else {
    text = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : 'utf-16le').decode(bytes);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length;
    throw fileError(file, line, `expected text, got a NUL character (byte 0) at column ${nul - text.lastIndexOf('\n', nul - 1)}: the file is binary or in another encoding${encoding === 'utf8' ? ' (UTF-16 without a byte-order mark? give --encoding utf16le)' : ''}`, 'nul_byte');
  }
  return text;
}

/** Where the first byte that is not UTF-8 is: its line and column (1-based, in bytes) and the byte. */
function firstBadUtf8(bytes: Buffer): { line: number; column: number; byte: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      // a byte that cut a pending sequence short: report where that sequence began (a Latin-1 "é" before an ASCII letter)
      let at = i;
      if (b < 0x80 || b >= 0xc0) {
        let j = i - 1;
        while (j >= lineStart && j > i - 4 && (bytes[j]! & 0xc0) === 0x80) j--;
        if (j >= lineStart && bytes[j]! >= 0xc0) at = j;
      }
      return { line, column: at - lineStart + 1, byte: bytes[at]! };
    }
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: bytes.length - lineStart + 1, byte: bytes[bytes.length - 1] ?? 0 };
}

/** Reads a facts file (format from its extension), checked as `readTextFile` says. */
export async function readFactFile(path: string, encoding: TextEncoding = 'utf8'): Promise<ParsedFactFile> {
  const format = formatOf(path);
  return parseFactText(await readTextFile(path, encoding), format, basename(path));
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
