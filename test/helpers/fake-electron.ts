import type {
  BrowserWindowLike,
  BrowserWindowOptionsLike,
  ElectronPort,
  IpcInvokeEventLike,
  DownloadItemLike,
  NavigationEventLike,
  WebContentsLike,
} from '../../main/electron/port';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a fake accepts any listener shape Electron defines
type Listener = (...args: any[]) => void;

/** A small, honest fake of the Electron APIs main/electron uses: it records what the shell asked for. */
export class FakeWebContents implements WebContentsLike {
  listeners = new Map<string, Listener[]>();
  windowOpenHandler?: (d: { url: string }) => { action: 'deny' };
  sent: Array<[string, unknown]> = [];
  reloads = 0;
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  reload() {
    this.reloads++;
  }
  /** Fires an event the way Electron would; returns whether a listener called preventDefault. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e: NavigationEventLike = { preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return prevented;
  }
}

export class FakeWindow implements BrowserWindowLike {
  static created: FakeWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string[] = [];
  constructor(readonly options: BrowserWindowOptionsLike) {
    FakeWindow.created.push(this);
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
  once() {
    return this;
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
  isDestroyed() {
    return false;
  }
}

export interface FakeElectron extends ElectronPort {
  calls: string[];
  handlers: Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>;
  appListeners: Map<string, Listener[]>;
  powerListeners: Map<string, Listener[]>;
  permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  permissionCheck?: (wc: unknown, permission: string) => boolean;
  willDownload?: (e: NavigationEventLike, item: DownloadItemLike) => void;
  protocolHandler?: (req: Request) => Promise<Response>;
  privileged: unknown[];
  opened: string[];
  errors: string[];
  /** Notifications the shell showed, in order. */
  notifications: Array<{ title: string; body: string; silent: boolean; hasReply: boolean }>;
  /** Fires a powerMonitor event (lock-screen, suspend, resume) the way the OS would. */
  emitPower(event: string): void;
  /** Fires an app event (will-quit, second-instance, …). */
  emitApp(event: string, ...args: unknown[]): void;
}

export function fakeElectron(
  opts: { singleInstance?: boolean; isPackaged?: boolean; userData?: string; notificationsSupported?: boolean } = {},
): FakeElectron {
  FakeWindow.created = [];
  const f = {
    calls: [] as string[],
    handlers: new Map(),
    appListeners: new Map<string, Listener[]>(),
    powerListeners: new Map<string, Listener[]>(),
    privileged: [] as unknown[],
    opened: [] as string[],
    errors: [] as string[],
    notifications: [],
  } as unknown as FakeElectron;
  const add = (m: Map<string, Listener[]>, e: string, l: Listener) => m.set(e, [...(m.get(e) ?? []), l]);
  f.app = {
    isPackaged: opts.isPackaged ?? true,
    enableSandbox: () => void f.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (f.calls.push('requestSingleInstanceLock'), opts.singleInstance ?? true),
    whenReady: async () => void f.calls.push('whenReady'),
    getPath: () => opts.userData ?? '/nonexistent',
    quit: () => void f.calls.push('quit'),
    on: (event: string, l: Listener) => add(f.appListeners, event, l),
  } as ElectronPort['app'];
  f.BrowserWindow = FakeWindow;
  f.protocol = {
    registerSchemesAsPrivileged: (s) => {
      f.calls.push('registerSchemesAsPrivileged');
      f.privileged.push(...s);
    },
    handle: (_scheme, h) => {
      f.protocolHandler = h;
    },
  };
  f.session = {
    defaultSession: {
      setPermissionRequestHandler: (h) => (f.permissionRequest = h),
      setPermissionCheckHandler: (h) => (f.permissionCheck = h),
      on: (_event, l) => (f.willDownload = l),
    },
  };
  f.ipcMain = { handle: (channel, l) => void f.handlers.set(channel, l) };
  f.shell = { openExternal: async (u) => void f.opened.push(u) };
  f.powerMonitor = { on: (e: string, l: Listener) => add(f.powerListeners, e, l) };
  f.dialog = { showErrorBox: (_t, c) => void f.errors.push(c), showSaveDialog: async () => ({ canceled: true }) };
  f.Notification = class {
    constructor(private readonly options: { title: string; body: string; silent: boolean; hasReply: boolean }) {}
    static isSupported() {
      return opts.notificationsSupported ?? true;
    }
    show() {
      f.notifications.push(this.options);
    }
  };
  f.emitPower = (event) => {
    for (const l of f.powerListeners.get(event) ?? []) l();
  };
  f.emitApp = (event, ...args) => {
    for (const l of f.appListeners.get(event) ?? []) l(...args);
  };
  return f;
}
