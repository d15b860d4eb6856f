import type { ManagedConfig } from '../core/config';
import { isDiwanError } from '../core/shared/errors';
import type { AuditPort } from '../core/shared/ports';
import { compareVersions, manifestFileName, verifyRelease, type VerifiedRelease } from '../core/update';
import { MAX_MANIFEST_BYTES } from '../core/update/manifest';
import { AUDIT_ACTIONS } from '../core/audit';

/**
 * electron-updater, held on a short leash. It fetches latest.yml and downloads from the on-premises feed (generic
 * provider); it never installs by itself. A download is installed only after the detached release manifest has
 * been verified against the trusted release keys, the file's hash, and a strictly newer version — checked again
 * right before `quitAndInstall`. In notify mode nothing is downloaded: the person is told a newer version exists.
 */

/** The slice of electron-updater's AppUpdater this adapter uses (tests pass a fake). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (event: { version: string; downloadedFile: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateOptions {
  updater: UpdaterLike;
  config: Pick<ManagedConfig, 'updateMode' | 'updateUrl' | 'releaseKeys'>;
  currentVersion: string;
  /** The manifest's bytes from the feed (see `manifestFetcher`). */
  fetchManifest(url: string): Promise<Uint8Array>;
  audit: AuditPort;
  /** notify mode: a newer version exists; IT will deploy it. */
  onAvailable(version: string): void;
  /** auto mode: a verified update is ready; `install()` restarts into it (and re-verifies first). */
  onReady(version: string, install: () => Promise<boolean>): void;
  log?: (line: string) => void;
}

export interface UpdateController {
  readonly mode: ManagedConfig['updateMode'];
  check(): Promise<void>;
}

export function startUpdates(o: UpdateOptions): UpdateController {
  const { updater, config, audit } = o;
  const log = o.log ?? (() => {});
  const mode = config.updateMode;
  if (mode === 'off' || !config.updateUrl) return { mode: 'off', check: async () => {} };
  const feed = config.updateUrl;

  updater.autoDownload = mode === 'auto';
  updater.autoInstallOnAppQuit = false; // nothing is installed without our verification, not even on quit
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.setFeedURL({ provider: 'generic', url: feed });

  /** The latest download electron-updater would install; only it may be installed, and only once verified. */
  let latest: { version: string; downloadedFile: string } | null = null;

  const verify = async (d: { version: string; downloadedFile: string }): Promise<VerifiedRelease> => {
    const url = `${feed}/${manifestFileName(d.version)}`;
    let manifest: Uint8Array;
    try {
      manifest = await o.fetchManifest(url);
    } catch {
      throw Object.assign(new Error(`The signed release manifest ${manifestFileName(d.version)} could not be fetched from the update feed; nothing was installed.`), {
        code: 'update_manifest_unavailable',
      });
    }
    return verifyRelease({ manifest, trustedKeys: config.releaseKeys, runningVersion: o.currentVersion, file: d.downloadedFile, offeredVersion: d.version });
  };

  const refuse = (version: string, e: unknown) => {
    const code = isDiwanError(e) ? e.code : ((e as { code?: string }).code ?? 'update_check_failed');
    const reason = e instanceof Error ? e.message : 'unknown';
    audit({ action: AUDIT_ACTIONS.updateRefused, actor: 'system', target: `version:${version.slice(0, 64)}`, details: { code } });
    log(`update ${version.slice(0, 64)} refused: ${reason}`);
  };

  updater.on('update-available', (info) => {
    if (!isNewer(info.version, o.currentVersion)) return; // electron-updater already refuses downgrades; never tell anyone about one
    audit({ action: AUDIT_ACTIONS.updateAvailable, actor: 'system', target: `version:${info.version}`, details: { mode } });
    if (mode === 'notify') o.onAvailable(info.version);
  });

  updater.on('update-downloaded', (d) => {
    if (mode !== 'auto') return;
    const download = { version: d.version, downloadedFile: d.downloadedFile };
    latest = download;
    void verify(download).then(
      (ok) => {
        if (latest !== download) return;
        audit({ action: AUDIT_ACTIONS.updateVerified, actor: 'system', target: `version:${ok.version}`, details: { keyId: ok.keyId, file: ok.artifact.file } });
        o.onReady(ok.version, async () => {
          if (latest !== download) return false;
          try {
            await verify(download); // again, as late as possible: the file sits in a user-writable cache
          } catch (e) {
            refuse(download.version, e);
            return false;
          }
          audit({ action: AUDIT_ACTIONS.updateInstall, actor: 'system', target: `version:${ok.version}` });
          updater.quitAndInstall(false, true);
          return true;
        });
      },
      (e) => refuse(download.version, e),
    );
  });

  updater.on('error', (e) => {
    audit({ action: AUDIT_ACTIONS.updateError, actor: 'system', details: { error: e?.name ?? 'Error' } });
    log(`update check failed: ${e?.message ?? e}`);
  });

  return {
    mode,
    async check() {
      try {
        await updater.checkForUpdates();
      } catch (e) {
        log(`update check failed: ${(e as Error)?.message ?? e}`);
      }
    },
  };
}

