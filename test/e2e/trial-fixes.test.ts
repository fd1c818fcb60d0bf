// What a new user met in the trial of session 8 (issue 11), in real Chromium
// against a real server on loopback: the playground runs a model that reads an
// exact figure (its rank correlation is undefined) and shows a constant's
// value, and a result it cannot draw ends the run with a message instead of
// hanging at "Running… 3 / 3"; the analyses page shows the checks' flags,
// asks for a company before the health analysis and runs the backtest as of
// the article's day, and names funding segments, not their ids. Screenshots go
// to test/artifacts/ (git-ignored).
import { expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, describeDashboard } from './dashboard-server.js';

/**
 * The words of a table's cells that are broken across lines ("Infl / ection"): each run of Latin letters and
 * digits ("Inflection", "2024-02", "$7.3B", "60") is measured with a Range, which gives one box per line it is on.
 */
function brokenWords(page: Page, table: string): Promise<string[]> {
  return page.$$eval(`${table} td`, (tds) => {
    const broken: string[] = [];
    for (const td of tds) {
      if ((td as HTMLElement).offsetParent === null) continue; // a hidden column
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of (n.textContent ?? '').matchAll(/[A-Za-z0-9$€%][A-Za-z0-9$€%.,-]*[A-Za-z0-9%]/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

// "$2.75bn", an exact figure: every draw of x and y is the same
const EXACT_MODEL = 'x = fact("Anthropic", "funding")\ny = x * 2\nb = 3\n{y, b}\n';

describeDashboard('trial findings in Chromium', (dash) => {
  it('the playground runs a model on an exact figure: the undefined correlation said as "–", a constant\'s value shown', async () => {
    const { page, foreign, errors } = await dash.open(`#/playground?samples=1000&src=${encodeURIComponent(EXACT_MODEL)}`);
    await page.waitForSelector('[data-testid="summary"] tbody tr', { timeout: 60_000 });
    // the run ended: no progress bar left
    expect(await page.$('[data-testid="run-status"] progress')).toBeNull();
    const rows = await page.$$eval('[data-testid="summary"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['y', '5.5B', '5.5B', '5.5B', '5.5B', '0'],
      ['b', '3', 'exact: a constant, with no spread'],
    ]);
    const cell = page.locator('[data-testid="model-drivers"] tbody tr td').nth(1);
    expect(await cell.textContent()).toBe('–');
    expect(await cell.getAttribute('title')).toMatch(/^Undefined: a rank correlation with a constant/);
    expect(await page.textContent('[data-testid="facts-used"]')).toContain('$2.75bn');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-playground-exact-en.png'), fullPage: true });
    await page.click('[data-testid="lang-switch"]');
    expect(await cell.getAttribute('title')).toMatch(/^无定义/);
    expect(await page.textContent('[data-testid="summary"] tbody tr[data-constant] td:last-child')).toBe('确切值：常数，没有离散');
    await page.click('[data-testid="lang-switch"]');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a result the page cannot draw ends the run and says so', async () => {
    const { page } = await dash.open('#/playground?samples=1000&src=b%20%3D%203%0Ab%0A');
    await page.waitForSelector('[data-testid="summary"] tbody tr', { timeout: 60_000 });
    // the next result is one the page cannot draw (a fact read with no request), however it comes
    const broken = { outputs: { b: 3 }, sampleCount: 1000, seed: 'shakeout', facts: [{ fact: 'fact-x', request: null }] };
    await page.route('**/api/runs/*/events', (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: `event: result\ndata: ${JSON.stringify(broken)}\n\n` }));
    await page.route('**/api/models/run', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }));
    await page.click('[data-testid="run"]');
    await page.waitForSelector('[data-testid="result-error"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="result-error"]')).toMatch(/^The run finished, but its result could not be shown:.*null/);
    expect(await page.$('[data-testid="run-status"] progress')).toBeNull();
    await page.unrouteAll();
    // the next run draws again
    await page.click('[data-testid="run"]');
    await page.waitForSelector('[data-testid="summary"] tbody tr');
    expect(await page.$('[data-testid="result-error"]')).toBeNull();
    await page.close();
  });

  it('the analyses page: the checks\' flags themselves; health asks for a company first; the backtest opens as of the article\'s day; segments by name', async () => {
    const { page, foreign, errors } = await dash.open('#/analyses/checks');
    await page.waitForSelector('[data-testid="flags"] li', { timeout: 60_000 });
    const first = page.locator('[data-testid="flags"] li').first();
    expect(await first.getAttribute('data-severity')).toBe('error');
    expect(await first.textContent()).toMatch(/^error F19: ChatGPT downloads \(Google Play\) a month, 6\.9x above Appfigures' figure/);
    expect(await page.$$eval('[data-testid="flags"] li', (lis) => lis.length)).toBeGreaterThan(3);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-checks-en.png'), fullPage: true });

    // health: no request before a company is chosen, from the ledger's companies
    await page.goto(`${dash.server.url}#/analyses/health`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="fill-to-run"]');
    expect(await page.textContent('[data-testid="fill-to-run"]')).toBe('Fill in to run: company');
    expect(await page.$('[data-testid="error"]')).toBeNull();
    // the companies arrive by their own request: wait for them, not for the form (it shows first)
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="company-select"] option')].some((o) => o.textContent === 'Anthropic'));
    const options = await page.$$eval('[data-testid="company-select"] option', (os) => os.map((o) => o.textContent));
    expect(options).toContain('Anthropic');
    expect(options).not.toContain('ChatGPT'); // a product, not a company
    await page.selectOption('[data-testid="company-select"]', 'Anthropic');
    await page.click('[data-testid="analysis-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="estimates"] tbody tr', { timeout: 60_000 });
    expect(await page.$('[data-testid="fill-to-run"]')).toBeNull();

    // the backtest: as of the article's day until another is given, no 400
    await page.goto(`${dash.server.url}#/analyses/backtest`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="backtest-companies"] tbody tr', { timeout: 120_000 });
    expect(await page.inputValue('[data-testid="analysis-form"] input[name="asOf"]')).toBe('2024-05-20');
    expect(await page.$('[data-testid="error"]')).toBeNull();

    // funding: segments by their names
    await page.goto(`${dash.server.url}#/analyses/funding`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="estimates"] tbody tr', { timeout: 60_000 });
    const shown = (await page.textContent('[data-testid="analysis"]'))!;
    expect(shown).toContain('China AI industry applications');
    expect(shown).not.toMatch(/ai_production|ai_industry_applications/);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 390 px the board and the ledger do not break words letter by letter, nor scroll sideways, in English and Chinese', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const { page, errors } = await dash.open('#/board', 390);
      if (lang === 'zh') await page.click('[data-testid="lang-switch"]');
      await page.waitForSelector('[data-testid="ranking"] tbody tr', { timeout: 90_000 });
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-board-390-${lang}.png`), fullPage: true });
      expect(await brokenWords(page, '[data-testid="ranking"]')).toEqual([]);
      expect(await sideways(page)).toBe(false);
      await page.goto(`${dash.server.url}#/ledger`, { waitUntil: 'networkidle' });
      await page.waitForSelector('[data-testid="facts-table"] tbody tr');
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-ledger-390-${lang}.png`), fullPage: true });
      expect(await brokenWords(page, '[data-testid="facts-table"]')).toEqual([]);
      expect(await sideways(page)).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the report page makes a report about the companies chosen (GET /api/report?companies=)', async () => {
    const { page, errors } = await dash.open('#/report?lang=en');
    await page.waitForSelector('[data-testid="report-companies"] input');
    expect(await page.textContent('[data-testid="report-about"]')).toBe('None chosen: the report is about the article\'s companies.');
    expect(await page.getAttribute('[data-testid="report-md"]', 'href')).not.toContain('companies=');
    // only companies the ledger has figures about: not an investor recorded by name alone
    expect(await page.locator('[data-testid="report-companies"] input[value="Blackstone"]').count()).toBe(0);
    await page.check('[data-testid="report-companies"] input[value="Anthropic"]');
    await page.check('[data-testid="report-companies"] input[value="Zhipu AI"]');
    expect(await page.textContent('[data-testid="report-about"]')).toBe('A report about Anthropic, Zhipu AI');
    const md = new URL((await page.getAttribute('[data-testid="report-md"]', 'href'))!, dash.server.url);
    expect(md.searchParams.get('companies')).toBe('Anthropic,Zhipu AI');
    expect(md.searchParams.get('format')).toBe('md');
    // the choice is in the page's link
    expect(new URLSearchParams(page.url().split('?')[1]).get('companies')).toBe('Anthropic,Zhipu AI');
    await page.uncheck('[data-testid="report-companies"] input[value="Anthropic"]');
    expect(new URL((await page.getAttribute('[data-testid="report-open"]', 'href'))!, dash.server.url).searchParams.get('companies')).toBe('Zhipu AI');
    // money in another currency: every link asks for it, dollars ask for nothing
    expect(await page.inputValue('[data-testid="report-currency"]')).toBe('USD');
    expect(await page.getAttribute('[data-testid="report-md"]', 'href')).not.toContain('currency=');
    await page.selectOption('[data-testid="report-currency"]', 'EUR');
    const eur = new URL((await page.getAttribute('[data-testid="report-md"]', 'href'))!, dash.server.url);
    expect(eur.searchParams.get('currency')).toBe('EUR');
    expect(eur.searchParams.get('companies')).toBe('Zhipu AI');
    expect(new URLSearchParams(page.url().split('?')[1]).get('currency')).toBe('EUR');
    const eurReport = await (await fetch(new URL((await page.getAttribute('[data-testid="report-open"]', 'href'))!, dash.server.url).href.replace('format=html', 'format=md'))).text();
    expect(eurReport).toMatch(/€/);
    await page.selectOption('[data-testid="report-currency"]', 'USD');
    expect(await page.getAttribute('[data-testid="report-md"]', 'href')).not.toContain('currency=');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-report-companies-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the ledger adds a company from the page, and says a refusal as the fact form does', async () => {
    const { page, errors } = await dash.open('#/ledger');
    await page.waitForSelector('[data-testid="facts-table"] tbody tr');
    await page.click('[data-testid="entity-open"]');
    const form = page.locator('[data-testid="entity-form"]');
    await form.locator('input[name="nameEn"]').fill('Mistral AI');
    expect(await form.locator('input[name="id"]').inputValue()).toBe('mistral-ai');
    await form.locator('input[name="aliases"]').fill('Mistral');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="entity-added"]');
    expect(await page.textContent('[data-testid="entity-added"]')).toBe('Added Mistral AI: facts can now be recorded about it.');
    const stored = (await dash.store.listEntities()).find((e) => e.id === 'mistral-ai');
    expect(stored).toMatchObject({ nameEn: 'Mistral AI', kind: 'company', aliases: ['Mistral'] });
    // it is a company a fact can now be about: the entity filter lists it
    await page.waitForFunction(() => [...document.querySelectorAll('select option')].some((o) => o.textContent === 'Mistral AI'));

    // the same id again: refused with the field, in Chinese on a Chinese page, and nothing written
    await page.click('[data-testid="lang-switch"]');
    await page.click('[data-testid="entity-open"]');
    await form.locator('input[name="nameEn"]').fill('Mistral AI');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="entity-form"] [data-testid="error"]');
    const box = (await page.textContent('[data-testid="entity-form"] [data-testid="error"]'))!;
    expect(box).toContain('该编号或名称已被另一实体使用');
    expect(box).toContain('编号');
    await form.locator('input[name="id"]').fill('Mistral AI');
    await form.locator('button[type="submit"]').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="entity-form"] [data-testid="error"]')?.textContent ?? '').includes('编号应为小写字母'));
    expect((await dash.store.listEntities()).filter((e) => e.nameEn === 'Mistral AI')).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-entity-form-zh.png'), fullPage: true });
    await page.click('[data-testid="lang-switch"]');
    // the console logs the refused requests (409, 400) as failed loads; nothing else
    expect(errors.filter((e) => !/status of 40[09]/.test(e))).toEqual([]);
    await page.close();
  });
});
