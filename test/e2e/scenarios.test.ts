// The scenarios page with assumption sets, in real Chromium against a real
// server on loopback: two columns, each its own copy of the bundled
// assumptions (GET /api/assumptions), the second with OpenAI's cash halved,
// run with the same seed, paths and as-of date; the second column's chance
// of OpenAI running out differs, both draw their survival curves, the page
// names the key that changed, the columns survive a reload (the link holds
// them), a broken text shows the server's issues in its own column while the
// other still shows (with a button to the line it names), a text too long for
// a GET runs through POST /api/runs, and at phone width the columns stack.
// Screenshots go to test/artifacts/ (git-ignored).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ARTIFACTS, describeDashboard, inked } from './dashboard-server.js';

const column = (n: number) => `[data-testid="scenario-column"]:nth-of-type(${n})`;

/** Waits until every column has its result or its error, and no column has an edit that has not run. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const cols = [...document.querySelectorAll('[data-testid="scenario-column"]')];
    return cols.length > 0 && cols.every((c) => c.querySelector('[data-testid="column-table"] tbody tr, [data-testid="column-error"]') && !c.querySelector('[data-testid="stale"]'));
  }, undefined, { timeout: 120_000 });
}

/** A column's chance of a company running out within 12, 24 and 36 months, as the page writes them (the interval under each). */
function pOut(page: Page, n: number, company: string): Promise<number[]> {
  return page.$$eval(`${column(n)} [data-testid="column-table"] tr[data-company="${company}"] td.num`, (tds) => tds.map((td) => Number.parseFloat(td.childNodes[0]!.textContent!)));
}

