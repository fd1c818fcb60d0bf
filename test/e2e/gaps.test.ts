// The dashboard's gaps against issue 11, in real Chromium against a real
// server: the backtest's calibration chart on the analyses page (the report's
// own chart option), its calibration table and each company's months since its
// last round, as the CLI prints them; formulas and derivations in Chinese on the zh pages; the
// ledger's import with a dry run and line-numbered errors, and its conflicts
// side by side; the live reading of "超23亿美元"; the board by keyboard alone.
// Screenshots go to test/artifacts/ (git-ignored).
import { expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analysisContext, runAnalysis } from '../../src/app/index.js';
import { ARTIFACTS, describeDashboard, inked } from './dashboard-server.js';

/** Words of three or more Latin letters left once fact ids and names (GPT-4, Epoch AI) are taken out. */
const englishLeft = (s: string): string[] => s.replace(/\b(?:co|ref)-[a-z0-9-]+|\bF\d+\b|GPT-4|Epoch AI/g, '').match(/[A-Za-z]{3,}/g) ?? [];

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describeDashboard('the dashboard against the issue: what was missing', (dash) => {

  it('the backtest on the analyses page draws its calibration chart, the report\'s own', async () => {
    const { page, foreign, errors } = await dash.open('#/analyses/backtest?asOf=2024-05-20&horizon=24&samples=1000');
    await page.waitForSelector('[data-testid="backtest-companies"] tbody tr', { timeout: 90_000 });
    expect(await page.$$eval('[data-testid="backtest-scores"] tbody tr', (trs) => trs.length)).toBe(3);
    // the chart is GET /api/charts/track-record-calibration, the same option the report draws
    const chartCall = page.waitForResponse((r) => r.url().includes('/api/charts/track-record-calibration'), { timeout: 120_000 });
    await page.waitForSelector('[data-testid="backtest"] [data-testid="chart"] canvas', { timeout: 120_000 });
    expect((await chartCall.catch(() => null))?.status() ?? 200).toBe(200);
    await page.waitForTimeout(300);
    expect(await inked(page, '[data-testid="backtest"] [data-testid="chart"] canvas')).toBeGreaterThan(500);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-backtest-en.png'), fullPage: true });
    // the months since each company's last round and the calibration table: the numbers `shakeout backtest --as-of
    // 2024-05-20 --horizon 24 --paths 1000` prints, from the same use-case on the same bundled ledger
    const cli = await runAnalysis('backtest', analysisContext(dash.store, { asOf: '2024-05-20', samples: 1000, hint: 'cli' }), { horizon: 24 });
    const cell = (col: number) => page.$$eval('[data-testid="backtest-companies"] tbody tr', (trs, i) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[i]!.textContent]), col);
    const head = await page.$$eval('[data-testid="backtest-companies"] thead th', (ths) => ths.map((th) => th.textContent));
    const months = head.indexOf('months since last round');
    expect(months).toBeGreaterThan(0);
    expect(cli.companies.length).toBeGreaterThan(1);
    expect(await cell(months)).toEqual(cli.companies.map((c) => [c.name, String(c.monthsSinceLastRound)]));
    const calibration = () => page.$$eval('[data-testid="calibration-table"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const bins = await calibration();
    expect(cli.calibration.length).toBeGreaterThan(0);
    expect(bins.map((b) => [b[0], b[1]])).toEqual(cli.calibration.map((b) => [`${Math.round(b.low * 100)}% – ${Math.round(b.high * 100)}%`, String(b.count)]));
    expect(bins.reduce((n, b) => n + Number(b[1]), 0)).toBe(cli.scored);
    for (const b of bins) expect(b.slice(2).every((x) => /^\d+(\.\d+)?%$/.test(x ?? ''))).toBe(true);
    // and in Chinese: the same numbers under Chinese heads
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="backtest-companies"] thead th')].some((th) => th.textContent === '距上一轮融资月数'));
    expect(await page.$$eval('[data-testid="calibration-table"] thead th', (ths) => ths.map((th) => th.textContent))).toEqual(['预测的出局概率（分组）', '公司数', '平均预测', '实际出局比例']);
    expect((await cell(months)).map((r) => r[1])).toEqual(cli.companies.map((c) => String(c.monthsSinceLastRound)));
    expect((await calibration()).map((b) => b[1])).toEqual(cli.calibration.map((b) => String(b.count)));
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-backtest-zh.png'), fullPage: true });
    // another day's backtest is not drawn with the report's bars
    await page.goto(`${dash.server.url}#/analyses/backtest?asOf=2024-01-15&horizon=24&samples=1000`, { waitUntil: 'networkidle' });
    // the hash changes in the same document: wait for this day's backtest, not the one before
    await page.waitForFunction(() => /2024-01-15/.test(document.querySelector('[data-testid="backtest"] h2')?.textContent ?? '') || !!document.querySelector('[data-testid="error"]'), undefined, { timeout: 90_000 });
    if (await page.$('[data-testid="backtest-companies"]')) {
      await page.waitForSelector('[data-testid="calibration-other"], [data-testid="backtest"] [data-testid="chart"]', { timeout: 120_000 });
      expect(await page.$('[data-testid="calibration-other"]')).not.toBeNull();
    }
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('the formulas and derivations on the zh company page and board are Chinese', async () => {
    const { page, errors } = await dash.open('#/company/zhipu-ai');
    await page.waitForSelector('[data-testid="derived-inputs"] tbody tr', { timeout: 90_000 });
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const formulas = await page.$$eval('[data-testid="formula"]', (tds) => tds.map((td) => td.textContent ?? '').filter(Boolean));
    expect(formulas.length).toBeGreaterThan(5);
    expect(formulas).toContain('现金 / 月净烧钱');
    expect(formulas.filter((f) => englishLeft(f).length > 0)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-company-zh.png'), fullPage: true });
    await page.goto(`${dash.server.url}#/board?horizon=36&open=zhipu-ai`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="inputs"] [data-testid="formula"]', { timeout: 90_000 });
    const inputs = await page.$$eval('tr.inputs-row [data-testid="formula"]', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(inputs.filter((f) => englishLeft(f).length > 0)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 200_000);

  it('a company the simulation cannot feed says calmly what is missing, and an empty health table says what is missing', async () => {
    const { page, errors } = await dash.open('#/company/blackstone');
    await page.waitForSelector('[data-testid="survival-missing"]', { timeout: 90_000 });
    const why = await page.$eval('[data-testid="survival-missing"]', (e) => e.textContent ?? '');
    // in words, not field names, and not a red error box (trial T3)
    expect(why).toMatch(/^Not enough facts to simulate yet: missing cash, .*cost growth\.$/);
    expect(why).not.toMatch(/revenueGrowth|costGrowth|Error 400/);
    expect(await page.$('[data-testid="survival-error"]')).toBeNull();
    expect(await page.$('[data-testid="health-empty"]')).not.toBeNull();
    expect(await page.$('[data-testid="health"]')).toBeNull();
    // the only error logged is the browser's line for the refused request the page explains
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  }, 200_000);

  it('the ledger imports with a dry run that names the line of each problem, then adds the facts', async () => {
    const { page, errors } = await dash.open('#/ledger');
    await page.click('[data-testid="import-open"]');
    const form = page.locator('[data-testid="import-form"]');
    const header = 'entity,metric,value_as_written,period,publisher,published';
    await form.locator('textarea[name="text"]').fill(`${header}\nMistral AI,funding,6亿欧元,2024-06,Reuters,2024-06-11\nMistral AI,valuation,n/a,2024-06,Reuters,2024-06-11\n`);
    await page.click('[data-testid="import-check"]');
    await page.waitForSelector('[data-testid="import-form"] [data-testid="error"]');
    expect(await form.locator('[data-testid="error"]').textContent()).toMatch(/line 3.*value|value.*line 3/s);
    expect(await page.isDisabled('[data-testid="import-run"]')).toBe(true);
    expect(await dash.store.listFacts({ entity: 'mistral-ai' })).toEqual([]);
    // fixed: the dry run says what it would add and writes nothing; the import writes
    await form.locator('textarea[name="text"]').fill(`${header}\nMistral AI,funding,6亿欧元,2024-06,Reuters,2024-06-11\n`);
    await page.click('[data-testid="import-check"]');
    await page.waitForSelector('[data-testid="import-result"]');
    expect(await page.textContent('[data-testid="import-result"]')).toMatch(/would add 1/);
    expect(await dash.store.listFacts({ entity: 'mistral-ai' })).toEqual([]);
    await page.click('[data-testid="import-run"]');
    await page.waitForFunction(() => /Imported: added 1/.test(document.querySelector('[data-testid="import-result"]')?.textContent ?? ''));
    expect((await dash.store.listFacts({ entity: 'mistral-ai' })).map((f) => f.valueText)).toEqual(['6亿欧元']);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-ledger-import-en.png'), fullPage: true });
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });

  it('the ledger shows conflicts side by side, and reads "超23亿美元" live as > $2.3B', async () => {
    const { page, errors } = await dash.open('#/ledger', 375);
    await page.click('[data-testid="conflicts-open"]');
    await page.waitForSelector('[data-testid="conflicts"] tbody tr');
    expect(page.url()).toContain('view=conflicts');
    const rows = await page.$$eval('[data-testid="conflicts"] tbody tr:not(.differences)', (trs) => trs.map((tr) => tr.querySelectorAll('[data-testid="conflict-side"] a.fact-link').length));
    expect(rows.length).toBeGreaterThan(0);
    for (const n of rows) expect(n).toBe(2);
    expect(await sideways(page)).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-ledger-conflicts-phone.png'), fullPage: true });
    await page.click('text=Add a fact');
    await page.locator('[data-testid="add-form"] input[name="value"]').fill('超23亿美元');
    await page.waitForFunction(() => /> \$2\.3B/.test(document.querySelector('[data-testid="live-reading"]')?.textContent ?? ''));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the playground\'s share link carries the source, seed, samples and revision, and reproduces the run; its samples come as CSV', async () => {
    const src = encodeURIComponent('a = 2M to 9M\nb = 10 to 30\nc = a * b\nc\n');
    const { page, errors } = await dash.open(`#/playground?samples=1000&seed=webgaps&src=${src}`);
    await page.waitForSelector('[data-testid="summary"] tbody tr', { timeout: 60_000 });
    const summary = (p: Page) => p.$$eval('[data-testid="summary"] tbody tr td', (tds) => tds.map((td) => td.textContent));
    const first = await summary(page);
    expect(first[0]).toBe('c');
    const link = await page.inputValue('[data-testid="share-link"]');
    const q = new URLSearchParams(link.split('#/playground?')[1]);
    expect(q.get('seed')).toBe('webgaps');
    expect(q.get('samples')).toBe('1000');
    expect(q.get('src')).toBe('a = 2M to 9M\nb = 10 to 30\nc = a * b\nc\n');
    expect(q.get('revision')).toMatch(/^\d+$/);
    // the samples of the run as CSV: one column per output, one row per draw
    const csvHref = await page.getAttribute('[data-testid="samples-csv"]', 'href');
    const csv = await (await fetch(new URL(csvHref!, dash.server.url))).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/\bc\b/);
    expect(lines).toHaveLength(1001);
    await page.close();
    // the link in a fresh page gives the same numbers
    const again = await dash.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await again.goto(link, { waitUntil: 'networkidle' });
    await again.waitForSelector('[data-testid="summary"] tbody tr', { timeout: 60_000 });
    expect(await summary(again)).toEqual(first);
    expect(await again.$('.asof')).toBeNull(); // the ledger has not moved since the link was made
    await again.close();
    expect(errors).toEqual([]);
  });

  it('the board works by keyboard alone: tab to a row, Enter opens its inputs, focus is visible', async () => {
    const { page, errors } = await dash.open('#/board?horizon=36');
    await page.waitForSelector('[data-testid="ranking"] tbody tr', { timeout: 90_000 });
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.matches('[data-testid="ranking"] tbody tr') ?? false);
    }
    expect(found).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="inputs"]');
    expect(page.url()).toContain('open=');
    // the opened row says how each of its figures is computed: P(out) = 1 - S(t), with its interval
    const figures = await page.$$eval('[data-testid="figures"] tr', (trs) => trs.map((tr) => [tr.getAttribute('data-estimate'), tr.querySelector('[data-testid="formula"]')?.textContent]));
    expect(figures.map(([id]) => id!.replace(/^survival\.[^.]+\./, ''))).toEqual(expect.arrayContaining(['p_out_12', 'p_out_24', 'p_out_36']));
    expect(figures.find(([id]) => id!.endsWith('p_out_12'))![1]).toMatch(/^1 - S\(12\)/);
    expect(errors).toEqual([]);
    await page.close();
  });
}, (store) => store.addEntity({ id: 'mistral-ai', nameEn: 'Mistral AI', kind: 'company' }).then(() => {}));
