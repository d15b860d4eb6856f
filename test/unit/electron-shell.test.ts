import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startShell } from '../../main/electron/app';
import { channelNames, createHandlers } from '../../main/ipc';
import { createConsoleServices } from '../../main/ipc/console-services';
import { noSaveDialog } from '../../main/core/app/attachments';
import { teamHandlers } from '../../main/ipc/team/handlers';
import { isAllowedExternalUrl } from '../../main/electron/hardening';
import { isTrustedSender } from '../../main/electron/ipc';
import { APP_ENTRY_URL, createAppProtocolHandler } from '../../main/electron/protocol';
import { secureWebPreferences } from '../../main/electron/window';
import type { Core } from '../../main/core/app';
import { testCore } from '../helpers/core';
import { FakeWebContents, FakeWindow, fakeElectron } from '../helpers/fake-electron';
import { pinnedFetch } from '../../main/core/network';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { TestClock } from '../helpers/identity';
import { tmpDir } from '../helpers/tmp';

/** The `locked` events a window was sent (the running demo channel also sends `inboxChanged`). */
const lockEvents = (win: FakeWindow) => win.webContents.sent.filter(([name]) => name === 'diwan-event:locked');

let core: Core | undefined;
afterEach(() => core?.close());

async function started(opts: Parameters<typeof fakeElectron>[0] = {}) {
  const electron = fakeElectron(opts);
  const rendererDir = tmpDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  core = await testCore();
  const shell = await startShell(electron, { rendererDir, preloadPath: '/p/index.cjs', openCore: () => core! });
  return { electron, shell, rendererDir };
}

