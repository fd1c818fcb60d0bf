import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured as cli } from './run-captured.js';

const dir = mkdtempSync(join(tmpdir(), 'shakeout-import-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const header = 'entity,metric,value_as_written,period,publisher\n';

describe('facts import of hostile files: exit 2 and a message', () => {
  it('refuses a Latin-1 file, and imports it when --encoding latin1 says what it is', async () => {
    const p = file('latin1.csv', Buffer.concat([Buffer.from(header + 'OpenAI,revenue,$2B,2023,Les '), Buffer.from([0xc9]), Buffer.from('chos\n')]));
    const db = join(dir, 'enc.db');
    const refused = await cli(['--db', db, '--no-bundled-data', 'facts', 'import', p]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('latin1.csv line 2: expected UTF-8 text');
    expect((await cli(['--db', db, '--no-bundled-data', 'facts', 'import', p, '--encoding', 'utf-7'])).code).toBe(2);
    const ok = await cli(['--db', db, '--no-bundled-data', 'facts', 'import', p, '--encoding', 'latin1']);
    expect(ok.code, ok.err).toBe(0);
    expect((await cli(['--db', db, '--no-bundled-data', 'facts', 'list', '--json'])).out).toContain('Les Échos');
  });

  it('refuses JSON nested 100,000 deep and a YAML alias bomb with exit 2 and a message, not a stack trace', async () => {
    const deep = file('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    const r = await cli(['--db', join(dir, 'deep.db'), '--no-bundled-data', 'facts', 'import', deep]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('expected records at most 32 levels deep');
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const yaml = file('bomb.yaml', bomb.join('\n') + '\n');
    const y = await cli(['--db', join(dir, 'deep.db'), '--no-bundled-data', 'facts', 'import', yaml]);
    expect(y.code).toBe(2);
    expect(y.err).toMatch(/bomb\.yaml: expected YAML of plain records, got aliases/);
    expect(y.err).not.toMatch(/\n\s+at /);
  });

});
