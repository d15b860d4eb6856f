import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, protocol, session, shell } from 'electron';
import { startShell } from './app';
import type { ElectronPort } from './port';

const here = path.dirname(fileURLToPath(import.meta.url));

const electron = { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, protocol, session, shell } as unknown as ElectronPort;

void startShell(electron, {
  rendererDir: path.join(here, '../renderer'),
  preloadPath: path.join(here, '../preload/index.cjs'),
  log: (line) => console.log(line),
});
