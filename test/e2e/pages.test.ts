// The dashboard's company, playground and scenarios pages in real Chromium
// against a real server on loopback: a company page opens a figure's facts and
// sources; the playground shows a problem in place, completes names inside
// fact(), runs a model and draws its histogram, and cancels a long run; the
// scenarios page puts climates side by side; the language switch on each new
// page, at phone width without sideways scroll. Nothing is fetched from
// another origin and nothing is logged as an error (CSP violations show
// there). Screenshots go to test/artifacts/ (git-ignored).
import { expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, describeDashboard, inked } from './dashboard-server.js';

/** Types lines into the focused editor, closing any completion before each new line (Enter would accept it). */
async function typeLines(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    await page.keyboard.type(line);
    if (i < lines.length - 1) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
    }
  }
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * A model that takes seconds at a million samples: 60 chained beta draws, about 4 s of sampling on this
 * 2-core machine and 1.8e8 sample values, under the 2e8 a run may keep (a model of 20 lognormals ran in
 * 1 s, which a server finished before the cancel reached it): long enough to cancel.
 */
const LONG_MODEL = Array.from({ length: 60 }, (_, i) => `x${i} = beta(${2 + (i % 3)}, 3)${i > 0 ? ` + x${i - 1} / 2` : ''}`).join('\n') + '\nx59\n';

