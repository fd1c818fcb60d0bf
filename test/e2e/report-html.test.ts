// The HTML report opened in real Chromium (Debian's package, driven by
// playwright-core): every chart rendered with data, every footnote link
// resolves, nothing is fetched from the network, nothing overflows a
// 1280-pixel page (the article's report and a report about other companies,
// in both languages), and a screenshot of each is kept in test/artifacts/
// (git-ignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, chromiumPresent, ci, launchChromium } from './chromium.js';
import type { Page } from 'playwright-core';
import { importFactsFile, runReport, withLedger } from '../../src/app/index.js';

const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const present = chromiumPresent;
/** The page width the report must fit: a laptop screen. */
const PAGE_WIDTH = 1280;

/**
 * Elements that stick out of the page or of the report's column (main) on
 * the left or right, by more than half a pixel, and whether the page
 * scrolls sideways. Each as 'tag.class: left..right (text)'.
 */
async function overflows(page: Page): Promise<{ scrollsSideways: boolean; outside: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main')!.getBoundingClientRect();
    const outside: string[] = [];
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < main.left - 0.5 || r.right > main.right + 0.5 || r.right > doc.clientWidth + 0.5) {
        outside.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className : ''}: ${r.left.toFixed(0)}..${r.right.toFixed(0)} (${(el.textContent ?? '').slice(0, 60)})`);
      }
    }
    return { scrollsSideways: doc.scrollWidth > doc.clientWidth, outside };
  });
}

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
  let userDb: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shakeout-e2e-'));
    // A user's ledger: the bundled data plus Mistral AI and Perplexity from press figures.
    userDb = join(dir, 'user.db');
    await withLedger({ db: userDb }, async (store) => {
      await store.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', nameZh: null, aliases: ['Mistral'], kind: 'company', parent: null, notes: null } as never);
      await store.addEntity({ id: 'perplexity', nameEn: 'Perplexity', nameZh: null, aliases: ['Perplexity AI'], kind: 'company', parent: null, notes: null } as never);
      await importFactsFile(store, join(process.cwd(), 'test/fixtures/new-companies.csv'));
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`renders the ${lang} report: charts with data, footnotes that resolve, no network`, async () => {
      const file = join(ARTIFACTS, `report-${lang}.html`);
      const r = await withLedger({ db: join(dir, 'e2e.db') }, (store) => runReport(store, { lang, format: 'html', out: file, samples: 2000 }));
      expect(r.written).toEqual([file]);
      const page = await browser.newPage({ viewport: { width: PAGE_WIDTH, height: 900 } });
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
      expect(await overflows(page)).toEqual({ scrollsSideways: false, outside: [] });
      // a full-page shot of a long report can take a while on a busy machine: a wait limit, not a speed claim
      await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true, timeout: 180_000 });
      await page.close();
    }, 300_000);

    it(`fits a ${PAGE_WIDTH}-pixel page: the ${lang} report about Mistral AI and Perplexity`, async () => {
      const file = join(ARTIFACTS, `report-companies-${lang}.html`);
      const assumptions = join(process.cwd(), 'test/fixtures/survival-assumptions-perplexity.yaml');
      const r = await withLedger({ db: userDb }, (store) => runReport(store, { lang, format: 'html', out: file, samples: 1000, companies: ['Mistral AI', 'Perplexity'], assumptions }));
      expect(r.report.title).toContain('Perplexity');
      const page = await browser.newPage({ viewport: { width: PAGE_WIDTH, height: 900 } });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.$$eval('table', (t) => t.length)).toBeGreaterThanOrEqual(2);
      expect(await overflows(page)).toEqual({ scrollsSideways: false, outside: [] });
      await page.screenshot({ path: join(ARTIFACTS, `report-companies-${lang}.png`), fullPage: true });
      await page.close();
    });
  }

  it('the overflow check sees an element wider than its page', async () => {
    const page = await browser.newPage({ viewport: { width: PAGE_WIDTH, height: 600 } });
    await page.setContent('<main style="max-width:920px;margin:0 auto"><table><tr><td style="white-space:nowrap">' + 'x'.repeat(400) + '</td></tr></table></main>');
    const o = await overflows(page);
    expect(o.scrollsSideways).toBe(true);
    expect(o.outside.length).toBeGreaterThan(0);
    await page.close();
  });
});