function isNewer(offered: string, running: string): boolean {
  try {
    return compareVersions(offered, running) > 0;
  } catch {
    return false;
  }
}

/** Fetches a manifest over HTTP(S): 200 only, no redirects off the feed, bounded size and time. */
export function manifestFetcher(
  fetchFn: (url: string, init: { redirect: 'error'; signal: AbortSignal }) => Promise<Response>,
  timeoutMs = 30_000,
): (url: string) => Promise<Uint8Array> {
  return async (url) => {
    const res = await fetchFn(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_MANIFEST_BYTES) throw new Error('manifest too large');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).length;
      if (size > MAX_MANIFEST_BYTES) throw new Error('manifest too large');
      chunks.push(chunk as Uint8Array);
    }
    return Buffer.concat(chunks);
  };
}

export interface MessageBoxLike {
  showMessageBox(options: { type: 'info'; title: string; message: string; detail?: string; buttons: string[]; defaultId: number; cancelId: number }): Promise<{ response: number }>;
}

/** What the person at the console sees: notify mode says IT will deploy; auto mode offers to restart now or later. */
export function updatePrompts(dialog: MessageBoxLike): Pick<UpdateOptions, 'onAvailable' | 'onReady'> {
  return {
    onAvailable(version) {
      void dialog.showMessageBox({
        type: 'info',
        title: 'Diwan update',
        message: `Diwan ${version} is available.`,
        detail: 'Your IT team deploys updates to this computer. Nothing needs to be done here.',
        buttons: ['OK'],
        defaultId: 0,
        cancelId: 0,
      });
    },
    onReady(version, install) {
      void dialog
        .showMessageBox({
          type: 'info',
          title: 'Diwan update',
          message: `Diwan ${version} is ready to install.`,
          detail: 'It was downloaded from your organisation\'s update server and its signature checked. Diwan restarts to install it; unsent replies stay in the outbox.',
          buttons: ['Restart now', 'Later'],
          defaultId: 0,
          cancelId: 1,
        })
        .then((r) => (r.response === 0 ? install() : false));
    },
  };
}

export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface LaunchUpdatesDeps {
  managed: Pick<ManagedConfig, 'updateMode' | 'updateUrl' | 'releaseKeys'>;
  /** Loaded only when updates are on. */
  updater: () => Promise<UpdaterLike>;
  currentVersion: string;
  fetch: Parameters<typeof manifestFetcher>[0];
  dialog: MessageBoxLike;
  audit: AuditPort;
  every(ms: number, fn: () => void): void;
  log?: (line: string) => void;
}

/** Starts the updater in IT's mode: one check now, then every six hours. */
export async function launchUpdates(d: LaunchUpdatesDeps): Promise<UpdateController> {
  if (d.managed.updateMode === 'off' || !d.managed.updateUrl) return { mode: 'off', check: async () => {} };
  const controller = startUpdates({
    updater: await d.updater(),
    config: d.managed,
    currentVersion: d.currentVersion,
    fetchManifest: manifestFetcher(d.fetch),
    audit: d.audit,
    log: d.log,
    ...updatePrompts(d.dialog),
  });
  void controller.check();
  d.every(UPDATE_CHECK_INTERVAL_MS, () => void controller.check());
  return controller;
}
