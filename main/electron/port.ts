/**
 * The few Electron APIs the shell uses, as structural types: `main.ts` passes the real module, unit tests a fake.
 * Keep this list short; anything that can live in the core belongs there instead.
 */
export interface WebPreferencesLike {
  preload: string;
  sandbox: boolean;
  contextIsolation: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  experimentalFeatures: boolean;
  navigateOnDragDrop: boolean;
  safeDialogs: boolean;
  spellcheck: boolean;
  devTools: boolean;
}

export interface NavigationEventLike {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: NavigationEventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: NavigationEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  send(channel: string, payload: unknown): void;
  reload(): void;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
}

export interface BrowserWindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferencesLike;
}

export interface DownloadItemLike {
  getURL(): string;
  cancel(): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  on(event: 'will-download', listener: (e: NavigationEventLike, item: DownloadItemLike) => void): unknown;
}

export interface FrameLike {
  url: string;
}

export interface IpcInvokeEventLike {
  senderFrame: FrameLike | null;
  sender: { mainFrame: FrameLike };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface ElectronPort {
  app: {
    isPackaged: boolean;
    enableSandbox(): void;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<unknown>;
    getPath(name: 'userData' | 'downloads'): string;
    quit(): void;
    on(event: 'second-instance' | 'window-all-closed' | 'will-quit', listener: () => void): unknown;
    on(event: 'web-contents-created', listener: (e: unknown, contents: WebContentsLike) => void): unknown;
  };
  BrowserWindow: new (options: BrowserWindowOptionsLike) => BrowserWindowLike;
  protocol: {
    registerSchemesAsPrivileged(
      schemes: Array<{ scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }>,
    ): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  session: { defaultSession: SessionLike };
  ipcMain: IpcMainLike;
  shell: { openExternal(url: string): Promise<void> };
  powerMonitor: { on(event: 'lock-screen' | 'suspend' | 'resume', listener: () => void): unknown };
  dialog: {
    showErrorBox(title: string, content: string): void;
    showSaveDialog(options: { defaultPath: string; title: string }): Promise<{ canceled: boolean; filePath?: string }>;
  };
  Notification: NotificationConstructorLike;
}

export interface NotificationConstructorLike {
  new (options: { title: string; body: string; silent: boolean; hasReply: boolean }): { show(): void };
  isSupported(): boolean;
}
