// The HTML report opened in real Chromium (Debian's package, driven by
// playwright-core): every chart rendered with data, every footnote link
// resolves, nothing is fetched from the network, and a screenshot of each
// language is kept in test/artifacts/ (git-ignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { runReport } from '../../src/app/index.js';

const CHROMIUM = process.env.SHAKEOUT_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const present = existsSync(CHROMIUM);
const ci = process.env.CI === 'true' || process.env.CI === '1';

if (!present && !ci) {
  console.warn(`report-html e2e: skipped, no Chromium at ${CHROMIUM} (install Debian's chromium package, or set SHAKEOUT_CHROMIUM)`);
}

describe('the HTML report in Chromium', () => {
  if (!present && ci) {
    it('needs Chromium in CI', () => {
      throw new Error(`no Chromium at ${CHROMIUM}: CI must install Debian's chromium package (.ci/run does)`);
    });
    return;
  }
  if (!present) {
    it.skip(`skipped: no Chromium at ${CHROMIUM}`, () => {});
    return;
  }

  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shakeout-e2e-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`renders the ${lang} report: charts with data, footnotes that resolve, no network`, async () => {
      const file = join(ARTIFACTS, `report-${lang}.html`);
      const r = await runReport({ db: join(dir, 'e2e.db') }, { lang, format: 'html', out: file, samples: 2000 });
      expect(r.written).toEqual([file]);
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) requests.push(req.url());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      // Charts: as many as the report says, each with visible marks.
      const declared = Number(await page.getAttribute('body', 'data-charts'));
      expect(declared).toBe(r.report.charts.length);
      expect(declared).toBeGreaterThanOrEqual(5);
      const charts = await page.$$eval('figure.chart', (figs) =>
        figs.map((f) => {
          const svg = f.querySelector('svg');
          if (!svg) return { id: f.getAttribute('data-chart'), w: 0, h: 0, marks: 0 };
          const box = svg.getBoundingClientRect();
          const marks = [...svg.querySelectorAll('path, rect')].filter((el) => {
            const b = (el as SVGGraphicsElement).getBBox();
            return b.width > 0 && b.height > 0;
          }).length;
          return { id: f.getAttribute('data-chart'), w: box.width, h: box.height, marks };
        }),
      );
      expect(charts.length).toBe(declared);
      for (const c of charts) {
        expect(c.w, c.id ?? '').toBeGreaterThan(100);
        expect(c.h, c.id ?? '').toBeGreaterThan(100);
        expect(c.marks, c.id ?? '').toBeGreaterThan(3);
      }

      // Footnotes: every link to #fn... resolves to an element; every footnote is cited.
      const links = await page.$$eval('a[href^="#fn"]', (as) => as.map((a) => ({ href: a.getAttribute('href')!, ok: !!document.getElementById(a.getAttribute('href')!.slice(1)) })));
      expect(links.length).toBeGreaterThan(50);
      expect(links.filter((l) => !l.ok)).toEqual([]);
      const notes = await page.$$eval('section.footnotes li[id^="fn-"]', (lis) => lis.length);
      expect(notes).toBe(r.report.footnotes.length);
      // Each number shows its derivation on hover.
      const titled = await page.$$eval('span.num', (spans) => spans.filter((s) => (s.getAttribute('title') ?? '').length > 3).length);
      expect(titled).toBe(await page.$$eval('span.num', (s) => s.length));

      expect(await page.$$eval('script', (s) => s.length)).toBe(0);
      expect(requests).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true });
      await page.close();
    });
  }
});