describe('hardened Electron shell', () => {
  it('creates the window with the hardened webPreferences and loads app://', async () => {
    const { shell } = await started();
    const win = FakeWindow.created[0]!;
    expect(win.options.webPreferences).toEqual({
      preload: '/p/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(shell).not.toBeNull();
  });

  it('keeps DevTools for unpackaged development builds only', () => {
    expect(secureWebPreferences('/p', true).devTools).toBe(false);
    expect(secureWebPreferences('/p', false).devTools).toBe(true);
  });

  it('enables the sandbox and registers the app scheme before the app is ready', async () => {
    const { electron } = await started();
    const order = electron.calls;
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('whenReady'));
    expect(order.indexOf('enableSandbox')).toBeLessThan(order.indexOf('whenReady'));
  });

  it('quits when another instance holds the lock', async () => {
    const electron = fakeElectron({ singleInstance: false });
    const shell = await startShell(electron, { rendererDir: tmpDir(), preloadPath: '/p', openCore: () => testCore() });
    expect(shell).toBeNull();
    expect(electron.calls).toContain('quit');
    expect(FakeWindow.created).toHaveLength(0);
  });

  it('denies every permission request and check', async () => {
    const { electron } = await started();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb']) {
      let granted: boolean | undefined;
      electron.permissionRequest!(null, p, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(electron.permissionCheck!(null, p)).toBe(false);
    }
  });

  it('cancels every download before a byte is written, and logs only its scheme', async () => {
    const lines: string[] = [];
    const electron = fakeElectron();
    const rendererDir = tmpDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    core = await testCore();
    await startShell(electron, { rendererDir, preloadPath: '/p/index.cjs', openCore: () => core!, log: (l) => lines.push(l) });
    for (const url of ['blob:app://diwan/1b2c', 'data:text/html,<script>x</script>', 'https://files.example/export.csv?token=SECRET-123']) {
      let prevented = false;
      let cancelled = false;
      electron.willDownload!({ preventDefault: () => (prevented = true) }, { getURL: () => url, cancel: () => (cancelled = true) });
      expect({ prevented, cancelled }).toEqual({ prevented: true, cancelled: true });
    }
    expect(lines.filter((l) => l.startsWith('download refused'))).toEqual(['download refused (blob:)', 'download refused (data:)', 'download refused (https:)']);
    expect(lines.join('\n')).not.toContain('SECRET');
  });

  it('denies navigation, redirects, webviews and new windows in every web contents', async () => {
    const { electron } = await started();
    const contents = new FakeWebContents();
    for (const l of electron.appListeners.get('web-contents-created') ?? []) l({}, contents);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://diwan/other.html')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual([]);
  });

  it('opens only allow-listed https links in the OS browser', () => {
    expect(isAllowedExternalUrl('https://help.acme.example/x', ['acme.example'])).toBe(true);
    expect(isAllowedExternalUrl('http://acme.example/', ['acme.example'])).toBe(false);
    expect(isAllowedExternalUrl('https://acme.example.evil.test/', ['acme.example'])).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@acme.example/', ['acme.example'])).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', ['acme.example'])).toBe(false);
    expect(isAllowedExternalUrl('not a url', ['acme.example'])).toBe(false);
  });

  it('registers one IPC handler per contract channel, and each checks its sender', async () => {
    const { electron } = await started();
    const diwanHandles = [...electron.handlers.keys()].filter((k) => k.startsWith('diwan:')).sort();
    expect(diwanHandles).toEqual(channelNames.map((c) => `diwan:${c}`).sort());
    // behind that one handle, both the single-seat and the team-mode handlers answer every channel, and nothing else
    for (const [mode, handlers] of [
      ['single-seat', createHandlers(core!, createConsoleServices(core!, { notify: () => false }))],
      ['team mode', teamHandlers(core!, noSaveDialog)],
    ] as const) {
      expect(Object.keys(handlers).sort(), mode).toEqual([...channelNames].sort());
      for (const channel of channelNames) expect(typeof handlers[channel], `${mode}: ${channel}`).toBe('function');
    }
    const handler = electron.handlers.get('diwan:getStatus')!;
    expect(handler).toBeDefined();
    const main = { url: 'app://diwan/index.html' };
    expect(await handler({ senderFrame: main, sender: { mainFrame: main } }, {})).toMatchObject({ ok: true });
    const sub = { url: 'app://diwan/index.html' };
    expect(await handler({ senderFrame: sub, sender: { mainFrame: main } }, {})).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    const remote = { url: 'https://evil.example/' };
    expect(await handler({ senderFrame: remote, sender: { mainFrame: remote } }, {})).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    expect(await handler({ senderFrame: null, sender: { mainFrame: main } }, {})).toMatchObject({ ok: false });
  });

  it('trusts only the main frame of app://diwan', () => {
    const f = (url: string) => ({ url });
    const main = f('app://diwan/index.html');
    expect(isTrustedSender({ senderFrame: main, sender: { mainFrame: main } })).toBe(true);
    for (const url of ['file:///index.html', 'app://other/index.html', 'http://127.0.0.1/', 'app://diwan.evil/']) {
      const frame = f(url);
      expect(isTrustedSender({ senderFrame: frame, sender: { mainFrame: frame } })).toBe(false);
    }
  });

  it('serves the renderer over app:// with the CSP and never outside its folder', async () => {
    const { rendererDir } = await started();
    const handle = createAppProtocolHandler(rendererDir);
    const ok = await handle(new Request('app://diwan/index.html'));
    expect(ok.status).toBe(200);
    const csp = ok.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    for (const bad of ['app://diwan/../package.json', 'app://diwan/%2e%2e/%2e%2e/etc/passwd', 'app://other/index.html', 'app://diwan/%00']) {
      expect((await handle(new Request(bad))).status).toBe(404);
    }
  });

  it('on OS lock and suspend tells the renderer and reloads it, dropping its memory', async () => {
    const { electron } = await started();
    const win = FakeWindow.created[0]!;
    // The demo channel runs; what it stores reaches the page as ids only.
    await expect.poll(() => win.webContents.sent.find(([name]) => name === 'diwan-event:inboxChanged')).toEqual([
      'diwan-event:inboxChanged',
      { conversationIds: expect.arrayContaining([1]), assignedToMe: [] },
    ]);
    electron.emitPower('lock-screen');
    expect(lockEvents(win)).toEqual([['diwan-event:locked', { reason: 'os-lock' }]]);
    expect(win.webContents.reloads).toBe(1);
    electron.emitPower('suspend');
    expect(win.webContents.reloads).toBe(2);
  });

  it('starts the office-network gate, re-checks on resume, and locks the page when the network is left', async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])]), signer);
    let ifaces = interfaces({ eth0: ['10.20.1.5'] });
    let beaconCalls = 0;
    core = await testCore({
      network: { ...loc, interfaces: () => ifaces, dnsSuffixes: async () => [], debounceMs: 10, fetch: (r) => (beaconCalls++, pinnedFetch(r)) },
    });
    const electron = fakeElectron();
    const rendererDir = tmpDir();
    await startShell(electron, { rendererDir, preloadPath: '/p/index.cjs', openCore: () => core! });
    const win = FakeWindow.created[0]!;
    await expect.poll(() => core!.gate.current()?.state).toBe('office');
    expect(lockEvents(win)).toEqual([]);

    const before = beaconCalls;
    electron.emitPower('resume');
    await expect.poll(() => beaconCalls).toBeGreaterThan(before);

    ifaces = interfaces({ wlan0: ['192.168.1.20'] });
    core.gate.onNetworkChange();
    await expect.poll(() => win.webContents.reloads, { interval: 5, timeout: 1000 }).toBe(1);
    expect(lockEvents(win)).toEqual([['diwan-event:locked', { reason: 'off-network' }]]);
    const main = { url: 'app://diwan/index.html' };
    const status = await electron.handlers.get('diwan:getNetworkStatus')!({ senderFrame: main, sender: { mainFrame: main } }, {});
    expect(status).toMatchObject({ ok: true, value: { state: 'off-network', locked: true } });

    electron.emitApp('will-quit');
    expect(core.db.open).toBe(false);
  });

  it('OS lock ends the signed-in session; an idle session locks the console; each window has its own session', async () => {
    const electron = fakeElectron();
    const rendererDir = tmpDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const clock = new TestClock();
    core = await testCore({ clock });
    await startShell(electron, { rendererDir, preloadPath: '/p/index.cjs', openCore: () => core! });
    const win = FakeWindow.created[0]!;
    const handler = (name: string) => electron.handlers.get(`diwan:${name}`)!;
    const main = { url: 'app://diwan/index.html' };
    const event = { senderFrame: main, sender: { mainFrame: main } };
    expect(await handler('createAdmin')(event, { username: 'admin', password: 'a long enough password' })).toMatchObject({ ok: true });
    expect(await handler('listUsers')(event, {})).toMatchObject({ ok: true });
    const otherMain = { url: 'app://diwan/index.html' };
    expect(await handler('listUsers')({ senderFrame: otherMain, sender: { mainFrame: otherMain } }, {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });

    for (const l of electron.powerListeners.get('lock-screen') ?? []) l();
    expect(await handler('listUsers')(event, {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    await core!.identity.signIn({ sessionId: null, pendingSignIn: null }, { username: 'admin', password: 'a long enough password' });
    clock.advance(15 * 60_000);
    win.webContents.sent.length = 0;
    core!.identity.sessions.sweep();
    expect(lockEvents(win)).toEqual([['diwan-event:locked', { reason: 'idle' }]]);
  });

  it('shows surge mode to the lead as an OS notification without customer text', async () => {
    const electron = fakeElectron();
    const rendererDir = tmpDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const clock = new TestClock();
    core = await testCore({ clock });
    core.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp' });
    await startShell(electron, { rendererDir, preloadPath: '/p/index.cjs', openCore: () => core! });
    let n = 0;
    for (let s = 0; s < 40; s++) {
      clock.advance(1000);
      const batch = Array.from({ length: 20 }, (_, i) => ({
        platformMessageId: `f${++n}`,
        platformConversationId: `bot${i % 4}`,
        contact: { platformUserId: `bot${i % 4}` },
        direction: 'in' as const,
        text: `secret-customer-text ${n} ${Math.sin(n)}`,
        sentAt: clock.now(),
      }));
      core.channels.sink.ingest('wa', batch, null);
    }
    const surge = electron.notifications.find((x) => x.title === 'Surge on wa');
    expect(surge).toBeDefined();
    expect(JSON.stringify(electron.notifications)).not.toContain('secret-customer-text');
  });

  it('explains and quits when the database cannot be opened', async () => {
    const electron = fakeElectron();
    const { DiwanError } = await import('../../main/core/shared/errors');
    const shell = await startShell(electron, {
      rendererDir: tmpDir(),
      preloadPath: '/p',
      openCore: () => {
        throw new DiwanError('db_newer', 'written by a newer Diwan');
      },
    });
    expect(shell).toBeNull();
    expect(electron.errors).toEqual(['written by a newer Diwan']);
    expect(electron.calls).toContain('quit');
  });
});
