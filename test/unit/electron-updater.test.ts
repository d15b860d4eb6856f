import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../main/core/shared/ports';
import { generateReleaseKey, manifestFileName, signRelease } from '../../main/core/update';
import {
  launchUpdates,
  manifestFetcher,
  startUpdates,
  UPDATE_CHECK_INTERVAL_MS,
  updatePrompts,
  type UpdaterLike,
  type UpdateOptions,
} from '../../main/electron/updater';
import { tmpDir } from '../helpers/tmp';

const FEED = 'https://updates.corp.example/diwan';
const key = generateReleaseKey();
const otherKey = generateReleaseKey();

/** A fake of electron-updater's AppUpdater: records what the adapter set and called, and fires events on demand. */
class FakeUpdater implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  allowPrerelease = true;
  feeds: unknown[] = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  listeners = new Map<string, Array<(arg: never) => void>>();
  setFeedURL(o: unknown) {
    this.feeds.push(o);
  }
  on(event: string, l: (arg: never) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    return this;
  }
  emit(event: string, arg: unknown) {
    for (const l of this.listeners.get(event) ?? []) l(arg as never);
  }
  async checkForUpdates() {
    this.checks++;
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

async function release(version: string, signer = key) {
  const dir = tmpDir();
  const file = path.join(dir, `Diwan-${version}-win-x64.exe`);
  fs.writeFileSync(file, `installer ${version} `.repeat(200));
  const manifest = await signRelease({ privateKeyPem: signer.privateKeyPem, version, files: [file] });
  return { file, manifestBytes: Buffer.from(JSON.stringify(manifest)) };
}

function harness(over: Partial<UpdateOptions> & { mode?: 'auto' | 'notify' | 'off'; manifests?: Record<string, Buffer> } = {}) {
  const updater = new FakeUpdater();
  const audit: AuditEvent[] = [];
  const available: string[] = [];
  const ready: Array<{ version: string; install: () => Promise<boolean> }> = [];
  const manifests = over.manifests ?? {};
  const controller = startUpdates({
    updater,
    config: { updateMode: over.mode ?? 'auto', updateUrl: FEED, releaseKeys: [key.publicKey] },
    currentVersion: '1.0.0',
    fetchManifest: async (url) => {
      const m = manifests[url];
      if (!m) throw new Error('404');
      return m;
    },
    audit: (e) => void audit.push(e),
    onAvailable: (v) => void available.push(v),
    onReady: (version, install) => void ready.push({ version, install }),
    ...over,
  });
  const actions = () => audit.map((e) => e.action);
  const outcome = () => vi.waitFor(() => expect(actions().some((a) => a === 'update.verified' || a === 'update.refused')).toBe(true));
  return { updater, audit, available, ready, controller, actions, outcome };
}

const url = (v: string) => `${FEED}/${manifestFileName(v)}`;

describe('update adapter (electron-updater with a fake)', () => {
  it('does nothing at all when IT turned updates off', async () => {
    const h = harness({ mode: 'off' });
    await h.controller.check();
    expect(h.controller.mode).toBe('off');
    expect(h.updater.feeds).toEqual([]);
    expect(h.updater.checks).toBe(0);
  });

  it('points the generic provider at the feed and never lets electron-updater install on its own', async () => {
    const h = harness();
    expect(h.updater.feeds).toEqual([{ provider: 'generic', url: FEED }]);
    expect(h.updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: false, allowPrerelease: false });
    await h.controller.check();
    expect(h.updater.checks).toBe(1);
  });

  it('installs a verified release only when asked, re-verifying first', async () => {
    const r = await release('1.1.0');
    const h = harness({ manifests: { [url('1.1.0')]: r.manifestBytes } });
    h.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: r.file });
    await h.outcome();
    expect(h.audit[0]).toMatchObject({ action: 'update.verified', target: 'version:1.1.0', details: { file: path.basename(r.file) } });
    expect(h.updater.installs).toEqual([]);
    expect(h.ready.map((x) => x.version)).toEqual(['1.1.0']);
    expect(await h.ready[0]!.install()).toBe(true);
    expect(h.updater.installs).toEqual([[false, true]]);
    expect(h.actions()).toEqual(['update.verified', 'update.install']);
  });

  it('refuses a tampered download', async () => {
    const r = await release('1.1.0');
    fs.appendFileSync(r.file, 'malware');
    const h = harness({ manifests: { [url('1.1.0')]: r.manifestBytes } });
    h.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: r.file });
    await h.outcome();
    expect(h.audit).toEqual([{ action: 'update.refused', actor: 'system', target: 'version:1.1.0', details: { code: 'update_artifact_mismatch' } }]);
    expect(h.ready).toEqual([]);
    expect(h.updater.installs).toEqual([]);
  });

  it('refuses a release signed with a key IT does not trust', async () => {
    const r = await release('1.1.0', otherKey);
    const h = harness({ manifests: { [url('1.1.0')]: r.manifestBytes } });
    h.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: r.file });
    await h.outcome();
    expect(h.audit[0]!.details).toEqual({ code: 'update_untrusted_key' });
    expect(h.updater.installs).toEqual([]);
  });

  it('refuses a downgrade, even correctly signed, and never announces one', async () => {
    const r = await release('0.9.0');
    const h = harness({ manifests: { [url('0.9.0')]: r.manifestBytes } });
    h.updater.emit('update-available', { version: '0.9.0' });
    h.updater.emit('update-downloaded', { version: '0.9.0', downloadedFile: r.file });
    await h.outcome();
    expect(h.audit.map((e) => [e.action, e.details])).toEqual([['update.refused', { code: 'update_downgrade' }]]);
    expect(h.available).toEqual([]);
  });

  it('refuses when the feed has no signed manifest for the version', async () => {
    const r = await release('1.1.0');
    const h = harness();
    h.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: r.file });
    await h.outcome();
    expect(h.audit[0]!.details).toEqual({ code: 'update_manifest_unavailable' });
  });

  it('refuses to install a file changed after it was verified', async () => {
    const r = await release('1.1.0');
    const h = harness({ manifests: { [url('1.1.0')]: r.manifestBytes } });
    h.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: r.file });
    await h.outcome();
    fs.appendFileSync(r.file, 'swapped');
    expect(await h.ready[0]!.install()).toBe(false);
    expect(h.updater.installs).toEqual([]);
    expect(h.actions()).toEqual(['update.verified', 'update.refused']);
  });

  it('never installs an older verified download once another one arrived', async () => {
    const a = await release('1.1.0');
    const b = await release('1.2.0');
    const h = harness({ manifests: { [url('1.1.0')]: a.manifestBytes } });
    h.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: a.file });
    await h.outcome();
    h.updater.emit('update-downloaded', { version: '1.2.0', downloadedFile: b.file }); // no manifest: refused
    await vi.waitFor(() => expect(h.actions()).toContain('update.refused'));
    expect(await h.ready[0]!.install()).toBe(false);
    expect(h.updater.installs).toEqual([]);
  });

  it('notify mode: downloads nothing and tells the person a newer version exists', async () => {
    const r = await release('1.1.0');
    const h = harness({ mode: 'notify', manifests: { [url('1.1.0')]: r.manifestBytes } });
    expect(h.updater.autoDownload).toBe(false);
    h.updater.emit('update-available', { version: '1.1.0' });
    h.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: r.file });
    expect(h.available).toEqual(['1.1.0']);
    expect(h.ready).toEqual([]);
    expect(h.audit).toEqual([{ action: 'update.available', actor: 'system', target: 'version:1.1.0', details: { mode: 'notify' } }]);
  });

  it('records updater errors without their text', () => {
    const h = harness();
    h.updater.emit('error', Object.assign(new Error('net::ERR_CERT_AUTHORITY_INVALID https://updates.corp.example'), { name: 'HttpError' }));
    expect(h.audit).toEqual([{ action: 'update.error', actor: 'system', details: { error: 'HttpError' } }]);
  });
});