describeDashboard('the scenarios page with assumption sets in Chromium', (dash) => {
  it('runs two assumption sets side by side: OpenAI\'s cash halved in the second moves its chance of running out, and both draw curves', async () => {
    const { page, foreign, errors } = await dash.open('#/scenarios?climates=neutral,neutral&month=36');
    await settled(page);
    // each column takes its own copy of the bundled assumptions
    for (const n of [1, 2]) {
      await page.click(`${column(n)} [data-testid="own-assumptions"]`);
      await page.waitForSelector(`${column(n)} [data-testid="assumptions-text"]`);
    }
    const bundled = await page.inputValue(`${column(1)} [data-testid="assumptions-text"]`);
    expect(bundled).toContain('value: 5B to 15B');
    await page.fill(`${column(2)} [data-testid="column-label"]`, 'OpenAI cash halved');
    await page.fill(`${column(2)} [data-testid="assumptions-text"]`, bundled.replace('value: 5B to 15B', 'value: 2.5B to 7.5B'));
    expect(await page.textContent(`${column(2)} [data-testid="stale"]`)).toBeTruthy();
    await page.click('[data-testid="run-scenarios"]');
    await settled(page);

    const first = await pOut(page, 1, 'openai');
    const second = await pOut(page, 2, 'openai');
    expect(first).toHaveLength(3);
    expect(second[2]).toBeGreaterThan(first[2]!);
    // a company whose inputs did not change comes out the same: the same seed and paths in both columns
    expect(await pOut(page, 2, 'anthropic')).toEqual(await pOut(page, 1, 'anthropic'));
    for (const n of [1, 2]) expect(await inked(page, `${column(n)} [data-testid="chart"] canvas`)).toBeGreaterThan(500);
    // the comparison table heads its columns with their labels, and the page says what differs
    const head = await page.$$eval('[data-testid="scenario-table"] thead th', (ths) => ths.map((th) => th.textContent));
    expect(head.slice(1)).toEqual(['Column 1', 'OpenAI cash halved']);
    const changed = await page.$$eval('[data-testid="changed-key"]', (lis) => lis.map((li) => li.textContent));
    expect(changed).toEqual(['OpenAI · cash · value: 5B to 15B → 2.5B to 7.5B']);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-scenarios-assumptions-en.png'), fullPage: true });

    // the link holds the columns: a reload shows the same texts, labels and numbers
    expect(page.url()).toMatch(/#\/scenarios\?cols=[\w-]+/);
    await page.reload({ waitUntil: 'networkidle' });
    await settled(page);
    expect(await page.inputValue(`${column(2)} [data-testid="assumptions-text"]`)).toContain('value: 2.5B to 7.5B');
    expect(await page.inputValue(`${column(2)} [data-testid="column-label"]`)).toBe('OpenAI cash halved');
    expect(await pOut(page, 2, 'openai')).toEqual(second);

    // a text too long for a GET (a long comment, which changes nothing) goes as a run and gives the same
    // numbers; too long for the link as well, the page says so and the address keeps no columns
    const posted: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posted.push(new URL(r.url()).pathname));
    const noise = Array.from({ length: 2000 }, (_, i) => `# ${(i * 7919).toString(36)} ${Math.sin(i).toString(36)} 注释不影响结果\n`).join('');
    const long = `${noise}${await page.inputValue(`${column(2)} [data-testid="assumptions-text"]`)}`;
    // set at once: Playwright's fill() of 60,000 characters did not finish in 30 s
    await page.$eval(`${column(2)} [data-testid="assumptions-text"]`, (el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, long);
    await page.click('[data-testid="run-scenarios"]');
    await settled(page);
    expect(posted).toEqual(['/api/runs']);
    expect(await pOut(page, 2, 'openai')).toEqual(second);
    await page.waitForSelector('[data-testid="link-note"]');
    expect(await page.textContent('[data-testid="link-note"]')).toMatch(/too long to keep in the page's link \([\d,]+ characters; at most 30,000\)/);
    expect(page.url()).not.toContain('cols=');
    await page.fill(`${column(2)} [data-testid="assumptions-text"]`, long.slice(noise.length));
    await page.click('[data-testid="run-scenarios"]');
    await settled(page);
    await page.waitForFunction(() => !document.querySelector('[data-testid="link-note"]'));

    // a broken text: the server's issue in its own column, with the line to go to; the other column still shows
    await page.fill(`${column(1)} [data-testid="assumptions-text"]`, bundled.replace(/\n *rationale: Microsoft[^\n]*/, ''));
    await page.keyboard.press('Control+Enter');
    await settled(page);
    expect(await page.textContent(`${column(1)} [data-testid="column-error"]`)).toContain('companies[0].cash.rationale: every assumption needs a rationale');
    expect(await pOut(page, 2, 'openai')).toEqual(second);
    const lineNo = bundled.split('\n').indexOf('    cash:') + 1;
    expect(await page.textContent(`${column(1)} [data-testid="go-to-line"]`)).toBe(`Go to line ${lineNo}`);
    const box = `${column(1)} [data-testid="assumptions-text"]`;
    await page.$eval(box, (el) => { el.scrollTop = el.scrollHeight; });
    await page.click(`${column(1)} [data-testid="go-to-line"]`);
    expect(await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement;
      return el.value.slice(el.selectionStart, el.selectionEnd);
    })).toBe('    cash:');
    // the text scrolled up from its end to the line (line 44 of some 160)
    const scroll = await page.$eval(box, (el) => ({ top: el.scrollTop, max: el.scrollHeight - el.clientHeight }));
    expect(scroll.top).toBeGreaterThan(0);
    expect(scroll.top).toBeLessThan(scroll.max / 2);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-scenarios-error-en.png'), fullPage: true });
    // a text that is not YAML: the button goes to the line the server's reader names
    await page.fill(box, bundled.replace('    cash:\n      value: 5B to 15B', '    cash:\n      value: [5B to 15B'));
    await page.keyboard.press('Control+Enter');
    await settled(page);
    const said = /at line (\d+)/.exec((await page.textContent(`${column(1)} [data-testid="column-error"]`))!);
    expect(said).not.toBeNull();
    expect(await page.textContent(`${column(1)} [data-testid="go-to-line"]`)).toBe(`Go to line ${said![1]}`);
    expect(await pOut(page, 2, 'openai')).toEqual(second);
    expect(foreign).toEqual([]);
    // the broken column's 400 is the only error the page logs
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });

  it('stacks the columns at phone width, in Chinese', async () => {
    const { page, errors } = await dash.open('#/scenarios?climates=cold,hot', 375);
    await settled(page);
    await page.click('[data-testid="lang-switch"]');
    await page.click(`${column(2)} [data-testid="own-assumptions"]`);
    await settled(page);
    const boxes = await page.$$eval('[data-testid="scenario-column"]', (cols) => cols.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(2);
    expect(boxes[1]!.x).toBe(boxes[0]!.x);
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(375);
    expect(await page.textContent('[data-testid="what-differs"]')).toContain('融资环境');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-scenarios-zh-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
