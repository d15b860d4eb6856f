import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';

/** One Chromium for a test file: launched before its tests, closed after them, handed to `use` once it runs. */
export function chromiumForSuite(use: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    use(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}
