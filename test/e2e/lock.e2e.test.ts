import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import type { InterfaceList } from '../../main/core/network';
import type { Bridge } from '../../main/ipc';
import { startBridge, type RunningBridge } from '../bridge/server';
import { artifactPath, RENDERER_DIR } from '../helpers/browser';
import { testKeychain } from '../helpers/keychain';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { tmpDir } from '../helpers/tmp';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

/** Everything the page holds that a person or a script could read: its markup and its visible text. */
const pageText = async (page: Page) => (await page.content()) + (await page.innerText('body'));

describe('the console locks in Chromium when the gate says off-network', () => {
  it('drops every datum it showed, shows why, and offers sign-in again once back in the office', async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])]), signer);
    let ifaces: InterfaceList = interfaces({ eth0: ['10.20.1.5'] });
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    const bridge: RunningBridge = await startBridge({
      embedded: 'store',
      dataDir,
      rendererDir: RENDERER_DIR,
      keychain,
      keychainService: service,
      network: { ...loc, interfaces: () => ifaces, dnsSuffixes: async () => [], debounceMs: 10 },
    });
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    try {
      await expect.poll(() => bridge.core.gate.current()?.state).toBe('office');
      await page.goto(bridge.url);
      await page.getByTestId('toggle-status').click(); // first run opens on setup; the status is one click away
      await expect.poll(() => page.getByTestId('status-data-dir').textContent()).toBe(dataDir);
      expect(await page.getByTestId('network-badge').textContent()).toBe('Office network');
      expect(await pageText(page)).toContain(dataDir);

      ifaces = interfaces({ wlan0: ['192.168.1.20'] });
      const left = Date.now();
      bridge.core.gate.onNetworkChange();
      await page.getByTestId('lock-screen').waitFor({ timeout: 1000 });
      const lockedAfter = Date.now() - left;
      expect(lockedAfter).toBeLessThan(1000);
      expect(await pageText(page)).not.toContain(dataDir);
      expect(await page.getByTestId('status-data-dir').count()).toBe(0);
      expect(await page.getByTestId('lock-reason').textContent()).toMatch(/not on an office network/);
      const ipc = await page.evaluate(() => (globalThis as unknown as { diwan: Bridge }).diwan.getNetworkStatus({}));
      expect(ipc).toMatchObject({ ok: true, value: { state: 'off-network', locked: true } });
      await page.screenshot({ path: artifactPath('lock-off-network.png'), fullPage: true });

      ifaces = interfaces({ eth0: ['10.20.1.5'] });
      bridge.core.gate.onNetworkChange();
      await page.getByTestId('lock-continue').waitFor({ timeout: 8000 });
      expect(await pageText(page)).not.toContain(dataDir); // unlocking takes a sign-in, not just the network
      expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    } finally {
      await page.close();
      await bridge.close();
    }
  });

  it('development mode says it is unmanaged, and an OS lock event still empties the page', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    const bridge = await startBridge({
      embedded: 'store',
      dataDir,
      rendererDir: RENDERER_DIR,
      keychain,
      keychainService: service,
      network: { policyFile: `${dataDir}/none.json`, signersDir: `${dataDir}/none` },
    });
    const page = await browser.newPage();
    try {
      await page.goto(bridge.url);
      await page.getByTestId('toggle-status').click(); // first run opens on setup; the status is one click away
      await expect.poll(() => page.getByTestId('status-data-dir').textContent()).toBe(dataDir);
      expect(await page.getByTestId('network-badge').textContent()).toBe('Unmanaged (development mode)');
      await page.getByTestId('language').selectOption('ar');
      bridge.emit('locked', { reason: 'os-lock' });
      await page.getByTestId('lock-screen').waitFor({ timeout: 1000 });
      expect(await pageText(page)).not.toContain(dataDir);
      expect(await page.locator('#lock-title').textContent()).toBe('ديوان مقفل');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await page.screenshot({ path: artifactPath('lock-os-ar.png'), fullPage: true });
    } finally {
      await page.close();
      await bridge.close();
    }
  });
});
