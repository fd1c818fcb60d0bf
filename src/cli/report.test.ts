import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { runCaptured as cli } from './run-captured.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shakeout-cli-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shakeout report', () => {
  it('prints the report model as JSON', async () => {
    const r = await cli(['--db', join(dir, 'a.db'), 'report', '--format', 'json', '--samples', '500', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.lang).toBe('zh');
    expect(j.charts).toHaveLength(6);
    expect(j.footnotes.length).toBeGreaterThan(50);
    expect(j.sections.map((s: { id: string }) => s.id)).toEqual(['intro', 'funding', 'valuations', 'subscribers', 'shakeout', 'track-record', 'flags', 'method', 'sources']);
  });

  it('prints Markdown by default and HTML on request', async () => {
    const md = await cli(['--db', join(dir, 'a.db'), 'report', '--samples', '500']);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Monetize or be out/);
    const html = await cli(['--db', join(dir, 'a.db'), 'report', '--format', 'html', '--samples', '500', '--companies', 'OpenAI,Moonshot AI']);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>/);
    // About two companies: valuations, ChatGPT's subscribers (OpenAI's product) and the shakeout; no funding market.
    expect((html.out.match(/<svg /g) ?? []).length).toBe(3);
    expect(html.out).toContain('<h1>OpenAI and Moonshot AI: will they make money before their money runs out?</h1>');
    expect(html.out).not.toContain('id="funding"');
  });

  it('runs the simulation on an assumptions file with --assumptions, and names a file it cannot read', async () => {
    const file = join(process.cwd(), 'test/fixtures/survival-assumptions-perplexity.yaml');
    const db = join(dir, 'a.db');
    expect((await cli(['--db', db, 'entities', 'add', '--id', 'perplexity', '--name', 'Perplexity'])).code).toBe(0);
    expect((await cli(['--db', db, 'facts', 'add', '--entity', 'Perplexity', '--metric', 'valuation', '--value', '$520 million', '--period', '2024-01', '--source', 'TechCrunch', '--published', '2024-01-04'])).code).toBe(0);
    const r = await cli(['--db', db, 'report', '--companies', 'Perplexity,OpenAI', '--assumptions', file, '--samples', '500', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\| 1 \| Perplexity \|/);
    // the file does not name OpenAI: read on its own latest facts, it lacks only its cost growth, said in words (trial T14)
    expect(r.out).toContain('- OpenAI：目前的事实没有给出模拟所需的支出增速');
    const bad = await cli(['--db', db, 'report', '--assumptions', join(dir, 'missing.yaml'), '--samples', '500']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('missing.yaml');
  });

  it('writes the file and the charts beside it with --out', async () => {
    const out = join(dir, 'r', 'report.md');
    const r = await cli(['--db', join(dir, 'a.db'), 'report', '--out', out, '--samples', '500', '--seed', '7']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('and 6 charts in');
    expect(readFileSync(out, 'utf8')).toContain('(report-charts/survival-curves.svg)');
    expect(existsSync(join(dir, 'r', 'report-charts', 'survival-curves.svg'))).toBe(true);
  });

  it('writes every chart as well-formed XML, in English and Chinese, so that a browser shows it', async () => {
    for (const lang of ['en', 'zh']) {
      const out = join(dir, `xml-${lang}`, 'report.md');
      expect((await cli(['--db', join(dir, 'a.db'), 'report', '--out', out, '--lang', lang, '--samples', '500', '--seed', '7'])).code).toBe(0);
      const charts = readdirSync(join(dir, `xml-${lang}`, 'report-charts')).filter((f) => f.endsWith('.svg'));
      expect(charts).toHaveLength(6);
      for (const f of charts) {
        const svg = readFileSync(join(dir, `xml-${lang}`, 'report-charts', f), 'utf8');
        expect(XMLValidator.validate(svg), `${lang}/${f}`).toBe(true);
        expect(svg).toContain('Noto Sans CJK SC');
      }
    }
  });

  it('rejects a bad option with exit code 2', async () => {
    expect((await cli(['report', '--lang', 'fr'])).code).toBe(2);
    expect((await cli(['report', '--format', 'pdf'])).code).toBe(2);
    expect((await cli(['report', '--samples', '5'])).code).toBe(2);
  });

  it('names an unknown company with exit code 2', async () => {
    const r = await cli(['--db', join(dir, 'a.db'), 'report', '--companies', 'Nonexistent Labs', '--samples', '500']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Nonexistent Labs/);
  });
});
