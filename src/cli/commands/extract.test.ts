import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCaptured as cli } from '../run-captured.js';

let dir: string;
let db: string;
let article: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-extract-'));
  db = join(dir, 'ledger.db');
  article = join(dir, 'article.html');
  writeFileSync(
    article,
    '<html><head><title>Two labs</title></head><body><p>Anthropic raised $4 billion in 2024, according to PitchBook.</p>' +
      '<p>Zephyr Labs raised $2 billion. OpenAI has about 3,000 employees and was founded in 2015.</p></body></html>',
  );
});

describe('shakeout extract', () => {
  it('prints the figures with their proposals, the numbers left out, and writes a review file that facts import refuses until unknown rows are fixed', async () => {
    const out = join(dir, 'review.yaml');
    const r = await cli(['--db', db, 'extract', article, '--source', 'Test Wire', '--published', '2025-01-03', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\$4B\s+anthropic\s+funding\s+2024\s+reported via PitchBook/);
    expect(r.out).toMatch(/5 numbers seen: 3 figures, 2 left out/);
    expect(r.out).toMatch(/about 3,000 employees\s+3k \(about\)\s+openai\s+headcount\s+as of 2025-01/);
    expect(r.out).toMatch(/2 a year/);
    expect(r.out).toMatch(/review file: .*review\.yaml \(1 row with an unknown entity or metric\)/);
    const rows = parse(readFileSync(out, 'utf8')) as Record<string, string>[];
    expect(rows.map((row) => [row['entity'], row['metric'], row['value_as_written'], row['publisher']])).toEqual([
      ['Anthropic', 'funding', '$4 billion', 'PitchBook'],
      ['unknown', 'funding', '$2 billion', 'Test Wire'],
      ['OpenAI', 'headcount', 'about 3,000 employees', 'Test Wire'],
    ]);
    expect(rows[0]!['title']).toBe('cited in Test Wire, Two labs');
    expect(readFileSync(out, 'utf8')).toMatch(/# sentence: Anthropic raised \$4 billion in 2024, according to PitchBook\./);

    const refused = await cli(['--db', db, 'facts', 'import', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/review\.yaml line \d+, column entity: expected a known entity .*got "unknown"/);
    expect((await cli(['--db', db, 'facts', 'list', '--entity', 'Anthropic', '--json'])).out).not.toMatch(/\$4 billion/);

    writeFileSync(out, readFileSync(out, 'utf8').replace('entity: unknown', 'entity: OpenAI'));
    const ok = await cli(['--db', db, 'facts', 'import', out]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
  });

  it('prints JSON with --json, and refuses a bad --published and a missing file, naming them', async () => {
    const r = await cli(['--db', db, 'extract', article, '--json', '--published', '2025-01-03']);
    expect(r.code).toBe(0);
    const x = JSON.parse(r.out) as { lang: string; figures: { text: string; entity: { id: string } | null; record: Record<string, string> }[]; skipped: { reason: string }[] };
    expect(x.lang).toBe('en');
    expect(x.figures.map((f) => f.entity?.id ?? null)).toEqual(['anthropic', null, 'openai']);
    expect(x.figures[0]!.record['publisher']).toBe('PitchBook');
    expect(x.skipped.map((k) => k.reason)).toEqual(['a year', 'a year']);
    const bad = await cli(['--db', db, 'extract', article, '--published', 'May 2024']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--published.*"May 2024"/);
    const missing = await cli(['--db', db, 'extract', join(dir, 'missing.md')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing\.md/);
  });
});
