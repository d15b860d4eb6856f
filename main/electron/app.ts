import { embeddedModeFromEnv, openCore, type Core, type EmbeddedHubStarter } from '../core/app';
import type { ManagedConfig } from '../core/config';
import { isDiwanError } from '../core/shared/errors';
import { createMainDispatch } from '../ipc';
import { watchInbox } from '../ipc/console-services';
import { watchTeamAdminRequests, watchHeld, watchTeamMarkers } from '../ipc/team/events';
import { DEFAULT_EXTERNAL_HOSTS, hardenSession, hardenWebContents } from './hardening';
import { registerIpc, sendEvent } from './ipc';
import { createNotifier } from './notify';
import { createSaveFile } from './save-file';
import type { BrowserWindowLike, ElectronPort } from './port';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { createMainWindow } from './window';

const IDLE_SWEEP_MS = 15_000;
const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;
/** IT's managed configuration is read again this often, so a newly installed policy applies within seconds. */
const MANAGED_REREAD_MS = 3000;

export interface ShellOptions {
  rendererDir: string;
  preloadPath: string;
  log?: (line: string) => void;
  openCore?: (dataDir: string) => Core | Promise<Core>;
  /** IT's machine configuration (policy, relay, updates); a broken one stops the app with the place to fix it. */
  loadManagedConfig?: () => Promise<ManagedConfig>;
  /** Starts the embedded hub for a data folder in `hub` mode (main/hub/embedded.ts, given by main/electron/main.ts). */
  embeddedHub?: EmbeddedHubStarter;
  /** The mode asked for at this start (`DIWAN_EMBEDDED`); unset, the data folder's own (`embeddedModeOf`: new folders run the hub). */
  embedded?: string;
}

/**
 * Wires the core into Electron and nothing else. Everything here either hardens the shell or forwards an OS
 * event to the core; logic belongs in main/core.
 */
export async function startShell(
  electron: ElectronPort,
  opts: ShellOptions,
): Promise<{ window: BrowserWindowLike; core: Core; managed?: ManagedConfig } | null> {
  const { app } = electron;
  const log = opts.log ?? (() => {});
  electron.protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.on('web-contents-created', (_e, contents) =>
    hardenWebContents(contents, { allowedExternalHosts: DEFAULT_EXTERNAL_HOSTS, openExternal: (u) => electron.shell.openExternal(u) }),
  );

  await app.whenReady();
  hardenSession(electron.session.defaultSession, log);
  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(opts.rendererDir));

  let managed: ManagedConfig | undefined;
  if (opts.loadManagedConfig) {
    try {
      managed = await opts.loadManagedConfig();
    } catch (e) {
      electron.dialog.showErrorBox('Diwan cannot start', isDiwanError(e) ? e.message : "Diwan could not read IT's configuration of this computer.");
      app.quit();
      return null;
    }
    for (const note of managed.notes) log(`managed configuration: ${note}`);
  }

  const policyOf = (m: ManagedConfig | undefined) => (m?.policyBytes ? { bytes: m.policyBytes, source: m.policySource } : undefined);
  let managedPolicy = policyOf(managed);
  let core: Core;
  try {
    const open =
      opts.openCore ??
      ((dataDir: string) =>
        openCore({
          dataDir,
          log,
          network: { managedPolicy: () => managedPolicy },
          background: { retentionEveryMs: RETENTION_EVERY_MS },
          embedded: embeddedModeFromEnv(opts.embedded),
          embeddedHub: opts.embeddedHub,
        }));
    core = await open(app.getPath('userData'));
    // Device and audit keys from the keychain; a tampered audit trail stops the app here until IT acknowledges it.
    await core.ready();
  } catch (e) {
    electron.dialog.showErrorBox('Diwan cannot start', isDiwanError(e) ? e.message : 'Diwan could not open its data.');
    app.quit();
    return null;
  }
  core.identity.sessions.closeLeftovers();
  const notifier = createNotifier(electron);
  registerIpc(electron.ipcMain, createMainDispatch(core, log, notifier, createSaveFile(electron)));
  // Surge mode and security alerts reach the lead as OS notifications too (titles and counts, never customer text).
  core.guards.onNotice((notice) => void notifier.notify({ title: notice.title, body: notice.body }));

  const win = createMainWindow(electron, opts.preloadPath);
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // Locking ends every session and drops everything the renderer held: tell it, then reload the page so its
  // memory starts empty; the console comes back at the sign-in screen.
  const lock = (reason: string) => {
    core.identity.sessions.lockAll(reason);
    if (win.isDestroyed()) return;
    sendEvent(win.webContents, 'locked', { reason });
    win.webContents.reload();
  };
  electron.powerMonitor.on('lock-screen', () => lock('os-lock'));
  electron.powerMonitor.on('suspend', () => lock('suspend'));
  // The office-network gate: off-network locks the core (IPC then denies all but public calls) and the page.
  // Electron has no network-change event; the gate watches the interface list itself, and resume re-checks at once.
  core.lock.onChange(({ locked, reason }) => {
    if (locked) lock(reason ?? 'off-network');
  });
  electron.powerMonitor.on('resume', () => core.gate.onResume());
  core.gate.start();
  watchInbox(core, (changed) => !win.isDestroyed() && sendEvent(win.webContents, 'inboxChanged', changed));
  watchTeamMarkers(core, (changed) => !win.isDestroyed() && sendEvent(win.webContents, 'markersChanged', changed));
  watchTeamAdminRequests(core, () => !win.isDestroyed() && sendEvent(win.webContents, 'adminRequestsChanged', {}));
  watchHeld(core, (changed) => !win.isDestroyed() && sendEvent(win.webContents, 'heldMessagesChanged', changed));
  core.channels.start();
  // Every permitted IPC call counts as activity; the sweep ends sessions idle past the policy's limit.
  core.identity.sessions.onEnd((_session, reason) => reason === 'idle' && lock('idle'));
  const idleSweep = setInterval(() => core.identity.sessions.sweep(), IDLE_SWEEP_MS);
  idleSweep.unref?.();
  // The gate notices new bytes and re-checks at once. A read that fails (reg.exe timing out under load) is not a new
  // policy: the last one stays, and the gate still checks its signature and expiry on every evaluation.
  const load = opts.loadManagedConfig;
  const reread = load
    ? setInterval(
        () =>
          void load().then(
            (m) => (managedPolicy = policyOf(m)),
            () => log('managed configuration: could not be read again; keeping the policy read before'),
          ),
        MANAGED_REREAD_MS,
      )
    : null;
  reread?.unref?.();
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    clearInterval(idleSweep);
    if (reread) clearInterval(reread);
    core.close();
  });
  await win.loadURL(APP_ENTRY_URL);
  return { window: win, core, managed };
}
