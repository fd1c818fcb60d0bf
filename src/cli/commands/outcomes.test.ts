import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../run-captured.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-outcomes-'));
  db = join(dir, 'ledger.db');
});

interface Listed { id: string; entity: string; type: string; date: string; out: boolean | null; verdict: { class: string; decidedBy: string }; source: { publisher: string; published: string; publishedEstimated: boolean } }

const list = async (...args: string[]): Promise<Listed[]> => {
  const r = await cli(['--db', db, 'outcomes', 'list', ...args, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Listed[];
};

describe('shakeout outcomes', () => {
  it('a fresh ledger lists the bundled outcomes with what the rule makes of each', async () => {
    const all = await list();
    expect(all).toHaveLength(14);
    const of = (entity: string) => all.filter((o) => o.entity === entity).map((o) => `${o.date} ${o.type} ${o.verdict.class}`);
    expect(of('inflection-ai')).toEqual(['2024-03-19 acquihire_license out']);
    expect(of('stability-ai')).toEqual(['2024-03-23 leadership_exit signal', '2024-06-25 recapitalization undecided']);
    expect(of('minimax')).toEqual(['2026-01-09 ipo in']);
    const text = await cli(['--db', db, 'outcomes', 'list', '--entity', 'Stability AI']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('undecided (no out column)');
    expect(text.out).toContain('2 outcomes.');
  });

  it('add stores one outcome, names the options of a wrong one, and adds nothing the second time', async () => {
    const args = ['--db', db, 'outcomes', 'add', '--entity', 'Baichuan', '--type', 'layoffs', '--date', '2025-03-15', '--detail', 'cuts its finance enterprise team', '--source', 'LatePost', '--url', 'https://example.org/latepost', '--published', '2025-03-16'];
    const r = await cli([...args, '--json']);
    expect(r.code).toBe(0);
    const added = (JSON.parse(r.out) as { added: Listed[] }).added;
    expect(added.map((o) => `${o.entity} ${o.type} ${o.date}`)).toEqual(['baichuan-ai layoffs 2025-03-15']);
    const again = await cli(args);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 added, 1 unchanged.');
    const bad = await cli(['--db', db, 'outcomes', 'add', '--entity', 'Baichuan', '--type', 'bust', '--date', '2025-13-01', '--detail', 'x', '--source', 'y', '--url', 'https://example.org', '--published', '2025-03-16']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('outcomes add, --type: expected one of raised, ipo, acquihire_license, acquisition, recapitalization, pivot, leadership_exit, layoffs, restructured, shutdown, got "bust"');
    expect(bad.err).toContain('outcomes add, --date: expected a real date written YYYY-MM-DD (or YYYY-MM) such as 2024-03-19, got "2025-13-01"');
    expect((await list('--entity', '百川')).map((o) => o.type)).toEqual(['raised', 'layoffs', 'pivot']);
  });

  it('import reads CSV, JSON and YAML with the columns of company-outcomes.csv, all or nothing', async () => {
    const csv = join(dir, 'more.csv');
    writeFileSync(csv, [
      'entity,date,type,detail,publisher,url,published,out',
      'Stability AI,2024-06-25,acquisition,"bought by a larger rival",Example News,https://example.org/a,2024-06-26,yes',
      'Moonshot AI,2026-02-30,shutdown,"closes",Example News,https://example.org/b,2026-03-01,',
    ].join('\n'));
    const bad = await cli(['--db', db, 'outcomes', 'import', csv]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('more.csv line 3, column date: expected a real date written YYYY-MM-DD (or YYYY-MM) such as 2024-03-19, got "2026-02-30"');
    expect((await list('--entity', 'Stability AI'))).toHaveLength(2);

    const json = join(dir, 'more.json');
    writeFileSync(json, JSON.stringify([{ entity: 'Stability AI', date: '2024-06-25', type: 'acquisition', detail: 'bought by a larger rival', publisher: 'Example News', url: 'https://example.org/a', published: '2024-06-26', out: 'yes' }]));
    expect((await cli(['--db', db, 'outcomes', 'import', json])).out).toContain('1 added, 0 unchanged.');
    const yaml = join(dir, 'more.yaml');
    writeFileSync(yaml, '- entity: Stability AI\n  date: 2024-06-25\n  type: acquisition\n  detail: bought by a larger rival\n  publisher: Example News\n  url: https://example.org/a\n  published: 2024-06-26\n  out: yes\n');
    expect((await cli(['--db', db, 'outcomes', 'import', yaml])).out).toContain('0 added, 1 unchanged.');
    const stability = await list('--entity', 'Stability AI');
    expect(stability.find((o) => o.type === 'acquisition')!.verdict).toEqual({ class: 'out', decidedBy: 'out_column' });
  });
});
