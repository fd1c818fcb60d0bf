// The dashboard's extract page (#/extract) in real Chromium against a real
// server on loopback: paste a short article, read its figures into the review
// table, see the check refuse the row whose company and metric are unknown
// (with its line in the review file), remove that row, check again, import,
// and find the fact in the ledger; then the page in Chinese at phone width.
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, describeDashboard } from './dashboard-server.js';

const ARTICLE = '月之暗面于2024年2月完成超10亿美元融资。\n\n另据报道，某地一场活动吸引了约2万美元的捐款。';

describeDashboard('the extract page in Chromium', (dash) => {

  it('reads a pasted article, refuses the unknown row, and imports the reviewed rows into the ledger', async () => {
    const { page, foreign, errors } = await dash.open('#/extract');
    await page.fill('textarea[name="article"]', ARTICLE);
    await page.fill('input[name="source"]', '36氪');
    await page.fill('input[name="published"]', '2024-02-20');
    await page.click('form.extract-form button[type="submit"]');
    await page.waitForSelector('[data-testid="extract-row"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="extract-row"]').length === 2);
    const first = await page.textContent('[data-testid="extract-row"]:nth-child(1)');
    expect(first).toContain('超10亿美元');
    expect(await page.inputValue('[data-testid="extract-row"]:nth-child(1) select[name="entity"]')).toBe('moonshot-ai');
    expect(await page.inputValue('[data-testid="extract-row"]:nth-child(1) select[name="metric"]')).toBe('funding');
    expect(await page.inputValue('[data-testid="extract-row"]:nth-child(2) select[name="entity"]')).toBe('unknown');

    // the check refuses the unknown row and names its line in the review file
    await page.click('button:text("Check")');
    await page.waitForSelector('[data-testid="error"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="error"]')).toMatch(/line \d+/);

    // remove it: the check passes, then the import adds the fact
    await page.click('button[aria-label="Remove row 2"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="extract-row"]').length === 1);
    await page.click('button:text("Check")');
    await page.waitForSelector('[data-testid="extract-result"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="extract-result"]')).toContain('would add: 1');
    expect(await dash.store.listFacts({ entity: 'moonshot-ai', metric: 'funding' }).then((f) => f.some((x) => x.valueText === '超10亿美元'))).toBe(false);
    await page.click('button:text("Import")');
    await page.waitForFunction(() => document.querySelector('[data-testid="extract-result"]')?.textContent?.includes('Imported'), undefined, { timeout: 60_000 });
    const facts = await dash.store.listFacts({ entity: 'moonshot-ai', metric: 'funding' });
    const added = facts.find((f) => f.valueText === '超10亿美元');
    expect(added).toBeDefined();
    expect(added!.source.publisher).toBe('36氪');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-extract.png'), fullPage: true });
    expect(foreign).toEqual([]);
    // the refused check is a 400 the browser logs as a failed resource; nothing else
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });

  it('switches #/extract to Chinese and fits a phone screen, its controls reachable by keyboard', async () => {
    const { page, errors } = await dash.open('#/extract', 390);
    await page.waitForSelector('textarea[name="article"]', { timeout: 60_000 });
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => [...document.querySelectorAll('main h2')].some((e) => e.textContent === '从文章中提取数字'));
    await page.focus('textarea[name="article"]');
    await page.keyboard.type(ARTICLE.split('\n')[0]!);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('读取');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="extract-row"]', { timeout: 60_000 });
    const labels = await page.$$eval('main h2, main th, main label, main button', (els) => els.map((e) => (e.childNodes[0]?.textContent ?? '').trim()).filter(Boolean));
    expect(labels.filter((l) => /[A-Za-z]{3,}/.test(l))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-extract-zh-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
