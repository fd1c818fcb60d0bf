import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, renderMarkdown, reportJson, roundNumbers } from '../report/index.js';
import type { ReportInputs } from '../report/index.js';
import { gatherReportInputs, runReport } from './report.js';
import { withLedger } from './open-ledger.js';

let dir: string;
let inputs: ReportInputs;
const SNAPSHOTS = join(process.cwd(), 'test/snapshots');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-report-'));
  inputs = await gatherReportInputs({ db: join(dir, 'golden.db') }, { seed: 'shakeout', samples: 4000 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report (golden files, numbers rounded to 2 significant figures)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`Markdown, ${lang}`, async () => {
      const md = renderMarkdown(buildReport(inputs, lang), { chartDir: 'report-charts' });
      await expect(roundNumbers(md)).toMatchFileSnapshot(join(SNAPSHOTS, `report-${lang}.md`));
    });
    it(`JSON, ${lang}`, async () => {
      const json = reportJson(buildReport(inputs, lang));
      await expect(roundNumbers(json)).toMatchFileSnapshot(join(SNAPSHOTS, `report-${lang}.json`));
    });
  }

  it('is the same on a second build from the same inputs', () => {
    expect(reportJson(buildReport(inputs, 'en'))).toBe(reportJson(buildReport(inputs, 'en')));
  });

  it('cites every footnote and gives every number a footnote that exists', () => {
    for (const lang of ['en', 'zh'] as const) {
      const r = buildReport(inputs, lang);
      const ns = new Set(r.footnotes.map((f) => f.n));
      const json = JSON.stringify(r.sections);
      const cited = [...json.matchAll(/"fn":(\d+)/g)].map((m) => Number(m[1]));
      expect(cited.length).toBeGreaterThan(50);
      for (const n of cited) expect(ns.has(n)).toBe(true);
      expect(new Set(cited).size).toBe(r.footnotes.length);
      expect(r.footnotes.map((f) => f.n)).toEqual(r.footnotes.map((_, i) => i + 1));
      expect(r.charts.map((c) => c.kind).sort()).toEqual(['bar', 'bar', 'histogram', 'line', 'survival']);
    }
  });

  it('reproduces the article: 750k subscribers, $180M a year, 5.67x, in both languages', () => {
    const en = renderMarkdown(buildReport(inputs, 'en'), { chartDir: null });
    const zh = renderMarkdown(buildReport(inputs, 'zh'), { chartDir: null });
    expect(en).toMatch(/makes 750k\[\^\d+\] paying subscribers/);
    expect(en).toMatch(/\$180M\[\^\d+\] a year/);
    expect(en).toMatch(/5\.67x \(90% CI /);
    expect(zh).toMatch(/订阅用户75万\[\^\d+\]/);
    expect(zh).toMatch(/5\.67倍（90%区间 /);
    expect(zh).toContain('123.89亿元');
  });
});

describe('runReport', () => {
  it('writes the Markdown file and its charts beside it', async () => {
    const out = join(dir, 'out', 'report.md');
    const r = await runReport({ db: join(dir, 'golden.db') }, { out, samples: 1000 });
    expect(r.written[0]).toBe(out);
    expect(r.written.length).toBe(1 + r.report.charts.length);
    const md = readFileSync(out, 'utf8');
    for (const c of r.report.charts) {
      expect(md).toContain(`](report-charts/${c.id}.svg)`);
      expect(existsSync(join(dir, 'out', 'report-charts', `${c.id}.svg`))).toBe(true);
    }
  });

  it('escapes text from sources in Markdown and HTML: a source titled <script>alert(1)</script> shows as text', async () => {
    const db = join(dir, 'evil.db');
    await withLedger({ db }, async (store) => {
      await store.addEntity({ id: 'evil-ai', nameEn: 'Evil <img src=x onerror=alert(2)> AI', nameZh: null, aliases: ['evil'], kind: 'company', parent: null, notes: null } as never);
      await store.addFact({
        entity: 'evil-ai',
        metric: 'valuation',
        value: '$1.2B',
        period: 'as of 2024-05',
        source: { publisher: 'Pwn *Press* [x](javascript:alert(3))', title: '<script>alert(1)</script>', url: 'https://example.com/a?b="><b>x</b>', published: '2024-05-01' },
        notes: '</td><script>alert(5)</script>',
      });
    });
    const md = (await runReport({ db }, { companies: ['evil', 'OpenAI'], samples: 500 })).text;
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('Evil \\<img src=x onerror=alert(2)\\> AI');
    expect(md).toContain('Pwn \\*Press\\* \\[x\\](javascript:alert(3))');
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).not.toMatch(/(?<!\\)<img/);
    const html = (await runReport({ db }, { companies: ['evil', 'OpenAI'], samples: 500, format: 'html' })).text;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Evil &lt;img src=x onerror=alert(2)&gt; AI');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).not.toContain('"><b>');
  });
});
