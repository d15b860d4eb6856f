import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge/server';
import { artifactPath, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

let browser: Browser;
let bridge: RunningBridge;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('status screen in Chromium through the loopback test bridge', () => {
  it('shows version, data directory, schema and keychain from the real core, in English and in Arabic (RTL)', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    bridge = await startBridge({ embedded: 'store', dataDir, rendererDir: RENDERER_DIR, keychain, keychainService: service });
    const page = await browser.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && cspViolations.push(m.text()));
    try {
      await page.goto(bridge.url);
      // A fresh install opens on first-run setup; the system status is reachable from there without signing in.
      await page.getByTestId('setup').waitFor();
      await page.getByTestId('toggle-status').click();
      await expect.poll(() => page.getByTestId('status-schema').textContent()).toMatch(/^\d+$/);
      const status = await bridge.core.status();
      expect(await page.getByTestId('status-version').textContent()).toBe(status.appVersion);
      expect(await page.getByTestId('status-data-dir').textContent()).toBe(dataDir);
      expect(await page.getByTestId('status-schema').textContent()).toBe(String(status.schemaVersion));
      expect(await page.getByTestId('status-keychain').textContent()).toContain('Available');
      expect(await page.getAttribute('html', 'dir')).toBe('ltr');
      await page.screenshot({ path: artifactPath('status-en.png'), fullPage: true });

      await page.getByTestId('language').selectOption('ar');
      await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      expect(await page.locator('h2').textContent()).toBe('الحالة');
      expect(await page.getByTestId('status-keychain').textContent()).toContain('متاحة');
      await page.screenshot({ path: artifactPath('status-ar.png'), fullPage: true });
      expect(cspViolations, cspViolations.join("\n")).toEqual([]);
    } finally {
      await page.close();
      await bridge.close();
    }
  });

  it('refuses calls from a page without the bridge cookie or from another origin', async () => {
    const { keychain, service } = testKeychain();
    bridge = await startBridge({ embedded: 'store', dataDir: tmpDir(), rendererDir: RENDERER_DIR, keychain, keychainService: service });
    try {
      const noCookie = await fetch(`${bridge.origin}/__bridge/ipc/getStatus`, { method: 'POST', body: '{}' });
      expect(noCookie.status).toBe(403);
      const page = await browser.newPage();
      await page.goto(bridge.url);
      const cookies = await page.context().cookies();
      const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const foreign = await fetch(`${bridge.origin}/__bridge/ipc/getStatus`, {
        method: 'POST',
        headers: { cookie, origin: 'http://evil.example' },
        body: '{}',
      });
      expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
      const malformed = await page.evaluate(async () => {
        const r = await fetch('/__bridge/ipc/getStatus', { method: 'POST', body: '{not json' });
        return r.json();
      });
      expect(malformed).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      await page.close();
    } finally {
      await bridge.close();
    }
  });
});