describeDashboard('the company, playground and scenarios pages in Chromium', (dash) => {

  it('a board row opens its company, whose health figures open their facts and sources', async () => {
    const { page, foreign, errors } = await dash.open('#/board?horizon=36');
    await page.waitForSelector('[data-testid="company-link"]', { timeout: 60_000 });
    const name = (await page.textContent('[data-testid="company-link"]'))!;
    await page.click('[data-testid="company-link"]');
    await page.waitForSelector('[data-testid="company-page"] h1');
    expect(await page.textContent('[data-testid="company-page"] h1')).toContain(name);
    // runway, default alive and the multiples, each with its formula and the facts it rests on
    await page.waitForSelector('[data-testid="health"] tbody tr', { timeout: 60_000 });
    const rows = await page.$$eval('[data-testid="health"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-estimate')));
    expect(rows).toContain('runway');
    expect(rows).toContain('default_alive.probability');
    const runway = page.locator('[data-testid="health"] tr[data-estimate="runway"]');
    expect(await runway.locator('td').nth(2).textContent()).toMatch(/cash \/ net burn/);
    await page.waitForSelector('[data-testid="derived-inputs"] tbody tr');
    await page.waitForSelector('[data-testid="timeline"] li');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-company-en.png'), fullPage: true });
    // a figure's fact opens in the ledger with its source
    const link = runway.locator('a.fact-link').first();
    const id = (await link.textContent())!.trim();
    await link.click();
    await page.waitForFunction((want) => (document.querySelector('[data-testid="fact-detail"]')?.textContent ?? '').includes(want), id);
    expect(await page.textContent('[data-testid="fact-source"]')).toMatch(/\S/);
    const fact = await dash.store.getFact(id);
    expect(await page.textContent('[data-testid="fact-source"]')).toContain(fact!.source.publisher);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the playground shows a problem in place, completes names in fact(), runs a model and draws its histogram', async () => {
    const { page, foreign, errors } = await dash.open('#/playground?samples=1000');
    // the default model runs by itself: its summary and histogram
    await page.waitForSelector('[data-testid="summary"] tbody tr', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="summary"] tbody tr td')).toBe('revenue');
    await page.waitForSelector('[data-testid="results"] [data-testid="chart"] canvas');
    expect(await inked(page, '[data-testid="results"] [data-testid="chart"] canvas')).toBeGreaterThan(500);
    expect(await page.$$eval('[data-testid="model-drivers"] tbody tr', (trs) => trs.length)).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-playground-en.png'), fullPage: true });

    // a misspelt name: the server's check, underlined where it is, and said with its line and column
    const editor = page.locator('[data-testid="editor-content"]');
    await editor.click();
    await page.keyboard.press('Control+a');
    await typeLines(page, 'subs = 3M to 5M\nrevenue = sbs * 20\nrevenue\n');
    await page.waitForSelector('.cm-lintRange-error');
    expect(await page.textContent('[data-testid="check-issue"]')).toMatch(/^2:11 unknown name 'sbs'; did you mean 'subs'\?/);
    // the underline is on the misspelt name
    expect(await page.textContent('.cm-lintRange-error')).toBe('sbs');
    // on a Chinese page the same problem is said in Chinese, by its rule and values (the server's message stays English)
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="check-issue"]')?.textContent ?? '').includes('未知的名称'));
    expect(await page.textContent('[data-testid="check-issue"]')).toBe('2:11 未知的名称“sbs”；是否指“subs”？');
    // and the editor's diagnostic, checked again when the language switched
    await page.hover('.cm-lintRange-error');
    await page.waitForSelector('.cm-diagnosticText');
    expect(await page.textContent('.cm-diagnosticText')).toBe('2:11 未知的名称“sbs”；是否指“subs”？');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-playground-check-zh.png'), fullPage: false });
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await editor.click();

    // completion inside fact(): the ledger's entities, then its metrics
    await page.keyboard.press('Control+a');
    await page.keyboard.type('v = fact("月之');
    await page.waitForSelector('.cm-tooltip-autocomplete li');
    expect(await page.textContent('.cm-tooltip-autocomplete')).toContain('月之暗面');
    // CodeMirror ignores keys pressed within its interactionDelay (75 ms) of a completion opening
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await page.keyboard.type('", "valu');
    await page.waitForFunction(() => (document.querySelector('[data-testid="playground"] .editor')?.shadowRoot?.querySelector('.cm-tooltip-autocomplete')?.textContent ?? '').includes('valuation'));
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    // a model that reads the ledger, run with Ctrl-Enter: the fact it read, linked
    await page.keyboard.press('Control+a');
    await typeLines(page, 'v = fact("月之暗面", "valuation")\nv\n');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid="facts-used"] a.fact-link', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="facts-used"]')).toContain('F11');
    expect(await page.textContent('[data-testid="summary"] tbody tr td')).toBe('v');
    // the share link carries the source, seed and samples
    const share = new URL((await page.inputValue('[data-testid="share-link"]')).replace('#/playground?', '?'));
    expect(share.searchParams.get('src')).toBe('v = fact("月之暗面", "valuation")\nv\n');
    expect(share.searchParams.get('samples')).toBe('1000');
    expect(share.searchParams.get('seed')).toBe('shakeout');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the playground cancels a long run', async () => {
    const src = encodeURIComponent(LONG_MODEL);
    const { page, errors } = await dash.open(`#/playground?samples=1000000&src=${src}`);
    // over the automatic threshold: nothing runs until asked
    await page.waitForSelector('[data-testid="editor-content"]');
    expect(await page.$('[data-testid="results"]')).toBeNull();
    // the request that brings the run's result (its event stream, or the one-request run) is held until
    // cancel has been clicked, so the run cannot finish first on a fast machine
    let release!: () => void;
    const clicked = new Promise<void>((r) => (release = r));
    const held = async (route: import('playwright-core').Route) => {
      await clicked;
      await route.continue().catch(() => {});
    };
    await page.route('**/api/runs/*/events', held);
    await page.route('**/api/models/run', held);
    const deletes: string[] = [];
    let created = false;
    page.on('request', (r) => r.method() === 'DELETE' && deletes.push(r.url()));
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/runs' && r.status() === 202) created = true;
    });
    await page.click('[data-testid="run"]');
    await page.waitForSelector('[data-testid="run-status"] progress');
    await page.click('[data-testid="cancel"]');
    release();
    await page.waitForSelector('[data-testid="cancelled"]');
    expect(await page.$('[data-testid="results"]')).toBeNull();
    expect(await page.$('[data-testid="cancel"]')).toBeNull();
    if (created) {
      // the server's run was asked to stop, and says it stopped
      expect(deletes).toHaveLength(1);
      const self = new URL(deletes[0]!).pathname;
      await expect.poll(async () => ((await (await fetch(dash.server.url.replace(/\/$/, '') + self)).json()) as { status: string }).status).toBe('cancelled');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-playground-cancelled-en.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the scenarios page puts climates side by side', async () => {
    const { page, foreign, errors } = await dash.open('#/scenarios?climates=cold,hot&month=36');
    await page.waitForSelector('[data-testid="scenario-table"] tbody tr', { timeout: 90_000 });
    const head = await page.$$eval('[data-testid="scenario-table"] thead th', (ths) => ths.map((th) => th.textContent));
    expect(head.slice(1)).toEqual(['cold', 'hot']);
    const cells = await page.$$eval('[data-testid="scenario-table"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => Number.parseFloat(td.textContent!))));
    expect(cells.length).toBeGreaterThanOrEqual(5);
    // a colder climate never makes running out less likely, summed over the companies
    const sum = (j: number) => cells.reduce((s, r) => s + r[j]!, 0);
    expect(sum(0)).toBeGreaterThanOrEqual(sum(1));
    expect(await page.$$eval('[data-testid="scenarios"] [data-testid="chart"] canvas', (c) => c.length)).toBe(2);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [path, testid, heading] of [
    ['#/company/zhipu-ai', 'derived-inputs', '输入及其推算过程'],
    ['#/playground?samples=1000', 'summary', '模型试算'],
    ['#/scenarios', 'scenario-table', '情景对比'],
    ['#/analyses', 'analyses', '分析'],
    ['#/report', 'report', '报告'],
  ] as const) {
    it(`switches ${path} to Chinese and fits a phone screen`, async () => {
      const { page, errors } = await dash.open(path, 390);
      await page.waitForSelector(`[data-testid="${testid}"]`, { timeout: 90_000 });
      await page.click('[data-testid="lang-switch"]');
      await page.waitForFunction((h) => [...document.querySelectorAll('main h1, main h2')].some((e) => e.textContent === h), heading);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await page.waitForSelector(`[data-testid="${testid}"]`, { timeout: 90_000 });
      // the headings and labels are the Chinese table's: no English word left in them
      const labels = await page.$$eval('main h1, main h2, main th, main label, main legend, main button', (els) => els.map((e) => (e.childNodes[0]?.textContent ?? '').trim()).filter(Boolean));
      expect(labels.filter((l) => /[A-Za-z]{3,}/.test(l) && !/^(p\d+|[a-z_]+\w*)$/.test(l))).toEqual([]);
      expect(await sideways(page)).toBe(false);
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-${path.slice(2).split(/[/?]/)[0]}-zh-phone.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