describe('launching updates', () => {
  it('loads no updater when off; otherwise checks now and every six hours', async () => {
    let loads = 0;
    const timers: number[] = [];
    const fake = new FakeUpdater();
    const deps = {
      updater: async () => (loads++, fake),
      currentVersion: '1.0.0',
      fetch: globalThis.fetch,
      dialog: { showMessageBox: async () => ({ response: 1 }) },
      audit: () => {},
      every: (ms: number) => void timers.push(ms),
    };
    expect((await launchUpdates({ ...deps, managed: { updateMode: 'off', releaseKeys: [] } })).mode).toBe('off');
    expect(loads).toBe(0);
    const c = await launchUpdates({ ...deps, managed: { updateMode: 'notify', updateUrl: FEED, releaseKeys: [] } });
    expect(c.mode).toBe('notify');
    expect(loads).toBe(1);
    expect(fake.checks).toBe(1);
    expect(timers).toEqual([UPDATE_CHECK_INTERVAL_MS]);
  });

  it('installs only when the person chooses "Restart now"', async () => {
    for (const [response, expected] of [[0, 1], [1, 0]] as const) {
      let installs = 0;
      const prompts = updatePrompts({ showMessageBox: async () => ({ response }) });
      prompts.onReady('1.1.0', async () => (installs++, true));
      await vi.waitFor(() => expect(installs).toBe(expected));
    }
  });
});

describe('manifest fetcher (real HTTP on 127.0.0.1)', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function serve(handler: http.RequestListener): Promise<string> {
    server = http.createServer(handler);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('returns the body of a 200', async () => {
    const base = await serve((_q, s) => s.end('{"x":1}'));
    expect(Buffer.from(await manifestFetcher(fetch)(`${base}/m.json`)).toString()).toBe('{"x":1}');
  });

  it('refuses other statuses, redirects and oversized bodies', async () => {
    const base = await serve((q, s) => {
      if (q.url === '/missing') return void s.writeHead(404).end();
      if (q.url === '/redirect') return void s.writeHead(302, { location: 'http://elsewhere.invalid/' }).end();
      s.end('x'.repeat(70_000));
    });
    const get = manifestFetcher(fetch);
    await expect(get(`${base}/missing`)).rejects.toThrow(/HTTP 404/);
    await expect(get(`${base}/redirect`)).rejects.toThrow();
    await expect(get(`${base}/huge`)).rejects.toThrow(/too large/);
  });
});
