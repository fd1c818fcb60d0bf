// The dashboard against a real server on loopback, for the e2e tests: a fresh
// ledger with the bundled data, the built pages, headless Chromium, and pages
// that record what they fetch from other origins and the errors they log
// (CSP violations show there). The server is the built CLI's `serve` in a
// process of its own, as a user runs it: in the test's own process a long
// model run would hold the event loop that drives the browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, chromiumPresent, ci, launchChromium } from './chromium.js';
import { openLedger, type Store } from '../../src/app/index.js';
import { defaultWebRoot } from '../../src/server/index.js';

export const ARTIFACTS = join(process.cwd(), 'test/artifacts');
export const webRoot = defaultWebRoot() ?? (existsSync(join(process.cwd(), 'web/dist/index.html')) ? join(process.cwd(), 'web/dist') : undefined);
export const dashboardReady = chromiumPresent && Boolean(webRoot);

/** The server process: its URL (ending in '/') and how to stop it. */
export interface RunningServer { url: string; close(): Promise<void> }

const CLI = join(process.cwd(), 'dist/bundle/shakeout.js');

/** Starts `shakeout --db FILE serve --port 0` and waits for the line that gives its URL. */
function serveProcess(db: string): Promise<RunningServer> {
  const child = spawn(process.execPath, [CLI, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`shakeout serve did not start: ${why}\n${out}`));
    child.on('exit', (code) => fail(`exit ${code}`));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Shakeout on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      child.removeAllListeners('exit');
      resolve({
        url: m[1]!,
        close: () => new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

export interface OpenedPage { page: Page; foreign: string[]; errors: string[] }

export interface Dashboard {
  store: Store;
  server: RunningServer;
  browser: Browser;
  /** Opens a path of the dashboard at a width (1280 by default) and waits for the network to settle. */
  open(path: string, width?: number): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** A server over a fresh ledger, Chromium, and the artifacts folder; `prepare` adds to the ledger first. */
export async function startDashboard(prepare?: (store: Store) => Promise<void>): Promise<Dashboard> {
  const dir = mkdtempSync(join(tmpdir(), 'shakeout-dash-'));
  const store = await openLedger({ db: join(dir, 'dash.db') });
  if (prepare) await prepare(store);
  const server = await serveProcess(join(dir, 'dash.db'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchChromium();
  return {
    store,
    server,
    browser,
    async open(path, width = 1280) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url)) foreign.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      return { page, foreign, errors };
    },
    async close() {
      await browser.close();
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A suite of dashboard tests: in CI a missing Chromium or an unbuilt dashboard
 * fails it, elsewhere it is skipped with the reason; otherwise one server and
 * browser for the suite (`prepare` adds to its ledger first). `tests` gets the
 * dashboard, usable inside the tests once the suite has started it.
 */
export function describeDashboard(title: string, tests: (dash: Dashboard) => void, prepare?: (store: Store) => Promise<void>): void {
  describe(title, () => {
    if (!dashboardReady && ci) {
      it('needs Chromium and the built dashboard in CI', () => {
        throw new Error(`Chromium at ${CHROMIUM}: ${chromiumPresent}; dashboard built: ${Boolean(webRoot)} (npm run build builds it; .ci/run installs chromium)`);
      });
      return;
    }
    if (!dashboardReady) {
      it.skip(`skipped: Chromium ${chromiumPresent ? 'present' : 'missing'}, dashboard ${webRoot ? 'built' : 'not built'}`, () => {});
      return;
    }
    let started: Dashboard | undefined;
    beforeAll(async () => {
      started = await startDashboard(prepare);
    });
    afterAll(async () => {
      await started?.close();
    });
    const dash = new Proxy({} as Dashboard, {
      get(_, key) {
        if (!started) throw new Error('the dashboard is used before its suite started it');
        const v = (started as unknown as Record<string | symbol, unknown>)[key];
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(started) : v;
      },
    });
    tests(dash);
  });
}

/** Canvas pixels that are neither transparent nor near-white: the marks a chart drew. */
export function inked(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (c) => {
    const canvas = c as HTMLCanvasElement;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3]! > 0 && !(px[i]! > 240 && px[i + 1]! > 240 && px[i + 2]! > 240)) n++;
    return n;
  });
}
