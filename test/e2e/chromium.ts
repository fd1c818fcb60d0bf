import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (or $SHAKEOUT_CHROMIUM): `npx playwright install` cannot work here. */
export const CHROMIUM = process.env.SHAKEOUT_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);
export const ci = process.env.CI === 'true' || process.env.CI === '1';

/** Headless Chromium with no network of its own (no updates, sync or QUIC), for the e2e tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
