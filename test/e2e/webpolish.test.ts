// The ledger's fact panel in real Chromium against a real server on loopback:
// it draws the distribution the engine samples for the fact (a histogram for
// a range, one mark for an exact figure), labelled in the page's language; and
// on the Chinese page a fact with a figure the reader refuses is refused in
// Chinese, field by field. Screenshots go to test/artifacts/ (git-ignored).
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, describeDashboard, inked } from './dashboard-server.js';

const RANGE = 'co-anthropic-valuation-as-of-2024-01'; // "between $15 billion and $20 billion"
const EXACT = 'co-anthropic-funding-2023-02-2024-02'; // "$7.3 billion"
const CHART = '[data-testid="fact-distribution"] [data-testid="chart"] canvas';

describeDashboard('the ledger\'s fact panel and errors in Chinese', (dash) => {
  it('draws a range\'s distribution as a histogram and an exact figure as one mark, in English and Chinese', async () => {
    const { page, foreign, errors } = await dash.open(`#/ledger?fact=${RANGE}`);
    await page.waitForSelector(CHART);
    expect(await page.getAttribute('[data-testid="fact-distribution"]', 'data-family')).toBe('lognormal');
    expect(await inked(page, CHART)).toBeGreaterThan(500);
    expect(await page.textContent('[data-testid="fact-distribution"] figcaption')).toMatch(/^10,000 draws as the engine reads the figure, seed shakeout/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-fact-distribution-en.png'), fullPage: true });

    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => /次抽样/.test(document.querySelector('[data-testid="fact-distribution"] figcaption')?.textContent ?? ''));
    expect(await page.textContent('[data-testid="fact-distribution"] figcaption')).not.toMatch(/draws|percentile/);

    // an exact figure: one mark, and a caption that says there is no spread
    await page.goto(`${dash.server.url}#/ledger?fact=${EXACT}`, { waitUntil: 'networkidle' });
    await page.waitForSelector(`[data-testid="fact-distribution"][data-family="pointMass"] [data-testid="chart"] canvas`);
    expect(await inked(page, CHART)).toBeGreaterThan(20);
    expect(await page.textContent('[data-testid="fact-distribution"] figcaption')).toBe('确切数字：引擎只抽取这一个值，没有离散。');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-fact-distribution-exact-zh.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on the Chinese ledger page, a fact with a figure the reader refuses is refused in Chinese', async () => {
    const { page, errors } = await dash.open('#/ledger');
    await page.waitForSelector('[data-testid="facts-table"] tbody tr');
    await page.click('[data-testid="lang-switch"]');
    await page.click('text=添加事实');
    const form = page.locator('[data-testid="add-form"]');
    await form.locator('input[name="entity"]').fill('OpenAI');
    await form.locator('select[name="metric"]').selectOption('funding');
    await form.locator('input[name="value"]').fill('a lot of money');
    // the live reading says it at once, in Chinese
    await page.waitForFunction(() => /无法读取/.test(document.querySelector('[data-testid="live-reading"] .bad')?.textContent ?? ''));
    await form.locator('input[name="period"]').fill('2024');
    await form.locator('input[name="publisher"]').fill('Reuters');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="add-form"] [data-testid="error"] li');
    const box = (await page.textContent('[data-testid="add-form"] [data-testid="error"]'))!;
    expect(box).toContain('请求被拒绝');
    expect(box).toContain('数值');
    // the reader's reason by its code (number_expected, at "a lot of money"), said in Chinese
    expect(box).toContain('无法读取“a lot of money”：应为数字写法，如“12.5亿元”“超23亿美元”或“$3.6B”；“a lot of money”处应为数字');
    // no English but the text as written and the example
    expect(box.split('a lot of money').join('').replace('$3.6B', '')).not.toMatch(/[A-Za-z]{2,}/);
    expect((await dash.store.listFacts({ entity: 'openai' })).map((f) => f.valueText)).not.toContain('a lot of money');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-ledger-error-zh.png'), fullPage: true });
    // the refusals are the API's 400s, which the browser logs; nothing else may fail
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });
});
