import type { BrowserWindowLike, ElectronPort, WebPreferencesLike } from './port';

/** The only webPreferences any Diwan window gets. Each line is a hardening decision; see docs/SECURITY.md. */
export function secureWebPreferences(preload: string, isPackaged: boolean): WebPreferencesLike {
  return {
    preload,
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
    devTools: !isPackaged,
  };
}

export function createMainWindow(electron: ElectronPort, preload: string): BrowserWindowLike {
  const win = new electron.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Diwan',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preload, electron.app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  return win;
}
