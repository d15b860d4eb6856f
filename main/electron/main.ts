import '../core/shared/regexp-engine';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, Notification, powerMonitor, protocol, session, shell } from 'electron';
import { APP_VERSION } from '../core/app/version';
import { startEmbeddedHub } from '../hub/embedded';
import { startShell } from './app';
import { cliArgs, runCliInApp } from './cli-flag';
import { loadManagedConfigForApp } from './managed';
import type { ElectronPort } from './port';
import { launchUpdates, type UpdaterLike } from './updater';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => console.log(line);

const electron = { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, protocol, session, shell } as unknown as ElectronPort;

const cli = cliArgs(process.argv);
if (cli) {
  void runCliInApp(app, cli, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
} else {
  void startShell(electron, {
    rendererDir: path.join(here, '../renderer'),
    preloadPath: path.join(here, '../preload/index.cjs'),
    log,
    loadManagedConfig: () => loadManagedConfigForApp(app.getAppPath()),
    // The composition root hands the core its embedded hub (the core never imports main/hub).
    embeddedHub: (o, source) => startEmbeddedHub(o, source),
    embedded: process.env.DIWAN_EMBEDDED,
  }).then(async (started) => {
    if (!started?.managed || !app.isPackaged) return;
    await launchUpdates({
      managed: started.managed,
      updater: async () => {
        // CommonJS module: its exports are the default export under Node's ESM loader.
        const { default: electronUpdater } = await import('electron-updater');
        return electronUpdater.autoUpdater as unknown as UpdaterLike;
      },
      currentVersion: APP_VERSION,
      fetch: (url, init) => net.fetch(url, init),
      dialog,
      audit: started.core.audit,
      every: (ms, fn) => void setInterval(fn, ms).unref(),
      log,
    });
  });
}
