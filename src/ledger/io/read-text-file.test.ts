import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, MAX_JSON_DEPTH, parseFactText, readTextFile } from './fact-files.js';

const dir = mkdtempSync(join(tmpdir(), 'shakeout-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const header = 'entity,metric,value_as_written,period,publisher\n';

describe('hostile input files', () => {
  it('refuses Latin-1 bytes naming the line, the byte and --encoding, and reads the file when --encoding latin1 says what it is', async () => {
    const p = file('latin1.csv', Buffer.concat([Buffer.from(header + 'OpenAI,revenue,$1B,2024,Le Monde\nOpenAI,revenue,$2B,2023,Les '), Buffer.from([0xc9]), Buffer.from('chos\n')]));
    await expect(readTextFile(p)).rejects.toThrow(/latin1\.csv line 3: expected UTF-8 text, got byte 0xC9 at column 29.*--encoding latin1/);
    expect(await readTextFile(p, 'latin1')).toContain('Les Échos');
    const utf16 = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header + 'OpenAI,revenue,$3B,2022,Zeit\n', 'utf16le')]));
    await expect(readTextFile(utf16)).rejects.toThrow(/UTF-16 byte-order mark: give --encoding utf16le/);
    expect(await readTextFile(utf16, 'utf16le')).toContain('Zeit');
  });

  it('refuses NUL bytes, duplicate CSV columns and duplicate JSON keys, naming the line', async () => {
    await expect(readTextFile(file('nul.csv', header + 'OpenAI,revenue,$1B,2024,A\u0000B\n'))).rejects.toThrow(/nul\.csv line 2: expected text, got a NUL character/);
    expect(() => parseFactText('entity,metric,value_as_written,period,publisher,publisher\nOpenAI,revenue,$1B,2024,A,B\n', 'csv', 'dup.csv')).toThrow(/dup\.csv line 1: expected each column once, got "publisher" twice/);
    expect(() => parseFactText('[\n  {"entity": "OpenAI",\n   "value_as_written": "$1B", "value_as_written": "$9B"}\n]', 'json', 'dup.json')).toThrow(/dup\.json line 3: expected each key once in an object, got "value_as_written" twice/);
    expect(() => parseFactText('- entity: OpenAI\n  entity: Anthropic\n', 'yaml', 'dup.yaml')).toThrow(/dup\.yaml/);
  });

  it('refuses JSON nested 100,000 deep', () => {
    expect(() => parseFactText('['.repeat(100_000) + ']'.repeat(100_000), 'json', 'deep.json')).toThrow(`deep.json line 1: expected records at most ${MAX_JSON_DEPTH} levels deep`);
  });

  it(`refuses a field longer than ${MAX_FIELD_CHARS} characters, naming line and column`, () => {
    expect(() => parseFactText(header + `OpenAI,revenue,$1B,2024,${'x'.repeat(MAX_FIELD_CHARS + 1)}\n`, 'csv', 'long.csv')).toThrow(/long\.csv line 2, column publisher: expected at most 10,000 characters, got 10,001/);
  });
});
